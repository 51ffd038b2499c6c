// Keyboard input filtering. Ink 6.8 crashes on escape sequences it cannot name that carry a Ctrl
// modifier (a pasted colour code, Ctrl+F1: ink#901, fixed only in Ink 7), so the reader drops
// every control sequence that is not a key before Ink reads it.

/** Cursor keys, Home/End and Shift+Tab, with or without modifiers: `ESC [ A`, `ESC [ 1 ; 5 A`. */
const cursorKey = /^\u001B\[(?:1;\d+)?[ABCDHFZ]$/;
/** Editing and function keys, and bracketed-paste markers: `ESC [ 5 ~`, `ESC [ 15 ; 5 ~`. */
const tildeKey = /^\u001B\[(?:[1-8]|1[1-57-9]|2[0-4]|20[01])(?:;\d+)?~$/;
const csiSequence = /\u001B\[[\u0030-\u003F]*[\u0020-\u002F]*[\u0040-\u007E]/g;
const stringSequence = /\u001B[\]PX^_][^]*?(?:\u0007|\u001B\\)/g;

/** The chunk without the control sequences that are not keys; keys and text are kept as they are. */
export function dropUnknownSequences(chunk: string): string {
	if (!chunk.includes('\u001B')) {
		return chunk;
	}

	return chunk.replace(stringSequence, '').replace(csiSequence, sequence => (cursorKey.test(sequence) || tildeKey.test(sequence) ? sequence : ''));
}

/** A view of stdin whose `read()` returns filtered chunks; everything else is the real stdin. */
export function filteredStdin(stdin: NodeJS.ReadStream): NodeJS.ReadStream {
	return new Proxy(stdin, {
		get(target, property) {
			if (property === 'read') {
				return (size?: number) => {
					const chunk = target.read(size) as string | Buffer | null;
					if (chunk === null) {
						return null;
					}

					return dropUnknownSequences(typeof chunk === 'string' ? chunk : String(chunk));
				};
			}

			const value: unknown = Reflect.get(target, property, target);
			return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
		},
	});
}
