// Lays an article body out as display lines for a terminal of a given width: pure, no React, no I/O.
// Widths are display columns (CJK and emoji count 2), measured with string-width, never `.length`.
// The text is already sanitized (core/sanitize.ts, where parsing takes it in): no filtering here.

import stringWidth from 'string-width';
import type {Article, Block, Inline, InlineStyle} from './article.js';

/** The widest text column: lines never get longer than this, however wide the terminal. */
export const MAX_TEXT_WIDTH = 100;

/** Terminal widths below this are laid out as if they were this wide. */
export const MIN_WIDTH = 10;

/** A word is cut with a continuation mark only where a line holds at least this many columns (else cut bare). */
const MIN_MARKED_WIDTH = 4;

/**
 * List items deeper than this are indented no further (the parser also shows lists nested deeper
 * than core/parse-markdown's MAX_LIST_DEPTH as text), so the text keeps a readable column.
 */
export const MAX_LIST_INDENT_DEPTH = 8;

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
	| 'rule'
	| 'headline'
	| 'standfirst'
	| 'byline'
	| 'continuation';

/**
 * The mark at the end of each piece of a word cut to fit the text column (a long address): the word
 * goes on at the start of the next line. One column; glyphs.ts draws it as `\\` in ASCII.
 */
export const CONTINUATION_MARK = '↩';

/** A run of text on one line with one style. */
export type Segment = {
	text: string;
	style: SegmentStyle;
	/** The address of the link this text belongs to (its text and its shown address alike); never on a continuation mark. */
	href?: string;
};

export type LineKind = 'text' | 'subheading' | 'blank' | 'rule' | 'quote' | 'list';

/** One display line. Its segments already include any indentation and markers. */
export type Line = {
	segments: readonly Segment[];
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

// ---------------------------------------------------------------------------------------------
// Measuring

/**
 * Text made only of characters that are one column wide and one grapheme each: printable ASCII,
 * Latin-1 and Latin Extended letters, and the usual typographic punctuation (curly quotes, dashes,
 * ellipsis). Its display width is its length, which is what keeps long articles fast.
 */
const NARROW = /^[\x20-\x7E\u00A0-\u00AC\u00AE-\u024F\u2010-\u2027\u2030-\u203A]*$/;

/** The same, also allowing ASCII whitespace (which collapses to single spaces). */
const NARROW_TEXT = /^[\t\n\v\f\r\x20-\x7E\u00A0-\u00AC\u00AE-\u024F\u2010-\u2027\u2030-\u203A]*$/;

/**
 * Narrow characters plus common wide ones (CJK punctuation, kana, CJK ideographs, Hangul
 * syllables, fullwidth forms) that are always graphemes of their own and two columns wide, and
 * ASCII whitespace and ideographic spaces (which collapse). Text like this is measured without
 * the slow grapheme segmenter: narrow below U+3000, wide from there on.
 */
const SIMPLE_TEXT = /^[\t\n\v\f\r\x20-\x7E\u00A0-\u00AC\u00AE-\u024F\u2010-\u2027\u2030-\u203A\u3000-\u3029\u3030-\u303E\u3041-\u3096\u309B-\u30FF\u4E00-\u9FFF\uAC00-\uD7A3\uFF01-\uFF60\uFFE0-\uFFE6]*$/;

/**
 * Narrow text with combining diacritical marks (U+0300-U+036F) on its letters, as in decomposed
 * Latin text: each mark joins the character before it and takes no column, so it is measured
 * without the grapheme segmenter too. Not when a mark follows whitespace or starts the text.
 */
const COMBINING_TEXT = /^(?:[\t\n\v\f\r\x20-\x7E\u00A0-\u00AC\u00AE-\u024F\u2010-\u2027\u2030-\u203A]|[\u0300-\u036F])*$/;
const LOOSE_MARK = /(?:^|[\t\n\v\f\r ])[\u0300-\u036F]/;

/** Whitespace in narrow text that needs collapsing. */
const NARROW_SPACE_RUN = /[\t\n\v\f\r]| {2}/;
const NARROW_SPACES = /[\t\n\v\f\r ]+/g;

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

// Made when first needed: making it loads ICU's break rules (about 25 ms), which a command such as `list` never uses.
let segmenter: Intl.Segmenter | undefined;
const graphemesOf = (text: string) => (segmenter ??= new Intl.Segmenter(undefined, {granularity: 'grapheme'})).segment(text);

const graphemeWidths = new Map<string, number>();

function graphemeWidth(grapheme: string): number {
	let width = graphemeWidths.get(grapheme);
	if (width === undefined) {
		width = stringWidth(grapheme);
		// A grapheme of a thousand combining marks is measured, not remembered.
		if (grapheme.length > 32) {
			return width;
		}

		if (graphemeWidths.size > 10_000) {
			graphemeWidths.clear();
		}

		graphemeWidths.set(grapheme, width);
	}

	return width;
}

type SegmentedWord = {graphemes: string[]; widths: number[]};

const segmentedWords = new Map<string, SegmentedWord>();

/**
 * A word (text between spaces) cut into graphemes with their widths. Short words are remembered:
 * words repeat, and the grapheme segmenter is the slowest step of laying out emoji or other text
 * that is neither narrow nor CJK.
 */
function segmentWord(word: string): SegmentedWord {
	let segmented = segmentedWords.get(word);
	if (segmented === undefined) {
		const graphemes: string[] = [];
		const widths: number[] = [];
		for (const {segment: grapheme} of graphemesOf(word)) {
			graphemes.push(grapheme);
			widths.push(graphemeWidth(grapheme));
		}

		segmented = {graphemes, widths};
		if (word.length <= 64) {
			if (segmentedWords.size > 10_000) {
				segmentedWords.clear();
			}

			segmentedWords.set(word, segmented);
		}
	}

	return segmented;
}

/** Display width of a string in terminal columns (narrow text is measured by its length). */
export function displayWidth(text: string): number {
	return NARROW.test(text) ? text.length : stringWidth(text);
}

// ---------------------------------------------------------------------------------------------
// Wrapping. Text is cut into words (unbreakable runs, possibly of several styles) which are
// placed greedily as they complete, so nothing but the finished lines is kept: a 50,000-line
// article must lay out fast. The word being built lives in reused buffers.

/** Wraps the text of one block into lines of at most `available` columns. */
class Wrapper {
	readonly lines: Segment[][] = [];

	// The line being filled.
	private segments: Segment[] = [];
	private lineWidth = 0;
	/** The last segment is kept open as parts, joined once when it closes (no rope of `+=`). */
	private openParts: string[] = [];
	private openStyle: SegmentStyle = 'plain';
	private openHref: string | undefined;
	/** The link of the text being added. */
	private currentHref: string | undefined;

	// The word being built.
	private readonly wordTexts: string[] = [];
	private readonly wordStyles: SegmentStyle[] = [];
	private readonly wordHrefs: Array<string | undefined> = [];
	private readonly wordWidths: number[] = [];
	private wordCount = 0;
	private wordWidth = 0;
	private wordAfterSpace = false;

	// Break opportunities.
	private pendingSpace = false;
	private lastWide = false;
	private lastNoBreakAfter = false;
	private breakNext = false;

	constructor(
		private readonly available: number,
		/** Style of a space between words of different styles. */
		private readonly baseStyle: SegmentStyle,
		/** The mark that ends each piece of a word cut over lines, if any. */
		private readonly mark?: string,
	) {}

	/** Adds text in one style (of the link `href`); whitespace collapses, also across calls. */
	add(raw: string, style: SegmentStyle, href?: string): void {
		this.currentHref = href;
		if (NARROW.test(raw)) {
			let start = 0;
			for (;;) {
				const end = raw.indexOf(' ', start);
				if (end === -1) {
					if (start < raw.length) {
						this.narrow(start === 0 ? raw : raw.slice(start), style);
					}

					return;
				}

				if (end > start) {
					this.narrow(raw.slice(start, end), style);
				}

				this.space();
				start = end + 1;
			}
		}

		if (SIMPLE_TEXT.test(raw) || (COMBINING_TEXT.test(raw) && !LOOSE_MARK.test(raw))) {
			this.simple(raw, style);
			return;
		}

		const parts = raw.split(BREAKING_SPACE);
		for (let index = 0; index < parts.length; index++) {
			if (index > 0) {
				this.space();
			}

			const part = parts[index]!;
			if (part === '') {
				continue;
			}

			if (NARROW.test(part)) {
				this.narrow(part, style);
				continue;
			}

			const {graphemes, widths} = segmentWord(part);
			for (const [index, grapheme] of graphemes.entries()) {
				if (INVISIBLE_BREAK.has(grapheme)) {
					this.breakNext = true;
				} else {
					this.grapheme(grapheme, widths[index]!, style);
				}
			}
		}
	}

	/** A break with a space (whitespace in the text, or between a link and its address). */
	space(): void {
		this.pendingSpace = true;
		this.lastWide = false;
		this.lastNoBreakAfter = false;
		this.breakNext = false;
	}

	/** Places what is left and returns the lines. */
	finish(): Segment[][] {
		this.placeWord();
		this.breakLine();
		return this.lines;
	}

	/** Text matching SIMPLE_TEXT, or COMBINING_TEXT without a loose mark. */
	private simple(text: string, style: SegmentStyle): void {
		let index = 0;
		while (index < text.length) {
			const code = text.charCodeAt(index);
			if (code <= 0x20 || code === 0x30_00) {
				this.space();
				index++;
			} else if (code > 0x30_00) {
				this.grapheme(text[index]!, 2, style);
				index++;
			} else {
				let end = index + 1;
				let marks = 0;
				while (end < text.length) {
					const next = text.charCodeAt(end);
					if (next <= 0x20 || next >= 0x30_00) {
						break;
					}

					if (next >= 0x3_00 && next <= 0x3_6F) {
						marks++;
					}

					end++;
				}

				this.narrow(text.slice(index, end), style, end - index - marks);
				index = end;
			}
		}
	}

	private grapheme(grapheme: string, width: number, style: SegmentStyle): void {
		const wide = width >= 2;
		const breakable = this.breakNext
			|| ((wide || this.lastWide) && !this.lastNoBreakAfter && !NO_BREAK_BEFORE.has(grapheme));
		this.unit(grapheme, style, width, breakable);
		this.lastWide = wide;
		this.lastNoBreakAfter = NO_BREAK_AFTER.has(grapheme);
		this.breakNext = false;
	}

	private narrow(part: string, style: SegmentStyle, width = part.length): void {
		const breakable = this.breakNext
			|| (this.lastWide && !this.lastNoBreakAfter && !NO_BREAK_BEFORE.has(part[0]!));
		this.unit(part, style, width, breakable);
		this.lastWide = false;
		this.lastNoBreakAfter = NO_BREAK_AFTER.has(part[part.length - 1]!);
		this.breakNext = false;
	}

	private unit(text: string, style: SegmentStyle, width: number, breakable: boolean): void {
		if (this.wordCount === 0 || this.pendingSpace || breakable) {
			this.placeWord();
			this.wordAfterSpace = this.pendingSpace;
			this.pendingSpace = false;
		}

		const last = this.wordCount - 1;
		const href = this.currentHref;
		if (last >= 0 && this.wordStyles[last] === style && this.wordHrefs[last] === href) {
			this.wordTexts[last] += text;
			this.wordWidths[last]! += width;
		} else {
			this.wordTexts[this.wordCount] = text;
			this.wordStyles[this.wordCount] = style;
			this.wordHrefs[this.wordCount] = href;
			this.wordWidths[this.wordCount] = width;
			this.wordCount++;
		}

		this.wordWidth += width;
	}

	/** Puts the finished word on the current line, or the next, or hard-splits it over several. */
	private placeWord(): void {
		const count = this.wordCount;
		if (count === 0) {
			return;
		}

		this.wordCount = 0;
		const width = this.wordWidth;
		this.wordWidth = 0;
		const firstStyle = this.wordStyles[0]!;
		const firstHref = this.wordHrefs[0];
		const separator = this.wordAfterSpace && this.openParts.length > 0 ? 1 : 0;
		if (this.lineWidth + separator + width > this.available) {
			this.breakLine();
			if (width > this.available) {
				this.splitLongWord(count, width, this.available >= MIN_MARKED_WIDTH ? this.mark : undefined);

				return;
			}
		} else if (separator === 1) {
			const same = this.openStyle === firstStyle && this.openHref === firstHref;
			this.push(' ', same ? firstStyle : this.baseStyle, 1, same ? firstHref : undefined);
		}

		for (let index = 0; index < count; index++) {
			this.push(this.wordTexts[index]!, this.wordStyles[index]!, this.wordWidths[index]!, this.wordHrefs[index]);
		}
	}

	/**
	 * Splits a word too long for any line over as many lines as it takes, grapheme by grapheme; with a
	 * `mark`, each line but its last ends with it (so a line of the word holds one column less).
	 * Starts on an empty line.
	 */
	private splitLongWord(count: number, width: number, mark: string | undefined): void {
		const markWidth = mark === undefined ? 0 : 1;
		let left = width;
		for (let index = 0; index < count; index++) {
			const text = this.wordTexts[index]!;
			const style = this.wordStyles[index]!;
			const href = this.wordHrefs[index];
			if (NARROW.test(text)) {
				let start = 0;
				while (start < text.length) {
					if (this.lineWidth + left <= this.available) {
						const rest = start === 0 ? text : text.slice(start);
						this.push(rest, style, rest.length, href);
						left -= rest.length;
						break;
					}

					const room = this.available - markWidth - this.lineWidth;
					if (room <= 0) {
						this.endPiece(mark);
						continue;
					}

					const chunk = text.slice(start, start + room);
					this.push(chunk, style, chunk.length, href);
					start += chunk.length;
					left -= chunk.length;
				}

				continue;
			}

			for (const {segment: grapheme} of graphemesOf(text)) {
				const graphemeColumns = graphemeWidth(grapheme);
				if (this.lineWidth + left > this.available && this.lineWidth + graphemeColumns > this.available - markWidth && this.openParts.length > 0) {
					this.endPiece(mark);
				}

				this.push(grapheme, style, graphemeColumns, href);
				left -= graphemeColumns;
			}
		}
	}

	/** Ends a line of a cut word, with the continuation mark when there is one: the word goes on on the next line. */
	private endPiece(mark: string | undefined): void {
		if (mark !== undefined) {
			this.push(mark, 'continuation', 1, undefined);
		}

		this.breakLine();
	}

	private push(text: string, style: SegmentStyle, width: number, href: string | undefined): void {
		if (this.openParts.length > 0 && (this.openStyle !== style || this.openHref !== href)) {
			this.closeSegment();
		}

		this.openParts.push(text);
		this.openStyle = style;
		this.openHref = href;
		this.lineWidth += width;
	}

	private closeSegment(): void {
		const parts = this.openParts;
		if (parts.length > 0) {
			const text = parts.length === 1 ? parts[0]! : parts.join('');
			this.segments.push(this.openHref === undefined ? {text, style: this.openStyle} : {text, style: this.openStyle, href: this.openHref});
			parts.length = 0;
		}
	}

	private breakLine(): void {
		this.closeSegment();
		if (this.segments.length > 0) {
			this.lines.push(this.segments);
			this.segments = [];
		}

		this.lineWidth = 0;
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

const STYLES: readonly SegmentStyle[] = ['plain', 'emphasis', 'strong', 'code', 'link', 'subheading', 'quote', 'marker', 'rule', 'headline', 'standfirst', 'byline', 'continuation'];
const STYLE_CODES = new Map(STYLES.map((style, code) => [style, code]));

/**
 * The fast path for a block of narrow text (most English prose): the text is joined into one
 * string with single spaces, and lines are cut at the last space that fits. The lines are the
 * same as the general Wrapper would make.
 */
function wrapNarrow(
	texts: readonly string[],
	styles: readonly SegmentStyle[],
	hrefs: ReadonlyArray<string | undefined>,
	spaced: readonly boolean[],
	available: number,
	baseStyle: SegmentStyle,
	mark: string | undefined,
): Segment[][] {
	const parts: string[] = [];
	const partStyles: SegmentStyle[] = [];
	const partHrefs: Array<string | undefined> = [];
	let afterSpace = true;
	for (const [index, raw] of texts.entries()) {
		let text = NARROW_SPACE_RUN.test(raw) ? raw.replace(NARROW_SPACES, ' ') : raw;
		if (spaced[index] === true && !afterSpace) {
			text = ` ${text}`;
		}

		if (afterSpace && text.charCodeAt(0) === 32) {
			text = text.slice(1);
		}

		if (text !== '') {
			parts.push(text);
			partStyles.push(styles[index]!);
			partHrefs.push(hrefs[index]);
			afterSpace = text.charCodeAt(text.length - 1) === 32;
		}
	}

	let text = parts.length === 1 ? parts[0]! : parts.join('');
	if (afterSpace && text !== '') {
		text = text.slice(0, -1);
	}

	const firstStyle = partStyles[0] ?? baseStyle;
	let codes: Uint8Array | undefined;
	/** Per character, the number of its link's address in `linkHrefs` (the same address, the same number), or 0. */
	let links: Int32Array | undefined;
	const linkHrefs: Array<string | undefined> = [undefined];
	const linked = partHrefs.some(href => href !== undefined);
	if (linked || partStyles.some(style => style !== firstStyle)) {
		// One style code per character; a space between two styles (or links) takes the base style.
		codes = new Uint8Array(text.length);
		links = linked ? new Int32Array(text.length) : undefined;
		const linkIds = new Map<string, number>();
		let offset = 0;
		for (const [index, part] of parts.entries()) {
			codes.fill(STYLE_CODES.get(partStyles[index]!)!, offset, offset + part.length);
			const href = partHrefs[index];
			if (links !== undefined && href !== undefined) {
				let id = linkIds.get(href);
				if (id === undefined) {
					id = linkHrefs.push(href) - 1;
					linkIds.set(href, id);
				}

				links.fill(id, offset, offset + part.length);
			}

			offset += part.length;
		}

		const base = STYLE_CODES.get(baseStyle)!;
		for (let index = text.indexOf(' '); index !== -1; index = text.indexOf(' ', index + 1)) {
			const before = codes[index - 1]!;
			const same = before === codes[index + 1] && (links === undefined || links[index - 1] === links[index + 1]);
			codes[index] = same ? before : base;
			if (links !== undefined && !same) {
				links[index] = 0;
			}
		}
	}

	const lines: Segment[][] = [];
	const emit = (start: number, end: number, marked = false): void => {
		let segments: Segment[];
		if (codes === undefined) {
			segments = [{text: text.slice(start, end), style: firstStyle}];
		} else {
			segments = [];
			let from = start;
			while (from < end) {
				const code = codes[from]!;
				const link = links === undefined ? 0 : links[from]!;
				const href = linkHrefs[link];
				let to = from + 1;
				while (to < end && codes[to] === code && (links === undefined || links[to] === link)) {
					to++;
				}

				segments.push(href === undefined ? {text: text.slice(from, to), style: STYLES[code]!} : {text: text.slice(from, to), style: STYLES[code]!, href});
				from = to;
			}
		}

		if (marked) {
			segments.push({text: mark!, style: 'continuation'});
		}

		lines.push(segments);
	};

	const length = text.length;
	let start = 0;
	while (start < length) {
		if (length - start <= available) {
			emit(start, length);
			break;
		}

		const space = text.lastIndexOf(' ', start + available);
		if (space > start) {
			emit(start, space);
			start = space + 1;
			continue;
		}

		// A word longer than a line: full lines of it, the rest starts the next line.
		let wordEnd = text.indexOf(' ', start);
		if (wordEnd === -1) {
			wordEnd = length;
		}

		if (mark !== undefined && available >= MIN_MARKED_WIDTH) {
			// Each piece but the last ends with the mark, so it holds a column less.
			while (wordEnd - start > available) {
				emit(start, start + available - 1, true);
				start += available - 1;
			}
		} else {
			while (wordEnd - start > available) {
				emit(start, start + available);
				start += available;
			}
		}
	}

	return lines;
}

/**
 * Wraps inlines to `available` columns; a link whose address differs from its text is followed by
 * ` <address>`, and both carry the link's address. With `mark`, each piece of a word cut to fit ends with it.
 */
function wrapInlines(
	inlines: readonly Inline[],
	styleOf: (style: InlineStyle) => SegmentStyle,
	available: number,
	baseStyle: SegmentStyle,
	mark?: string,
): Segment[][] {
	const texts: string[] = [];
	const styles: SegmentStyle[] = [];
	const hrefs: Array<string | undefined> = [];
	/** Whether the text must be separated from what comes before by a space. */
	const spaced: boolean[] = [];
	let narrow = true;
	const add = (text: string, style: SegmentStyle, space: boolean, link: string | undefined): void => {
		texts.push(text);
		styles.push(style);
		hrefs.push(link);
		spaced.push(space);
		narrow &&= NARROW_TEXT.test(text);
	};

	for (const inline of inlines) {
		const style = styleOf(inline.style);
		const href = inline.style === 'link' && inline.href !== undefined ? inline.href.replace(/\s+/g, '') : '';
		add(inline.text, style, false, href === '' ? undefined : href);
		if (href !== '' && inline.addressShown !== true && bareUrl(href) !== bareUrl(inline.text)) {
			add(`<${href}>`, style, true, href);
		}
	}

	if (narrow) {
		return wrapNarrow(texts, styles, hrefs, spaced, available, baseStyle, mark);
	}

	const wrapper = new Wrapper(available, baseStyle, mark);
	for (const [index, text] of texts.entries()) {
		if (spaced[index] === true) {
			wrapper.space();
		}

		wrapper.add(text, styles[index]!, hrefs[index]);
	}

	return wrapper.finish();
}

/**
 * Wraps plain text to `width` columns by display width, keeping its line breaks (an empty line stays
 * empty): the one wrapper for titles, bylines and comment bodies too. Spaces collapse; a word
 * longer than a line is cut into full lines. Linear in the length of the text.
 */
export function wrapPlain(text: string, width: number): string[] {
	const available = Math.max(2, Math.floor(width));
	const lines: string[] = [];
	for (const paragraph of text.split('\n')) {
		const wrapped = wrapInlines([{text: paragraph, style: 'plain'}], keepStyle, available, 'plain');
		if (wrapped.length === 0) {
			lines.push('');
		}

		for (const segments of wrapped) {
			lines.push(segments.length === 1 ? segments[0]!.text : segments.map(segment => segment.text).join(''));
		}
	}

	return lines;
}

/**
 * The text cut to at most `width` columns, ending with `ellipsis` (`…`, or `...` in ASCII; narrow
 * text) when it was cut. Only the part that is kept is measured, so a megabyte of text costs no more
 * than a line of it.
 */
export function truncateToWidth(text: string, width: number, ellipsis = '…'): string {
	if (width <= 0) {
		return '';
	}

	// An ellipsis wider than the room is cut itself (`..` in 2 columns).
	const mark = ellipsis.slice(0, width);
	if (NARROW.test(text)) {
		return text.length <= width ? text : `${text.slice(0, width - mark.length)}${mark}`;
	}

	// Grapheme by grapheme (a surrogate pair or a combining mark is never cut), stopping at the
	// first one past the width.
	let keptEnd = 0;
	let used = 0;
	let offset = 0;
	for (const {segment: grapheme} of graphemesOf(text)) {
		used += graphemeWidth(grapheme);
		if (used > width) {
			return `${text.slice(0, keptEnd)}${mark}`;
		}

		offset += grapheme.length;
		if (used <= width - mark.length) {
			keptEnd = offset;
		}
	}

	return text;
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

type ListItem = Extract<Block, {kind: 'list-item'}>;

/** A list item's first-line prefix (indentation and marker), the prefix of its other lines, and their width. */
function listPrefixes(block: ListItem, textWidth: number): {first: Segment[]; rest: Segment[]; width: number} {
	// Keep at least 2 columns for text (one wide character) however deep or narrow.
	let markerText = block.ordered ? `${block.number}. ` : BULLET;
	if (markerText.length > textWidth - 2) {
		markerText = markerText.slice(0, textWidth - 2);
	}

	const markerWidth = displayWidth(markerText);
	const depth = Math.min(Math.max(0, block.depth), MAX_LIST_INDENT_DEPTH);
	const indent = Math.max(0, Math.min(2 * depth, textWidth - markerWidth - 2));
	const first: Segment[] = indent > 0
		? [{text: ' '.repeat(indent), style: 'plain'}, {text: markerText, style: 'marker'}]
		: [{text: markerText, style: 'marker'}];
	const rest: Segment[] = [{text: ' '.repeat(indent + markerWidth), style: 'plain'}];
	return {first, rest, width: indent + markerWidth};
}

/** `continuing`: the lines go on from an earlier line of the block (a list item's marker is not repeated). */
function layoutBlock(block: Block, index: number, textWidth: number, continuing = false): Line[] {
	switch (block.kind) {
		case 'paragraph': {
			return wrapInlines(block.inlines, keepStyle, textWidth, 'plain', CONTINUATION_MARK)
				.map(segments => ({segments, block: index, kind: 'text'}));
		}

		case 'subheading': {
			return wrapInlines([{text: block.text, style: 'plain'}], subheadingStyle, textWidth, 'subheading', CONTINUATION_MARK)
				.map(segments => ({segments, block: index, kind: 'subheading', level: block.level}));
		}

		case 'quote': {
			const marker: Segment[] = [{text: QUOTE_MARKER, style: 'quote'}];
			return wrapInlines(block.inlines, quoteStyle, textWidth - QUOTE_MARKER.length, 'quote', CONTINUATION_MARK)
				.map(content => ({segments: prefixed(marker, content), block: index, kind: 'quote'}));
		}

		case 'list-item': {
			const {first, rest, width} = listPrefixes(block, textWidth);
			const content = wrapInlines(block.inlines, keepStyle, textWidth - width, 'plain', CONTINUATION_MARK);
			return content.map((segments, line) => ({
				segments: prefixed(line === 0 && !continuing ? first : rest, segments),
				block: index,
				kind: 'list',
			}));
		}

		case 'rule': {
			return [{segments: [{text: '─'.repeat(textWidth), style: 'rule'}], block: index, kind: 'rule'}];
		}
	}
}

/** The segments of every blank line: one shared empty list (a long article has hundreds of thousands of them). */
const NO_SEGMENTS: readonly Segment[] = Object.freeze([]);

function spacer(previous: Block['kind'], next: Block['kind'], block: number): Line | undefined {
	if (previous === 'list-item' && next === 'list-item') {
		return undefined;
	}

	if (previous === 'quote' && next === 'quote') {
		return {segments: [{text: QUOTE_MARKER.trimEnd(), style: 'quote'}], block, kind: 'quote'};
	}

	return {segments: NO_SEGMENTS, block, kind: 'blank'};
}

const layouts = new WeakMap<Article, Map<number, Layout>>();

function normaliseWidth(width: number): number {
	return Number.isNaN(width) ? MIN_WIDTH : Math.max(MIN_WIDTH, Math.floor(width));
}

/** What a news page shows above the body: the headline, the standfirst, the byline and date. */
export type ArticleHead = {
	/** The headline, wrapped whole. */
	title: string;
	/** The standfirst (the article's summary). */
	summary?: string;
	/** `By Ines Calloway · 19 Nov 2026` (the separator as the terminal draws it). */
	byline?: string;
};

/**
 * The head of an article as lines before its body, each part wrapped whole over as many lines as it
 * needs: headline, standfirst and byline in styles of their own, a blank line between each. They
 * belong to block 0, so a reading place at the first block is the top of the page.
 */
export function headLines(head: ArticleHead, textWidth: number): Line[] {
	const lines: Line[] = [];
	const part = (text: string | undefined, style: SegmentStyle): void => {
		if (!text?.trim()) {
			return;
		}

		if (lines.length > 0) {
			lines.push({segments: NO_SEGMENTS, block: 0, kind: 'blank'});
		}

		for (const segments of wrapInlines([{text, style: 'plain'}], () => style, textWidth, style, CONTINUATION_MARK)) {
			lines.push({segments, block: 0, kind: 'text'});
		}
	};

	part(head.title, 'headline');
	part(head.summary, 'standfirst');
	part(head.byline, 'byline');
	return lines;
}

/**
 * Lays blocks out a chunk at a time, appending to one growing layout: the blocks of each `add` follow
 * those added before (block indices continue), with the same spacing as if laid out at once.
 */
export class LayoutBuilder {
	/** The layout so far; its `lines` grow with every `add`. */
	readonly layout: Layout;
	/** First line of every subheading laid out so far, in order. */
	readonly subheadings: number[] = [];
	/** How many blocks have been added. */
	blockCount = 0;
	private previous: Block['kind'] | undefined;
	/** The last block laid out if it is running text that a cut paragraph may go on from: its index and first line. */
	private open: {block: Extract<Block, {inlines: Inline[]}>; index: number; firstLine: number} | undefined;

	constructor(width: number, head?: ArticleHead) {
		const terminalWidth = normaliseWidth(width);
		this.layout = {lines: [], width: terminalWidth, textWidth: Math.min(terminalWidth, MAX_TEXT_WIDTH)};
		if (head !== undefined) {
			this.layout.lines.push(...headLines(head, this.layout.textWidth));
			// The body's first block follows after a blank line, as it would another paragraph.
			this.previous = 'paragraph';
		}
	}

	/** Lays out the next blocks; returns how many lines they added. */
	add(blocks: readonly Block[]): number {
		const {lines, textWidth} = this.layout;
		const before = lines.length;
		for (const block of blocks) {
			const index = this.blockCount++;
			if ((block.kind === 'paragraph' || block.kind === 'quote') && block.continues !== undefined && this.continueText(block.inlines, block.continues, index)) {
				continue;
			}

			const blockLines = layoutBlock(block, index, textWidth);
			if (blockLines.length === 0) {
				continue;
			}

			this.open = block.kind === 'paragraph' || block.kind === 'quote' || block.kind === 'list-item'
				? {block, index, firstLine: lines.length + (this.previous === undefined || spacer(this.previous, block.kind, index) === undefined ? 0 : 1)}
				: undefined;

			if (this.previous !== undefined) {
				const line = spacer(this.previous, block.kind, index);
				if (line !== undefined) {
					lines.push(line);
				}
			}

			if (block.kind === 'subheading') {
				this.subheadings.push(lines.length);
			}

			for (const line of blockLines) {
				lines.push(line);
			}

			this.previous = block.kind;
		}

		return lines.length - before;
	}

	/**
	 * Lays out text that goes on from the last block (a paragraph cut in two by the parser): its last
	 * line is wrapped again with the new text after it, so the lines are those of the block laid out
	 * whole. Returns false when there is no block of running text to continue.
	 */
	private continueText(inlines: readonly Inline[], joint: 'space' | 'word', index: number): boolean {
		const {open} = this;
		const {lines, textWidth} = this.layout;
		const last = lines.at(-1);
		if (open === undefined || last === undefined || last.block !== open.index) {
			return false;
		}

		const lastIsFirst = lines.length - 1 === open.firstLine;
		const prefixLength = open.block.kind === 'paragraph'
			? 0
			: (open.block.kind === 'list-item' && lastIsFirst ? listPrefixes(open.block, textWidth).first.length : 1);
		// A carried link keeps its address, already shown on the line (not added again).
		const carried: Inline[] = last.segments.slice(prefixLength).map(segment => (segment.href === undefined
			? {text: segment.text, style: inlineStyleOf(segment.style)}
			: {text: segment.text, style: inlineStyleOf(segment.style), href: segment.href, addressShown: true}));
		if (joint === 'space') {
			carried.push({text: ' ', style: 'plain'});
		}

		const merged = {...open.block, inlines: [...carried, ...inlines]} as Block;
		const merges = layoutBlock(merged, index, textWidth, !lastIsFirst);
		lines.pop();
		const firstLine = lastIsFirst ? lines.length : open.firstLine;
		for (const line of merges) {
			lines.push(line);
		}

		this.open = {block: open.block, index, firstLine};
		return true;
	}
}

/** The inline style a laid-out segment of running text was made from. */
function inlineStyleOf(style: SegmentStyle): InlineStyle {
	return style === 'emphasis' || style === 'strong' || style === 'code' || style === 'link' ? style : 'plain';
}

/**
 * Lays out blocks that come a chunk at a time (core/parse-markdown's parseMarkdownChunks): after each
 * chunk, yields the lines that are final (all but the last, which text of the next chunk may go on
 * in), and the last line at the end; the generator's value at the end is the whole layout. Pure: the
 * caller decides when to take the next chunk (the reader between keys, `newsread read` as it prints).
 */
export function * layoutChunks(chunks: Iterable<readonly Block[]>, width: number): Generator<Line[], Layout> {
	const builder = new LayoutBuilder(width);
	const {lines} = builder.layout;
	// The last line is held back until the next chunk: a paragraph cut in two goes on in it.
	let given = 0;
	for (const blocks of chunks) {
		builder.add(blocks);
		const final = Math.max(given, lines.length - 1);
		yield lines.slice(given, final);
		given = final;
	}

	yield lines.slice(given);
	return builder.layout;
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
	if (byWidth !== undefined && cached !== undefined) {
		// Most recently used last, so the oldest width is the one forgotten.
		byWidth.delete(terminalWidth);
		byWidth.set(terminalWidth, cached);
		return cached;
	}

	const builder = new LayoutBuilder(terminalWidth);
	builder.add(article.blocks);
	const {layout} = builder;
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
// Lines and blocks

/** Plain text of a line, indentation and markers included. */
export function lineText(line: Line): string {
	return line.segments.map(segment => segment.text).join('');
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
