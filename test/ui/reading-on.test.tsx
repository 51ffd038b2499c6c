// Reading on from one article to the next as a daily reader does: the next unread article (U, and
// Space on the last page), n and p after "Continue reading", where q puts the cursor, which article
// "Continue reading" offers, what ] [ n N say when they cannot move, page and percentage, s in lists,
// M asking first, and c on an article with no comments.
import {describe, expect, it} from 'vitest';
import {createMemoryReadingState, type ReadingState} from '../../source/store/reading-state.js';
import {bodyOf, headerOf, type Reader, renderReader, statusOf} from '../helpers/render.js';

// World, newest first: the census (19 Nov), the flood drill (12 Nov), the harbour vote (2 Nov), the bridge (16 Oct).
const census = 'world/island-census';
const floodDrill = 'world/flood-drill';
const harbourVote = 'world/harbour-vote';
const bridge = 'world/valley-bridge';

/** Opens World and the article on its `index`th row. */
async function openWorld(reader: Reader, index = 0): Promise<void> {
	await reader.waitForText('Saved');
	if (reader.frame().includes('Continue reading')) {
		await reader.press('j');
	}

	await reader.press('enter');
	await reader.waitForText('newsread › World');
	await reader.press(...Array.from({length: index}, () => 'j'), 'enter');
	await reader.waitForText('page 1/');
}

function readingWith(read: readonly string[]): ReadingState {
	const reading = createMemoryReadingState();
	reading.setManyRead(read, true);
	return reading;
}

/** The headline row the cursor is on. */
function highlighted(frame: string): string | undefined {
	return bodyOf(frame).find(line => line.startsWith('❯'));
}

describe('the next unread article', () => {
	it('U in the pager opens the next unread article of the list, skipping read ones', async () => {
		const reader = renderReader({reading: readingWith([floodDrill])});
		await openWorld(reader);
		await reader.press('U');
		const frame = await reader.waitForText('World › Marrowick harbour');
		expect(headerOf(frame)).toContain('World › Marrowick harbour council votes');
	});

	it('U says there are no more when every other article of the list is read', async () => {
		const reader = renderReader({reading: readingWith([floodDrill, harbourVote, bridge])});
		await openWorld(reader);
		await reader.press('U');
		const frame = await reader.waitForText('No more unread');
		expect(statusOf(frame)).toContain('No more unread articles in World');
		expect(headerOf(frame)).toContain('World › Farrowsey census');
	});

	it('U in the headline list opens the first unread article from the highlighted one on', async () => {
		const reader = renderReader({reading: readingWith([census, floodDrill])});
		await reader.press('enter');
		await reader.waitForText('newsread › World');
		await reader.press('U');
		const frame = await reader.waitForText('page 1/');
		expect(headerOf(frame)).toContain('World › Marrowick harbour council votes');
	});

	it('lists U in the help of the pager and of the headline list', async () => {
		const reader = renderReader({rows: 60, columns: 120});
		await openWorld(reader);
		await reader.press('?');
		expect(await reader.waitForText('Help: keys')).toMatch(/^ {2}U\s+next unread article in the list/m);
		await reader.press('q', 'q');
		await reader.waitForText('newsread › World');
		await reader.press('?');
		expect(await reader.waitForText('Help: keys')).toMatch(/^ {2}U\s+open the next unread article/m);
	});

	it('Space on the last page says once which unread article comes next, then opens it', async () => {
		const reader = renderReader({columns: 160});
		await openWorld(reader);
		await reader.press('G');
		await reader.waitForText('100%');
		await reader.press(' ');
		const told = await reader.waitForText('Last page');
		expect(statusOf(told)).toContain('Last page: Space again for the next unread article: Three coastal towns rehearse a storm-surge evacuation before dawn');
		expect(headerOf(told)).toContain('World › Farrowsey census');

		await reader.press(' ');
		const next = await reader.waitForText('page 1/');
		expect(headerOf(next)).toContain('World › Three coastal towns');
	});

	it('Space on the last page of the last unread article says there are no more', async () => {
		const reader = renderReader({columns: 160, reading: readingWith([floodDrill, harbourVote, bridge])});
		await openWorld(reader);
		await reader.press('G', ' ');
		const frame = await reader.waitForText('No more unread');
		expect(statusOf(frame)).toContain('Last page. No more unread articles in World');
		await reader.press(' ');
		expect(headerOf(await reader.waitForText('No more unread'))).toContain('World › Farrowsey census');
	});
});

describe('n, p and q', () => {
	it('n after "Continue reading" walks the article\'s section', async () => {
		const reader = renderReader();
		await openWorld(reader);
		await reader.press('q', 'q');
		await reader.waitForText('Continue reading');
		await reader.press('g', 'enter');
		await reader.waitForText('World › Farrowsey census');
		await reader.press('n');
		const frame = await reader.waitForText('World › Three coastal towns');
		expect(headerOf(frame)).toContain('World › Three coastal towns');
	});

	it('q after n and n puts the list\'s cursor on the article being read', async () => {
		const reader = renderReader();
		await openWorld(reader);
		await reader.press('n');
		await reader.waitForText('World › Three coastal towns');
		await reader.press('n');
		await reader.waitForText('World › Marrowick harbour');
		await reader.press('q');
		const list = await reader.waitForText('newsread › World');
		expect(highlighted(list)).toContain('Marrowick harbour council votes');
		expect(statusOf(list)).toMatch(/^3\/4 /);
	});
});

describe('"Continue reading"', () => {
	it('offers the most recent article not read to the end, not one read to 100%', async () => {
		const reader = renderReader();
		await openWorld(reader);
		await reader.press('q');
		await reader.waitForText('newsread › World');
		await reader.press('j', 'enter');
		await reader.waitForText('World › Three coastal towns');
		await reader.press('G');
		await reader.waitForText('100%');
		await reader.press('q', 'q');
		const frame = await reader.waitForText('Continue reading');
		expect(bodyOf(frame)[0]).toMatch(/Continue reading: Farrowsey census/);
	});
});

describe('moves that cannot go on', () => {
	it('] after the last subheading says there are no more subheadings', async () => {
		const reader = renderReader();
		await openWorld(reader);
		await reader.press(']', ']', ']');
		await reader.waitForText('The ferry question');
		await reader.press(']');
		const frame = await reader.waitForText('subheading');
		expect(statusOf(frame)).toMatch(/(No more subheadings below|The last subheading is on this page)/);
	});

	it('N at the first match says it is the first', async () => {
		const reader = renderReader();
		await openWorld(reader);
		await reader.press('/');
		await reader.type('Morag');
		await reader.press('enter');
		await reader.waitForText('find "Morag": 1');
		await reader.press('n');
		await reader.press('N');
		const frame = await reader.waitForText('No match above');
		expect(statusOf(frame)).toContain('No match above: this is the first');
	});

	it('counts the page to the bottom line shown, as the percentage: one line past page 2 is page 3', async () => {
		const reader = renderReader();
		await openWorld(reader);
		await reader.press(' ', ' ', 'k');
		const frame = await reader.waitForText('page 3/4');
		expect(statusOf(frame)).toMatch(/^page 3\/4 · \d+%/);
	});
});

describe('s in a headline list', () => {
	it('saves the highlighted article', async () => {
		const reader = renderReader();
		await reader.press('enter');
		await reader.waitForText('newsread › World');
		await reader.press('j', 's');
		const frame = await reader.waitForText('Saved: Three coastal towns');
		expect(statusOf(frame)).toContain('Saved: Three coastal towns');
		expect(reader.reading.isSaved(floodDrill)).toBe(true);
	});

	it('unsaves the highlighted article in Saved, which leaves the list with a message', async () => {
		const reading = createMemoryReadingState();
		reading.setSaved(harbourVote, true);
		const reader = renderReader({reading, columns: 120});
		await reader.waitForText('Saved');
		await reader.press('G', 'enter');
		await reader.waitForText('Marrowick harbour council votes');
		await reader.press('s');
		const frame = await reader.waitForText('Removed from Saved');
		expect(statusOf(frame)).toContain('Removed from Saved (u undoes): Marrowick harbour');
		expect(bodyOf(frame).join('\n')).toContain('No saved articles yet');
		expect(reading.isSaved(harbourVote)).toBe(false);

		await reader.press('u');
		const back = await reader.waitForText('Back in Saved');
		expect(bodyOf(back)[0]).toMatch(/^❯.*Marrowick harbour council votes/);
		expect(reading.isSaved(harbourVote)).toBe(true);
	});
});

describe('M asks first', () => {
	it('asks before marking a section read on the sections screen; n leaves it unread, y marks it', async () => {
		const reader = renderReader();
		await reader.waitForText('Saved');
		await reader.press('j', 'M');
		const asked = await reader.waitForText('read? y/n');
		expect(statusOf(asked)).toMatch(/^Mark 3 unread articles in Science read\? y\/n/);
		await reader.press('n');
		const kept = await reader.waitForText('Nothing marked');
		expect(headerOf(kept)).toMatch(/19 unread$/);

		await reader.press('M', 'y');
		const marked = await reader.waitForText('Marked 3 articles in Science read');
		expect(headerOf(marked)).toMatch(/16 unread$/);
	});

	it('asks before marking a headline list read', async () => {
		const reader = renderReader();
		await reader.press('enter');
		await reader.waitForText('newsread › World');
		await reader.press('M');
		expect(statusOf(await reader.waitForText('read? y/n'))).toMatch(/^Mark 4 unread articles in World read\? y\/n/);
		expect(headerOf(reader.frame())).toMatch(/4 unread$/);
		await reader.press('y');
		expect(headerOf(await reader.waitForText('Marked 4 articles read'))).toMatch(/0 unread$/);
	});
});

describe('c with no comments yet', () => {
	it('shows the empty comments screen, where ? opens the help and q goes back, typing nothing', async () => {
		const reader = renderReader();
		await openWorld(reader);
		await reader.press('c');
		const frame = await reader.waitForText('Comments ›');
		expect(bodyOf(frame).join('\n')).toContain('No comments yet: r to write one.');
		await reader.press('?');
		await reader.waitForText('Help: keys');
		await reader.press('q', 'q');
		await reader.waitForText('page 1/');
		expect(reader.reading.draft(census)).toBeUndefined();
	});
});
