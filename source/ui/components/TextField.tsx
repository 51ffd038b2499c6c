// The one text input (comment form, find and search prompts), through the key router: it gets each
// key first, edits with the readline keys (Ctrl+A/E/U/K/W, Alt+B/F, Ctrl+←/→, Home/End) and leaves
// other Ctrl and Alt keys, Esc, Tab, Enter, ↑/↓ and PgUp/PgDn to its screen; it never types the letter
// of a Ctrl key (ink-text-input 6.0 did, and listened to Ink outside the router).
// It draws only the rows around the cursor: Ink wraps every <Text> it is given on every frame, and
// wrapping a pasted 100 KB value took seconds a frame.
import {type Key, Text} from 'ink';
import {useCallback, useMemo, useRef, useState} from 'react';
import {useRoutedInput} from '../hooks/use-keymap.js';
import {keyName} from '../keymap.js';
import {displayWidth} from '../text.js';

export type TextFieldProps = {
	/** The text; the field is controlled. */
	value: string;
	/** Called with the new text after each edit. */
	onChange: (value: string) => void;
	/** Only the focused field takes keys and shows a cursor. @default false */
	focus?: boolean;
	/** Columns the field may use. */
	width: number;
	/** Rows the field may use; a longer text shows the rows around the cursor. @default 1 */
	rows?: number;
	/**
	 * The field holds one line of a text of several lines (the comment): a paste keeps its line breaks
	 * (`\n` in the value given to onChange), where a one-line field gets spaces. @default false
	 */
	multiline?: boolean;
	/** At most this many characters are kept; typing or pasting beyond it calls onLimit. @default no limit */
	maxLength?: number;
	/** Called when text was cut to maxLength. */
	onLimit?: () => void;
	/**
	 * Keys (names of the key table) the field leaves to its screen though it edits with them: the
	 * comment form keeps Ctrl+E for $EDITOR. @default none
	 */
	leaves?: readonly string[];
};

export function TextField({value, onChange, focus = false, width, rows = 1, multiline = false, maxLength, onLimit, leaves}: TextFieldProps) {
	// The cursor is an index into the string (UTF-16), always at the start of a character: a 100 KB
	// value is edited with string slices, never turned into an array of characters.
	const [cursorState, setCursor] = useState<number | undefined>(undefined);
	const cursor = Math.min(cursorState ?? value.length, value.length);
	// Keys that arrive before the next render must build on the text the previous key produced.
	const latest = useRef({value, cursor});
	latest.current = {value, cursor};

	const handle = useCallback(
		(input: string, key: Key) => {
			const {value: before, cursor: at} = latest.current;
			if (leaves?.includes(keyName(input, key))) {
				return false;
			}

			const next = editText(before, at, input, key, maxLength);
			if (!next) {
				return false;
			}

			latest.current = {value: next.text, cursor: next.cursor};
			setCursor(next.cursor);
			if (next.text !== before) {
				onChange(next.text);
			}

			if (next.cut) {
				onLimit?.();
			}

			return true;
		},
		[onChange, onLimit, maxLength, leaves],
	);
	useRoutedInput(handle, focus, {text: true, multiline});

	const layout = useMemo(() => fieldRows(value, Math.max(1, width)), [value, width]);
	const shown = visibleRows(layout, cursor, Math.max(1, rows));
	const cursorRow = shown.find(row => cursor >= row.start && cursor < row.end);
	if (!focus || !cursorRow) {
		return <Text>{shown.map(row => value.slice(row.start, row.end)).join('\n')}</Text>;
	}

	const cursorEnd = cursor + characterLength(value, cursor);
	const before = shown.slice(0, shown.indexOf(cursorRow));
	const after = shown.slice(shown.indexOf(cursorRow) + 1);
	return (
		<Text>
			{[...before.map(row => `${value.slice(row.start, row.end)}\n`), value.slice(cursorRow.start, cursor)].join('')}
			<Text inverse>{cursor < value.length ? value.slice(cursor, cursorEnd) : ' '}</Text>
			{[value.slice(cursorEnd, Math.min(cursorRow.end, value.length)), ...after.map(row => `\n${value.slice(row.start, row.end)}`)].join('')}
		</Text>
	);
}

/** A row of the field: the text from `start` to `end` (string indices); the last row also holds the cursor's cell after the text. */
type Row = {start: number; end: number};

/** 2 for a character outside the Basic Multilingual Plane (a surrogate pair), else 1; 0 at the end. */
function characterLength(text: string, at: number): number {
	if (at >= text.length) {
		return 0;
	}

	return (text.codePointAt(at) ?? 0) > 0xff_ff ? 2 : 1;
}

/** Where the character before `at` starts. */
function previousCharacter(text: string, at: number): number {
	if (at >= 2 && (text.codePointAt(at - 2) ?? 0) > 0xff_ff) {
		return at - 2;
	}

	return Math.max(0, at - 1);
}

/**
 * The rows `width` columns wide that the text takes, with one more cell at its end for the cursor:
 * broken after the last space that fits, or inside a word longer than a row. Linear in the text;
 * with `limit`, only the first `limit` rows are found (and returned).
 */
export function fieldRows(text: string, width: number, limit = Number.POSITIVE_INFINITY): Row[] {
	const rows: Row[] = [];
	const widthAt = (index: number) => {
		const code = text.codePointAt(index) ?? 0x20;
		// Printable ASCII, by far the most common, without asking string-width.
		return code >= 0x20 && code < 0x7f ? 1 : displayWidth(String.fromCodePoint(code));
	};
	let start = 0;
	let used = 0;
	/** Where the row may break: after its last space. */
	let breakAt = -1;
	for (let index = 0; index <= text.length; index += Math.max(1, characterLength(text, index))) {
		const cells = widthAt(index);
		if (used + cells > width && index > start) {
			const end = breakAt > start ? breakAt : index;
			rows.push({start, end});
			if (rows.length >= limit) {
				return rows;
			}

			start = end;
			used = 0;
			for (let moved = end; moved < index; moved += characterLength(text, moved)) {
				used += widthAt(moved);
			}

			breakAt = -1;
		}

		used += cells;
		if (text[index] === ' ') {
			breakAt = index + 1;
		}
	}

	rows.push({start, end: text.length + 1});
	return rows;
}

/** The text's rows in the field: the first `rows`, or those that end with the cursor's row. */
function visibleRows(layout: Row[], cursor: number, rows: number): Row[] {
	const cursorRow = Math.max(0, layout.findIndex(row => cursor >= row.start && cursor < row.end));
	const first = Math.max(0, cursorRow - rows + 1);
	return layout.slice(first, first + rows);
}

type Edit = {text: string; cursor: number; cut?: boolean};

const isWordCharacter = (character: string) => /[\p{L}\p{N}_]/u.test(character);
const isSpace = (character: string) => /\s/u.test(character);

/** The character that starts at `at`. */
function characterAt(text: string, at: number): string {
	return String.fromCodePoint(text.codePointAt(at) ?? 0x20);
}

/**
 * Where the word before `at` starts, as readline's Alt+B finds it: back over what is not a word
 * character, then over the word. With `bySpaces`, words are what lies between spaces (Ctrl+W).
 */
export function wordStart(text: string, at: number, bySpaces = false): number {
	const inWord = (character: string) => (bySpaces ? !isSpace(character) : isWordCharacter(character));
	let index = at;
	while (index > 0 && !inWord(characterAt(text, previousCharacter(text, index)))) {
		index = previousCharacter(text, index);
	}

	while (index > 0 && inWord(characterAt(text, previousCharacter(text, index)))) {
		index = previousCharacter(text, index);
	}

	return index;
}

/** Where the word at or after `at` ends (Alt+F): on over what is not a word character, then over the word. */
export function wordEnd(text: string, at: number): number {
	let index = at;
	while (index < text.length && !isWordCharacter(characterAt(text, index))) {
		index += characterLength(text, index);
	}

	while (index < text.length && isWordCharacter(characterAt(text, index))) {
		index += characterLength(text, index);
	}

	return index;
}

/** The readline key of a key event: a cursor move or a deletion; undefined for other keys. */
function readlineEdit(text: string, cursor: number, input: string, key: Key): Edit | undefined {
	const ctrl = key.ctrl && !key.meta ? input : '';
	// Alt+letter arrives as ESC and the letter (meta); Alt+← as ESC [ 1 ; 3 D (meta), Ctrl+← as ESC [ 1 ; 5 D (ctrl).
	const alt = key.meta && !key.escape && !key.ctrl ? input : '';
	const wordKey = key.ctrl || key.meta;
	const remove = (start: number, end: number): Edit => ({text: text.slice(0, start) + text.slice(end), cursor: start});
	if (ctrl === 'a' || key.home) {
		return {text, cursor: 0};
	}

	if (ctrl === 'e' || key.end) {
		return {text, cursor: text.length};
	}

	if (alt === 'b' || (key.leftArrow && wordKey)) {
		return {text, cursor: wordStart(text, cursor)};
	}

	if (alt === 'f' || (key.rightArrow && wordKey)) {
		return {text, cursor: wordEnd(text, cursor)};
	}

	if (ctrl === 'b') {
		return {text, cursor: previousCharacter(text, cursor)};
	}

	if (ctrl === 'f') {
		return {text, cursor: cursor + characterLength(text, cursor)};
	}

	if (ctrl === 'u') {
		return remove(0, cursor);
	}

	if (ctrl === 'k') {
		return {text: text.slice(0, cursor), cursor};
	}

	if (ctrl === 'w') {
		return remove(wordStart(text, cursor, true), cursor);
	}

	if (ctrl === 'd') {
		return remove(cursor, cursor + characterLength(text, cursor));
	}

	if (alt === 'd') {
		return remove(cursor, wordEnd(text, cursor));
	}

	// Alt+Backspace: the word before the cursor (readline's backward-kill-word).
	if (key.meta && !key.escape && (key.backspace || key.delete)) {
		return remove(wordStart(text, cursor), cursor);
	}

	return undefined;
}

/** What a key does to the text and cursor; undefined for keys the field leaves to its screen. */
function editText(text: string, cursor: number, input: string, key: Key, maxLength?: number): Edit | undefined {
	const readline = readlineEdit(text, cursor, input, key);
	if (readline) {
		return readline;
	}

	if (key.ctrl || key.meta || key.escape || key.tab || key.return || key.upArrow || key.downArrow || key.pageUp || key.pageDown) {
		return undefined;
	}

	if (key.leftArrow) {
		return {text, cursor: previousCharacter(text, cursor)};
	}

	if (key.rightArrow) {
		return {text, cursor: cursor + characterLength(text, cursor)};
	}

	// Ink 6.8 reports Backspace as `delete`: both remove the character before the cursor. At the
	// start of the field there is none, and the screen may use the key (the form joins two lines).
	if (key.backspace || key.delete) {
		const start = previousCharacter(text, cursor);
		return cursor === 0 ? undefined : {text: text.slice(0, start) + text.slice(cursor), cursor: start};
	}

	if (input === '') {
		return undefined;
	}

	let inserted = input;
	let cut = false;
	if (maxLength !== undefined) {
		// Counted in characters; only fields with a limit (the prompts, short) pay for counting.
		const room = Math.max(0, maxLength - [...text].length);
		const typed = [...input];
		if (typed.length > room) {
			inserted = typed.slice(0, room).join('');
			cut = true;
		}
	}

	return {text: text.slice(0, cursor) + inserted + text.slice(cursor), cursor: cursor + inserted.length, cut};
}
