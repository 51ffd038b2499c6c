// Lays an article body out as display lines for a terminal of a given width: pure, no React, no I/O.
// Widths are display columns (CJK and emoji count 2), measured with string-width, never `.length`.

import stringWidth from 'string-width';
import type {Article, Block, Inline, InlineStyle} from './article.js';

/** The widest text column: lines never get longer than this, however wide the terminal. */
export const MAX_TEXT_WIDTH = 100;

/** Terminal widths below this are laid out as if they were this wide. */
export const MIN_WIDTH = 10;

/** How many widths are remembered per article (a drag-resize must not keep every intermediate layout). */
const MAX_CACHED_WIDTHS = 4;

export type SegmentStyle =
	| 'plain'
	| 'emphasis'
	| 'strong'
	| 'code'
	| 'link'
	| 'subheading'
	| 'quote'
	| 'marker'
	| 'rule';

/** A run of text on one line with one style. */
export type Segment = {
	text: string;
	style: SegmentStyle;
};

export type LineKind = 'text' | 'subheading' | 'blank' | 'rule' | 'quote' | 'list';

/** One display line. Its segments already include any indentation and markers. */
export type Line = {
	segments: Segment[];
	/**
	 * Index into `article.blocks` of the block this line belongs to. Spacer lines (the blank
	 * line between two blocks) carry the index of the block that follows them, so the block
	 * indices of a layout's lines never decrease.
	 */
	block: number;
	kind: LineKind;
	/** Heading level, on subheading lines only. */
	level?: number;
};

export type Layout = {
	lines: Line[];
	/** The terminal width this layout was made for (after clamping to at least MIN_WIDTH). */
	width: number;
	/** The text column: min(width, MAX_TEXT_WIDTH). No line is wider. */
	textWidth: number;
};

/** A page of `height` lines: lines[start] up to (not including) lines[end]. */
export type Page = {
	/** 1-based page number. */
	number: number;
	start: number;
	end: number;
};

// ---------------------------------------------------------------------------------------------
// Measuring

const ASCII_PRINTABLE = /^[\x20-\x7E]*$/;

/** C0/C1 control characters other than whitespace: dropped, they must never reach the terminal. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\x00-\x08\x0E-\x1F\x7F-\x9F]/g;

/** Whitespace a line may break at. No-break spaces (U+00A0, U+2007, U+202F) are deliberately absent. */
const BREAKING_SPACE = /[\t\n\v\f\r \u1680\u2000-\u2006\u2008-\u200A\u2028\u2029\u205F\u3000]+/;

/** Characters a line must not start with (closing punctuation, small kana, prolonged sound mark). */
const NO_BREAK_BEFORE = new Set([
	...',.;:!?)]}%\'"',
	...'、。，．・：；？！゛゜ヽヾゝゞ々ー）］｝」』】〕〉》〙〗〛’”｠»…‥',
	...'ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ',
]);

/** Characters a line must not end with (opening punctuation). */
const NO_BREAK_AFTER = new Set([...'([{', ...'（［｛「『【〔〈《〘〖〚‘“｟«']);

/** Invisible break opportunities: zero-width space and soft hyphen. They are dropped from the text. */
const INVISIBLE_BREAK = new Set(['\u200B', '\u00AD']);

const segmenter = new Intl.Segmenter(undefined, {granularity: 'grapheme'});

const graphemeWidths = new Map<string, number>();

function graphemeWidth(grapheme: string): number {
	let width = graphemeWidths.get(grapheme);
	if (width === undefined) {
		width = stringWidth(grapheme);
		if (graphemeWidths.size > 10_000) {
			graphemeWidths.clear();
		}

		graphemeWidths.set(grapheme, width);
	}

	return width;
}

/** Display width of a string in terminal columns (printable ASCII is measured by length). */
export function displayWidth(text: string): number {
	return ASCII_PRINTABLE.test(text) ? text.length : stringWidth(text);
}

// ---------------------------------------------------------------------------------------------
// Words: the unbreakable units of a block, found once, then fitted into lines

type Piece = {text: string; style: SegmentStyle; width: number};

type Word = {
	pieces: Piece[];
	width: number;
	/** Whether a space separates this word from the one before (false: a break without a space, as in CJK). */
	space: boolean;
};

class WordCollector {
	readonly words: Word[] = [];
	private current: Word | undefined;
	private pendingSpace = false;
	private lastWide = false;
	private lastNoBreakAfter = false;
	private breakNext = false;

	/** Adds text in one style; whitespace collapses, also across calls. */
	add(raw: string, style: SegmentStyle): void {
		if (ASCII_PRINTABLE.test(raw)) {
			const parts = raw.split(' ');
			for (let index = 0; index < parts.length; index++) {
				if (index > 0) {
					this.space();
				}

				const part = parts[index]!;
				if (part !== '') {
					this.ascii(part, style);
				}
			}

			return;
		}

		const parts = raw.replace(CONTROL, '').split(BREAKING_SPACE);
		for (let index = 0; index < parts.length; index++) {
			if (index > 0) {
				this.space();
			}

			const part = parts[index]!;
			if (part === '') {
				continue;
			}

			if (ASCII_PRINTABLE.test(part)) {
				this.ascii(part, style);
				continue;
			}

			for (const {segment: grapheme} of segmenter.segment(part)) {
				if (INVISIBLE_BREAK.has(grapheme)) {
					this.breakNext = true;
					continue;
				}

				const width = graphemeWidth(grapheme);
				const wide = width >= 2;
				const breakable = this.breakNext
					|| ((wide || this.lastWide) && !this.lastNoBreakAfter && !NO_BREAK_BEFORE.has(grapheme));
				this.unit(grapheme, style, width, breakable);
				this.lastWide = wide;
				this.lastNoBreakAfter = NO_BREAK_AFTER.has(grapheme);
				this.breakNext = false;
			}
		}
	}

	/** A break with a space (whitespace inside the text, or between a link and its address). */
	space(): void {
		this.pendingSpace = true;
		this.lastWide = false;
		this.lastNoBreakAfter = false;
		this.breakNext = false;
	}

	private ascii(part: string, style: SegmentStyle): void {
		const breakable = this.breakNext
			|| (this.lastWide && !this.lastNoBreakAfter && !NO_BREAK_BEFORE.has(part[0]!));
		this.unit(part, style, part.length, breakable);
		this.lastWide = false;
		this.lastNoBreakAfter = NO_BREAK_AFTER.has(part.at(-1)!);
		this.breakNext = false;
	}

	private unit(text: string, style: SegmentStyle, width: number, breakable: boolean): void {
		let word = this.current;
		if (word === undefined || this.pendingSpace || breakable) {
			word = {pieces: [], width: 0, space: this.pendingSpace && this.words.length > 0};
			this.words.push(word);
			this.current = word;
			this.pendingSpace = false;
		}

		const last = word.pieces.at(-1);
		if (last !== undefined && last.style === style) {
			last.text += text;
			last.width += width;
		} else {
			word.pieces.push({text, style, width});
		}

		word.width += width;
	}
}

/** Strips what makes an address differ from its link text only cosmetically. */
function bareUrl(url: string): string {
	return url
		.trim()
		.toLowerCase()
		.replace(/^(?:[a-z][a-z\d+.-]*:\/\/|mailto:)/, '')
		.replace(/^www\./, '')
		.replace(/\/+$/, '');
}

function collectWords(inlines: readonly Inline[], styleOf: (style: InlineStyle) => SegmentStyle): Word[] {
	const collector = new WordCollector();
	for (const inline of inlines) {
		const style = styleOf(inline.style);
		collector.add(inline.text, style);
		if (inline.style === 'link' && inline.href !== undefined) {
			const href = inline.href.replace(/\s+/g, '');
			if (href !== '' && bareUrl(href) !== bareUrl(inline.text)) {
				collector.space();
				collector.add(`<${href}>`, style);
			}
		}
	}

	return collector.words;
}

// ---------------------------------------------------------------------------------------------
// Wrapping

class LineAccumulator {
	readonly lines: Segment[][] = [];
	width = 0;
	private segments: Segment[] = [];

	get empty(): boolean {
		return this.segments.length === 0;
	}

	get lastStyle(): SegmentStyle | undefined {
		return this.segments.at(-1)?.style;
	}

	push(text: string, style: SegmentStyle, width: number): void {
		const last = this.segments.at(-1);
		if (last !== undefined && last.style === style) {
			last.text += text;
		} else {
			this.segments.push({text, style});
		}

		this.width += width;
	}

	break(): void {
		if (this.segments.length > 0) {
			this.lines.push(this.segments);
		}

		this.segments = [];
		this.width = 0;
	}
}

/** Splits a too-long word grapheme by grapheme over as many lines as it takes. */
function hardSplit(word: Word, available: number, out: LineAccumulator): void {
	for (const piece of word.pieces) {
		if (ASCII_PRINTABLE.test(piece.text)) {
			let start = 0;
			while (start < piece.text.length) {
				let room = available - out.width;
				if (room <= 0) {
					out.break();
					room = available;
				}

				const chunk = piece.text.slice(start, start + room);
				out.push(chunk, piece.style, chunk.length);
				start += chunk.length;
			}

			continue;
		}

		for (const {segment: grapheme} of segmenter.segment(piece.text)) {
			const width = graphemeWidth(grapheme);
			if (out.width + width > available && !out.empty) {
				out.break();
			}

			out.push(grapheme, piece.style, width);
		}
	}
}

/** Fits words into lines of at most `available` columns (greedy). */
function wrapWords(words: readonly Word[], available: number, baseStyle: SegmentStyle): Segment[][] {
	const out = new LineAccumulator();
	for (const word of words) {
		const first = word.pieces[0];
		if (first === undefined) {
			continue;
		}

		const separator = word.space && !out.empty ? 1 : 0;
		if (out.width + separator + word.width > available) {
			out.break();
			if (word.width > available) {
				hardSplit(word, available, out);
				continue;
			}
		} else if (separator === 1) {
			const previous = out.lastStyle;
			out.push(' ', previous === first.style ? first.style : baseStyle, 1);
		}

		for (const piece of word.pieces) {
			out.push(piece.text, piece.style, piece.width);
		}
	}

	out.break();
	return out.lines;
}

/** A line made of a prefix (indentation, marker: always segments of their own) and wrapped content. */
function prefixed(prefix: readonly Segment[], content: readonly Segment[]): Segment[] {
	return [...prefix.map(segment => ({...segment})), ...content];
}

// ---------------------------------------------------------------------------------------------
// Blocks

const QUOTE_MARKER = '│ ';
const BULLET = '• ';

function keepStyle(style: InlineStyle): SegmentStyle {
	return style;
}

function quoteStyle(style: InlineStyle): SegmentStyle {
	return style === 'plain' ? 'quote' : style;
}

function subheadingStyle(): SegmentStyle {
	return 'subheading';
}

function layoutBlock(block: Block, index: number, textWidth: number): Line[] {
	switch (block.kind) {
		case 'paragraph': {
			return wrapWords(collectWords(block.inlines, keepStyle), textWidth, 'plain')
				.map(segments => ({segments, block: index, kind: 'text'}));
		}

		case 'subheading': {
			const words = collectWords([{text: block.text, style: 'plain'}], subheadingStyle);
			return wrapWords(words, textWidth, 'subheading')
				.map(segments => ({segments, block: index, kind: 'subheading', level: block.level}));
		}

		case 'quote': {
			const marker: Segment[] = [{text: QUOTE_MARKER, style: 'quote'}];
			return wrapWords(collectWords(block.inlines, quoteStyle), textWidth - QUOTE_MARKER.length, 'quote')
				.map(content => ({segments: prefixed(marker, content), block: index, kind: 'quote'}));
		}

		case 'list-item': {
			// Keep at least 2 columns for text (one wide character) however deep or narrow.
			let markerText = block.ordered ? `${block.number}. ` : BULLET;
			if (markerText.length > textWidth - 2) {
				markerText = markerText.slice(0, textWidth - 2);
			}

			const markerWidth = displayWidth(markerText);
			const indent = Math.max(0, Math.min(2 * Math.max(0, block.depth), textWidth - markerWidth - 2));
			const first: Segment[] = indent > 0
				? [{text: ' '.repeat(indent), style: 'plain'}, {text: markerText, style: 'marker'}]
				: [{text: markerText, style: 'marker'}];
			const rest: Segment[] = [{text: ' '.repeat(indent + markerWidth), style: 'plain'}];
			const content = wrapWords(collectWords(block.inlines, keepStyle), textWidth - indent - markerWidth, 'plain');
			return content.map((segments, line) => ({
				segments: prefixed(line === 0 ? first : rest, segments),
				block: index,
				kind: 'list',
			}));
		}

		case 'rule': {
			return [{segments: [{text: '─'.repeat(textWidth), style: 'rule'}], block: index, kind: 'rule'}];
		}
	}
}

function spacer(previous: Block['kind'], next: Block['kind'], block: number): Line | undefined {
	if (previous === 'list-item' && next === 'list-item') {
		return undefined;
	}

	if (previous === 'quote' && next === 'quote') {
		return {segments: [{text: QUOTE_MARKER.trimEnd(), style: 'quote'}], block, kind: 'quote'};
	}

	return {segments: [], block, kind: 'blank'};
}

const layouts = new WeakMap<Article, Map<number, Layout>>();

function normaliseWidth(width: number): number {
	return Number.isNaN(width) ? MIN_WIDTH : Math.max(MIN_WIDTH, Math.floor(width));
}

/**
 * The article body as display lines for a terminal `width` columns wide. Blocks are separated
 * by one blank line (consecutive list items by none; consecutive quotes by a bare quote bar).
 * Memoised per article object and width; articles are treated as immutable.
 */
export function layoutArticle(article: Article, width: number): Layout {
	const terminalWidth = normaliseWidth(width);
	let byWidth = layouts.get(article);
	const cached = byWidth?.get(terminalWidth);
	if (cached !== undefined) {
		return cached;
	}

	const textWidth = Math.min(terminalWidth, MAX_TEXT_WIDTH);
	const lines: Line[] = [];
	let previous: Block['kind'] | undefined;
	for (const [index, block] of article.blocks.entries()) {
		const blockLines = layoutBlock(block, index, textWidth);
		if (blockLines.length === 0) {
			continue;
		}

		if (previous !== undefined) {
			const line = spacer(previous, block.kind, index);
			if (line !== undefined) {
				lines.push(line);
			}
		}

		for (const line of blockLines) {
			lines.push(line);
		}

		previous = block.kind;
	}

	const layout: Layout = {lines, width: terminalWidth, textWidth};
	if (byWidth === undefined) {
		byWidth = new Map();
		layouts.set(article, byWidth);
	}

	if (byWidth.size >= MAX_CACHED_WIDTHS) {
		const oldest = byWidth.keys().next();
		if (oldest.done !== true) {
			byWidth.delete(oldest.value);
		}
	}

	byWidth.set(terminalWidth, layout);
	return layout;
}

// ---------------------------------------------------------------------------------------------
// Lines, blocks and pages

/** Plain text of a line, indentation and markers included. */
export function lineText(line: Line): string {
	return line.segments.map(segment => segment.text).join('');
}

/** Display width of a line in columns. */
export function lineWidth(line: Line): number {
	let width = 0;
	for (const segment of line.segments) {
		width += displayWidth(segment.text);
	}

	return width;
}

/** Number of pages of `height` lines needed for `lineCount` lines (at least 1). */
export function pageCount(lineCount: number, height: number): number {
	const pageHeight = Math.max(1, Math.floor(height));
	return Math.max(1, Math.ceil(Math.max(0, lineCount) / pageHeight));
}

/**
 * 1-based page number shown when `lineIndex` is the top line. Pass `lineCount` to have a view
 * that reaches the last line report the last page even when it is not aligned to a page start.
 */
export function pageOfLine(lineIndex: number, height: number, lineCount?: number): number {
	const pageHeight = Math.max(1, Math.floor(height));
	const top = Math.max(0, Math.floor(lineIndex));
	if (lineCount !== undefined && top + pageHeight >= lineCount) {
		return pageCount(lineCount, pageHeight);
	}

	return Math.floor(top / pageHeight) + 1;
}

/** The layout cut into pages of `height` lines (an empty layout has one empty page). */
export function paginate(layout: Layout, height: number): Page[] {
	const pageHeight = Math.max(1, Math.floor(height));
	const total = layout.lines.length;
	const pages: Page[] = [];
	for (let number = 1; number <= pageCount(total, pageHeight); number++) {
		const start = (number - 1) * pageHeight;
		pages.push({number, start, end: Math.min(total, start + pageHeight)});
	}

	return pages;
}

/**
 * Index of the first line whose block is >= `blockIndex` (a spacer before the block counts),
 * for restoring a reading position after a resize. Past the end: the last line (0 when empty).
 */
export function firstLineOfBlock(layout: Layout, blockIndex: number): number {
	const {lines} = layout;
	let low = 0;
	let high = lines.length;
	while (low < high) {
		const middle = (low + high) >>> 1;
		if (lines[middle]!.block < blockIndex) {
			low = middle + 1;
		} else {
			high = middle;
		}
	}

	return Math.min(low, Math.max(0, lines.length - 1));
}

/** Index of the block shown on line `lineIndex` (clamped into the layout; 0 when it is empty). */
export function blockAtLine(layout: Layout, lineIndex: number): number {
	const {lines} = layout;
	if (lines.length === 0) {
		return 0;
	}

	const index = Math.min(lines.length - 1, Math.max(0, Math.floor(lineIndex)));
	return lines[index]!.block;
}

/** Indices of the first line of every subheading, in order (for ]/[ jumps and an outline). */
export function subheadingLines(layout: Layout): number[] {
	const indices: number[] = [];
	let lastBlock = -1;
	for (const [index, line] of layout.lines.entries()) {
		if (line.kind === 'subheading' && line.block !== lastBlock) {
			indices.push(index);
			lastBlock = line.block;
		}
	}

	return indices;
}
