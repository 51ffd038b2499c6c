// Whether a feed item's content is only a teaser, so that its linked page is worth fetching for the
// full text (the `auto` rule of issue #9), and the word count that decides it.
import {htmlToText} from './feed-text.js';

/** Content with fewer words than this is a teaser. */
export const TEASER_WORDS = 150;

// Chinese and Japanese are written without spaces between words: each character counts as one.
const ideographs = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu;
// A run of letters, digits and combining marks, with an apostrophe, hyphen or dot inside (`don't`, `e-mail`, `3.5`).
const words = /[\p{L}\p{N}\p{M}]+(?:['’.-][\p{L}\p{N}\p{M}]+)*/gu;

/**
 * The number of words in a text. Intl.Segmenter would know more languages, but in Node 20 it takes
 * most of a second on 100 KB of text and grows faster than the text.
 */
export function countWords(text: string): number {
	let count = 0;
	const spaced = text.replace(ideographs, () => {
		count++;
		return ' ';
	});
	return count + (spaced.match(words)?.length ?? 0);
}

/**
 * Whether a feed item gives only a teaser of its article: its content (HTML) has fewer than
 * TEASER_WORDS words, or there is no content but the summary, or the content is the summary again.
 * Words are counted in the text, never in the markup.
 */
export function isTeaser(contentHtml: string | undefined, summary: string | undefined): boolean {
	// The same text as the parser made the summary from, so "the summary again" is seen as such.
	const content = contentHtml === undefined ? '' : htmlToText(contentHtml);
	if (countWords(content) < TEASER_WORDS) {
		return true;
	}

	return summary !== undefined && htmlToText(summary) === content;
}
