// A list's cursor follows its item by key, without Ink: entries appearing or going above it leave the
// same item highlighted; when the item itself is gone the cursor stays where it was, inside the list.
import {describe, expect, it} from 'vitest';
import {currentScreen, listCursor, navigate, type NavigationAction, type NavigationState, type Screen} from '../../source/ui/navigation.js';

const sections = ['section:World', 'section:Science', 'section:Business', 'section:Sport', 'all', 'saved'];
const withContinue = ['continue', ...sections];

function state(...stack: Screen[]): NavigationState {
	return {stack, quit: false};
}

function top(navigation: NavigationState): Screen {
	return currentScreen(navigation);
}

function move(keys: readonly string[], direction: 'down' | 'up' | 'first' | 'last' = 'down'): NavigationAction {
	return {type: 'move-cursor', move: direction, keys, pageSize: 10};
}

function cursorOf(screen: Screen, keys: readonly string[]): number {
	if (!('cursor' in screen)) {
		throw new Error(`the ${screen.name} screen has no list`);
	}

	return listCursor(screen, keys);
}

describe('a list cursor tracked by key', () => {
	it('stays on Sport when "Continue reading" appears above it', () => {
		const onSport = [move(sections), move(sections), move(sections)].reduce(navigate, state({name: 'sections', cursor: 0}));
		expect(cursorOf(top(onSport), sections)).toBe(3);
		expect(cursorOf(top(onSport), withContinue)).toBe(4);
	});

	it('moves on from where its item is now, not from the index it had', () => {
		const onSport = state({name: 'sections', cursor: 3, cursorKey: 'section:Sport'});
		const next = navigate(onSport, move(withContinue));
		expect(top(next)).toMatchObject({cursor: 5, cursorKey: 'all'});
	});

	it('stays on an item put under it by key (an entry opened, a comment posted)', () => {
		const opened = navigate(state({name: 'sections', cursor: 0}), {type: 'set-cursor', cursor: 0, key: 'section:World'});
		expect(cursorOf(top(opened), withContinue)).toBe(1);
	});

	it('stays at its index when its item is gone (an article removed from Saved), inside the shorter list', () => {
		const onThird = state({name: 'headlines', source: {kind: 'saved'}, cursor: 2, cursorKey: 'c'});
		expect(cursorOf(top(onThird), ['a', 'b', 'd', 'e'])).toBe(2);
		expect(cursorOf(top(onThird), ['a', 'b'])).toBe(1);
		expect(cursorOf(top(onThird), [])).toBe(0);
	});

	it('follows the index alone before the first move, as a list opens at its top', () => {
		expect(cursorOf({name: 'comments', id: 'world/harbour-vote', cursor: 0}, ['c1', 'c2'])).toBe(0);
	});

	it('a cursor put by index alone forgets the key it had', () => {
		const onSport = state({name: 'sections', cursor: 3, cursorKey: 'section:Sport'});
		const reset = navigate(onSport, {type: 'set-cursor', cursor: 0});
		expect(cursorOf(top(reset), withContinue)).toBe(0);
	});
});
