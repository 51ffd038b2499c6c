// The help screen (?), generated from the key table, and searching every article (/).
import {describe, expect, it} from 'vitest';
import {bindings, helpText, keyLabel} from '../../source/ui/keymap.js';
import {bodyOf, headerOf, type Reader, renderReader, statusOf} from '../helpers/render.js';

async function openArticle(reader: Reader): Promise<void> {
	await reader.press('enter', 'enter');
	await reader.waitForText('page 1/');
}

const escapeRegExp = (text: string) => text.replaceAll(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The help row of a binding: its keys as people write them, then its help text. */
function helpRow(keys: readonly string[], help: string): RegExp {
	const labels = keys.map(key => escapeRegExp(keyLabel(key))).join(' ');
	return new RegExp(`^ {2}${labels}\\s+${escapeRegExp(help)}\\s*$`);
}

describe('help screen', () => {
	it('lists the pager keys and the global keys from the key table when ? is pressed in an article', async () => {
		const reader = renderReader({rows: 60});
		await openArticle(reader);

		await reader.press('?');
		const frame = await reader.waitForText('Help: keys');
		const rows = bodyOf(frame);
		expect(rows.map(row => row.trim())).toContain('Reading an article');
		expect(rows.map(row => row.trim())).toContain('Everywhere');

		for (const binding of bindings.filter(candidate => candidate.scope === 'pager')) {
			const row = helpRow(binding.keys, helpText(binding));
			expect(rows.some(candidate => row.test(candidate)), `help row ${String(row)}`).toBe(true);
		}

		for (const action of ['help', 'leave', 'quit'] as const) {
			const binding = bindings.find(candidate => candidate.scope === 'global' && candidate.action === action);
			expect(binding).toBeDefined();
			const row = helpRow(binding!.keys, binding!.help);
			expect(rows.some(candidate => row.test(candidate)), `help row ${String(row)}`).toBe(true);
		}

		expect(frame).toMatch(/^ {2}n\s+next article in the list \(when no find is active\)/m);
		expect(frame).toMatch(/^ {2}n\s+next match \(while a find is active\)/m);
		expect(frame).toMatch(/^ {2}Esc\s+clear the find \(while a find is active\)/m);

		expect(frame).toMatch(/^ {2}Space f PgDn Ctrl\+F\s+next page/m);
		expect(frame).toMatch(/^ {2}\]\s+next subheading/m);
		expect(frame).toMatch(/^ {2}t\s+outline: the subheadings/m);
		// In an article / finds; the global "search every article" would be a lie here.
		expect(frame).toMatch(/^ {2}\/\s+find text in this article/m);
		expect(frame).not.toContain('search every article');
	});

	it('lists the list keys on the sections screen, with / as search', async () => {
		const reader = renderReader({rows: 60});
		await reader.waitForText('Saved');

		await reader.press('?');
		const frame = await reader.waitForText('Help: keys');
		expect(headerOf(frame)).toMatch(/Lists$/);
		expect(frame).toMatch(/^ {2}Enter l →\s+open the highlighted item/m);
		expect(frame).toMatch(/^ {2}j ↓\s+move down/m);
		expect(frame).toMatch(/^ {2}\/\s+search every article/m);
		expect(frame).not.toContain('next subheading');
	});

	it('scrolls a help longer than the screen with j and shows which rows are showing', async () => {
		const reader = renderReader({rows: 24});
		await openArticle(reader);

		await reader.press('?');
		const frame = await reader.waitForText('Help: keys');
		const total = Number(/^1-21 of (\d+)/.exec(statusOf(frame))?.[1]);
		expect(total).toBeGreaterThan(21);

		await reader.press('j');
		expect(statusOf(reader.frame())).toMatch(new RegExp(`^2-22 of ${total}`));
		expect(bodyOf(reader.frame())[0]).toMatch(/Space f PgDn Ctrl\+F\s+next page/);
	});

	it.each([
		['Esc', 'escape'],
		['q', 'q'],
	])('closes the help with %s and goes back to the article', async (_label, key) => {
		const reader = renderReader();
		await openArticle(reader);
		const article = reader.frame();

		await reader.press('?');
		await reader.waitForText('Help: keys');
		await reader.press(key);

		const frame = await reader.waitForNoText('Help: keys');
		expect(headerOf(frame)).toBe(headerOf(article));
		expect(statusOf(frame)).toMatch(/^page 1\//);
		expect(reader.hasExited()).toBe(false);
	});
});

describe('search', () => {
	it('opens with / on the sections screen, lists the articles matching "harbour" after Enter, and Enter opens one', async () => {
		const reader = renderReader();
		await reader.waitForText('Saved');

		await reader.press('/');
		const prompt = await reader.waitForText('Search: ');
		expect(headerOf(prompt)).toMatch(/^newsread › Search/);
		await reader.type('harbour');
		expect(statusOf(reader.frame())).toMatch(/^Search: harbour/);

		await reader.press('enter');
		const results = await reader.waitForText('newsread › Search: harbour');
		const count = Number(/(\d+) articles · /.exec(headerOf(results))?.[1]);
		expect(count).toBeGreaterThan(1);
		expect(results).toContain('Marrowick harbour council votes');
		expect(statusOf(results)).toMatch(new RegExp(`^1/${count} `));

		const first = bodyOf(results)[0]?.slice(3, 30) ?? '';
		expect(first.trim()).not.toBe('');
		await reader.press('enter');
		const article = await reader.waitForText('page 1/');
		expect(headerOf(article)).toContain(` › ${first}`);

		// Back from the article is the result list, and back from there the sections.
		await reader.press('q');
		await reader.waitForText('newsread › Search: harbour');
		await reader.press('q');
		await reader.waitForText('Saved');
	});

	it('says so when nothing matches', async () => {
		const reader = renderReader();
		await reader.press('/');
		await reader.waitForText('Search: ');
		await reader.type('zeppelin');
		await reader.press('enter');

		const frame = await reader.waitForText('Nothing matches "zeppelin"');
		expect(headerOf(frame)).toMatch(/0 articles · 0 unread$/);
	});

	it('cancels the search with Esc and is back on the sections screen', async () => {
		const reader = renderReader();
		const sections = await reader.waitForText('Saved');

		await reader.press('/');
		await reader.waitForText('Search: ');
		await reader.type('harb');
		await reader.press('escape');

		const frame = await reader.waitForNoText('Search: ');
		expect(frame).toBe(sections);
	});

	it('takes q and ? as text while typing a search: they neither quit nor open the help', async () => {
		const reader = renderReader();
		await reader.press('/');
		await reader.waitForText('Search: ');

		await reader.type('q?Q');
		const frame = reader.frame();
		expect(statusOf(frame)).toMatch(/^Search: q\?Q/);
		expect(frame).not.toContain('Help: keys');
		expect(reader.hasExited()).toBe(false);

		await reader.press('backspace', 'backspace', 'backspace');
		expect(statusOf(reader.frame())).toMatch(/^Search: {2}/);
	});
});
