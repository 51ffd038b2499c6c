// The comments screen's reducer, without Ink: which of list, form and question shows, what the form
// holds when it opens, where "no" goes back to, and what the status bar says in each mode.
import {describe, expect, it} from 'vitest';
import type {Comment} from '../../source/store/comments.js';
import {
	type CommentsAction,
	commentsReducer,
	commentsScopes,
	type CommentsState,
	commentsStatus,
	initialCommentsState,
	isUnchanged,
	keepsDraft,
	showsList,
} from '../../source/ui/screens/comments/comments-state.js';

const ann = {name: 'Ann Reader', email: 'ann@example.org'};

const posted: Comment = {
	id: 'c1',
	articleId: 'world/harbour-vote',
	name: 'Bo',
	email: 'bo@example.org',
	body: 'First line\nSecond line',
	createdAt: '2026-11-20T10:00:00Z',
};

function run(state: CommentsState, ...actions: CommentsAction[]): CommentsState {
	return actions.reduce(commentsReducer, state);
}

/** Typing `text` into the comment line under the cursor. */
function type(text: string): CommentsAction {
	return {type: 'form', action: {type: 'change', field: 'body', value: text}};
}

const list = initialCommentsState(undefined, ann);

describe('opening the comments', () => {
	it('shows the list when the article has comments and no draft is waiting', () => {
		expect(list.mode).toBe('list');
		expect(showsList(list)).toBe(true);
	});

	it('shows the (empty) list when there are no comments yet, so keys are not typed as comment text', () => {
		const state = initialCommentsState(undefined, ann);
		expect(state.mode).toBe('list');
		expect(showsList(state)).toBe(true);
	});

	it('opens the form on the draft even when the article has comments', () => {
		const state = initialCommentsState({body: 'Half a\nthought', name: 'Cy', email: 'cy@example.org'}, ann);
		expect(state.mode).toBe('form');
		expect(state.form.values).toEqual({lines: ['Half a', 'thought'], name: 'Cy', email: 'cy@example.org'});
	});
});

describe('the form', () => {
	it('r opens an empty form with the name and email filled in', () => {
		const state = run(list, {type: 'reply', input: {body: '', name: 'Ann Reader', email: 'ann@example.org'}});
		expect(state.mode).toBe('form');
		expect(state.editing).toBeUndefined();
		expect(state.form.focus).toEqual({field: 'body', line: 0});
	});

	it('e opens the comment\'s text with the cursor at its end, and Tab stays in the text (the only field)', () => {
		const state = run(list, {type: 'edit', comment: posted});
		expect(state.form.values.lines).toEqual(['First line', 'Second line']);
		expect(state.form.focus).toEqual({field: 'body', line: 1});
		expect(run(state, {type: 'form', action: {type: 'next-field'}}).form.focus.field).toBe('body');
	});

	it('Tab goes from the comment to Name on a new comment', () => {
		const state = run(run(initialCommentsState(undefined, undefined), {type: 'reply', input: {body: '', name: '', email: ''}}), {type: 'form', action: {type: 'next-field'}});
		expect(state.form.focus).toEqual({field: 'name', line: 0});
	});

	it('counts as unchanged while a new comment has no text, or an edit has its old text', () => {
		const reply = run(list, {type: 'reply', input: {body: '', ...ann}});
		expect(isUnchanged(reply)).toBe(true);
		expect(isUnchanged(run(reply, type('Hello')))).toBe(false);

		const edit = run(list, {type: 'edit', comment: posted});
		expect(isUnchanged(edit)).toBe(true);
		expect(isUnchanged(run(edit, type('Second line, better')))).toBe(false);
	});

	it('keeps a draft only of a new comment with some text, and only while the form shows', () => {
		const reply = run(list, {type: 'reply', input: {body: '', ...ann}});
		expect(keepsDraft(reply)).toBe(false);
		expect(keepsDraft(run(reply, type('   ')))).toBe(false);
		const written = run(reply, type('Hello'));
		expect(keepsDraft(written)).toBe(true);
		expect(keepsDraft(run(written, {type: 'ask-discard'}))).toBe(false);
		expect(keepsDraft(run(list, {type: 'edit', comment: posted}, type('Changed')))).toBe(false);
	});
});

describe('questions', () => {
	it('d on the list asks about deleting and keeps the list on screen; n goes back to the list', () => {
		const asking = run(list, {type: 'ask-delete'});
		expect(asking.mode).toBe('confirm-delete');
		expect(showsList(asking)).toBe(true);
		expect(run(asking, {type: 'answer-no'}).mode).toBe('list');
	});

	it('Esc on a written form asks about discarding; n goes back to the form with the text still there', () => {
		const written = run(list, {type: 'reply', input: {body: '', ...ann}}, type('Keep me'));
		const asking = run(written, {type: 'ask-discard'});
		expect(asking.mode).toBe('confirm-discard');
		expect(showsList(asking)).toBe(false);
		const back = run(asking, {type: 'answer-no'});
		expect(back.mode).toBe('form');
		expect(back.form.values.lines).toEqual(['Keep me']);
	});

	it('asks about discarding only from the form, and about deleting only from the list', () => {
		expect(run(list, {type: 'ask-discard'}).mode).toBe('list');
		const form = run(list, {type: 'reply', input: {body: '', ...ann}});
		expect(run(form, {type: 'ask-delete'}).mode).toBe('form');
	});

	it('remembers the comment being edited while asking, and forgets it once the list shows', () => {
		const asking = run(list, {type: 'edit', comment: posted}, type('Changed'), {type: 'ask-discard'});
		expect(asking.editing?.id).toBe('c1');
		expect(run(asking, {type: 'show-list'}).editing).toBeUndefined();
	});
});

describe('the status bar and the keys of each mode', () => {
	it('names where the cursor is on the list, and says so when there are no comments', () => {
		expect(commentsStatus(list, 1, 2)).toBe('2/2');
		expect(commentsStatus(list, 0, 0)).toBe('No comments yet');
	});

	it('names the form and asks each question in words', () => {
		const reply = run(list, {type: 'reply', input: {body: '', ...ann}}, type('Hi'));
		const edit = run(list, {type: 'edit', comment: posted}, type('Changed'));
		expect(commentsStatus(reply, 0, 2)).toBe('New comment');
		expect(commentsStatus(edit, 0, 2)).toBe('Editing');
		expect(commentsStatus(run(reply, {type: 'ask-discard'}), 0, 2)).toBe('Discard what you wrote? y/n (k keeps it as a draft)');
		expect(commentsStatus(run(edit, {type: 'ask-discard'}), 0, 2)).toBe('Discard your changes? y/n');
		expect(commentsStatus(run(list, {type: 'ask-delete'}), 0, 2)).toBe('Delete this comment? y/n');
	});

	it('uses the comments keys on the list, the form keys in the form and the yes/no keys for both questions', () => {
		expect(commentsScopes('list')).toEqual(['comments']);
		expect(commentsScopes('form')).toEqual(['form']);
		expect(commentsScopes('confirm-delete')).toEqual(['confirm']);
		expect(commentsScopes('confirm-discard')).toEqual(['confirm']);
	});
});
