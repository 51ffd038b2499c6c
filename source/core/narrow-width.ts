// The display width of text made only of characters that are one column wide on every terminal: ASCII,
// Latin, general punctuation, arrows, box drawing and the symbols glyphs.ts draws. The bundle answers
// string-width with it before loading string-width itself, whose Unicode regular expressions and first
// grapheme segmentation cost 50-100 ms at start-up (source/build.mjs).
const oneColumn = /^[\u0020-\u007E\u00A0-\u00A8\u00AA-\u00AC\u00AF-\u02FF\u2010-\u2027\u2030-\u203B\u203D-\u2048\u204A-\u205E\u2190-\u2193\u2500-\u259F\u25CF\u25D0\u276F]*$/;

/** The width of `text` when every character in it is one column wide (each one UTF-16 unit), else undefined. */
export function narrowWidth(text: string): number | undefined {
	return oneColumn.test(text) ? text.length : undefined;
}
