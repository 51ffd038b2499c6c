// Feeds in the built reader, in a real pseudo-terminal, against a local HTTP server this test starts:
// a adds a feed by the address of a page that names it, its section appears, a teaser opens as the
// whole article with its subheading highlighted; R shows its progress while a feed is slow and the new
// article when it is done; a feed that fails says why on its section's row.
import {execFile} from 'node:child_process';
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {body, type FeedServer, gate, startFeedServer, status} from '../helpers/feed-server.js';
import {DEFAULT_WAIT_MS, KEYS, PtySession} from '../helpers/pty.js';
import {childEnvironment, makeTempHome, newsreadBin, removeTempHomes} from '../helpers/run-cli.js';

let server: FeedServer;

const articlePage = `<!doctype html><html><head><title>Pier vote - Marrowick Gazette</title></head><body>
<nav><a href="/">Home</a> Subscribe to our newsletter</nav>
<article><h1>Council votes to close the old pier</h1>
<p>${'The harbour council voted seven to two on Tuesday night to close the old pier to the public from January. '.repeat(8)}</p>
<h2>Why the pier is closing</h2>
<p>${'Engineers found that the timber piles under the eastern end had rotted through in several places. '.repeat(8)}</p>
<p>${'Repairs would cost more than the harbour earns from the pier in a decade, the report said. '.repeat(6)}</p>
</article><footer>Cookie settings</footer></body></html>`;

const ferryItem = `<item><title>Ferry timetable changes for winter</title><link>https://example.invalid/ferry</link>
<guid>gazette-ferry-1</guid><pubDate>Tue, 17 Nov 2026 09:30:00 GMT</pubDate>
<description><![CDATA[<p>${'The winter timetable brings fewer crossings on weekdays and one more on Saturdays. '.repeat(20)}</p>]]></description></item>`;

const lighthouseItem = `<item><title>Lighthouse keeper retires after forty years</title><link>https://example.invalid/lighthouse</link>
<guid>gazette-lighthouse-3</guid><pubDate>Thu, 19 Nov 2026 08:00:00 GMT</pubDate>
<description><![CDATA[<p>${'Agnes Penhallow climbed the hundred and twelve steps for the last time on Wednesday. '.repeat(20)}</p>]]></description></item>`;

const thornFeed = `<?xml version="1.0"?><rss version="2.0"><channel><title>Upper Thorn Weekly</title><link>https://thorn.example/</link>
<item><title>Bridge reopens</title><guid>thorn-1</guid><link>https://thorn.example/bridge</link><description><![CDATA[<p>${'The bridge reopened on Friday after repairs. '.repeat(30)}</p>]]></description></item></channel></rss>`;

/** The Marrowick Gazette under `prefix`: a home page naming its feed, the feed, and one more item to publish. */
function serveGazette(prefix: string) {
	const items = [ferryItem, `<item><title>Council votes to close the old pier</title><link>${server.url('/articles/pier.html')}</link>
<guid>gazette-pier-2</guid><pubDate>Wed, 18 Nov 2026 18:00:00 +0000</pubDate>
<description>The council voted on Tuesday night. Read more…</description></item>`];
	server.route(`${prefix}/feed.xml`, (_request, response) => {
		response.writeHead(200, {'content-type': 'application/rss+xml'}).end(`<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Marrowick Gazette</title><link>${server.url(`${prefix}/`)}</link><description>News of the harbour</description>
${items.join('\n')}
</channel></rss>`);
	});
	server.route(`${prefix}/`, body(`<!doctype html><html><head><title>The Gazette</title>
<link rel="alternate" type="application/rss+xml" title="Gazette" href="${prefix}/feed.xml"></head><body>Welcome</body></html>`, {'content-type': 'text/html'}));
	return {
		homeUrl: server.url(`${prefix}/`),
		publish() {
			items.unshift(lighthouseItem);
		},
	};
}

beforeAll(async () => {
	server = await startFeedServer();
	server.route('/articles/pier.html', body(articlePage, {'content-type': 'text/html; charset=utf-8'}));
});

afterAll(async () => {
	await server.close();
	removeTempHomes();
});

const sessions: PtySession[] = [];
afterEach(() => {
	for (const session of sessions.splice(0)) {
		session.dispose();
	}
});

function start(home: string): PtySession {
	const session = new PtySession([], {home, columns: 80, rows: 24});
	sessions.push(session);
	return session;
}

/** Runs the built newsread with these arguments, without blocking this process (it serves the feeds). */
async function newsread(home: string, args: string[]): Promise<string> {
	return new Promise((resolve, reject) => {
		execFile(process.execPath, [newsreadBin, ...args], {env: childEnvironment(home), timeout: 60_000}, (error, stdout, stderr) => {
			if (error) {
				reject(new Error(`newsread ${args.join(' ')}: ${error.message}\n${stderr}`));
			} else {
				resolve(stdout);
			}
		});
	});
}

/** The screen row that names `label`. */
function rowOf(session: PtySession, label: string): string {
	return session.screen().find(line => line.includes(label)) ?? '';
}

function statusLine(session: PtySession): string {
	return session.screen().at(-2) ?? '';
}

/** On the sections screen: j until the highlighted row names `label`. */
async function highlight(session: PtySession, label: string): Promise<void> {
	const highlighted = () => session.screen().some(line => line.startsWith('❯') && line.includes(label));
	for (let moves = 0; moves < 20 && !highlighted(); moves++) {
		const before = session.screen().find(line => line.startsWith('❯'));
		await session.press('j');
		await session.waitForSettled(screen => screen.split('\n').find(line => line.startsWith('❯')) !== before, 'the highlight to move');
	}

	expect(highlighted(), session.report()).toBe(true);
}

describe('feeds in the reader', () => {
	it('a adds a feed, its article opens whole with its subheading highlighted, and R shows progress and the new article', async () => {
		const gazette = serveGazette('/gazette');
		const thorn = gate(body(thornFeed));
		server.route('/thorn.xml', thorn.route);
		const home = makeTempHome();
		await newsread(home, ['feeds', 'add', server.url('/thorn.xml')]);

		const session = start(home);
		await session.waitForSettled(screen => screen.includes('Upper Thorn Weekly') && screen.includes('Saved'), 'the sections screen');

		await session.press('a');
		await session.waitForSettled(screen => screen.includes('newsread › Add a feed') && screen.includes('Feed address:'), 'the address prompt');
		session.write(gazette.homeUrl);
		await session.waitForSettled(screen => screen.includes(gazette.homeUrl), 'the address typed');
		await session.press(KEYS.enter);
		await session.waitFor(() => /Marrowick Gazette +2 articles · 2 unread/.test(rowOf(session, 'Marrowick Gazette')), 'the section of the new feed with its 2 articles');
		await session.waitForText('Subscribed to Marrowick Gazette: 2 articles.');

		// Its teaser opens as the whole article, fetched from its page.
		await highlight(session, 'Marrowick Gazette');
		await session.press(KEYS.enter);
		await session.waitForSettled(screen => screen.includes('newsread › Marrowick Gazette') && screen.includes('❯'), 'the headlines of the Gazette');
		expect(session.screen().find(line => line.includes('❯'))).toContain('Council votes to close the old pier');
		await session.press(KEYS.enter);
		await session.waitForSettled(screen => screen.includes('Council votes to close the old pier') && /page 1\//.test(screen), 'the article on page 1');
		await session.press(']');
		await session.waitForSettled(screen => screen.includes('Why the pier is closing') && screen.includes('Engineers found that the timber piles'), 'the subheading and the paragraph after it');
		const heading = session.rowCells('Why the pier is closing')!.filter(cell => cell.char.trim() !== '');
		expect(heading.map(cell => cell.char).join('')).toBe('Whythepierisclosing');
		expect(heading.every(cell => cell.bold && (cell.coloured || process.env['NO_COLOR'] !== undefined))).toBe(true);
		const paragraph = session.rowCells('Engineers found that the timber piles')!.filter(cell => cell.char.trim() !== '');
		expect(paragraph.some(cell => cell.bold)).toBe(false);

		// Back to the sections.
		await session.press('q');
		await session.waitForSettled(screen => screen.includes('newsread › Marrowick Gazette') && !screen.includes('page 1/'), 'the headlines again');
		await session.press('q');
		await session.waitForSettled(screen => screen.includes('Saved') && screen.includes('Upper Thorn Weekly'), 'the sections again');

		// One feed answers only when the test lets it; the other has a new item.
		gazette.publish();
		thorn.close();
		await session.press('R');
		await session.waitFor(() => statusLine(session).includes('Refreshing feeds 1/2 · 1 new'), 'the progress of the refresh, the slow feed still out');
		expect(session.screenText()).not.toContain('Refreshed');
		// The new article is listed as soon as it is stored, while the slow feed is still out.
		await session.waitFor(() => /Marrowick Gazette +3 articles/.test(rowOf(session, 'Marrowick Gazette')), 'the new article counted while the refresh goes on');
		expect(statusLine(session)).toContain('Refreshing feeds 1/2 · 1 new');
		expect(thorn.waiting).toBe(1);

		thorn.open();
		await session.waitFor(screen => screen.includes('Refreshed 2 feeds: 1 new article'), 'the summary of the refresh');
		expect(statusLine(session)).not.toContain('Refreshing feeds');
		expect(rowOf(session, 'Marrowick Gazette')).toMatch(/Marrowick Gazette +3 articles · 2 unread/);
	}, DEFAULT_WAIT_MS * 12);

	it('a feed that fails says why on its section\'s row', async () => {
		server.route('/failing.xml', body(thornFeed));
		const home = makeTempHome();
		await newsread(home, ['feeds', 'add', server.url('/failing.xml')]);
		server.route('/failing.xml', status(500));

		const session = start(home);
		await session.waitForSettled(screen => screen.includes('Upper Thorn Weekly') && screen.includes('Saved'), 'the sections screen');
		expect(rowOf(session, 'Upper Thorn Weekly')).not.toContain('⚠');
		await highlight(session, 'Upper Thorn Weekly');
		await session.press('r');
		await session.waitFor(() => rowOf(session, 'Upper Thorn Weekly').includes('⚠ The server answered 500'), 'the reason on the row');
		await session.waitForText('1 failed (the sections screen says why)');
		expect(rowOf(session, 'Upper Thorn Weekly')).toMatch(/Upper Thorn Weekly +1 article · 1 unread +⚠ The server answered 500/);
	}, DEFAULT_WAIT_MS * 6);
});
