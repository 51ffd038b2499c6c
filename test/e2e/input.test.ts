// Input a person throws at the reader in a real terminal: a 100 KB paste into the comment form and
// the search, keys held down or typed far ahead of the screen and then Q or Ctrl+C, and Ctrl+C in
// $EDITOR. The built bundle in a pty, read back through xterm.
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {afterAll, afterEach, describe, expect, it} from 'vitest';
import {KEYS, PtySession} from '../helpers/pty.js';
import {makeTempHome, removeTempHomes} from '../helpers/run-cli.js';

afterAll(removeTempHomes);

const sessions: PtySession[] = [];
afterEach(() => {
	for (const session of sessions.splice(0)) {
		session.dispose();
	}
});

const ESC = '\u001B';
const CTRL_E = '\u0005';
const CTRL_S = '\u0013';
/**
 * How long a 100 KB paste may keep the reader from answering before the test fails instead of
 * hanging: it takes well under a second on an idle machine (test/bench/paste.mjs), over 15 s before
 * the paste was one edit. Not a timing goal, a guard sized for a machine at load 40.
 */
const PASTE_GUARD_MS = 10_000;
/** The first article of World in the sample library. */
const firstWorldArticle = 'world/island-census';

function start(home: string, env: Record<string, string | undefined> = {}): PtySession {
	const session = new PtySession([], {home, columns: 80, rows: 24, env});
	sessions.push(session);
	return session;
}

/** Exactly `size` characters of words, in lines of at most 80 when `lines`, else one line. */
function words(size: number, lines: boolean): string {
	const vocabulary = ['harbour', 'ferry', 'council', 'morning', 'island', 'census', 'storm', 'crossing', 'timetable', 'village'];
	const rows: string[] = [];
	let row = '';
	for (let index = 0; rows.join('\n').length + row.length < size; index++) {
		const word = vocabulary[index % vocabulary.length]!;
		if (lines && row.length + word.length + 1 > 80) {
			rows.push(row);
			row = word;
		} else {
			row = row === '' ? word : `${row} ${word}`;
		}
	}

	rows.push(row);
	return rows.join('\n').slice(0, size);
}

async function openWorld(session: PtySession): Promise<void> {
	await session.waitForSettled(screen => /World[\s\S]*Science/.test(screen), 'the sections');
	await session.press(KEYS.enter);
	await session.waitForSettled(screen => screen.includes('newsread › World') && screen.includes('❯'), 'the headlines of World');
}

async function openCommentForm(session: PtySession): Promise<void> {
	await openWorld(session);
	await session.press(KEYS.enter);
	await session.waitForSettled(screen => /page 1\//.test(screen), 'the first article of World');
	await session.press('c');
	await session.waitForText('No comments yet: r to write one.');
	await session.press('r');
	await session.waitForSettled(screen => screen.includes('Leave a reply') && screen.includes('❯ Comment'), 'the reply form');
}

function draftOf(home: string, id: string): {body: string} | undefined {
	const state = JSON.parse(readFileSync(path.join(home, 'config.json'), 'utf8')) as {drafts?: Record<string, {body: string}>};
	return state.drafts?.[id];
}

describe('a 100 KB paste', () => {
	it('into the comment form is kept whole: Ctrl+S right after it counts 100,000 characters, typing goes on at its end, and the draft holds every line', async () => {
		const home = makeTempHome();
		const session = start(home);
		await openCommentForm(session);
		// A letter whose body is one paragraph (as pasted from a document), and a few short lines.
		const closing = words(400, true);
		const comment = ['Dear editor,', '', words(100_000 - closing.length - 'Dear editor,'.length - 4, false), '', closing].join('\n');
		expect(comment.length).toBe(100_000);

		session.paste(comment);
		session.write(CTRL_S);
		await session.waitForText('The comment is 100,000 characters; the limit is 10,000.', PASTE_GUARD_MS);
		await session.press(' THE END');
		await session.waitForText(' THE END');
		// Ctrl+C with the form open keeps the comment as a draft.
		await session.press(KEYS.ctrlC);
		expect(await session.waitForExit()).toBe(0);
		expect(draftOf(home, firstWorldArticle)?.body).toBe(`${comment} THE END`);
	});

	it('into the search keeps the first 200 characters and says so, and Enter searches for them', async () => {
		const session = start(makeTempHome());
		await session.waitForSettled(screen => /World[\s\S]*Science/.test(screen), 'the sections');
		await session.press('/');
		await session.waitForSettled(screen => screen.includes('Search:'), 'the search prompt');
		session.paste(words(100_000, false));
		await session.waitForText('only the first 200 characters are kept', PASTE_GUARD_MS);
		// The prompt is still one line: the frame did not grow past the screen.
		expect(session.screen()[0]).toMatch(/^newsread › Search/);
		await session.press(KEYS.enter);
		await session.waitFor(screen => screen.split('\n')[0]!.startsWith('newsread › Search: harbour ferry council'), 'the results of the search');
		await session.press('Q');
		expect(await session.waitForExit()).toBe(0);
	});

	it('on a screen without a text field is left out with a message, and the keys after it work', async () => {
		const session = start(makeTempHome());
		await openWorld(session);
		session.paste(`Q${words(100_000, false)}`);
		await session.waitForText('Pasted text was left out', PASTE_GUARD_MS);
		expect(session.exited).toBeUndefined();
		await session.press('Q');
		expect(await session.waitForExit()).toBe(0);
	});
});

describe('keys typed far ahead of the screen', () => {
	/** 30,000 ↓ ↑ in one write (a key held down while the screen lags): every one moves the cursor and draws a frame. */
	const backlog = `${ESC}[B${ESC}[A`.repeat(15_000);
	/**
	 * The 180 KB reach newsread through the pty's 4 KB input buffer, about 45 hand-overs between this
	 * process and newsread (1-2 s idle, mostly waiting). At load 40 each hand-over waits for both to be
	 * scheduled, so the exit is waited for longer than DEFAULT_WAIT_MS; the key router's own cost is
	 * bounded by the 200,000-key test in test/unit/key-router.test.ts.
	 */
	const exitWaitMs = 50_000;

	it('Ctrl+C among them quits at once, with status 0 and the screen restored', {timeout: 90_000}, async () => {
		const session = start(makeTempHome());
		await openWorld(session);
		session.write(`${backlog}jk${KEYS.ctrlC}`);
		expect(await session.waitForExit(exitWaitMs)).toBe(0);
		expect(session.onAlternateScreen()).toBe(false);
		expect(session.cursorVisible()).toBe(true);
	});

	it('Q after them quits at once, with status 0 and the screen restored', {timeout: 90_000}, async () => {
		const session = start(makeTempHome());
		await openWorld(session);
		session.write(backlog);
		session.write('Q');
		expect(await session.waitForExit(exitWaitMs)).toBe(0);
		expect(session.onAlternateScreen()).toBe(false);
	});
});

describe('signals while $EDITOR runs', () => {
	it('Ctrl+C and Ctrl+\\ in the editor (SIGINT, SIGQUIT to newsread too) are the editor\'s: the reader carries on with the form', async () => {
		const home = makeTempHome();
		// The shell newsread starts the editor with is a child of newsread: $PPID is newsread.
		const session = start(home, {EDITOR: 'kill -INT $PPID; kill -QUIT $PPID; sleep 0.2 #', VISUAL: undefined});
		await openCommentForm(session);
		await session.press('Typed before the editor');
		await session.waitForText('Typed before the editor');
		await session.press(CTRL_E);
		await session.waitForQuiet(500);
		await session.press(' and after');
		await session.waitForText('Typed before the editor and after');
		expect(session.exited).toBeUndefined();
		expect(session.onAlternateScreen()).toBe(true);
		await session.press(KEYS.ctrlC);
		expect(await session.waitForExit()).toBe(0);
		expect(draftOf(home, firstWorldArticle)?.body).toBe('Typed before the editor and after');
	});
});
