import {describe, expect, it} from 'vitest';
import {visibleItems, windowStart} from '../../source/ui/components/List.js';
import {
	currentScreen,
	initialNavigation,
	type ListSource,
	navigate,
	type NavigationAction,
	type NavigationState,
	type PagerMove,
	type PagerView,
	type Screen,
} from '../../source/ui/navigation.js';

// --- Helpers

type ArticleScreen = Extract<Screen, {name: 'article'}>;

const world: ListSource = {kind: 'section', name: 'World'};

function stateOf(...screens: Screen[]): NavigationState {
	return {stack: screens, quit: false};
}

function sections(cursor = 0): Screen {
	return {name: 'sections', cursor};
}

function headlines(cursor = 0, source: ListSource = world): Screen {
	return {name: 'headlines', source, cursor};
}

function article(fields: Partial<ArticleScreen> = {}): ArticleScreen {
	return {name: 'article', id: 'world/harbour-vote', source: world, relatedCursor: 0, ...fields};
}

/** Runs actions one after the other. */
function run(state: NavigationState, ...actions: NavigationAction[]): NavigationState {
	return actions.reduce(navigate, state);
}

function names(state: NavigationState): string[] {
	return state.stack.map(screen => screen.name);
}

function cursorOf(state: NavigationState): number {
	const screen = currentScreen(state);
	if (!('cursor' in screen)) {
		throw new Error(`the ${screen.name} screen has no cursor`);
	}

	return screen.cursor;
}

function shownArticle(state: NavigationState): ArticleScreen {
	const screen = currentScreen(state);
	if (screen.name !== 'article') {
		throw new Error(`expected the article screen, got ${screen.name}`);
	}

	return screen;
}

/** A 100-line article on a 20-line page at 80 columns, drawn from the top. */
function view(fields: Partial<PagerView> = {}): PagerView {
	return {width: 80, height: 20, lineCount: 100, top: 0, subheadings: [], matches: [], ...fields};
}

/** The top line after a pager move from an article stored at `line` (same width as the view). */
function moveFrom(line: number, move: PagerMove, fields: Partial<PagerView> = {}): number {
	const pagerView = view({top: line, ...fields});
	const state = stateOf(sections(), headlines(), article({position: {line, width: pagerView.width}}));
	return shownArticle(navigate(state, {type: 'pager-move', move, view: pagerView})).position?.line ?? Number.NaN;
}

function move(move: Extract<NavigationAction, {type: 'move-cursor'}>['move'], count: number, pageSize = 10): NavigationAction {
	return {type: 'move-cursor', move, keys: Array.from({length: count}, (_, index) => `item ${index}`), pageSize};
}

function deepFreeze<T>(value: T): T {
	if (value && typeof value === 'object') {
		for (const child of Object.values(value)) {
			deepFreeze(child);
		}

		Object.freeze(value);
	}

	return value;
}

// --- Tests

describe('opening and leaving screens', () => {
	it('starts on the sections screen with the first entry highlighted', () => {
		expect(initialNavigation.stack).toEqual([{name: 'sections', cursor: 0}]);
		expect(initialNavigation.quit).toBe(false);
		expect(currentScreen(initialNavigation)).toEqual({name: 'sections', cursor: 0});
	});

	it('opens a screen on top of the one showing', () => {
		const state = navigate(initialNavigation, {type: 'push', screen: headlines()});
		expect(names(state)).toEqual(['sections', 'headlines']);
		expect(currentScreen(state)).toEqual(headlines());
	});

	it('shows the next article in place of the current one; back returns to the headlines with the cursor on it', () => {
		const next = article({id: 'world/flood-drill'});
		const state = run(stateOf(sections(), headlines(2), article()), {type: 'replace', screen: next});
		expect(names(state)).toEqual(['sections', 'headlines', 'article']);
		expect(currentScreen(state)).toEqual(next);
		const back = navigate(state, {type: 'back'});
		expect(currentScreen(back)).toEqual({...headlines(2), cursorKey: 'world/flood-drill'});
		expect(currentScreen(navigate(state, {type: 'leave'}))).toEqual({...headlines(2), cursorKey: 'world/flood-drill'});
	});

	it('leaves the cursor of the sections screen alone when an article opened from it is left', () => {
		const state = stateOf(sections(1), article());
		expect(currentScreen(navigate(state, {type: 'back'}))).toEqual(sections(1));
	});

	it('goes back to the headlines with the cursor where it was', () => {
		const state = run(
			stateOf(sections(1)),
			{type: 'push', screen: headlines()},
			move('down', 8),
			move('down', 8),
			move('down', 8),
			{type: 'push', screen: article()},
			{type: 'back'},
		);
		expect(names(state)).toEqual(['sections', 'headlines']);
		expect(cursorOf(state)).toBe(3);
	});

	it('keeps the sections cursor while a headline list is open, and a new list starts at its top', () => {
		const inList = run(stateOf(sections(4)), {type: 'push', screen: headlines()}, move('last', 12));
		expect(cursorOf(inList)).toBe(11);
		const back = navigate(inList, {type: 'back'});
		expect(cursorOf(back)).toBe(4);
		expect(cursorOf(navigate(back, {type: 'push', screen: headlines(0, {kind: 'all'})}))).toBe(0);
	});

	it('does nothing on back from the first screen', () => {
		const state = stateOf(sections(2));
		expect(navigate(state, {type: 'back'})).toBe(state);
	});

	it('quits when q is pressed on the first screen', () => {
		const state = navigate(stateOf(sections(2)), {type: 'leave'});
		expect(state.quit).toBe(true);
		expect(state.stack).toEqual([sections(2)]);
	});

	it('goes back one screen when q is pressed anywhere else, without quitting', () => {
		const state = navigate(stateOf(sections(), headlines(5), article()), {type: 'leave'});
		expect(state.quit).toBe(false);
		expect(names(state)).toEqual(['sections', 'headlines']);
		expect(cursorOf(state)).toBe(5);
	});

	it('quits at once from deep inside', () => {
		const state = navigate(stateOf(sections(), headlines(), article(), {name: 'help', of: 'article', scroll: 0}), {type: 'quit'});
		expect(state.quit).toBe(true);
	});

	it('never changes the state it was given, so every change is a new state', () => {
		const state = deepFreeze(stateOf(sections(1), headlines(2), article({position: {line: 10, width: 80}, find: 'ferry'})));
		const actions: NavigationAction[] = [
			{type: 'push', screen: {name: 'outline', id: 'world/harbour-vote', cursor: 0}},
			{type: 'replace', screen: article({id: 'other'})},
			{type: 'back'},
			{type: 'leave'},
			{type: 'quit'},
			{type: 'pager-move', move: 'page-down', view: view({top: 10})},
			{type: 'scroll-to', line: 30, view: view()},
			{type: 'set-find', query: 'tide'},
			{type: 'set-related-cursor', cursor: 2},
		];
		for (const action of actions) {
			const next = navigate(state, action);
			expect(next, action.type).not.toBe(state);
		}

		expect(currentScreen(state)).toEqual(article({position: {line: 10, width: 80}, find: 'ferry'}));
		expect(state.quit).toBe(false);
	});
});

describe('moving the cursor in a list', () => {
	const inList = (cursor: number) => stateOf(sections(), headlines(cursor));

	it('moves down and up one item', () => {
		expect(cursorOf(navigate(inList(3), move('down', 10)))).toBe(4);
		expect(cursorOf(navigate(inList(3), move('up', 10)))).toBe(2);
	});

	it('stays on the last item when moving down past the end', () => {
		expect(cursorOf(navigate(inList(9), move('down', 10)))).toBe(9);
	});

	it('stays on the first item when moving up past the top', () => {
		expect(cursorOf(navigate(inList(0), move('up', 10)))).toBe(0);
	});

	it('jumps to the first and the last item', () => {
		expect(cursorOf(navigate(inList(6), move('first', 10)))).toBe(0);
		expect(cursorOf(navigate(inList(2), move('last', 10)))).toBe(9);
	});

	it('moves a screenful at a time with PgDn and PgUp, stopping at the ends', () => {
		expect(cursorOf(navigate(inList(2), move('page-down', 30, 10)))).toBe(12);
		expect(cursorOf(navigate(inList(25), move('page-down', 30, 10)))).toBe(29);
		expect(cursorOf(navigate(inList(15), move('page-up', 30, 10)))).toBe(5);
		expect(cursorOf(navigate(inList(4), move('page-up', 30, 10)))).toBe(0);
	});

	it('still moves one item per PgDn when the list has no room for a page', () => {
		expect(cursorOf(navigate(inList(2), move('page-down', 30, 0)))).toBe(3);
	});

	it('keeps the cursor on 0 in an empty list, whatever the key', () => {
		for (const cursorMove of ['down', 'up', 'first', 'last', 'page-down', 'page-up'] as const) {
			expect(cursorOf(navigate(inList(0), move(cursorMove, 0))), cursorMove).toBe(0);
		}
	});

	it('brings the cursor back into a list that got shorter', () => {
		expect(cursorOf(navigate(inList(12), move('down', 5)))).toBe(4);
	});

	it('moves the outline cursor too', () => {
		const state = stateOf(sections(), headlines(), article(), {name: 'outline', id: 'world/harbour-vote', cursor: 1});
		expect(cursorOf(navigate(state, move('down', 4)))).toBe(2);
	});

	it('puts the cursor on a clicked or remembered item, never above the first', () => {
		expect(cursorOf(navigate(inList(0), {type: 'set-cursor', cursor: 7}))).toBe(7);
		expect(cursorOf(navigate(inList(3), {type: 'set-cursor', cursor: -2}))).toBe(0);
	});

	it('ignores cursor keys on a screen without a list', () => {
		const state = stateOf(sections(), headlines(), article());
		expect(navigate(state, move('down', 10))).toBe(state);
		expect(navigate(state, {type: 'set-cursor', cursor: 4})).toBe(state);
		const search = stateOf(sections(), {name: 'search', query: 'tide'});
		expect(navigate(search, move('down', 10))).toBe(search);
	});
});

describe('the visible window of a long list', () => {
	it('fits as many items as there are rows, at least one', () => {
		expect(visibleItems(20)).toBe(20);
		expect(visibleItems(20, 2)).toBe(10);
		expect(visibleItems(21, 2)).toBe(10);
		expect(visibleItems(1, 3)).toBe(1);
	});

	it('shows the next screenful after PgDn, with the cursor at its top', () => {
		const pageSize = visibleItems(10);
		const state = navigate(stateOf(sections(), headlines(0)), move('page-down', 100, pageSize));
		expect(cursorOf(state)).toBe(10);
		expect(windowStart(cursorOf(state), 100, pageSize)).toBe(10);
	});

	it('keeps the window still while the cursor moves inside it', () => {
		for (let cursor = 10; cursor < 20; cursor++) {
			expect(windowStart(cursor, 100, 10)).toBe(10);
		}
	});

	it('ends the last window on the last item instead of showing empty rows', () => {
		expect(windowStart(24, 25, 10)).toBe(15);
		expect(windowStart(20, 25, 10)).toBe(15);
	});

	it('shows a short list from its first item', () => {
		expect(windowStart(4, 5, 10)).toBe(0);
		expect(windowStart(9, 10, 10)).toBe(0);
	});

	it('always has the cursor on screen', () => {
		for (const count of [1, 7, 10, 11, 33]) {
			for (let cursor = 0; cursor < count; cursor++) {
				const start = windowStart(cursor, count, 10);
				expect(cursor).toBeGreaterThanOrEqual(start);
				expect(cursor).toBeLessThan(start + 10);
				expect(start).toBeGreaterThanOrEqual(0);
			}
		}
	});
});

describe('scrolling an article', () => {
	it('turns to the next page', () => {
		expect(moveFrom(0, 'page-down')).toBe(20);
	});

	it('turns back a page, stopping at the top', () => {
		expect(moveFrom(50, 'page-up')).toBe(30);
		expect(moveFrom(10, 'page-up')).toBe(0);
	});

	it('stops at the last page instead of scrolling past the end', () => {
		expect(moveFrom(75, 'page-down')).toBe(80);
		expect(moveFrom(80, 'page-down')).toBe(80);
	});

	it('goes two pages on two page-downs in a row, even before the screen is redrawn', () => {
		const pagerView = view({top: 0});
		const state = run(
			stateOf(sections(), headlines(), article()),
			{type: 'pager-move', move: 'page-down', view: pagerView},
			{type: 'pager-move', move: 'page-down', view: pagerView},
		);
		expect(shownArticle(state).position).toEqual({line: 40, width: 80});
	});

	it('scrolls one line down and up, not above the first line', () => {
		expect(moveFrom(10, 'line-down')).toBe(11);
		expect(moveFrom(10, 'line-up')).toBe(9);
		expect(moveFrom(0, 'line-up')).toBe(0);
		expect(moveFrom(80, 'line-down')).toBe(80);
	});

	it('scrolls half a page with d and u', () => {
		expect(moveFrom(10, 'half-page-down')).toBe(20);
		expect(moveFrom(30, 'half-page-up')).toBe(20);
		expect(moveFrom(75, 'half-page-down')).toBe(80);
		expect(moveFrom(5, 'half-page-up')).toBe(0);
	});

	it('still scrolls by a line with d on a one-line page', () => {
		expect(moveFrom(10, 'half-page-down', {height: 1})).toBe(11);
	});

	it('jumps to the top and to the last full page', () => {
		expect(moveFrom(55, 'top')).toBe(0);
		expect(moveFrom(5, 'bottom')).toBe(80);
	});

	it('does not scroll an article shorter than the page', () => {
		for (const pagerMove of ['page-down', 'line-down', 'half-page-down', 'bottom'] as const) {
			expect(moveFrom(0, pagerMove, {lineCount: 12}), pagerMove).toBe(0);
		}
	});

	it('remembers the width the position was scrolled at', () => {
		const state = navigate(stateOf(sections(), article()), {type: 'pager-move', move: 'page-down', view: view({width: 64})});
		expect(shownArticle(state).position).toEqual({line: 20, width: 64});
	});

	it('scrolls from the line on screen after a resize, not from a line of the old width', () => {
		const state = stateOf(sections(), article({position: {line: 50, width: 40}}));
		const next = navigate(state, {type: 'pager-move', move: 'line-down', view: view({width: 80, top: 30})});
		expect(shownArticle(next).position).toEqual({line: 31, width: 80});
	});

	it('scrolls from the line on screen when the article has no position yet', () => {
		const state = stateOf(sections(), article());
		const next = navigate(state, {type: 'pager-move', move: 'line-down', view: view({top: 42})});
		expect(shownArticle(next).position).toEqual({line: 43, width: 80});
	});

	it('moves from what is shown after the window grows taller at the end of an article', () => {
		// Scrolled to the end with 20-line pages (top 80); the window grows to 40 rows, so line 60 is drawn
		// at the top. One line up must show line 59 at the top, not leave the screen as it is.
		const state = stateOf(sections(), article({position: {line: 80, width: 80}}));
		const next = navigate(state, {type: 'pager-move', move: 'line-up', view: view({height: 40, top: 60})});
		expect(shownArticle(next).position).toEqual({line: 59, width: 80});
	});

	describe('jumping between subheadings with ] and [', () => {
		const subheadings = [5, 30, 60];

		it('goes to the next subheading below the top line', () => {
			expect(moveFrom(0, 'next-subheading', {subheadings})).toBe(5);
			expect(moveFrom(29, 'next-subheading', {subheadings})).toBe(30);
		});

		it('goes past the subheading at the top to the one after it', () => {
			expect(moveFrom(30, 'next-subheading', {subheadings})).toBe(60);
		});

		it('goes to the previous subheading above the top line', () => {
			expect(moveFrom(30, 'previous-subheading', {subheadings})).toBe(5);
			expect(moveFrom(31, 'previous-subheading', {subheadings})).toBe(30);
		});

		it('stays put after the last subheading and before the first', () => {
			expect(moveFrom(60, 'next-subheading', {subheadings})).toBe(60);
			expect(moveFrom(70, 'next-subheading', {subheadings})).toBe(70);
			expect(moveFrom(5, 'previous-subheading', {subheadings})).toBe(5);
			expect(moveFrom(3, 'previous-subheading', {subheadings})).toBe(3);
		});

		it('stays put in an article without subheadings', () => {
			expect(moveFrom(12, 'next-subheading')).toBe(12);
			expect(moveFrom(12, 'previous-subheading')).toBe(12);
		});

		it('scrolls only to the last full page for a subheading near the end', () => {
			expect(moveFrom(10, 'next-subheading', {subheadings: [95]})).toBe(80);
		});
	});

	describe('jumping between find matches with n and N', () => {
		const matches = [8, 12, 47];

		it('goes to the next match below the top line', () => {
			expect(moveFrom(0, 'next-match', {matches})).toBe(8);
			expect(moveFrom(8, 'next-match', {matches})).toBe(12);
			expect(moveFrom(12, 'next-match', {matches})).toBe(47);
		});

		it('goes to the previous match above the top line', () => {
			expect(moveFrom(47, 'previous-match', {matches})).toBe(12);
			expect(moveFrom(40, 'previous-match', {matches})).toBe(12);
		});

		it('stays put when there is no further match', () => {
			expect(moveFrom(47, 'next-match', {matches})).toBe(47);
			expect(moveFrom(8, 'previous-match', {matches})).toBe(8);
			expect(moveFrom(20, 'next-match')).toBe(20);
		});

		it('does not use the subheadings for matches', () => {
			expect(moveFrom(0, 'next-match', {subheadings: [3], matches: [50]})).toBe(50);
		});
	});

	it('jumps to a line picked in the outline, within the article', () => {
		const state = stateOf(sections(), article({position: {line: 70, width: 80}}));
		expect(shownArticle(navigate(state, {type: 'scroll-to', line: 37, view: view()})).position).toEqual({line: 37, width: 80});
		expect(shownArticle(navigate(state, {type: 'scroll-to', line: 500, view: view()})).position).toEqual({line: 80, width: 80});
		expect(shownArticle(navigate(state, {type: 'scroll-to', line: -4, view: view()})).position).toEqual({line: 0, width: 80});
	});

	it('keeps each article scrolled where it was when going back to it', () => {
		const state = run(
			stateOf(sections(), headlines(), article({position: {line: 33, width: 80}})),
			{type: 'push', screen: {name: 'outline', id: 'world/harbour-vote', cursor: 0}},
			{type: 'back'},
		);
		expect(shownArticle(state).position).toEqual({line: 33, width: 80});
	});

	it('ignores scrolling when no article is showing', () => {
		const state = stateOf(sections(), headlines());
		expect(navigate(state, {type: 'pager-move', move: 'page-down', view: view()})).toBe(state);
		expect(navigate(state, {type: 'scroll-to', line: 10, view: view()})).toBe(state);
	});
});

describe('find, search and related articles', () => {
	it('remembers the text found in the article', () => {
		const state = navigate(stateOf(sections(), article()), {type: 'set-find', query: 'ferry'});
		expect(shownArticle(state).find).toBe('ferry');
	});

	it('clears the find when it is set to nothing or to empty text', () => {
		const finding = stateOf(sections(), article({find: 'ferry'}));
		expect(shownArticle(navigate(finding, {type: 'set-find', query: undefined})).find).toBeUndefined();
		expect(shownArticle(navigate(finding, {type: 'set-find', query: ''})).find).toBeUndefined();
	});

	it('keeps the search text as it is typed', () => {
		const searching = stateOf(sections(), {name: 'search', query: 'har'});
		expect(currentScreen(navigate(searching, {type: 'set-query', query: 'harbour'}))).toEqual({name: 'search', query: 'harbour'});
		const finding = stateOf(sections(), article(), {name: 'find', id: 'world/harbour-vote', query: ''});
		expect(currentScreen(navigate(finding, {type: 'set-query', query: 'tide'}))).toEqual({name: 'find', id: 'world/harbour-vote', query: 'tide'});
	});

	it('highlights another related article', () => {
		const state = navigate(stateOf(sections(), article()), {type: 'set-related-cursor', cursor: 2});
		expect(shownArticle(state).relatedCursor).toBe(2);
	});

	it('ignores find, search text and related articles on screens they do not belong to', () => {
		const list = stateOf(sections(), headlines());
		expect(navigate(list, {type: 'set-find', query: 'ferry'})).toBe(list);
		expect(navigate(list, {type: 'set-related-cursor', cursor: 1})).toBe(list);
		expect(navigate(list, {type: 'set-query', query: 'ferry'})).toBe(list);
		const reading = stateOf(sections(), article());
		expect(navigate(reading, {type: 'set-query', query: 'ferry'})).toBe(reading);
	});

	it('changes only the screen showing, not the article under the find prompt', () => {
		const state = stateOf(sections(), article(), {name: 'find', id: 'world/harbour-vote', query: 'tid'});
		expect(navigate(state, {type: 'set-find', query: 'tide'})).toBe(state);
		expect(navigate(state, {type: 'pager-move', move: 'page-down', view: view()})).toBe(state);
	});
});
