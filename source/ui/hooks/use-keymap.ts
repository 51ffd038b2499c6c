// Input handling through the key table: one active handler per screen, keys resolved to actions.
import {type Key, useInput} from 'ink';
import {useCallback, useContext, useLayoutEffect, useRef} from 'react';
import {AppContext} from '../app-context.js';
import {KeyRouterContext} from '../key-router.js';
import {type Action, keyName, resolveKey, type Scope} from '../keymap.js';

export type KeymapOptions = {
	/** Only the showing screen listens. @default true */
	isActive?: boolean;
	/** Skips a binding that does not apply now (see resolveKey). */
	isEnabled?: (action: Action) => boolean;
	/** False while the user types text: then letters like q and ? are text, not keys. @default true */
	includeGlobal?: boolean;
	/** The screen has a text field: typed text reaches it whole (see KeyRouter). @default false */
	text?: boolean;
};

/** Calls `onAction` for every key the table maps to an action on these scopes. */
export function useKeymap(scopes: readonly Scope[], onAction: (action: Action) => void, options: KeymapOptions = {}): void {
	const {isActive = true, isEnabled, includeGlobal = true, text = false} = options;
	const app = useContext(AppContext);
	const clearMessage = app?.clearMessage;
	const handle = useCallback(
		(input: string, key: Key) => {
			// A message lasts until the next key; clearing it first lets this key's action show a new one.
			clearMessage?.();
			const action = resolveKey(scopes, keyName(input, key), isEnabled, includeGlobal);
			if (action) {
				onAction(action);
			}
		},
		[scopes, onAction, isEnabled, includeGlobal, clearMessage],
	);
	useRoutedInput(handle, isActive, {text});
}

/**
 * Subscribes to keys through the reader's key router when there is one (inside <App>), else through
 * Ink's useInput (a component tested on its own).
 */
export function useRoutedInput(handler: (input: string, key: Key) => void, isActive: boolean, options: {text?: boolean} = {}): void {
	const text = options.text ?? false;
	const router = useContext(KeyRouterContext);
	const latest = useRef(handler);
	useLayoutEffect(() => {
		latest.current = handler;
	});
	useLayoutEffect(() => {
		if (!router || !isActive) {
			return;
		}

		return router.register(
			(input, key) => {
				latest.current(input, key);
			},
			{text},
		);
	}, [router, isActive, text]);
	useInput(handler, {isActive: isActive && !router});
}
