// Fitting text into columns by display width (CJK and emoji are two columns wide).
import cliTruncate from 'cli-truncate';
import stringWidth from 'string-width';
import wrapAnsi from 'wrap-ansi';

/** The text cut to `width` columns with an ellipsis, never wider. */
export function fitToWidth(text: string, width: number): string {
	if (width <= 0) {
		return '';
	}

	return stringWidth(text) <= width ? text : cliTruncate(text, width, {position: 'end'});
}

/** The text cut or padded with spaces to exactly `width` columns. */
export function padToWidth(text: string, width: number): string {
	const fitted = fitToWidth(text, width);
	return fitted + ' '.repeat(Math.max(0, width - stringWidth(fitted)));
}

/** Display width of a string. */
export function displayWidth(text: string): number {
	return stringWidth(text);
}

/** Wraps plain text to `width` columns (by display width), keeping its line breaks. */
export function wrapText(text: string, width: number): string[] {
	return wrapAnsi(text, Math.max(1, width), {hard: true, trim: true}).split('\n');
}

/** `1 article`, `3 articles`. */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
	return `${count} ${count === 1 ? singular : pluralForm}`;
}
