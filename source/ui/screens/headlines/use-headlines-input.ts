// The headline list's keys: open an article, mark one or all read, and the common list moves.
import type {ArticleMeta} from '../../../core/article.js';
import type {ReadingState} from '../../../store/reading-state.js';
import {useReader} from '../../app-context.js';
import {handleCommonAction} from '../../common-actions.js';
import {handleFeedAction} from '../../feed-keys.js';
import {useKeymap} from '../../hooks/use-keymap.js';
import {type Action, type Scope, screenScopes} from '../../keymap.js';
import type {ListSource} from '../../navigation.js';
import {plural} from '../../text.js';

/** The key scopes of a headline list. */
export const headlinesScopes: readonly Scope[] = screenScopes.headlines;

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

export function useHeadlinesInput({source, articles, keys, selected, pageSize, reading, isActive}: HeadlinesInput): void {
	const {dispatch, notify, feeds} = useReader();
	const onAction = (action: Action) => {
		const article = articles[selected];
		if (action === 'open' && article) {
			// The cursor stays on this article when the list changes meanwhile (Saved, after s).
			dispatch({type: 'set-cursor', cursor: selected, key: article.id});
			dispatch({type: 'push', screen: {name: 'article', id: article.id, source, relatedCursor: 0}});
		} else if (action === 'toggle-read' && article) {
			reading.setRead(article.id, !reading.isRead(article.id));
		} else if (action === 'mark-all-read') {
			reading.setManyRead(articles.map(other => other.id), true);
			notify(`Marked ${plural(articles.length, 'article')} read`);
		} else if (!handleFeedAction(action, source, {feeds, dispatch, notify})) {
			handleCommonAction(action, dispatch, {screen: 'headlines', keys, pageSize});
		}
	};

	useKeymap(headlinesScopes, onAction, {isActive});
}
