// A headline list: order, read marks, the summary line on wide terminals, truncation, and a
// 10,000-article list that draws only a screenful.
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {type Library, loadLibrary} from '../../source/core/library.js';
import {generateLibrary} from '../generate-library.js';
import {bodyOf, headerOf, renderReader, statusOf, widestLine} from '../helpers/render.js';

/** The headline row of the article whose title starts with `start`. */
function rowOf(frame: string, start: string): string {
	const line = bodyOf(frame).find(candidate => candidate.slice(3).startsWith(start));
	if (!line) {
		throw new Error(`No headline starting "${start}" in:\n${frame}`);
	}

	return line;
}

/** The two columns before a title: cursor (❯) and read mark (● unread, ◐ partly read, blank read). */
function markOf(frame: string, start: string): string {
	return rowOf(frame, start).slice(1, 2);
}

describe('headlines screen', () => {
	it('lists the section newest first, with calendar dates when some are older than a week, relative ones when all are recent', async () => {
		const reader = renderReader();
		await reader.press('enter');
		const frame = await reader.waitForText('newsread › World');

		const titles = bodyOf(frame)
			.filter(line => /^[ ❯][● ◐] \S/.test(line))
			.map(line => line.slice(3, 20));
		expect(titles).toEqual(['Farrowsey census ', 'Three coastal tow', 'Marrowick harbour', 'Ellisdale and Upp']);
		expect(rowOf(frame, 'Farrowsey')).toContain('19 Nov 2026');
		expect(rowOf(frame, 'Ellisdale')).toContain('16 Oct 2026');
		expect(headerOf(frame)).toMatch(/4 articles · 4 unread$/);
		expect(statusOf(frame)).toMatch(/^1\/4 /);

		// Search results all from the last week: all relative.
		await reader.press('q', '/');
		await reader.type('equaliser');
		await reader.press('enter');
		const found = await reader.waitForText('Late equaliser');
		// The clock is fixed at 2026-11-26 12:00 UTC: the hockey report went up the evening before.
		expect(rowOf(found, 'Late equaliser')).toContain('14h ago');
	});

	it('changes the read mark from ● to ◐ after reading part of an article, and clears it after reading to the end', async () => {
		const reader = renderReader();
		await reader.press('enter');
		expect(markOf(await reader.waitForText('newsread › World'), 'Farrowsey')).toBe('●');

		await reader.press('enter');
		await reader.waitForText('page 1/');
		await reader.press('q');
		const partly = await reader.waitForText('newsread › World');
		expect(markOf(partly, 'Farrowsey')).toBe('◐');
		expect(markOf(partly, 'Three coastal')).toBe('●');
		expect(headerOf(partly)).toMatch(/4 articles · 3 unread$/);

		await reader.press('enter', 'G');
		await reader.waitForText('100%');
		await reader.press('q');
		expect(markOf(await reader.waitForText('newsread › World'), 'Farrowsey')).toBe(' ');
	});

	it('toggles the highlighted article between read and unread with m', async () => {
		const reader = renderReader();
		await reader.press('enter', 'j');
		await reader.waitForText('2/4');

		await reader.press('m');
		let frame = reader.frame();
		expect(markOf(frame, 'Three coastal')).toBe(' ');
		expect(markOf(frame, 'Farrowsey')).toBe('●');
		expect(headerOf(frame)).toMatch(/4 articles · 3 unread$/);

		await reader.press('m');
		frame = reader.frame();
		expect(markOf(frame, 'Three coastal')).toBe('●');
		expect(headerOf(frame)).toMatch(/4 articles · 4 unread$/);
	});

	it('marks every article of the list read with M, and says how many', async () => {
		const reader = renderReader();
		await reader.press('enter');
		await reader.waitForText('4 articles · 4 unread');

		await reader.press('M', 'y');
		const frame = await reader.waitForText('Marked 4 articles read');
		expect(headerOf(frame)).toMatch(/4 articles · 0 unread$/);
		for (const title of ['Farrowsey', 'Three coastal']) {
			expect(markOf(frame, title)).toBe(' ');
		}
	});

	it('shows each summary on a second line from 100 columns on, and not below', async () => {
		const summary = 'Provisional census results show 1,214 people';
		const wide = renderReader({columns: 100});
		await wide.press('enter');
		const wideFrame = await wide.waitForText('newsread › World');
		const wideRows = bodyOf(wideFrame);
		const titleRow = wideRows.findIndex(line => line.includes('Farrowsey census'));
		expect(wideRows[titleRow + 1]).toMatch(new RegExp(`^ {4}${summary}`));

		const narrow = renderReader({columns: 99});
		await narrow.press('enter');
		const narrowFrame = await narrow.waitForText('newsread › World');
		expect(narrowFrame).not.toContain(summary);
		expect(bodyOf(narrowFrame)[1]).toContain('Three coastal towns');
	});

	it.each([100, 120])('cuts a long title with … and draws no line wider than %i columns', async columns => {
		const reader = renderReader({columns});
		// All (the seventh entry) has the longest title of the sample articles.
		await reader.press('G', 'k', 'enter');
		const frame = await reader.waitForText('newsread › All');
		const longTitle = 'Linefold maintainers split over funding deal, and thousands of projects must choose a side';
		const row = rowOf(frame, 'Linefold');

		expect(row).not.toContain(longTitle);
		expect(row).toMatch(/Linefold[^…]*…/);
		expect(widestLine(frame)).toBeLessThanOrEqual(columns);
		expect(frame.split('\n').length).toBeLessThanOrEqual(24 - 1);
	});

	it.each([40, 60, 80])('goes on with a long title over a second row at %i columns, cut only past it, no line wider', async columns => {
		const reader = renderReader({columns});
		await reader.press('G', 'k', 'enter');
		const frame = await reader.waitForText('newsread › All');
		const body = bodyOf(frame);
		const row = body.findIndex(line => line.slice(3).startsWith('Linefold'));
		const shown = `${body[row]!.slice(3).split(/ {2,}/)[0]!} ${body[row + 1]!.trim()}`;
		const longTitle = 'Linefold maintainers split over funding deal, and thousands of projects must choose a side';
		if (columns === 80) {
			expect(shown).toBe(longTitle);
		} else {
			expect(shown).toMatch(/^Linefold maintainers [^…]*…$/);
		}

		expect(widestLine(frame)).toBeLessThanOrEqual(columns);
		expect(frame.split('\n').length).toBeLessThanOrEqual(24 - 1);
	});

	it('opens the highlighted article with l and with →', async () => {
		const reader = renderReader();
		await reader.press('enter');
		await reader.waitForText('newsread › World');
		await reader.press('j', 'l');
		await reader.waitForText('World › Three coastal towns');

		await reader.press('q');
		await reader.waitForText('newsread › World');
		await reader.press('j', 'right');
		await reader.waitForText('World › Marrowick harbour');
	});

	it('moves to the last headline with End and to the first with Home', async () => {
		const reader = renderReader();
		await reader.press('enter');
		await reader.waitForText('newsread › World');

		await reader.press('end');
		expect(rowOf(reader.frame(), 'Ellisdale').startsWith('❯')).toBe(true);
		expect(statusOf(reader.frame())).toMatch(/^4\/4 /);

		await reader.press('home');
		expect(rowOf(reader.frame(), 'Farrowsey').startsWith('❯')).toBe(true);
		expect(statusOf(reader.frame())).toMatch(/^1\/4 /);
	});

	it('goes back to the sections screen with h, ← and Esc', async () => {
		const reader = renderReader();
		for (const key of ['h', 'left', 'escape']) {
			await reader.press('enter');
			await reader.waitForText('newsread › World');
			await reader.press(key);
			await reader.waitForText('Saved');
		}
	});
});

describe('a list of 10,000 articles', () => {
	let folder: string;
	let library: Library;

	beforeAll(() => {
		folder = mkdtempSync(path.join(tmpdir(), 'newsread-ui-'));
		generateLibrary(folder, 10_000);
		library = loadLibrary([{path: folder}]);
	});

	afterAll(() => {
		rmSync(folder, {recursive: true, force: true});
	});

	it('draws only the rows that fit, and G jumps to the last article', async () => {
		const rows = 20;
		const reader = renderReader({library, rows});
		// All is the entry before Saved, at the end of the sections.
		await reader.press('G', 'k', 'enter');
		const first = await reader.waitForText('newsread › All articles');

		expect(headerOf(first)).toMatch(/10000 articles · 10000 unread$/);
		expect(statusOf(first)).toMatch(/^1\/10000 /);
		expect(first.split('\n').length).toBeLessThanOrEqual(rows - 1);
		const headlines = bodyOf(first).filter(line => line.includes('●'));
		expect(headlines).toHaveLength(rows - 1 - 2);
		expect(headlines[0]?.startsWith('❯')).toBe(true);

		// How fast is `npm run bench`'s concern, not this test's.
		await reader.press('G');
		const last = await reader.waitForText('10000/10000');
		expect(last.split('\n').length).toBeLessThanOrEqual(rows - 1);
		// The oldest generated article (seed 1): technology/article-03584, 1 Jan 2025.
		const selected = bodyOf(last).find(line => line.startsWith('❯'));
		expect(selected?.slice(3)).toMatch(/^Small museum prepares for volunteer shortages .*1 Jan 2025/);
	});
});
