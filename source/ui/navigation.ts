// The one navigation reducer: which screen is showing, what is under each cursor, where each article
// is scrolled to. Pure: the screens pass in the counts and targets they know (items, lines, height).

/** What a headline list shows. */
export type ListSource =
	| {kind: 'section'; name: string}
	| {kind: 'all'}
	| {kind: 'saved'}
	| {kind: 'search'; query: string};

/** Where an article is scrolled to: a top line in the layout for `width`. */
export type PagerPosition = {line: number; width: number};

/**
 * A list's cursor. The key of the item under it is what counts, so the same item stays highlighted
 * when items appear or go above it; the index is where the cursor stays when that item is gone.
 */
export type ListCursor = {
	/** Index of the highlighted item, as it was when the cursor last moved. */
	cursor: number;
	/** Key of the highlighted item (an article id, a section entry's key); none before the first move. */
	cursorKey?: string;
};

export type Screen =
	| ({name: 'sections'} & ListCursor)
	| ({name: 'headlines'; source: ListSource} & ListCursor)
	| {name: 'article'; id: string; source?: ListSource; position?: PagerPosition; find?: string; relatedCursor: number}
	| ({name: 'outline'; id: string} & ListCursor)
	| {name: 'help'; of: Screen['name']; scroll: number}
	| {name: 'search'; query: string}
	| {name: 'add-feed'; query: string}
	| {name: 'find'; id: string; query: string}
	| ({name: 'comments'; id: string} & ListCursor);

export type NavigationState = {
	/** Screens from the first (sections) to the one showing. Never empty. */
	stack: Screen[];
	/** Set when the reader should exit. */
	quit: boolean;
};

export type CursorMove = 'down' | 'up' | 'first' | 'last' | 'page-down' | 'page-up';

export type NavigationAction =
	| {type: 'push'; screen: Screen}
	| {type: 'replace'; screen: Screen}
	| {type: 'back'}
	| {type: 'leave'}
	| {type: 'quit'}
	/** Moves a list's cursor; `keys` are the keys of the list's items as shown now, in order. */
	| {type: 'move-cursor'; move: CursorMove; keys: readonly string[]; pageSize: number}
	/** Puts a list's cursor on an item: its index, and its key when known. */
	| {type: 'set-cursor'; cursor: number; key?: string}
	| {type: 'scroll-to'; line: number; view: PagerView}
	| {type: 'pager-move'; move: PagerMove; view: PagerView}
	| {type: 'set-find'; query: string | undefined}
	| {type: 'set-query'; query: string}
	| {type: 'set-related-cursor'; cursor: number};

/** Pager keys whose action is a move of the top line; their action names are the moves. */
export const pagerMoves = [
	'page-down',
	'page-up',
	'line-down',
	'line-up',
	'half-page-down',
	'half-page-up',
	'top',
	'bottom',
	'next-subheading',
	'previous-subheading',
	'next-match',
	'previous-match',
] as const;

export type PagerMove = (typeof pagerMoves)[number];

export function isPagerMove(action: string): action is PagerMove {
	return (pagerMoves as readonly string[]).includes(action);
}

/** What the pager shows now: the reducer moves within it. */
export type PagerView = {
	/** Columns of the terminal: a position is kept for one width. */
	width: number;
	/** Lines on a page. */
	height: number;
	/** Lines in the article, end matter included. */
	lineCount: number;
	/** The top line as drawn now (the stored position may be for another width). */
	top: number;
	/** Line indices of subheadings, ascending. */
	subheadings: readonly number[];
	/** Line indices of find matches, ascending. */
	matches: readonly number[];
};

export const initialNavigation: NavigationState = {stack: [{name: 'sections', cursor: 0}], quit: false};

/** The screen showing: the top of the stack. */
export function currentScreen(state: NavigationState): Screen {
	return state.stack.at(-1) ?? {name: 'sections', cursor: 0};
}

/** The navigation reducer. */
export function navigate(state: NavigationState, action: NavigationAction): NavigationState {
	switch (action.type) {
		case 'push': {
			return {...state, stack: [...state.stack, action.screen]};
		}

		case 'replace': {
			return {...state, stack: [...state.stack.slice(0, -1), action.screen]};
		}

		case 'back': {
			return state.stack.length <= 1 ? state : {...state, stack: popScreen(state.stack)};
		}

		case 'leave': {
			return state.stack.length <= 1 ? {...state, quit: true} : {...state, stack: popScreen(state.stack)};
		}

		case 'quit': {
			return {...state, quit: true};
		}

		case 'move-cursor': {
			return updateTop(state, screen => {
				if (!('cursor' in screen)) {
					return screen;
				}

				const cursor = moveCursor(listCursor(screen, action.keys), action);
				return {...screen, cursor, cursorKey: action.keys[cursor]};
			});
		}

		case 'set-cursor': {
			return updateTop(state, screen => ('cursor' in screen ? {...screen, cursor: Math.max(0, action.cursor), cursorKey: action.key} : screen));
		}

		case 'scroll-to': {
			return scrollArticle(state, () => action.line, action.view);
		}

		case 'pager-move': {
			return scrollArticle(state, top => pagerTarget(top, action.move, action.view), action.view);
		}

		case 'set-find': {
			return updateTop(state, screen => (screen.name === 'article' ? {...screen, find: action.query || undefined} : screen));
		}

		case 'set-query': {
			return updateTop(state, screen => (screen.name === 'search' || screen.name === 'find' || screen.name === 'add-feed' ? {...screen, query: action.query} : screen));
		}

		case 'set-related-cursor': {
			return updateTop(state, screen => (screen.name === 'article' ? {...screen, relatedCursor: action.cursor} : screen));
		}
	}
}

/** The stack without its top; back from an article (after n, p), the headline list's cursor is on the article last read. */
function popScreen(stack: readonly Screen[]): Screen[] {
	const left = stack.at(-1);
	const rest = stack.slice(0, -1);
	const below = rest.at(-1);
	if (left?.name === 'article' && below?.name === 'headlines') {
		return [...rest.slice(0, -1), {...below, cursorKey: left.id}];
	}

	return rest;
}

function updateTop(state: NavigationState, update: (screen: Screen) => Screen): NavigationState {
	const top = currentScreen(state);
	const next = update(top);
	return next === top ? state : {...state, stack: [...state.stack.slice(0, -1), next]};
}

function scrollArticle(state: NavigationState, target: (top: number) => number, view: PagerView): NavigationState {
	return updateTop(state, screen => {
		if (screen.name !== 'article') {
			return screen;
		}

		const top = screen.position?.width === view.width ? Math.min(screen.position.line, maxTopLine(view)) : view.top;
		const line = clamp(target(top), 0, maxTopLine(view));
		return {...screen, position: {line, width: view.width}};
	});
}

/** The top line a pager move leads to from the top drawn now: the same line when it cannot move. */
export function pagerMoveTop(move: PagerMove, view: PagerView): number {
	return clamp(pagerTarget(view.top, move, view), 0, maxTopLine(view));
}

/** The last line that can be at the top: the final page is full, not one line of text. */
export function maxTopLine(view: Pick<PagerView, 'lineCount' | 'height'>): number {
	return Math.max(0, view.lineCount - view.height);
}

function pagerTarget(top: number, move: PagerMove, view: PagerView): number {
	const {height} = view;
	const half = Math.max(1, Math.floor(height / 2));
	switch (move) {
		case 'page-down': {
			return top + height;
		}

		case 'page-up': {
			return top - height;
		}

		case 'line-down': {
			return top + 1;
		}

		case 'line-up': {
			return top - 1;
		}

		case 'half-page-down': {
			return top + half;
		}

		case 'half-page-up': {
			return top - half;
		}

		case 'top': {
			return 0;
		}

		case 'bottom': {
			return maxTopLine(view);
		}

		case 'next-subheading':
		case 'next-match': {
			const lines = move === 'next-subheading' ? view.subheadings : view.matches;
			return lines.find(line => line > top) ?? top;
		}

		case 'previous-subheading':
		case 'previous-match': {
			const lines = move === 'previous-subheading' ? view.subheadings : view.matches;
			return lines.findLast(line => line < top) ?? top;
		}
	}
}

/** Where a list's cursor is among items with these keys: on its item, else at its index kept in the list. */
export function listCursor(cursor: ListCursor, keys: readonly string[]): number {
	// The item is mostly where the cursor last was: found at once, whatever the length of the list.
	if (cursor.cursorKey !== undefined && keys[cursor.cursor] === cursor.cursorKey) {
		return cursor.cursor;
	}

	const byKey = cursor.cursorKey === undefined ? -1 : indexOfKey(keys, cursor.cursorKey);
	return byKey === -1 ? clamp(cursor.cursor, 0, Math.max(0, keys.length - 1)) : byKey;
}

/** Each list's keys to their first index, made once per list (the lists are not changed, a changed list is a new array). */
const keyIndexes = new WeakMap<readonly string[], Map<string, number>>();

function indexOfKey(keys: readonly string[], key: string): number {
	let indexes = keyIndexes.get(keys);
	if (!indexes) {
		indexes = new Map();
		for (const [index, each] of keys.entries()) {
			if (!indexes.has(each)) {
				indexes.set(each, index);
			}
		}

		keyIndexes.set(keys, indexes);
	}

	return indexes.get(key) ?? -1;
}

function moveCursor(cursor: number, {move, keys, pageSize}: {move: CursorMove; keys: readonly string[]; pageSize: number}): number {
	const last = Math.max(0, keys.length - 1);
	const page = Math.max(1, pageSize);
	const targets: Record<CursorMove, number> = {
		down: cursor + 1,
		up: cursor - 1,
		first: 0,
		last,
		'page-down': cursor + page,
		'page-up': cursor - page,
	};
	return clamp(targets[move], 0, last);
}

function clamp(value: number, min: number, max: number): number {
	return Math.min(Math.max(value, min), max);
}
