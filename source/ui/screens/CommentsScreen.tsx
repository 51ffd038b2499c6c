// Comments under an article (c): the list and the "Leave a reply" form. A comment is "Saved" only once
// it is on disk; unfinished ones are kept as drafts. State, keys and drafts live in ./comments/.
import {useCallback, useEffect, useReducer} from 'react';
import type {ArticleMeta} from '../../core/article.js';
import {useReader, useReadingState} from '../app-context.js';
import type {FormField} from '../comment-form-state.js';
import {CommentForm} from '../components/CommentForm.js';
import {Frame} from '../components/Frame.js';
import {hintsFor} from '../keymap.js';
import {type ListCursor, listCursor} from '../navigation.js';
import {plural} from '../text.js';
import {CommentList} from './comments/CommentList.js';
import {commentsReducer, commentsScopes, commentsStatus, initialCommentsState, showsList} from './comments/comments-state.js';
import {useCommentsInput} from './comments/use-comments-input.js';
import {useDraftKeeping} from './comments/use-draft-keeping.js';
import {glyphs} from '../theme.js';

export {DRAFT_DELAY_MS} from './comments/use-draft-keeping.js';

export type CommentsScreenProps = ListCursor & {
	/** The article the comments are about. */
	article: ArticleMeta;
	/** Only the showing screen takes keys. */
	isActive: boolean;
};

export function CommentsScreen({article, cursor, cursorKey, isActive}: CommentsScreenProps) {
	const {comments: log, reading: readingStore, body, now, notify} = useReader();
	const reading = useReadingState(readingStore);
	const comments = log.list(article.id);
	// A log that cannot be read (a folder in its place): the screen still works, and says why it is empty.
	const problem = log.problem();
	useEffect(() => {
		if (problem !== undefined) {
			notify(`Comments are unavailable: ${problem}.`);
		}
	}, [problem, notify]);
	const selected = listCursor({cursor, cursorKey}, comments.map(comment => comment.id));
	const [state, update] = useReducer(commentsReducer, undefined, () => initialCommentsState(reading.draft(article.id), reading.commenter()));
	useDraftKeeping(state, article.id);
	useCommentsInput({article, comments, selected, state, update, isActive});
	const onChange = useCallback((field: FormField, value: string) => {
		update({type: 'form', action: {type: 'change', field, value}});
	}, []);

	return (
		<Frame title={`Comments ${glyphs.crumb} ${article.title}`} aside={plural(comments.length, 'comment')} status={commentsStatus(state, selected, comments.length)} hints={hintsFor(commentsScopes(state.mode))}>
			{showsList(state) ? (
				<CommentList comments={comments} selected={selected} width={body.columns} height={body.rows} now={now()} />
			) : (
				<CommentForm
					values={state.form.values}
					focus={state.form.focus}
					errors={state.form.errors}
					editing={state.editing !== undefined}
					isActive={isActive && state.mode === 'form'}
					width={body.columns}
					height={body.rows}
					onChange={onChange}
				/>
			)}
		</Frame>
	);
}
