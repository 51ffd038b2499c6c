// The pager: header and pages, subheadings and the outline, related articles, neighbours, find,
// saving, the source link, and resizing.
import {describe, expect, it, vi} from 'vitest';
import {bodyOf, headerOf, type Reader, renderReader, type RenderReaderOptions, statusOf, widestLine} from '../helpers/render.js';

const harbourVote = 'world/harbour-vote';
const harbourSource = 'https://news.example.org/world/2026/11/marrowick-harbour-vote';
const inverse = '\u001B[7m';

/** Opens the World section's article number `index` (0 is the newest) from the sections screen. */
async function openWorldArticle(options: RenderReaderOptions = {}, index = 2): Promise<Reader> {
	const reader = renderReader(options);
	await reader.press('enter');
	await reader.waitForText('newsread › World');
	await reader.press(...Array.from({length: index}, () => 'j'), 'enter');
	await reader.waitForText('page 1/');
	return reader;
}

function pagesOf(frame: string): number {
	const pages = /^page \d+\/(\d+) /.exec(statusOf(frame))?.[1];
	if (!pages) {
		throw new Error(`No page count in the status of:\n${frame}`);
	}

	return Number(pages);
}

function firstTextLine(frame: string): string {
	return bodyOf(frame).find(line => line.trim() !== '')?.trim() ?? '';
}

describe('article screen', () => {
	it('shows section › title and the byline in the header, and page 1/N in the status', async () => {
		const reader = await openWorldArticle();
		const frame = reader.frame();

		expect(headerOf(frame)).toMatch(/^World › Marrowick harbour council votes to close th…\s+2 Nov 2026 · Ines Calloway$/);
		expect(statusOf(frame)).toMatch(/^page 1\/\d+ · \d+%/);
		expect(pagesOf(frame)).toBeGreaterThan(2);
		expect(bodyOf(frame)[0]).toBe('Marrowick harbour council votes to close the old ferry slip');
	});

	it('shows page 2 of N after space, and page 1 again after b', async () => {
		const reader = await openWorldArticle();
		const pages = pagesOf(reader.frame());

		await reader.press('space');
		expect(statusOf(reader.frame())).toMatch(new RegExp(`^page 2/${pages} · \\d+%`));

		await reader.press('b');
		expect(statusOf(reader.frame())).toMatch(new RegExp(`^page 1/${pages} · \\d+%`));
	});

	it('turns to the next page with f and PgDn, and back with PgUp', async () => {
		const reader = await openWorldArticle();
		const pages = pagesOf(reader.frame());

		await reader.press('f');
		expect(statusOf(reader.frame())).toMatch(new RegExp(`^page 2/${pages} · `));
		await reader.press('pageDown');
		expect(statusOf(reader.frame())).toMatch(new RegExp(`^page 3/${pages} · `));
		await reader.press('pageUp');
		expect(statusOf(reader.frame())).toMatch(new RegExp(`^page 2/${pages} · `));
		await reader.press('pageUp');
		expect(bodyOf(reader.frame())[0]).toBe('Marrowick harbour council votes to close the old ferry slip');
	});

	it('moves half a page (10 of the 21 lines at 80×24) down with d and back up with u', async () => {
		const reader = await openWorldArticle();

		const before = bodyOf(reader.frame());
		await reader.press('d');
		let body = bodyOf(reader.frame());
		// The line that was 11th is now 1st, and the 21st (the last on the page) 11th.
		expect(body[0]).toBe(before[10]);
		expect(body[10]).toBe(before[20]);
		expect(body).toContain('A tied first ballot');

		await reader.press('d');
		body = bodyOf(reader.frame());
		expect(body[0]).toBe(before[20]);

		await reader.press('u', 'u');
		expect(bodyOf(reader.frame())[0]).toBe('Marrowick harbour council votes to close the old ferry slip');
	});

	it('goes to the end with End and back to the top with Home', async () => {
		const reader = await openWorldArticle();

		await reader.press('end');
		const end = reader.frame();
		expect(statusOf(end)).toMatch(/^page (\d+)\/\1 · 100%/);
		expect(end).toContain('Related articles');

		await reader.press('home');
		const top = reader.frame();
		expect(statusOf(top)).toMatch(/^page 1\//);
		expect(bodyOf(top)[0]).toBe('Marrowick harbour council votes to close the old ferry slip');
	});

	it('moves to the next subheading with ] and names it in the status, and back with [', async () => {
		const reader = await openWorldArticle();

		await reader.press(']');
		let frame = reader.frame();
		expect(statusOf(frame)).toContain('· A tied first ballot');
		expect(bodyOf(frame)[0]).toBe('A tied first ballot');

		await reader.press(']');
		frame = reader.frame();
		expect(statusOf(frame)).toContain('· What the slip means to the town');
		expect(bodyOf(frame)[0]).toBe('What the slip means to the town');

		await reader.press('[');
		expect(statusOf(reader.frame())).toContain('· A tied first ballot');
	});

	it('lists the subheadings in the outline (t), indenting the lower levels, and jumps to the chosen one with Enter', async () => {
		const reader = await openWorldArticle();

		await reader.press('t');
		const outline = await reader.waitForText('Outline › Marrowick harbour');
		expect(headerOf(outline)).toMatch(/7 subheadings$/);
		const entries = bodyOf(outline).filter(line => line.trim() !== '').map(line => line.trimEnd());
		expect(entries).toEqual([
			'❯ A tied first ballot',
			'  What the slip means to the town',
			'  The case from the engineers',
			'    Cost and timetable',
			'  Objections from the quay',
			'  Reaction across the Sound',
			'  What happens next',
		]);
		expect(statusOf(outline)).toMatch(/^1\/7 /);

		await reader.press('j', 'j', 'enter');
		const frame = await reader.waitForText('World › Marrowick harbour');
		expect(bodyOf(frame)[0]).toBe('The case from the engineers');
		expect(statusOf(frame)).toContain('· The case from the engineers');
	});

	it('shows "Related articles" at the end (G), and Tab then Enter opens the next related article', async () => {
		const reader = await openWorldArticle({columns: 120, rows: 30});
		// The harbour vote's own `related:` list, in its order, comes first.
		const tideGauge = 'A century of tide records shows Marrowick Sound rising faster';
		const ferryBid = 'Sound Link proposes battery-electric ferries for the Farrowsey crossing';
		const rowingFinal = 'Marrowick edge Brackenford by a bow-ball in the regional coxed-four final';

		await reader.press('G');
		const end = await reader.waitForText('Related articles');
		expect(statusOf(end)).toMatch(/ · 100%/);
		const relatedLines = bodyOf(end).filter(line => line.trimStart().startsWith('› ')).map(line => line.trim());
		expect(relatedLines.slice(0, 3)).toEqual([
			`› ${tideGauge} (Science, 28 Oct 2026)`,
			`› ${ferryBid} (Business, 10 Nov 2026)`,
			`› ${rowingFinal} (Sport, 1 Nov 2026)`,
		]);

		const highlighted = (title: string) => reader.rawFrame().split('\n').find(line => line.includes(title))?.includes(inverse);
		expect(highlighted(tideGauge)).toBe(true);

		await reader.press('tab');
		expect(highlighted(tideGauge)).toBe(false);
		expect(highlighted(ferryBid)).toBe(true);

		await reader.press('enter');
		const opened = await reader.waitForText('Business › Sound Link proposes battery-electric');
		expect(statusOf(opened)).toMatch(/^page 1\//);

		await reader.press('q');
		await reader.waitForText('World › Marrowick harbour');
	});

	it('shows each related article on its own line at 80 columns', async () => {
		const reader = await openWorldArticle({}, 0);

		await reader.press('t', 'G', 'enter');
		const frame = await reader.waitForText('Related articles');
		const lines = bodyOf(frame);
		const heading = lines.findIndex(line => line.trim() === 'Related articles');
		expect(heading).toBeGreaterThan(0);
		const related = lines.slice(heading + 1).filter(line => line.startsWith('  › '));
		// The census's own `related:` entry first; each line whole: title, then section and date.
		expect(related[0]).toMatch(/^ {2}› Marrowick harbour council votes to close the old ferry/);
		expect(related.length).toBeGreaterThan(1);
		for (const line of related) {
			expect(line).toMatch(/^ {2}› \S.* \((?:World|Science|Business|Culture|Technology|Sport), \d{1,2} [A-Z][a-z]{2} 2026\)$/);
			expect(line.length).toBeLessThanOrEqual(80);
		}

		expect(lines[heading + 1]).toBe(related[0]);
	});

	it('opens the next (n) and the previous (p) article of the section', async () => {
		const reader = await openWorldArticle({}, 0);
		expect(headerOf(reader.frame())).toContain('World › Farrowsey census');

		await reader.press('n');
		await reader.waitForText('World › Three coastal towns');
		await reader.press('n');
		await reader.waitForText('World › Marrowick harbour');
		await reader.press('p');
		await reader.waitForText('World › Three coastal towns');
		await reader.press('p');
		await reader.waitForText('World › Farrowsey census');

		await reader.press('p');
		await reader.waitForText('This is the first article in the list');
		expect(headerOf(reader.frame())).toContain('World › Farrowsey census');

		// Back goes to the list, not through every article read on the way.
		await reader.press('q');
		await reader.waitForText('newsread › World');
	});

	it('finds a word with /: highlights the matches, counts them, n goes to the next one and Esc clears the find', async () => {
		const reader = await openWorldArticle();

		await reader.press('/');
		expect(statusOf(await reader.waitForText('Enter find · Esc cancel'))).toMatch(/^\//);
		await reader.type('ferry');
		expect(statusOf(reader.frame())).toMatch(/^\/ferry/);

		await reader.press('enter');
		const found = await reader.waitForText('find "ferry": ');
		const count = Number(/find "ferry": (\d+)/.exec(statusOf(found))?.[1]);
		expect(count).toBeGreaterThan(1);
		expect(reader.rawFrame()).toContain(`${inverse}ferry`);
		const firstLine = bodyOf(found)[0];

		await reader.press('n');
		const next = reader.frame();
		expect(bodyOf(next)[0]).not.toBe(firstLine);
		expect(bodyOf(next)[0]?.toLowerCase()).toContain('ferry');
		expect(headerOf(next)).toContain('World › Marrowick harbour');
		expect(statusOf(next)).toContain(`find "ferry": ${count}`);

		await reader.press('escape');
		const cleared = await reader.waitForNoText('find "ferry"');
		expect(reader.rawFrame()).not.toContain(`${inverse}ferry`);
		expect(headerOf(cleared)).toContain('World › Marrowick harbour');

		// Without a find, n is the next article again.
		await reader.press('n');
		await reader.waitForText('World › Ellisdale and Upper Thorn');
	});

	it('goes back to the previous match with N, and stays on the first match', async () => {
		const reader = await openWorldArticle();
		await reader.press('/');
		await reader.waitForText('Enter find · Esc cancel');
		await reader.type('ferry');
		await reader.press('enter');
		await reader.waitForText('find "ferry": ');
		const firstMatch = 'Marrowick harbour council votes to close the old ferry slip';
		const secondMatch = 'The stone ferry slip that has carried passengers across Marrowick Sound for';
		const thirdMatch = '│ just won\'t have a ferry tied to it any more."';
		expect(bodyOf(reader.frame())[0]).toBe(firstMatch);

		await reader.press('n', 'n');
		expect(bodyOf(reader.frame())[0]).toBe(thirdMatch);
		await reader.press('N');
		expect(bodyOf(reader.frame())[0]).toBe(secondMatch);
		await reader.press('N');
		expect(bodyOf(reader.frame())[0]).toBe(firstMatch);
		await reader.press('N');
		expect(bodyOf(reader.frame())[0]).toBe(firstMatch);
		expect(headerOf(reader.frame())).toContain('World › Marrowick harbour');
	});

	it('takes q and ? as text in the find prompt and cancels it with Esc', async () => {
		const reader = await openWorldArticle();

		await reader.press('/');
		await reader.waitForText('Enter find · Esc cancel');
		await reader.type('quay?');
		expect(statusOf(reader.frame())).toMatch(/^\/quay\?/);
		expect(reader.frame()).not.toContain('Help: keys');

		await reader.press('escape');
		const frame = await reader.waitForNoText('Enter find');
		expect(statusOf(frame)).toMatch(/^page 1\//);
		expect(statusOf(frame)).not.toContain('find "');
	});

	it('marks the open article unread with m (● in the list), and read again with a second m', async () => {
		const reader = await openWorldArticle();

		await reader.press('m');
		await reader.waitForText('Marked unread');
		await reader.press('q');
		let list = await reader.waitForText('newsread › World');
		expect(bodyOf(list).find(line => line.includes('Marrowick harbour'))).toMatch(/^❯● Marrowick harbour/);
		expect(headerOf(list)).toMatch(/4 articles · 4 unread$/);

		await reader.press('enter');
		await reader.waitForText('page 1/');
		await reader.press('m');
		await reader.waitForText('Marked unread');
		await reader.press('m');
		await reader.waitForText('Marked read');
		await reader.press('q');
		list = await reader.waitForText('newsread › World');
		expect(bodyOf(list).find(line => line.includes('Marrowick harbour'))).not.toMatch(/^❯●/);
		expect(headerOf(list)).toMatch(/4 articles · 3 unread$/);
	});

	it('saves the article with s, says so, and lists it under Saved', async () => {
		const reader = await openWorldArticle();

		await reader.press('s');
		const saved = await reader.waitForText('Saved: find it under "Saved"');
		expect(headerOf(saved)).toContain('2 Nov 2026 · Ines Calloway · saved');
		expect(reader.reading.isSaved(harbourVote)).toBe(true);

		await reader.press('q', 'q');
		const sections = await reader.waitForText('Continue reading');
		expect(bodyOf(sections).find(line => line.includes('Saved'))).toMatch(/Saved\s+1 article\s*$/);

		await reader.press('G', 'enter');
		const list = await reader.waitForText('newsread › Saved');
		expect(bodyOf(list)[0]).toContain('Marrowick harbour council votes');
		expect(headerOf(list)).toMatch(/1 article · 0 unread$/);
	});

	it('removes the article from Saved with a second s', async () => {
		const reader = await openWorldArticle();

		await reader.press('s');
		await reader.waitForText('Saved: find it under');
		await reader.press('s');
		const frame = await reader.waitForNoText('· saved');
		expect(headerOf(frame)).toMatch(/2 Nov 2026 · Ines Calloway$/);
		expect(reader.reading.isSaved(harbourVote)).toBe(false);
	});

	// Guards the key that clears a message from swallowing that key's own answer.
	it('says "Removed from Saved" when s is pressed again while "Saved" is still showing', async () => {
		const reader = await openWorldArticle();

		await reader.press('s');
		await reader.waitForText('Saved: find it under');
		await reader.press('s');
		await reader.waitForText('Removed from Saved');
	});

	it('opens the article source in the browser with o', async () => {
		const openUrl = vi.fn(async (_url: string) => {});
		const reader = await openWorldArticle({openUrl, columns: 120});

		await reader.press('o');
		await reader.waitForText(`Opening ${harbourSource}`);
		expect(openUrl).toHaveBeenCalledTimes(1);
		expect(openUrl).toHaveBeenCalledWith(harbourSource);
	});

	it('says so when no browser could be opened', async () => {
		const openUrl = vi.fn(async (_url: string) => {
			throw new Error('no display');
		});
		const reader = await openWorldArticle({openUrl, columns: 120});

		await reader.press('o');
		await reader.waitForText('Could not open a browser (no display)');
	});

	it('keeps the same paragraph at the top when the terminal narrows from 80 to 50 columns', async () => {
		const reader = await openWorldArticle({columns: 80});
		const lines = bodyOf(reader.frame());
		// Past the head (headline, standfirst, byline): the body's second paragraph.
		const bodyStart = lines.findIndex(line => line.startsWith('By ')) + 2;
		const secondParagraph = lines.indexOf('', bodyStart) + 1;
		const paragraphStart = lines[secondParagraph] ?? '';
		expect(lines[secondParagraph + 2]?.trim()).not.toBe('');

		// Scroll to the third line of the second paragraph.
		await reader.press(...Array.from({length: secondParagraph + 2}, () => 'j'));
		const middle = lines[secondParagraph + 2];
		expect(bodyOf(reader.frame())[0]).toBe(middle);

		await reader.resize(50, 24);
		const narrow = reader.frame();
		expect(widestLine(narrow)).toBeLessThanOrEqual(50);
		const top = firstTextLine(narrow);
		expect(top.length).toBeGreaterThan(20);
		expect(paragraphStart.startsWith(top)).toBe(true);

		// Back at 80 columns the reader is where they were.
		await reader.resize(80, 24);
		expect(bodyOf(reader.frame())[0]).toBe(middle);
	});

	it('asks for a larger terminal at 30x8 and comes back to the same page at 80x24', async () => {
		const reader = await openWorldArticle();
		await reader.press('space');
		const before = statusOf(reader.frame());
		expect(before).toMatch(/^page 2\//);

		await reader.resize(30, 8);
		const small = await reader.waitForText('Make the terminal larger');
		expect(small).toContain('(now 30×8)');
		expect(widestLine(small)).toBeLessThanOrEqual(30);
		expect(small.split('\n').length).toBeLessThanOrEqual(8 - 1);

		await reader.resize(80, 24);
		const frame = await reader.waitForText('World › Marrowick harbour');
		expect(frame).not.toContain('Make the terminal larger');
		expect(statusOf(frame).split('  ')[0]).toBe(before.split('  ')[0]);
	});

	it('starts at 30x8 with the message, and shows the sections once the terminal is 80x24', async () => {
		const reader = renderReader({columns: 30, rows: 8});
		await reader.waitForText('Make the terminal larger');

		await reader.resize(80, 24);
		const frame = await reader.waitForText('Saved');
		expect(headerOf(frame)).toMatch(/^newsread /);
		expect(frame.split('\n')).toHaveLength(24 - 1);
	});
});
