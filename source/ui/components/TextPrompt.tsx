// A one-line text prompt (search, find): a TextField for the text, and the keys of its scope in the
// key table for the rest (Enter submits, Esc cancels), with their hints after the text.
import {Box, Text} from 'ink';
import {useCallback} from 'react';
import {useKeymap} from '../hooks/use-keymap.js';
import {type Action, hintsFor, screenScopes} from '../keymap.js';
import {theme} from '../theme.js';
import {TextField} from './TextField.js';

export type TextPromptProps = {
	/** Shown before the text: `/`, `Search: `. */
	label: string;
	/** The text typed so far; the prompt is controlled. */
	value: string;
	/** Called with the new text after each edit. */
	onChange: (value: string) => void;
	/** Enter: called with the text. */
	onSubmit: (value: string) => void;
	/** Esc. */
	onCancel: () => void;
	/** Only the prompt on top takes keys. */
	isActive: boolean;
	/** The key table scope of the prompt: its Enter and Esc, and their hints after the text. */
	scope: 'find' | 'search';
};

export function TextPrompt({label, value, onChange, onSubmit, onCancel, isActive, scope}: TextPromptProps) {
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
	const scopes = screenScopes[scope];
	useKeymap(scopes, onAction, {isActive});
	return (
		<Box>
			<Text {...theme.strong}>{label}</Text>
			<TextField value={value} onChange={onChange} focus={isActive} />
			<Text {...theme.dim}>{`  ${hintsFor(scopes).join(' · ')}`}</Text>
		</Box>
	);
}
