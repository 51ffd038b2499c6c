// A one-line text prompt (search, find): a TextField for the text, and the `find` keys of the key
// table for the rest (Enter submits, Esc cancels).
import {Box, Text} from 'ink';
import {useCallback} from 'react';
import {useKeymap} from '../hooks/use-keymap.js';
import type {Action, Scope} from '../keymap.js';
import {theme} from '../theme.js';
import {TextField} from './TextField.js';

const scopes: readonly Scope[] = ['find'];

export type TextPromptProps = {
	/** Shown before the text: `/`, `Search: `. */
	label: string;
	value: string;
	onChange: (value: string) => void;
	onSubmit: (value: string) => void;
	onCancel: () => void;
	/** Only the prompt on top takes keys. */
	isActive: boolean;
	/** Dim text after the input: what Enter will do. */
	help?: string;
};

export function TextPrompt({label, value, onChange, onSubmit, onCancel, isActive, help}: TextPromptProps) {
	const onAction = useCallback(
		(action: Action) => {
			if (action === 'open') {
				onSubmit(value);
			} else if (action === 'back') {
				onCancel();
			}
		},
		[value, onSubmit, onCancel],
	);
	useKeymap(scopes, onAction, {isActive});
	return (
		<Box>
			<Text {...theme.strong}>{label}</Text>
			<TextField value={value} onChange={onChange} focus={isActive} />
			{help ? <Text {...theme.dim}>{`  ${help}`}</Text> : null}
		</Box>
	);
}
