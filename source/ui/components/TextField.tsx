// The one text input (comment form, find and search prompts), through the key router: it gets each
// key first and leaves Ctrl, Alt, Esc, Tab, Enter, ↑/↓ and PgUp/PgDn to its screen. ink-text-input 6.0
// listens to Ink directly (outside the router) and types the letter of every Ctrl key.
import {type Key, Text} from 'ink';
import {useCallback, useRef, useState} from 'react';
import {useRoutedInput} from '../hooks/use-keymap.js';

export type TextFieldProps = {
	/** The text; the field is controlled. */
	value: string;
	/** Called with the new text after each edit. */
	onChange: (value: string) => void;
	/** Only the focused field takes keys and shows a cursor. @default false */
	focus?: boolean;
};

export function TextField({value, onChange, focus = false}: TextFieldProps) {
	const characters = [...value];
	const [cursorState, setCursor] = useState<number | undefined>(undefined);
	const cursor = Math.min(cursorState ?? characters.length, characters.length);
	// Keys that arrive before the next render must build on the text the previous key produced.
	const latest = useRef({value, cursor});
	latest.current = {value, cursor};

	const handle = useCallback(
		(input: string, key: Key) => {
			const current = [...latest.current.value];
			const at = latest.current.cursor;
			const next = editText(current, at, input, key);
			if (!next) {
				return false;
			}

			latest.current = {value: next.text.join(''), cursor: next.cursor};
			setCursor(next.cursor);
			if (next.text.join('') !== current.join('')) {
				onChange(next.text.join(''));
			}

			return true;
		},
		[onChange],
	);
	useRoutedInput(handle, focus, {text: true});

	if (!focus) {
		return <Text>{value}</Text>;
	}

	return (
		<Text>
			{characters.slice(0, cursor).join('')}
			<Text inverse>{characters[cursor] ?? ' '}</Text>
			{characters.slice(cursor + 1).join('')}
		</Text>
	);
}

type Edit = {text: string[]; cursor: number};

/** What a key does to the text and cursor; undefined for keys the field leaves to its screen. */
function editText(text: string[], cursor: number, input: string, key: Key): Edit | undefined {
	if (key.ctrl || key.meta || key.escape || key.tab || key.return || key.upArrow || key.downArrow || key.pageUp || key.pageDown) {
		return undefined;
	}

	if (key.leftArrow) {
		return {text, cursor: Math.max(0, cursor - 1)};
	}

	if (key.rightArrow) {
		return {text, cursor: Math.min(text.length, cursor + 1)};
	}

	if (key.home || key.end) {
		return {text, cursor: key.home ? 0 : text.length};
	}

	// Ink 6.8 reports Backspace as `delete`: both remove the character before the cursor. At the
	// start of the field there is none, and the screen may use the key (the form joins two lines).
	if (key.backspace || key.delete) {
		return cursor === 0 ? undefined : {text: [...text.slice(0, cursor - 1), ...text.slice(cursor)], cursor: cursor - 1};
	}

	if (input === '') {
		return undefined;
	}

	const inserted = [...input];
	return {text: [...text.slice(0, cursor), ...inserted, ...text.slice(cursor)], cursor: cursor + inserted.length};
}
