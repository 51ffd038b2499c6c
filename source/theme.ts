// How each kind of text looks, shared by the Ink screens and `newsread read` on a terminal.
// Chosen to stay legible in 16 colours and, through bold/underline/markers, with NO_COLOR.

import type {ChalkInstance} from 'chalk';

/** Text attributes in the shape of Ink's `<Text>` props. */
export type TextStyle = {
	/** A colour name Ink and chalk both know (`cyan`, `gray`). */
	color?: string;
	bold?: boolean;
	italic?: boolean;
	underline?: boolean;
	dimColor?: boolean;
	inverse?: boolean;
};

/** The style of each kind of text, by name. */
export const theme = {
	subheading: {color: 'cyan', bold: true},
	emphasis: {italic: true},
	strong: {bold: true},
	code: {color: 'yellow'},
	link: {color: 'blue', underline: true},
	quote: {color: 'green'},
	marker: {color: 'gray'},
	rule: {dimColor: true},
	plain: {},
	title: {bold: true},
	dim: {dimColor: true},
	match: {inverse: true},
	selected: {color: 'cyan', bold: true, inverse: true},
	error: {color: 'red'},
	warning: {color: 'yellow'},
	progress: {color: 'green'},
	unread: {color: 'cyan', bold: true},
	statusLeft: {bold: true},
	header: {bold: true},
	headline: {bold: true},
	standfirst: {italic: true},
	byline: {color: 'gray'},
	continuation: {dimColor: true},
} as const satisfies Record<string, TextStyle>;

/** The name of a style in the theme. */
export type ThemeName = keyof typeof theme;

/** Whether the user asked for no colour: NO_COLOR present and not empty (https://no-color.org). */
export function noColourRequested(env: Record<string, string | undefined>): boolean {
	return Boolean(env['NO_COLOR']);
}

/**
 * The theme without colour (NO_COLOR, TERM=dumb, a monochrome terminal): what colour set apart is set
 * apart by attributes; subheadings are underlined as well, so they differ from bold words in the text,
 * and the byline is dim.
 */
export const monochromeTheme = {
	...withoutColour(theme),
	subheading: {bold: true, underline: true},
	byline: {dimColor: true},
} as const satisfies Record<ThemeName, TextStyle>;

/** Colours on a terminal: colours it can show (`colourLevel` > 0, chalk's 0-3), not turned off by NO_COLOR or TERM=dumb. */
export function colourOnTerminal(env: Record<string, string | undefined>, colourLevel: number): boolean {
	return colourLevel > 0 && !noColourRequested(env) && env['TERM'] !== 'dumb';
}

/** The theme with every colour removed and every other attribute kept: for NO_COLOR. */
export function withoutColour<Theme extends Record<string, TextStyle>>(styles: Theme): Theme {
	const entries = Object.entries(styles).map(([name, {color: _color, ...attributes}]) => [name, attributes]);
	return Object.fromEntries(entries) as Theme;
}

/**
 * The text with a theme style applied with `chalk` (a no-op at colour level 0), in the order Ink's `<Text>`
 * applies one (dim, colour, bold, italic, underline, inverse, innermost first): the one way a style
 * becomes escapes, for rows drawn as one string and for `newsread read`.
 */
export function styled(chalk: ChalkInstance, style: TextStyle, text: string): string {
	let result = text;
	if (style.dimColor) {
		result = chalk.dim(result);
	}

	if (style.color !== undefined && style.color in chalk) {
		result = (chalk as unknown as Record<string, (text: string) => string>)[style.color]!(result);
	}

	for (const attribute of ['bold', 'italic', 'underline', 'inverse'] as const) {
		if (style[attribute]) {
			result = chalk[attribute](result);
		}
	}

	return result;
}
