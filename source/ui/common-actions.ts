// Actions every screen handles the same way: cursor moves, back, quit, help, search.
import type {Action} from './keymap.js';
import type {CursorMove, NavigationAction, Screen} from './navigation.js';

const cursorMoves: Partial<Record<Action, CursorMove>> = {
	'cursor-down': 'down',
	'cursor-up': 'up',
	'cursor-first': 'first',
	'cursor-last': 'last',
	'cursor-page-down': 'page-down',
	'cursor-page-up': 'page-up',
	'cursor-half-page-down': 'page-down',
	'cursor-half-page-up': 'page-up',
};

/** Moves of half a screenful: a page move by half the page size. */
const halfMoves: ReadonlySet<Action> = new Set(['cursor-half-page-down', 'cursor-half-page-up']);

export type CommonActionContext = {
	/** The screen the action comes from (help shows its keys). */
	screen: Screen['name'];
	/** Keys of the items in the screen's list, in order, for cursor moves. @default no items */
	keys?: readonly string[];
	/** Items on one screenful, for PgDn/PgUp. @default 1 */
	pageSize?: number;
};

/** Dispatches the navigation for a common action; false when the action is not a common one. */
export function handleCommonAction(action: Action, dispatch: (action: NavigationAction) => void, context: CommonActionContext): boolean {
	const move = cursorMoves[action];
	if (move) {
		const pageSize = context.pageSize ?? 1;
		dispatch({type: 'move-cursor', move, keys: context.keys ?? [], pageSize: halfMoves.has(action) ? Math.max(1, Math.floor(pageSize / 2)) : pageSize});
		return true;
	}

	const navigation: Partial<Record<Action, NavigationAction>> = {
		back: {type: 'back'},
		leave: {type: 'leave'},
		quit: {type: 'quit'},
		help: {type: 'push', screen: {name: 'help', of: context.screen, scroll: 0}},
		search: {type: 'push', screen: {name: 'search', query: ''}},
	};
	const target = navigation[action];
	if (target) {
		dispatch(target);
		return true;
	}

	return false;
}
