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

// Controls (a carriage return aside: CR LF is one grapheme) and the one-column characters above: each
// UTF-16 unit of text made only of these is a grapheme of its own.
const ownGraphemes = /^[\u0000-\u000C\u000E-\u007E\u00A0-\u00A8\u00AA-\u00AC\u00AF-\u02FF\u2010-\u2027\u2030-\u203B\u203D-\u2048\u204A-\u205E\u2190-\u2193\u2500-\u259F\u25CF\u25D0\u276F]*$/;

/** What Intl.Segmenter's `segment(text)` gives, as far as Ink's output stage and slice-ansi use it. */
export type GraphemeSegments = Iterable<Intl.SegmentData> & {containing(index?: number): Intl.SegmentData | undefined};

/**
 * The graphemes of `text` when each of its UTF-16 units is one (ASCII, Latin, punctuation, box drawing,
 * the glyphs, escape sequences), as Intl.Segmenter's grapheme `segment(text)` would give them, else
 * undefined. The bundle asks it before creating an Intl.Segmenter, whose first creation loads ICU's
 * break rules (about 20 ms) before the first frame (source/build.mjs).
 */
export function narrowGraphemes(text: string): GraphemeSegments | undefined {
	if (!ownGraphemes.test(text)) {
		return undefined;
	}

	const at = (index: number): Intl.SegmentData => ({segment: text[index]!, index, input: text});
	return {
		* [Symbol.iterator]() {
			for (let index = 0; index < text.length; index++) {
				yield at(index);
			}
		},
		containing(index = 0) {
			const position = Math.trunc(index);
			return position >= 0 && position < text.length ? at(position) : undefined;
		},
	};
}
