// The headline list at 80 columns: every title readable whole, and one date style per list.
import {describe, expect, it} from 'vitest';
import {bodyOf, renderReader} from '../helpers/render.js';

describe('headline list at 80 columns', () => {
	it('shows the whole of a title too long for one row on a second row under it, indented', async () => {
		const reader = renderReader({columns: 80, rows: 24});
		await reader.press('enter');
		const frame = await reader.waitForText('newsread › World');
		const body = bodyOf(frame);
		const first = body.findIndex(line => line.includes('Farrowsey census'));
		expect(body[first]).toMatch(/^❯● Farrowsey census finds island population rising for the first +19 Nov 2026$/);
		expect(body[first + 1]).toMatch(/^ {5}time in forty years *$/);
		// A title that fits takes one line; its second is blank, so every article has the same height.
		const three = body.findIndex(line => line.includes('Three coastal towns'));
		expect(body[three]).toMatch(/^ ● Three coastal towns rehearse a storm-surge evacuation before +12 Nov 2026$/);
		expect(body[three + 1]).toMatch(/^ {5}dawn *$/);
		const marrowick = body.findIndex(line => line.includes('Marrowick harbour'));
		expect(body[marrowick]).toMatch(/^ ● Marrowick harbour council votes to close the old ferry slip +2 Nov 2026 *$/);
		expect(body[marrowick + 1]).toMatch(/^ *$/);
	});

	it('starts every date at the same column, on short titles and long, with the cursor column before them', async () => {
		const reader = renderReader({columns: 80, rows: 24});
		await reader.press('enter', 'j');
		const frame = await reader.waitForText('newsread › World');
		const body = bodyOf(frame);
		const date = /\d{1,2} (?:Oct|Nov) 2026/;
		const dated = body.filter(line => date.test(line));
		expect(dated).toHaveLength(4);
		// Mark columns (3) + title column (80 - 4 - 12 = 64) + a space: every date begins at column 68.
		expect(dated.map(line => line.search(date))).toEqual([68, 68, 68, 68]);
		// The cursor is on the second article, in the first column; the others keep that column blank.
		expect(dated.map(line => line[0])).toEqual([' ', '❯', ' ', ' ']);
	});

	it('at 200 columns takes one row for each title, however long, and the summary under it', async () => {
		const reader = renderReader({columns: 200, rows: 40});
		await reader.press('enter');
		const frame = await reader.waitForText('newsread › World');
		const body = bodyOf(frame);
		const census = body.findIndex(line => line.includes('Farrowsey census'));
		expect(body[census]).toContain('Farrowsey census finds island population rising for the first time in forty years');
		expect(body[census + 1]).toMatch(/^ {4}Provisional census results show 1,214 people/);
		// Four articles, two rows each (title, summary): nothing else in between.
		expect(body.filter(line => line.trim() !== '')).toHaveLength(8);
	});

	it('leaves the author out below 100 columns so the title has the room', async () => {
		const reader = renderReader({columns: 80, rows: 24});
		await reader.press('enter');
		const frame = await reader.waitForText('newsread › World');
		expect(frame).not.toContain('Ines Calloway');
		expect(frame).toContain('Marrowick harbour council votes to close the old ferry slip');
		expect(frame).not.toContain('…');
	});

	it('keeps one row per article when every title fits', async () => {
		const reader = renderReader({columns: 80, rows: 24});
		await reader.press('/');
		await reader.type('council votes');
		await reader.press('enter');
		const frame = await reader.waitForText('Marrowick harbour');
		const rows = bodyOf(frame).filter(line => line.trim() !== '');
		// Every non-blank row is a headline: no continuation rows.
		expect(rows.length).toBeGreaterThan(0);
		expect(rows.filter(line => !/^[ ❯][● ◐] \S/.test(line))).toEqual([]);
	});

	it('shows every date in All articles as a calendar date when some are older than a week', async () => {
		const reader = renderReader({columns: 120, rows: 40});
		await reader.press('G', 'k', 'enter');
		const frame = await reader.waitForText('newsread › All articles');
		// The hockey report went up the evening before the fixed clock (26 Nov 2026 12:00 UTC); the list also holds October articles.
		const hockey = bodyOf(frame).find(line => line.includes('Late equaliser'));
		expect(hockey).toContain('25 Nov 2026');
		expect(frame).not.toMatch(/\d+[mhd] ago/);
	});
});
