// The display width of text made only of characters that are one column wide on every terminal: ASCII,
// Latin, general punctuation, arrows, box drawing and the symbols glyphs.ts draws. The bundle answers
// string-width with it before loading string-width itself, whose Unicode regular expressions and first
// grapheme segmentation cost 50-100 ms at start-up (source/build.mjs).
const oneColumn = /^[\u0020-\u007E\u00A0-\u00A8\u00AA-\u00AC\u00AF-\u02FF\u2010-\u2027\u2030-\u203B\u203D-\u2048\u204A-\u205E\u2190-\u2193\u2500-\u259F\u25CF\u25D0\u276F]*$/;

// Colours and styles (SGR), which take no column; any other escape sequence is left to string-width.
const styles = /\u001B\[[\d;]*m/g;

/**
 * The width of `text` when every character in it, colours and styles aside, is one column wide (each
 * one UTF-16 unit), else undefined.
 */
export function narrowWidth(text: string): number | undefined {
	const visible = text.includes('\u001B') ? text.replaceAll(styles, '') : text;
	return oneColumn.test(visible) ? visible.length : undefined;
}
