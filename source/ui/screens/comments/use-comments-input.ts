// The comments screen's keys, one key table scope per mode: what each action does to the comment log,
// the draft and the navigation, and what it tells the screen's reducer.
import type {ArticleMeta} from '../../../core/article.js';
import {type Comment, CommentValidationError} from '../../../store/comments.js';
import {type AppServices, useReader} from '../../app-context.js';
import {formInput} from '../../comment-form-state.js';
import {handleCommonAction} from '../../common-actions.js';
import {useKeymap} from '../../hooks/use-keymap.js';
import type {Action} from '../../keymap.js';
import {type CommentsAction, type CommentsState, commentsScopes, isUnchanged, newCommentInput} from './comments-state.js';

export type CommentsInput = {
	/** The article the comments are about. */
	article: ArticleMeta;
	/** Its comments as listed. */
	comments: readonly Comment[];
	/** Index of the highlighted comment. */
	selected: number;
	/** The screen's state. */
	state: CommentsState;
	/** Sends an action to the screen's reducer. */
	update: (action: CommentsAction) => void;
	/** Only the showing screen listens. */
	isActive: boolean;
};

type Context = Omit<CommentsInput, 'isActive'> & {services: AppServices};

export function useCommentsInput(input: CommentsInput): void {
	const context: Context = {...input, services: useReader()};
	const {mode} = input.state;
	useKeymap(commentsScopes('list'), action => onListAction(action, context), {isActive: input.isActive && mode === 'list'});
	useKeymap(commentsScopes('form'), action => onFormAction(action, context), {isActive: input.isActive && mode === 'form'});
	const asking = mode === 'confirm-delete' || mode === 'confirm-discard';
	useKeymap(commentsScopes('confirm-delete'), action => onConfirmAction(action, context), {isActive: input.isActive && asking});
}

function onListAction(action: Action, context: Context): void {
	const {comments, selected, update, services} = context;
	const comment = comments[selected];
	if (action === 'reply') {
		update({type: 'reply', input: newCommentInput(services.reading.draft(context.article.id), services.reading.commenter())});
	} else if (action === 'edit' && comment) {
		update({type: 'edit', comment});
	} else if (action === 'delete' && comment) {
		update({type: 'ask-delete'});
	} else {
		handleCommonAction(action, services.dispatch, {screen: 'comments', keys: comments.map(other => other.id), pageSize: 1});
	}
}

function onFormAction(action: Action, context: Context): void {
	const {state, update} = context;
	switch (action) {
		case 'submit': {
			submit(context);
			break;
		}

		case 'editor': {
			writeInEditor(context);
			break;
		}

		case 'cancel': {
			if (isUnchanged(state)) {
				forgetDraft(context);
				leaveForm(context);
			} else {
				update({type: 'ask-discard'});
			}

			break;
		}

		case 'new-line': {
			if (state.form.focus.field === 'email') {
				submit(context);
			} else {
				update({type: 'form', action: {type: 'new-line'}});
			}

			break;
		}

		case 'delete-back': {
			update({type: 'form', action: {type: 'join-line'}});
			break;
		}

		case 'next-field':
		case 'previous-field':
		case 'line-down':
		case 'line-up': {
			update({type: 'form', action: {type: action}});
			break;
		}

		default: {
			break;
		}
	}
}

function onConfirmAction(action: Action, context: Context): void {
	const {state, comments, selected, update, services} = context;
	if (action === 'confirm' && state.mode === 'confirm-delete') {
		const comment = comments[selected];
		if (comment) {
			services.comments.delete(comment.id);
			services.notify('Deleted the comment.');
		}

		update({type: 'show-list'});
	} else if (action === 'confirm') {
		forgetDraft(context);
		leaveForm(context);
	} else if (action === 'keep-draft' && state.mode === 'confirm-discard') {
		services.reading.setDraft(context.article.id, formInput(state.form.values));
		services.notify('Kept as a draft: it comes back when you open these comments again.');
		leaveForm(context);
	} else if (action === 'cancel') {
		update({type: 'answer-no'});
	}
}

/** Posts the form; the comment log validates (and cleans) it, and its messages go next to the fields. */
function submit({article, comments, state, update, services}: Context): void {
	const input = formInput(state.form.values);
	const {editing} = state;
	try {
		if (editing) {
			services.comments.edit(editing.id, input.body);
		} else {
			const added = services.comments.add(article.id, input);
			services.reading.setCommenter({name: added.name, email: added.email});
			services.reading.setDraft(article.id, undefined);
			services.dispatch({type: 'set-cursor', cursor: comments.length, key: added.id});
		}

		update({type: 'show-list'});
		services.notify(editing ? 'Saved your changes.' : 'Saved: your comment is stored on this computer.');
	} catch (error) {
		if (error instanceof CommentValidationError) {
			update({type: 'form', action: {type: 'set-errors', errors: error.errors}});
			services.notify('Please fix the marked fields; nothing was posted yet.');
		} else {
			services.notify(`Not saved: ${(error as Error).message}. Your text is still here; try again.`);
		}
	}
}

/** Hands the comment to $VISUAL or $EDITOR and takes back what it returns. */
function writeInEditor({state, update, services}: Context): void {
	const before = formInput(state.form.values).body;
	// The comment is what the editor edits: the cursor goes there, also if there is no editor.
	update({type: 'form', action: {type: 'set-body', body: before}});
	services.editText(before).then(
		text => {
			update({type: 'form', action: {type: 'set-body', body: text.replace(/\n+$/, '')}});
			services.notify('Comment text taken from the editor.');
		},
		(error: unknown) => {
			services.notify(`No editor: ${(error as Error).message}. Set $VISUAL or $EDITOR.`);
		},
	);
}

/** A new comment given up: its draft goes too (an edit never has one). */
function forgetDraft({article, state, services}: Context): void {
	if (!state.editing) {
		services.reading.setDraft(article.id, undefined);
	}
}

/** Back to the list (with no comments, it says r writes one; q goes on to the article). */
function leaveForm({update}: Context): void {
	update({type: 'show-list'});
}
