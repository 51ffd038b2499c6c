// Input handling through the key table: one active handler per screen, keys resolved to actions.
import {type Key, useInput} from 'ink';
import {useCallback, useContext} from 'react';
import {AppContext} from '../app-context.js';
import {type Action, keyName, resolveKey, type Scope} from '../keymap.js';

export type KeymapOptions = {
	/** Only the showing screen listens. @default true */
	isActive?: boolean;
	/** Skips a binding that does not apply now (see resolveKey). */
	isEnabled?: (action: Action) => boolean;
	/** False while the user types text: then letters like q and ? are text, not keys. @default true */
	includeGlobal?: boolean;
};

/** Calls `onAction` for every key the table maps to an action on these scopes. */
export function useKeymap(scopes: readonly Scope[], onAction: (action: Action) => void, options: KeymapOptions = {}): void {
	const {isActive = true, isEnabled, includeGlobal = true} = options;
	const app = useContext(AppContext);
	const clearMessage = app?.clearMessage;
	const handle = useCallback(
		(input: string, key: Key) => {
			// A message lasts until the next key; clearing it first lets this key's action show a new one.
			clearMessage?.();
			// Ink delivers keys typed faster than a frame (or pasted) as one string: take them one by one.
			const names = includeGlobal && isPlainText(input, key) ? [...input].map(character => (character === ' ' ? 'space' : character)) : [keyName(input, key)];
			for (const name of names) {
				const action = resolveKey(scopes, name, isEnabled, includeGlobal);
				if (action) {
					onAction(action);
				}
			}
		},
		[scopes, onAction, isEnabled, includeGlobal, clearMessage],
	);
	useInput(handle, {isActive});
}

function isPlainText(input: string, key: Key): boolean {
	return input.length > 1 && !key.ctrl && !key.meta && !key.escape && !input.includes('\u001B');
}
