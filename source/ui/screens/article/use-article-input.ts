// The pager's keys: navigation comes from articleNavigation; the rest (n and p through the list,
// the browser, save, read marks) acts on the reading state and tells the user what happened.
import type {ArticleMeta} from '../../../core/article.js';
import type {ReadingState} from '../../../store/reading-state.js';
import {type AppServices, useReader} from '../../app-context.js';
import {handleCommonAction} from '../../common-actions.js';
import {useKeymap} from '../../hooks/use-keymap.js';
import {type Action, type Flags, type Scope, screenScopes} from '../../keymap.js';
import {articlesOf, nextUnread, sourceTitle} from '../../list-sources.js';
import {isPagerMove, maxTopLine, type PagerMove, pagerMoveTop, type PagerView} from '../../navigation.js';
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
	/** Set once Space on the last page has said which unread article comes next; Space again opens it. */
	goOn?: {current: boolean};
};

type Context = Omit<ArticleInput, 'isActive' | 'followEnd' | 'goOn'> & {services: AppServices; goOn: {current: boolean}};

/** What the key table's conditions see on the article screen: whether a find is active. */
export function articleFlags(find: string | undefined): Flags {
	return {finding: find !== undefined};
}

export function useArticleInput({isActive, followEnd, goOn = {current: false}, ...input}: ArticleInput): void {
	const context: Context = {...input, services: useReader(), goOn};
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
	const armed = context.goOn.current;
	context.goOn.current = false;
	if (action === 'page-down' && atLastPage(context.view)) {
		goOnFromEnd(armed, context);
		return;
	}

	const navigation = articleNavigation(action, context.view);
	if (navigation) {
		services.dispatch(navigation);
		const stuck = navigation.type === 'pager-move' && pagerMoveTop(navigation.move, navigation.view) === navigation.view.top ? stuckMessage(navigation.move, navigation.view) : undefined;
		if (stuck) {
			services.notify(stuck);
		}

		return;
	}

	switch (action) {
		case 'next-unread': {
			openNextUnread(context);
			break;
		}

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

/** The last page is showing, the whole article laid out. */
function atLastPage(view: ArticleView): boolean {
	return view.model.complete !== false && view.top >= maxTopLine(pagerView(view));
}

/** The next unread article in the list the article was opened from, after it (going round). */
function nextUnreadArticle({article, view, reading, services}: Context): ArticleMeta | undefined {
	const list = view.source ? articlesOf(view.source, services.library, reading) : [];
	const index = list.findIndex(other => other.id === article.id);
	return nextUnread(list, index + 1, id => reading.isRead(id), article.id);
}

function noMoreUnread({view}: Context): string {
	return view.source ? `No more unread articles in ${sourceTitle(view.source)}` : 'This article was not opened from a list: no unread article comes next';
}

function openNextUnread(context: Context): void {
	const next = nextUnreadArticle(context);
	if (next) {
		context.services.dispatch({type: 'replace', screen: {name: 'article', id: next.id, source: context.view.source, relatedCursor: 0}});
	} else {
		context.services.notify(noMoreUnread(context));
	}
}

/** Space on the last page: says once which unread article comes next, then opens it (as tin and newsboat). */
function goOnFromEnd(armed: boolean, context: Context): void {
	const next = nextUnreadArticle(context);
	if (!next) {
		context.services.notify(`Last page. ${noMoreUnread(context)}`);
	} else if (armed) {
		openNextUnread(context);
	} else {
		context.goOn.current = true;
		context.services.notify(`Last page: Space again for the next unread article: ${next.title}`);
	}
}

/** What to say when ], [, n or N cannot move: nothing further that way, or what is left is on this page. */
function stuckMessage(move: PagerMove, view: PagerView): string | undefined {
	const subheading = move === 'next-subheading' || move === 'previous-subheading';
	const lines = subheading ? view.subheadings : view.matches;
	const next = move === 'next-subheading' || move === 'next-match';
	if (!subheading && move !== 'next-match' && move !== 'previous-match') {
		return undefined;
	}

	if (lines.length === 0) {
		return subheading ? 'This article has no subheadings' : 'No matches in this article';
	}

	if (next && lines.some(line => line > view.top)) {
		return subheading ? 'The last subheading is on this page' : 'The last match is on this page';
	}

	if (subheading) {
		return next ? 'No more subheadings below' : 'No subheading above';
	}

	return next ? 'No more matches below: this is the last' : 'No match above: this is the first';
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
