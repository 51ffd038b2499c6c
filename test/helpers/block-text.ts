// The plain text of a parsed block, for tests that compare what a parser found with the text expected.
import {type Block, inlineText} from '../../source/core/article.js';

/** A block's text: a subheading's text, the inlines' text of the others, '' for a rule. */
export function blockText(block: Block): string {
	if (block.kind === 'subheading') {
		return block.text;
	}

	return block.kind === 'rule' ? '' : inlineText(block.inlines);
}
