// Removes terminal control sequences from untrusted text (articles, captures, comments) where it
// enters the core: Ink writes text through as-is, so an OSC or CSI in an article would reach the terminal.

const ESC = '\u001B';

/**
 * Strings terminated by BEL or ST: OSC (ESC ]), DCS (ESC P), SOS (ESC X), PM (ESC ^), APC (ESC _),
 * and their 8-bit forms. An unterminated one runs to the end of the text, as a terminal would read it.
 * Also used by the keyboard filter (ui/keyboard-input.ts).
 */
export const controlStrings = new RegExp(
	`(?:${ESC}[\\]PX^_]|[\\u0090\\u0098\\u009D\\u009E\\u009F])[^]*?(?:\\u0007|${ESC}\\\\|\\u009C|$)`,
	'g',
);
/** CSI: ESC [ or 8-bit CSI, parameter bytes, intermediate bytes, one final byte. Also used by the keyboard filter. */
export const csiSequences = new RegExp(`(?:${ESC}\\[|\\u009B)[\\u0030-\\u003F]*[\\u0020-\\u002F]*[\\u0040-\\u007E]?`, 'g');
// Any other escape: ESC, optional intermediates, one final character.
const otherEscapes = new RegExp(`${ESC}[\\u0020-\\u002F]*[\\u0030-\\u007E]?`, 'g');
// C0 controls except tab and newline, DEL, and C1 controls.
const controlCharacters = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
// Unicode bidirectional overrides can make text display in a different order than it reads.
const bidiOverrides = /[\u202A-\u202E\u2066-\u2069]/g;

/** Spaces that replace one tab (text has no fixed columns before it is laid out). */
export const TAB_WIDTH = 4;

/**
 * Returns the text with every escape sequence and control character removed, line endings
 * normalised to `\n`, and tabs expanded to spaces.
 */
export function sanitizeText(text: string): string {
	return text
		.replaceAll('\r\n', '\n')
		.replace(controlStrings, '')
		.replace(csiSequences, '')
		.replace(otherEscapes, '')
		.replaceAll('\t', ' '.repeat(TAB_WIDTH))
		.replace(controlCharacters, '')
		.replace(bidiOverrides, '');
}

/** Sanitizes one line of text (a title, a name): also folds newlines and runs of spaces into one space. */
export function sanitizeLine(text: string): string {
	return sanitizeText(text).replace(/\s+/g, ' ').trim();
}
