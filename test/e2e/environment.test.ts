// What newsread does with its surroundings, in a real pseudo-terminal: where it keeps its files when
// NEWSREAD_HOME is not set, NO_COLOR, and newsread.log when a save fails or the reader stops on an error.
import {existsSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {afterAll, afterEach, describe, expect, it} from 'vitest';
import {KEYS, openHarbourVoteSubheading, PtySession} from '../helpers/pty.js';
import {crashOnSigusr2, makeTempHome, removeTempHomes, repoRoot, runCli} from '../helpers/run-cli.js';

afterAll(removeTempHomes);

const sessions: PtySession[] = [];
afterEach(() => {
	for (const session of sessions.splice(0)) {
		session.dispose();
	}
});

/** The environment of a user without NEWSREAD_HOME whose home folder is `home`. */
function userEnvironment(home: string, xdg: {config?: string; data?: string} = {}): Record<string, string | undefined> {
	return {
		NEWSREAD_HOME: undefined,
		HOME: home,
		XDG_CONFIG_HOME: xdg.config,
		XDG_DATA_HOME: xdg.data,
		XDG_STATE_HOME: undefined,
		XDG_CACHE_HOME: undefined,
	};
}

function start(home: string, env: Record<string, string | undefined> = {}, args: string[] = []): PtySession {
	const session = new PtySession(args, {home, columns: 80, rows: 24, env});
	sessions.push(session);
	return session;
}

/** From the start: World's first article (the island census) on page 1. */
async function openFirstArticle(session: PtySession): Promise<void> {
	await session.waitForSettled(screen => screen.includes('Science') && screen.includes('World'), 'the sections');
	await session.press(KEYS.enter);
	await session.waitForSettled(screen => screen.includes('newsread › World') && screen.includes('❯'), 'the headlines of World');
	await session.press(KEYS.enter);
	await session.waitForSettled(screen => screen.includes('World › Farrowsey census') && /page 1\//.test(screen), 'the census article on page 1');
}

function readIds(stateFile: string): string[] {
	return Object.keys((JSON.parse(readFileSync(stateFile, 'utf8')) as {read: Record<string, number>}).read);
}

/** Every file under `folder`, as paths relative to it. */
function filesUnder(folder: string): string[] {
	return readdirSync(folder, {recursive: true, withFileTypes: true})
		.filter(entry => entry.isFile())
		.map(entry => path.relative(folder, path.join(entry.parentPath, entry.name)))
		.sort();
}

/** Polls until `file` exists: a save is retried for a while before it is given up and logged. */
async function waitForFile(file: string, session: PtySession, timeout: number): Promise<void> {
	const deadline = Date.now() + timeout;
	while (!existsSync(file)) {
		if (Date.now() > deadline) {
			throw new Error(`No ${file} after ${timeout} ms.\n${session.report()}`);
		}

		await new Promise(resolve => {
			setTimeout(resolve, 100);
		});
	}
}

describe('without NEWSREAD_HOME', () => {
	it('keeps the reading state in ~/.config/newsread, and comments and imported articles in ~/.local/share/newsread', async () => {
		const home = makeTempHome();
		const env = userEnvironment(home);
		const session = start(home, env);
		await openFirstArticle(session);
		await session.press('Q');
		expect(await session.waitForExit()).toBe(0);

		const added = runCli(['comments', 'add', 'world/harbour-vote', '--name', 'Ann Reader', '--email', 'ann@example.org', '--text', 'Kept at home.'], {home, env});
		expect(added.stderr).toBe('');
		expect(added.status).toBe(0);
		const imported = runCli(['import', path.join(repoRoot, 'test/fixtures/pages/harbour-road.txt'), '--section', 'World'], {home, env});
		expect(imported.status).toBe(0);

		expect(readIds(path.join(home, '.config/newsread/config.json'))).toEqual(['world/island-census']);
		expect(readFileSync(path.join(home, '.local/share/newsread/comments.jsonl'), 'utf8')).toContain('Kept at home.');
		const files = filesUnder(home);
		expect(files.filter(file => file.startsWith('.local/share/newsread/articles/world/') && file.endsWith('.md'))).toHaveLength(1);
		// The code cache of the reader and of the commands in ~/.cache/newsread.
		expect(files.filter(file => file.startsWith('.cache/newsread/code-cache'))).toEqual([
			expect.stringMatching(/^\.cache\/newsread\/code-cache-.*-command\.bin$/),
			expect.stringMatching(/^\.cache\/newsread\/code-cache-.*-reader\.bin$/),
		]);
		// Nothing else anywhere in the home folder (the state lock is gone after quitting).
		expect(files.filter(file => !file.startsWith('.local/share/newsread/articles/') && !file.startsWith('.cache/newsread/code-cache'))).toEqual([
			'.cache/newsread/library-index.sqlite',
			'.config/newsread/config.json',
			'.local/share/newsread/comments.jsonl',
		]);
	});

	it('follows XDG_CONFIG_HOME and XDG_DATA_HOME', async () => {
		const home = makeTempHome();
		const config = path.join(home, 'my-config');
		const data = path.join(home, 'my-data');
		const env = userEnvironment(home, {config, data});
		const session = start(home, env);
		await openFirstArticle(session);
		await session.press('Q');
		expect(await session.waitForExit()).toBe(0);
		const added = runCli(['comments', 'add', 'world/harbour-vote', '--name', 'Ann Reader', '--email', 'ann@example.org', '--text', 'Kept in XDG.'], {home, env});
		expect(added.status).toBe(0);

		expect(readIds(path.join(config, 'newsread/config.json'))).toEqual(['world/island-census']);
		expect(readFileSync(path.join(data, 'newsread/comments.jsonl'), 'utf8')).toContain('Kept in XDG.');
		expect(existsSync(path.join(home, '.config'))).toBe(false);
		expect(existsSync(path.join(home, '.local'))).toBe(false);
	});
});

describe('NO_COLOR', () => {
	/** From the start: the harbour vote, with a subheading on the top line. */
	async function showSubheading(session: PtySession): Promise<void> {
		await session.waitForSettled(screen => screen.includes('Science') && screen.includes('World'), 'the sections');
		await session.press(KEYS.enter);
		await session.waitForSettled(screen => screen.includes('newsread › World') && screen.includes('❯'), 'the headlines of World');
		await openHarbourVoteSubheading(session);
	}

	it('draws the subheadings bold and coloured without NO_COLOR', async () => {
		const session = start(makeTempHome(), {NO_COLOR: undefined});
		await showSubheading(session);
		const heading = session.rowCells('A tied first ballot')!.filter(cell => cell.char.trim() !== '');
		expect(heading.every(cell => cell.bold && cell.coloured)).toBe(true);
	});

	it('with NO_COLOR=1 draws no colour anywhere on the screen, and the subheadings still bold', async () => {
		const session = start(makeTempHome(), {NO_COLOR: '1'});
		await showSubheading(session);
		const heading = session.rowCells('A tied first ballot')!.filter(cell => cell.char.trim() !== '');
		expect(heading.every(cell => cell.bold)).toBe(true);
		const coloured = session.screenCells().flatMap((row, index) => row.filter(cell => cell.coloured || cell.background).map(cell => `row ${index}: ${cell.char}`));
		expect(coloured).toEqual([]);
	});
});

describe('newsread.log', () => {
	it('records a reading state that could not be saved, beside the comments', {timeout: 120_000}, async () => {
		const home = makeTempHome();
		const env = userEnvironment(home);
		const session = start(home, env);
		await session.waitForSettled(screen => screen.includes('Science') && screen.includes('World'), 'the sections');
		// The state folder turns into a file under the running reader: no write can succeed.
		const stateFolder = path.join(home, '.config/newsread');
		rmSync(stateFolder, {recursive: true, force: true});
		writeFileSync(stateFolder, 'not a folder');

		// Opening an article marks it read: a change to save.
		await openFirstArticle(session);
		const log = path.join(home, '.local/share/newsread/newsread.log');
		await waitForFile(log, session, 75_000);
		const text = readFileSync(log, 'utf8');
		expect(text).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z /);
		expect(text).toMatch(/reading state/i);
		expect(text).toContain(stateFolder);
	});

	it('holds the details when the reader stops on an error, and the screen says where the log is', async () => {
		const home = makeTempHome();
		// No input makes the reader fail any more (a folder in place of comments.jsonl is a message now):
		// the failure is injected, an uncaught error thrown inside the real process on SIGUSR2.
		const session = start(home, crashOnSigusr2);
		await session.waitForSettled(screen => screen.includes('Science') && screen.includes('World'), 'the sections');
		await session.press(KEYS.enter);
		await session.waitForText('newsread › World');
		expect(session.onAlternateScreen()).toBe(true);
		session.kill('SIGUSR2');
		expect(await session.waitForExit()).toBe(1);
		const log = path.join(home, 'newsread.log');
		await session.waitForText(`Details are in ${log}`);
		expect(session.onAlternateScreen()).toBe(false);
		expect(session.cursorVisible()).toBe(true);
		expect(session.screenText()).toContain('newsread stopped because of an error: injected failure');
		// The stack is in the log, not on the user's screen.
		expect(readFileSync(log, 'utf8')).toMatch(/injected failure[^\n]*\n\s+at /);
		expect(session.screenText()).not.toMatch(/^\s+at /m);
	});
});
