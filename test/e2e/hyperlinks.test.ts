// Links in a real pseudo-terminal: OSC 8 hyperlinks where they are wanted (each line of an address cut
// over lines links to the whole address), none where they are not, and on screen (xterm) the text
// stays readable, each cut piece ending with ↩ and no escape sequence showing.
import {mkdirSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {afterAll, afterEach, describe, expect, it} from 'vitest';
import {KEYS, PtySession} from '../helpers/pty.js';
import {makeTempHome, removeTempHomes, runCli} from '../helpers/run-cli.js';
import {temporaryFolder} from '../helpers/temporary-folder.js';

afterAll(removeTempHomes);

const sessions: PtySession[] = [];
afterEach(() => {
	for (const session of sessions.splice(0)) {
		session.dispose();
	}
});

// 120 characters, so that at 80 columns it is cut once: 79 columns and ↩, then the last 41.
const url = 'https://news.example.org/2026/11/27/harbour-authority-publishes-the-full-minutes-of-the-vote-on-the-new-ferry-terminal/2';

/** A folder with one article (section Links) holding the long address, a link with text, and a `javascript:` link. */
function articlesFolder(): string {
	const folder = temporaryFolder('links');
	mkdirSync(path.join(folder, 'links'));
	writeFileSync(path.join(folder, 'links', 'minutes.md'), [
		'---',
		'title: Quillfeather minutes published in full',
		'section: Links',
		'date: 2026-11-27',
		'---',
		'',
		`The minutes are at ${url} for anyone to read.`,
		'',
		'Read [the statement](https://news.example.org/statement) and do not [run this](javascript:alert(1)).',
		'',
	].join('\n'));
	return folder;
}

const linkStart = (target: string) => `\u001B]8;;${target}\u0007`;

async function openArticle(env: Record<string, string | undefined>): Promise<PtySession> {
	const session = new PtySession(['--articles', articlesFolder()], {home: makeTempHome(), columns: 80, rows: 24, env});
	sessions.push(session);
	await session.waitForSettled(screen => screen.includes('Links'), 'the sections');
	await session.press('/');
	await session.waitForSettled(screen => screen.includes('Search:'), 'the search prompt');
	await session.press(`Quillfeather${KEYS.enter}`);
	await session.waitForSettled(screen => /❯.*Quillfeather minutes/.test(screen), 'the article in the results');
	await session.press(KEYS.enter);
	await session.waitForSettled(screen => screen.includes('for anyone to read.'), 'the article');
	return session;
}

describe('a long address in an article', () => {
	it('with FORCE_HYPERLINK=1 links each cut piece to the whole address, the screen showing the text with ↩', async () => {
		const session = await openArticle({FORCE_HYPERLINK: '1'});
		const output = session.rawOutput;
		// Both lines of the address and the link with text open their whole address.
		expect(output.split(linkStart(url)).length - 1).toBeGreaterThanOrEqual(2);
		expect(output).toContain(`${linkStart('https://news.example.org/statement')}the statement`);
		// The mark is drawn outside the link.
		expect(output).not.toMatch(/↩\u001B\]8;;\u0007/);
		expect(output).not.toContain('\u001B]8;;javascript');

		const screen = session.screen();
		const first = screen.findIndex(line => line.startsWith('https://news.example.org/'));
		expect(screen[first]).toBe('https://news.example.org/2026/11/27/harbour-authority-publishes-the-full-minute↩');
		expect(screen[first + 1]).toBe('s-of-the-vote-on-the-new-ferry-terminal/2 for anyone to read.');
		expect(session.screenText()).not.toMatch(/\]8;|\u0007/);
		// Lines after linked text start at the first column: the escapes took no room. The
		// `javascript:` address is shown as text, not linked.
		const read = screen.indexOf('Read the statement <https://news.example.org/statement> and do not run this');
		expect(read).toBeGreaterThan(first + 1);
		expect(screen[read + 1]).toBe('<javascript:alert(1)>.');

		// Redrawn at 60 columns: three pieces, each a link, the screen still clean.
		const before = session.rawOutput.length;
		session.resize(60, 20);
		await session.waitForSettled(text => text.includes('https://news.example.org/2026/11/27/harbour-authority-publi↩'), 'the article at 60 columns');
		const narrow = session.screen();
		const top = narrow.indexOf('https://news.example.org/2026/11/27/harbour-authority-publi↩');
		expect(narrow.slice(top + 1, top + 3)).toEqual(['shes-the-full-minutes-of-the-vote-on-the-new-ferry-terminal↩', '/2 for anyone to read.']);
		expect(session.rawOutput.slice(before).split(linkStart(url)).length - 1).toBeGreaterThanOrEqual(3);
		expect(session.screenText()).not.toMatch(/\]8;|\u0007/);
	});

	it('with FORCE_HYPERLINK=0 draws no hyperlink, only the text and the marks', async () => {
		const session = await openArticle({FORCE_HYPERLINK: '0', TERM_PROGRAM: 'ghostty'});
		expect(session.rawOutput).not.toContain('\u001B]8;');
		expect(session.screen()).toContain('https://news.example.org/2026/11/27/harbour-authority-publishes-the-full-minute↩');
	});

	it('inside tmux draws no hyperlink, though the terminal outside is one that shows them', async () => {
		const session = await openArticle({FORCE_HYPERLINK: undefined, TMUX: '/tmp/tmux-0/default,1,0', TERM_PROGRAM: 'ghostty'});
		expect(session.rawOutput).not.toContain('\u001B]8;');
	});

	it('on a terminal known to show them draws hyperlinks without being asked', async () => {
		const session = await openArticle({FORCE_HYPERLINK: undefined, TMUX: undefined, STY: undefined, TERM_PROGRAM: 'ghostty'});
		expect(session.rawOutput).toContain(linkStart(url));
	});
});

describe('newsread read', () => {
	it('prints no hyperlink into a pipe, and one when FORCE_HYPERLINK=1 asks', () => {
		const folder = articlesFolder();
		const plain = runCli(['read', 'links/minutes', '--articles', folder], {env: {FORCE_HYPERLINK: undefined}});
		expect(plain.status).toBe(0);
		expect(plain.stdout).not.toContain('\u001B]8;');
		expect(plain.stdout).toContain('https://news.example.org/2026/11/27/harbour-authority-publishes-the-full-minute↩\ns-of-the-vote');

		const linked = runCli(['read', 'links/minutes', '--articles', folder], {env: {FORCE_HYPERLINK: '1'}});
		expect(linked.stdout.split(linkStart(url)).length - 1).toBe(2);
		expect(linked.stdout).not.toContain('\u001B]8;;javascript');
	});
});
