import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, afterEach, beforeAll, describe, expect, it, vi} from 'vitest';
import {type Library, loadLibrary} from '../../source/core/library.js';
import {createMemoryReadingState, createReadingState, type ReadingState} from '../../source/store/reading-state.js';
import {articlesOf, factsOfList, nextUnread, type SectionEntry, sectionEntries, sourceTitle, unreadCount} from '../../source/ui/list-sources.js';

// --- A small library in a temporary folder: three sections, five articles.

let folder = '';
let library: Library;

type Fixture = {id: string; title: string; section: string; date: string; summary: string; body: string};

const fixtures: Fixture[] = [
	{id: 'world/harbour-vote', title: 'Harbour council votes to close the ferry slip', section: 'World', date: '2026-11-02T08:30:00Z', summary: 'A tied first ballot, then a vote.', body: 'The stone slip will close within two years.'},
	{id: 'world/flood-drill', title: 'Flood drill on the quay', section: 'World', date: '2026-10-20T09:00:00Z', summary: 'Sirens at dawn.', body: 'Volunteers carried sandbags to the quay.'},
	{id: 'science/tide-gauge', title: 'A new tide gauge for the sound', section: 'Science', date: '2026-10-30T12:00:00Z', summary: 'Readings every minute.', body: 'The gauge measures the harbour water level.'},
	{id: 'science/moth-survey', title: 'Moth survey counts record numbers', section: 'Science', date: '2026-09-01T21:00:00Z', summary: 'Light traps on the headland.', body: 'Forty species were counted in one night.'},
	{id: 'business/pier-cafe', title: 'Pier cafe changes hands', section: 'Business', date: '2026-10-25T10:00:00Z', summary: 'New owners keep the name.', body: 'The cafe reopens after a week with a new menu.'},
];

function titleOf(id: string): string {
	return fixtures.find(fixture => fixture.id === id)?.title ?? id;
}

function articleText({title, section, date, summary, body}: Fixture): string {
	return `---\ntitle: "${title}"\nsection: ${section}\ndate: ${date}\nsummary: "${summary}"\n---\n\n${body}\n`;
}

beforeAll(() => {
	folder = mkdtempSync(path.join(tmpdir(), 'newsread-list-sources-test-'));
	for (const fixture of fixtures) {
		const file = path.join(folder, `${fixture.id}.md`);
		mkdirSync(path.dirname(file), {recursive: true});
		writeFileSync(file, articleText(fixture));
	}

	library = loadLibrary([{path: folder}]);
});

afterAll(() => {
	rmSync(folder, {recursive: true, force: true});
});

/** Reading state on a clock the test sets (the state may order saved articles by when they were saved). */
function readingOnTestClock(): ReadingState {
	vi.useFakeTimers({toFake: ['Date']});
	return createMemoryReadingState();
}

function saveAt(reading: ReadingState, id: string, time: string): void {
	vi.setSystemTime(new Date(time));
	reading.setSaved(id, true);
}

afterEach(() => {
	vi.useRealTimers();
});

function ids(articles: ReadonlyArray<{id: string}>): string[] {
	return articles.map(article => article.id);
}

/** What the sections screen shows: `World 2 (1 unread)`, `Continue reading: …`. */
function shown(entries: readonly SectionEntry[]): string[] {
	return entries.map(entry => (entry.kind === 'continue' ? `Continue reading: ${entry.title} (${entry.percent}%)` : `${entry.label} ${entry.count} (${entry.unread} unread)`));
}

// --- Tests

describe('the temporary library', () => {
	it('loads every article', () => {
		expect(library.problems).toEqual([]);
		expect(library.articles).toHaveLength(fixtures.length);
	});
});

describe('sectionEntries', () => {
	it('lists each section with its article and unread counts, then All and Saved', () => {
		const entries = sectionEntries(library, createMemoryReadingState());
		expect(shown(entries)).toEqual([
			'Business 1 (1 unread)',
			'Science 2 (2 unread)',
			'World 2 (2 unread)',
			'All 5 (5 unread)',
			'Saved 0 (0 unread)',
		]);
		expect(entries.map(entry => (entry.kind === 'list' ? entry.source : entry.kind))).toEqual([
			{kind: 'section', name: 'Business'},
			{kind: 'section', name: 'Science'},
			{kind: 'section', name: 'World'},
			{kind: 'all'},
			{kind: 'saved'},
		]);
	});

	it('counts one fewer unread in the section and in All after an article is read', () => {
		const reading = createMemoryReadingState();
		reading.setRead('science/tide-gauge', true);
		const entries = shown(sectionEntries(library, reading)).filter(entry => !entry.startsWith('Continue'));
		expect(entries).toEqual([
			'Business 1 (1 unread)',
			'Science 2 (1 unread)',
			'World 2 (2 unread)',
			'All 5 (4 unread)',
			'Saved 0 (0 unread)',
		]);
	});

	it('counts the article as unread again when it is marked unread', () => {
		const reading = createMemoryReadingState();
		reading.setRead('world/flood-drill', true);
		reading.setRead('world/flood-drill', false);
		expect(shown(sectionEntries(library, reading))).toContain('World 2 (2 unread)');
	});

	it('counts saved articles, and which of them are unread', () => {
		const reading = createMemoryReadingState();
		reading.setSaved('world/harbour-vote', true);
		reading.setSaved('business/pier-cafe', true);
		reading.setRead('business/pier-cafe', true);
		expect(shown(sectionEntries(library, reading)).at(-1)).toBe('Saved 2 (1 unread)');
	});

	it('offers to continue the article being read, first, with how far the reader got', () => {
		const reading = createMemoryReadingState();
		reading.setPosition('science/moth-survey', {block: 3, percent: 42});
		const entries = sectionEntries(library, reading);
		expect(entries[0]).toEqual({kind: 'continue', id: 'science/moth-survey', title: titleOf('science/moth-survey'), percent: 42, section: 'Science'});
		expect(entries.slice(1).every(entry => entry.kind === 'list')).toBe(true);
		expect(entries).toHaveLength(6);
	});

	it('offers to continue the article read most recently', () => {
		const reading = createMemoryReadingState();
		reading.setPosition('science/moth-survey', {block: 3, percent: 42});
		reading.setPosition('world/harbour-vote', {block: 1, percent: 7});
		expect(sectionEntries(library, reading)[0]).toMatchObject({kind: 'continue', title: titleOf('world/harbour-vote'), percent: 7});
	});

	it('offers the most recent article not read to the end, never one read to 100%', () => {
		let clock = 1000;
		const reading = createReadingState({now: () => clock++});
		reading.setPosition('science/moth-survey', {block: 3, percent: 42});
		reading.setPosition('world/flood-drill', {block: 2, percent: 30});
		reading.setPosition('world/harbour-vote', {block: 9, percent: 100});
		expect(sectionEntries(library, reading)[0]).toMatchObject({kind: 'continue', id: 'world/flood-drill', percent: 30, section: 'World'});
		reading.setPosition('world/flood-drill', {block: 8, percent: 100});
		expect(sectionEntries(library, reading)[0]).toMatchObject({kind: 'continue', id: 'science/moth-survey', percent: 42});
		reading.setPosition('science/moth-survey', {block: 12, percent: 100});
		expect(sectionEntries(library, reading).some(entry => entry.kind === 'continue')).toBe(false);
	});

	it('offers nothing to continue after articles are only marked read in a list', () => {
		const reading = createMemoryReadingState();
		reading.setRead('world/flood-drill', true);
		expect(sectionEntries(library, reading).some(entry => entry.kind === 'continue')).toBe(false);
	});

	it('offers nothing to continue before any article is opened', () => {
		expect(sectionEntries(library, createMemoryReadingState()).some(entry => entry.kind === 'continue')).toBe(false);
	});

	it('offers nothing to continue when the last article read is no longer in the library', () => {
		const reading = createMemoryReadingState();
		reading.setPosition('world/deleted-story', {block: 2, percent: 50});
		expect(sectionEntries(library, reading).some(entry => entry.kind === 'continue')).toBe(false);
	});
});

describe('articlesOf', () => {
	it('lists a section newest first', () => {
		const reading = createMemoryReadingState();
		expect(ids(articlesOf({kind: 'section', name: 'World'}, library, reading))).toEqual(['world/harbour-vote', 'world/flood-drill']);
		expect(ids(articlesOf({kind: 'section', name: 'Science'}, library, reading))).toEqual(['science/tide-gauge', 'science/moth-survey']);
	});

	it('shows an empty list for a section that no longer exists', () => {
		expect(articlesOf({kind: 'section', name: 'Sport'}, library, createMemoryReadingState())).toEqual([]);
	});

	it('lists every article newest first under All', () => {
		expect(ids(articlesOf({kind: 'all'}, library, createMemoryReadingState()))).toEqual([
			'world/harbour-vote',
			'science/tide-gauge',
			'business/pier-cafe',
			'world/flood-drill',
			'science/moth-survey',
		]);
	});

	it('lists saved articles, the most recently saved first', () => {
		const reading = readingOnTestClock();
		saveAt(reading, 'science/moth-survey', '2026-11-03T10:00:00Z');
		saveAt(reading, 'world/harbour-vote', '2026-11-03T10:05:00Z');
		saveAt(reading, 'business/pier-cafe', '2026-11-03T10:09:00Z');
		expect(ids(articlesOf({kind: 'saved'}, library, reading))).toEqual(['business/pier-cafe', 'world/harbour-vote', 'science/moth-survey']);
	});

	it('moves an article saved again to the top, and drops one unsaved', () => {
		const reading = readingOnTestClock();
		saveAt(reading, 'science/moth-survey', '2026-11-03T10:00:00Z');
		saveAt(reading, 'world/harbour-vote', '2026-11-03T10:01:00Z');
		saveAt(reading, 'business/pier-cafe', '2026-11-03T10:02:00Z');
		saveAt(reading, 'science/moth-survey', '2026-11-03T10:03:00Z');
		expect(ids(articlesOf({kind: 'saved'}, library, reading))).toEqual(['science/moth-survey', 'business/pier-cafe', 'world/harbour-vote']);
		reading.setSaved('business/pier-cafe', false);
		expect(ids(articlesOf({kind: 'saved'}, library, reading))).toEqual(['science/moth-survey', 'world/harbour-vote']);
	});

	it('leaves out a saved article that is no longer in the library', () => {
		const reading = createMemoryReadingState();
		reading.setSaved('world/flood-drill', true);
		reading.setSaved('world/deleted-story', true);
		expect(ids(articlesOf({kind: 'saved'}, library, reading))).toEqual(['world/flood-drill']);
	});

	it('lists search results, title matches before body matches', () => {
		const reading = createMemoryReadingState();
		// "harbour" is in one title and in the body of the tide gauge article.
		expect(ids(articlesOf({kind: 'search', query: 'harbour'}, library, reading))).toEqual(['world/harbour-vote', 'science/tide-gauge']);
		expect(ids(articlesOf({kind: 'search', query: 'sandbags'}, library, reading))).toEqual(['world/flood-drill']);
	});

	it('finds nothing for a word in no article, or an empty search', () => {
		const reading = createMemoryReadingState();
		expect(articlesOf({kind: 'search', query: 'zeppelin'}, library, reading)).toEqual([]);
		expect(articlesOf({kind: 'search', query: '   '}, library, reading)).toEqual([]);
	});
});

describe('sourceTitle', () => {
	it('names each list in its header', () => {
		expect(sourceTitle({kind: 'section', name: 'World'})).toBe('World');
		expect(sourceTitle({kind: 'all'})).toBe('All articles');
		expect(sourceTitle({kind: 'saved'})).toBe('Saved');
		expect(sourceTitle({kind: 'search', query: 'harbour'})).toBe('Search: harbour');
	});
});

describe('nextUnread', () => {
	const list = ['a', 'b', 'c', 'd'].map(id => ({id}));
	const ids = (found: {id: string} | undefined) => found?.id;

	it('finds the first unread article from the start on, going round to the top', () => {
		const read = new Set(['a', 'c']);
		expect(ids(nextUnread(list, 0, id => read.has(id)))).toBe('b');
		expect(ids(nextUnread(list, 2, id => read.has(id)))).toBe('d');
		expect(ids(nextUnread(list, 4, id => read.has(id)))).toBe('b');
	});

	it('never offers the article being read, and finds nothing when the rest is read', () => {
		const read = new Set(['a', 'b', 'd']);
		expect(nextUnread(list, 3, id => read.has(id), 'c')).toBeUndefined();
		expect(nextUnread([], 0, () => false)).toBeUndefined();
	});
});

describe('unreadCount and factsOfList', () => {
	it('counts a list\'s unread articles again after a read mark changes, and only for that reading state', () => {
		const reading = createMemoryReadingState();
		const other = createMemoryReadingState();
		const world = articlesOf({kind: 'section', name: 'World'}, library, reading);
		const worldCount = world.length;
		expect(unreadCount(world, reading)).toBe(worldCount);
		reading.setRead(world[0]!.id, true);
		expect(unreadCount(world, reading)).toBe(worldCount - 1);
		expect(unreadCount(world, other)).toBe(worldCount);
		reading.setRead(world[0]!.id, false);
		expect(unreadCount(world, reading)).toBe(worldCount);
	});

	it('gives the widest title of a list in columns, wide characters counted twice', () => {
		const list = [{title: 'Short'}, {title: '港の投票'}, {title: 'A title of twenty ch'}].map((fields, index) => ({id: `x/${index}`, file: '', section: 'X', summary: '', tags: [], related: [], ...fields}));
		expect(factsOfList(list).widestTitle).toBe(20);
		expect(factsOfList(list.slice(0, 2)).widestTitle).toBe(8);
	});
});
