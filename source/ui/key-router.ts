// One permanent Ink input subscription for the whole reader, handing each key to the handlers of the
// screen showing now. Screens register in a layout effect, so a key typed while a new screen is being
// drawn reaches the new screen, not the old one (Ink subscribes useInput only in a passive effect).
import type {Key} from 'ink';
import {createContext} from 'react';

export type KeyHandler = (input: string, key: Key) => void;

export type KeyRouter = {
	/**
	 * Adds a handler; returns the function that removes it. A `text` handler (a text field) takes
	 * typed or pasted text as one string; otherwise keys that arrive together are handed out one by one.
	 */
	register(handler: KeyHandler, options?: {text?: boolean}): () => void;
	/** Passes a key to every registered handler, in the order they registered. */
	dispatch: (input: string, key: Key) => void;
};

type Registration = {handler: KeyHandler; text: boolean};

export function createKeyRouter(): KeyRouter {
	const registrations = new Set<Registration>();
	const queue: Array<[string, Key]> = [];
	let draining = false;

	const deliver = (input: string, key: Key) => {
		for (const {handler} of [...registrations]) {
			handler(input, key);
		}
	};

	// Later keys of a burst wait until the screen has drawn what the earlier ones did, so each key
	// is handled by the screen it was meant for, with that screen's current cursor.
	const drain = () => {
		const next = queue.shift();
		if (!next) {
			draining = false;
			return;
		}

		deliver(...next);
		afterRender(drain);
	};

	return {
		register(handler, options = {}) {
			const registration = {handler, text: options.text ?? false};
			registrations.add(registration);
			return () => {
				registrations.delete(registration);
			};
		},
		dispatch(input, key) {
			const takesText = [...registrations].some(registration => registration.text);
			const keys = takesText || !isBurst(input, key) ? [[input, key] as [string, Key]] : [...input].map(character => keyOfCharacter(character));
			if (draining) {
				queue.push(...keys);
				return;
			}

			const [first, ...rest] = keys;
			if (first) {
				deliver(...first);
			}

			if (rest.length > 0) {
				queue.push(...rest);
				draining = true;
				afterRender(drain);
			}
		},
	};
}

/**
 * Runs `callback` once React has drawn the updates of the current key: React schedules that work with
 * setImmediate when the key's handler returns, so one more setImmediate comes after it.
 */
function afterRender(callback: () => void): void {
	setImmediate(() => {
		setImmediate(callback);
	});
}

/** Several plain keys in one input event (Ink delivers keys typed faster than a frame together). */
function isBurst(input: string, key: Key): boolean {
	return input.length > 1 && !key.ctrl && !key.meta && !key.escape && !input.includes('\u001B');
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

/** The key event Ink would have given for one character typed on its own. */
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
			return [character, {...noKey, shift: /[A-Z]/.test(character)}];
		}
	}
}

export const KeyRouterContext = createContext<KeyRouter | undefined>(undefined);
