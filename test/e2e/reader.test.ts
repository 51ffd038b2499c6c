// The full-screen reader as a person uses it: the built bundle in a real pseudo-terminal, read
// back through a terminal emulator (xterm), at two terminal sizes.
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {afterAll, afterEach, describe, expect, it} from 'vitest';
import {KEYS, PtySession} from '../helpers/pty.js';
import {makeTempHome, removeTempHomes} from '../helpers/run-cli.js';

const ESC = '\u001B';
const BEL = '\u0007';

afterAll(removeTempHomes);

/** Sessions a test started, killed after it whatever happened. */
const sessions: PtySession[] = [];
afterEach(() => {
	for (const session of sessions.splice(0)) {
		session.dispose();
	}
});

function start(args: string[], columns: number, rows: number, home = makeTempHome()): PtySession {
	const session = new PtySession(args, {home, columns, rows});
	sessions.push(session);
	return session;
}

/**
 * A World article dated after every sample article (so it is first in World), long enough to have
 * several pages and subheadings at any size. Every paragraph starts with words found nowhere else.
 */
const longRead = {
	id: 'world/e2e-long-read',
	title: 'Marrowick long read: a year on the Sound',
	subheadings: ['Spring on the water', 'The summer timetable', 'Autumn storms', 'Winter crossings', 'The year ahead'],
};

function paragraphText(part: number, paragraph: number): string {
	const sentence = 'The ferry left the slip at first light and the harbour master counted the crossings again';
	return `Part ${part} paragraph ${paragraph} begins here. ${Array.from({length: 4}, () => `${sentence}.`).join(' ')}`;
}

function writeLongRead(folder: string): void {
	const blocks: string[] = [];
	for (const [index, heading] of longRead.subheadings.entries()) {
		const part = index + 1;
		blocks.push(`## ${heading}`);
		for (let paragraph = 1; paragraph <= 6; paragraph++) {
			blocks.push(paragraphText(part, paragraph));
		}
	}

	mkdirSync(path.join(folder, 'world'), {recursive: true});
	writeFileSync(path.join(folder, `${longRead.id}.md`), [
		'---',
		`title: ${JSON.stringify(longRead.title)}`,
		'section: World',
		'date: 2099-01-01T09:00:00Z',
		'author: Test Writer',
		'summary: Twelve months of crossings, storms and timetables.',
		'---',
		'',
		...blocks.map(block => `${block}\n`),
	].join('\n'));
}

/** The rows of the pager's body: below the header line, above the status line on the bottom row. */
function bodyLines(session: PtySession): string[] {
	return session.screen().slice(1, -1);
}

/** The first few words of a line, for comparing a paragraph's start across a re-wrap. */
function firstWords(line: string, count = 4): string {
	return line.trim().split(/\s+/).slice(0, count).join(' ');
}

function statusLine(session: PtySession): string {
	return session.screen().at(-1) ?? '';
}

/** The `page N/M` of the status line, or undefined. */
function pageOf(session: PtySession): {page: number; pages: number} | undefined {
	const match = /page (\d+)\/(\d+)/.exec(statusLine(session));
	return match ? {page: Number(match[1]), pages: Number(match[2])} : undefined;
}

/** Starts newsread on a fresh NEWSREAD_HOME with the long read added, at the given size. */
function startWithLongRead(columns: number, rows: number): PtySession {
	const articles = makeTempHome();
	writeLongRead(articles);
	return start(['--articles', articles], columns, rows);
}

/** From the start: the sections, then World's headlines (the long read is the newest). */
async function openWorld(session: PtySession): Promise<void> {
	await session.waitForSettled(screen => /World[\s\S]*Science[\s\S]*Business/.test(screen), 'the sections World, Science, Business');
	await session.press(KEYS.enter);
	await session.waitForSettled(screen => screen.includes('newsread › World') && screen.includes('❯'), 'the headlines of World');
}

/** From the start: the long read on page 1. */
async function openLongRead(session: PtySession): Promise<void> {
	await openWorld(session);
	await session.press(KEYS.enter);
	await session.waitForSettled(screen => screen.includes('World › Marrowick long read') && /page 1\//.test(screen), 'the long read on page 1');
}

/** From page 1 of the long read: ] until the top line is `heading`. */
async function goToSubheading(session: PtySession, heading: string): Promise<void> {
	const top = () => bodyLines(session)[0]!.trim();
	for (let tries = 0; tries < longRead.subheadings.length; tries++) {
		const before = top();
		await session.press(']');
		await session.waitForSettled(() => top() !== before && longRead.subheadings.includes(top()), 'the next subheading on the top line');
		if (top() === heading) {
			return;
		}
	}

	throw new Error(`] never put "${heading}" on the top line.\n${session.report()}`);
}

describe.each([
	{columns: 80, rows: 24},
	{columns: 120, rows: 40},
])('the reader at $columns×$rows', ({columns, rows}) => {
	it('opens on the sections screen, World first, on the alternate screen', async () => {
		const session = startWithLongRead(columns, rows);
		await session.waitForSettled(screen => /World[\s\S]*Science[\s\S]*Business/.test(screen), 'the sections World, Science, Business');
		expect(session.onAlternateScreen()).toBe(true);
		expect(session.screen()[0]).toContain('newsread');
	});

	it('Enter opens the headlines of World, newest first', async () => {
		const session = startWithLongRead(columns, rows);
		await openWorld(session);
		const firstHeadline = session.screen().find(line => line.includes('❯')) ?? '';
		expect(firstHeadline).toContain(longRead.title.slice(0, 20));
	});

	it('Enter on a headline opens the article on page 1', async () => {
		const session = startWithLongRead(columns, rows);
		await openLongRead(session);
		// A news page: the headline, the standfirst, the byline and date, then the body from its first subheading.
		const body = bodyLines(session).map(line => line.trim());
		expect(body.slice(0, 6)).toEqual([longRead.title, '', 'Twelve months of crossings, storms and timetables.', '', 'By Test Writer · 1 Jan 2099', '']);
		expect(body[6]).toBe(longRead.subheadings[0]);
		expect(session.screenText()).toContain('Part 1 paragraph 1 begins here.');
	});

	it('Space turns to page 2', async () => {
		const session = startWithLongRead(columns, rows);
		await openLongRead(session);
		const before = pageOf(session)!;
		await session.press(KEYS.space);
		await session.waitForSettled(() => pageOf(session)?.page === 2, 'page 2/ in the status line');
		expect(pageOf(session)?.pages).toBe(before.pages);
		expect(session.screenText()).not.toContain('Part 1 paragraph 1 begins here.');
	});

	it('] puts the next subheading on the top line, bold and coloured, and names it in the status line', async () => {
		const session = startWithLongRead(columns, rows);
		await openLongRead(session);
		await session.press(KEYS.space);
		await session.waitForSettled(() => pageOf(session)?.page === 2, 'page 2');
		const before = bodyLines(session)[0];
		await session.press(']');
		await session.waitForSettled(() => bodyLines(session)[0] !== before && longRead.subheadings.includes(bodyLines(session)[0]!.trim()), 'a subheading on the top line');
		const heading = bodyLines(session)[0]!.trim();
		expect(statusLine(session)).toContain(heading);

		const cells = session.rowCells(heading)!;
		const headingCells = cells.filter(cell => cell.char.trim() !== '');
		expect(headingCells.map(cell => cell.char).join('')).toBe(heading.replaceAll(' ', ''));
		expect(headingCells.every(cell => cell.bold && cell.coloured)).toBe(true);
		// Body text is neither.
		const paragraphCells = session.rowCells('begins here.')!.filter(cell => cell.char.trim() !== '');
		expect(paragraphCells.some(cell => cell.bold || cell.coloured)).toBe(false);
	});

	it('? shows the help with the pager keys, Esc returns to the same place', async () => {
		const session = startWithLongRead(columns, rows);
		await openLongRead(session);
		await goToSubheading(session, 'Autumn storms');
		await session.press('?');
		await session.waitForSettled(screen => screen.includes('Help: keys') && screen.includes('next page'), 'the help');
		expect(session.screenText()).toContain('next page');
		expect(session.screenText()).toContain('next subheading');
		expect(session.screenText()).toContain('previous page');

		await session.press(KEYS.escape);
		await session.waitForSettled(screen => screen.includes('World › Marrowick long read') && /page \d+\//.test(screen), 'the article again');
		expect(bodyLines(session)[0]!.trim()).toBe('Autumn storms');
	});

	it('after a resize to 60×20 the same subheading is still on the top line', async () => {
		const session = startWithLongRead(columns, rows);
		await openLongRead(session);
		await goToSubheading(session, 'Autumn storms');
		const pagesBefore = pageOf(session)!.pages;
		session.resize(60, 20);
		// Laid out again for 60 columns: the status line is on row 20 of 20 and the page count changed.
		await session.waitForSettled(() => session.screen().length === 20 && pageOf(session) !== undefined && pageOf(session)!.pages !== pagesBefore, 'the article laid out for 60×20', undefined, 150);
		const body = bodyLines(session);
		expect(body.length).toBe(18);
		expect(body.every(line => line.length <= 60)).toBe(true);
		expect(firstWords(body[0]!)).toBe('Autumn storms');
		expect(statusLine(session)).toContain('Autumn storms');
	});

	it('q goes back to the headlines, Q quits with status 0 and restores the screen and cursor', async () => {
		const session = startWithLongRead(columns, rows);
		await openLongRead(session);
		await session.press('q');
		await session.waitForSettled(screen => screen.includes('newsread › World') && screen.includes('❯'), 'the headlines of World');
		expect(session.screenText()).not.toContain('page ');

		await session.press('Q');
		expect(await session.waitForExit()).toBe(0);
		expectScreenRestored(session);
	});
});

/** The main screen, the cursor and plain pastes are back, and nothing was drawn after leaving the alternate screen. */
function expectScreenRestored(session: PtySession): void {
	expect(session.onAlternateScreen()).toBe(false);
	expect(session.cursorVisible()).toBe(true);
	// A paste into the shell is plain text again, not wrapped in ESC[200~ … ESC[201~.
	expect(session.terminal.modes.bracketedPasteMode).toBe(false);
	const output = session.rawOutput;
	const left = output.lastIndexOf(`${ESC}[?1049l`);
	expect(left).toBeGreaterThan(output.lastIndexOf(`${ESC}[?1049h`));
	expect(output.lastIndexOf(`${ESC}[?25h`)).toBeGreaterThan(output.lastIndexOf(`${ESC}[?25l`));
	// Nothing is drawn after leaving the alternate screen (it would land on the user's shell);
	// showing the cursor once more is harmless.
	expect(output.slice(left + `${ESC}[?1049l`.length).replaceAll(`${ESC}[?25h`, '').trim()).toBe('');
}

describe('leaving and unusual terminals', () => {
	it.each([
		{signal: 'SIGTERM', code: 143},
		{signal: 'SIGHUP', code: 129},
		{signal: 'SIGINT', code: 130},
		{signal: 'SIGQUIT', code: 131},
	])('$signal exits with status $code, restores the main screen, the cursor and plain pastes, and keeps what was read', async ({signal, code}) => {
		const home = makeTempHome();
		const session = start([], 80, 24, home);
		await openWorld(session);
		await session.press(KEYS.enter);
		await session.waitForSettled(screen => /page 1\//.test(screen), 'the first article of World');
		expect(session.onAlternateScreen()).toBe(true);
		session.kill(signal);
		expect(await session.waitForExit()).toBe(code);
		expectScreenRestored(session);
		// The article opened just before the signal is marked read on disk.
		const state = JSON.parse(readFileSync(path.join(home, 'config.json'), 'utf8')) as {read: Record<string, number>};
		expect(Object.keys(state.read)).toEqual(['world/island-census']);
	});

	it('Ctrl+C quits from an article with status 0, restores the screen and keeps what was read', async () => {
		const home = makeTempHome();
		const session = start([], 80, 24, home);
		await openWorld(session);
		await session.press(KEYS.enter);
		await session.waitForSettled(screen => /page 1\//.test(screen), 'the first article of World');
		await session.press(KEYS.ctrlC);
		expect(await session.waitForExit()).toBe(0);
		expectScreenRestored(session);
		const state = JSON.parse(readFileSync(path.join(home, 'config.json'), 'utf8')) as {read: Record<string, number>};
		expect(Object.keys(state.read)).toEqual(['world/island-census']);
	});

	it('a 30×8 terminal shows "Make the terminal larger", and the sections once it is 80×24', async () => {
		const session = start([], 30, 8);
		await session.waitForText('Make the terminal larger');
		expect(session.screenText()).not.toContain('Science');

		session.resize(80, 24);
		await session.waitForSettled(screen => screen.includes('World') && screen.includes('Science') && !screen.includes('Make the terminal larger'), 'the sections after growing the terminal');
		expect(session.screen()[0]).toContain('newsread');
		await session.press('Q');
		expect(await session.waitForExit()).toBe(0);
	});

	it('escape sequences in an article title and body never reach the terminal, the article still shows', async () => {
		const articles = makeTempHome();
		mkdirSync(path.join(articles, 'world'), {recursive: true});
		const title = `Harbour ${ESC}]0;PWNED${BEL}lights ${ESC}[2Jtonight ${ESC}]52;c;cm0gLXJmIH4K${BEL}`;
		// The title goes through YAML escapes (real ESC characters after parsing), the body holds raw bytes.
		writeFileSync(path.join(articles, 'world', 'hostile.md'), [
			'---',
			`title: ${JSON.stringify(title)}`,
			'section: World',
			'date: 2099-06-01T09:00:00Z',
			'author: Mallory',
			`summary: ${JSON.stringify(`Summary ${ESC}]0;PWNED${BEL}text`)}`,
			'---',
			'',
			`Harmless opening words ${ESC}]0;PWNED${BEL}of the body ${ESC}[2Jcontinue ${ESC}]52;c;cm0gLXJmIH4K${BEL}here.`,
			'',
			`## Safe ${ESC}[31mheading${ESC}[0m`,
			'',
			'Closing paragraph.',
			'',
		].join('\n'));

		const session = start(['--articles', articles], 80, 24);
		await session.waitForText('Science');
		await session.press(KEYS.enter);
		await session.waitForText('Harbour lights');
		await session.press(KEYS.enter);
		await session.waitForSettled(screen => screen.includes('Harmless opening words') && /page 1\//.test(screen), 'the hostile article');
		expect(session.screenText()).toContain('World › Harbour lights tonight');
		expect(session.screenText()).toContain('Safe heading');
		expect(session.screenText()).toContain('Closing paragraph.');
		await session.press('Q');
		expect(await session.waitForExit()).toBe(0);

		const output = session.rawOutput;
		expect(output).not.toContain(']0;PWNED');
		expect(output).not.toContain('PWNED');
		expect(output).not.toContain(']52;');
		expect(output).not.toContain(`${ESC}[2J`);
		expect(output).not.toContain(BEL);
	});
});

describe('typing ahead', () => {
	it('keys typed faster than a frame all count: j and Enter in one burst open Science', async () => {
		const session = start([], 80, 24);
		await session.waitForText('Science');
		await session.press(`j${KEYS.enter}`);
		await session.waitForText('newsread › Science');
	});

	it('Enter, Enter typed quickly opens the first article of World, and q then leads back one screen at a time', async () => {
		const session = start([], 80, 24);
		await session.waitForSettled(screen => screen.includes('Science'), 'the sections');
		// Two key presses 10 ms apart, as a quick typist makes them: the second arrives while the
		// headlines are being drawn.
		session.write(KEYS.enter);
		await new Promise(resolve => setTimeout(resolve, 10));
		session.write(KEYS.enter);
		await session.waitFor(screen => /page 1\//.test(screen), 'the first article of World');
		await session.press('q');
		await session.waitForSettled(screen => screen.includes('newsread › World') && screen.includes('❯'), 'the headlines of World');
		await session.press('q');
		await session.waitForSettled(screen => screen.includes('Science') && !screen.includes('›'), 'the sections');
		await session.press('q');
		expect(await session.waitForExit()).toBe(0);
	});
});
