// Every key the help and the status bar show on a screen does what they say there, read from the
// real key table and pressed on the real screens; keys that arrive together or fast all arrive.
import {describe, expect, it} from 'vitest';
import {createMemoryCommentLog} from '../../source/store/comments.js';
import {type Action, type Flags, helpFor, hintsFor, keyLabel, resolveBinding, type Scope, screenModes} from '../../source/ui/keymap.js';
import type {Screen} from '../../source/ui/navigation.js';
import {helpRows} from '../../source/ui/screens/HelpScreen.js';
import {bodyOf, FIXED_NOW, headerOf, KEYS, type Reader, renderReader, type RenderReaderOptions, statusOf} from '../helpers/render.js';

const census = 'World › Farrowsey census finds island population';
const censusSource = 'https://news.example.org/world/2026/11/farrowsey-census-population-rise';

/** Terminal input for a key name of the table: `pagedown` is ESC [ 6 ~, `ctrl+s` is \x13, `j` is j. */
function input(name: string): string {
	const named: Record<string, string> = {
		space: KEYS.space,
		enter: KEYS.enter,
		escape: KEYS.escape,
		tab: KEYS.tab,
		'shift+tab': KEYS.shiftTab,
		backspace: KEYS.backspace,
		up: KEYS.up,
		down: KEYS.down,
		left: KEYS.left,
		right: KEYS.right,
		pageup: KEYS.pageUp,
		pagedown: KEYS.pageDown,
		home: KEYS.home,
		end: KEYS.end,
	};
	const ctrl = /^ctrl\+([a-z])$/.exec(name);
	return ctrl ? String.fromCodePoint(ctrl[1]!.codePointAt(0)! - 0x60) : (named[name] ?? name);
}

async function openCensus(reader: Reader): Promise<void> {
	await reader.press('enter');
	await reader.waitForText('newsread › World');
	await reader.press('enter');
	await reader.waitForText('page 1/');
}

/** The comment form's rows from the Comment label down to the Name label. */
function commentRows(frame: string): string[] {
	const rows = bodyOf(frame).map(row => row.trimEnd());
	const start = rows.findIndex(row => row.endsWith('Comment *'));
	const end = rows.findIndex(row => row.endsWith('Name *'));
	return rows.slice(start + 1, end);
}

/** What a key must do: keys to press first, then what the screen shows after the key. */
type Effect = {before?: string[]; expect: (reader: Reader, before: string) => Promise<void> | void};

type Case = {
	/** The screen, and which of its modes (screenModes) the case is in. */
	screen: Screen['name'];
	mode?: number;
	flags?: Flags;
	/** Only the bindings with this condition (the others are pressed in the case without flags). */
	onlyWhen?: 'finding';
	options?: () => RenderReaderOptions;
	/** Opens the screen in that mode. */
	open: (reader: Reader) => Promise<void>;
	/** Hand-written effects of each action the help shows for the screen. */
	effects: Partial<Record<Action, Effect>>;
};

const exits: Effect = {expect: reader => expect(reader.hasExited()).toBe(true)};
const opensHelp: Effect = {expect: async reader => void (await reader.waitForText('Help: keys'))};
const opensSearch: Effect = {expect: async reader => expect(statusOf(await reader.waitForText('Search: '))).toMatch(/^Search: /)};
const status = (pattern: RegExp): Effect => ({expect: reader => expect(statusOf(reader.frame())).toMatch(pattern)});
const header = (text: string): Effect => ({expect: async reader => expect(headerOf(await reader.waitForText(text))).toContain(text)});
const message = (text: string): Effect => ({expect: async reader => expect(statusOf(await reader.waitForText(text))).toContain(text)});
const topLine = (start: string, before: string[] = []): Effect => ({before, expect: reader => expect(bodyOf(reader.frame())[0]).toMatch(new RegExp(`^${start}`))});
const emptyComments: Effect = {expect: async reader => expect(statusOf(await reader.waitForText('No comments yet: r to write one.'))).toMatch(/^No comments yet/)};
const backToCensus: Effect = {expect: async reader => expect(statusOf(await reader.waitForText('page 1/4'))).toMatch(/^page 1\/4/)};

const withTwoComments = (): RenderReaderOptions => {
	const comments = createMemoryCommentLog({now: () => FIXED_NOW});
	comments.add('world/island-census', {body: 'First comment.', name: 'Ann Reader', email: 'ann@example.org'});
	comments.add('world/island-census', {body: 'Second comment.', name: 'Bo Writer', email: 'bo@example.org'});
	return {comments};
};

const cases: Case[] = [
	{
		screen: 'sections',
		async open(reader) {
			await reader.waitForText('Saved');
			await reader.press('j', 'j');
		},
		effects: {
			open: header('newsread › Business'),
			'cursor-down': status(/^4\/8 /),
			'cursor-up': status(/^2\/8 /),
			'cursor-first': status(/^1\/8 /),
			'cursor-last': status(/^8\/8 /),
			'cursor-page-down': status(/^8\/8 /),
			'cursor-page-up': status(/^1\/8 /),
			'cursor-half-page-down': status(/^8\/8 /),
			'cursor-half-page-up': status(/^1\/8 /),
			'mark-all-read': message('Mark 3 unread articles in Business read? y/n'),
			refresh: message('Business has no feeds: R refreshes every feed, a adds one.'),
			'refresh-all': message('No feeds to refresh: press a to add one'),
			'add-feed': header('newsread › Add a feed'),
			help: opensHelp,
			leave: exits,
			quit: exits,
			search: opensSearch,
		},
	},
	{
		screen: 'headlines',
		async open(reader) {
			await reader.press('enter');
			await reader.waitForText('newsread › World');
			await reader.press('j');
		},
		effects: {
			open: header('World › Three coastal towns'),
			'cursor-down': status(/^3\/4 /),
			'cursor-up': status(/^1\/4 /),
			'cursor-first': status(/^1\/4 /),
			'cursor-last': status(/^4\/4 /),
			'cursor-page-down': status(/^4\/4 /),
			'cursor-page-up': status(/^1\/4 /),
			'cursor-half-page-down': status(/^4\/4 /),
			'cursor-half-page-up': status(/^1\/4 /),
			back: {expect: async reader => expect(headerOf(await reader.waitForText('Saved'))).toMatch(/^newsread {2}/)},
			'toggle-read': {expect: reader => expect(headerOf(reader.frame())).toMatch(/4 articles · 3 unread$/)},
			'mark-all-read': message('Mark 4 unread articles in World read? y/n'),
			'next-unread': header('World › Three coastal towns'),
			save: message('Saved: Three coastal towns'),
			undo: message('Nothing to undo'),
			refresh: message('World has no feeds: R refreshes every feed, a adds one.'),
			'refresh-all': message('No feeds to refresh: press a to add one'),
			'add-feed': header('newsread › Add a feed'),
			help: opensHelp,
			leave: {expect: async reader => void (await reader.waitForText('Saved'))},
			quit: exits,
			search: opensSearch,
		},
	},
	{
		screen: 'article',
		open: openCensus,
		effects: {
			'page-down': status(/^page 2\/4 /),
			'page-up': {before: ['space'], expect: status(/^page 1\/4 /).expect},
			'line-down': {expect: (reader, before) => expect(bodyOf(reader.frame())[0]).toBe(bodyOf(before)[1])},
			'line-up': topLine('Farrowsey census finds island population', ['j']),
			// Half of the 21 rows of an 80×24 terminal.
			'half-page-down': {expect: (reader, before) => expect(bodyOf(reader.frame())[0]).toBe(bodyOf(before)[10])},
			'half-page-up': topLine('Farrowsey census finds island population', ['d']),
			top: topLine('Farrowsey census finds island population', ['space']),
			bottom: status(/^page 4\/4 · 100%/),
			'next-subheading': topLine('Where the newcomers came from'),
			'previous-subheading': topLine('Where the newcomers came from', [']', ']']),
			outline: header('Outline › Farrowsey census'),
			'next-article': header('World › Three coastal towns'),
			'previous-article': message('This is the first article in the list'),
			'next-unread': header('World › Three coastal towns'),
			find: {expect: reader => expect(statusOf(reader.frame())).toMatch(/^\/\s+Enter find · Esc cancel/)},
			'next-related': {
				before: ['G'],
				expect: reader => expect(reader.rawFrame().split('\n').find(line => line.includes('\u001B[7m'))).toContain('Sound Link proposes battery-electric ferries'),
			},
			open: {before: ['G'], expect: header('World › Marrowick harbour council votes').expect},
			'open-source': {
				async expect(reader) {
					await reader.waitForText(`Opening ${censusSource}`);
					expect(reader.openUrl).toHaveBeenCalledWith(censusSource);
				},
			},
			comments: header('Comments › Farrowsey census'),
			save: message('Saved: find it under "Saved"'),
			'toggle-read': message('Marked unread'),
			back: header('newsread › World'),
			help: opensHelp,
			leave: header('newsread › World'),
			quit: exits,
		},
	},
	{
		screen: 'article',
		flags: {finding: true},
		onlyWhen: 'finding',
		async open(reader) {
			await openCensus(reader);
			await reader.press('/');
			await reader.type('Morag');
			await reader.press('enter');
			await reader.waitForText('find "Morag": 1');
		},
		effects: {
			'next-match': topLine('Morag Eastley, convenor'),
			'previous-match': topLine('Morag Eastley, convenor', ['G']),
			'clear-find': {
				async expect(reader) {
					const frame = await reader.waitForNoText('find "Morag"');
					expect(headerOf(frame)).toContain(census);
				},
			},
		},
	},
	{
		screen: 'outline',
		async open(reader) {
			await openCensus(reader);
			await reader.press('t');
			await reader.waitForText('Outline › ');
			await reader.press('j');
		},
		effects: {
			open: {expect: async reader => expect(bodyOf(await reader.waitForNoText('Outline › '))[0]).toBe('Pressure on housing')},
			'cursor-down': status(/^3\/3 /),
			'cursor-up': status(/^1\/3 /),
			'cursor-first': status(/^1\/3 /),
			'cursor-last': status(/^3\/3 /),
			back: backToCensus,
			help: opensHelp,
			leave: backToCensus,
			quit: exits,
			search: opensSearch,
		},
	},
	{
		screen: 'help',
		async open(reader) {
			await openCensus(reader);
			await reader.press('?');
			await reader.waitForText('Help: keys');
		},
		effects: {
			back: backToCensus,
			'line-down': status(/^2-22 of 33 /),
			'line-up': {before: ['j'], expect: status(/^1-21 of 33 /).expect},
			// 21 rows show at 80×24; 33 rows of help: the last screenful starts at row 13, half a page is 10 rows.
			'page-down': status(/^13-33 of 33 /),
			'page-up': {before: ['G'], expect: status(/^1-21 of 33 /).expect},
			'half-page-down': status(/^11-31 of 33 /),
			'half-page-up': {before: ['G'], expect: status(/^3-23 of 33 /).expect},
			top: {before: ['G'], expect: status(/^1-21 of 33 /).expect},
			bottom: status(/^13-33 of 33 /),
			leave: backToCensus,
			quit: exits,
			search: opensSearch,
		},
	},
	{
		screen: 'find',
		async open(reader) {
			await openCensus(reader);
			await reader.press('/');
			await reader.type('Morag');
		},
		effects: {
			open: {expect: async reader => expect(statusOf(await reader.waitForText('find "Morag": 1'))).toMatch(/^page 1\/4 · \d+% · find "Morag": 1 /)},
			// Where it was before /: page 1, whose bottom line is 26% of the way (the headline, standfirst and byline included).
			back: {expect: async reader => expect(statusOf(await reader.waitForNoText('Morag'))).toMatch(/^page 1\/4 · 26% {2}/)},
			'history-previous': {before: ['enter', '/'], expect: async reader => expect(statusOf(await reader.waitForText('/Morag'))).toMatch(/^\/Morag /)},
			'history-next': {before: ['enter', '/', 'x', 'up'], expect: async reader => expect(statusOf(await reader.waitForText('/x '))).toMatch(/^\/x /)},
		},
	},
	{
		screen: 'search',
		async open(reader) {
			await reader.press('/');
			await reader.type('harbour');
		},
		effects: {
			open: header('newsread › Search: harbour'),
			back: {expect: async reader => void (await reader.waitForText('Saved'))},
			'history-previous': {before: ['enter', '/'], expect: async reader => expect(statusOf(await reader.waitForText('Search: harbour'))).toMatch(/^Search: harbour /)},
			'history-next': {before: ['enter', '/', 'x', 'up'], expect: async reader => expect(statusOf(await reader.waitForText('Search: x '))).toMatch(/^Search: x /)},
		},
	},
	{
		screen: 'comments',
		options: withTwoComments,
		async open(reader) {
			await openCensus(reader);
			await reader.press('c');
			await reader.waitForText('Bo Writer');
		},
		effects: {
			reply: {expect: async reader => void (await reader.waitForText('Leave a reply'))},
			'cursor-down': status(/^2\/2 /),
			'cursor-up': {before: ['j'], expect: status(/^1\/2 /).expect},
			'cursor-first': {before: ['j'], expect: status(/^1\/2 /).expect},
			'cursor-last': status(/^2\/2 /),
			edit: {expect: async reader => void (await reader.waitForText('Edit your comment'))},
			delete: message('Delete this comment? y/n'),
			back: backToCensus,
			help: opensHelp,
			leave: backToCensus,
			quit: exits,
		},
	},
	{
		screen: 'comments',
		mode: 1,
		async open(reader) {
			await openCensus(reader);
			await reader.press('c');
			await reader.waitForText('No comments yet: r to write one.');
			await reader.press('r');
			await reader.waitForText('Leave a reply');
		},
		effects: {
			submit: message('Please fix the marked fields; nothing was posted yet.'),
			'next-field': {expect: reader => expect(bodyOf(reader.frame())).toContain('❯ Name *')},
			'previous-field': {before: ['tab'], expect: reader => expect(bodyOf(reader.frame())).toContain('❯ Comment *')},
			'line-down': {expect: reader => expect(bodyOf(reader.frame())).toContain('❯ Name *')},
			'line-up': {before: ['tab'], expect: reader => expect(bodyOf(reader.frame())).toContain('❯ Comment *')},
			'new-line': {
				before: ['one'],
				async expect(reader) {
					await reader.type('two');
					expect(commentRows(reader.frame())).toEqual(['  one', '  two']);
				},
			},
			'delete-back': {before: ['one', 'enter'], expect: reader => expect(commentRows(reader.frame())).toEqual(['  one'])},
			editor: message('No editor'),
			cancel: emptyComments,
		},
	},
	{
		screen: 'comments',
		mode: 2,
		async open(reader) {
			await openCensus(reader);
			await reader.press('c');
			await reader.waitForText('No comments yet: r to write one.');
			await reader.press('r');
			await reader.waitForText('Leave a reply');
			await reader.type('x');
			await reader.press('escape');
			await reader.waitForText('Discard what you wrote? y/n');
		},
		effects: {
			confirm: emptyComments,
			cancel: {expect: async reader => expect(commentRows(await reader.waitForNoText('Discard'))).toEqual(['  x'])},
			'keep-draft': message('Kept as a draft'),
		},
	},
	{
		screen: 'add-feed',
		async open(reader) {
			await reader.waitForText('Saved');
			await reader.type('a');
			await reader.waitForText('Feed address: ');
		},
		effects: {
			open: {before: ['gazette.example/feed'], expect: async reader => expect(statusOf(await reader.waitForText('Not subscribed to gazette.example/feed'))).toContain('Feeds cannot be fetched in this session.')},
			back: {before: ['gazette.example/feed'], expect: async reader => expect(headerOf(await reader.waitForText('Saved'))).toMatch(/^newsread {2}/)},
		},
	},
];

function scopesOf(testCase: Case): readonly Scope[] {
	return screenModes[testCase.screen][testCase.mode ?? 0] ?? [];
}

function titleOf(testCase: Case): string {
	return `${testCase.screen}${testCase.mode ? ` (${scopesOf(testCase).join(', ')})` : ''}${testCase.flags?.finding ? ' while finding' : ''}`;
}

describe.each(cases.map(testCase => [titleOf(testCase), testCase] as const))('every key the help shows on %s', (_title, testCase) => {
	const shown = helpFor(scopesOf(testCase)).filter(binding => (testCase.onlyWhen ? binding.when === testCase.onlyWhen : binding.when === undefined || binding.when.startsWith('!')));
	// Each binding's first key is pressed; its other keys reach the same binding of the table.
	it.each(shown.map(binding => [binding.keys.map(name => keyLabel(name)).join(' '), binding.action, binding] as const))('%s: %s', async (_labels, action, binding) => {
		const [name = '', ...others] = binding.keys;
		for (const other of others) {
			expect(resolveBinding(scopesOf(testCase), other, testCase.flags), other).toEqual(resolveBinding(scopesOf(testCase), name, testCase.flags));
		}

		const effect = testCase.effects[action];
		expect(effect, `no hand-written effect for ${action}`).toBeDefined();
		const reader = renderReader(testCase.options?.());
		await testCase.open(reader);
		for (const key of effect!.before ?? []) {
			await (key in KEYS ? reader.press(key) : reader.type(key));
		}

		const before = reader.frame();
		await reader.press(input(name));
		await effect!.expect(reader, before);
	});
});

describe('help and hints of each screen', () => {
	it.each(cases.map(testCase => [titleOf(testCase), testCase] as const))('%s: the status bar shows the hints of the table, and only keys the help lists', async (_title, testCase) => {
		const reader = renderReader({...testCase.options?.(), columns: 160});
		await testCase.open(reader);
		const hints = hintsFor(scopesOf(testCase), testCase.flags);
		expect(statusOf(reader.frame()).endsWith(hints.join(' · '))).toBe(true);
		const help = helpFor(scopesOf(testCase));
		for (const hint of hints) {
			expect(help.some(binding => `${keyLabel(binding.keys[0] ?? '')} ${binding.hint}` === hint), hint).toBe(true);
		}
	});

	it('offers no search on the comments screen, and / there only says it does nothing', async () => {
		const reader = renderReader({...withTwoComments(), columns: 160});
		await openCensus(reader);
		await reader.press('c');
		const frame = await reader.waitForText('Bo Writer');
		expect(statusOf(frame)).toMatch(/ {2}r reply · e edit · d delete · \? help · q back$/);
		await reader.press('/');
		expect(statusOf(await reader.waitForText('/ does nothing here: press ? for help'))).toContain('/ does nothing here: press ? for help');
		expect(bodyOf(reader.frame())).toEqual(bodyOf(frame));
		await reader.press('?');
		const help = await reader.waitForText('Help: keys');
		expect(bodyOf(help).join('\n')).not.toContain('search every article');
		expect(help).toMatch(/^ {2}r c Enter\s+leave a reply$/m);
	});

	it('lists the help of the help without ?, which does nothing there', async () => {
		const reader = renderReader({rows: 60});
		await reader.press('?');
		await reader.waitForText('Help: keys');
		await reader.press('?');
		const frame = await reader.waitForText('Help: keys');
		expect(frame).toContain('Lists');
		expect(helpRows('help').some(row => 'keys' in row && row.keys === '?')).toBe(false);
	});

	it('lists the keys of the comment form and of its questions in the help of the comments screen', () => {
		const titles = helpRows('comments').flatMap(row => ('heading' in row ? [row.heading] : []));
		expect(titles).toEqual(['Comments', 'Writing a comment', 'Questions', 'Everywhere']);
	});
});

describe('keys that arrive in one chunk', () => {
	it('opens Science, not World, when Down and Right arrive together on the sections screen', async () => {
		const reader = renderReader();
		await reader.waitForText('Saved');
		await reader.press(`${KEYS.down}${KEYS.right}`);
		expect(headerOf(await reader.waitForText('newsread › Science'))).toMatch(/^newsread › Science/);
	});

	it('deletes three letters when three Backspaces arrive together in the comment form', async () => {
		const reader = renderReader();
		await openCensus(reader);
		await reader.press('c', 'r');
		await reader.waitForText('Leave a reply');
		await reader.type('Hello');
		await reader.press('\u007F\u007F\u007F');
		expect(commentRows(reader.frame())).toEqual(['  He']);
	});

	it('moves down three headlines when jjj arrive together', async () => {
		const reader = renderReader();
		await reader.press('enter');
		await reader.waitForText('newsread › World');
		await reader.press('jjj');
		expect(statusOf(reader.frame())).toMatch(/^4\/4 /);
	});

	it('finds the text of a search typed with Enter in one chunk', async () => {
		const reader = renderReader();
		await reader.press('/');
		await reader.waitForText('Search: ');
		await reader.press('harbour\r');
		expect(headerOf(await reader.waitForText('newsread › Search: harbour'))).toMatch(/^newsread › Search: harbour/);
	});
});

describe('keys with a ~ sequence, through the stdin filter', () => {
	it('shows page 2 of 4 after PgDn and page 1 again after PgUp', async () => {
		const reader = renderReader();
		await openCensus(reader);
		await reader.press('pageDown');
		expect(statusOf(reader.frame())).toMatch(/^page 2\/4 /);
		await reader.press('pageUp');
		expect(statusOf(reader.frame())).toMatch(/^page 1\/4 /);
	});

	it('moves a screenful down a list with PgDn', async () => {
		const reader = renderReader({rows: 12});
		await reader.press('G', 'k', 'enter');
		await reader.waitForText('newsread › All');
		await reader.press('pageDown');
		// 9 rows at 80×12 hold 4 headlines of two rows (All has titles too long for one): PgDn goes 4 down.
		expect(statusOf(reader.frame())).toMatch(/^5\/19 /);
	});

	it('deletes the letter before the cursor with Delete in the comment form (Ink 6.8 reports it as Backspace)', async () => {
		const reader = renderReader();
		await openCensus(reader);
		await reader.press('c', 'r');
		await reader.waitForText('Leave a reply');
		await reader.type('Hello');
		await reader.press('\u001B[3~');
		expect(commentRows(reader.frame())).toEqual(['  Hell']);
	});
});

describe('typing faster than frames', () => {
	it('finds "linefold" typed into the / prompt of an article one key at a time without waiting for frames', async () => {
		const reader = renderReader({realTime: true});
		await reader.press('enter');
		await reader.waitForText('newsread › World');
		await reader.press('enter');
		await reader.waitForText('page 1/4');
		for (const key of ['/', ...'linefold', KEYS.enter]) {
			await reader.press(key);
		}

		const frame = await reader.waitForText('find "linefold": 0');
		expect(headerOf(frame)).toContain(census);
	});
});
