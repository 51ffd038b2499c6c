// Comments under an article (c): the list (name, relative date, text; never the email) and the
// "Leave a reply" form. A comment is "Saved" only once it is on disk; unfinished ones are kept as drafts.
import {Box, Text} from 'ink';
import {useCallback, useEffect, useReducer, useRef, useState} from 'react';
import type {Article} from '../../core/article.js';
import {formatRelativeDate} from '../../core/dates.js';
import {type Comment, CommentValidationError} from '../../store/comments.js';
import {useApp, useReadingState} from '../app-context.js';
import {handleCommonAction} from '../common-actions.js';
import {CommentForm, type FormField} from '../components/CommentForm.js';
import {Frame} from '../components/Frame.js';
import {formInput, formReducer, formState, hasWriting} from '../comment-form-state.js';
import {useKeymap} from '../hooks/use-keymap.js';
import {type Action, hintsFor, type Scope} from '../keymap.js';
import {fitToWidth, plural, wrapText} from '../text.js';
import {theme} from '../theme.js';

/** How long typing must pause before the draft is kept. */
export const DRAFT_DELAY_MS = 500;

type FormMode = {kind: 'form'; editing?: Comment};
type Mode = {kind: 'list'} | FormMode | {kind: 'confirm'; question: 'discard' | 'delete'; form?: FormMode};

const newCommentFields: readonly FormField[] = ['body', 'name', 'email'];
const editFields: readonly FormField[] = ['body'];

export type CommentsScreenProps = {
	article: Article;
	cursor: number;
	isActive: boolean;
};

export function CommentsScreen({article, cursor, isActive}: CommentsScreenProps) {
	const {comments: log, reading: readingStore, dispatch, body, now, notify, editText} = useApp();
	const reading = useReadingState(readingStore);
	const comments = log.list(article.id);
	const selected = Math.min(cursor, Math.max(0, comments.length - 1));
	const [mode, setMode] = useState<Mode>(() => initialMode(comments.length, reading.draft(article.id) !== undefined));
	/** The comment being edited, also while the discard question is asked about it. */
	const editing = mode.kind === 'form' ? mode.editing : mode.kind === 'confirm' ? mode.form?.editing : undefined;
	const fields = editing ? editFields : newCommentFields;
	const [form, formDispatch] = useReducer(formReducer(fields), undefined, () => formState(initialInput(reading, article.id)));
	useEffect(() => {
		if (reading.draft(article.id)) {
			notify('Your unfinished comment was restored.');
		}
		// Only when the screen opens.
	}, [article.id, notify, reading]);
	useDraftKeeping(mode, form.values, article.id);

	const openForm = useCallback(
		(editing?: Comment) => {
			const input = editing ? {body: editing.body, name: editing.name, email: editing.email} : initialInput(reading, article.id);
			formDispatch({type: 'reset', values: input, fields: editing ? editFields : newCommentFields});
			setMode({kind: 'form', editing});
		},
		[reading, article.id],
	);

	// The comment log validates (and cleans) what is posted; its messages go next to the fields.
	const submit = useCallback(() => {
		const input = formInput(form.values);
		try {
			if (editing) {
				log.edit(editing.id, input.body);
			} else {
				const {name, email} = log.add(article.id, input);
				reading.setCommenter({name, email});
				reading.setDraft(article.id, undefined);
				dispatch({type: 'set-cursor', cursor: comments.length});
			}

			setMode({kind: 'list'});
			notify(editing ? 'Saved your changes.' : 'Saved: your comment is stored on this computer.');
		} catch (error) {
			if (error instanceof CommentValidationError) {
				formDispatch({type: 'set-errors', errors: error.errors});
				notify('Please fix the marked fields; nothing was posted yet.');
			} else {
				notify(`Not saved: ${(error as Error).message}. Your text is still here; try again.`);
			}
		}
	}, [editing, form.values, log, article.id, reading, dispatch, comments.length, notify]);

	const onListAction = useCallback(
		(action: Action) => {
			const comment = comments[selected];
			if (action === 'reply') {
				openForm();
			} else if (action === 'edit' && comment) {
				openForm(comment);
			} else if (action === 'delete' && comment) {
				setMode({kind: 'confirm', question: 'delete'});
			} else if (action !== 'search') {
				handleCommonAction(action, dispatch, {screen: 'comments', count: comments.length, pageSize: 1});
			}
		},
		[comments, selected, openForm, dispatch],
	);

	/** Back to the list, or to the article when there is nothing to list. */
	const leaveForm = useCallback(() => {
		if (comments.length === 0) {
			dispatch({type: 'back'});
		} else {
			setMode({kind: 'list'});
		}
	}, [comments.length, dispatch]);

	const onFormAction = useCallback(
		(action: Action) => {
			switch (action) {
				case 'submit': {
					submit();
					break;
				}

				case 'editor': {
					const before = formInput(form.values).body;
					// The comment is what the editor edits: the cursor goes there, also if there is no editor.
					formDispatch({type: 'set-body', body: before});
					editText(before).then(
						text => {
							formDispatch({type: 'set-body', body: text.replace(/\n+$/, '')});
							notify('Comment text taken from the editor.');
						},
						(error: unknown) => {
							notify(`No editor: ${(error as Error).message}. Set $VISUAL or $EDITOR.`);
						},
					);
					break;
				}

				case 'cancel': {
					const unchanged = editing ? formInput(form.values).body === editing.body : !hasWriting(form.values);
					if (unchanged) {
						if (!editing) {
							reading.setDraft(article.id, undefined);
						}

						leaveForm();
					} else {
						setMode({kind: 'confirm', question: 'discard', form: {kind: 'form', editing}});
					}

					break;
				}

				case 'new-line': {
					if (form.focus.field === 'email') {
						submit();
					} else {
						formDispatch({type: 'new-line'});
					}

					break;
				}

				case 'delete-back': {
					formDispatch({type: 'join-line'});
					break;
				}

				case 'next-field':
				case 'previous-field':
				case 'line-down':
				case 'line-up': {
					formDispatch({type: action});
					break;
				}

				default: {
					break;
				}
			}
		},
		[submit, form.values, form.focus.field, editText, notify, editing, reading, article.id, leaveForm],
	);

	const onConfirmAction = useCallback(
		(action: Action) => {
			if (mode.kind !== 'confirm') {
				return;
			}

			if (action === 'confirm' && mode.question === 'delete') {
				const comment = comments[selected];
				if (comment) {
					log.delete(comment.id);
					notify('Deleted the comment.');
				}

				setMode({kind: 'list'});
			} else if (action === 'confirm') {
				if (!editing) {
					reading.setDraft(article.id, undefined);
				}

				leaveForm();
			} else if (action === 'keep-draft') {
				reading.setDraft(article.id, formInput(form.values));
				notify('Kept as a draft: it comes back when you open these comments again.');
				leaveForm();
			} else if (action === 'cancel') {
				setMode(mode.form ?? {kind: 'list'});
			}
		},
		[mode, editing, comments, selected, log, notify, reading, article.id, leaveForm, form.values],
	);

	useKeymap(listScopes, onListAction, {isActive: isActive && mode.kind === 'list'});
	useKeymap(formScopes, onFormAction, {isActive: isActive && mode.kind === 'form', includeGlobal: false});
	useKeymap(confirmScopes, onConfirmAction, {isActive: isActive && mode.kind === 'confirm', includeGlobal: false});

	const onChange = useCallback((field: FormField, value: string) => {
		formDispatch({type: 'change', field, value});
	}, []);

	const count = plural(comments.length, 'comment');
	const scopes = mode.kind === 'list' ? listScopes : mode.kind === 'form' ? formScopes : confirmScopes;
	const question = mode.kind === 'confirm' ? (mode.question === 'delete' ? 'Delete this comment? y/n' : editing ? 'Discard your changes? y/n' : 'Discard what you wrote? y/n (k keeps it as a draft)') : undefined;
	return (
		<Frame
			title={`Comments › ${article.title}`}
			aside={count}
			status={question ?? (mode.kind === 'form' ? (editing ? 'Editing' : 'New comment') : comments.length === 0 ? 'No comments yet' : `${selected + 1}/${comments.length}`)}
			hints={hintsFor(scopes, mode.kind === 'list')}
		>
			{mode.kind === 'list' || (mode.kind === 'confirm' && mode.question === 'delete') ? (
				<CommentList comments={comments} selected={selected} width={body.columns} height={body.rows} now={now()} />
			) : (
				<CommentForm
					values={form.values}
					focus={form.focus}
					errors={form.errors}
					editing={editing !== undefined}
					isActive={isActive && mode.kind === 'form'}
					width={body.columns}
					height={body.rows}
					onChange={onChange}
				/>
			)}
		</Frame>
	);
}

const listScopes: readonly Scope[] = ['comments'];
const formScopes: readonly Scope[] = ['form'];
const confirmScopes: readonly Scope[] = ['confirm'];

function initialMode(commentCount: number, hasDraft: boolean): Mode {
	return hasDraft || commentCount === 0 ? {kind: 'form'} : {kind: 'list'};
}

function initialInput(reading: ReturnType<typeof useApp>['reading'], articleId: string) {
	const draft = reading.draft(articleId);
	if (draft) {
		return {body: draft.body, name: draft.name, email: draft.email};
	}

	const commenter = reading.commenter();
	return {body: '', name: commenter?.name ?? '', email: commenter?.email ?? ''};
}

/** Keeps an unfinished new comment as a draft, a moment after typing stops (and when leaving). */
function useDraftKeeping(mode: Mode, values: {lines: string[]; name: string; email: string}, articleId: string) {
	const {reading} = useApp();
	const latest = useRef<{values: typeof values; keep: boolean}>({values, keep: false});
	const keep = mode.kind === 'form' && mode.editing === undefined && hasWriting(values);
	latest.current = {values, keep};
	useEffect(() => {
		if (!keep) {
			return;
		}

		const timer = setTimeout(() => {
			reading.setDraft(articleId, formInput(values));
		}, DRAFT_DELAY_MS);
		return () => {
			clearTimeout(timer);
		};
	}, [keep, values, reading, articleId]);
	useEffect(
		() => () => {
			if (latest.current.keep) {
				reading.setDraft(articleId, formInput(latest.current.values));
			}
		},
		[reading, articleId],
	);
}

type CommentListProps = {
	comments: readonly Comment[];
	selected: number;
	width: number;
	height: number;
	now: Date;
};

function CommentList({comments, selected, width, height, now}: CommentListProps) {
	if (comments.length === 0) {
		return <Text {...theme.dim}>No comments yet. Press r to leave a reply.</Text>;
	}

	const textWidth = Math.min(width, 100) - 4;
	const rendered = comments.map(comment => ({comment, lines: wrapText(comment.body, textWidth)}));
	// Start far enough back that the selected comment fits, as many comments above it as there is room.
	let start = selected;
	let used = (rendered[selected]?.lines.length ?? 0) + 2;
	while (start > 0 && used + (rendered[start - 1]?.lines.length ?? 0) + 2 <= height) {
		start--;
		used += (rendered[start]?.lines.length ?? 0) + 2;
	}

	return (
		<Box flexDirection="column" height={height} overflow="hidden">
			{rendered.slice(start).map(({comment, lines}, offset) => {
				const isSelected = start + offset === selected;
				const when = `${formatRelativeDate(comment.createdAt, now)}${comment.editedAt ? ' · edited' : ''}`;
				return (
					<Box key={comment.id} flexDirection="column" marginBottom={1}>
						<Text>
							<Text {...theme.unread}>{isSelected ? '❯ ' : '  '}</Text>
							<Text {...(isSelected ? theme.selected : theme.strong)}>{fitToWidth(comment.name, Math.max(1, width - when.length - 6))}</Text>
							<Text {...theme.dim}>{` · ${when}`}</Text>
						</Text>
						{lines.map((line, index) => (
							<Text key={index}>{`    ${line}`}</Text>
						))}
					</Box>
				);
			})}
		</Box>
	);
}
