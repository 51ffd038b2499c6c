// The headline list's keys: open an article (or the next unread one), save or unsave one (u undoes an
// unsave), mark one or all read (all after a y/n question), and the common list moves.
import {useState} from 'react';
import type {ArticleMeta} from '../../../core/article.js';
import type {ReadingState} from '../../../store/reading-state.js';
import {useReader} from '../../app-context.js';
import {handleCommonAction} from '../../common-actions.js';
import {handleFeedAction} from '../../feed-keys.js';
import {useKeymap} from '../../hooks/use-keymap.js';
import {type Action, type Scope, screenScopes} from '../../keymap.js';
import {nextUnread, sourceTitle} from '../../list-sources.js';
import type {ListSource} from '../../navigation.js';
import {plural} from '../../text.js';

/** The key scopes of a headline list. */
export const headlinesScopes: readonly Scope[] = screenScopes.headlines;

/** The key scopes while a question (M: mark all read?) waits for y or n. */
export const questionScopes: readonly Scope[] = screenScopes.commentQuestion;

export type HeadlinesInput = {
	/** What the list shows: the article screen's n and p go through it. */
	source: ListSource;
	/** The articles as shown. */
	articles: readonly ArticleMeta[];
	/** Their ids, the list's keys. */
	keys: readonly string[];
	/** Index of the highlighted article. */
	selected: number;
	/** Articles on one screenful, for PgDn/PgUp. */
	pageSize: number;
	/** Read marks. */
	reading: ReadingState;
	/** Only the showing screen listens. */
	isActive: boolean;
};

/** What the list asks before marking every article read; undefined when it asks nothing. */
export type HeadlinesQuestion = string | undefined;

export function useHeadlinesInput({source, articles, keys, selected, pageSize, reading, isActive}: HeadlinesInput): HeadlinesQuestion {
	const {dispatch, notify, feeds} = useReader();
	// M marks a whole list read, which no key takes back: it asks first (as newsboat does).
	const [asking, setAsking] = useState<readonly string[] | undefined>(undefined);
	// s in Saved takes the article out of the list at once: u puts it back.
	const [unsaved, setUnsaved] = useState<ArticleMeta | undefined>(undefined);
	const open = (article: ArticleMeta, index: number) => {
		// The cursor stays on this article when the list changes meanwhile (Saved, after s).
		dispatch({type: 'set-cursor', cursor: index, key: article.id});
		dispatch({type: 'push', screen: {name: 'article', id: article.id, source, relatedCursor: 0}});
	};

	const onAction = (action: Action) => {
		const article = articles[selected];
		if (action === 'open' && article) {
			open(article, selected);
		} else if (action === 'next-unread') {
			const next = nextUnread(articles, selected, id => reading.isRead(id));
			if (next) {
				open(next, articles.indexOf(next));
			} else {
				notify(`No unread articles in ${sourceTitle(source)}`);
			}
		} else if (action === 'save' && article) {
			const saved = !reading.isSaved(article.id);
			reading.setSaved(article.id, saved);
			setUnsaved(saved ? undefined : article);
			notify(saved ? `Saved: ${article.title}` : `Removed from Saved (u undoes): ${article.title}`);
		} else if (action === 'undo') {
			if (unsaved) {
				reading.setSaved(unsaved.id, true);
				notify(`Back in Saved: ${unsaved.title}`);
				setUnsaved(undefined);
			} else {
				notify('Nothing to undo');
			}
		} else if (action === 'toggle-read' && article) {
			reading.setRead(article.id, !reading.isRead(article.id));
		} else if (action === 'mark-all-read') {
			const unread = articles.filter(other => !reading.isRead(other.id)).map(other => other.id);
			if (unread.length === 0) {
				notify('Every article here is read already');
			} else {
				setAsking(unread);
			}
		} else if (!handleFeedAction(action, source, {feeds, dispatch, notify})) {
			handleCommonAction(action, dispatch, {screen: 'headlines', keys, pageSize});
		}
	};

	const onAnswer = (action: Action) => {
		if (action === 'confirm' && asking) {
			reading.setManyRead(asking, true);
			notify(`Marked ${plural(asking.length, 'article')} read`);
		} else {
			notify('Nothing marked');
		}

		setAsking(undefined);
	};

	useKeymap(headlinesScopes, onAction, {isActive: isActive && asking === undefined});
	useKeymap(questionScopes, onAnswer, {isActive: isActive && asking !== undefined});
	return asking ? `Mark ${plural(asking.length, 'unread article')} in ${sourceTitle(source)} read? y/n` : undefined;
}
