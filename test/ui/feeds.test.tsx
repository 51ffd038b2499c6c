// Feeds in the reader: a adds one by the address of a page that names it, its section appears with its
// articles, a teaser opens as the whole article from its page; R and r refresh, new articles and failures
// show where their section is listed; a refresh on start as feeds.json's settings say. The feed work is
// the real `newsread refresh --json-lines` / `feeds add --json`, run in the test process against a local
// HTTP server (test/helpers/in-process-feeds.ts).
import {Readable} from 'node:stream';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {runCommandLine} from '../../source/command-line.js';
import {fakeOutput} from '../helpers/command-context.js';
import {body, type FeedServer, startFeedServer, status} from '../helpers/feed-server.js';
import {serveGazette, thornFeed} from '../helpers/gazette-site.js';
import {inProcessFeeds, type InProcessFeeds} from '../helpers/in-process-feeds.js';
import {bodyOf, headerOf, type Reader, renderReader, statusOf} from '../helpers/render.js';
import {temporaryFolder} from '../helpers/temporary-folder.js';

let server: FeedServer;

beforeAll(async () => {
	server = await startFeedServer();
});

afterAll(async () => {
	await server.close();
});

/** Runs `newsread ...argv` in this process with NEWSREAD_HOME = home, before the reader starts. */
async function newsread(home: string, argv: string[]): Promise<string> {
	const stdout = fakeOutput();
	const stderr = fakeOutput();
	const code = await runCommandLine({argv, stdout, stderr, stdin: Readable.from([]), env: {NEWSREAD_HOME: home}});
	expect({code, stderr: stderr.text}).toEqual({code: 0, stderr: ''});
	return stdout.text;
}

const readers: Array<{feeds: InProcessFeeds}> = [];

/** The reader on the sample articles and the feed articles of `home`, with its feeds run in this process. */
function startReader(home: string): Reader {
	const feeds = inProcessFeeds(home);
	readers.push({feeds});
	return renderReader({library: feeds.loadLibrary(), feeds: feeds.feeds, realTime: true});
}

/** Waits for the feed work to end before the test's folders are removed. */
async function settle(): Promise<void> {
	for (const {feeds} of readers.splice(0)) {
		await feeds.idle();
	}
}

/** The row of the sections screen that names `label`. */
function rowOf(frame: string, label: string): string {
	return bodyOf(frame).find(line => line.includes(label)) ?? '';
}

async function waitForFrame(reader: Reader, matches: (frame: string) => boolean, what: string): Promise<string> {
	for (let tries = 0; ; tries++) {
		const frame = reader.frame();
		if (matches(frame)) {
			return frame;
		}

		if (tries > 2000) {
			throw new Error(`Timed out waiting for ${what}. Last frame:\n${frame}`);
		}

		await new Promise(resolve => {
			setTimeout(resolve, 10);
		});
	}
}

/** Moves the highlight of the sections screen down to the row of `label`. */
async function highlight(reader: Reader, label: string): Promise<void> {
	const highlighted = (frame: string) => bodyOf(frame).some(line => line.startsWith('❯') && line.includes(label));
	for (let moves = 0; moves < 20 && !highlighted(reader.frame()); moves++) {
		const before = bodyOf(reader.frame()).find(line => line.startsWith('❯'));
		await reader.press('j');
		await waitForFrame(reader, frame => bodyOf(frame).find(line => line.startsWith('❯')) !== before, 'the highlight to move');
	}

	expect(highlighted(reader.frame())).toBe(true);
}

describe('a adds a feed', () => {
	it('subscribes to the feed a page names, says what it found, and lists its section with its articles', async () => {
		const gazette = serveGazette(server, '/add');
		const reader = startReader(temporaryFolder('feeds-ui'));
		await reader.waitForText('Saved');
		expect(reader.frame()).not.toContain('Marrowick Gazette');

		await reader.press('a');
		expect(headerOf(await reader.waitForText('Feed address: '))).toBe('newsread › Add a feed');
		await reader.type(gazette.homeUrl);
		await reader.waitForText(`Feed address: ${gazette.homeUrl}`);
		await reader.press('enter');

		const frame = await reader.waitForText('Subscribed to Marrowick Gazette: 2 articles.');
		expect(headerOf(frame)).toMatch(/^newsread {2}/);
		const added = await waitForFrame(reader, current => rowOf(current, 'Marrowick Gazette').includes('2 articles'), 'the section of the new feed');
		expect(rowOf(added, 'Marrowick Gazette')).toMatch(/Marrowick Gazette +2 articles · 2 unread/);
		await settle();
	});

	it('opens a teaser as the whole article from its page, its subheading highlighted', async () => {
		const gazette = serveGazette(server, '/open');
		const reader = startReader(temporaryFolder('feeds-ui'));
		await reader.waitForText('Saved');
		await reader.press('a');
		await reader.waitForText('Feed address: ');
		await reader.type(gazette.homeUrl);
		await reader.waitForText(gazette.homeUrl);
		await reader.press('enter');
		await waitForFrame(reader, frame => rowOf(frame, 'Marrowick Gazette').includes('2 articles'), 'the section of the new feed');

		await highlight(reader, 'Marrowick Gazette');
		await reader.press('enter');
		const headlines = await reader.waitForText('newsread › Marrowick Gazette');
		// Newest first: the pier vote of 18 November before the ferry timetable of the 17th.
		expect(bodyOf(headlines).find(line => line.startsWith('❯'))).toContain('Council votes to close the old pier');

		await reader.press('enter');
		const article = await reader.waitForText('Engineers found that the timber piles');
		expect(article).toContain('Why the pier is closing');
		expect(article).not.toContain('Read more');
		expect(article).not.toContain('newsletter');
		// The subheading is drawn bold, unlike the paragraphs around it.
		const rawLines = reader.rawFrame().split('\n');
		expect(rawLines.find(line => line.includes('Why the pier is closing'))).toContain('\u001B[1m');
		expect(rawLines.find(line => line.includes('Engineers found that'))).not.toContain('\u001B[1m');
		await settle();
	});

	it('lists the section of a feed that has no articles yet', async () => {
		server.route('/empty.xml', body(`<?xml version="1.0"?><rss version="2.0"><channel><title>Quiet Harbour Notes</title><link>https://quiet.example/</link></channel></rss>`));
		const reader = startReader(temporaryFolder('feeds-ui'));
		await reader.waitForText('Saved');
		await reader.press('a');
		await reader.waitForText('Feed address: ');
		await reader.type(server.url('/empty.xml'));
		await reader.waitForText('/empty.xml');
		await reader.press('enter');
		const frame = await reader.waitForText('Subscribed to Quiet Harbour Notes: 0 articles.');
		expect(rowOf(frame, 'Quiet Harbour Notes')).toMatch(/Quiet Harbour Notes +0 articles/);
		await settle();
	});
});

describe('refreshing', () => {
	it('R fetches the new article of a feed: the count grows and the summary says so', async () => {
		const gazette = serveGazette(server, '/all');
		const home = temporaryFolder('feeds-ui');
		await newsread(home, ['feeds', 'add', gazette.feedUrl]);
		const reader = startReader(home);
		expect(rowOf(await reader.waitForText('Marrowick Gazette'), 'Marrowick Gazette')).toMatch(/Marrowick Gazette +2 articles · 2 unread/);

		gazette.publish();
		await reader.press('R');
		const frame = await reader.waitForText('Refreshed 1 feed: 1 new article.');
		const refreshed = rowOf(frame, 'Marrowick Gazette').includes('3 articles') ? frame : await waitForFrame(reader, current => rowOf(current, 'Marrowick Gazette').includes('3 articles'), 'three articles');
		expect(rowOf(refreshed, 'Marrowick Gazette')).toMatch(/Marrowick Gazette +3 articles · 3 unread/);

		await highlight(reader, 'Marrowick Gazette');
		await reader.press('enter');
		const headlines = await reader.waitForText('newsread › Marrowick Gazette');
		expect(bodyOf(headlines).find(line => line.startsWith('❯'))).toContain('Lighthouse keeper retires after forty years');
		await settle();
	});

	it('r on a feed that fails shows why beside its section, and the whole reason when it is highlighted', async () => {
		const path = '/failing/feed.xml';
		server.route(path, body(thornFeed));
		const home = temporaryFolder('feeds-ui');
		await newsread(home, ['feeds', 'add', server.url(path)]);
		const reader = startReader(home);
		await reader.waitForText('Upper Thorn Weekly');
		expect(rowOf(reader.frame(), 'Upper Thorn Weekly')).not.toContain('⚠');

		server.route(path, status(500));
		await highlight(reader, 'Upper Thorn Weekly');
		await reader.press('r');
		const frame = await reader.waitForText('Refreshed 1 feed: 0 new articles, 1 failed (the sections screen says why).');
		// The row has room for the start of the reason; its article is still listed.
		expect(rowOf(frame, 'Upper Thorn Weekly')).toMatch(/Upper Thorn Weekly +1 article · 1 unread +⚠ The server answered 500/);

		// Once the message is gone, the status line has the whole reason of the highlighted row.
		await reader.press('k');
		await waitForFrame(reader, current => !current.includes('Refreshed 1 feed'), 'the message to go');
		await reader.press('j');
		const highlighted = await waitForFrame(reader, current => statusOf(current).includes('⚠'), 'the reason in the status line');
		expect(statusOf(highlighted)).toContain('⚠ The server answered 500 Internal Server Error.');
		await settle();
	});

	it('shows at start why a feed failed at its last refresh (by cron, say)', async () => {
		const path = '/cron/feed.xml';
		server.route(path, body(`<?xml version="1.0"?><rss version="2.0"><channel><title>Lower Mill Bulletin</title><link>https://mill.example/</link>
<item><title>Mill wheel restored</title><guid>mill-1</guid><link>https://mill.example/wheel</link><description><![CDATA[<p>${'The old mill wheel turned again on Sunday. '.repeat(30)}</p>]]></description></item></channel></rss>`));
		const home = temporaryFolder('feeds-ui');
		await newsread(home, ['feeds', 'add', server.url(path)]);
		server.route(path, status(404));
		const refreshed = fakeOutput();
		expect(await runCommandLine({argv: ['refresh'], stdout: refreshed, stderr: fakeOutput(), stdin: Readable.from([]), env: {NEWSREAD_HOME: home}})).toBe(1);

		const reader = startReader(home);
		const frame = await reader.waitForText('Lower Mill Bulletin');
		expect(rowOf(frame, 'Lower Mill Bulletin')).toMatch(/Lower Mill Bulletin +1 article · 1 unread +⚠ The server answered 404/);
		await settle();
	});

	it('r on a sample section says it has no feeds, and fetches nothing', async () => {
		const gazette = serveGazette(server, '/sample');
		const home = temporaryFolder('feeds-ui');
		await newsread(home, ['feeds', 'add', gazette.feedUrl]);
		const fetchesBefore = server.requestsFor('/sample/feed.xml').length;
		const reader = startReader(home);
		await reader.waitForText('Saved');
		await highlight(reader, 'World');
		await reader.press('r');
		await reader.waitForText('World has no feeds: R refreshes every feed, a adds one.');
		expect(server.requestsFor('/sample/feed.xml')).toHaveLength(fetchesBefore);
		await settle();
	});

	it('refreshes on start when the settings say so', async () => {
		const gazette = serveGazette(server, '/start');
		const home = temporaryFolder('feeds-ui');
		await newsread(home, ['feeds', 'add', gazette.feedUrl]);
		await newsread(home, ['feeds', 'settings', '--refresh-on-start', 'yes']);
		gazette.publish();

		const reader = startReader(home);
		const frame = await reader.waitForText('Refreshed 1 feed: 1 new article.');
		const refreshed = rowOf(frame, 'Marrowick Gazette').includes('3 articles') ? frame : await waitForFrame(reader, current => rowOf(current, 'Marrowick Gazette').includes('3 articles'), 'three articles');
		expect(rowOf(refreshed, 'Marrowick Gazette')).toMatch(/Marrowick Gazette +3 articles · 3 unread/);
		await settle();
	});

	it('does not refresh on start by default', async () => {
		const gazette = serveGazette(server, '/quiet');
		const home = temporaryFolder('feeds-ui');
		await newsread(home, ['feeds', 'add', gazette.feedUrl]);
		const fetchesBefore = server.requestsFor('/quiet/feed.xml').length;
		const reader = startReader(home);
		await reader.waitForText('Marrowick Gazette');
		// R then shows the feed was fetched once, by R: nothing was fetched before.
		await reader.press('R');
		await reader.waitForText('Refreshed 1 feed: 0 new articles.');
		expect(server.requestsFor('/quiet/feed.xml')).toHaveLength(fetchesBefore + 1);
		await settle();
	});
});
