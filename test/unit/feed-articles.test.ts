// Feed items stored as newsread articles: the library reads them back with every field, an item seen
// again is the same file (unchanged, updated in place, or renamed without moving), hostile text
// round-trips, a failed write leaves no half file, and retention spares what is protected.
import {readdirSync, readFileSync, statSync, utimesSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {afterEach, describe, expect, it, vi} from 'vitest';
import {listCommand} from '../../source/commands/list.js';
import {loadLibrary} from '../../source/core/library.js';
import {pruneFeedArticles, type StorableFeedItem, storeFeedItems} from '../../source/store/feed-articles.js';
import {feedArticlesFolder} from '../../source/store/paths.js';
import {commandContext} from '../helpers/command-context.js';
import {faults} from '../helpers/faulty-fs.js';
import {bundledWorker} from '../helpers/bundled-worker.js';
import {temporaryFolder} from '../helpers/temporary-folder.js';

vi.mock('node:fs', async importOriginal => (await import('../helpers/faulty-fs.js')).faultyFs(await importOriginal()));

afterEach(() => {
	faults.reset();
});

const ESC = '\u001B';
const gazette = {url: 'https://gazette.example/feed.xml', section: 'Marrowick Gazette'};

/** What the library (and list --json) says of the stored harbourVote, written out by hand. */
const harbourFields = {
	title: 'Harbour council votes to close the ferry slip',
	section: 'Marrowick Gazette',
	date: '2026-11-02T08:30:00.000Z',
	author: 'Ines Calloway',
	summary: 'After a tied first ballot, councillors agreed to close the slip.',
	tags: ['harbour', 'council'],
	related: [],
	source: 'https://gazette.example/2026/11/harbour-vote',
	feed: 'https://gazette.example/feed.xml',
	guid: 'https://gazette.example/2026/11/harbour-vote',
};

const harbourVote: StorableFeedItem = {
	guid: 'https://gazette.example/2026/11/harbour-vote',
	title: 'Harbour council votes to close the ferry slip',
	link: 'https://gazette.example/2026/11/harbour-vote',
	date: '2026-11-02T08:30:00.000Z',
	author: 'Ines Calloway',
	summary: 'After a tied first ballot, councillors agreed to close the slip.',
	tags: ['Harbour', 'Council'],
	enclosures: [],
	markdown: 'The stone slip will close.\n\n## A tied ballot\n\nSix votes to six.\n',
};

/** An item whose guid is not an address: it names the item only within its feed. */
const cafe: StorableFeedItem = {
	guid: '42',
	title: 'Café reopens',
	link: 'https://gazette.example/cafe',
	tags: [],
	enclosures: [],
	markdown: 'Under new owners.',
};

// The hashes by hand: sha256 of the guid (an address), or of the feed URL, a newline and the guid.
const harbourId = 'marrowick-gazette/harbour-council-votes-to-close-the-ferry-slip-7233972b33';
const cafeId = 'marrowick-gazette/cafe-reopens-6f6403d037';

/** Every file below the folder, relative, sorted. */
function filesIn(folder: string): string[] {
	return (readdirSync(folder, {recursive: true, withFileTypes: true}))
		.filter(entry => entry.isFile())
		.map(entry => path.relative(folder, path.join(entry.parentPath, entry.name)))
		.sort();
}

const longAgo = new Date('2020-01-01T00:00:00Z');

describe('storeFeedItems', () => {
	it('stores each item as an article the library reads with its section, date, author, tags, source, feed and guid', () => {
		const folder = temporaryFolder('feeds');
		expect(storeFeedItems(folder, gazette, [harbourVote, cafe])).toEqual({added: 2, updated: 0, unchanged: 0, ids: [harbourId, cafeId]});
		expect(filesIn(folder)).toEqual([`${cafeId}.md`, `${harbourId}.md`]);

		const library = loadLibrary([{path: folder}]);
		expect(library.problems).toEqual([]);
		expect(library.warnings).toEqual([]);
		expect(library.sections.map(({name}) => name)).toEqual(['Marrowick Gazette']);
		expect(library.get(harbourId)).toEqual({id: harbourId, file: path.join(folder, `${harbourId}.md`), ...harbourFields});
		expect(library.article(harbourId).blocks).toContainEqual({kind: 'subheading', level: 2, text: 'A tied ballot'});

		const bare = library.get(cafeId);
		expect(bare?.date).toBeUndefined();
		expect(bare?.author).toBeUndefined();
		expect(bare?.summary).toBe('');
		expect(bare?.guid).toBe('42');
	});

	it('lists them with feed, source and guid in list --json', async () => {
		const folder = temporaryFolder('feeds');
		storeFeedItems(folder, gazette, [harbourVote, cafe]);
		const {context, stdout} = commandContext({flags: {json: true}, library: loadLibrary([{path: folder}])});
		expect(await listCommand(context)).toBe(0);
		expect(JSON.parse(stdout.text)).toEqual([
			{id: harbourId, ...harbourFields, file: path.join(folder, `${harbourId}.md`), read: false},
			{
				id: cafeId,
				title: 'Café reopens',
				section: 'Marrowick Gazette',
				date: null,
				author: null,
				summary: '',
				tags: [],
				related: [],
				source: 'https://gazette.example/cafe',
				feed: 'https://gazette.example/feed.xml',
				guid: '42',
				file: path.join(folder, `${cafeId}.md`),
				read: false,
			},
		]);
	});

	it('writes nothing when the same items are stored again', () => {
		const folder = temporaryFolder('feeds');
		storeFeedItems(folder, gazette, [harbourVote, cafe]);
		for (const file of filesIn(folder)) {
			utimesSync(path.join(folder, file), longAgo, longAgo);
		}

		expect(storeFeedItems(folder, gazette, [harbourVote, cafe])).toEqual({added: 0, updated: 0, unchanged: 2, ids: [harbourId, cafeId]});
		for (const file of filesIn(folder)) {
			expect(statSync(path.join(folder, file)).mtime).toEqual(longAgo);
		}
	});

	it('rewrites a changed item in place, under the same id', () => {
		const folder = temporaryFolder('feeds');
		storeFeedItems(folder, gazette, [harbourVote, cafe]);
		const changed = {...harbourVote, summary: 'The slip closes in two years.', markdown: 'Corrected text.'};
		expect(storeFeedItems(folder, gazette, [changed, cafe])).toEqual({added: 0, updated: 1, unchanged: 1, ids: [harbourId, cafeId]});
		expect(filesIn(folder)).toEqual([`${cafeId}.md`, `${harbourId}.md`]);
		const library = loadLibrary([{path: folder}]);
		expect(library.get(harbourId)?.summary).toBe('The slip closes in two years.');
		expect(library.body(harbourId)).toBe('\nCorrected text.\n');
	});

	it('keeps the file and id of an item whose title changed', () => {
		const folder = temporaryFolder('feeds');
		storeFeedItems(folder, gazette, [harbourVote]);
		const renamed = {...harbourVote, title: 'UPDATED: council delays the ferry slip vote'};
		expect(storeFeedItems(folder, gazette, [renamed])).toEqual({added: 0, updated: 1, unchanged: 0, ids: [harbourId]});
		expect(filesIn(folder)).toEqual([`${harbourId}.md`]);
		expect(loadLibrary([{path: folder}]).get(harbourId)?.title).toBe('UPDATED: council delays the ferry slip vote');
	});

	it('keeps the file and id of an item whose feed moved to another section', () => {
		const folder = temporaryFolder('feeds');
		storeFeedItems(folder, gazette, [harbourVote]);
		expect(storeFeedItems(folder, {...gazette, section: 'Local'}, [harbourVote]).ids).toEqual([harbourId]);
		expect(filesIn(folder)).toEqual([`${harbourId}.md`]);
		expect(loadLibrary([{path: folder}]).get(harbourId)?.section).toBe('Local');
	});

	it('keeps one of two files a race left for one item, the first by name', () => {
		const folder = temporaryFolder('feeds');
		storeFeedItems(folder, gazette, [harbourVote]);
		const copy = 'marrowick-gazette/updated-harbour-council-votes-7233972b33.md';
		writeFileSync(path.join(folder, copy), readFileSync(path.join(folder, `${harbourId}.md`)));
		expect(storeFeedItems(folder, gazette, [harbourVote]).ids).toEqual([harbourId]);
		expect(filesIn(folder)).toEqual([`${harbourId}.md`]);
	});

	it('keeps items that left the feed', () => {
		const folder = temporaryFolder('feeds');
		storeFeedItems(folder, gazette, [harbourVote, cafe]);
		expect(storeFeedItems(folder, gazette, [cafe])).toEqual({added: 0, updated: 0, unchanged: 1, ids: [cafeId]});
		expect(loadLibrary([{path: folder}]).articles.map(({id}) => id)).toEqual([harbourId, cafeId]);
	});

	it('keeps two feeds\' items with the same plain guid apart', () => {
		const folder = temporaryFolder('feeds');
		const other = {url: 'https://other.example/rss', section: 'Marrowick Gazette'};
		storeFeedItems(folder, gazette, [cafe]);
		const [otherId] = storeFeedItems(folder, other, [{...cafe, title: 'Café reopens', markdown: 'Another story.'}]).ids;
		expect(otherId).not.toBe(cafeId);
		const library = loadLibrary([{path: folder}]);
		expect(library.get(cafeId)?.feed).toBe('https://gazette.example/feed.xml');
		expect(library.get(otherId!)?.feed).toBe('https://other.example/rss');
	});

	it('names the folder feeds/ in the data folder', () => {
		expect(feedArticlesFolder({NEWSREAD_HOME: '/home/ann/news'})).toBe(path.resolve('/home/ann/news/feeds'));
	});
});

describe('hostile feed text', () => {
	const hostileTitles: Array<[string, string]> = [
		['Breaking: markets fall # again', 'Breaking: markets fall # again'],
		['- a leading dash', '- a leading dash'],
		['---', '---'],
		['...', '...'],
		['line one\nline two\r\n---\nline three', 'line one line two --- line three'],
		[`${ESC}]0;owned${'\u0007'}Title ${ESC}[31mred${ESC}[0m`, 'Title red'],
		['"quoted" and \'single\'', '"quoted" and \'single\''],
		['true', 'true'],
		['2026', '2026'],
		['[not a list]', '[not a list]'],
		['{not: a map}', '{not: a map}'],
		['*alias &anchor !tag %directive @at `tick', '*alias &anchor !tag %directive @at `tick'],
		['| pipe', '| pipe'],
		['> fold', '> fold'],
		['   ', 'Untitled'],
	];

	it.each(hostileTitles)('reads the title %j back as %j', (title, expected) => {
		const folder = temporaryFolder('feeds');
		const {ids} = storeFeedItems(folder, gazette, [{...cafe, title}]);
		const library = loadLibrary([{path: folder}]);
		expect(library.problems).toEqual([]);
		expect(library.get(ids[0]!)?.title).toBe(expected);
	});

	it('reads back a title of 100,000 characters and names its file after its first 50 characters', () => {
		const folder = temporaryFolder('feeds');
		const title = `Long ${'word '.repeat(20_000)}end`;
		const {ids} = storeFeedItems(folder, gazette, [{...cafe, title}]);
		expect(ids).toEqual([`marrowick-gazette/long-word-word-word-word-word-word-word-word-word-6f6403d037`]);
		expect(loadLibrary([{path: folder}]).get(ids[0]!)?.title).toBe(title);
	});

	it('keeps escape sequences out of every field and the body, and --- lines in the body stay body', () => {
		const folder = temporaryFolder('feeds');
		const {ids} = storeFeedItems(folder, {url: `https://gazette.example/feed${ESC}[2J`, section: `News${ESC}[1m`}, [{
			guid: `https://gazette.example/x${ESC}]8;;https://evil.example${ESC}\\`,
			title: 'Title',
			link: `https://gazette.example/x${ESC}[5m`,
			author: `Ann ${ESC}[7mReader`,
			summary: `Sum${ESC}[2Jmary\n---\nmore`,
			tags: [`tag${ESC}[31m`, '---'],
			enclosures: [],
			markdown: `First.\n\n---\ntitle: not frontmatter\n---\n\nLast ${ESC}[2Jline.`,
		}]);
		const file = path.join(folder, `${ids[0]!}.md`);
		expect(readFileSync(file, 'utf8')).not.toContain(ESC);
		const library = loadLibrary([{path: folder}]);
		expect(library.problems).toEqual([]);
		expect(library.get(ids[0]!)).toMatchObject({
			title: 'Title',
			section: 'News',
			author: 'Ann Reader',
			summary: 'Summary --- more',
			tags: ['tag', '---'],
			source: 'https://gazette.example/x',
			feed: 'https://gazette.example/feed',
			guid: 'https://gazette.example/x',
		});
		expect(library.body(ids[0]!)).toBe('\nFirst.\n\n---\ntitle: not frontmatter\n---\n\nLast line.\n');
	});
});

describe('a failed write', () => {
	it.each([
		['a full disk after 40 bytes', () => {
			faults.write = {allow: 40, code: 'ENOSPC'};
		}],
		['an I/O error at fsync', () => {
			faults.fsync = 'EIO';
		}],
	])('leaves no half-written article (%s)', (_name, arm) => {
		const folder = temporaryFolder('feeds');
		arm();
		expect(() => storeFeedItems(folder, gazette, [harbourVote])).toThrow();
		faults.reset();
		expect(filesIn(folder)).toEqual([]);
		expect(loadLibrary([{path: folder}]).articles).toEqual([]);
	});

	it('leaves the stored article as it was when its update fails', () => {
		const folder = temporaryFolder('feeds');
		storeFeedItems(folder, gazette, [harbourVote]);
		const before = readFileSync(path.join(folder, `${harbourId}.md`), 'utf8');
		faults.write = {allow: 40, code: 'ENOSPC'};
		expect(() => storeFeedItems(folder, gazette, [{...harbourVote, markdown: 'New text.'}])).toThrow(/ENOSPC/);
		faults.reset();
		expect(filesIn(folder)).toEqual([`${harbourId}.md`]);
		expect(readFileSync(path.join(folder, `${harbourId}.md`), 'utf8')).toBe(before);
	});

	it('removes a temporary file a killed refresh left, once it is a minute old', () => {
		const folder = temporaryFolder('feeds');
		storeFeedItems(folder, gazette, [harbourVote]);
		const leftover = path.join(folder, `${harbourId}.md.tmp-1790000000000a1b2c3d4e5f6`);
		writeFileSync(leftover, '---\ntitle: Half');
		storeFeedItems(folder, gazette, [harbourVote], {now: () => 1_790_000_030_000});
		expect(filesIn(folder)).toContain(path.relative(folder, leftover));
		storeFeedItems(folder, gazette, [harbourVote], {now: () => 1_790_000_061_000});
		expect(filesIn(folder)).toEqual([`${harbourId}.md`]);
	});
});

describe('pruneFeedArticles', () => {
	const day = (date: string, n: number): StorableFeedItem => ({...cafe, guid: `item-${n}`, title: `Item ${n}`, date});
	const items = [day('2026-11-04T00:00:00.000Z', 1), day('2026-11-03T00:00:00.000Z', 2), day('2026-10-01T00:00:00.000Z', 3), day('2026-09-01T00:00:00.000Z', 4)];
	const now = () => Date.parse('2026-11-05T00:00:00.000Z');

	function stored() {
		const folder = temporaryFolder('feeds');
		const {ids} = storeFeedItems(folder, gazette, items);
		const otherIds = storeFeedItems(folder, {url: 'https://other.example/rss', section: 'Other'}, [day('2026-01-01T00:00:00.000Z', 9)]).ids;
		return {folder, ids, otherIds};
	}

	it('keeps the newest N and the protected ones, and leaves other feeds alone', () => {
		const {folder, ids, otherIds} = stored();
		const removed = pruneFeedArticles(folder, gazette, {keepCount: 2, protect: id => id === ids[3], now});
		expect(removed).toEqual([ids[2]]);
		expect(loadLibrary([{path: folder}]).articles.map(({id}) => id)).toEqual([ids[0], ids[1], ids[3], otherIds[0]]);
	});

	it('keeps the last N days and the protected ones', () => {
		const {folder, ids, otherIds} = stored();
		const removed = pruneFeedArticles(folder, gazette, {keepDays: 7, protect: id => id === ids[2], now});
		expect(removed).toEqual([ids[3]]);
		expect(loadLibrary([{path: folder}]).articles.map(({id}) => id)).toEqual([ids[0], ids[1], ids[2], otherIds[0]]);
	});

	it('removes nothing without a limit', () => {
		const {folder} = stored();
		expect(pruneFeedArticles(folder, gazette, {protect: () => false, now})).toEqual([]);
		expect(loadLibrary([{path: folder}]).articles).toHaveLength(5);
	});
});

describe('two refreshes at once', () => {
	const {start: startWorker} = bundledWorker('test/helpers/feed-articles-worker.ts');

	it('store one article per item between them, even when the two read different titles', async () => {
		const folder = temporaryFolder('feeds');
		const workers = await Promise.all([startWorker([folder, '60', 'cron']), startWorker([folder, '60', 'reader'])]);
		for (const {child} of workers) {
			child.stdin?.end('go\n');
		}

		for (const result of await Promise.all(workers.map(async ({exited}) => exited))) {
			expect(result.stderr).toBe('');
			expect(result.code).toBe(0);
			expect(result.stdout).toBe('ready\ndone\n');
		}

		const files = filesIn(folder);
		expect(files).toHaveLength(60);
		expect(files.every(file => file.endsWith('.md'))).toBe(true);
		const library = loadLibrary([{path: folder}]);
		expect(library.problems).toEqual([]);
		expect(new Set(library.articles.map(({guid}) => guid)).size).toBe(60);
	}, 120_000);
});
