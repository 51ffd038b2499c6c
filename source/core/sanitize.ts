// Removes terminal control sequences from untrusted text (articles, captures, comments) where it
// enters the core: Ink writes text through as-is, so an OSC or CSI in an article would reach the terminal.

const ESC = '\u001B';

// The pieces of the two sequence kinds, shared by the filter below and the exported complete forms.
// Strings terminated by BEL or ST: OSC (ESC ]), DCS (ESC P), SOS (ESC X), PM (ESC ^), APC (ESC _),
// and their 8-bit forms.
const stringStart = `(?:${ESC}[\\]PX^_]|[\\u0090\\u0098\\u009D\\u009E\\u009F])`;
const stringEnd = `(?:\\u0007|${ESC}\\\\|\\u009C)`;
// CSI: ESC [ or 8-bit CSI, parameter bytes, intermediate bytes, one final byte.
const csiStart = `(?:${ESC}\\[|\\u009B)`;
const csiBody = '[\\u0030-\\u003F]*[\\u0020-\\u002F]*';
const csiFinal = '[\\u0040-\\u007E]';

/**
 * A complete CSI sequence (`ESC [` or 8-bit CSI, parameters, intermediates, final byte), such as a
 * key (`ESC [ 1 ; 5 A`) or a colour code. Global: use it with `replace` or `matchAll`, not `test`.
 */
export const CSI_SEQUENCE = new RegExp(`${csiStart}${csiBody}${csiFinal}`, 'g');

/**
 * A complete control string (OSC, DCS, SOS, PM, APC; 7- or 8-bit) up to and including its BEL or ST.
 * Global: use it with `replace` or `matchAll`, not `test`.
 */
export const CONTROL_STRING = new RegExp(`${stringStart}[^]*?${stringEnd}`, 'g');

// In untrusted text a CSI cut off before its final byte is removed too.
/**
 * A control string (OSC, DCS, SOS, PM, APC) up to its BEL or ST; an unterminated one runs to the end
 * of the text, as a terminal would read it. Global. Also used by the keyboard filter.
 */
export const controlStrings = new RegExp(`${stringStart}[^]*?(?:${stringEnd}|$)`, 'g');
const csiSequences = new RegExp(`${csiStart}${csiBody}${csiFinal}?`, 'g');
// Any other escape: ESC, optional intermediates, one final character.
const otherEscapes = new RegExp(`${ESC}[\\u0020-\\u002F]*[\\u0030-\\u007E]?`, 'g');
// C0 controls except tab and newline, DEL, and C1 controls.
const controlCharacters = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
// Unicode bidirectional overrides can make text display in a different order than it reads.
const bidiOverrides = /[\u202A-\u202E\u2066-\u2069]/g;

/** Any character that sanitizeText changes or removes (each sequence starts with one): all but newline of C0, DEL, C1, bidi overrides. */
const needsSanitizing = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

/** Spaces that replace one tab (text has no fixed columns before it is laid out). */
export const TAB_WIDTH = 4;

/**
 * Returns the text with every escape sequence and control character removed, line endings
 * normalised to `\n`, and tabs expanded to spaces.
 */
export function sanitizeText(text: string): string {
	// Most text has nothing to remove: one look instead of seven replacements.
	if (!needsSanitizing.test(text)) {
		return text;
	}

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

// Every character of a name that a terminal would act on or that reorders text: C0 controls (tab and
// newline too), DEL, C1 controls, bidirectional overrides.
const nameControls = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;
const nameControlsButNewline = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

/**
 * Shows each control character in a name (a file name, an article id, a typed argument) as a visible
 * escape (`\x1b`, `\x0a`, `\u202e`) instead of removing it: the name stays one line with no control
 * character, and two names that differ only in control characters stay different. Applying it twice
 * changes nothing.
 */
export function visibleControls(text: string, options: {keepNewlines?: boolean} = {}): string {
	return text.replace(options.keepNewlines ? nameControlsButNewline : nameControls, character => {
		const code = character.codePointAt(0) ?? 0;
		return code <= 0xFF ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
	});
}
