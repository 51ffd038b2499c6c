// The comment form's state as a pure reducer: field values, which field (and comment line) has the
// cursor, and each field's message. Kept apart from the view and the keys, and tested without Ink.
import {sanitizeText} from '../core/sanitize.js';
import type {CommentErrors, CommentInput} from '../store/comments.js';

/** The form's fields, in the order Tab visits them. */
export type FormField = 'body' | 'name' | 'email';

export type FormValues = {
	/** The comment, one string per line. */
	lines: string[];
	/** The commenter's name. */
	name: string;
	/** The commenter's email (stored, never shown). */
	email: string;
};

/** Where the cursor is: a field, and the line of the comment when it is in the comment. */
export type FormFocus = {field: FormField; line: number};

export type FormState = {
	/** What is written in each field. */
	values: FormValues;
	/** The field (and comment line) with the cursor. */
	focus: FormFocus;
	/** Each field's message, from the last attempt to post. */
	errors: CommentErrors;
};

export type FormAction =
	| {type: 'change'; field: FormField; value: string}
	| {type: 'next-field'}
	| {type: 'previous-field'}
	| {type: 'line-down'}
	| {type: 'line-up'}
	| {type: 'new-line'}
	| {type: 'join-line'}
	| {type: 'set-body'; body: string}
	| {type: 'set-errors'; errors: CommentErrors}
	| {type: 'reset'; values: CommentInput; fields: readonly FormField[]};

/** A form with these values and the cursor at the end of the comment. */
export function formState(input: CommentInput): FormState {
	const lines = splitLines(input.body);
	return {values: {lines, name: input.name, email: input.email}, focus: {field: 'body', line: lines.length - 1}, errors: {}};
}

/** The form's values as the comment log takes them. */
export function formInput(values: FormValues): CommentInput {
	return {body: values.lines.join('\n'), name: values.name, email: values.email};
}

/** Whether the user has written anything worth asking about before discarding. */
export function hasWriting(values: FormValues): boolean {
	return values.lines.some(line => line.trim() !== '');
}

/** The form's reducer for a set of fields (all three for a new comment, only the text when editing). */
export function formReducer(fields: readonly FormField[]) {
	return (state: FormState, action: FormAction): FormState => reduce(state, action, fields);
}

function reduce(state: FormState, action: FormAction, fields: readonly FormField[]): FormState {
	const {values, focus} = state;
	switch (action.type) {
		case 'change': {
			return change(state, action.field, action.value);
		}

		case 'next-field':
		case 'previous-field': {
			const index = fields.indexOf(focus.field) + (action.type === 'next-field' ? 1 : -1);
			const field = fields[(index + fields.length) % fields.length] ?? 'body';
			return {...state, focus: {field, line: field === 'body' ? values.lines.length - 1 : 0}};
		}

		case 'line-down': {
			if (focus.field === 'body' && focus.line < values.lines.length - 1) {
				return {...state, focus: {field: 'body', line: focus.line + 1}};
			}

			return focus.field === fields.at(-1) ? state : reduce(state, {type: 'next-field'}, fields);
		}

		case 'line-up': {
			if (focus.field === 'body') {
				return focus.line > 0 ? {...state, focus: {field: 'body', line: focus.line - 1}} : state;
			}

			return reduce(state, {type: 'previous-field'}, fields);
		}

		case 'new-line': {
			if (focus.field !== 'body') {
				return reduce(state, {type: 'next-field'}, fields);
			}

			const lines = [...values.lines.slice(0, focus.line + 1), '', ...values.lines.slice(focus.line + 1)];
			return {...state, values: {...values, lines}, focus: {field: 'body', line: focus.line + 1}};
		}

		case 'join-line': {
			if (focus.field !== 'body' || focus.line === 0 || values.lines[focus.line] !== '') {
				return state;
			}

			const lines = values.lines.filter((_, index) => index !== focus.line);
			return {...state, values: {...values, lines}, focus: {field: 'body', line: focus.line - 1}};
		}

		case 'set-body': {
			const lines = editorLines(action.body);
			return {...state, values: {...values, lines}, focus: {field: 'body', line: lines.length - 1}, errors: {...state.errors, body: undefined}};
		}

		case 'set-errors': {
			// Stay in the field being fixed if it is still wrong; otherwise go to the first wrong one.
			const first = fields.find(field => action.errors[field]);
			const stay = action.errors[focus.field] !== undefined;
			return {...state, errors: action.errors, focus: first && !stay ? {field: first, line: 0} : focus};
		}

		case 'reset': {
			return formState(action.values);
		}
	}
}

function change(state: FormState, field: FormField, value: string): FormState {
	const {values, focus} = state;
	const errors = {...state.errors, [field]: undefined};
	if (field !== 'body') {
		// Pasted line breaks in a one-line field become spaces; control characters never reach the screen.
		return {...state, values: {...values, [field]: sanitizeText(value.replace(/[\r\n]+/g, ' '))}, errors};
	}

	// A paste with line breaks becomes several lines.
	const pasted = splitLines(value).map(line => sanitizeText(line));
	const lines = [...values.lines.slice(0, focus.line), ...pasted, ...values.lines.slice(focus.line + 1)];
	return {...state, values: {...values, lines}, focus: {field: 'body', line: focus.line + pasted.length - 1}, errors};
}

function splitLines(text: string): string[] {
	return text.split(/\r\n|\r|\n/);
}

/** Text from the editor, sanitized line by line. */
function editorLines(text: string): string[] {
	return splitLines(text).map(line => sanitizeText(line));
}
