// The core's data model: an article's metadata (all the index needs) and its body as blocks.
import {visibleControls} from './sanitize.js';

/** A run of inline text with one style. The text is sanitized (no control characters) by the parser. */
export type Inline = {
	text: string;
	style: InlineStyle;
	/** Link target, for `style: 'link'`. */
	href?: string;
	/** The address is in the text already (a laid-out line carried on): the layout does not add it again. */
	addressShown?: true;
};

export type InlineStyle = 'plain' | 'emphasis' | 'strong' | 'code' | 'link';

/** One block of an article body, in reading order. */
export type Block =
	| {
		kind: 'paragraph';
		inlines: Inline[];
		/**
		 * Set on the first paragraph of a piece of a long body cut inside running text (see
		 * core/parse-markdown's markdownChunks): its text goes on from the block before, after a space
		 * (`'space'`) or inside a word (`'word'`), and is laid out as the rest of that block.
		 */
		continues?: 'space' | 'word';
	}
	| {kind: 'subheading'; level: 2 | 3 | 4; text: string}
	| {
		kind: 'quote';
		inlines: Inline[];
		/** As on a paragraph: the quote's text goes on from the quote block before (a long quote cut in two). */
		continues?: 'space' | 'word';
	}
	| {kind: 'list-item'; ordered: boolean; number: number; depth: number; inlines: Inline[]}
	| {kind: 'rule'};

/** What the index keeps for every article: frontmatter only, never the body. */
export type ArticleMeta = {
	/** Path relative to its folder without `.md`, with `/` separators: `world/harbour-vote`. */
	id: string;
	title: string;
	section: string;
	/** ISO 8601 date, or undefined when the article has none. */
	date?: string;
	author?: string;
	summary: string;
	tags: string[];
	/** Ids named in the frontmatter `related` list. */
	related: string[];
	/** URL of the original (a feed article: the item's link). */
	source?: string;
	/** A feed article's subscription URL, as the subscriptions file stores it. */
	feed?: string;
	/** A feed article's id in its feed (the item's guid, else its link, else a hash of title and date). */
	guid?: string;
	/** Absolute path of the Markdown file. */
	file: string;
};

export type Article = ArticleMeta & {blocks: Block[]};

/** An article whose body is still Markdown text: the reader parses and lays it out a chunk at a time. */
export type ArticleText = ArticleMeta & {body: string};

/** A file that could not be loaded (or loaded with a part ignored), and why. */
export type ArticleProblem = {
	/** The file's path, control characters written as visible escapes: safe to print. */
	file: string;
	reason: string;
};

/** Plain text of a run of inlines. */
export function inlineText(inlines: readonly Inline[]): string {
	return inlines.map(inline => inline.text).join('');
}

/**
 * The article id for a file path relative to its folder: `world/harbour-vote.md` -> `world/harbour-vote`.
 * A control character in the name is written as a visible escape (`\x1b`): the id is printed as it is
 * and typed back as it was printed (`newsread read 'g\x1b]0;x\x07'`).
 */
export function articleIdFromPath(relativePath: string): string {
	return visibleControls(relativePath.replaceAll('\\', '/').replace(/\.md$/i, ''));
}
