// Feeds in the built reader, in a real pseudo-terminal, against a local HTTP server this test starts:
// a adds a feed by the address of a page that names it, its section appears, a teaser opens as the
// whole article with its subheading highlighted; R shows its progress while a feed is slow and the new
// article when it is done; a feed that fails says why on its section's row.
import {execFile} from 'node:child_process';
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {body, type FeedServer, gate, startFeedServer, status} from '../helpers/feed-server.js';
import {serveGazette, thornFeed} from '../helpers/gazette-site.js';
import {DEFAULT_WAIT_MS, KEYS, PtySession} from '../helpers/pty.js';
import {childEnvironment, makeTempHome, newsreadBin, removeTempHomes} from '../helpers/run-cli.js';

let server: FeedServer;

beforeAll(async () => {
	server = await startFeedServer();
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
	// The frame fills the terminal: the status line is the bottom row.
	return session.screen().at(-1) ?? '';
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
		const gazette = serveGazette(server, '/gazette');
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
