import {mkdirSync, readdirSync, readFileSync, statSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {beforeEach, describe, expect, it, vi} from 'vitest';
import {diskFaults, faults} from '../helpers/faulty-fs.js';
import {bundledWorker, type WorkerEnd} from '../helpers/bundled-worker.js';
import {temporaryFolder} from '../helpers/temporary-folder.js';
import {
	feedStateFile,
	readFeedSettings,
	readFeedStates,
	readSubscriptions,
	type Subscription,
	subscriptionsFile,
	SubscriptionsFileError,
	updateFeedSettings,
	updateFeedStates,
	updateSubscriptions,
	withoutSubscription,
	withSubscription,
} from '../../source/store/subscriptions.js';

vi.mock('node:fs', async importOriginal => (await import('../helpers/faulty-fs.js')).faultyFs(await importOriginal()));

beforeEach(() => {
	faults.reset();
});

function feedsFile(): string {
	return path.join(temporaryFolder('subscriptions'), 'config', 'feeds.json');
}

const gazette: Subscription = {url: 'https://gazette.example.com/feed.xml', title: 'Marrowick Gazette', section: 'Local', fullText: 'auto', link: 'https://gazette.example.com/', added: '2026-12-06T10:00:00.000Z'};
const ledger: Subscription = {url: 'https://ledger.example.com/world.xml', title: 'Northern Ledger', fullText: 'always', added: '2026-12-06T10:05:00.000Z'};

/** The error `work` throws. */
async function failureOf(work: () => unknown): Promise<Error> {
	try {
		await work();
	} catch (error) {
		return error as Error;
	}

	throw new Error('it did not fail');
}

describe('where the files are', () => {
	it('keeps feeds.json and feeds-state.json in NEWSREAD_HOME when it is set', () => {
		expect(subscriptionsFile({NEWSREAD_HOME: '/home/dora/news'})).toBe('/home/dora/news/feeds.json');
		expect(feedStateFile({NEWSREAD_HOME: '/home/dora/news'})).toBe('/home/dora/news/feeds-state.json');
	});
});

describe('the subscriptions file', () => {
	it('has no subscriptions before it exists, and reading does not create it', () => {
		const file = feedsFile();
		expect(readSubscriptions(file)).toEqual([]);
		expect(() => statSync(path.dirname(file))).toThrow();
	});

	it('adds and removes feeds, in a private folder, in a file only its owner reads', async () => {
		const file = feedsFile();
		await updateSubscriptions(file, feeds => withSubscription(feeds, gazette));
		await updateSubscriptions(file, feeds => withSubscription(feeds, ledger));
		expect(readSubscriptions(file)).toEqual([gazette, ledger]);
		expect(statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
		expect(statSync(file).mode & 0o777).toBe(0o600);

		await updateSubscriptions(file, feeds => withoutSubscription(feeds, gazette.url));
		expect(readSubscriptions(file)).toEqual([ledger]);
	});

	it('subscribing again to a feed changes it in place and keeps when it was first added', async () => {
		const file = feedsFile();
		await updateSubscriptions(file, feeds => withSubscription(withSubscription(feeds, gazette), ledger));
		const after = await updateSubscriptions(file, feeds => withSubscription(feeds, {url: gazette.url, section: 'News', fullText: 'never', added: '2027-01-01T00:00:00.000Z'}));
		expect(after).toEqual([{...gazette, section: 'News', fullText: 'never'}, ledger]);
		expect(readSubscriptions(file)).toEqual(after);
	});

	it('writes pretty JSON with two spaces that a person can read, and reads back a hand edit', async () => {
		const file = feedsFile();
		await updateSubscriptions(file, feeds => withSubscription(feeds, ledger));
		expect(readFileSync(file, 'utf8')).toBe([
			'{',
			'  "feeds": [',
			'    {',
			'      "url": "https://ledger.example.com/world.xml",',
			'      "title": "Northern Ledger",',
			'      "fullText": "always",',
			'      "added": "2026-12-06T10:05:00.000Z"',
			'    }',
			'  ]',
			'}',
			'',
		].join('\n'));

		// A person adds a feed with only its address and a note of their own, and a title with an escape sequence.
		writeFileSync(file, [
			'{',
			'  "feeds": [',
			'    {"url": "https://ledger.example.com/world.xml", "title": "Northern \\u001b[31mLedger", "fullText": "always", "added": "2026-12-06T10:05:00.000Z"},',
			'    {"url": "https://tides.example.org/atom.xml", "note": "from the harbour master"}',
			'  ]',
			'}',
		].join('\n'));
		expect(readSubscriptions(file)).toEqual([
			ledger,
			{url: 'https://tides.example.org/atom.xml', fullText: 'auto', note: 'from the harbour master'},
		]);

		// The next change keeps the note.
		await updateSubscriptions(file, feeds => withSubscription(feeds, gazette));
		const written = JSON.parse(readFileSync(file, 'utf8')) as {feeds: Array<Record<string, unknown>>};
		expect(written.feeds[1]).toEqual({url: 'https://tides.example.org/atom.xml', fullText: 'auto', note: 'from the harbour master'});
		expect(written.feeds.map(feed => feed['url'])).toEqual([ledger.url, 'https://tides.example.org/atom.xml', gazette.url]);
	});

	it('reads a file emptied by hand, or saved with a byte order mark', () => {
		const file = feedsFile();
		mkdirSync(path.dirname(file), {recursive: true});
		writeFileSync(file, '\n');
		expect(readSubscriptions(file)).toEqual([]);
		writeFileSync(file, '\uFEFF{"feeds": [{"url": "https://ledger.example.com/world.xml"}]}');
		expect(readSubscriptions(file)).toEqual([{url: 'https://ledger.example.com/world.xml', fullText: 'auto'}]);
	});
});

describe('a broken subscriptions file', () => {
	function brokenFile(text: string): string {
		const file = feedsFile();
		mkdirSync(path.dirname(file), {recursive: true});
		writeFileSync(file, text);
		return file;
	}

	it('is named with the line and column where the JSON goes wrong, and is never replaced', async () => {
		const text = '{\n  "feeds": [\n    {"url": "https://ledger.example.com/world.xml"}\n    {"url": "https://tides.example.org/atom.xml"}\n  ]\n}\n';
		const file = brokenFile(text);
		const error = await failureOf(() => readSubscriptions(file));
		expect(error).toBeInstanceOf(SubscriptionsFileError);
		expect(error.message).toBe(`The subscriptions file ${file} cannot be used: it is not valid JSON (Expected ',' or ']' after array element in JSON at line 4, column 5). Fix it or move it away; newsread does not change it until then.`);

		const update = await failureOf(async () => updateSubscriptions(file, feeds => withSubscription(feeds, gazette)));
		expect(update.message).toBe(error.message);
		expect(readFileSync(file, 'utf8')).toBe(text);
		expect(readdirSync(path.dirname(file))).toEqual(['feeds.json']);
	});

	it('says which feed is wrong and how', () => {
		const file = brokenFile(JSON.stringify({feeds: [
			{url: 'https://ledger.example.com/world.xml', fullText: 'sometimes'},
			{title: 'No address'},
			{url: 'ftp://files.example.org/feed'},
			'https://tides.example.org/atom.xml',
			{url: 'https://rink.example.net/feed/', title: 42},
		]}));
		expect(() => readSubscriptions(file)).toThrow(`The subscriptions file ${file} cannot be used: feed 1 (https://ledger.example.com/world.xml) has "fullText" "sometimes", not "auto", "always" or "never"; feed 2 has no "url"; feed 3 (ftp://files.example.org/feed) has a "url" that is not an http or https address; and 2 more. Fix it or move it away; newsread does not change it until then.`);
	});

	it('says when the file is not the list newsread writes', () => {
		expect(() => readSubscriptions(brokenFile('[]'))).toThrow(/cannot be used: it is not a JSON object with a "feeds" list\./);
		expect(() => readSubscriptions(brokenFile('{"subscriptions": []}'))).toThrow(/cannot be used: it has no "feeds" list\./);
		expect(() => readSubscriptions(brokenFile('{"feeds": {}}'))).toThrow(/cannot be used: "feeds" is not a list\./);
	});

	it('says when the file cannot be read at all', async () => {
		const file = feedsFile();
		mkdirSync(file, {recursive: true});
		const error = await failureOf(() => readSubscriptions(file));
		expect(error).toBeInstanceOf(SubscriptionsFileError);
		expect(error.message).toMatch(/^The subscriptions file .*feeds\.json cannot be used: it cannot be read \(EISDIR: illegal operation on a directory, read\)\./);
	});
});

describe('a write that fails', () => {
	for (const fault of diskFaults.filter(candidate => candidate.code !== 'EACCES')) {
		it(`leaves the old file whole on ${fault.name}, and the next change works`, async () => {
			const file = feedsFile();
			await updateSubscriptions(file, feeds => withSubscription(feeds, gazette));
			const before = readFileSync(file, 'utf8');

			fault.arm(file);
			const error = await failureOf(async () => updateSubscriptions(file, feeds => withSubscription(feeds, ledger)));
			expect((error as NodeJS.ErrnoException).code).toBe(fault.code);
			faults.reset();

			expect(readFileSync(file, 'utf8')).toBe(before);
			expect(readSubscriptions(file)).toEqual([gazette]);
			// No temporary file left, and the lock was let go.
			expect(readdirSync(path.dirname(file))).toEqual(['feeds.json']);
			await updateSubscriptions(file, feeds => withSubscription(feeds, ledger), {lockWaitMs: 0});
			expect(readSubscriptions(file)).toEqual([gazette, ledger]);
		});
	}
});

describe('the fetch state file', () => {
	it('remembers what each fetch needs for the next one', async () => {
		const file = path.join(temporaryFolder('feed-state'), 'feeds-state.json');
		expect(readFeedStates(file)).toEqual({});
		await updateFeedStates(file, states => ({...states, [gazette.url]: {etag: '"v1"', lastModified: 'Sat, 05 Dec 2026 19:40:00 GMT', lastChecked: '2026-12-06T10:00:00.000Z'}}));
		await updateFeedStates(file, states => ({...states, [ledger.url]: {lastChecked: '2026-12-06T10:00:01.000Z', lastError: 'The server answered 503 Service Unavailable.', nextFetchAfter: '2026-12-06T11:00:00.000Z'}}));
		expect(readFeedStates(file)).toEqual({
			[gazette.url]: {etag: '"v1"', lastModified: 'Sat, 05 Dec 2026 19:40:00 GMT', lastChecked: '2026-12-06T10:00:00.000Z'},
			[ledger.url]: {lastChecked: '2026-12-06T10:00:01.000Z', lastError: 'The server answered 503 Service Unavailable.', nextFetchAfter: '2026-12-06T11:00:00.000Z'},
		});
		expect(statSync(file).mode & 0o777).toBe(0o600);
	});

	it('starts over from a damaged file with a warning, as it is only a cache', async () => {
		const file = path.join(temporaryFolder('feed-state'), 'feeds-state.json');
		// Cut off where a killed writer of another program could have left it.
		writeFileSync(file, '{"feeds": {"https://gazette.example.com/feed.xml": ');
		const warnings: string[] = [];
		expect(readFeedStates(file, message => warnings.push(message))).toEqual({});
		expect(warnings).toEqual([`The feed fetch state ${file} was damaged (Unexpected end of JSON input); it starts over, and every feed is fetched as new.`]);

		await updateFeedStates(file, states => ({...states, [ledger.url]: {etag: '"w"'}}), {onWarning: message => warnings.push(message)});
		expect(warnings).toHaveLength(2);
		expect(readFeedStates(file)).toEqual({[ledger.url]: {etag: '"w"'}});
	});

	it('leaves out values of the wrong kind and keeps the rest', () => {
		const file = path.join(temporaryFolder('feed-state'), 'feeds-state.json');
		writeFileSync(file, JSON.stringify({feeds: {[gazette.url]: {etag: 7, lastChecked: '2026-12-06T10:00:00.000Z'}, [ledger.url]: 'fetched'}}));
		const warnings: string[] = [];
		expect(readFeedStates(file, message => warnings.push(message))).toEqual({[gazette.url]: {lastChecked: '2026-12-06T10:00:00.000Z'}});
		expect(warnings).toEqual([`The feed fetch state ${file} had 2 bad values; they were left out.`]);
	});
});

describe('two processes changing the files at once', () => {
	const {start: startWorker} = bundledWorker('test/helpers/subscriptions-worker.ts');
	type Finished = WorkerEnd;

	/** Runs two workers that start writing together. */
	async function runTogether(first: string[], second: string[]): Promise<Finished[]> {
		const workers = await Promise.all([startWorker(first), startWorker(second)]);
		for (const {child} of workers) {
			child.stdin?.end('go\n');
		}

		return Promise.all(workers.map(async ({exited}) => exited));
	}

	const urls = (tag: string, count: number) => Array.from({length: count}, (_, index) => `https://${tag}.example.org/feed/${index}`);

	it('keeps every feed two processes subscribe to at the same time', async () => {
		const file = feedsFile();
		const results = await runTogether(['add', file, '25', 'east'], ['add', file, '25', 'west']);
		for (const result of results) {
			expect(result.stderr).toBe('');
			expect(result.code).toBe(0);
			expect(result.stdout.endsWith('done\n')).toBe(true);
		}

		const stored = readSubscriptions(file).map(feed => feed.url);
		expect(stored.toSorted()).toEqual([...urls('east', 25), ...urls('west', 25)].toSorted());
		// Each process's own feeds stay in the order it added them.
		expect(stored.filter(url => url.includes('east'))).toEqual(urls('east', 25));
	}, 120_000);

	it('keeps the fetch state of every feed two refreshes record at the same time', async () => {
		const file = path.join(path.dirname(feedsFile()), 'feeds-state.json');
		const results = await runTogether(['state', file, '25', 'cron'], ['state', file, '25', 'reader']);
		for (const result of results) {
			expect(result.stderr).toBe('');
			expect(result.code).toBe(0);
		}

		const states = readFeedStates(file);
		expect(Object.keys(states).toSorted()).toEqual([...urls('cron', 25), ...urls('reader', 25)].toSorted());
		expect(states['https://reader.example.org/feed/7']?.etag).toBe('"reader-7"');
	}, 120_000);

	it('keeps both of two changes made at once in one process', async () => {
		const file = feedsFile();
		await Promise.all([
			updateSubscriptions(file, feeds => withSubscription(feeds, gazette)),
			updateSubscriptions(file, feeds => withSubscription(feeds, ledger)),
		]);
		expect(readSubscriptions(file).map(feed => feed.url).toSorted()).toEqual([gazette.url, ledger.url].toSorted());
	});

	it('records the fetch state of 40 feeds stored at once by one refresh, each waiting its turn (none gives up on the lock)', async () => {
		const file = path.join(path.dirname(feedsFile()), 'feeds-state.json');
		const feeds = urls('crowd', 40);
		// No wait for another process's lock: only this process's own changes stand in each other's way.
		await Promise.all(feeds.map(async (url, index) => updateFeedStates(file, states => ({...states, [url]: {etag: `"crowd-${index}"`}}), {lockWaitMs: 0})));
		const states = readFeedStates(file);
		expect(Object.keys(states).toSorted()).toEqual(feeds.toSorted());
		expect(states['https://crowd.example.org/feed/39']?.etag).toBe('"crowd-39"');
	});
});


describe('the settings in feeds.json', () => {
	it('are the defaults when the file or its "settings" is absent', () => {
		const file = feedsFile();
		expect(readFeedSettings(file)).toEqual({refreshOnStart: false, refreshEveryMinutes: 0});
		mkdirSync(path.dirname(file), {recursive: true});
		writeFileSync(file, JSON.stringify({feeds: [gazette]}));
		expect(readFeedSettings(file)).toEqual({refreshOnStart: false, refreshEveryMinutes: 0});
	});

	it('reads what a person wrote, null as absent', () => {
		const file = feedsFile();
		mkdirSync(path.dirname(file), {recursive: true});
		writeFileSync(file, JSON.stringify({settings: {refreshOnStart: true, refreshEveryMinutes: 30, keepArticles: 200, keepDays: null}, feeds: []}));
		expect(readFeedSettings(file)).toEqual({refreshOnStart: true, refreshEveryMinutes: 30, keepArticles: 200});
	});

	it.each([
		[{refreshOnStart: 'yes'}, '"refreshOnStart" is "yes", not true or false'],
		[{refreshEveryMinutes: -5}, '"refreshEveryMinutes" is -5, not a whole number of minutes, 0 for never'],
		[{keepArticles: 0}, '"keepArticles" is 0, not a whole number of articles, 1 or more (leave it out to keep all)'],
		[{keepDays: 2.5}, '"keepDays" is 2.5, not a whole number of days, 1 or more (leave it out to keep all)'],
		['weekly', '"settings" is not an object'],
	])('names a wrong setting %j and what it should be', async (settings, problem) => {
		const file = feedsFile();
		mkdirSync(path.dirname(file), {recursive: true});
		writeFileSync(file, JSON.stringify({settings, feeds: []}));
		const error = await failureOf(() => readFeedSettings(file));
		expect(error).toBeInstanceOf(SubscriptionsFileError);
		expect(error.message).toBe(`The subscriptions file ${file} cannot be used: ${problem === '"settings" is not an object' ? problem : `the setting ${problem}`}. Fix it or move it away; newsread does not change it until then.`);
		await expect(updateFeedSettings(file, current => current)).rejects.toThrow(SubscriptionsFileError);
	});

	it('are changed without touching the feeds or keys a person added, and kept when the feeds change', async () => {
		const file = feedsFile();
		mkdirSync(path.dirname(file), {recursive: true});
		writeFileSync(file, JSON.stringify({owner: 'dora', settings: {theme: 'dark'}, feeds: [gazette]}));
		expect(await updateFeedSettings(file, settings => ({...settings, refreshOnStart: true, keepDays: 30}))).toEqual({refreshOnStart: true, refreshEveryMinutes: 0, keepDays: 30});
		await updateSubscriptions(file, feeds => withSubscription(feeds, ledger));
		expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
			settings: {refreshOnStart: true, refreshEveryMinutes: 0, keepDays: 30, theme: 'dark'},
			owner: 'dora',
			feeds: [gazette, ledger],
		});
		expect(await updateFeedSettings(file, ({keepDays: _removed, ...settings}) => settings)).toEqual({refreshOnStart: true, refreshEveryMinutes: 0});
		expect(readFeedSettings(file)).toEqual({refreshOnStart: true, refreshEveryMinutes: 0});
		expect(readSubscriptions(file)).toEqual([gazette, ledger]);
	});

	it('lets a feed keep its own limits, and names a wrong one', () => {
		const file = feedsFile();
		mkdirSync(path.dirname(file), {recursive: true});
		writeFileSync(file, JSON.stringify({feeds: [{...gazette, keepArticles: 20, keepDays: null}]}));
		expect(readSubscriptions(file)).toEqual([{...gazette, keepArticles: 20}]);
		writeFileSync(file, JSON.stringify({feeds: [{...gazette, keepDays: 'a week'}]}));
		expect(() => readSubscriptions(file)).toThrow('feed 1 (https://gazette.example.com/feed.xml) has "keepDays" "a week", not a whole number of days, 1 or more (leave it out to keep all)');
	});
});
