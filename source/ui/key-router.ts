// One permanent Ink input subscription for the whole reader, handing each key to the one handler
// that is active for it. Screens register in a layout effect, so a key typed while a new screen is
// being drawn reaches the new screen, not the old one (Ink subscribes useInput only in a passive effect).
import type {Key} from 'ink';
import {createContext} from 'react';

/** Handles a key; a text field returns false for a key it leaves to its screen. */
export type KeyHandler = (input: string, key: Key) => boolean | void;

export type KeyRouter = {
	/**
	 * Adds a handler; returns the function that removes it. A `text` handler is a focused text field:
	 * it gets each key first, and typed or pasted text as one string.
	 */
	register: (handler: KeyHandler, options?: {text?: boolean}) => () => void;
	/** Takes a key as Ink parsed it; the keys in it reach their handler one at a time (see KeyRouter). */
	dispatch: (input: string, key: Key) => void;
	/** True while keys wait for the screen to draw what the keys before them did. */
	isBusy(): boolean;
};

export type KeyRouterOptions = {
	/** Calls back once React has drawn what the last key did. @default two turns of setImmediate */
	afterRender?: (callback: () => void) => void;
};

type Registration = {handler: KeyHandler; text: boolean};

/**
 * A key goes to the focused text field (the text handler registered last) if there is one and it
 * takes the key, otherwise to the screen handler registered last (the screen on top); no other
 * handler sees it. Keys that arrive before the screen has drawn what the previous key did (several
 * keys in one chunk, or typed faster than a frame) wait, so each is handled by the screen that is
 * showing when its turn comes, with that screen's current cursor.
 */
export function createKeyRouter(options: KeyRouterOptions = {}): KeyRouter {
	const {afterRender = afterReactRender} = options;
	const registrations: Registration[] = [];
	const queue: Array<[string, Key]> = [];
	let busy = false;

	const deliver = (input: string, key: Key) => {
		const field = registrations.findLast(registration => registration.text);
		if (field && field.handler(input, key) === true) {
			return;
		}

		registrations.findLast(registration => !registration.text)?.handler(input, key);
	};

	const drain = () => {
		let next = queue.shift();
		if (!next) {
			busy = false;
			return;
		}

		// Text goes to a text field whole (a paste is one edit); without one, its letters are keys.
		if (isTextRun(...next) && !registrations.some(registration => registration.text)) {
			const [first, ...rest] = [...next[0]].map(character => keyOfCharacter(character));
			queue.unshift(...rest);
			next = first ?? next;
		}

		deliver(...next);
		afterRender(drain);
	};

	return {
		register(handler, options = {}) {
			const registration = {handler, text: options.text ?? false};
			registrations.push(registration);
			return () => {
				const index = registrations.indexOf(registration);
				if (index !== -1) {
					registrations.splice(index, 1);
				}
			};
		},
		dispatch(input, key) {
			queue.push(...splitKeys(input, key));
			if (!busy) {
				busy = true;
				drain();
			}
		},
		isBusy: () => busy,
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

/**
 * The keys in one input event. Ink hands over several keys typed faster than it reads as one string
 * (`jjj`, three Backspaces `\x7f\x7f\x7f`, a paste with line breaks): control characters become
 * their own keys, and each run of text between them one text event, split into characters unless a
 * text field has focus when its turn comes.
 */
export function splitKeys(input: string, key: Key): Array<[string, Key]> {
	if (input.length <= 1 || key.ctrl || key.meta || key.escape || input.includes('\u001B')) {
		return [[input, key]];
	}

	return (input.match(/[\u0000-\u001F\u007F]|[^\u0000-\u001F\u007F]+/g) ?? []).map(part => (part.length === 1 ? keyOfCharacter(part) : [part, {...noKey}]));
}

function isTextRun(input: string, key: Key): boolean {
	return input.length > 1 && !Object.values(key).some(flag => flag === true);
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
