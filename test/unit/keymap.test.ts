import type {Key} from 'ink';
import {noKey} from '../../source/ui/key-router.js';
import {describe, expect, it} from 'vitest';
import {type Action, type Binding, bindings, defineBindings, helpFor, hintsFor, isKeyName, keyLabel, keyName, resolveKey, type Scope} from '../../source/ui/keymap.js';

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

const allScopes: readonly Scope[] = ['global', 'list', 'sections', 'headlines', 'pager', 'outline', 'help', 'find', 'search', 'comments', 'form', 'confirm'];

/** A binding for the table checks: `open` on Enter in the list. */
function binding(overrides: Partial<Binding>): Binding {
	return {scope: 'list', action: 'open', keys: ['enter'], help: 'open', ...overrides};
}

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
		expect(resolveKey(['list', 'sections'], '/')).toBe('search');
		expect(resolveKey(['outline'], '/')).toBe('search');
	});

	it('goes back with q and opens the help with ? on every screen but the help itself', () => {
		for (const scopes of [['list', 'sections'], ['list', 'headlines'], ['pager'], ['outline'], ['comments']] as const) {
			expect(resolveKey(scopes, 'q'), scopes.join()).toBe('leave');
			expect(resolveKey(scopes, '?'), scopes.join()).toBe('help');
			expect(resolveKey(scopes, 'Q'), scopes.join()).toBe('quit');
			expect(resolveKey(scopes, 'ctrl+c'), scopes.join()).toBe('quit');
		}

		expect(resolveKey(['help'], '?')).toBeUndefined();
		expect(resolveKey(['help'], 'q')).toBe('leave');
	});

	it('has no / on the comments screen: it does not search from there', () => {
		expect(resolveKey(['comments'], '/')).toBeUndefined();
	});

	it('turns n into next match while a find is active, and next article otherwise', () => {
		expect(resolveKey(['pager'], 'n', {finding: true})).toBe('next-match');
		expect(resolveKey(['pager'], 'n', {finding: false})).toBe('next-article');
		expect(resolveKey(['pager'], 'n')).toBe('next-article');
		expect(resolveKey(['pager'], 'N', {finding: true})).toBe('previous-match');
		expect(resolveKey(['pager'], 'N', {finding: false})).toBeUndefined();
	});

	it('clears the find with Esc while a find is active, and goes back to the list otherwise', () => {
		expect(resolveKey(['pager'], 'escape', {finding: true})).toBe('clear-find');
		expect(resolveKey(['pager'], 'escape', {finding: false})).toBe('back');
		expect(resolveKey(['pager'], 'h', {finding: true})).toBe('back');
	});

	it('treats q, ? and / as text while typing: the find, form and question scopes take no global keys', () => {
		for (const scope of ['find', 'form'] as const) {
			for (const name of ['q', '?', '/', 'Q', 'j', 'ctrl+c']) {
				expect(resolveKey([scope], name), `${scope} ${name}`).toBeUndefined();
			}
		}

		expect(resolveKey(['confirm'], '?')).toBeUndefined();
		expect(resolveKey(['confirm'], 'q')).toBe('cancel');
		expect(resolveKey(['find'], 'escape')).toBe('back');
		expect(resolveKey(['find'], 'enter')).toBe('open');
	});

	it('marks articles read with m only where the list holds articles', () => {
		expect(resolveKey(['list', 'headlines'], 'm')).toBe('toggle-read');
		expect(resolveKey(['list', 'sections'], 'm')).toBeUndefined();
		expect(resolveKey(['list', 'sections'], 'M')).toBe('mark-all-read');
		expect(resolveKey(['list', 'sections'], 'escape')).toBeUndefined();
	});

	it('ignores keys bound to nothing', () => {
		expect(resolveKey(['list', 'headlines'], 'x')).toBeUndefined();
		expect(resolveKey(['pager'], 'shift+tab')).toBeUndefined();
	});
});

describe('building the key table', () => {
	it('throws at once on a key name nobody can press, naming it', () => {
		expect(() => defineBindings([binding({keys: ['pagedwn']})])).toThrow('Unknown key name "pagedwn" in the list binding for open');
		expect(() => defineBindings([binding({keys: ['ctrl+']})])).toThrow('Unknown key name "ctrl+"');
		expect(() => defineBindings([binding({keys: ['Enter']})])).toThrow('Unknown key name "Enter"');
		expect(() => defineBindings([binding({keys: [' ']})])).toThrow('Unknown key name " "');
	});

	it('accepts the names keyName produces', () => {
		for (const name of ['pagedown', 'shift+tab', 'ctrl+s', 'space', 'G', '?', ']']) {
			expect(isKeyName(name), name).toBe(true);
		}

		expect(defineBindings([binding({keys: ['pagedown', 'ctrl+s', 'G']})])).toHaveLength(1);
	});

	it('throws when one key means two things in a scope at the same time', () => {
		expect(() => defineBindings([binding({}), binding({action: 'back', keys: ['h', 'enter']})])).toThrow('Key "enter" is bound to both open and back in the list scope');
		expect(() => defineBindings([binding({when: 'finding'}), binding({action: 'back'})])).toThrow('Key "enter"');
		expect(() => defineBindings([binding({when: 'finding'}), binding({action: 'back', when: 'finding'})])).toThrow('Key "enter"');
	});

	it('allows one key for two actions when their conditions exclude each other, or in two scopes', () => {
		expect(defineBindings([binding({when: 'finding'}), binding({action: 'back', when: '!finding'})])).toHaveLength(2);
		expect(defineBindings([binding({}), binding({scope: 'pager', action: 'back'})])).toHaveLength(2);
	});

	it('throws on a binding without keys or with a key twice', () => {
		expect(() => defineBindings([binding({keys: []})])).toThrow('needs its keys');
		expect(() => defineBindings([binding({keys: ['j', 'j']})])).toThrow('needs its keys');
	});
});

describe('the key table', () => {
	it('binds a key to two actions on one screen only where a find picks one', () => {
		const overlaps = bindings
			.flatMap((first, index) => bindings.slice(index + 1).filter(second => second.scope === first.scope && second.action !== first.action && second.keys.some(name => first.keys.includes(name))).map(second => `${first.scope} ${first.action}/${second.action}`))
			.sort();
		expect(overlaps).toEqual(['pager clear-find/back', 'pager next-article/next-match']);
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
			['J', 'next-article'],
			['K', 'previous-article'],
			['ctrl+f', 'page-down'],
			['ctrl+b', 'page-up'],
			['ctrl+d', 'half-page-down'],
			['ctrl+u', 'half-page-up'],
			['o', 'open-source'],
			['c', 'comments'],
			['s', 'save'],
			['/', 'find'],
			['?', 'help'],
			['q', 'leave'],
			['Q', 'quit'],
			['ctrl+c', 'quit'],
		];
		const actual = expected.map(([name]) => [name, resolveKey(['pager'], name)]);
		expect(actual).toEqual(expected);
	});

	it('describes every binding with a help line', () => {
		for (const each of bindings) {
			expect(each.help.trim(), each.action).not.toBe('');
		}
	});
});

describe('help and hints', () => {
	it('lists the pager keys first, in the order of the table, then the keys that work everywhere but /', () => {
		const help = helpFor(['pager']);
		const pager = bindings.filter(each => each.scope === 'pager');
		expect(help.slice(0, pager.length)).toEqual(pager);
		expect(help.slice(pager.length).map(each => `${each.action} ${each.keys.join(' ')}`)).toEqual(['help ?', 'leave q', 'quit Q ctrl+c']);
	});

	it('lists only the keys that reach a global binding: Q quits nowhere it means something else', () => {
		expect(helpFor(['confirm']).map(each => each.action)).toEqual(['confirm', 'cancel', 'keep-draft']);
		expect(helpFor(['help']).filter(each => each.scope === 'global').map(each => each.action)).toEqual(['leave', 'quit', 'search']);
		expect(helpFor(['comments']).filter(each => each.scope === 'global').map(each => each.action)).toEqual(['help', 'leave', 'quit']);
	});

	it('shows short hints like "Space page" and "? help" in the status bar', () => {
		expect(hintsFor(['pager'])).toEqual(['Space page', '] section', 't outline', '/ find', 'c comments', '? help', 'q back']);
		expect(hintsFor(['list', 'headlines'])).toEqual(['Enter open', 'j move', 'R refresh', '? help', 'q back', '/ search']);
		// On the first screen q quits, and its hint says so.
		expect(hintsFor(['list', 'sections'])).toEqual(['Enter open', 'j move', 'R refresh', 'q quit', '? help', '/ search']);
		expect(hintsFor(['comments'])).toEqual(['r reply', 'e edit', 'd delete', '? help', 'q back']);
		expect(hintsFor(['form'])).toEqual(['Ctrl+S post', 'Tab next field', 'Ctrl+E editor', 'Esc cancel']);
		expect(hintsFor(['confirm'])).toEqual(['y yes', 'n no']);
		expect(hintsFor(['help'])).toEqual(['q back', '/ search']);
		expect(hintsFor(['find'])).toEqual(['Enter find', 'Esc cancel']);
		expect(hintsFor(['search'])).toEqual(['Enter search', 'Esc cancel']);
	});

	it('writes keys the way people read them', () => {
		expect(keyLabel('space')).toBe('Space');
		expect(keyLabel('pagedown')).toBe('PgDn');
		expect(keyLabel('pageup')).toBe('PgUp');
		expect(keyLabel('escape')).toBe('Esc');
		expect(keyLabel('enter')).toBe('Enter');
		expect(keyLabel('ctrl+c')).toBe('Ctrl+C');
		expect(keyLabel('ctrl+s')).toBe('Ctrl+S');
		expect(keyLabel('down')).toBe('↓');
		expect(keyLabel('j')).toBe('j');
	});
});
