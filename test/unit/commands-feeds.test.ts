// `newsread feeds …` and `newsread refresh` in the test process against a local HTTP server: subscribing
// (to a feed or a page that names one), listing, full text for teasers, conditional refreshes, failures
// that leave the other feeds alone, OPML in and out, unsubscribing.
import {readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {Readable} from 'node:stream';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {runCommandLine} from '../../source/command-line.js';
import {fakeOutput} from '../helpers/command-context.js';
import {body, conditional, type FeedServer, startFeedServer, status} from '../helpers/feed-server.js';
import {temporaryFolder} from '../helpers/temporary-folder.js';

let server: FeedServer;

/** An RSS 2.0 feed of the Marrowick Gazette with these items. */
function gazette(items: string): string {
	return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel>
<title>Marrowick Gazette</title><link>${server.url('/')}</link><description>News of the harbour</description>
${items}
</channel></rss>`;
}

const fullItem = `<item><title>Ferry timetable changes for winter</title><link>https://example.invalid/ferry</link>
<guid>gazette-ferry-1</guid><pubDate>Tue, 17 Nov 2026 09:30:00 GMT</pubDate><author>desk@gazette.example (Ines Calloway)</author>
<category>Transport</category>
<description><![CDATA[<p>${'The winter timetable brings fewer crossings on weekdays and one more on Saturdays. '.repeat(20)}</p><h2>What changes on Sundays</h2><p>Only two crossings.</p>]]></description></item>`;

function teaserItem(): string {
	return `<item><title>Council votes to close the old pier</title><link>${server.url('/articles/pier.html')}</link>
<guid>gazette-pier-2</guid><pubDate>Wed, 18 Nov 2026 18:00:00 +0000</pubDate>
<description>The council voted on Tuesday night. Read more…</description></item>`;
}

const articlePage = `<!doctype html><html><head><title>Pier vote - Marrowick Gazette</title></head><body>
<nav><a href="/">Home</a> <a href="/sport">Sport</a> Subscribe to our newsletter</nav>
<article><h1>Council votes to close the old pier</h1>
<p>${'The harbour council voted seven to two on Tuesday night to close the old pier to the public from January. '.repeat(8)}</p>
<h2>Why the pier is closing</h2>
<p>${'Engineers found that the timber piles under the eastern end had rotted through in several places. '.repeat(8)}</p>
<p>${'Repairs would cost more than the harbour earns from the pier in a decade, the report said. '.repeat(6)}</p>
</article><footer>Copyright Marrowick Gazette · Cookie settings</footer>
<script>trackReader()</script></body></html>`;

beforeAll(async () => {
	server = await startFeedServer();
	server.route('/gazette.xml', conditional(gazette(fullItem + teaserItem()), '"v1"', 'Wed, 18 Nov 2026 18:05:00 GMT'));
	server.route('/articles/pier.html', body(articlePage, {'content-type': 'text/html; charset=utf-8'}));
	server.route('/home.html', body(`<!doctype html><html><head><title>Gazette</title><link rel="alternate" type="application/rss+xml" title="Gazette" href="/gazette.xml"></head><body>Welcome</body></html>`, {'content-type': 'text/html'}));
	server.route('/gone.xml', status(404));
	server.route('/other.xml', body(`<?xml version="1.0"?><rss version="2.0"><channel><title>Upper Thorn Weekly</title><link>https://thorn.example/</link>
<item><title>Bridge reopens</title><guid>thorn-1</guid><link>https://thorn.example/bridge</link><description><![CDATA[<p>${'The bridge reopened on Friday after repairs. '.repeat(30)}</p>]]></description></item></channel></rss>`));
});

afterAll(async () => {
	await server.close();
});

/** Runs `newsread ...argv` in this process with NEWSREAD_HOME = home; stdout and stderr are not terminals. */
async function newsread(home: string, argv: string[]) {
	const stdout = fakeOutput();
	const stderr = fakeOutput();
	const code = await runCommandLine({argv, stdout, stderr, stdin: Readable.from([]), env: {NEWSREAD_HOME: home}});
	return {code, stdout: stdout.text, stderr: stderr.text};
}

type FeedJson = {url: string; title: string | null; link: string | null; section: string | null; items: number; lastChecked: string | null; lastError: string | null};
type ArticleJson = {id: string; title: string; section: string; date: string | null; author: string | null; feed: string | null; source: string | null; guid: string | null};

describe('newsread feeds add', () => {
	it('subscribes, fetches at once and says what it found; the articles are listed with their feed, link and guid', async () => {
		const home = temporaryFolder();
		const added = await newsread(home, ['feeds', 'add', server.url('/gazette.xml')]);
		expect(added).toMatchObject({code: 0, stdout: 'Marrowick Gazette: 2 articles\n', stderr: ''});

		const feeds = JSON.parse((await newsread(home, ['feeds', '--json'])).stdout) as FeedJson[];
		expect(feeds).toEqual([{
			url: server.url('/gazette.xml'),
			title: 'Marrowick Gazette',
			link: server.url('/'),
			section: 'Marrowick Gazette',
			fullText: 'auto',
			items: 2,
			lastChecked: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/) as string,
			lastError: null,
		}]);

		const articles = (JSON.parse((await newsread(home, ['list', '--json', '--section', 'Marrowick Gazette'])).stdout) as ArticleJson[]);
		expect(articles.map(({title, section, date, author, feed, source, guid}) => ({title, section, date, author, feed, source, guid}))).toEqual([
			{title: 'Council votes to close the old pier', section: 'Marrowick Gazette', date: '2026-11-18T18:00:00.000Z', author: null, feed: server.url('/gazette.xml'), source: server.url('/articles/pier.html'), guid: 'gazette-pier-2'},
			{title: 'Ferry timetable changes for winter', section: 'Marrowick Gazette', date: '2026-11-17T09:30:00.000Z', author: 'Ines Calloway', feed: server.url('/gazette.xml'), source: 'https://example.invalid/ferry', guid: 'gazette-ferry-1'},
		]);
	});

	it('prints the whole article of a teaser, fetched from its page, with its subheading and without the page\'s navigation or script', async () => {
		const home = temporaryFolder();
		await newsread(home, ['feeds', 'add', server.url('/gazette.xml')]);
		const [pier] = (JSON.parse((await newsread(home, ['list', '--json'])).stdout) as ArticleJson[]).filter(article => article.guid === 'gazette-pier-2');
		const read = await newsread(home, ['read', pier!.id, '--width', '80']);
		expect(read.code).toBe(0);
		expect(read.stdout).toContain('Why the pier is closing');
		// The page's own <h1> is the title, shown once above the body, not again as its first subheading.
		expect(read.stdout.split('\n').filter(line => line.includes('Council votes to close the old pier'))).toHaveLength(1);
		expect(read.stdout).toContain('Engineers found that the timber piles');
		expect(read.stdout).not.toContain('Read more');
		expect(read.stdout).not.toContain('newsletter');
		expect(read.stdout).not.toContain('trackReader');
		expect(read.stdout).not.toContain('Cookie settings');
	});

	it('keeps a feed\'s own full text: a subheading in the feed\'s HTML is a subheading of the article', async () => {
		const home = temporaryFolder();
		await newsread(home, ['feeds', 'add', server.url('/gazette.xml')]);
		const [ferry] = (JSON.parse((await newsread(home, ['list', '--json'])).stdout) as ArticleJson[]).filter(article => article.guid === 'gazette-ferry-1');
		const read = await newsread(home, ['read', ferry!.id, '--width', '80']);
		expect(read.stdout.split('\n')).toContain('What changes on Sundays');
	});

	it('subscribes to the feed a web page names', async () => {
		const home = temporaryFolder();
		const added = await newsread(home, ['feeds', 'add', server.url('/home.html')]);
		expect(added.code).toBe(0);
		expect(added.stdout).toBe(`Marrowick Gazette: 2 articles (the feed is at ${server.url('/gazette.xml')})\n`);
		expect((JSON.parse((await newsread(home, ['feeds', '--json'])).stdout) as FeedJson[]).map(feed => feed.url)).toEqual([server.url('/gazette.xml')]);
	});

	it('reads a feed:// address (the old scheme browsers handed feeds to readers with) as the web address', async () => {
		const home = temporaryFolder();
		const address = server.url('/gazette.xml').replace(/^http:/, 'feed:');
		const added = await newsread(home, ['feeds', 'add', address]);
		expect(added).toMatchObject({code: 0, stdout: 'Marrowick Gazette: 2 articles\n', stderr: ''});
		expect((JSON.parse((await newsread(home, ['feeds', '--json'])).stdout) as FeedJson[]).map(feed => feed.url)).toEqual([server.url('/gazette.xml')]);
	});

	it('answers --json with what was subscribed and what came of it, for scripts and the reader', async () => {
		const home = temporaryFolder();
		const added = await newsread(home, ['feeds', 'add', '--json', server.url('/home.html')]);
		expect(added.code).toBe(0);
		expect(JSON.parse(added.stdout)).toEqual({
			subscribed: {url: server.url('/gazette.xml'), title: 'Marrowick Gazette', section: 'Marrowick Gazette'},
			url: server.url('/gazette.xml'), title: 'Marrowick Gazette', status: 'ok', new: 2, updated: 0, removed: 0, httpStatus: 200, ms: expect.any(Number) as number, error: null,
		});
		const refused = await newsread(home, ['feeds', 'add', '--json', server.url('/gone.xml')]);
		expect(refused.code).toBe(1);
		expect(JSON.parse(refused.stdout)).toMatchObject({subscribed: null, status: 'failed', new: 0, httpStatus: 404, error: 'The server answered 404 Not Found.'});
	});

	it('puts the articles in --section, and refuses an address that is not one or a feed that cannot be read', async () => {
		const home = temporaryFolder();
		expect((await newsread(home, ['feeds', 'add', server.url('/other.xml'), '--section', 'Local'])).code).toBe(0);
		expect((await newsread(home, ['list', '--section', 'Local'])).stdout).toContain('Bridge reopens');

		const gone = await newsread(home, ['feeds', 'add', server.url('/gone.xml')]);
		expect(gone.code).toBe(1);
		expect(gone.stderr).toBe(`newsread: ${server.url('/gone.xml')}: The server answered 404 Not Found. Not subscribed.\n`);
		const notAnAddress = await newsread(home, ['feeds', 'add', 'ftp://example.org/feed']);
		expect(notAnAddress.code).toBe(2);
		expect((JSON.parse((await newsread(home, ['feeds', '--json'])).stdout) as FeedJson[]).map(feed => feed.url)).toEqual([server.url('/other.xml')]);
	});
});

describe('newsread refresh', () => {
	it('prints a line of JSON as each feed is done with --json-lines, after one with how many there are', async () => {
		const home = temporaryFolder();
		await newsread(home, ['feeds', 'add', server.url('/gazette.xml')]);
		await newsread(home, ['feeds', 'add', server.url('/other.xml')]);
		const refreshed = await newsread(home, ['refresh', '--json-lines']);
		expect(refreshed.code).toBe(0);
		const lines = refreshed.stdout.trimEnd().split('\n');
		expect(lines).toHaveLength(3);
		const events = lines.map(line => JSON.parse(line) as {type: string; done?: number; total: number; url?: string; status?: string});
		expect(events[0]).toEqual({type: 'start', total: 2});
		expect(events.slice(1).map(({type, done, total}) => ({type, done, total}))).toEqual([{type: 'feed', done: 1, total: 2}, {type: 'feed', done: 2, total: 2}]);
		expect(events.slice(1).map(event => event.url).sort()).toEqual([server.url('/gazette.xml'), server.url('/other.xml')].sort());
	});

	it('does not ask a server that answered 429 with Retry-After again before the time it named, even for a feed named on the command line', async () => {
		const home = temporaryFolder();
		await newsread(home, ['feeds', 'add', server.url('/gazette.xml')]);
		server.route('/busy.xml', status(429, {'retry-after': '3600'}));
		const opml = path.join(temporaryFolder(), 'busy.opml');
		writeFileSync(opml, `<?xml version="1.0"?><opml version="2.0"><head><title>Busy</title></head><body><outline text="Busy" type="rss" xmlUrl="${server.url('/busy.xml')}"/></body></opml>`);
		await newsread(home, ['feeds', 'import', opml]);
		const first = await newsread(home, ['refresh', '--json', server.url('/busy.xml')]);
		expect(first.code).toBe(1);
		expect(JSON.parse(first.stdout)).toMatchObject([{url: server.url('/busy.xml'), status: 'failed', httpStatus: 429}]);
		const asked = server.requestsFor('/busy.xml').length;

		const named = await newsread(home, ['refresh', '--json', server.url('/busy.xml')]);
		expect(JSON.parse(named.stdout)).toMatchObject([{url: server.url('/busy.xml'), status: 'skipped', new: 0}]);
		const all = await newsread(home, ['refresh', '--json']);
		expect((JSON.parse(all.stdout) as Array<{url: string; status: string}>).find(report => report.url === server.url('/busy.xml'))?.status).toBe('skipped');
		expect(server.requestsFor('/busy.xml')).toHaveLength(asked);
	});

	it('knows a feed unchanged when a server that ignores ETag and Last-Modified sends the same bytes, and reads it again when they change', async () => {
		const home = temporaryFolder();
		let items = fullItem;
		server.route('/plain.xml', (_request, response) => {
			response.writeHead(200, {'content-type': 'application/rss+xml'}).end(gazette(items));
		});
		await newsread(home, ['feeds', 'add', '--full-text', 'never', server.url('/plain.xml')]);
		const same = await newsread(home, ['refresh', '--json', server.url('/plain.xml')]);
		expect(JSON.parse(same.stdout)).toMatchObject([{status: 'not-modified', httpStatus: 200, new: 0, updated: 0}]);

		items = `<item><title>Harbour wall repaired</title><guid>gazette-wall-9</guid><link>https://example.invalid/wall</link><description>Done at last.</description></item>${fullItem}`;
		const changed = await newsread(home, ['refresh', '--json', server.url('/plain.xml')]);
		expect(JSON.parse(changed.stdout)).toMatchObject([{status: 'ok', httpStatus: 200, new: 1, updated: 0}]);
		const again = await newsread(home, ['refresh', '--json', server.url('/plain.xml')]);
		expect(JSON.parse(again.stdout)).toMatchObject([{status: 'not-modified', httpStatus: 200, new: 0}]);
	});

	it('gets nothing new from an unchanged feed (a conditional request answered 304)', async () => {
		const home = temporaryFolder();
		await newsread(home, ['feeds', 'add', server.url('/gazette.xml')]);
		const before = server.requestsFor('/gazette.xml').length;
		const refreshed = await newsread(home, ['refresh', '--json', server.url('/gazette.xml')]);
		expect(refreshed.code).toBe(0);
		expect(JSON.parse(refreshed.stdout)).toEqual([{url: server.url('/gazette.xml'), title: 'Marrowick Gazette', status: 'not-modified', new: 0, updated: 0, removed: 0, httpStatus: 304, ms: expect.any(Number) as number, error: null}]);
		expect(server.requestsFor('/gazette.xml').slice(before).map(request => request.headers['if-none-match'])).toEqual(['"v1"']);
	});

	it('stores the feeds that work when another fails, says which failed, and exits 1', async () => {
		const home = temporaryFolder();
		await newsread(home, ['feeds', 'add', server.url('/other.xml')]);
		writeFileSync(path.join(home, 'feeds.json'), JSON.stringify({feeds: [
			{url: server.url('/gone.xml'), title: 'Gone Times', fullText: 'auto'},
			{url: server.url('/gazette.xml'), fullText: 'never'},
			{url: server.url('/other.xml'), title: 'Upper Thorn Weekly', fullText: 'auto'},
		]}, null, 2));
		const refreshed = await newsread(home, ['refresh']);
		expect(refreshed.code).toBe(1);
		expect(refreshed.stderr).toBe('newsread: Gone Times: The server answered 404 Not Found.\n');
		expect(refreshed.stdout).toBe('');
		const titles = (JSON.parse((await newsread(home, ['list', '--json'])).stdout) as ArticleJson[]).filter(article => article.feed !== null).map(article => article.title);
		expect(titles.sort()).toEqual(['Bridge reopens', 'Council votes to close the old pier', 'Ferry timetable changes for winter']);
		const gone = (JSON.parse((await newsread(home, ['feeds', '--json'])).stdout) as FeedJson[]).find(feed => feed.url === server.url('/gone.xml'));
		expect(gone?.lastError).toBe('The server answered 404 Not Found.');
	});
});

describe('full text left waiting', () => {
	/** An article page on the server whose text names it. */
	function storyPage(n: number): string {
		return `<!doctype html><html><head><title>Story ${n}</title></head><body><nav>Home · Sport</nav>
<article><h1>Story number ${n}</h1>
<p>${`The full report of story ${n} begins with the harbour master's account of the morning. `.repeat(8)}</p>
<h2>What happened next</h2>
<p>${`Witnesses on the quay described the tide coming in faster than the tables said. `.repeat(8)}</p>
</article></body></html>`;
	}

	/** A feed of teasers, story 1 the newest, each linking to `/stories/<feed>-<n>.html`. */
	function teaserFeed(name: string, count: number): string {
		const items = Array.from({length: count}, (_, index) => {
			const n = index + 1;
			const day = new Date(Date.UTC(2026, 10, 30) - (index * 3_600_000)).toUTCString();
			return `<item><title>Story ${n}</title><link>${server.url(`/stories/${name}-${n}.html`)}</link><guid>${name}-${n}</guid><pubDate>${day}</pubDate><description>Teaser of story ${n}. Read more…</description></item>`;
		});
		return `<?xml version="1.0"?><rss version="2.0"><channel><title>Tide Tables ${name}</title><link>${server.url('/')}</link>${items.join('')}</channel></rss>`;
	}

	/** Each stored article of the feed by its title: whether its file holds the page's full text, and its id. */
	async function storedStories(home: string, feed: string) {
		const articles = (JSON.parse((await newsread(home, ['list', '--json'])).stdout) as Array<ArticleJson & {file: string}>).filter(article => article.feed === feed);
		return new Map(articles.map(article => [article.title, {id: article.id, full: readFileSync(article.file, 'utf8').includes('The full report of story')}]));
	}

	it('fetches 50 pages at the first refresh and the rest at the next, even when the feed answers 304', async () => {
		const home = temporaryFolder();
		const feed = server.url('/tides-long.xml');
		server.route('/tides-long.xml', conditional(teaserFeed('long', 55), '"t1"', 'Mon, 30 Nov 2026 00:00:00 GMT'));
		for (let n = 1; n <= 55; n++) {
			server.route(`/stories/long-${n}.html`, body(storyPage(n), {'content-type': 'text/html'}));
		}

		expect((await newsread(home, ['feeds', 'add', feed])).stdout).toBe('Tide Tables long: 55 articles\n');
		const first = await storedStories(home, feed);
		expect(first.size).toBe(55);
		const fullAfterFirst = [...first].filter(([, story]) => story.full).map(([title]) => title);
		expect(fullAfterFirst.sort()).toEqual(Array.from({length: 50}, (_, index) => `Story ${index + 1}`).sort());
		expect(readFileSync(path.join(home, 'feeds-state.json'), 'utf8')).toContain('pendingFullText');

		const refreshed = await newsread(home, ['refresh', '--json']);
		expect(JSON.parse(refreshed.stdout)).toMatchObject([{url: feed, status: 'not-modified', new: 0, updated: 5}]);
		const second = await storedStories(home, feed);
		expect([...second.values()].every(story => story.full)).toBe(true);
		// The same articles, completed in place.
		expect([...second].map(([title, story]) => [title, story.id])).toEqual([...first].map(([title, story]) => [title, story.id]));
		for (let n = 1; n <= 55; n++) {
			expect(server.requestsFor(`/stories/long-${n}.html`)).toHaveLength(1);
		}

		const read = await newsread(home, ['read', second.get('Story 55')!.id, '--width', '80']);
		expect(read.stdout).toContain('What happened next');
		expect(read.stdout).not.toContain('Teaser of story 55');
		expect(readFileSync(path.join(home, 'feeds-state.json'), 'utf8')).not.toContain('pendingFullText');
	});

	it('fetches again a page that answered 503, keeping the article\'s comments, but not one that answered 404', async () => {
		const home = temporaryFolder();
		const feed = server.url('/tides-flaky.xml');
		server.route('/tides-flaky.xml', body(teaserFeed('flaky', 3)));
		let busy = true;
		server.route('/stories/flaky-1.html', (request, response) => {
			if (busy) {
				status(503)(request, response);
			} else {
				body(storyPage(1), {'content-type': 'text/html'})(request, response);
			}
		});
		server.route('/stories/flaky-2.html', status(404));
		server.route('/stories/flaky-3.html', body(storyPage(3), {'content-type': 'text/html'}));

		await newsread(home, ['feeds', 'add', feed]);
		const first = await storedStories(home, feed);
		expect(Object.fromEntries([...first].map(([title, story]) => [title, story.full]))).toEqual({'Story 1': false, 'Story 2': false, 'Story 3': true});
		const story1 = first.get('Story 1')!.id;
		expect((await newsread(home, ['comments', 'add', story1, '--name', 'Ann', '--email', 'ann@example.org', '--text', 'Waiting for the rest.'])).code).toBe(0);

		busy = false;
		expect((await newsread(home, ['refresh'])).code).toBe(0);
		const second = await storedStories(home, feed);
		expect(Object.fromEntries([...second].map(([title, story]) => [title, story.full]))).toEqual({'Story 1': true, 'Story 2': false, 'Story 3': true});
		expect(second.get('Story 1')!.id).toBe(story1);
		expect((await newsread(home, ['comments', '--article', story1])).stdout).toContain('Waiting for the rest.');
		expect(server.requestsFor('/stories/flaky-1.html')).toHaveLength(2);
		expect(server.requestsFor('/stories/flaky-2.html')).toHaveLength(1);
		expect(server.requestsFor('/stories/flaky-3.html')).toHaveLength(1);
	});
});

describe('newsread feeds settings', () => {
	it('prints the defaults, changes what the flags name, and prints them as JSON', async () => {
		const home = temporaryFolder();
		expect(await newsread(home, ['feeds', 'settings'])).toEqual({code: 0, stderr: '', stdout: 'refreshOnStart: no\nrefreshEveryMinutes: 0 (never)\nkeepArticles: all\nkeepDays: all\n'});
		const changed = await newsread(home, ['feeds', 'settings', '--refresh-on-start', 'yes', '--refresh-every', '30', '--keep', '100', '--keep-days', '14']);
		expect(changed).toEqual({code: 0, stderr: '', stdout: 'refreshOnStart: yes\nrefreshEveryMinutes: 30\nkeepArticles: 100\nkeepDays: 14\n'});
		expect(JSON.parse(readFileSync(path.join(home, 'feeds.json'), 'utf8'))).toEqual({settings: {refreshOnStart: true, refreshEveryMinutes: 30, keepArticles: 100, keepDays: 14}, feeds: []});
		await newsread(home, ['feeds', 'settings', '--keep', '0']);
		expect(JSON.parse((await newsread(home, ['feeds', 'settings', '--json'])).stdout)).toEqual({refreshOnStart: true, refreshEveryMinutes: 30, keepArticles: null, keepDays: 14});
	});

	it.each([
		[['--refresh-on-start', 'maybe'], 'newsread: --refresh-on-start is yes or no, not "maybe".\n'],
		[['--refresh-every', 'hourly'], 'newsread: --refresh-every is a whole number of minutes (0: never), not "hourly".\n'],
		[['--keep', '-3'], 'newsread: --keep is a whole number of articles (0: no limit), not "-3".\n'],
		[['--keep-days', '1.5'], 'newsread: --keep-days is a whole number of days (0: no limit), not "1.5".\n'],
	])('refuses %j as a usage error and changes nothing', async (flags, message) => {
		const home = temporaryFolder();
		expect(await newsread(home, ['feeds', 'settings', ...flags])).toEqual({code: 2, stdout: '', stderr: message});
		expect((await newsread(home, ['feeds', 'settings', '--json'])).stdout).toBe(`${JSON.stringify({refreshOnStart: false, refreshEveryMinutes: 0, keepArticles: null, keepDays: null}, null, 2)}\n`);
	});

	it('stores a feed\'s own limits given to feeds add', async () => {
		const home = temporaryFolder();
		expect((await newsread(home, ['feeds', 'add', server.url('/other.xml'), '--keep', '20', '--keep-days', '7'])).code).toBe(0);
		expect(JSON.parse(readFileSync(path.join(home, 'feeds.json'), 'utf8'))).toMatchObject({feeds: [{url: server.url('/other.xml'), keepArticles: 20, keepDays: 7}]});
	});
});

describe('retention', () => {
	/** An RSS feed of items with full text in the feed, each `[n, date]`. */
	function datedFeed(items: ReadonlyArray<[number, Date]>): string {
		return `<?xml version="1.0"?><rss version="2.0"><channel><title>Quay Notes</title><link>https://quay.example/</link>${items.map(([n, date]) => `<item><title>Note ${n}</title><guid>quay-${n}</guid><link>https://quay.example/${n}</link><pubDate>${date.toUTCString()}</pubDate><description><![CDATA[<p>${`Note ${n} tells of the quay in full. `.repeat(40)}</p>]]></description></item>`).join('')}</channel></rss>`;
	}

	async function titles(home: string): Promise<string[]> {
		return (JSON.parse((await newsread(home, ['list', '--json'])).stdout) as ArticleJson[]).filter(article => article.feed !== null).map(article => article.title).sort();
	}

	async function idOf(home: string, title: string): Promise<string> {
		return (JSON.parse((await newsread(home, ['list', '--json'])).stdout) as ArticleJson[]).find(article => article.title === title)!.id;
	}

	it('keeps the newest N of a feed after a refresh, and always the saved article, the one with a comment and those the feed lists', async () => {
		const home = temporaryFolder();
		const hour = (n: number) => new Date(Date.UTC(2026, 10, 1, n));
		let items: Array<[number, Date]> = Array.from({length: 10}, (_, index) => [index + 1, hour(index + 1)]);
		server.route('/quay-count.xml', (request, response) => {
			body(datedFeed(items))(request, response);
		});
		const feed = server.url('/quay-count.xml');
		expect((await newsread(home, ['feeds', 'add', feed])).code).toBe(0);
		await newsread(home, ['feeds', 'settings', '--keep', '3']);
		// Every item is still in the feed (the same bytes): none is removed.
		expect(JSON.parse((await newsread(home, ['refresh', '--json'])).stdout)).toMatchObject([{url: feed, status: 'not-modified', removed: 0}]);
		expect(await titles(home)).toHaveLength(10);

		writeFileSync(path.join(home, 'config.json'), JSON.stringify({read: {}, positions: {}, saved: {[await idOf(home, 'Note 2')]: 1_790_000_000_000}, lastRead: null, commenter: null, drafts: {}}));
		expect((await newsread(home, ['comments', 'add', await idOf(home, 'Note 4'), '--name', 'Ann', '--email', 'ann@example.org', '--text', 'Keep this one.'])).code).toBe(0);
		items = [[11, hour(11)], [12, hour(12)], [13, hour(13)], [1, hour(1)]];
		const refreshed = await newsread(home, ['refresh', '--json']);
		expect(JSON.parse(refreshed.stdout)).toMatchObject([{url: feed, status: 'ok', new: 3, removed: 7}]);
		expect(await titles(home)).toEqual(['Note 1', 'Note 11', 'Note 12', 'Note 13', 'Note 2', 'Note 4']);
	});

	it('keeps a feed\'s last N days by the items\' dates, its own limit before the settings\'', async () => {
		const home = temporaryFolder();
		const daysAgo = (days: number) => new Date(Date.now() - (days * 86_400_000));
		let items: Array<[number, Date]> = [[1, daysAgo(1)], [2, daysAgo(3)], [3, daysAgo(10)], [4, daysAgo(20)]];
		server.route('/quay-days.xml', (request, response) => {
			body(datedFeed(items))(request, response);
		});
		const feed = server.url('/quay-days.xml');
		await newsread(home, ['feeds', 'settings', '--keep-days', '30']);
		expect((await newsread(home, ['feeds', 'add', feed, '--keep-days', '7'])).code).toBe(0);
		items = [[5, daysAgo(0)]];
		expect(JSON.parse((await newsread(home, ['refresh', '--json'])).stdout)).toMatchObject([{url: feed, status: 'ok', new: 1, removed: 2}]);
		expect(await titles(home)).toEqual(['Note 1', 'Note 2', 'Note 5']);
	});
});

describe('newsread feeds import, export and remove', () => {
	it('imports an OPML file (folders become sections), exports it back, and unsubscribes keeping the articles', async () => {
		const home = temporaryFolder();
		const opml = path.join(temporaryFolder(), 'subscriptions.opml');
		writeFileSync(opml, `<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0"><head><title>My feeds</title></head><body>
<outline text="Local"><outline type="rss" text="Marrowick Gazette" xmlUrl="${server.url('/gazette.xml')}"/></outline>
<outline type="rss" text="Upper Thorn Weekly" xmlUrl="${server.url('/other.xml')}"/>
</body></opml>`);
		const imported = await newsread(home, ['feeds', 'import', opml]);
		expect(imported).toMatchObject({code: 0, stdout: 'Imported 2 feeds. Run "newsread refresh" to fetch them.\n'});
		const feeds = JSON.parse((await newsread(home, ['feeds', '--json'])).stdout) as FeedJson[];
		expect(feeds.map(({url, title, section}) => ({url, title, section}))).toEqual([
			{url: server.url('/gazette.xml'), title: 'Marrowick Gazette', section: 'Local'},
			{url: server.url('/other.xml'), title: 'Upper Thorn Weekly', section: 'Upper Thorn Weekly'},
		]);

		const exported = (await newsread(home, ['feeds', 'export'])).stdout;
		expect(exported).toContain(`xmlUrl="${server.url('/gazette.xml')}"`);
		expect(exported).toContain('text="Local"');
		const again = temporaryFolder();
		const copy = path.join(again, 'copy.opml');
		writeFileSync(copy, exported);
		expect((await newsread(again, ['feeds', 'import', copy])).stdout).toBe('Imported 2 feeds. Run "newsread refresh" to fetch them.\n');

		expect((await newsread(home, ['refresh'])).code).toBe(0);
		const removed = await newsread(home, ['feeds', 'remove', server.url('/other.xml')]);
		expect(removed).toMatchObject({code: 0, stdout: 'Unsubscribed from Upper Thorn Weekly. Its stored articles are kept (with their reading state and comments).\n'});
		expect((JSON.parse((await newsread(home, ['feeds', '--json'])).stdout) as FeedJson[]).map(feed => feed.url)).toEqual([server.url('/gazette.xml')]);
		expect((await newsread(home, ['list'])).stdout).toContain('Bridge reopens');
	});
});
