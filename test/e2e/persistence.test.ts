// What newsread keeps between runs, as a person sees it: the built bundle in a real pseudo-terminal,
// started again on the same NEWSREAD_HOME. Reading position and "Continue reading", a comment written
// in the form and found again (and by `newsread comments`), the $EDITOR round trip, a damaged state
// file, and the modes of the files.
import {chmodSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {afterAll, afterEach, describe, expect, it} from 'vitest';
import {KEYS, PtySession} from '../helpers/pty.js';
import {makeTempHome, removeTempHomes, runCli} from '../helpers/run-cli.js';

afterAll(removeTempHomes);

/** Sessions a test started, killed after it whatever happened. */
const sessions: PtySession[] = [];
afterEach(() => {
	for (const session of sessions.splice(0)) {
		session.dispose();
	}
});

const TAB = '\t';
const CTRL_E = '\u0005';
const harbourVote = 'world/harbour-vote';
const ann = {name: 'Ann Reader', email: 'ann@example.org'};

function start(home: string, env: Record<string, string | undefined> = {}): PtySession {
	const session = new PtySession([], {home, columns: 80, rows: 24, env});
	sessions.push(session);
	return session;
}

/** The status line: the frame fills the terminal, so it is the bottom row. */
function statusLine(session: PtySession): string {
	return session.screen().at(-1) ?? '';
}

/** `page N/M · P%` of the status line. */
function pageOf(session: PtySession): {page: number; pages: number; percent: number} | undefined {
	const match = /page (\d+)\/(\d+) · (\d+)%/.exec(statusLine(session));
	return match ? {page: Number(match[1]), pages: Number(match[2]), percent: Number(match[3])} : undefined;
}

/** From the sections screen: World, the third headline (the harbour vote), page 1. */
async function openHarbourVote(session: PtySession): Promise<void> {
	await session.waitForText('Science');
	if (session.screenText().includes('Continue reading')) {
		// "Continue reading" is the first entry; World comes after it.
		await session.press('j');
	}

	await session.press(KEYS.enter);
	await session.waitForText('newsread › World');
	await session.press('j');
	await session.press('j');
	await session.press(KEYS.enter);
	await session.waitFor(screen => screen.includes('World › Marrowick harbour') && /page 1\//.test(screen), 'the harbour vote on page 1');
}

async function quit(session: PtySession): Promise<void> {
	await session.press('Q');
	expect(await session.waitForExit()).toBe(0);
}

/** From the Comment field: fills in Name and Email, posts with Enter and waits for "Saved". */
async function postWithNameAndEmail(session: PtySession): Promise<void> {
	await session.press(TAB);
	await session.press(ann.name);
	await session.press(TAB);
	await session.press(ann.email);
	await session.press(KEYS.enter);
	await session.waitForText('Saved');
}

/** The file's permission bits, e.g. 0o600. */
function modeOf(file: string): number {
	return statSync(file).mode & 0o777;
}

type ExportedComment = {id: string; articleId: string; name: string; email?: string; body: string; createdAt: string};

function exportComments(home: string, ...flags: string[]): ExportedComment[] {
	const result = runCli(['comments', '--json', ...flags], {home});
	expect(result.stderr).toBe('');
	expect(result.status).toBe(0);
	return JSON.parse(result.stdout) as ExportedComment[];
}

describe('reading position', () => {
	it('read to page 3, quit, start again: "Continue reading: <title> (N%)" on the sections screen, Enter opens page 3 again', async () => {
		const home = makeTempHome();
		const first = start(home);
		await openHarbourVote(first);
		await first.press(KEYS.space);
		await first.waitFor(() => pageOf(first)?.page === 2, 'page 2/');
		await first.press(KEYS.space);
		await first.waitFor(() => pageOf(first)?.page === 3, 'page 3/');
		const atPage3 = pageOf(first)!;
		expect(atPage3.pages).toBeGreaterThan(3);
		await quit(first);

		const second = start(home);
		await second.waitForText('Continue reading: Marrowick harbour');
		const entry = second.screen().find(line => line.includes('Continue reading:')) ?? '';
		// The first entry, highlighted, with how far the article was read.
		expect(second.screen().findIndex(line => line.includes('Continue reading:'))).toBe(1);
		expect(entry).toContain('❯');
		expect(entry).toMatch(new RegExp(`\\(${atPage3.percent}%\\)\\s*$`));

		await second.press(KEYS.enter);
		await second.waitFor(screen => screen.includes('World › Marrowick harbour') && pageOf(second) !== undefined, 'the article');
		expect(pageOf(second)).toEqual(atPage3);
		await quit(second);
	});
});

describe('comments', () => {
	it('a comment written in the form is there after starting again, and `newsread comments --json` lists it without the email', async () => {
		const home = makeTempHome();
		const first = start(home);
		await openHarbourVote(first);
		await first.press('c');
		await first.waitForText('No comments yet: r to write one.');
		await first.press('r');
		await first.waitForText('Leave a reply');
		expect(first.screenText()).toContain('Your email address will not be published. Required fields are marked *');
		await first.press('Written in a real terminal.');
		await postWithNameAndEmail(first);
		await quit(first);

		const second = start(home);
		await openHarbourVote(second);
		expect(statusLine(second)).toContain('1 💬');
		await second.press('c');
		await second.waitForText('Written in a real terminal.');
		const screen = second.screenText();
		expect(screen).toContain('Ann Reader');
		expect(screen).toMatch(/Comments › Marrowick harbour.*1 comment/);
		expect(screen).not.toContain(ann.email);
		await quit(second);

		const exported = exportComments(home);
		expect(exported).toEqual([expect.objectContaining({articleId: harbourVote, name: ann.name, body: 'Written in a real terminal.'})]);
		expect(exported[0]).not.toHaveProperty('email');
		expect(JSON.stringify(exported)).not.toContain(ann.email);
		expect(exportComments(home, '--with-email')).toEqual([expect.objectContaining({name: ann.name, email: ann.email, body: 'Written in a real terminal.'})]);
	});

	it.each(['SIGTERM', 'SIGHUP'])('a comment typed just before %s (within the draft delay) comes back as a draft', async signal => {
		const home = makeTempHome();
		const first = start(home);
		await openHarbourVote(first);
		await first.press('c');
		await first.waitForText('No comments yet: r to write one.');
		await first.press('r');
		await first.waitForText('Leave a reply');
		first.write('Typed a moment before the end.');
		await first.waitForText('Typed a moment before the end.');
		// At once: the half-second pause that keeps a draft while typing has not passed.
		first.kill(signal);
		await first.waitForExit();

		const second = start(home);
		await openHarbourVote(second);
		await second.press('c');
		await second.waitForText('Your unfinished comment was restored.');
		expect(second.screenText()).toContain('Typed a moment before the end.');
	});

	it('a colour sequence pasted into the form (ESC [31m) does not stop newsread, and the text is kept', async () => {
		const home = makeTempHome();
		const session = start(home);
		await openHarbourVote(session);
		await session.press('c');
		await session.waitForText('No comments yet: r to write one.');
		await session.press('r');
		await session.waitForText('Leave a reply');
		await session.press('Before the paste ');
		await session.press('\u001B[31mred text\u001B[0m');
		await session.waitForText('red text');
		expect(session.exited).toBeUndefined();
		expect(session.screenText()).toContain('Before the paste');
		expect(session.screenText()).not.toContain('newsread stopped because of an error');
		await postWithNameAndEmail(session);
		await quit(session);
		const [comment] = exportComments(home);
		expect(comment?.body).toMatch(/^Before the paste .*red text$/);
		expect(comment?.body).not.toContain('\u001B');
	});

	it('Ctrl+E runs $EDITOR on the comment, puts its text in the Comment field and draws the whole screen again', async () => {
		const home = makeTempHome();
		const editor = path.join(home, 'fake-editor.sh');
		// Draws over the screen like a real editor, keeps what it was given, writes its own text.
		writeFileSync(editor, [
			'#!/bin/sh',
			String.raw`printf '\033[2J\033[HFAKE EDITOR WAS HERE\n'`,
			'cp "$1" "$(dirname "$0")/editor-input.txt"',
			String.raw`printf 'Text from the fake editor.\nSecond line from the editor.\n' > "$1"`,
			'',
		].join('\n'));
		chmodSync(editor, 0o755);

		const session = start(home, {EDITOR: editor, VISUAL: undefined});
		await openHarbourVote(session);
		await session.press('c');
		await session.waitForText('No comments yet: r to write one.');
		await session.press('r');
		await session.waitForText('Leave a reply');
		await session.press('Typed before the editor');
		await session.waitForText('Typed before the editor');
		await session.press(CTRL_E);
		await session.waitForText('Second line from the editor.');
		await session.waitForQuiet();

		expect(readFileSync(path.join(home, 'editor-input.txt'), 'utf8')).toBe('Typed before the editor');
		const screen = session.screen();
		expect(screen[0]).toMatch(/^Comments › Marrowick harbour/);
		expect(session.screenText()).toContain('Leave a reply');
		expect(session.screenText()).toContain('Text from the fake editor.');
		expect(session.screenText()).not.toContain('Typed before the editor');
		expect(session.screenText()).not.toContain('FAKE EDITOR WAS HERE');
		expect(session.screenText()).toContain('Name *');
		expect(session.onAlternateScreen()).toBe(true);

		await postWithNameAndEmail(session);
		await quit(session);
		expect(exportComments(home).map(comment => comment.body)).toEqual(['Text from the fake editor.\nSecond line from the editor.']);
	});
});

describe('damaged state and file modes', () => {
	it('a corrupt config.json is moved aside: the app starts, names the file and the copy, and the copy exists', async () => {
		const home = makeTempHome();
		const stateFile = path.join(home, 'config.json');
		writeFileSync(stateFile, '{"read": {');
		const session = start(home);
		await session.waitForText('Science');
		await session.waitForText('config.json');
		const copies = readdirSync(home).filter(name => name.startsWith('config.json.corrupt-'));
		expect(copies).toHaveLength(1);
		expect(readFileSync(path.join(home, copies[0]!), 'utf8')).toBe('{"read": {');

		// The user is told which file was damaged and where the copy is.
		const screen = session.screenText().replaceAll('\n', '');
		expect(screen).toContain(stateFile);
		expect(screen).toContain(copies[0]);

		// The reader works: an article opens, and the new state file is valid.
		await openHarbourVote(session);
		await quit(session);
		const state = JSON.parse(readFileSync(stateFile, 'utf8')) as {read: Record<string, number>};
		expect(Object.keys(state.read)).toEqual([harbourVote]);
	});

	it('the state file and comments.jsonl are mode 0600', async () => {
		const home = makeTempHome();
		const session = start(home);
		await openHarbourVote(session);
		await session.press('c');
		await session.waitForText('No comments yet: r to write one.');
		await session.press('r');
		await session.waitForText('Leave a reply');
		await session.press('Mode check.');
		await postWithNameAndEmail(session);
		await quit(session);

		const stateFile = path.join(home, 'config.json');
		const commentsFile = path.join(home, 'comments.jsonl');
		expect(existsSync(stateFile)).toBe(true);
		expect(existsSync(commentsFile)).toBe(true);
		expect(modeOf(stateFile).toString(8)).toBe('600');
		expect(modeOf(commentsFile).toString(8)).toBe('600');
	});
});
