// A one-line text prompt (search, find): Enter submits, Esc cancels; other keys are text.
import {Box, Text} from 'ink';
import TextInput from 'ink-text-input';
import {useCallback} from 'react';
import {useKeymap} from '../hooks/use-keymap.js';
import type {Action, Scope} from '../keymap.js';
import {theme} from '../theme.js';

const scopes: readonly Scope[] = ['find'];

export type TextPromptProps = {
	/** Shown before the text: `/`, `Search: `. */
	label: string;
	value: string;
	onChange: (value: string) => void;
	onSubmit: (value: string) => void;
	onCancel: () => void;
	isActive: boolean;
	/** Dim text after the input: what Enter will do. */
	help?: string;
};

export function TextPrompt({label, value, onChange, onSubmit, onCancel, isActive, help}: TextPromptProps) {
	const onAction = useCallback(
		(action: Action) => {
			if (action === 'back') {
				onCancel();
			}
		},
		[onCancel],
	);
	useKeymap(scopes, onAction, {isActive, includeGlobal: false, text: true});
	// Text typed faster than a frame arrives whole, Enter included: an Enter in it submits.
	const onTextChange = useCallback(
		(text: string) => {
			const [line = '', ...rest] = text.split(/\r\n|\r|\n/);
			onChange(line);
			if (rest.length > 0) {
				onSubmit(line);
			}
		},
		[onChange, onSubmit],
	);
	return (
		<Box>
			<Text {...theme.strong}>{label}</Text>
			<TextInput value={value} onChange={onTextChange} onSubmit={onSubmit} focus={isActive} />
			{help ? <Text {...theme.dim}>{`  ${help}`}</Text> : null}
		</Box>
	);
}
