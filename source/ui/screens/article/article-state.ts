// The article screen's state, as plain functions: what the pager shows now (top line, page, related
// article highlighted, find matches) and the navigation each pager key asks for. The screen's state
// itself lives in the navigation reducer; these turn it and the pager model into what to draw and do.
import type {ArticleMeta} from '../../../core/article.js';
import type {LayoutMatch} from '../../../core/search.js';
import type {Action} from '../../keymap.js';
import {isPagerMove, type ListSource, type NavigationAction, type PagerView} from '../../navigation.js';
import {currentSubheading, type PagerModel, pageInfo} from '../../pager-model.js';
import {glyphs} from '../../theme.js';

/** What the pager shows now. */
export type ArticleView = {
	/** The id of the article shown. */
	id: string;
	/** The list the article was opened from (n and p go through it). */
	source?: ListSource;
	/** The active find, if any. */
	find?: string;
	/** The article's lines at this width, end matter included. */
	model: PagerModel;
	/** Columns of the terminal. */
	width: number;
	/** Lines on a page. */
	height: number;
	/** The first line drawn. */
	top: number;
	/** The find's matches, in reading order. */
	matches: readonly LayoutMatch[];
	/** The related articles listed at the end. */
	related: readonly ArticleMeta[];
	/** The navigation's related cursor (Tab counts it up; it wraps). */
	relatedCursor: number;
};

/** The related article Tab has highlighted, or -1 when there are none. */
export function selectedRelated(view: ArticleView): number {
	return view.related.length > 0 ? view.relatedCursor % view.related.length : -1;
}

/** The line of the highlighted related article while related articles are on screen, else undefined. */
export function highlightedRelatedLine(view: ArticleView): number | undefined {
	const onScreen = view.model.relatedLines.some(line => line >= view.top && line < view.top + view.height);
	return onScreen ? view.model.relatedLines[selectedRelated(view)] : undefined;
}

/** The pager as the navigation reducer moves within it. */
export function pagerView(view: ArticleView): PagerView {
	return {
		width: view.width,
		height: view.height,
		lineCount: view.model.lines.length,
		top: view.top,
		subheadings: view.model.subheadings,
		matches: [...new Set(view.matches.map(match => match.line))],
	};
}

/** The navigation a pager key asks for; undefined for keys that do something else (save, n, o, ...). */
export function articleNavigation(action: Action, view: ArticleView): NavigationAction | undefined {
	if (isPagerMove(action)) {
		return {type: 'pager-move', move: action, view: pagerView(view)};
	}

	switch (action) {
		case 'outline': {
			const cursor = Math.max(0, view.model.subheadings.findLastIndex(line => line <= view.top));
			return {type: 'push', screen: {name: 'outline', id: view.id, cursor}};
		}

		case 'find': {
			// The prompt starts empty, as a shell line does: ↑ brings back the find before.
			return {type: 'push', screen: {name: 'find', id: view.id, query: ''}};
		}

		case 'clear-find': {
			return {type: 'set-find', query: undefined};
		}

		case 'next-related': {
			return {type: 'set-related-cursor', cursor: selectedRelated(view) + 1};
		}

		case 'open': {
			const other = view.related[selectedRelated(view)];
			// Enter opens the highlighted related article only while it is on screen.
			return other && highlightedRelatedLine(view) !== undefined ? {type: 'push', screen: {name: 'article', id: other.id, relatedCursor: 0}} : undefined;
		}

		case 'comments': {
			return {type: 'push', screen: {name: 'comments', id: view.id, cursor: 0}};
		}

		default: {
			return undefined;
		}
	}
}

/** The article `step` places from `id` in a list (n: 1, p: -1), or undefined past either end. */
export function neighbourOf<T extends {id: string}>(list: readonly T[], id: string, step: number): T | undefined {
	const index = list.findIndex(other => other.id === id);
	return index === -1 ? undefined : list[index + step];
}

/**
 * The left of the status bar: `page 2/5 · 40% · 3 💬 · find "harbour": 4`, or the subheading instead of the
 * find; `page 1/…` while a long body is still being laid out.
 */
export function pagerStatus(view: ArticleView, commentCount: number): string {
	const info = pageInfo(view.top, view.height, view.model.lines.length);
	const where = view.find ? `find "${view.find}": ${view.matches.length}` : currentSubheading(view.model, view.top);
	// While a long body is still being laid out the page count is not known yet.
	const page = view.model.complete === false ? `page ${Math.ceil((view.top + view.height) / view.height)}/${glyphs.ellipsis}` : `page ${info.page}/${info.pages} ${glyphs.separator} ${info.percent}%`;
	return [page, commentCount > 0 ? `${commentCount} ${glyphs.comments}` : undefined, where].filter(Boolean).join(` ${glyphs.separator} `);
}
