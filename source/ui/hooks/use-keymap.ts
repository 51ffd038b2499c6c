// Input handling through the key table: one active handler per screen, keys resolved to actions.
import {type Key, useInput} from 'ink';
import {useContext, useLayoutEffect, useRef} from 'react';
import {AppContext} from '../app-context.js';
import {type KeyHandler, type KeyOrigin, KeyRouterContext} from '../key-router.js';
import {type Action, type Flags, keyLabel, keyName, resolveKey, type Scope} from '../keymap.js';

export type KeymapOptions = {
	/** Only the showing screen listens. @default true */
	isActive?: boolean;
	/** What holds on the screen now, for bindings with a `when` (the pager passes `{finding}`). @default {} */
	flags?: Flags;
};

/** The status-line message for a key that does nothing on the screen. */
export function unknownKeyMessage(name: string): string {
	return `${keyLabel(name)} does nothing here: press ? for help`;
}

/**
 * Calls `onAction` for every key the table maps to an action in these scopes, with these flags; any
 * other key says so in the status line, unless it came with other characters (a paste, typing ahead)
 * or has no name (a function key, a modifier alone).
 */
export function useKeymap(scopes: readonly Scope[], onAction: (action: Action) => void, options: KeymapOptions = {}): void {
	const {isActive = true, flags = {}} = options;
	const notify = useContext(AppContext)?.notify;
	// The router calls the handler of the latest render, so it sees this render's flags.
	useRoutedInput((input: string, key: Key, origin?: KeyOrigin) => {
		const name = keyName(input, key);
		const action = resolveKey(scopes, name, flags);
		if (action) {
			onAction(action);
		} else if (name !== '' && !origin?.inText) {
			notify?.(unknownKeyMessage(name));
		}
	}, isActive);
}

export type RoutedInputOptions = {
	/** A focused text field: it gets keys before the screen, and returns false for those it leaves. @default false */
	text?: boolean;
	/** A text field of several lines: line breaks pasted or typed with text come in the text. @default false */
	multiline?: boolean;
};

/**
 * Subscribes to keys through the reader's key router when there is one (inside <App>), else through
 * Ink's useInput (a component tested on its own).
 */
export function useRoutedInput(handler: KeyHandler, isActive: boolean, options: RoutedInputOptions = {}): void {
	const text = options.text ?? false;
	const multiline = options.multiline ?? false;
	const router = useContext(KeyRouterContext);
	const clearMessage = useContext(AppContext)?.clearMessage;
	const latest = useRef(handler);
	useLayoutEffect(() => {
		latest.current = handler;
	});
	useLayoutEffect(() => {
		if (!router || !isActive) {
			return;
		}

		return router.register(
			(input, key, origin) => {
				// A message lasts until the next key; clearing it first lets this key's action show a new one.
				clearMessage?.();
				return latest.current(input, key, origin);
			},
			{text, multiline},
		);
	}, [router, isActive, text, multiline, clearMessage]);
	useInput(
		(input, key) => {
			handler(input, key);
		},
		{isActive: isActive && !router},
	);
}
