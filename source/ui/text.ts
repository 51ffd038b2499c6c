// Fitting text into columns by display width (CJK and emoji are two columns wide).
import chalk from 'chalk';
import {displayWidth, truncateToWidth, wrapPlain} from '../core/layout.js';
import {styled} from '../theme.js';
import {glyphs, type TextStyle} from './theme.js';

// The layout's measure (string-width, with a fast path for narrow text) serves the screens too.
export {displayWidth} from '../core/layout.js';

/** The text cut to `width` columns with an ellipsis, never wider. */
export function fitToWidth(text: string, width: number): string {
	return truncateToWidth(text, width, glyphs.ellipsis);
}

/** The text cut or padded with spaces to exactly `width` columns. */
export function padToWidth(text: string, width: number): string {
	const fitted = fitToWidth(text, width);
	return fitted + ' '.repeat(Math.max(0, width - displayWidth(fitted)));
}

/** Wraps plain text to `width` columns (by display width), keeping its line breaks: the core's one wrapper. */
export function wrapText(text: string, width: number): string[] {
	return wrapPlain(text, width);
}

/** `1 article`, `3 articles`. */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
	return `${count} ${count === 1 ? singular : pluralForm}`;
}

/**
 * The text with a theme style applied as Ink's `<Text>` would apply it (same chalk, same order), for a
 * row drawn as one string: Ink then measures and draws one text node instead of a nested one per piece.
 */
export function styleText(text: string, style: TextStyle): string {
	return styled(chalk, style, text);
}
