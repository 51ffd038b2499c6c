// Keyboard input filtering. Ink 6.8 crashes on escape sequences it cannot name that carry a Ctrl
// modifier (a pasted colour code, Ctrl+F1: ink#901, fixed only in Ink 7), so the reader drops
// every control sequence that is not a key before Ink reads it, found with the patterns the core's
// text sanitizer uses.
import {controlStrings, CSI_SEQUENCE} from '../core/sanitize.js';

/** Cursor keys, Home/End and Shift+Tab, with or without modifiers: `ESC [ A`, `ESC [ 1 ; 5 A`. */
const cursorKey = /^\u001B\[(?:1;\d+)?[ABCDHFZ]$/;
/** Editing and function keys, and bracketed-paste markers: `ESC [ 5 ~`, `ESC [ 15 ; 5 ~`. */
const tildeKey = /^\u001B\[(?:[1-8]|1[1-57-9]|2[0-4]|20[01])(?:;\d+)?~$/;

/** The chunk without the control sequences that are not keys; keys and text are kept as they are. */
export function dropUnknownSequences(chunk: string): string {
	if (!chunk.includes('\u001B')) {
		return chunk;
	}

	// Only complete CSI sequences are dropped: a key cut off at the end of the chunk stays, and Ink
	// keeps it until the rest arrives.
	return chunk.replace(controlStrings, '').replace(CSI_SEQUENCE, sequence => (cursorKey.test(sequence) || tildeKey.test(sequence) ? sequence : ''));
}

/** Filters what `read` returns: the stdin of the reader, and of the UI tests. */
export function filterRead(read: (size?: number) => string | Buffer | null | undefined): (size?: number) => string | null {
	return size => {
		const chunk = read(size);
		if (chunk === null || chunk === undefined) {
			return null;
		}

		return dropUnknownSequences(typeof chunk === 'string' ? chunk : chunk.toString());
	};
}

/** A view of stdin whose `read()` returns filtered chunks; everything else is the real stdin. */
export function filteredStdin(stdin: NodeJS.ReadStream): NodeJS.ReadStream {
	return new Proxy(stdin, {
		get(target, property) {
			if (property === 'read') {
				return filterRead(size => target.read(size) as string | Buffer | null);
			}

			const value: unknown = Reflect.get(target, property, target);
			return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
		},
	});
}
