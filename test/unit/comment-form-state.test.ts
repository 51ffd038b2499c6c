// The comment form's reducer, without Ink: typing, lines of the comment, moving between lines and
// fields, pastes, the editor's text, validation messages, reset; and when a form counts as written.
import {describe, expect, it} from 'vitest';
import {type FormAction, type FormField, formInput, formReducer, formState, type FormState, hasWriting} from '../../source/ui/comment-form-state.js';

const newComment: readonly FormField[] = ['body', 'name', 'email'];
const editing: readonly FormField[] = ['body'];

const empty = {body: '', name: '', email: ''};

/** Runs the actions from `state` through the reducer of a form with these fields. */
function run(state: FormState, actions: FormAction[], fields: readonly FormField[] = newComment): FormState {
	const reducer = formReducer(fields);
	return actions.reduce(reducer, state);
}

/** A form whose comment has these lines, the cursor on line `line` of the comment. */
function withLines(lines: string[], line = lines.length - 1): FormState {
	return {...formState({body: lines.join('\n'), name: '', email: ''}), focus: {field: 'body', line}};
}

describe('formState and formInput', () => {
	it('an empty form has one empty comment line with the cursor on it, and no messages', () => {
		expect(formState(empty)).toEqual({values: {lines: [''], name: '', email: ''}, focus: {field: 'body', line: 0}, errors: {}});
	});

	it('a comment of several lines starts with the cursor on its last line', () => {
		const state = formState({body: 'one\ntwo\r\nthree', name: 'Ann', email: 'ann@example.org'});
		expect(state.values).toEqual({lines: ['one', 'two', 'three'], name: 'Ann', email: 'ann@example.org'});
		expect(state.focus).toEqual({field: 'body', line: 2});
	});

	it('formInput joins the lines with newlines', () => {
		expect(formInput({lines: ['one', '', 'three'], name: 'Ann', email: 'a@b.org'})).toEqual({body: 'one\n\nthree', name: 'Ann', email: 'a@b.org'});
	});
});

describe('typing', () => {
	it('changes the comment line under the cursor', () => {
		const state = run(withLines(['first', 'second'], 0), [{type: 'change', field: 'body', value: 'first line'}]);
		expect(state.values.lines).toEqual(['first line', 'second']);
		expect(state.focus).toEqual({field: 'body', line: 0});
	});

	it('changes Name and Email', () => {
		const state = run(formState(empty), [
			{type: 'change', field: 'name', value: 'Ann Reader'},
			{type: 'change', field: 'email', value: 'ann@example.org'},
		]);
		expect(state.values).toEqual({lines: [''], name: 'Ann Reader', email: 'ann@example.org'});
		// Typing does not move the cursor to another field.
		expect(state.focus).toEqual({field: 'body', line: 0});
	});
});

describe('Enter (new-line)', () => {
	it('in the comment adds an empty line after the cursor line and moves to it', () => {
		const state = run(withLines(['Hello']), [{type: 'new-line'}, {type: 'change', field: 'body', value: 'World'}]);
		expect(state.values.lines).toEqual(['Hello', 'World']);
		expect(state.focus).toEqual({field: 'body', line: 1});
	});

	it('in the middle of the comment inserts the new line there, keeping the lines below', () => {
		const state = run(withLines(['a', 'c'], 0), [{type: 'new-line'}]);
		expect(state.values.lines).toEqual(['a', '', 'c']);
		expect(state.focus).toEqual({field: 'body', line: 1});
	});

	it('in Name moves to Email without changing any text', () => {
		const start: FormState = {...formState({body: 'Hi', name: 'Ann', email: ''}), focus: {field: 'name', line: 0}};
		const state = run(start, [{type: 'new-line'}]);
		expect(state.focus.field).toBe('email');
		expect(state.values).toEqual(start.values);
	});
});

describe('Backspace on an empty line (join-line)', () => {
	it('removes the empty line and puts the cursor on the line before', () => {
		const state = run(withLines(['one', '', 'three'], 1), [{type: 'join-line'}]);
		expect(state.values.lines).toEqual(['one', 'three']);
		expect(state.focus).toEqual({field: 'body', line: 0});
	});

	it('removes the empty last line made by Enter', () => {
		const state = run(withLines(['Hello']), [{type: 'new-line'}, {type: 'join-line'}]);
		expect(state.values.lines).toEqual(['Hello']);
		expect(state.focus).toEqual({field: 'body', line: 0});
	});

	it('does nothing on a line with text (the text field deletes a character instead)', () => {
		const start = withLines(['one', 'two'], 1);
		expect(run(start, [{type: 'join-line'}])).toEqual(start);
	});

	it('does nothing on the first line, even when it is empty', () => {
		const start = withLines(['', 'two'], 0);
		expect(run(start, [{type: 'join-line'}])).toEqual(start);
	});

	it('does nothing in Name or Email', () => {
		const start: FormState = {...formState(empty), focus: {field: 'name', line: 0}};
		expect(run(start, [{type: 'join-line'}])).toEqual(start);
	});
});

describe('↓ and ↑ (line-down, line-up)', () => {
	it('↓ moves down the comment line by line, then to Name, then Email, and stops at Email', () => {
		const start = withLines(['one', 'two', 'three'], 0);
		const positions: Array<FormState['focus']> = [];
		let state = start;
		for (let step = 0; step < 5; step++) {
			state = run(state, [{type: 'line-down'}]);
			positions.push(state.focus);
		}

		expect(positions).toEqual([
			{field: 'body', line: 1},
			{field: 'body', line: 2},
			{field: 'name', line: 0},
			{field: 'email', line: 0},
			{field: 'email', line: 0},
		]);
	});

	it('↑ moves from Email to Name, to the last line of the comment, up its lines, and stops at the first', () => {
		let state: FormState = {...withLines(['one', 'two', 'three']), focus: {field: 'email', line: 0}};
		const positions: Array<FormState['focus']> = [];
		for (let step = 0; step < 5; step++) {
			state = run(state, [{type: 'line-up'}]);
			positions.push(state.focus);
		}

		expect(positions).toEqual([
			{field: 'name', line: 0},
			{field: 'body', line: 2},
			{field: 'body', line: 1},
			{field: 'body', line: 0},
			{field: 'body', line: 0},
		]);
	});

	it('never changes the text', () => {
		const start = withLines(['one', 'two']);
		const state = run(start, [{type: 'line-up'}, {type: 'line-down'}, {type: 'line-down'}, {type: 'line-up'}]);
		expect(state.values).toEqual(start.values);
	});

	it('when editing (only the comment), ↓ on the last line stays there', () => {
		const start = withLines(['one', 'two']);
		expect(run(start, [{type: 'line-down'}], editing).focus).toEqual({field: 'body', line: 1});
	});
});

describe('Tab and Shift+Tab (next-field, previous-field)', () => {
	it('Tab cycles Comment → Name → Email → Comment, landing on the last comment line', () => {
		const start = withLines(['one', 'two'], 0);
		const fields: string[] = [];
		let state = start;
		for (let step = 0; step < 3; step++) {
			state = run(state, [{type: 'next-field'}]);
			fields.push(state.focus.field);
		}

		expect(fields).toEqual(['name', 'email', 'body']);
		expect(state.focus).toEqual({field: 'body', line: 1});
	});

	it('Shift+Tab cycles Comment → Email → Name → Comment', () => {
		const fields: string[] = [];
		let state = formState(empty);
		for (let step = 0; step < 3; step++) {
			state = run(state, [{type: 'previous-field'}]);
			fields.push(state.focus.field);
		}

		expect(fields).toEqual(['email', 'name', 'body']);
	});

	it('when editing, Tab stays in the comment', () => {
		expect(run(withLines(['one']), [{type: 'next-field'}], editing).focus).toEqual({field: 'body', line: 0});
	});
});

describe('pastes', () => {
	it('a paste with line breaks into the comment becomes several lines, the cursor on the last', () => {
		// The text field reports the whole new value of its line: what was there plus the paste.
		const state = run(withLines(['before', 'Dear editor', 'after'], 1), [{type: 'change', field: 'body', value: 'Dear editor, first\nsecond\r\nthird\rfourth'}]);
		expect(state.values.lines).toEqual(['before', 'Dear editor, first', 'second', 'third', 'fourth', 'after']);
		expect(state.focus).toEqual({field: 'body', line: 4});
	});

	it('line breaks pasted into Name or Email become spaces', () => {
		const state = run(formState(empty), [
			{type: 'change', field: 'name', value: 'Ann\nReader'},
			{type: 'change', field: 'email', value: 'ann@\r\nexample.org'},
		]);
		expect(state.values.name).toBe('Ann Reader');
		expect(state.values.email).toBe('ann@ example.org');
		expect(state.values.lines).toEqual(['']);
	});
});

describe('set-body (text back from the editor)', () => {
	it('replaces the whole comment, puts the cursor on its last line and clears its message', () => {
		const start: FormState = {
			...withLines(['old', 'text']),
			values: {lines: ['old', 'text'], name: 'Ann', email: 'bad'},
			focus: {field: 'email', line: 0},
			errors: {body: 'Please write a comment.', email: 'That does not look like an email address (name@example.org).'},
		};
		const state = run(start, [{type: 'set-body', body: 'From the editor\n\nSecond paragraph'}]);
		expect(state.values).toEqual({lines: ['From the editor', '', 'Second paragraph'], name: 'Ann', email: 'bad'});
		expect(state.focus).toEqual({field: 'body', line: 2});
		expect(state.errors.body).toBeUndefined();
		expect(state.errors.email).toBe('That does not look like an email address (name@example.org).');
	});
});

describe('messages (set-errors)', () => {
	const errors = {name: 'Please give your name.', email: 'Please give your email address (it is not published).'};

	it('shows the messages and moves the cursor to the first field with one', () => {
		const state = run(withLines(['Hello']), [{type: 'set-errors', errors}]);
		expect(state.errors).toEqual(errors);
		expect(state.focus).toEqual({field: 'name', line: 0});
		expect(state.values.lines).toEqual(['Hello']);
	});

	it('follows the order of the form, not of the messages', () => {
		const state = run({...formState(empty), focus: {field: 'name', line: 0}}, [{type: 'set-errors', errors: {email: 'bad email', body: 'Please write a comment.'}}]);
		expect(state.focus).toEqual({field: 'body', line: 0});
	});

	it('keeps the cursor in the field being fixed while that field is still wrong', () => {
		const state = run({...formState(empty), focus: {field: 'email', line: 0}}, [{type: 'set-errors', errors: {email: 'bad email', body: 'Please write a comment.'}}]);
		expect(state.focus).toEqual({field: 'email', line: 0});
	});

	it('leaves the cursor where it is when it is already in the first field with a message', () => {
		const start = withLines(['one', '', 'three'], 1);
		const state = run(start, [{type: 'set-errors', errors: {body: 'too long'}}]);
		expect(state.focus).toEqual({field: 'body', line: 1});
	});

	it('leaves the cursor where it is when there are no messages', () => {
		const start: FormState = {...formState(empty), focus: {field: 'email', line: 0}};
		expect(run(start, [{type: 'set-errors', errors: {}}]).focus).toEqual({field: 'email', line: 0});
	});

	it('typing in a field clears its message, and only its message', () => {
		const state = run(formState(empty), [
			{type: 'set-errors', errors: {body: 'Please write a comment.', ...errors}},
			{type: 'change', field: 'name', value: 'A'},
		]);
		expect(state.errors.name).toBeUndefined();
		expect(state.errors.body).toBe('Please write a comment.');
		expect(state.errors.email).toBe(errors.email);

		const typedComment = run(state, [{type: 'change', field: 'body', value: 'x'}]);
		expect(typedComment.errors.body).toBeUndefined();
		expect(typedComment.errors.email).toBe(errors.email);
	});
});

describe('reset', () => {
	it('starts again from the given values with the cursor at the end of the comment and no messages', () => {
		const messy = run(withLines(['a', 'b']), [{type: 'set-errors', errors: {name: 'Please give your name.'}}, {type: 'line-down'}]);
		const state = run(messy, [{type: 'reset', values: {body: 'x\ny', name: 'Ann', email: 'ann@example.org'}, fields: newComment}]);
		expect(state).toEqual(formState({body: 'x\ny', name: 'Ann', email: 'ann@example.org'}));
		expect(state.errors).toEqual({});
		expect(state.focus).toEqual({field: 'body', line: 1});
	});
});

describe('the reducer is pure', () => {
	it('never changes the state it is given', () => {
		const start = withLines(['one', '', 'three'], 1);
		const copy = structuredClone(start);
		run(start, [
			{type: 'change', field: 'body', value: 'x\ny'},
			{type: 'new-line'},
			{type: 'join-line'},
			{type: 'set-errors', errors: {name: 'n'}},
			{type: 'change', field: 'name', value: 'Ann'},
			{type: 'set-body', body: 'z'},
		]);
		expect(start).toEqual(copy);
	});
});

describe('hasWriting', () => {
	it('is false for an empty comment or one of blank lines', () => {
		expect(hasWriting({lines: [''], name: '', email: ''})).toBe(false);
		expect(hasWriting({lines: ['', '   ', '\t'], name: '', email: ''})).toBe(false);
	});

	it('is true once any line of the comment has text', () => {
		expect(hasWriting({lines: ['', ' x'], name: '', email: ''})).toBe(true);
	});

	it('does not count the name and email (they are remembered, not written)', () => {
		expect(hasWriting({lines: [''], name: 'Ann Reader', email: 'ann@example.org'})).toBe(false);
	});
});
