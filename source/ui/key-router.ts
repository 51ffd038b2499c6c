// One permanent Ink input subscription for the whole reader, handing each key to the one handler
// that is active for it. Screens register in a layout effect, so a key typed while a new screen is
// being drawn reaches the new screen, not the old one (Ink subscribes useInput only in a passive effect).
import type {Key} from 'ink';
import {createContext} from 'react';

/** Where a key came from, beyond what Ink says about it. */
export type KeyOrigin = {
	/** The key is one character of several that arrived together: maybe typed ahead, maybe pasted. */
	inText: boolean;
};

/** Handles a key; a text field returns false for a key it leaves to its screen. */
export type KeyHandler = (input: string, key: Key, origin?: KeyOrigin) => boolean | void;

export type RegisterOptions = {
	/**
	 * A focused text field: it gets each key first, and typed or pasted text as one string.
	 * @default false
	 */
	text?: boolean;
	/**
	 * A text field that holds several lines (the comment): line breaks typed or pasted along with text
	 * reach it inside the text (as `\n`) instead of as Enter keys. @default false
	 */
	multiline?: boolean;
};

/** What the reader does for the router beyond handing keys to screens. */
export type KeyRouterListeners = {
	/** Ctrl+C: the keys still waiting have been dropped; the reader quits. */
	interrupt?: () => void;
	/** Pasted text arrived where no text field takes it, and was left out. */
	pasteIgnored?: () => void;
};

export type KeyRouter = {
	/** Adds a handler; returns the function that removes it. */
	register: (handler: KeyHandler, options?: RegisterOptions) => () => void;
	/** Takes a key as Ink parsed it; the keys in it reach their handler one at a time (see KeyRouter). */
	dispatch: (input: string, key: Key) => void;
	/** True while keys wait for the screen to draw what the keys before them did. */
	isBusy(): boolean;
	/** Drops the keys that wait (the reader is quitting). */
	clear(): void;
	/** Sets what happens on Ctrl+C and on a paste nothing takes; returns the function that unsets it. */
	listen(listeners: KeyRouterListeners): () => void;
};

export type KeyRouterOptions = {
	/** Calls back once React has drawn what the last key did. @default two turns of setImmediate */
	afterRender?: (callback: () => void) => void;
};

type Registration = {handler: KeyHandler; text: boolean; multiline: boolean};

/** What waits in the queue: a key as Ink named it, text that came in one chunk (typed or pasted), or a bracketed paste. */
type Pending = {kind: 'key'; input: string; key: Key} | {kind: 'chunk'; text: string; at: number} | {kind: 'paste'; text: string};

/**
 * Letters that arrive in one chunk with no text field to take them are keys (`jjk` from tmux); a run
 * longer than this is a paste, which no screen but a text field can use: it is left out, so that it
 * cannot hold up the keys after it (Q) for one frame per letter.
 */
export const MAX_LETTER_KEYS = 64;

/** More keys than this waiting are a backlog (a held-down key, a stalled screen), not typing ahead. */
export const MAX_TYPED_AHEAD = 8;

const pasteStart = '[200~';
const pasteEnd = '[201~';

/**
 * A key goes to the focused text field (the text handler registered last) if there is one and it
 * takes the key, otherwise to the screen handler registered last (the screen on top); no other
 * handler sees it. Keys that arrive before the screen has drawn what the previous key did (several
 * keys in one chunk, or typed faster than a frame) wait, so each is handled by the screen that is
 * showing when its turn comes, with that screen's current cursor. Text is not keys: a run of text
 * in one chunk, or a bracketed paste (ESC[200~ … ESC[201~) however many chunks it spans, reaches a
 * focused text field as one insertion in one frame. Ctrl+C does not wait: it drops the queue; nor
 * does Q behind keys that only move a cursor, or behind a backlog.
 */
export function createKeyRouter(options: KeyRouterOptions = {}): KeyRouter {
	const {afterRender = afterReactRender} = options;
	const registrations: Registration[] = [];
	const queue: Pending[] = [];
	let listeners: KeyRouterListeners = {};
	let busy = false;
	/** A bracketed paste still arriving: its text so far, and the end of it where the end marker may have begun. */
	let paste: {pieces: string[]; tail: string} | undefined;

	const focusedField = () => registrations.findLast(registration => registration.text);

	const deliver = (input: string, key: Key, origin?: KeyOrigin) => {
		const field = focusedField();
		if (field && field.handler(input, key, origin) === true) {
			return;
		}

		registrations.findLast(registration => !registration.text)?.handler(input, key, origin);
	};

	/** Hands out the next piece of the queue; false when nothing was handed out (no frame to wait for). */
	const handOut = (): boolean => {
		const next = queue[0];
		if (!next) {
			return false;
		}

		if (next.kind === 'key') {
			queue.shift();
			deliver(next.input, next.key);
			return true;
		}

		const field = focusedField();
		if (next.kind === 'paste') {
			queue.shift();
			if (!field) {
				listeners.pasteIgnored?.();
				return false;
			}

			field.handler(pastedText(next.text, field.multiline), {...noKey});
			return true;
		}

		const text = field ? takeText(field) : '';
		if (field && text !== '') {
			field.handler(text, {...noKey});
			return true;
		}

		const piece = nextPiece(next.text, next.at, field);
		next.at = piece.end;
		if (next.at >= next.text.length) {
			queue.shift();
		}

		if (piece.kind === 'dropped') {
			listeners.pasteIgnored?.();
			return false;
		}

		deliver(...keyOfCharacter(piece.text), {inText: next.text.length > 1});
		return true;
	};

	/**
	 * The text for a focused field at the front of the queue, across the chunks that wait one after
	 * another: a paste without brackets arrives in many chunks, and each frame of a 100 KB field costs.
	 */
	const takeText = (field: Registration): string => {
		const parts: string[] = [];
		for (let chunk = queue[0]; chunk?.kind === 'chunk'; chunk = queue[0]) {
			const piece = nextPiece(chunk.text, chunk.at, field);
			if (piece.kind !== 'text') {
				break;
			}

			parts.push(piece.text);
			chunk.at = piece.end;
			if (chunk.at < chunk.text.length) {
				break;
			}

			queue.shift();
		}

		return parts.join('');
	};

	const drain = () => {
		while (queue.length > 0) {
			if (handOut()) {
				afterRender(drain);
				return;
			}
		}

		busy = false;
	};

	const enqueue = (pending: Pending) => {
		queue.push(pending);
		if (!busy) {
			busy = true;
			drain();
		}
	};

	const interrupt = () => {
		queue.length = 0;
		paste = undefined;
		if (listeners.interrupt) {
			listeners.interrupt();
		} else {
			deliver('c', {...noKey, ctrl: true});
		}
	};

	return {
		register(handler, options = {}) {
			const registration = {handler, text: options.text ?? false, multiline: options.multiline ?? false};
			registrations.push(registration);
			return () => {
				const index = registrations.indexOf(registration);
				if (index !== -1) {
					registrations.splice(index, 1);
				}
			};
		},
		dispatch(input, key) {
			// Ctrl+C never waits behind other keys, and ends a paste too. (Ink ends the reader itself
			// on a Ctrl+C that arrives alone; this is one in a chunk with other keys.)
			if ((key.ctrl && input === 'c') || (!key.ctrl && !key.meta && input.length > 1 && input.includes('\u0003'))) {
				interrupt();
				return;
			}

			if (paste) {
				const piece = textOf(input, key);
				// The end marker can come split over two events (Ink gives up waiting for the rest of an
				// escape sequence after one turn of the event loop), so it is looked for in the text.
				const tail = paste.tail + piece;
				const end = tail.indexOf(pasteEnd);
				if (end === -1) {
					paste.pieces.push(piece);
					paste.tail = tail.slice(-(pasteEnd.length - 1));
					return;
				}

				const text = paste.pieces.join('') + piece;
				const endInText = text.length - tail.length + end;
				paste = undefined;
				enqueue({kind: 'paste', text: text.slice(0, endInText)});
				const rest = text.slice(endInText + pasteEnd.length);
				if (rest !== '') {
					enqueue({kind: 'chunk', text: rest, at: 0});
				}

				return;
			}

			if (input === pasteStart && isPlain(key)) {
				paste = {pieces: [], tail: ''};
				return;
			}

			if (input.length <= 1 || !isPlain(key) || input.includes('\u001B')) {
				// Q quits at once past arrows and pages typed ahead (a held-down key), which cannot open
				// a text field that would take the Q as a letter, and past any backlog longer than a
				// person types ahead of a frame.
				// (The queue is looked through only for a Q: for every key it would cost a backlog's square.)
				const jumpsQueue = () => queue.length > MAX_TYPED_AHEAD || queue.every(pending => pending.kind === 'key' && isCursorKey(pending.key));
				if (input === 'Q' && queue.length > 0 && !focusedField() && jumpsQueue()) {
					queue.unshift({kind: 'key', input, key});
					return;
				}

				enqueue({kind: 'key', input, key});
				return;
			}

			enqueue({kind: 'chunk', text: input, at: 0});
		},
		isBusy: () => busy,
		clear() {
			queue.length = 0;
			paste = undefined;
		},
		listen(given) {
			listeners = given;
			return () => {
				if (listeners === given) {
					listeners = {};
				}
			};
		},
	};
}

/**
 * Runs `callback` once React has drawn the updates of the current key: React's scheduler does that
 * work in a setImmediate queued while the key was handled, so one more setImmediate comes after it.
 */
function afterReactRender(callback: () => void): void {
	setImmediate(() => {
		setImmediate(callback);
	});
}

type Piece = {kind: 'text' | 'key' | 'dropped'; text: string; end: number};

const isLineBreak = (character: string | undefined) => character === '\r' || character === '\n';
const isControl = (character: string | undefined) => character !== undefined && /[\u0000-\u001F\u007F]/.test(character);

/**
 * The next piece of a chunk from `at`: a run of text for a focused field (with the line breaks among
 * it, for a field of several lines), one key, or a run of letters left out (too long to be keys).
 */
function nextPiece(text: string, at: number, field: Registration | undefined): Piece {
	let end = at;
	const takes = (character: string) => !isControl(character) || (field?.multiline === true && isLineBreak(character));
	while (end < text.length && takes(text[end]!)) {
		end++;
	}

	const run = text.slice(at, end);
	// A run of line breaks alone is Enter keys; with text among it, it is part of the text.
	if (field && run !== '' && [...run].some(character => !isLineBreak(character))) {
		return {kind: 'text', text: run.replaceAll(/\r\n?/g, '\n'), end};
	}

	if (!field && run.length > MAX_LETTER_KEYS) {
		return {kind: 'dropped', text: run, end};
	}

	const character = String.fromCodePoint(text.codePointAt(at)!);
	return {kind: 'key', text: character, end: at + character.length};
}

/** A paste as a field takes it: line breaks as `\n` (spaces for a one-line field), no control characters but tabs. */
function pastedText(text: string, multiline: boolean): string {
	const lines = text.replaceAll(/\r\n?/g, '\n').replaceAll(/[\u0000-\u0008\u000B-\u001F\u007F]/g, '');
	return multiline ? lines : lines.replaceAll('\n', ' ');
}

/** The text a key event adds to a paste: the characters, or the line break or tab it names; nothing for other keys. */
function textOf(input: string, key: Key): string {
	if (key.return) {
		return '\n';
	}

	if (key.tab) {
		return '\t';
	}

	return isPlain(key) || (key.shift && !key.tab) ? input : '';
}

/** ↑ ↓ PgUp PgDn Home End: keys that move within a screen and never open another. */
function isCursorKey(key: Key): boolean {
	return key.upArrow || key.downArrow || key.pageUp || key.pageDown || key.home || key.end;
}

/** No flag is set: text, or a control character Ink left unnamed. */
function isPlain(key: Key): boolean {
	return !Object.values(key).some(flag => flag === true);
}

/** A key event with every flag off: the base of the events the router makes up. */
export const noKey: Key = {
	upArrow: false,
	downArrow: false,
	leftArrow: false,
	rightArrow: false,
	pageDown: false,
	pageUp: false,
	home: false,
	end: false,
	return: false,
	escape: false,
	ctrl: false,
	shift: false,
	tab: false,
	backspace: false,
	delete: false,
	meta: false,
	super: false,
	hyper: false,
	capsLock: false,
	numLock: false,
};

/** The key event Ink 6.8 would have given for one character typed on its own. */
export function keyOfCharacter(character: string): [string, Key] {
	switch (character) {
		case '\r':
		case '\n': {
			return ['', {...noKey, return: true}];
		}

		case '\t': {
			return ['', {...noKey, tab: true}];
		}

		case '\u007F':
		case '\b': {
			return ['', {...noKey, delete: true}];
		}

		default: {
			const code = character.codePointAt(0) ?? 0;
			// Other C0 controls are Ctrl + a letter: Ctrl+S is \x13.
			if (code > 0 && code < 0x1b) {
				return [String.fromCodePoint(code + 0x60), {...noKey, ctrl: true}];
			}

			return [character, {...noKey, shift: /[A-Z]/.test(character)}];
		}
	}
}

export const KeyRouterContext = createContext<KeyRouter | undefined>(undefined);
