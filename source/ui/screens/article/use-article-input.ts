// The pager's keys: navigation comes from articleNavigation; the rest (n and p through the list,
// the browser, save, read marks) acts on the reading state and tells the user what happened.
import type {ArticleMeta} from '../../../core/article.js';
import type {ReadingState} from '../../../store/reading-state.js';
import {type AppServices, useReader} from '../../app-context.js';
import {handleCommonAction} from '../../common-actions.js';
import {useKeymap} from '../../hooks/use-keymap.js';
import {type Action, type Flags, type Scope, screenScopes} from '../../keymap.js';
import {articlesOf} from '../../list-sources.js';
import {isPagerMove} from '../../navigation.js';
import {articleNavigation, type ArticleView, neighbourOf, pagerView} from './article-state.js';

/** The key scopes of the article screen. */
export const articleScopes: readonly Scope[] = screenScopes.article;

export type ArticleInput = {
	/** The article shown. */
	article: ArticleMeta;
	/** What the pager shows now. */
	view: ArticleView;
	/** The reading state (read marks, saved articles). */
	reading: ReadingState;
	/** Only the showing screen listens. */
	isActive: boolean;
	/** Set by G while the layout is not done (the screen follows the end as it grows), cleared by any other move. */
	followEnd?: {current: boolean};
};

type Context = Omit<ArticleInput, 'isActive' | 'followEnd'> & {services: AppServices};

/** What the key table's conditions see on the article screen: whether a find is active. */
export function articleFlags(find: string | undefined): Flags {
	return {finding: find !== undefined};
}

export function useArticleInput({isActive, followEnd, ...input}: ArticleInput): void {
	const context: Context = {...input, services: useReader()};
	const {find} = input.view;
	useKeymap(articleScopes, action => {
		if (followEnd !== undefined && isPagerMove(action)) {
			if (followEnd.current) {
				// Moving on from the end followed so far: from where it is drawn, not from where G first went.
				context.services.dispatch({type: 'scroll-to', line: input.view.top, view: pagerView(input.view)});
			}

			followEnd.current = action === 'bottom' && input.view.model.complete === false;
		}

		onAction(action, context);
	}, {isActive, flags: articleFlags(find)});
}

function onAction(action: Action, context: Context): void {
	const {article, reading, services} = context;
	const navigation = articleNavigation(action, context.view);
	if (navigation) {
		services.dispatch(navigation);
		return;
	}

	switch (action) {
		case 'next-article':
		case 'previous-article': {
			openNeighbour(action === 'next-article' ? 1 : -1, context);
			break;
		}

		case 'open-source': {
			openSource(context);
			break;
		}

		case 'save': {
			const saved = !reading.isSaved(article.id);
			reading.setSaved(article.id, saved);
			services.notify(saved ? 'Saved: find it under "Saved" on the sections screen' : 'Removed from Saved');
			break;
		}

		case 'toggle-read': {
			const read = !reading.isRead(article.id);
			reading.setRead(article.id, read);
			services.notify(read ? 'Marked read' : 'Marked unread');
			break;
		}

		case 'open': {
			// Enter with no related article on screen does nothing.
			break;
		}

		default: {
			handleCommonAction(action, services.dispatch, {screen: 'article'});
		}
	}
}

function openNeighbour(step: number, {article, view, reading, services}: Context): void {
	const list = view.source ? articlesOf(view.source, services.library, reading) : [];
	const neighbour = neighbourOf(list, article.id, step);
	if (neighbour) {
		services.dispatch({type: 'replace', screen: {name: 'article', id: neighbour.id, source: view.source, relatedCursor: 0}});
	} else {
		services.notify(step > 0 ? 'This is the last article in the list' : 'This is the first article in the list');
	}
}

function openSource({article, services}: Context): void {
	if (!article.source) {
		services.notify('This article has no source link');
		return;
	}

	services.notify(`Opening ${article.source}`);
	services.openUrl(article.source).catch((error: unknown) => {
		services.notify(`Could not open a browser (${(error as Error).message}): ${article.source}`);
	});
}
