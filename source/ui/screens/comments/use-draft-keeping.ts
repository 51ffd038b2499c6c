// An unfinished new comment is kept as a draft a moment after typing stops, and when the screen
// closes; a draft found when the screen opens is announced.
import {useEffect, useRef} from 'react';
import {useReader} from '../../app-context.js';
import {formInput, type FormValues} from '../../comment-form-state.js';
import {type CommentsState, keepsDraft} from './comments-state.js';

/** How long typing must pause before the draft is kept. */
export const DRAFT_DELAY_MS = 500;

export function useDraftKeeping(state: CommentsState, articleId: string): void {
	const {reading, notify} = useReader();
	const {values} = state.form;
	const keep = keepsDraft(state);
	const latest = useRef<{values: FormValues; keep: boolean}>({values, keep});
	latest.current = {values, keep};
	useEffect(() => {
		if (reading.draft(articleId)) {
			notify('Your unfinished comment was restored.');
		}
		// Only when the screen opens: none of these change while it is open.
	}, [articleId, notify, reading]);
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
