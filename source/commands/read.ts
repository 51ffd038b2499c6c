// `newsread read <id> [--width N]`: prints the laid-out article, subheadings highlighted on a terminal.
import {Chalk, type ChalkInstance} from 'chalk';
import type {ArticleMeta, ArticleText, Block} from '../core/article.js';
import {formatDate} from '../core/dates.js';
import {displayWidth, layoutChunks, type Line, MAX_TEXT_WIDTH, MIN_WIDTH, wrapPlain} from '../core/layout.js';
import {type ParsedChunk, parseMarkdownChunks} from '../core/parse-markdown.js';
import {type Glyphs, glyphsFor, withLayoutMarks} from '../glyphs.js';
import {monochromeTheme, styled, type TextStyle, type ThemeName, theme as colourTheme} from '../theme.js';
import {exitCode} from '../context.js';
import {hyperlink, hyperlinksWanted} from '../hyperlinks.js';
import {attributesWanted, type Command, colourWanted, writeLines} from './context.js';
import {findArticle} from './article-id.js';

const defaultWidth = 80;

/**
 * `newsread read <id> [--width N]`: the article laid out as text, coloured only on a terminal without
 * NO_COLOR (with it, subheadings are still bold and underlined; TERM=dumb or a pipe: plain text); a long
 * body is printed a chunk at a time as it is laid out.
 */
export const readCommand: Command = context => {
	const {args, flags, stdout, stderr} = context;
	const [id, ...extra] = args;
	if (id === undefined || extra.length > 0) {
		stderr.write('newsread: usage: newsread read <id> [--width N]\n');
		return exitCode.usage;
	}

	if (flags.width !== undefined && !(Number.isInteger(flags.width) && flags.width >= MIN_WIDTH)) {
		stderr.write(`newsread: --width must be a whole number of columns, at least ${MIN_WIDTH}\n`);
		return exitCode.usage;
	}

	const library = context.library();
	const found = findArticle(library, id);
	if (found.message !== undefined) {
		stderr.write(found.message);
		return exitCode.failure;
	}

	const article = library.articleText(found.article.id);
	const width = flags.width ?? (stdout.isTTY && stdout.columns ? stdout.columns : defaultWidth);
	const colour = colourWanted(stdout, context.env);
	const style: Style = {
		chalk: new Chalk({level: attributesWanted(stdout, context.env) ? 1 : 0}),
		theme: colour ? colourTheme : monochromeTheme,
		glyphs: glyphsFor(context.env),
		hyperlinks: hyperlinksWanted(stdout, context.env),
	};
	for (const lines of renderArticle(article, library.related(found.article.id), width, style)) {
		writeLines(stdout, lines);
	}

	return exitCode.ok;
};

/** How the article is drawn: chalk (level 0 for plain text), the theme, the locale's glyphs, links as OSC 8 hyperlinks or not. */
type Style = {chalk: ChalkInstance; theme: Readonly<Record<ThemeName, TextStyle>>; glyphs: Glyphs; hyperlinks: boolean};

/** The article's lines, a chunk of the body at a time, so a long body's first lines are printed at once. */
function * renderArticle(article: ArticleText, related: readonly ArticleMeta[], width: number, style: Style): Generator<string[]> {
	const {chalk, theme, glyphs} = style;
	const byline = [article.section, formatDate(article.date), article.author].filter(Boolean).join(` ${glyphs.separator} `);
	const textWidth = Math.min(Math.max(MIN_WIDTH, width), MAX_TEXT_WIDTH);
	const wrap = (text: string, style: TextStyle) => wrapPlain(text, textWidth).map(line => styled(chalk, style, line));
	yield [...wrap(article.title, theme.title), ...(byline ? wrap(byline, theme.dim) : ['']), ''];
	for (const lines of layoutChunks(blocksOf(parseMarkdownChunks(article.body)), width)) {
		yield lines.map(line => renderLine(line, style));
	}

	yield related.length > 0 ? ['', styled(chalk, theme.subheading, 'Related articles'), ...related.flatMap(other => relatedLines(other, textWidth - 2).map(line => `  ${line}`))] : [];
}

function * blocksOf(chunks: Iterable<ParsedChunk>): Generator<Block[]> {
	for (const chunk of chunks) {
		yield chunk.blocks;
	}
}

/** `id  title` wrapped: the id and the title's first word stay together when they fit, two spaces apart. */
function relatedLines(other: ArticleMeta, width: number): string[] {
	const firstWord = other.title.split(' ', 1)[0] ?? '';
	if (displayWidth(other.id) + 2 + displayWidth(firstWord) > width) {
		return [...wrapPlain(other.id, width), ...wrapPlain(other.title, width)];
	}

	// Two no-break spaces hold the id to the title while wrapping, then become plain spaces.
	const [first = '', ...rest] = wrapPlain(`${other.id}\u00A0\u00A0${other.title}`, width);
	return [first.replace('\u00A0\u00A0', '  '), ...rest];
}

function renderLine(line: Line, {chalk, theme, glyphs, hyperlinks}: Style): string {
	return line.segments.map(({style, text, href}) => {
		const shown = styled(chalk, theme[style], style === 'marker' || style === 'quote' || style === 'rule' || style === 'continuation' ? withLayoutMarks(text, glyphs) : text);
		return hyperlinks && href !== undefined ? hyperlink(shown, href) : shown;
	}).join('');
}

