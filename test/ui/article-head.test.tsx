// An article opens as a news page does: the whole headline, the standfirst, the byline and date, then the body.
import {describe, expect, it} from 'vitest';
import {bodyOf, renderReader, statusOf} from '../helpers/render.js';

describe('article head at 80 columns', () => {
	it('opens with the whole headline, then the standfirst, then byline and date, then the body', async () => {
		const reader = renderReader({columns: 80, rows: 24});
		await reader.press('enter', 'enter');
		const frame = await reader.waitForText('page 1/');
		const lines = bodyOf(frame).map(line => line.trimEnd());
		expect(lines.slice(0, 8)).toEqual([
			'Farrowsey census finds island population rising for the first time in forty',
			'years',
			'',
			'Provisional census results show 1,214 people now live on Farrowsey, up nine per',
			'cent, driven by young families and remote workers.',
			'',
			'By Ines Calloway · 19 Nov 2026',
			'',
		]);
		expect(lines[8]).toMatch(/^The population of Farrowsey has grown for the first time in four decades,/);
	});

	it('scrolls the head away with the body, and [ from the first subheading goes back to the top', async () => {
		const reader = renderReader({columns: 80, rows: 24});
		await reader.press('enter', 'enter');
		await reader.waitForText('page 1/');
		await reader.press(']');
		const atSection = await reader.waitForText('Where the newcomers came from');
		expect(bodyOf(atSection)[0]).toMatch(/^Where the newcomers came from/);
		expect(atSection).not.toContain('By Ines Calloway');
		await reader.press('g');
		const top = await reader.waitForText('By Ines Calloway');
		expect(bodyOf(top)[0]).toMatch(/^Farrowsey census finds/);
		expect(statusOf(top)).toMatch(/^page 1\//);
	});

	it('finds words of the standfirst, first match on the page with the head', async () => {
		const reader = renderReader({columns: 80, rows: 24});
		await reader.press('enter', 'enter');
		await reader.waitForText('page 1/');
		await reader.press('/');
		await reader.type('young families');
		await reader.press('enter');
		const frame = await reader.waitForText('find "young families": ');
		expect(Number(/find "young families": (\d+)/.exec(statusOf(frame))?.[1])).toBeGreaterThanOrEqual(1);
		// The first match is in the standfirst: the page does not move.
		expect(bodyOf(frame)[0]).toMatch(/^Farrowsey census finds/);
	});
});
