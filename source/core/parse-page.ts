// Saved news pages (plain-text captures) -> an article: `newsread import page.txt`.
//
// A capture is what a browser's "save as text" or a copy-paste of a news page gives:
//
//   Home | World | Business | Log in           <- the site's menu (items may run together); its
//                                                 navigation (Home, Log in) is neither section nor tag
//   Harbour road to close                      <- the headline
//   Harbour road to close                      <- often repeated (dropped)
//   By Jane Doe                                <- byline and dates (core/page-meta.ts): author, date
//   Published 27 November 2026
//
//   First paragraph, possibly wrapped          <- paragraphs, separated by blank lines
//   over several lines.
//
//   WHAT HAPPENS NEXT?                         <- subheadings, in capitals or, standing alone
//   What Happens Next                             between paragraphs, in title case
//
//   Related Articles                           <- site furniture (share bars, comment forms, ©):
//                                                 everything from here is dropped
//
// The text is expected to be sanitized already (no control characters); line endings may be CRLF.
import {basename} from 'node:path';
import {Document, stringify} from 'yaml';
import {inlineText, type Block, type Inline} from './article.js';
import {visibleControls} from './sanitize.js';
import {isNavigationItem, type PageMeta, parseMetaLine} from './page-meta.js';

/** What a page capture holds: its headline, its site menu and its body. */
export type PageCapture = {
	title: string;
	/** The site's section menu, split into items, without its navigation: `['World', 'Science & Space']`. */
	menu: string[];
	/** The byline's name(s): `Jane Doe`. */
	author?: string;
	/** The day the page says it was published (`Published 27 November 2026`): `2026-11-27`. */
	published?: string;
	/** The day the page says it was updated. */
	updated?: string;
	/** Paragraphs (one plain inline each) and level-2 subheadings, in reading order. */
	blocks: Block[];
};

export type PageMarkdownOptions = {
	/** The article's section; defaults to the first menu item, then `Imported`. */
	section?: string;
	/** The article's date when the page gives none (usually the import time). */
	date: Date;
	/** The capture's file name, recorded as a comment in the frontmatter. */
	sourceFile?: string;
};

/** A capture that cannot become an article; the message says why. */
export class PageCaptureError extends Error {
	override name = 'PageCaptureError';
}

/** Longest line that can still be a subheading. */
const maxSubheadingLength = 80;
/** Longest summary in the frontmatter, including the ellipsis. */
const maxSummaryLength = 160;
/** Longest slug. */
const maxSlugLength = 60;

/** Parses a plain-text page capture into its headline, menu and body blocks. */
export function parsePageCapture(text: string): PageCapture {
	const lines = text
		.replace(/^\uFEFF/, '')
		.replaceAll('\r\n', '\n')
		.replaceAll('\r', '\n')
		.split('\n');

	let index = nextContentLine(lines, 0);
	if (index === undefined) {
		throw new PageCaptureError('no headline found: the page capture is empty');
	}

	// The first line is the menu, unless it is immediately repeated: then it is a headline
	// (repeated, as headlines often are) in a capture saved without the menu.
	let menu: string[] = [];
	const afterFirst = nextContentLine(lines, index + 1);
	if (afterFirst === undefined || !sameText(lineAt(lines, afterFirst), lineAt(lines, index))) {
		menu = splitMenu(lines[index] ?? '').filter(item => !isNavigationItem(item));
		index++;
	}

	const headlineIndex = nextContentLine(lines, index);
	const title = headlineIndex === undefined ? '' : lineAt(lines, headlineIndex);
	if (headlineIndex === undefined || terminatorKind(title) !== undefined) {
		throw new PageCaptureError('no headline found: a page capture needs the site menu on its first line and the headline after it');
	}

	index = headlineIndex + 1;
	const repeated = nextContentLine(lines, index);
	if (repeated !== undefined && sameText(lineAt(lines, repeated), title)) {
		index = repeated + 1;
	}

	const {blocks, meta} = parseBody(lines.slice(index));
	if (!blocks.some(block => block.kind === 'paragraph')) {
		throw new PageCaptureError(`no article text found below the headline "${title}"`);
	}

	return {title, menu, blocks, ...meta};
}

/**
 * Splits a site menu whose items were run together: a new item starts where a lower-case letter
 * is directly followed by an upper-case one. `|`, `•`, `·`, tabs and runs of spaces also separate items.
 */
export function splitMenu(line: string): string[] {
	return line
		.split(/(?<=\p{Ll})(?=\p{Lu})|[|•·\t]| {2,}/u)
		.map(item => collapse(item))
		.filter(item => item !== '');
}

/** True for a line written in capitals that reads as a subheading: `“WE WILL NOT MOVE” — 40 FAMILIES SAY NO`. */
export function isSubheadingLine(line: string): boolean {
	const text = collapse(line);
	if (text.length > maxSubheadingLength || /[\p{Ll}\p{Lt}]/u.test(text)) {
		return false;
	}

	const capitals = text.match(/\p{Lu}/gu)?.length ?? 0;
	if (capitals < 2) {
		return false;
	}

	// A line ending in a comma or dash runs on (a dateline: `PORT WENLOW —`); one ending in a
	// full stop is a sentence, unless the stop belongs to an abbreviation (`THE U.S.`).
	if (/[,;\-–—]$/u.test(text)) {
		return false;
	}

	return !text.endsWith('.') || /(?:^|[\s(])(?:\p{Lu}\.){2,}$/u.test(text);
}

/** Paragraphs above which a byline or date line is still the page's header. */
const headerParagraphs = 1;

/** The blocks below the headline, up to the site furniture at the end, and what the header lines said. */
function parseBody(lines: readonly string[]): {blocks: Block[]; meta: PageMeta} {
	const blocks: Block[] = [];
	const meta: PageMeta = {};
	let paragraph: string[] = [];
	const flush = () => {
		if (paragraph.length > 0) {
			blocks.push({kind: 'paragraph', inlines: [{text: paragraph.join(' '), style: 'plain'}]});
			paragraph = [];
		}
	};

	const hasText = () => paragraph.length > 0 || blocks.some(block => block.kind === 'paragraph');

	for (const [index, raw] of lines.entries()) {
		const line = collapse(raw);
		if (line === '') {
			flush();
			continue;
		}

		// "Related Articles", "Leave a Reply"...: the rest is the site's, not the article's. A share
		// or print bar ends the article too, unless more of the article follows it: share bars also
		// float above the text and in the middle of pages.
		const terminator = terminatorKind(line);
		if (terminator === 'end' || (terminator === 'share' && hasText() && !proseFollows(lines, index + 1))) {
			break;
		}

		if (terminator !== undefined || isFurnitureLine(line)) {
			flush();
			continue;
		}

		// The byline and dates, alone on their lines above the text (or below a standfirst).
		const paragraphsSoFar = blocks.filter(block => block.kind === 'paragraph').length;
		const header = paragraph.length === 0 && paragraphsSoFar <= headerParagraphs ? parseMetaLine(line) : undefined;
		if (header) {
			meta.author ??= header.author;
			meta.published ??= header.published;
			meta.updated ??= header.updated;
			continue;
		}

		const previous = paragraph.at(-1);
		if (isSubheadingLine(line) && (previous === undefined || /[.!?:"”’)]$/u.test(previous))) {
			flush();
			blocks.push({kind: 'subheading', level: 2, text: line});
			continue;
		}

		const standsAlone = paragraph.length === 0 && collapse(lines[index + 1] ?? '') === '';
		const lastBlock = blocks.at(-1);
		if (standsAlone && lastBlock?.kind === 'paragraph' && isTitleCaseHeading(line) && proseFollows(lines, index + 1)) {
			blocks.push({kind: 'subheading', level: 2, text: line});
			continue;
		}

		paragraph.push(line);
	}

	flush();
	// A subheading with nothing under it is a caption or a leftover of the furniture.
	while (blocks.at(-1)?.kind === 'subheading') {
		blocks.pop();
	}

	return {blocks, meta: Object.fromEntries(Object.entries(meta).filter(([, value]) => value !== undefined))};
}

/** Small words a title-case heading leaves in lower case. */
const minorWords = new Set(['a', 'an', 'and', 'as', 'at', 'but', 'by', 'for', 'from', 'in', 'into', 'of', 'on', 'or', 'the', 'to', 'with', 'vs', 'is']);

/** `What Happens Next`, `A Vote at Last?`: a short line whose words, small ones aside, start with a capital. */
function isTitleCaseHeading(line: string): boolean {
	const words = line.split(' ');
	if (line.length > maxSubheadingLength || words.length < 2 || words.length > 12 || /[.,;:]$/u.test(line) || !/^\p{Lu}/u.test(line)) {
		return false;
	}

	return words.every(word => minorWords.has(word) || /^[\p{Lu}\p{N}“"‘'(]/u.test(word));
}

/**
 * True when article prose follows, before the end of the capture or the next line that
 * certainly ends the article: a paragraph of some length that ends like a sentence.
 */
function proseFollows(lines: readonly string[], start: number): boolean {
	let paragraph = '';
	const isProse = () => paragraph.length >= 80 && /[.!?"”’)]$/u.test(paragraph);
	for (const raw of lines.slice(start)) {
		const line = collapse(raw);
		const terminator = line === '' ? undefined : terminatorKind(line);
		if (line === '' || terminator !== undefined || isFurnitureLine(line)) {
			if (isProse()) {
				return true;
			}

			paragraph = '';
			if (terminator === 'end') {
				return false;
			}

			continue;
		}

		paragraph = paragraph ? `${paragraph} ${line}` : line;
	}

	return isProse();
}

/** Lines from which everything is furniture. */
const endings = new Set([
	'related articles',
	'related',
	'related posts',
	'related stories',
	'related news',
	'related coverage',
	'related content',
	'more stories',
	'more on this story',
	'you may also like',
	'you might also like',
	'recommended',
	'recommended for you',
	'read next',
	'leave a reply',
	'leave a comment',
	'comments',
	'join the discussion',
	'post comment',
	'about the author',
	'filed under',
]);

const endingPrefixes = [
	/^©/,
	/^copyright\b/,
	/^\(c\) ?\d{4}\b/,
	/^all rights reserved\b/,
	/^your email address will not be published/,
	/^required fields are marked/,
	/^leave a reply\b/,
	/^\d+ (?:comments?|responses?|replies|thoughts on)\b/,
];

/** Share and print bars: they end the article unless more prose follows. */
const shareBars = new Set(['share this', 'share this article', 'share this story', 'share', 'print', 'click to share', 'like this']);

/** Lines that are furniture wherever they appear (checked on the folded key). */
const furniturePatterns = [
	/^(?:share|email|e-mail|mail|tweet|print|pin|pin it|save|copy link|link copied|facebook|twitter|x|linkedin|reddit|whatsapp|telegram|messenger|flipboard|pocket|bluesky|threads|mastodon|comment|like|loading)$/,
	/^(?:share|post|send|pin) (?:on|to|via|with|by|this)\b/,
	/^(?:print|email|e-mail|mail) (?:this|the|to a friend)\b/,
	/^click to (?:share|print|email)\b/,
	/^opens in (?:a )?new (?:window|tab)$/,
	/^(?:advertisement|advertising|sponsored|skip advertisement|scroll to continue(?: with content)?)$/,
	/^(?:story|article) continues (?:below|after)\b/,
	/^continue reading(?: below)?$/,
];

function terminatorKind(line: string): 'end' | 'share' | undefined {
	const key = furnitureKey(line);
	if (endings.has(key) || endingPrefixes.some(pattern => pattern.test(key))) {
		return 'end';
	}

	return shareBars.has(key) ? 'share' : undefined;
}

function isFurnitureLine(line: string): boolean {
	const key = furnitureKey(line);
	return key.length <= 60 && furniturePatterns.some(pattern => pattern.test(key));
}

/** A line folded for comparing with furniture: `Share this: ` -> `share this`, `Comments (3)` -> `comments`. */
function furnitureKey(line: string): string {
	return collapse(line.normalize('NFKC').toLowerCase())
		.replaceAll(/[‘’]/gu, '\'')
		.replaceAll(/\(opens in (?:a )?new (?:window|tab)\)/gu, '')
		.replace(/\s*\(\d+\)\s*$/u, '')
		.replace(/^[\s•·|»›>*-]+/u, '')
		.replace(/[\s:.*…!?|»›>()\d-]+$/u, '')
		.trim();
}

/** Index of the next line that is neither blank nor furniture, from `start`. */
function nextContentLine(lines: readonly string[], start: number): number | undefined {
	for (let index = start; index < lines.length; index++) {
		const line = lineAt(lines, index);
		if (line !== '' && !isFurnitureLine(line)) {
			return index;
		}
	}

	return undefined;
}

function lineAt(lines: readonly string[], index: number): string {
	return collapse(lines[index] ?? '');
}

/** Whether two lines say the same thing (a repeated headline may differ in case, quotes or spacing). */
function sameText(a: string, b: string): boolean {
	const fold = (text: string) =>
		collapse(text.normalize('NFKC').toLowerCase())
			.replaceAll(/[‘’]/gu, '\'')
			.replaceAll(/[“”]/gu, '"')
			.replace(/[\s.:]+$/u, '');
	return fold(a) === fold(b);
}

/** Folds runs of white space (and drops zero-width spaces). */
function collapse(text: string): string {
	return text.replaceAll(/[\u200B\uFEFF]/gu, '').replaceAll(/\s+/gu, ' ').trim();
}

/** A complete article Markdown file for a capture: YAML frontmatter, then the body. */
export function pageCaptureToMarkdown(capture: PageCapture, options: PageMarkdownOptions): string {
	if (Number.isNaN(options.date.getTime())) {
		throw new PageCaptureError('the article date is not a valid date');
	}

	const section = collapse(options.section ?? '') || capture.menu[0] || 'Imported';
	const firstParagraph = capture.blocks.find(block => block.kind === 'paragraph');
	const tags: string[] = [];
	for (const item of capture.menu) {
		const tag = item.toLowerCase();
		if (tag !== section.toLowerCase() && !tags.includes(tag)) {
			tags.push(tag);
		}
	}

	const frontmatter = new Document({
		title: capture.title,
		section,
		date: capture.published ?? capture.updated ?? options.date.toISOString(),
		...(capture.author === undefined ? {} : {author: capture.author}),
		summary: truncateAtWord(firstParagraph ? inlineText(firstParagraph.inlines) : '', maxSummaryLength),
		tags,
		imported: true,
	});
	if (options.sourceFile) {
		frontmatter.commentBefore = ` imported from ${collapse(visibleControls(basename(options.sourceFile)))}`;
	}

	const body = capture.blocks.map(block => blockMarkdown(block)).filter(text => text !== '');
	return `---\n${stringify(frontmatter, {lineWidth: 0})}---\n\n${body.join('\n\n')}\n`;
}

function blockMarkdown(block: Block): string {
	switch (block.kind) {
		case 'subheading': {
			// A closing run of `#` would be read as the heading's optional closing sequence.
			return `${'#'.repeat(block.level)} ${escapeInline(collapse(block.text)).replace(/#+$/, '\\$&')}`;
		}

		case 'paragraph': {
			return escapeLineStart(inlinesMarkdown(block.inlines));
		}

		case 'quote': {
			return `> ${escapeLineStart(inlinesMarkdown(block.inlines))}`;
		}

		case 'list-item': {
			const marker = block.ordered ? `${block.number}.` : '-';
			return `${'    '.repeat(block.depth)}${marker} ${escapeLineStart(inlinesMarkdown(block.inlines))}`;
		}

		case 'rule': {
			return '---';
		}
	}
}

function inlinesMarkdown(inlines: readonly Inline[]): string {
	return inlines
		.map(inline => {
			const text = escapeInline(collapse(inline.text));
			if (text === '') {
				return '';
			}

			switch (inline.style) {
				case 'emphasis': {
					return `*${text}*`;
				}

				case 'strong': {
					return `**${text}**`;
				}

				case 'code': {
					const fence = '`'.repeat((inline.text.match(/`+/g) ?? []).reduce((longest, run) => Math.max(longest, run.length), 0) + 1);
					return `${fence} ${collapse(inline.text)} ${fence}`;
				}

				case 'link': {
					return inline.href ? `[${text}](<${inline.href.replaceAll(/[<>\s]/g, encodeURIComponent)}>)` : text;
				}

				default: {
					return text;
				}
			}
		})
		.join('')
		.trim();
}

/**
 * Escapes what Markdown would read as inline syntax: emphasis, code, links, HTML, entities, and
 * the bare URLs and e-mail addresses that GitHub-flavoured Markdown turns into links.
 */
export function escapeInline(text: string): string {
	const isWordCharacter = (character: string | undefined) => character !== undefined && /[\p{L}\p{N}]/u.test(character);
	return text
		.replaceAll(/[\\`*[\]<~]/g, '\\$&')
		.replaceAll(/&(?=#?[\da-z]+;)/gi, '\\&')
		.replaceAll(/\b(https?|ftp):\/\//gi, '$1\\://')
		.replaceAll(/\b(www)\./gi, '$1\\.')
		.replaceAll(/(?<=[\w.+-])@(?=[\w-])/g, '\\@')
		.replaceAll(/_/g, (underscore, offset: number, whole: string) =>
			// `snake_case` cannot start emphasis; a `_` at a word's edge can.
			isWordCharacter(whole[offset - 1]) && isWordCharacter(whole[offset + 1]) ? underscore : '\\_');
}

/** Escapes a paragraph's start so that it is not read as a heading, quote, list or rule. */
function escapeLineStart(text: string): string {
	return text.replace(/^[#>+-]/, '\\$&').replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2');
}

/** Cuts text at a word boundary to at most `max` characters, ellipsis included. */
export function truncateAtWord(text: string, max: number): string {
	const characters = Array.from(collapse(text));
	if (characters.length <= max) {
		return characters.join('');
	}

	const head = characters.slice(0, max - 1).join('');
	const atBoundary = /\s/.test(characters[max - 1] ?? '');
	const lastSpace = head.lastIndexOf(' ');
	const cut = atBoundary || lastSpace <= 0 ? head : head.slice(0, lastSpace);
	return `${cut.replace(/[\s,;:\-–—]+$/u, '')}…`;
}

/** Letters that Unicode decomposition does not turn into ASCII. */
const transliterations: Record<string, string> = {
	ß: 'ss',
	æ: 'ae',
	ø: 'o',
	œ: 'oe',
	ł: 'l',
	đ: 'd',
	ð: 'd',
	þ: 'th',
	ı: 'i',
	ħ: 'h',
	ŋ: 'n',
};

/** A file name for a title: lower-case ASCII words joined by `-`, at most 60 characters, `article` if none. */
export function slugify(title: string): string {
	const words = title
		.toLowerCase()
		.replaceAll(/[ßæøœłđðþıħŋ]/gu, letter => transliterations[letter] ?? '')
		.normalize('NFKD')
		.replaceAll(/\p{M}/gu, '')
		.replaceAll(/['’‘ʼ`]/gu, '')
		.split(/[^a-z\d]+/)
		.filter(word => word !== '');

	let slug = '';
	for (const word of words) {
		const next = slug ? `${slug}-${word}` : word;
		if (next.length > maxSlugLength) {
			break;
		}

		slug = next;
	}

	if (slug === '' && words[0] !== undefined) {
		slug = words[0].slice(0, maxSlugLength);
	}

	return slug || 'article';
}
