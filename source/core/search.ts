// Searching: articles across the library by title, summary, tags, author and body text, and the
// in-article find of the pager (matches on laid-out lines, and splitting segments to highlight them).
//
// Matching is case- and accent-insensitive. Text is folded one code point at a time: NFKD, combining
// marks stripped, lower-cased. Folding each code point on its own (rather than the whole string)
// keeps a map from every UTF-16 unit of the folded text back to the code point of the original it
// came from, so a match found in the folded text can be reported as offsets into the original:
//   - most characters fold to the same length (`É` -> `e`, `A` -> `a`), so offsets stay the same;
//   - a character that folds to nothing (a combining mark, as in a decomposed `e\u0301`) is added to
//     the end of the character before it, so a highlight of `cafe` covers the accent too;
//   - a character that expands (`ﬁ` -> `fi`, `½` -> `1⁄2`) maps all of its folded units back to
//     itself, so a match that starts or ends inside the expansion covers the whole character.
// A match therefore always starts and ends on a code point boundary of the original text.
// Search does no I/O: the caller hands it a reader of article bodies (Library.body reads and caches them).
import type {ArticleMeta} from './article.js';
import {type Layout, lineText, type Segment} from './layout.js';
import type {Library} from './library.js';

/** One article found by `searchLibrary`. */
export type SearchHit = {
	article: ArticleMeta;
	/**
	 * Higher is better. The whole part is the tier: 3 all words in the title, 2 some in the title,
	 * 1 some in the summary, tags or author, 0 body only; the fraction (< 1) orders within a tier.
	 */
	score: number;
	/** One line, at most SNIPPET_LENGTH characters: the text around the first body match, or the summary. */
	snippet: string;
};

/** An article's Markdown body (frontmatter removed), or undefined when it cannot be read. */
export type BodyReader = (article: ArticleMeta) => string | undefined;

/** How to search the library. */
export type SearchOptions = {
	/** Reads the body of an article whose title, summary, tags and author do not hold every word. */
	readBody: BodyReader;
	/** At most this many hits (all of them when absent). */
	limit?: number;
};

/** A find match on a layout line: [start, end) are UTF-16 offsets into `lineText(layout.lines[line])`. */
export type LayoutMatch = {
	line: number;
	start: number;
	end: number;
};

export type HighlightRange = {start: number; end: number};

export type HighlightedSegment = Segment & {match?: boolean};

/** The longest snippet, in UTF-16 units, ellipses included. */
export const SNIPPET_LENGTH = 120;

/** How much of a snippet comes before the match, at most. */
const SNIPPET_LEAD = 40;

// ---------------------------------------------------------------------------------------------
// Folding

const ASCII = /^[\x00-\x7F]*$/;
const COMBINING_MARK = /\p{M}/gu;

const foldedCodePoints = new Map<string, string>();

/** Folds one code point: NFKD, combining marks removed, lower case. */
function foldCodePoint(char: string): string {
	let folded = foldedCodePoints.get(char);
	if (folded === undefined) {
		folded = char.normalize('NFKD').replace(COMBINING_MARK, '').toLowerCase();
		if (foldedCodePoints.size > 10_000) {
			foldedCodePoints.clear();
		}

		foldedCodePoints.set(char, folded);
	}

	return folded;
}

/** Folded text for matching (the same per-code-point folding the offset maps use). */
export function foldText(text: string): string {
	if (ASCII.test(text)) {
		return text.toLowerCase();
	}

	let folded = '';
	for (const char of text) {
		folded += foldCodePoint(char);
	}

	return folded;
}

type FoldedWithMap = {
	folded: string;
	/** For every UTF-16 unit of `folded`: where the original character it came from starts. */
	starts: number[];
	/** For every UTF-16 unit of `folded`: where that character (with any marks after it) ends. */
	ends: number[];
};

/** Folds text and keeps the map back to the original offsets (see the comment at the top). */
function foldWithMap(text: string): FoldedWithMap {
	let folded = '';
	const starts: number[] = [];
	const ends: number[] = [];
	let offset = 0;
	let lastFrom = -1;
	for (const char of text) {
		const end = offset + char.length;
		const part = foldCodePoint(char);
		if (part === '') {
			// A mark (or another character that folds away) joins the character before it.
			for (let index = Math.max(0, lastFrom); index < ends.length; index++) {
				ends[index] = end;
			}
		} else {
			lastFrom = folded.length;
			folded += part;
			for (let index = 0; index < part.length; index++) {
				starts.push(offset);
				ends.push(end);
			}
		}

		offset = end;
	}

	return {folded, starts, ends};
}

/** Offsets of every non-overlapping occurrence of `needle` (already folded) in `text`, as original offsets. */
function findFolded(text: string, needle: string): HighlightRange[] {
	const ranges: HighlightRange[] = [];
	if (ASCII.test(text)) {
		// Lower-casing ASCII keeps every offset.
		const haystack = text.toLowerCase();
		for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + needle.length)) {
			ranges.push({start: at, end: at + needle.length});
		}

		return ranges;
	}

	const {folded, starts, ends} = foldWithMap(text);
	let previousEnd = 0;
	for (let at = folded.indexOf(needle); at !== -1; at = folded.indexOf(needle, at + needle.length)) {
		const start = Math.max(starts[at]!, previousEnd);
		const end = ends[at + needle.length - 1]!;
		if (end > start) {
			ranges.push({start, end});
			previousEnd = end;
		}
	}

	return ranges;
}

/** The original offset where the folded text's unit `foldedIndex` comes from. */
function originalOffset(text: string, foldedIndex: number): number {
	let offset = 0;
	let foldedLength = 0;
	for (const char of text) {
		foldedLength += foldCodePoint(char).length;
		if (foldedLength > foldedIndex) {
			return offset;
		}

		offset += char.length;
	}

	return text.length;
}

// ---------------------------------------------------------------------------------------------
// Article bodies

type BodyText = {
	/** The body as one line of plain text: Markdown punctuation stripped, whitespace folded. */
	plain: string;
	/** `plain`, folded. */
	folded: string;
	/** Whether every offset in `folded` is the same offset in `plain`. */
	sameOffsets: boolean;
};

/** The searchable form of each article's body, with the Markdown it was made from (a changed body is made again). */
const bodies = new WeakMap<ArticleMeta, {markdown: string; body: BodyText}>();

/** The article's body text for searching, or undefined when the reader cannot give it. */
function bodyText(article: ArticleMeta, readBody: BodyReader): BodyText | undefined {
	const markdown = readBody(article);
	if (markdown === undefined) {
		return undefined;
	}

	const cached = bodies.get(article);
	if (cached?.markdown === markdown) {
		return cached.body;
	}

	const plain = markdownToPlainText(markdown);
	const folded = foldText(plain);
	const body = {plain, folded, sameOffsets: folded.length === plain.length && sameLengthFolding(plain)};
	bodies.set(article, {markdown, body});
	return body;
}

/** Whether every code point of the text folds to the same number of UTF-16 units. */
function sameLengthFolding(text: string): boolean {
	if (ASCII.test(text)) {
		return true;
	}

	for (const char of text) {
		if (foldCodePoint(char).length !== char.length) {
			return false;
		}
	}

	return true;
}

/**
 * Markdown as plain text, by simple replacements (no parsing: it is for matching and snippets only).
 * Links and images keep their text, heading and quote markers go, emphasis markers go (underscores
 * only at the edges of a word, so `snake_case` stays), and all whitespace folds to single spaces.
 */
export function markdownToPlainText(markdown: string): string {
	return markdown
		.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/^[ \t]*(?:>[ \t]?)+/gm, '')
		.replace(/^[ \t]*#{1,6}(?=[ \t]|$)/gm, '')
		.replace(/[ \t]#+[ \t]*$/gm, '')
		.replace(/[*`]+/g, '')
		.replace(/(?<![\p{L}\p{N}])_+|_+(?![\p{L}\p{N}])/gu, '')
		.replace(/\s+/g, ' ')
		.trim();
}

// ---------------------------------------------------------------------------------------------
// Searching the library

type MetaText = {title: string; other: string};

const metaTexts = new WeakMap<ArticleMeta, MetaText>();

function metaText(article: ArticleMeta): MetaText {
	let text = metaTexts.get(article);
	if (text === undefined) {
		text = {
			title: foldText(article.title),
			other: foldText([article.summary, ...article.tags, article.author ?? ''].join('\n')),
		};
		metaTexts.set(article, text);
	}

	return text;
}

/** The words of a query, folded, without repeats (each must be found in the title, summary, tags, author or body). */
export function queryWords(query: string): string[] {
	return [...new Set(foldText(query).split(/\s+/).filter(word => word !== ''))];
}

/**
 * Finds the articles whose title, summary, tags, author or body contain every word of the query
 * (case- and accent-insensitive substrings). Articles with all the words in the title come first,
 * then those with some in the title, then those matched in the summary, tags or author, then body-only
 * matches; equal scores keep the library's order (newest first). An empty query finds nothing.
 */
export function searchLibrary(library: Library, query: string, options: SearchOptions): SearchHit[] {
	const words = queryWords(query);
	if (words.length === 0) {
		return [];
	}

	const hits: SearchHit[] = [];
	for (const article of library.articles) {
		const hit = matchArticle(article, words, options.readBody);
		if (hit !== undefined) {
			hits.push(hit);
		}
	}

	// Array#sort is stable: equal scores stay newest first.
	hits.sort((a, b) => b.score - a.score);
	const limit = options.limit;
	return limit === undefined ? hits : hits.slice(0, Math.max(0, Math.floor(limit)));
}

/**
 * A hit's score from how many of the query's `wordCount` words its title holds and how many of the
 * others its summary, tags or author hold (the rest are in the body): see SearchHit.score.
 */
export function searchScore(inTitle: number, inOther: number, wordCount: number): number {
	const tier = inTitle === wordCount ? 3 : inTitle > 0 ? 2 : inOther > 0 ? 1 : 0;
	// Within a tier, more words in the title (then in the summary, tags or author) rank higher; < 1.
	return tier + (((2 * inTitle) + inOther) / (2 * wordCount + 1));
}

/** What an index knows of a candidate's body without reading it. */
export type CandidateOptions = {
	readBody: BodyReader;
	/**
	 * Whether the article's body holds `word` (a query word not in its title, summary, tags or author),
	 * as the index knows it; undefined when the body must be read to tell.
	 */
	inBody: (article: ArticleMeta, word: string) => boolean | undefined;
};

/**
 * `searchLibrary`'s ranking over the articles an index found (`candidates`, newest first) rather than
 * every article: the same tiers and order; a body is read only where `inBody` cannot tell, and a hit's
 * snippet reads the body when it is first asked for (the lists show no snippet).
 */
export function rankCandidates(candidates: Iterable<ArticleMeta>, query: string, options: CandidateOptions): SearchHit[] {
	const words = queryWords(query);
	if (words.length === 0) {
		return [];
	}

	const hits: SearchHit[] = [];
	for (const article of candidates) {
		const hit = matchArticle(article, words, options.readBody, options.inBody);
		if (hit !== undefined) {
			hits.push(hit);
		}
	}

	hits.sort((a, b) => b.score - a.score);
	return hits;
}

function matchArticle(article: ArticleMeta, words: readonly string[], readBody: BodyReader, inBody?: CandidateOptions['inBody']): SearchHit | undefined {
	const {title, other} = metaText(article);
	let inTitle = 0;
	let inOther = 0;
	const bodyWords: string[] = [];
	for (const word of words) {
		if (title.includes(word)) {
			inTitle++;
		} else if (other.includes(word)) {
			inOther++;
		} else {
			bodyWords.push(word);
		}
	}

	const score = searchScore(inTitle, inOther, words.length);
	if (inBody !== undefined) {
		const unknown: string[] = [];
		for (const word of bodyWords) {
			const known = inBody(article, word);
			if (known === false) {
				return undefined;
			}

			if (known === undefined) {
				unknown.push(word);
			}
		}

		if (unknown.length > 0) {
			const body = bodyText(article, readBody);
			if (body === undefined || unknown.some(word => !body.folded.includes(word))) {
				return undefined;
			}
		}

		let snippet: string | undefined;
		return {
			article,
			score,
			get snippet() {
				snippet ??= snippetOf(article, bodyWords, readBody) ?? summarySnippet(article, readBody);
				return snippet;
			},
		};
	}

	let snippet: string | undefined;
	if (bodyWords.length > 0) {
		const body = bodyText(article, readBody);
		if (body === undefined) {
			return undefined;
		}

		const first = firstMatch(body.folded, bodyWords, true);
		if (first === undefined) {
			return undefined;
		}

		snippet = bodySnippet(body, first);
	}

	return {article, score, snippet: snippet ?? summarySnippet(article, readBody)};
}

/** The body around the first of the words found in it; undefined when none is (the index found them at the start of a word: the same). */
function snippetOf(article: ArticleMeta, bodyWords: readonly string[], readBody: BodyReader): string | undefined {
	if (bodyWords.length === 0) {
		return undefined;
	}

	const body = bodyText(article, readBody);
	if (body === undefined) {
		return undefined;
	}

	const first = firstMatch(body.folded, bodyWords, false);
	return first === undefined ? undefined : bodySnippet(body, first);
}

/** Where the first of the words is in the folded text; undefined when none is, or with `everyWord` when one is missing. */
function firstMatch(folded: string, words: readonly string[], everyWord: boolean): number | undefined {
	let first = Number.POSITIVE_INFINITY;
	for (const word of words) {
		const at = folded.indexOf(word);
		if (at === -1) {
			if (everyWord) {
				return undefined;
			}
		} else {
			first = Math.min(first, at);
		}
	}

	return first === Number.POSITIVE_INFINITY ? undefined : first;
}

/** The summary as a snippet; with no summary, the start of the body (when it can be read). */
function summarySnippet(article: ArticleMeta, readBody: BodyReader): string {
	const summary = article.summary.replace(/\s+/g, ' ').trim();
	if (summary !== '') {
		return clip(summary, 0, false);
	}

	const body = bodyText(article, readBody);
	return body === undefined ? '' : clip(body.plain, 0, false);
}

/** The body text around the folded offset of a match. */
function bodySnippet(body: BodyText, foldedIndex: number): string {
	const at = body.sameOffsets ? foldedIndex : originalOffset(body.plain, foldedIndex);
	// Up to SNIPPET_LEAD before the match, more when the body ends soon after it; all of a short body.
	let start = Math.max(0, Math.min(at - SNIPPET_LEAD, body.plain.length - SNIPPET_LENGTH + 1));
	if (start > 0) {
		// Start at a word: after the first space in the lead, if there is one.
		const space = body.plain.indexOf(' ', start);
		start = space !== -1 && space < at ? space + 1 : start;
	}

	return clip(body.plain, start, start > 0);
}

/** At most SNIPPET_LENGTH units of one-line `text` from `start`, with ellipses where it is cut. */
function clip(text: string, start: number, cutBefore: boolean): string {
	const lead = cutBefore ? '…' : '';
	start = avoidSplitSurrogate(text, start);
	if (text.length - start + lead.length <= SNIPPET_LENGTH) {
		return lead + text.slice(start);
	}

	let end = start + SNIPPET_LENGTH - lead.length - 1;
	const space = text.lastIndexOf(' ', end);
	if (space > start + (SNIPPET_LENGTH / 2)) {
		end = space;
	}

	end = avoidSplitSurrogate(text, end);
	return `${lead}${text.slice(start, end).trimEnd()}…`;
}

/** Moves an offset off the middle of a surrogate pair (to the pair's start). */
function avoidSplitSurrogate(text: string, offset: number): number {
	const code = text.charCodeAt(offset);
	return offset > 0 && code >= 0xDC_00 && code <= 0xDF_FF ? offset - 1 : offset;
}

// ---------------------------------------------------------------------------------------------
// Finding in an article

/**
 * Every occurrence of `query` in the layout's lines (a case- and accent-insensitive substring,
 * spaces included; matches never span lines and never overlap), in reading order. Offsets are
 * UTF-16 offsets into `lineText(line)` of the original text. An empty or all-space query finds nothing.
 */
export function findInLayout(layout: Layout, query: string): LayoutMatch[] {
	if (query.trim() === '') {
		return [];
	}

	const needle = foldText(query);
	if (needle === '') {
		return [];
	}

	const matches: LayoutMatch[] = [];
	for (const [line, layoutLine] of layout.lines.entries()) {
		const text = lineText(layoutLine);
		if (text.length === 0) {
			continue;
		}

		for (const {start, end} of findFolded(text, needle)) {
			matches.push({line, start, end});
		}
	}

	return matches;
}

/**
 * Splits a line's segments so that each matched range is a segment of its own flagged `match: true`
 * (keeping the style of the segment it came from). Ranges are UTF-16 offsets into the line's text, as
 * `findInLayout` gives them; they may overlap, come in any order, and span segment boundaries.
 * Empty segments are dropped when there is anything to highlight.
 */
export function highlightSegments(segments: readonly Segment[], ranges: readonly HighlightRange[]): HighlightedSegment[] {
	const merged = mergeRanges(ranges);
	if (merged.length === 0) {
		return segments.map(segment => ({...segment}));
	}

	const result: HighlightedSegment[] = [];
	let offset = 0;
	let rangeIndex = 0;
	for (const segment of segments) {
		const segmentEnd = offset + segment.text.length;
		let cursor = offset;
		while (cursor < segmentEnd) {
			while (rangeIndex < merged.length && merged[rangeIndex]!.end <= cursor) {
				rangeIndex++;
			}

			const range = merged[rangeIndex];
			if (range === undefined || range.start >= segmentEnd) {
				result.push(piece(segment, segment.text.slice(cursor - offset)));
				break;
			}

			if (range.start > cursor) {
				result.push(piece(segment, segment.text.slice(cursor - offset, range.start - offset)));
				cursor = range.start;
			}

			const end = Math.min(range.end, segmentEnd);
			result.push({...piece(segment, segment.text.slice(cursor - offset, end - offset)), match: true});
			cursor = end;
		}

		offset = segmentEnd;
	}

	return result;
}

/** Part of a segment: its style and link kept. */
function piece(segment: Segment, text: string): HighlightedSegment {
	return segment.href === undefined ? {text, style: segment.style} : {text, style: segment.style, href: segment.href};
}

/** Ranges sorted, empty ones dropped, overlapping ones joined (touching ones stay apart). */
function mergeRanges(ranges: readonly HighlightRange[]): HighlightRange[] {
	const sorted = ranges
		.filter(range => range.end > range.start)
		.map(range => ({start: Math.max(0, range.start), end: range.end}))
		.sort((a, b) => a.start - b.start);
	const merged: HighlightRange[] = [];
	for (const range of sorted) {
		const last = merged[merged.length - 1];
		if (last !== undefined && range.start < last.end) {
			last.end = Math.max(last.end, range.end);
		} else {
			merged.push(range);
		}
	}

	return merged;
}
