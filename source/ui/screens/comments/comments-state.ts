// The comments screen's state as a pure reducer: the list, the reply form, or a question about one
// of them, with the form's own state inside. It does nothing itself: the input hook posts, deletes
// and keeps drafts, then tells the reducer what happened. Tested without Ink.
import type {Comment, CommentInput} from '../../../store/comments.js';
import {type FormAction, type FormField, formInput, formReducer, formState, type FormState, hasWriting} from '../../comment-form-state.js';
import {type Scope, screenScopes} from '../../keymap.js';

/** What the screen shows, and so which keys apply. */
export type CommentsMode = 'list' | 'form' | 'confirm-delete' | 'confirm-discard';

export type CommentsState = {
	/** What the screen shows. */
	mode: CommentsMode;
	/** The comment being edited, also while the discard question is asked about it; none for a new comment. */
	editing?: Comment;
	/** The reply form, kept while a question is asked about it. */
	form: FormState;
};

export type CommentsAction =
	/** Opens the form for a new comment with these values (a draft, or the commenter's name and email). */
	| {type: 'reply'; input: CommentInput}
	/** Opens the form on a comment's text. */
	| {type: 'edit'; comment: Comment}
	/** Asks whether to delete the highlighted comment (from the list). */
	| {type: 'ask-delete'}
	/** Asks whether to throw away what the form holds (from the form). */
	| {type: 'ask-discard'}
	/** Answers no: back to what was showing before the question. */
	| {type: 'answer-no'}
	/** Shows the list: after posting, deleting or leaving the form. */
	| {type: 'show-list'}
	/** A change inside the form. */
	| {type: 'form'; action: FormAction};

const newCommentFields: readonly FormField[] = ['body', 'name', 'email'];
const editFields: readonly FormField[] = ['body'];

/**
 * The screen as it opens: the form when a draft is waiting, else the list (empty, it says r writes
 * one: opening on the form would take `?` and `q` as comment text). The form starts from the draft,
 * or empty with the name and email used last.
 */
export function initialCommentsState(draft: CommentInput | undefined, commenter: {name: string; email: string} | undefined): CommentsState {
	return {mode: draft ? 'form' : 'list', form: formState(newCommentInput(draft, commenter))};
}

/** What a new comment's form starts with: the draft, or an empty comment signed as last time. */
export function newCommentInput(draft: CommentInput | undefined, commenter: {name: string; email: string} | undefined): CommentInput {
	if (draft) {
		return {body: draft.body, name: draft.name, email: draft.email};
	}

	return {body: '', name: commenter?.name ?? '', email: commenter?.email ?? ''};
}

export function commentsReducer(state: CommentsState, action: CommentsAction): CommentsState {
	switch (action.type) {
		case 'reply': {
			return {mode: 'form', form: formState(action.input)};
		}

		case 'edit': {
			const {body, name, email} = action.comment;
			return {mode: 'form', editing: action.comment, form: formState({body, name, email})};
		}

		case 'ask-delete': {
			return state.mode === 'list' ? {...state, mode: 'confirm-delete'} : state;
		}

		case 'ask-discard': {
			return state.mode === 'form' ? {...state, mode: 'confirm-discard'} : state;
		}

		case 'answer-no': {
			const back: Partial<Record<CommentsMode, CommentsMode>> = {'confirm-delete': 'list', 'confirm-discard': 'form'};
			return {...state, mode: back[state.mode] ?? state.mode};
		}

		case 'show-list': {
			return {mode: 'list', form: state.form};
		}

		case 'form': {
			return {...state, form: formReducer(state.editing ? editFields : newCommentFields)(state.form, action.action)};
		}
	}
}

/** The key scopes of each mode. */
export function commentsScopes(mode: CommentsMode): readonly Scope[] {
	return scopesOfMode[mode];
}

const scopesOfMode: Record<CommentsMode, readonly Scope[]> = {
	list: screenScopes.comments,
	form: screenScopes.commentForm,
	'confirm-delete': screenScopes.commentQuestion,
	'confirm-discard': screenScopes.commentQuestion,
};

/** Whether the comments are drawn (the list, and the delete question about one of them) rather than the form. */
export function showsList(state: CommentsState): boolean {
	return state.mode === 'list' || state.mode === 'confirm-delete';
}

/** Leaving the form loses nothing: the edited text is as it was, or a new comment has no text. */
export function isUnchanged(state: CommentsState): boolean {
	return state.editing ? formInput(state.form.values).body === state.editing.body : !hasWriting(state.form.values);
}

/** A new comment with some text in the form: what is kept as a draft when typing pauses or the screen closes. */
export function keepsDraft(state: CommentsState): boolean {
	return state.mode === 'form' && state.editing === undefined && hasWriting(state.form.values);
}

/** The left of the status bar: the question asked, the form's kind, or where the cursor is. */
export function commentsStatus(state: CommentsState, selected: number, count: number): string {
	switch (state.mode) {
		case 'confirm-delete': {
			return 'Delete this comment? y/n';
		}

		case 'confirm-discard': {
			return state.editing ? 'Discard your changes? y/n' : 'Discard what you wrote? y/n (k keeps it as a draft)';
		}

		case 'form': {
			return state.editing ? 'Editing' : 'New comment';
		}

		case 'list': {
			return count === 0 ? 'No comments yet' : `${selected + 1}/${count}`;
		}
	}
}
