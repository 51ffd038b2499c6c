// A one-line text prompt (search, find): a TextField for the text, and the keys of its scope in the
// key table for the rest (Enter submits, Esc cancels, ↑/↓ bring back what was submitted before),
// with their hints after the text.
import {Box, Text} from 'ink';
import {useCallback, useState} from 'react';
import {useReader} from '../app-context.js';
import {useKeymap} from '../hooks/use-keymap.js';
import {type Action, hintsFor, screenScopes} from '../keymap.js';
import {browseHistory, type Browsing, type HistoryKind} from '../prompt-history.js';
import {displayWidth} from '../text.js';
import {glyphs, theme} from '../theme.js';
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
	scope: 'find' | 'search' | 'addFeed';
	/** The history ↑ and ↓ go through; a submitted text is added to it. @default none */
	history?: HistoryKind;
};

/** A query longer than this is cut, with a message: no one types more, and every word is searched for. */
export const MAX_QUERY_LENGTH = 200;

export function TextPrompt({label, value, onChange, onSubmit, onCancel, isActive, scope, history}: TextPromptProps) {
	const {body, history: histories} = useReader();
	const [limited, setLimited] = useState(false);
	const [browsing, setBrowsing] = useState<Browsing>();
	// Counts the texts brought back: the field starts again with each, its cursor at the end.
	const [recalled, setRecalled] = useState(0);
	const onAction = useCallback(
		(action: Action) => {
			if (action === 'open') {
				if (history) {
					histories.add(history, value);
				}

				onSubmit(value);
			} else if (action === 'back') {
				onCancel();
			} else if ((action === 'history-previous' || action === 'history-next') && history) {
				const moved = browseHistory(histories.entries(history), browsing, value, action === 'history-previous' ? -1 : 1);
				if (moved) {
					setBrowsing(moved.browsing);
					setRecalled(count => count + 1);
					setLimited(false);
					onChange(moved.value);
				}
			}
		},
		[value, onSubmit, onCancel, onChange, history, histories, browsing],
	);
	const change = useCallback(
		(text: string) => {
			setLimited(false);
			// Typing ends the browsing: ↑ starts again from the newest, with the text typed as the draft.
			setBrowsing(undefined);
			onChange(text);
		},
		[onChange],
	);
	const onLimit = useCallback(() => {
		setLimited(true);
	}, []);
	const scopes = screenScopes[scope];
	useKeymap(scopes, onAction, {isActive});
	const aside = limited ? `  only the first ${MAX_QUERY_LENGTH} characters are kept` : `  ${hintsFor(scopes).join(` ${glyphs.separator} `)}`;
	// The text scrolls within what is left of the line, so the prompt stays one row high.
	const fieldWidth = Math.max(1, body.columns - displayWidth(label) - displayWidth(aside));
	return (
		<Box>
			<Text {...theme.strong}>{label}</Text>
			<TextField key={recalled} value={value} onChange={change} focus={isActive} width={fieldWidth} maxLength={MAX_QUERY_LENGTH} onLimit={onLimit} />
			<Text {...(limited ? theme.warning : theme.dim)}>{aside}</Text>
		</Box>
	);
}
