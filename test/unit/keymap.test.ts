import type {Key} from 'ink';
import {noKey} from '../../source/ui/key-router.js';
import {describe, expect, it} from 'vitest';
import {type Action, bindings, helpFor, hintsFor, keyLabel, keyName, resolveKey, type Scope} from '../../source/ui/keymap.js';

// --- Helpers

type KeyFlag = Exclude<keyof Key, 'eventType'>;

/** An Ink key event with every flag off except the given ones. */
function key(...flags: KeyFlag[]): Key {
	const event: Key = {...noKey};
	for (const flag of flags) {
		event[flag] = true;
	}

	return event;
}

/** The pager's isEnabled: n, N and Esc act on the find only while there is one; n is next-article otherwise. */
function pagerEnabled(finding: boolean): (action: Action) => boolean {
	return action => {
		if (action === 'next-match' || action === 'previous-match' || action === 'clear-find') {
			return finding;
		}

		return action !== 'next-article' || !finding;
	};
}

const allScopes: readonly Scope[] = ['global', 'list', 'pager', 'outline', 'help', 'find'];

/** The scopes of each screen that shows hints (the text prompts show none). */
const screensWithHints: ReadonlyArray<readonly Scope[]> = [['list'], ['pager'], ['outline'], ['help']];

// --- Tests

describe('keyName', () => {
	it('names the arrow keys', () => {
		expect(keyName('', key('upArrow'))).toBe('up');
		expect(keyName('', key('downArrow'))).toBe('down');
		expect(keyName('', key('leftArrow'))).toBe('left');
		expect(keyName('', key('rightArrow'))).toBe('right');
	});

	it('names PgUp, PgDn, Home and End', () => {
		expect(keyName('', key('pageUp'))).toBe('pageup');
		expect(keyName('', key('pageDown'))).toBe('pagedown');
		expect(keyName('', key('home'))).toBe('home');
		expect(keyName('', key('end'))).toBe('end');
	});

	it('names Enter and Esc, also as Ink reports Esc (with meta set)', () => {
		expect(keyName('\r', key('return'))).toBe('enter');
		expect(keyName('', key('escape'))).toBe('escape');
		expect(keyName('', key('escape', 'meta'))).toBe('escape');
	});

	it('tells Tab from Shift+Tab', () => {
		expect(keyName('', key('tab'))).toBe('tab');
		expect(keyName('', key('tab', 'shift'))).toBe('shift+tab');
	});

	it('names Backspace, also when the terminal sends it as delete', () => {
		expect(keyName('', key('backspace'))).toBe('backspace');
		expect(keyName('', key('delete'))).toBe('backspace');
	});

	it('names Ctrl+C', () => {
		expect(keyName('c', key('ctrl'))).toBe('ctrl+c');
	});

	it('names the space bar', () => {
		expect(keyName(' ', key())).toBe('space');
	});

	it('keeps plain letters and punctuation as typed, capitals included', () => {
		expect(keyName('j', key())).toBe('j');
		expect(keyName('G', key('shift'))).toBe('G');
		expect(keyName('/', key())).toBe('/');
		expect(keyName('?', key())).toBe('?');
		expect(keyName(']', key())).toBe(']');
	});
});

describe('resolveKey', () => {
	it('lets the screen’s own key win over the global one: / finds in an article and searches elsewhere', () => {
		expect(resolveKey(['pager'], '/')).toBe('find');
		expect(resolveKey(['list'], '/')).toBe('search');
		expect(resolveKey(['outline'], '/')).toBe('search');
	});

	it('goes back with q and opens the help with ? on every screen', () => {
		for (const scopes of [['list'], ['pager'], ['outline'], ['help']] as const) {
			expect(resolveKey(scopes, 'q'), scopes[0]).toBe('leave');
			expect(resolveKey(scopes, '?'), scopes[0]).toBe('help');
			expect(resolveKey(scopes, 'Q'), scopes[0]).toBe('quit');
			expect(resolveKey(scopes, 'ctrl+c'), scopes[0]).toBe('quit');
		}
	});

	it('turns n into next match while a find is active, and next article otherwise', () => {
		expect(resolveKey(['pager'], 'n', pagerEnabled(true))).toBe('next-match');
		expect(resolveKey(['pager'], 'n', pagerEnabled(false))).toBe('next-article');
		expect(resolveKey(['pager'], 'N', pagerEnabled(true))).toBe('previous-match');
		expect(resolveKey(['pager'], 'N', pagerEnabled(false))).toBeUndefined();
	});

	it('clears the find with Esc while a find is active', () => {
		expect(resolveKey(['pager'], 'escape', pagerEnabled(true))).toBe('clear-find');
	});

	it('goes back to the list with Esc in an article when no find is active', () => {
		expect(resolveKey(['pager'], 'escape', pagerEnabled(false))).toBe('back');
	});

	it('treats q, ? and / as text while typing', () => {
		for (const name of ['q', '?', '/', 'Q', 'j']) {
			expect(resolveKey(['find'], name, undefined, false), name).toBeUndefined();
		}

		expect(resolveKey(['find'], 'escape', undefined, false)).toBe('back');
		expect(resolveKey(['find'], 'enter', undefined, false)).toBe('open');
	});

	it('ignores keys bound to nothing', () => {
		expect(resolveKey(['list'], 'x')).toBeUndefined();
		expect(resolveKey(['pager'], 'shift+tab')).toBeUndefined();
	});
});

describe('the key table', () => {
	it('binds a key to two actions on one screen only where the screen picks one by whether a find is active', () => {
		const overlaps: string[] = [];
		for (const scope of allScopes) {
			const actionsByKey = new Map<string, Set<Action>>();
			for (const binding of bindings.filter(candidate => candidate.scope === scope)) {
				for (const name of binding.keys) {
					actionsByKey.set(name, (actionsByKey.get(name) ?? new Set()).add(binding.action));
				}
			}

			for (const [name, actions] of actionsByKey) {
				if (actions.size > 1) {
					overlaps.push(`${scope} ${name}: ${[...actions].sort().join(', ')}`);
				}
			}
		}

		expect(overlaps.sort()).toEqual([
			'pager escape: back, clear-find',
			'pager n: next-article, next-match',
		]);
	});

	it('never lists the same key twice for one action', () => {
		for (const binding of bindings) {
			expect(new Set(binding.keys).size, `${binding.scope} ${binding.action}`).toBe(binding.keys.length);
		}
	});

	it('leaves the digits 1 to 9 free on every screen', () => {
		for (const digit of '123456789') {
			for (const scope of allScopes) {
				expect(resolveKey([scope], digit), `${scope} ${digit}`).toBeUndefined();
			}
		}
	});

	it('has every key the article pager needs', () => {
		const expected: Array<[string, Action]> = [
			['space', 'page-down'],
			['f', 'page-down'],
			['pagedown', 'page-down'],
			['b', 'page-up'],
			['pageup', 'page-up'],
			['j', 'line-down'],
			['down', 'line-down'],
			['k', 'line-up'],
			['up', 'line-up'],
			['d', 'half-page-down'],
			['u', 'half-page-up'],
			['g', 'top'],
			['G', 'bottom'],
			[']', 'next-subheading'],
			['[', 'previous-subheading'],
			['t', 'outline'],
			['n', 'next-article'],
			['p', 'previous-article'],
			['o', 'open-source'],
			['c', 'comments'],
			['s', 'save'],
			['/', 'find'],
			['?', 'help'],
			['q', 'leave'],
			['Q', 'quit'],
			['ctrl+c', 'quit'],
		];
		const actual = expected.map(([name]) => [name, resolveKey(['pager'], name, pagerEnabled(false))]);
		expect(actual).toEqual(expected);
	});

	it('describes every binding with a help line and at least one key', () => {
		for (const binding of bindings) {
			expect(binding.keys.length, binding.action).toBeGreaterThan(0);
			expect(binding.help.trim(), binding.action).not.toBe('');
		}
	});
});

describe('help and hints', () => {
	it('lists the pager keys first, in the order of the table, then the keys that work everywhere', () => {
		const help = helpFor(['pager']);
		const pager = bindings.filter(binding => binding.scope === 'pager');
		expect(help.slice(0, pager.length)).toEqual(pager);
		const rest = help.slice(pager.length);
		expect(rest.every(binding => binding.scope === 'global')).toBe(true);
		expect(rest.map(binding => binding.action)).toEqual(expect.arrayContaining(['help', 'leave', 'quit']));
	});

	it('lists the list keys first, then every global key, in the order of the table', () => {
		expect(helpFor(['list'])).toEqual([...bindings.filter(binding => binding.scope === 'list'), ...bindings.filter(binding => binding.scope === 'global')]);
	});

	it('shows short hints like "Space page" and "? help" in the status bar', () => {
		const hints = hintsFor(['pager']);
		expect(hints).toContain('Space page');
		expect(hints).toContain('] section');
		expect(hints).toContain('t outline');
		expect(hints).toContain('/ find');
		expect(hints).toContain('? help');
		expect(hints).toContain('q back');
		expect(hintsFor(['list'])).toEqual(['Enter open', 'j move', '? help', 'q back', '/ search']);
	});

	it('never shows the same hint twice', () => {
		for (const scopes of screensWithHints) {
			const hints = hintsFor(scopes);
			expect(new Set(hints).size, scopes[0]).toBe(hints.length);
			const labels = hints.map(hint => hint.slice(hint.indexOf(' ') + 1));
			expect(new Set(labels).size, scopes[0]).toBe(labels.length);
		}
	});

	it('only shows hints whose key does that on the screen', () => {
		for (const scopes of screensWithHints) {
			for (const binding of helpFor(scopes).filter(candidate => candidate.hint)) {
				const name = binding.keys[0] ?? '';
				const label = `${keyLabel(name)} ${binding.hint}`;
				if (hintsFor(scopes).includes(label)) {
					expect(resolveKey(scopes, name), `${scopes[0]}: ${label}`).toBe(binding.action);
				}
			}
		}
	});

	it('writes keys the way people read them', () => {
		expect(keyLabel('space')).toBe('Space');
		expect(keyLabel('pagedown')).toBe('PgDn');
		expect(keyLabel('pageup')).toBe('PgUp');
		expect(keyLabel('escape')).toBe('Esc');
		expect(keyLabel('enter')).toBe('Enter');
		expect(keyLabel('ctrl+c')).toBe('Ctrl+C');
		expect(keyLabel('down')).toBe('↓');
		expect(keyLabel('j')).toBe('j');
	});
});
