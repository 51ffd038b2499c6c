// Markdown + YAML frontmatter -> Article. The index reads only the frontmatter; the body is lexed
// (with marked) when an article is opened.
import {decodeHTML} from 'entities';
import {getDefaults, Lexer, type Token, Tokenizer, type Tokens} from 'marked';
import {isMap, isScalar, parseDocument} from 'yaml';
import type {Article, ArticleMeta, ArticleText, Block, Inline, InlineStyle} from './article.js';
import {sanitizeLine, sanitizeText} from './sanitize.js';

/** A file that is not a valid article; the message says why in words a user can act on. */
export class ArticleFormatError extends Error {
	override name = 'ArticleFormatError';
}

export type SplitArticle = {frontmatter: string; body: string};

const frontmatterPattern = /^---[ \t]*\n([^]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/;

/** Splits sanitized article text into its YAML frontmatter and its Markdown body. */
export function splitFrontmatter(text: string): SplitArticle {
	const match = frontmatterPattern.exec(text.replace(/^\uFEFF/, ''));
	if (!match) {
		throw new ArticleFormatError('no YAML frontmatter: the file must start with a line "---", the title and section, and another "---"');
	}

	return {frontmatter: match[1] ?? '', body: text.slice((match.index ?? 0) + match[0].length)};
}

/** Where an article comes from: its id and absolute file path. */
export type ArticleOrigin = {id: string; file: string};

/**
 * Parses only the frontmatter: what the library index needs. What was ignored in a frontmatter that
 * still loads (a YAML tag newsread does not know, the rest of a very large frontmatter) is added to
 * `warnings`, one line each.
 */
export function parseArticleMeta(text: string, origin: ArticleOrigin, warnings: string[] = []): ArticleMeta {
	const {frontmatter} = splitFrontmatter(text);
	return metaFromFrontmatter(frontmatter, origin, warnings);
}

/** Parses a whole article: frontmatter and body blocks. */
export function parseArticle(text: string, origin: ArticleOrigin): Article {
	const {frontmatter, body} = splitFrontmatter(text);
	return {...metaFromFrontmatter(frontmatter, origin), blocks: parseMarkdownBlocks(body)};
}

/** Parses the frontmatter and keeps the body as Markdown text, to be parsed a chunk at a time. */
export function parseArticleText(text: string, origin: ArticleOrigin): ArticleText {
	const {frontmatter, body} = splitFrontmatter(text);
	return {...metaFromFrontmatter(frontmatter, origin), body};
}

function metaFromFrontmatter(frontmatter: string, origin: ArticleOrigin, warnings: string[] = []): ArticleMeta {
	const fields = readFields(frontmatter, warnings);
	const title = requiredString(fields, 'title');
	const section = requiredString(fields, 'section');
	return {
		id: origin.id,
		file: origin.file,
		title,
		section,
		date: optionalDate(fields['date']),
		author: optionalString(fields, 'author'),
		summary: optionalString(fields, 'summary') ?? '',
		tags: stringList(fields, 'tags').map(tag => tag.toLowerCase()),
		related: stringList(fields, 'related'),
		source: optionalString(fields, 'source'),
		feed: optionalString(fields, 'feed'),
		guid: optionalString(fields, 'guid'),
	};
}

/**
 * Frontmatter longer than this is not parsed whole: only the keys newsread reads are. No article needs
 * more, and parsing a mapping of hundreds of thousands of keys would hold up every command.
 */
export const MAX_FRONTMATTER_LENGTH = 64 * 1024;

/** The frontmatter keys an article's metadata comes from. */
const knownKeys = new Set(['title', 'section', 'date', 'author', 'summary', 'tags', 'related', 'source', 'feed', 'guid']);

function readFields(frontmatter: string, warnings: string[]): Record<string, unknown> {
	if (frontmatter.length <= MAX_FRONTMATTER_LENGTH) {
		return readYaml(frontmatter, warnings);
	}

	// The known keys are few, so parsing them is quick whatever their length (a 100,000-character title).
	const known = knownKeyLines(frontmatter);
	if (known.length < frontmatter.length) {
		warnings.push(`the frontmatter is ${Math.round(frontmatter.length / 1024)} KB: only its ${[...knownKeys].join(', ')} were read (frontmatter over ${MAX_FRONTMATTER_LENGTH / 1024} KB is not read whole)`);
	}

	return readYaml(known, warnings);
}

// A top-level key: at the start of the line, plain or quoted, then a colon and a space or the line's end.
const topLevelKey = /^(["']?)([\w-]+)\1[ \t]*:(?:[ \t]|$)/;
// A line that belongs to the key above it: indented, blank, a comment, or a sequence item at the key's indent.
const continuationLine = /^(?:$|[ \t#]|-(?:[ \t]|$))/;

/** The lines of the known top-level keys, each with the lines that belong to it, in one pass. */
function knownKeyLines(frontmatter: string): string {
	const kept: string[] = [];
	let keeping = false;
	for (const line of frontmatter.split('\n')) {
		if (!continuationLine.test(line)) {
			const key = topLevelKey.exec(line)?.[2];
			keeping = key !== undefined && knownKeys.has(key);
		}

		if (keeping) {
			kept.push(line);
		}
	}

	return kept.join('\n');
}

function readYaml(frontmatter: string, warnings: string[]): Record<string, unknown> {
	// yaml's own unique-key check compares each key with every earlier one (20,000 keys: seconds);
	// the top-level keys are checked below in one pass. Warnings are collected, never printed.
	const document = parseDocument(frontmatter, {uniqueKeys: false, prettyErrors: true, logLevel: 'silent'});
	const [error] = document.errors;
	if (error) {
		throw new ArticleFormatError(`bad YAML in the frontmatter: ${firstLine(error.message)}`);
	}

	const {contents} = document;
	if (!isMap(contents)) {
		throw new ArticleFormatError('the frontmatter must be a YAML mapping (key: value lines)');
	}

	const keys = new Set<unknown>();
	for (const {key} of contents.items) {
		const name = isScalar(key) ? key.value : key;
		if (keys.has(name)) {
			throw new ArticleFormatError(`bad YAML in the frontmatter: the key "${sanitizeLine(String(name))}" appears twice`);
		}

		keys.add(name);
	}

	for (const warning of document.warnings) {
		warnings.push(`YAML in the frontmatter: ${firstLine(warning.message)}`);
	}

	try {
		return document.toJS() as Record<string, unknown>;
	} catch (error) {
		throw new ArticleFormatError(`bad YAML in the frontmatter: ${firstLine((error as Error).message)}`);
	}
}

function firstLine(message: string): string {
	return sanitizeLine(message.split('\n')[0] ?? '').replace(/:$/, '');
}

function requiredString(fields: Record<string, unknown>, key: string): string {
	const value = optionalString(fields, key);
	if (!value) {
		throw new ArticleFormatError(`missing "${key}" in the frontmatter`);
	}

	return value;
}

function optionalString(fields: Record<string, unknown>, key: string): string | undefined {
	const value = fields[key];
	if (value === undefined || value === null) {
		return undefined;
	}

	if (typeof value !== 'string' && typeof value !== 'number') {
		throw new ArticleFormatError(`"${key}" must be text`);
	}

	return sanitizeLine(String(value)) || undefined;
}

function stringList(fields: Record<string, unknown>, key: string): string[] {
	const value = fields[key];
	if (value === undefined || value === null) {
		return [];
	}

	const items = typeof value === 'string' ? value.split(',') : value;
	if (!Array.isArray(items) || items.some(item => typeof item !== 'string' && typeof item !== 'number')) {
		throw new ArticleFormatError(`"${key}" must be a list of text items`);
	}

	return items.map(item => sanitizeLine(String(item))).filter(Boolean);
}

const isoDatePattern = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

function optionalDate(value: unknown): string | undefined {
	if (value === undefined || value === null || value === '') {
		return undefined;
	}

	const text = value instanceof Date ? value.toISOString() : typeof value === 'string' ? value : JSON.stringify(value);
	const time = isoDatePattern.test(text) ? Date.parse(text) : Number.NaN;
	if (Number.isNaN(time)) {
		throw new ArticleFormatError(`"date" is not an ISO 8601 date: ${sanitizeLine(text)}`);
	}

	return new Date(time).toISOString();
}

/**
 * Lists nested deeper than this are not lexed as lists: the deepest item's text runs on with the
 * rest of the source as it is written (markers included). marked lexes each nested list again
 * inside its parent, so the time grows with depth × size: 1,000 levels took seconds, 3,000 ran out
 * of memory. The layout stops indenting before this depth (MAX_LIST_INDENT_DEPTH).
 */
export const MAX_LIST_DEPTH = 12;

/**
 * Indentation past this many spaces is cut to it before lexing. It can only matter for lists nested
 * deeper than MAX_LIST_DEPTH (12 levels of `100. ` are 60 columns), which are text anyway, and the
 * layout collapses spaces; but marked rescans every indented line once per list level.
 */
const MAX_INDENT = 128;
const deepIndent = new RegExp(`^ {${MAX_INDENT + 1},}`, 'gm');
const maxIndent = ' '.repeat(MAX_INDENT);

const SETEXT_LOOKAHEAD = 4096;
const setextUnderline = /\n {0,3}(?:=+|-+) *(?:\n|$)/;

/**
 * marked's tokenizer with lists nested at most MAX_LIST_DEPTH deep. The class is made on first use: in
 * the bundle, marked loads (and builds its regular expressions, 6-25 ms) only when a body is first
 * lexed, not before the first frame (source/build.mjs).
 */
function defineDepthLimitedTokenizer() {
	return class DepthLimitedTokenizer extends Tokenizer {
		private listDepth = 0;

		/**
		 * @param continuesParagraph The text starts inside a paragraph begun in an earlier piece (see
		 * markdownChunks): its first block is that paragraph's rest, never a setext heading.
		 */
		constructor(private continuesParagraph = false) {
			super();
		}

		/**
		 * marked tries a setext heading (text underlined with === or ---) at every line, and its pattern
		 * scans ahead to the end of the paragraph: quadratic in a long paragraph, and a stack overflow in
		 * a paragraph of megabytes. Only the next SETEXT_LOOKAHEAD characters are looked at: a heading
		 * longer than that is text.
		 */
		override lheading(source: string): Tokens.Heading | undefined {
			if (this.continuesParagraph) {
				this.continuesParagraph = false;
				return undefined;
			}

			let head = source.length > SETEXT_LOOKAHEAD ? source.slice(0, SETEXT_LOOKAHEAD) : source;
			// Nor past the paragraph's first blank line: many short paragraphs each scanned 4 KB ahead.
			const blank = head.indexOf('\n\n');
			if (blank !== -1) {
				head = head.slice(0, blank + 1);
			}

			return setextUnderline.test(head) ? super.lheading(head) : undefined;
		}

		override list(source: string): Tokens.List | undefined {
			if (this.listDepth >= MAX_LIST_DEPTH) {
				return undefined;
			}

			this.listDepth++;
			try {
				return super.list(source);
			} finally {
				this.listDepth--;
			}
		}
	};
}

let DepthLimitedTokenizer: ReturnType<typeof defineDepthLimitedTokenizer> | undefined;

function depthLimitedTokenizer(continuesParagraph?: boolean): Tokenizer {
	DepthLimitedTokenizer ??= defineDepthLimitedTokenizer();
	return new DepthLimitedTokenizer(continuesParagraph);
}

/** Said above a body shown as plain text because marked could not lex it. */
export const PLAIN_TEXT_NOTICE = 'This article is shown as plain text: its Markdown is nested too deeply or has a paragraph too long to format.';

/**
 * Lexes a Markdown body into the core's blocks. When marked's recursion or regular expressions
 * exhaust the stack (quotes nested thousands deep, a paragraph of megabytes), the body is shown as
 * plain text paragraphs under a notice, rather than not at all.
 */
export function parseMarkdownBlocks(markdown: string): Block[] {
	return lexBlocks(markdown, undefined);
}

/**
 * Bodies longer than this are lexed a chunk at a time (parseMarkdownChunks), so the reader can show
 * the first page while the rest is still being read. Shorter ones are lexed whole, as one chunk.
 */
export const CHUNKED_BODY_CHARS = 256 * 1024;

/** About how long each chunk of a long body is (it ends at the next block boundary past this). */
export const CHUNK_CHARS = 32 * 1024;

/** The same for a long list, which marked takes about three times as long to lex as other text. */
const LIST_CHUNK_CHARS = CHUNK_CHARS / 2;

type Fence = {marker: string; line: string};

/**
 * A piece of a long body; `continuesTable` when it starts with a table's header repeated (not shown
 * again); `continues` when it starts inside a paragraph cut in two (after a space, or inside a word);
 * `last` on the last piece.
 */
export type MarkdownChunk = {
	text: string;
	continuesTable: boolean;
	continues?: 'space' | 'word';
	/**
	 * How many list items the piece starts inside: it opens with as many stand-in items (their lines
	 * as written, text LIST_STAND_IN) so marked nests its items as deep as in the whole body; the
	 * stand-ins are dropped from its blocks.
	 */
	listAncestors?: number;
	/**
	 * The piece starts inside the list the piece before ends in (cut between two of its lines): its
	 * numbered items are counted on from there, as marked counts a list (its first number, then one
	 * more per item, whatever the numbers written).
	 */
	listGoesOn?: boolean;
	last: boolean;
};

/** The text of a stand-in list item (a private-use character): see MarkdownChunk's listAncestors. */
const LIST_STAND_IN = '\uE000';

/** A thematic break (`---`, `* * *`): not a list item, though it may start like one. */
const thematicBreak = /^(?:(?:-[\t ]*){3,}|(?:\*[\t ]*){3,}|(?:_[\t ]*){3,})$/;

/** A list item's line: its marker (a bullet, or a number and `.` or `)`) and the spaces after it. */
const listMarker = /^([*+-]|\d{1,9}[.)])( {1,4}(?! )|[ \t]*$)/;

/** An open list item while a body is cut: its indentation, its marker as written, where its content starts. */
type OpenItem = {indent: number; marker: string; content: number};

/** The line that opens an item of `item`'s indentation and marker, with the stand-in text. */
function standInLine(item: OpenItem): string {
	return `${' '.repeat(item.indent)}${item.marker}${LIST_STAND_IN}\n`;
}

const fenceOpen = /^ {0,3}(`{3,}|~{3,})/;
const fenceClose = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;
const tableDelimiter = /^ {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;

/** How many cells a table row has, as marked counts them (pipes at either end do not count). */
function cellCount(row: string): number {
	const trimmed = row.trim().replace(/^\|/, '').replace(/(?<!\\)\|$/, '');
	return trimmed.split(/(?<!\\)\|/).length;
}

/**
 * A long body cut into pieces of about CHUNK_CHARS that marked lexes to the same blocks as the whole:
 * each cut is at a blank line followed by a line that starts at the margin (so no list item, quote or
 * paragraph goes on past it), never inside a fenced code block. A list, a quote or an HTML block
 * longer than a chunk is cut between its lines too: a list before an item, the piece opening with
 * stand-ins for the items it is nested in (`listAncestors`), past MAX_LIST_DEPTH as text that goes on
 * from the deepest item (`continues`); a quote or HTML block before a line, the piece going on with
 * its text. A code block longer than a chunk is
 * cut between its lines, each piece fenced again; a table between its rows, each piece under the
 * table's header again (marked `continuesTable`, so it is not shown twice). A line of running text
 * longer than a chunk (a paragraph of megabytes on one line, one enormous word) is cut inside itself:
 * at a space, else between two graphemes, each cut before a character that cannot start a block
 * (the next piece, marked `continues`, is lexed as the rest of the paragraph). Inline markup that
 * spans such a cut (`**bold**`, a link, a code span) shows as the plain text it is written as. A body
 * up to CHUNKED_BODY_CHARS is one chunk. Lazy: the first chunk is ready without scanning the rest.
 */
export function * markdownChunks(markdown: string): Generator<MarkdownChunk> {
	if (markdown.length <= CHUNKED_BODY_CHARS) {
		yield {text: markdown, continuesTable: false, last: true};
		return;
	}

	let start = 0;
	let prefix = '';
	let continuesTable = false;
	let continues: 'space' | 'word' | undefined;
	let listAncestors: number | undefined;
	let listGoesOn = false;
	/** The piece from `start` to `end`, with what it continues; the next piece continues nothing until told. */
	const take = (end: number, last = false, suffix = ''): MarkdownChunk => {
		const piece: MarkdownChunk = {text: `${prefix}${markdown.slice(start, end)}${suffix}`, continuesTable, continues, last};
		if (listAncestors !== undefined) {
			piece.listAncestors = listAncestors;
		}

		if (listGoesOn) {
			piece.listGoesOn = true;
		}

		prefix = '';
		continuesTable = false;
		continues = undefined;
		listAncestors = undefined;
		listGoesOn = false;
		return piece;
	};

	/** Whether the line is running text of a paragraph that started at the margin after a blank line. */
	let paragraph = false;
	let fence: Fence | undefined;
	let table: string | undefined;
	/** The list items open at the line (outside fences and tables), outermost first. */
	const items: OpenItem[] = [];
	/** Whether the list has had a lazy line (text going on from an item without its indentation). */
	let lazyList = false;
	/** A fence inside a list item or a quote, where no line is cut. */
	let innerFence: string | undefined;
	/** Whether the line before was a quote line, with text or bare (`>`). */
	let quote: 'text' | 'bare' | undefined;
	/** Whether the line is inside an HTML block (from a line starting with a tag to a blank line). */
	let html = false;
	let previousBlank = false;
	let previousLine = '';
	let lineStart = 0;
	while (lineStart < markdown.length) {
		let lineEnd = markdown.indexOf('\n', lineStart);
		if (lineEnd === -1) {
			lineEnd = markdown.length;
		}

		const first = markdown.charCodeAt(lineStart);
		const blank = isBlankLine(markdown, lineStart, lineEnd);
		if (blank) {
			table = undefined;
			html = false;
		}

		// Where the line stands in a list, a quote or an HTML block.
		const wasInList = items.length > 0;
		let itemLine = false;
		let quoteLine: 'text' | 'bare' | undefined;
		let quoteText = 0;
		if (!blank && fence === undefined && table === undefined) {
			let textStart = lineStart;
			while (markdown.charCodeAt(textStart) === 32) {
				textStart++;
			}

			const indent = textStart - lineStart;
			const head = markdown.slice(textStart, Math.min(lineEnd, textStart + 16));
			if (indent <= 3 && head.startsWith('>') && items.length === 0) {
				quoteText = textStart + (markdown.charCodeAt(textStart + 1) === 32 ? 2 : 1);
				quoteLine = isBlankLine(markdown, quoteText, lineEnd) ? 'bare' : 'text';
			}

			const fenceText = quoteLine === undefined ? head : markdown.slice(quoteText, Math.min(lineEnd, quoteText + 16)).trimStart();
			const fenceMarker = /^(`{3,}|~{3,})/.exec(fenceText)?.[1];
			if (innerFence !== undefined) {
				if (fenceMarker !== undefined && fenceMarker[0] === innerFence[0] && fenceMarker.length >= innerFence.length) {
					innerFence = undefined;
				}
			} else if (fenceMarker !== undefined && ((items.length > 0 && indent > 3) || quoteLine !== undefined)) {
				// (A fence indented at most 3 is the body's own fence, followed below.)
				innerFence = fenceMarker;
			} else {
				const marker = thematicBreak.test(head) ? null : listMarker.exec(head);
				if (marker !== null || previousBlank || !startsText(markdown, textStart)) {
					// An item, a line after a blank, or one that starts a block is outside the items indented deeper.
					while (items.length > 0 && items.at(-1)!.content > indent) {
						items.pop();
					}
				} else if (items.length > 0 && indent < items.at(-1)!.content) {
					// A lazy line: marked nests and numbers what follows it in ways of its own, so the list is not cut again.
					lazyList = true;
				}

				if (marker === null) {
					if (indent <= 3 && markdown.charCodeAt(textStart) === 60 && (previousBlank || lineStart === 0) && items.length === 0 && quoteLine === undefined) {
						html = true;
					}
				} else if (items.length > 0 || indent <= 3) {
					const spaces = /^ {1,4}$/.test(marker[2]!) ? marker[2]!.length : 1;
					items.push({indent, marker: `${marker[1]!}${' '.repeat(spaces)}`, content: indent + marker[1]!.length + spaces});
					itemLine = true;
				}
			}
		}

		if (items.length === 0) {
			lazyList = false;
		}

		const size = lineStart - start;
		if (size >= LIST_CHUNK_CHARS) {
			if (size < CHUNK_CHARS && !itemLine) {
				// Only a list is cut this soon.
			} else if (fence !== undefined) {
				yield take(lineStart, false, `${fence.marker}\n`);
				prefix = `${fence.line}\n`;
				start = lineStart;
			} else if (table !== undefined) {
				const header = table;
				yield take(lineStart);
				prefix = header;
				continuesTable = true;
				start = lineStart;
			} else if (size >= CHUNK_CHARS && previousBlank && first !== 32 && first !== 9 && first !== 10 && first !== 13) {
				yield take(lineStart);
				// An item after a blank line goes on with the list before it.
				listGoesOn = itemLine && wasInList;
				start = lineStart;
			} else if (itemLine && wasInList && !lazyList && innerFence === undefined) {
				// Before an item: the piece opens inside the items around it (past the deepest list, its text).
				yield take(lineStart);
				const ancestors = items.slice(0, -1);
				const kept = ancestors.slice(0, MAX_LIST_DEPTH);
				prefix = kept.map(item => standInLine(item)).join('');
				listAncestors = kept.length > 0 ? kept.length : undefined;
				continues = ancestors.length >= MAX_LIST_DEPTH ? 'space' : undefined;
				listGoesOn = true;
				start = lineStart;
			} else if (size >= CHUNK_CHARS && quoteLine !== undefined && quote !== undefined && innerFence === undefined) {
				// Inside a quote: the piece goes on with the quote's paragraph, or starts the next one.
				const goesOn = quote === 'text' && quoteLine === 'text' && startsText(markdown, quoteText);
				yield take(lineStart);
				continues = goesOn ? 'space' : undefined;
				start = lineStart;
			} else if (size >= CHUNK_CHARS && html && !blank) {
				yield take(lineStart);
				continues = 'space';
				start = lineStart;
			}
		}

		quote = quoteLine;
		// Only lines starting with a space, ` or ~ can open or close a fence: the rest are not tested.
		if (first === 32 || first === 96 || first === 126) {
			const line = markdown.slice(lineStart, lineEnd);
			if (fence === undefined) {
				const marker = fenceOpen.exec(line)?.[1];
				if (marker !== undefined && !(marker.startsWith('`') && line.slice(line.indexOf(marker) + marker.length).includes('`'))) {
					fence = {marker, line};
					table = undefined;
				}
			} else {
				const marker = fenceClose.exec(line)?.[1];
				if (marker !== undefined && marker[0] === fence.marker[0] && marker.length >= fence.marker.length) {
					fence = undefined;
				}
			}
		}

		// A table starts at a delimiter row under a header row with as many cells.
		if (fence === undefined && table === undefined && !previousBlank && lineEnd - lineStart < 4096 && markdown.charCodeAt(lineStart) !== 10) {
			const line = markdown.slice(lineStart, lineEnd);
			if (line.includes('-') && previousLine.includes('|') && tableDelimiter.test(line) && cellCount(line) === cellCount(previousLine)) {
				table = `${previousLine}\n${line}\n`;
			}
		}

		// Running text: a paragraph opened at the margin after a blank line, and the lines that go on
		// with it. Any line that could start another block ends it (for this purpose only: a cut inside
		// a line is made only where the paragraph is known).
		if (blank || fence !== undefined || table !== undefined) {
			paragraph = false;
		} else if (previousBlank || lineStart === 0) {
			paragraph = startsText(markdown, lineStart);
		} else if (paragraph) {
			let textStart = lineStart;
			while (markdown.charCodeAt(textStart) === 32 || markdown.charCodeAt(textStart) === 9) {
				textStart++;
			}

			paragraph = textStart < lineEnd && startsText(markdown, textStart);
		}

		// A line of running text much longer than a chunk is cut inside itself. Not a table's header:
		// the next line is no delimiter row.
		if (paragraph && lineEnd - start > CHUNK_CHARS + (CHUNK_CHARS / 2) && !tableDelimiter.test(markdown.slice(lineEnd + 1, Math.min(markdown.length, lineEnd + 4096)).split('\n', 1)[0]!)) {
			while (lineEnd - start > CHUNK_CHARS + (CHUNK_CHARS / 2)) {
				const cut = cutInLine(markdown, Math.max(start + CHUNK_CHARS, lineStart + 1), start, lineStart, lineEnd);
				if (cut === undefined) {
					break;
				}

				yield take(cut.end);
				continues = cut.space ? 'space' : 'word';
				start = cut.next;
			}
		}

		previousBlank = blank;
		previousLine = lineEnd - lineStart < 4096 ? markdown.slice(lineStart, lineEnd) : '';
		lineStart = lineEnd + 1;
	}

	// Never empty: a cut is only made before a line or a character that is still to come.
	yield take(markdown.length, true);
}

/** How far from the aimed-at place a cut inside a line looks for a space before cutting inside a word. */
const CUT_SEARCH = CHUNK_CHARS / 2;

/**
 * Whether the character at `index` can start a line of paragraph text without starting another block
 * (a list, a heading, a quote, a fence, HTML, a table, a link definition, a setext underline, a
 * rule): letters, digits not followed by `.` or `)`, other characters past ASCII, and some punctuation.
 */
function startsText(text: string, index: number): boolean {
	const code = text.charCodeAt(index);
	if ((code >= 65 && code <= 90) || (code >= 97 && code <= 122)) {
		return true;
	}

	if (code >= 48 && code <= 57) {
		return !/^\d{1,9}[.)]/.test(text.slice(index, index + 10));
	}

	if (code >= 0x80) {
		return !isExtender(text.codePointAt(index)!);
	}

	// ASCII punctuation that no block starts with.
	return '"\'(),.;:?!@$%&/\\^{}'.includes(text[index] ?? '#');
}

/** Code points that belong to the grapheme before them: marks (variation selectors too), joiners, emoji modifiers, tags. */
const mark = /^\p{M}$/u;

function isExtender(codePoint: number): boolean {
	return (codePoint >= 0xDC_00 && codePoint <= 0xDF_FF) // A low surrogate: the second half of a pair.
		|| codePoint === 0x20_0C || codePoint === 0x20_0D // Zero-width non-joiner and joiner.
		|| (codePoint >= 0x1_F3_FB && codePoint <= 0x1_F3_FF) // Emoji skin tones.
		|| (codePoint >= 0xE_00_20 && codePoint <= 0xE_00_7F) // Tags (subdivision flags).
		|| (codePoint >= 0x11_60 && codePoint <= 0x11_FF) || (codePoint >= 0xD7_B0 && codePoint <= 0xD7_FF) // Hangul vowel and final jamo.
		|| mark.test(String.fromCodePoint(codePoint));
}

const isRegionalIndicator = (codePoint: number) => codePoint >= 0x1_F1_E6 && codePoint <= 0x1_F1_FF;

/**
 * Whether a grapheme ends before `index` (Unicode's rules where they matter for a cut: never inside a
 * surrogate pair, before a mark or joiner, after a joiner or a prepended sign, inside a Hangul syllable
 * of jamo, or inside a flag; regional indicators are counted from `from`, which is a grapheme start).
 */
function graphemeBoundary(text: string, index: number, from: number): boolean {
	const code = text.codePointAt(index)!;
	const unit = text.charCodeAt(index);
	if ((unit >= 0xDC_00 && unit <= 0xDF_FF) || isExtender(code)) {
		return false;
	}

	const beforeUnit = text.charCodeAt(index - 1);
	const before = beforeUnit >= 0xDC_00 && beforeUnit <= 0xDF_FF ? text.codePointAt(index - 2)! : beforeUnit;
	if (before === 0x20_0D || (before >= 0x11_00 && before <= 0x11_5F) || (before >= 0xA9_60 && before <= 0xA9_7F)) {
		return false;
	}

	if ((before >= 0x6_00 && before <= 0x6_05) || before === 0x6_DD || before === 0x7_0F || before === 0x8_90 || before === 0x8_91 || before === 0x8_E2 || before === 0x1_10_BD || before === 0x1_10_CD) {
		return false;
	}

	if (isRegionalIndicator(code) && isRegionalIndicator(before)) {
		let count = 0;
		for (let position = index - 2; position >= from && isRegionalIndicator(text.codePointAt(position)!); position -= 2) {
			count++;
		}

		return count % 2 === 0;
	}

	return true;
}

type LineCut = {end: number; next: number; space: boolean};

const isSpace = (code: number) => code === 32 || code === 9;

/**
 * Where to cut the line [lineStart, lineEnd) near `target`: at a space (the piece ends before it, the
 * next starts at the text after it), looked for back then forward, else inside a word at a grapheme
 * boundary; always before a character that can start paragraph text. Undefined when there is none.
 * `pieceStart`: where the piece being cut starts.
 */
function cutInLine(text: string, target: number, pieceStart: number, lineStart: number, lineEnd: number): LineCut | undefined {
	const spaceCut = (space: number): LineCut | undefined => {
		let next = space + 1;
		while (next < lineEnd && isSpace(text.charCodeAt(next))) {
			next++;
		}

		let end = space;
		while (end > lineStart && isSpace(text.charCodeAt(end - 1))) {
			end--;
		}

		if (next >= lineEnd || end <= lineStart || !startsText(text, next)) {
			return undefined;
		}

		// Not inside a link's text (`[a b](…)`): the last bracket before is a closing one, or none is near.
		const near = text.slice(Math.max(lineStart, space - 1024), space);
		return near.lastIndexOf('[') > near.lastIndexOf(']') ? undefined : {end, next, space: true};
	};

	// Searched in slices: a scan of the whole line for each cut would be quadratic in one enormous word.
	const low = Math.max(lineStart + 1, target - CUT_SEARCH);
	const before = text.slice(low, target + 1);
	for (let space = before.lastIndexOf(' '); space !== -1; space = space === 0 ? -1 : before.lastIndexOf(' ', space - 1)) {
		const cut = spaceCut(low + space);
		if (cut !== undefined) {
			return cut;
		}
	}

	const high = Math.min(lineEnd - 1, target + CUT_SEARCH);
	const after = text.slice(target, high + 1);
	for (let space = after.indexOf(' '); space !== -1; space = after.indexOf(' ', space + 1)) {
		const cut = spaceCut(target + space);
		if (cut !== undefined) {
			return cut;
		}
	}

	// Inside a word only when it holds no inline markup (a link, a code span, emphasis, HTML, an
	// entity or an escape) in this piece up to the cut: an address of 100 KB stays whole.
	const word = text.slice(Math.max(pieceStart, lineStart), high + 1);
	if (/[[\]()<>`*_~&\\]/.test(word.slice(word.lastIndexOf(' ', target - Math.max(pieceStart, lineStart)) + 1))) {
		return undefined;
	}

	for (let index = Math.max(target, lineStart + 1); index <= high; index++) {
		if (graphemeBoundary(text, index, Math.max(pieceStart, lineStart)) && startsText(text, index) && !isSpace(text.charCodeAt(index - 1))) {
			return {end: index, next: index, space: false};
		}
	}

	return undefined;
}

function isBlankLine(text: string, start: number, end: number): boolean {
	for (let index = start; index < end; index++) {
		const code = text.charCodeAt(index);
		if (code !== 32 && code !== 9 && code !== 13) {
			return false;
		}
	}

	return true;
}

/**
 * The body's blocks a chunk at a time (see markdownChunks): what the reader lays out while keys are
 * still handled between chunks, and `newsread read` prints as it goes. Reference-style links work
 * across chunks: their definitions are collected from the whole body first.
 */
export function * parseMarkdownChunks(markdown: string): Generator<ParsedChunk> {
	if (markdown.length <= CHUNKED_BODY_CHARS) {
		yield {blocks: parseMarkdownBlocks(markdown), last: true};
		return;
	}

	const links = linkDefinitions(markdown);
	/** The number of the last item of a numbered list at the margin, if the blocks so far end in one. */
	let lastNumber: number | undefined;
	for (const {text, continuesTable, continues, listAncestors, listGoesOn, last} of markdownChunks(markdown)) {
		// A piece that opens with the list's next item numbers it one on; one that opens inside an item, that item's.
		const listNumber = listGoesOn && lastNumber !== undefined ? lastNumber + (listAncestors === undefined ? 1 : 0) : undefined;
		const blocks = lexBlocks(text, links, {continuesTable, continues, listAncestors, listNumber});
		for (const block of blocks) {
			if (block.kind === 'list-item') {
				lastNumber = block.depth > 0 ? lastNumber : (block.ordered ? block.number : undefined);
			} else if (!(block.kind === 'paragraph' && block.continues !== undefined)) {
				lastNumber = undefined;
			}
		}

		yield {blocks, last};
	}
}

/** The blocks of one chunk of a body, and whether it is the last. */
export type ParsedChunk = {blocks: Block[]; last: boolean};

type Links = Lexer['tokens']['links'];

const definitionLine = /^ {0,3}\[[^\n]+\]:[^\n]*(?:\n[^\n]*)?/gm;

/** The link reference definitions of the whole body (`[name]: https://…`), as marked collects them. */
function linkDefinitions(markdown: string): Links | undefined {
	if (!markdown.includes(']:')) {
		return undefined;
	}

	const lines = markdown.match(definitionLine);
	if (lines === null) {
		return undefined;
	}

	const lexer = new Lexer({...getDefaults(), tokenizer: depthLimitedTokenizer()});
	try {
		lexer.lex(lines.join('\n\n'));
	} catch {
		return undefined;
	}

	return {...lexer.tokens.links};
}

/** What a piece of a long body goes on from (see MarkdownChunk). */
type PieceContext = Pick<MarkdownChunk, 'continuesTable' | 'continues' | 'listAncestors'> & {
	/** The number of the opening list's first item, when it is numbered. */
	listNumber?: number;
};

function lexBlocks(markdown: string, links: Links | undefined, {continuesTable, continues, listAncestors = 0, listNumber}: PieceContext = {continuesTable: false}): Block[] {
	const blocks: Block[] = [];
	let tokens: Token[];
	try {
		const lexer = new Lexer({...getDefaults(), tokenizer: depthLimitedTokenizer(continues !== undefined)});
		if (links !== undefined) {
			Object.assign(lexer.tokens.links, links);
		}

		tokens = lexer.lex(markdown.replace(deepIndent, maxIndent));
		const opening = tokens.find(token => token.type !== 'space');
		if (listNumber !== undefined && opening?.type === 'list' && (opening as Tokens.List).ordered) {
			(opening as Tokens.List).start = listNumber;
		}

		const table = continuesTable ? opening : undefined;
		if (table?.type === 'table') {
			// The header repeated over this piece of a long table was shown with the first piece.
			(table as Tokens.Table).header = [];
		}
	} catch (error) {
		if (!(error instanceof RangeError)) {
			throw error;
		}

		return plainTextBlocks(markdown);
	}

	appendBlocks(tokens, blocks, 0);
	if (listAncestors > 0) {
		dropStandIns(blocks, listAncestors);
	}

	const first = blocks[0];
	if (continues !== undefined && (first?.kind === 'paragraph' || first?.kind === 'quote')) {
		first.continues = continues;
	}

	return blocks;
}

/**
 * Removes the stand-in items a piece of a long list opens with (see MarkdownChunk's listAncestors):
 * the first `count` list items, each laid out already with the piece before. Text that marked gave
 * to one of them (the text of an item deeper than MAX_LIST_DEPTH, a line that went on from it) is
 * kept: as text going on from the block before when it is the deepest, else as the item.
 */
function dropStandIns(blocks: Block[], count: number): void {
	const kept: Block[] = [];
	for (const [index, block] of blocks.entries()) {
		const first = block.kind === 'list-item' ? block.inlines[0] : undefined;
		if (index >= count || block.kind !== 'list-item' || first === undefined || !first.text.startsWith(LIST_STAND_IN)) {
			kept.push(block);
			continue;
		}

		const inlines = [{...first, text: first.text.slice(LIST_STAND_IN.length).trimStart()}, ...block.inlines.slice(1)].filter(inline => inline.text !== '');
		if (inlines.length === 0) {
			continue;
		}

		kept.push(index === count - 1 ? {kind: 'paragraph', inlines, continues: 'space'} : {...block, inlines});
	}

	blocks.splice(0, blocks.length, ...kept);
}

/** The body as paragraphs split at blank lines, with the notice first. */
function plainTextBlocks(markdown: string): Block[] {
	const blocks: Block[] = [{kind: 'paragraph', inlines: [{text: PLAIN_TEXT_NOTICE, style: 'emphasis'}]}];
	for (const paragraph of markdown.split(/\n[ \t]*\n/)) {
		pushInlineBlock(blocks, 'paragraph', [{text: sanitizeText(paragraph), style: 'plain'}]);
	}

	return blocks;
}

function appendBlocks(tokens: readonly Token[], blocks: Block[], listDepth: number): void {
	for (const token of tokens) {
		appendBlock(token, blocks, listDepth);
	}
}

function appendBlock(token: Token, blocks: Block[], listDepth: number): void {
	switch (token.type) {
		case 'heading': {
			const {depth, tokens} = token as Tokens.Heading;
			const text = inlineString(tokens);
			if (text) {
				blocks.push({kind: 'subheading', level: depth <= 2 ? 2 : depth === 3 ? 3 : 4, text});
			}

			break;
		}

		case 'paragraph':
		case 'text': {
			pushInlineBlock(blocks, 'paragraph', inlinesOf(token));
			break;
		}

		case 'blockquote': {
			const inner: Block[] = [];
			appendBlocks((token as Tokens.Blockquote).tokens, inner, listDepth);
			for (const block of inner) {
				blocks.push(block.kind === 'paragraph' ? {kind: 'quote', inlines: block.inlines} : block);
			}

			break;
		}

		case 'list': {
			appendList(token as Tokens.List, blocks, listDepth);
			break;
		}

		case 'code': {
			for (const line of (token as Tokens.Code).text.split('\n')) {
				pushInlineBlock(blocks, 'paragraph', [{text: line, style: 'code'}]);
			}

			break;
		}

		case 'table': {
			const table = token as Tokens.Table;
			for (const row of [table.header, ...table.rows]) {
				const text = row.map(cell => inlineString(cell.tokens)).join(' | ');
				pushInlineBlock(blocks, 'paragraph', [{text, style: 'plain'}]);
			}

			break;
		}

		case 'hr': {
			blocks.push({kind: 'rule'});
			break;
		}

		case 'html': {
			const text = sanitizeText(decodeHTML((token as Tokens.HTML).text.replace(/<[^>]*>/g, ' ')));
			pushInlineBlock(blocks, 'paragraph', [{text, style: 'plain'}]);
			break;
		}

		default: {
			break;
		}
	}
}

function appendList(list: Tokens.List, blocks: Block[], depth: number): void {
	const start = typeof list.start === 'number' ? list.start : 1;
	for (const [index, item] of list.items.entries()) {
		// The item's own paragraphs (and code) run on as one text, a space between them.
		const own = item.tokens.filter(token => token.type !== 'list' && token.type !== 'space');
		const inlines = own.flatMap((token, index) => (index === 0 ? inlinesOf(token) : [{text: ' ', style: 'plain' as const}, ...inlinesOf(token)]));
		pushInlineBlock(blocks, 'list-item', inlines, {ordered: list.ordered, number: start + index, depth});
		for (const nested of item.tokens.filter(token => token.type === 'list')) {
			appendList(nested as Tokens.List, blocks, depth + 1);
		}
	}
}

type ListFields = {ordered: boolean; number: number; depth: number};

function pushInlineBlock(blocks: Block[], kind: 'paragraph' | 'quote' | 'list-item', inlines: Inline[], list?: ListFields): void {
	if (inlines.every(inline => inline.text.trim() === '') && kind !== 'list-item') {
		return;
	}

	if (kind === 'list-item') {
		blocks.push({kind, inlines, ordered: list?.ordered ?? false, number: list?.number ?? 1, depth: list?.depth ?? 0});
	} else {
		blocks.push({kind, inlines});
	}
}

function inlinesOf(token: Token): Inline[] {
	const {tokens, text} = token as Tokens.Text;
	if (tokens) {
		return flattenInlines(tokens, 'plain');
	}

	return [{text: sanitizeText(decodeHTML(text ?? '')), style: 'plain'}];
}

function inlineString(tokens: readonly Token[] | undefined): string {
	return sanitizeLine(flattenInlines(tokens ?? [], 'plain').map(inline => inline.text).join(''));
}

/** Flattens nested inline tokens; an inner style wins over an outer one, a link over everything. */
function flattenInlines(tokens: readonly Token[], style: InlineStyle, href?: string): Inline[] {
	const inlines: Inline[] = [];
	const push = (text: string, ownStyle: InlineStyle) => {
		if (text) {
			// Entities are decoded after the file was sanitized: `&#27;` must not become an escape again.
			const clean = sanitizeText(text);
			inlines.push(href ? {text: clean, style: 'link', href} : {text: clean, style: ownStyle});
		}
	};

	for (const token of tokens) {
		switch (token.type) {
			case 'strong':
			case 'em':
			case 'del': {
				const inner: InlineStyle = token.type === 'strong' ? 'strong' : token.type === 'em' ? 'emphasis' : style;
				inlines.push(...flattenInlines((token as Tokens.Strong).tokens, inner, href));
				break;
			}

			case 'link': {
				const link = token as Tokens.Link;
				inlines.push(...flattenInlines(link.tokens, style, sanitizeLine(link.href)));
				break;
			}

			case 'image': {
				push(decodeHTML((token as Tokens.Image).text), style);
				break;
			}

			case 'codespan': {
				push((token as Tokens.Codespan).text, 'code');
				break;
			}

			case 'br': {
				push(' ', style);
				break;
			}

			case 'html': {
				break;
			}

			case 'text': {
				const text = token as Tokens.Text;
				if (text.tokens) {
					inlines.push(...flattenInlines(text.tokens, style, href));
				} else {
					push(decodeHTML(text.text), style);
				}

				break;
			}

			default: {
				push(decodeHTML(String((token as Tokens.Generic)['text'] ?? '')), style);
			}
		}
	}

	return inlines;
}
