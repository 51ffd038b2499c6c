// The article screen's state, without Ink: what each pager key asks the navigation for, which related
// article Enter opens and when, n and p through the list, and the status line. The pager model is
// built by hand: 40 lines, subheadings on lines 8 and 20, related articles on lines 34 and 35.
import {describe, expect, it} from 'vitest';
import type {ArticleMeta} from '../../source/core/article.js';
import type {Line} from '../../source/core/layout.js';
import {type ArticleView, articleNavigation, highlightedRelatedLine, neighbourOf, pagerStatus} from '../../source/ui/screens/article/article-state.js';
import type {PagerModel} from '../../source/ui/pager-model.js';

function line(text: string, kind: Line['kind'] = 'text'): Line {
	return {segments: [{text, style: kind === 'subheading' ? 'subheading' : 'plain'}], block: 0, kind, ...(kind === 'subheading' ? {level: 2} : {})};
}

const lines: Line[] = Array.from({length: 40}, (_, index) => line(`line ${index}`));
lines[8] = line('Harbour works', 'subheading');
lines[20] = line('Tide records', 'subheading');
lines[34] = line('  › Council closes the ferry slip', 'text');
lines[35] = line('  › A new tide gauge', 'text');

const model: PagerModel = {layout: {lines: lines.slice(0, 30), width: 80, textWidth: 72}, lines, relatedLines: [34, 35], subheadings: [8, 20]};

function meta(id: string, title: string): ArticleMeta {
	return {id, title, section: 'World', summary: '', tags: [], related: [], file: `/tmp/${id}.md`};
}

const related = [meta('world/ferry-slip', 'Council closes the ferry slip'), meta('science/tide-gauge', 'A new tide gauge')];

/** The pager on line `top` of the hand-made model, 10 lines a page, 80 columns. */
function at(top: number, fields: Partial<ArticleView> = {}): ArticleView {
	return {id: 'world/harbour-vote', model, width: 80, height: 10, top, matches: [], related, relatedCursor: 0, ...fields};
}

describe('pager keys', () => {
	it('Space asks to move a page down from the line shown at the top', () => {
		expect(articleNavigation('page-down', at(12))).toEqual({
			type: 'pager-move',
			move: 'page-down',
			view: {width: 80, height: 10, lineCount: 40, top: 12, subheadings: [8, 20], matches: []},
		});
	});

	it('n with a find moves through the lines with matches, each line once', () => {
		const matches = [
			{line: 3, start: 0, end: 4},
			{line: 3, start: 10, end: 14},
			{line: 22, start: 5, end: 9},
		];
		const navigation = articleNavigation('next-match', at(0, {find: 'tide', matches}));
		expect(navigation?.type === 'pager-move' && navigation.view.matches).toEqual([3, 22]);
	});

	it('t opens the outline on the subheading the reader is in', () => {
		expect(articleNavigation('outline', at(0))).toEqual({type: 'push', screen: {name: 'outline', id: 'world/harbour-vote', cursor: 0}});
		expect(articleNavigation('outline', at(8))).toEqual({type: 'push', screen: {name: 'outline', id: 'world/harbour-vote', cursor: 0}});
		expect(articleNavigation('outline', at(25))).toEqual({type: 'push', screen: {name: 'outline', id: 'world/harbour-vote', cursor: 1}});
	});

	it('/ opens an empty find prompt, also while a find is active (↑ brings it back), Esc clears the find', () => {
		expect(articleNavigation('find', at(0, {find: 'gauge'}))).toEqual({type: 'push', screen: {name: 'find', id: 'world/harbour-vote', query: ''}});
		expect(articleNavigation('find', at(0))).toEqual({type: 'push', screen: {name: 'find', id: 'world/harbour-vote', query: ''}});
		expect(articleNavigation('clear-find', at(0, {find: 'gauge'}))).toEqual({type: 'set-find', query: undefined});
	});

	it('c opens the comments of this article', () => {
		expect(articleNavigation('comments', at(0))).toEqual({type: 'push', screen: {name: 'comments', id: 'world/harbour-vote', cursor: 0}});
	});

	it('leaves saving, read marks, n/p and the browser to the input hook', () => {
		for (const action of ['save', 'toggle-read', 'next-article', 'previous-article', 'open-source', 'back', 'help'] as const) {
			expect(articleNavigation(action, at(0)), action).toBeUndefined();
		}
	});
});

describe('related articles', () => {
	it('highlights the first related article once the end is on screen, and none before', () => {
		expect(highlightedRelatedLine(at(20))).toBeUndefined();
		expect(highlightedRelatedLine(at(30))).toBe(34);
	});

	it('Tab highlights the next one, and wraps after the last', () => {
		expect(articleNavigation('next-related', at(30))).toEqual({type: 'set-related-cursor', cursor: 1});
		expect(highlightedRelatedLine(at(30, {relatedCursor: 1}))).toBe(35);
		expect(articleNavigation('next-related', at(30, {relatedCursor: 1}))).toEqual({type: 'set-related-cursor', cursor: 2});
		expect(highlightedRelatedLine(at(30, {relatedCursor: 2}))).toBe(34);
	});

	it('Enter opens the highlighted related article only while the related articles are on screen', () => {
		expect(articleNavigation('open', at(30, {relatedCursor: 1}))).toEqual({type: 'push', screen: {name: 'article', id: 'science/tide-gauge', relatedCursor: 0}});
		expect(articleNavigation('open', at(0, {relatedCursor: 1}))).toBeUndefined();
		expect(articleNavigation('open', at(30, {related: []}))).toBeUndefined();
	});
});

describe('n and p through the list', () => {
	const list = [{id: 'a'}, {id: 'b'}, {id: 'c'}];

	it('gives the next and the previous article of the list', () => {
		expect(neighbourOf(list, 'b', 1)).toEqual({id: 'c'});
		expect(neighbourOf(list, 'b', -1)).toEqual({id: 'a'});
	});

	it('gives nothing past either end, or for an article not in the list', () => {
		expect(neighbourOf(list, 'c', 1)).toBeUndefined();
		expect(neighbourOf(list, 'a', -1)).toBeUndefined();
		expect(neighbourOf(list, 'z', 1)).toBeUndefined();
	});
});

describe('the status line', () => {
	it('gives the page, the percentage and the subheading the reader is in', () => {
		expect(pagerStatus(at(10), 0)).toBe('page 2/4 · 50% · Harbour works');
	});

	it('gives the find and its count instead of the subheading, and the comment count', () => {
		const matches = [
			{line: 3, start: 0, end: 4},
			{line: 22, start: 5, end: 9},
		];
		expect(pagerStatus(at(30, {find: 'tide', matches}), 2)).toBe('page 4/4 · 100% · 2 💬 · find "tide": 2');
	});
});
