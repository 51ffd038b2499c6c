// The symbols newsread draws itself (pointer, read marks, separators, ellipsis, the article's list
// bullets and rules), in Unicode and in ASCII for a terminal whose locale is not UTF-8 (LANG=C).

/** Each symbol newsread draws, by what it means. */
export type Glyphs = {
	/** The cursor in a list: `❯`. */
	pointer: string;
	/** An unread article: `●`. */
	unread: string;
	/** An article read partly: `◐`. */
	inProgress: string;
	/** Between the parts of a title (`World › Harbour vote`), and before a related article: `›`. */
	crumb: string;
	/** Text cut short: `…` (one column; the ASCII `...` is three). */
	ellipsis: string;
	/** Between items on one line (`4 articles · 2 unread`): `·`. */
	separator: string;
	/** Before a count of comments: `💬`. */
	comments: string;
	/** Before a problem: `⚠`. */
	warning: string;
	/** The Enter key in hints: `↩`. */
	enter: string;
	/** Between the two numbers of a size: `80×24`. */
	times: string;
	/** Arrow keys in hints and help. */
	up: string;
	down: string;
	left: string;
	right: string;
	/** A list item's marker in an article (one column, as the layout measured). */
	bullet: string;
	/** A quotation's bar in an article (one column). */
	quoteBar: string;
	/** A horizontal rule in an article (one column, repeated). */
	rule: string;
	/** The end of each piece of a word (a long address) cut over lines in an article (one column): `↩`. */
	continues: string;
};

/** What a UTF-8 terminal shows. */
export const unicodeGlyphs: Glyphs = {
	pointer: '❯',
	unread: '●',
	inProgress: '◐',
	crumb: '›',
	ellipsis: '…',
	separator: '·',
	comments: '💬',
	warning: '⚠',
	enter: '↩',
	times: '×',
	up: '↑',
	down: '↓',
	left: '←',
	right: '→',
	bullet: '•',
	quoteBar: '│',
	rule: '─',
	continues: '↩',
};

/** What any terminal shows: for a locale that is not UTF-8. */
export const asciiGlyphs: Glyphs = {
	pointer: '>',
	unread: '*',
	inProgress: 'o',
	crumb: '>',
	ellipsis: '...',
	separator: '-',
	comments: '[c]',
	warning: '!',
	enter: 'Enter',
	times: 'x',
	up: 'Up',
	down: 'Down',
	left: 'Left',
	right: 'Right',
	bullet: '*',
	quoteBar: '|',
	rule: '-',
	continues: '\\',
};

/**
 * Whether the locale's character set is UTF-8: the first of LC_ALL, LC_CTYPE and LANG that is set and
 * not empty decides (as setlocale does); none at all counts as UTF-8, as Node itself writes UTF-8.
 */
export function utf8Locale(env: Record<string, string | undefined>): boolean {
	const locale = [env['LC_ALL'], env['LC_CTYPE'], env['LANG']].find(value => value !== undefined && value !== '');
	return locale === undefined || /utf-?8/i.test(locale);
}

/** The glyphs for a terminal with this environment. */
export function glyphsFor(env: Record<string, string | undefined>): Glyphs {
	return utf8Locale(env) ? unicodeGlyphs : asciiGlyphs;
}

const layoutMarks = /[•│─↩]/g;

/**
 * Text of the article's layout (core/layout.ts draws `•`, `│`, `─` and `↩`) with those marks as `glyphs`
 * draws them. Every mark is one column either way, so the layout's widths still hold.
 */
export function withLayoutMarks(text: string, glyphs: Glyphs): string {
	if (glyphs === unicodeGlyphs) {
		return text;
	}

	return text.replaceAll(layoutMarks, mark => (mark === '•' ? glyphs.bullet : mark === '│' ? glyphs.quoteBar : mark === '↩' ? glyphs.continues : glyphs.rule));
}
