// The reader on any terminal, in a real pseudo-terminal: without colour (NO_COLOR, TERM=dumb, a
// terminal chalk finds no colours in) what colour set apart is still bold, underlined or inverse;
// only the row under the cursor looks selected; a locale that is not UTF-8 gets ASCII symbols.
import {afterAll, afterEach, describe, expect, it} from 'vitest';
import {KEYS, openHarbourVoteSubheading, PtySession, type ScreenCell} from '../helpers/pty.js';
import {makeTempHome, removeTempHomes, runCli} from '../helpers/run-cli.js';

afterAll(removeTempHomes);

const sessions: PtySession[] = [];
afterEach(() => {
	for (const session of sessions.splice(0)) {
		session.dispose();
	}
});

function start(env: Record<string, string | undefined>): PtySession {
	const session = new PtySession([], {home: makeTempHome(), columns: 80, rows: 24, env});
	sessions.push(session);
	return session;
}

/** The cells under the first `text` on the screen (the screen is ASCII up to it). */
function cellsOf(session: PtySession, text: string): ScreenCell[] {
	const screen = session.screen();
	const row = screen.findIndex(line => line.includes(text));
	expect(row, `"${text}" on the screen:\n${session.screenText()}`).not.toBe(-1);
	const cells = session.screenCells()[row]!;
	const column = cells.map(cell => cell.char || ' ').join('').indexOf(text);
	return cells.slice(column, column + text.length);
}

/** Every cell drawn in a colour, as `row N: c`. */
function colouredCells(session: PtySession): string[] {
	return session.screenCells().flatMap((row, index) => row.filter(cell => cell.coloured || cell.background).map(cell => `row ${index}: ${cell.char}`));
}

/** Every character on the screen outside ASCII, as `row N: c`. */
function nonAscii(session: PtySession): string[] {
	return session.screen().flatMap((line, index) => [...line].filter(character => character > '\u007F').map(character => `row ${index}: ${character}`));
}

const colourless = {
	'NO_COLOR=1': {NO_COLOR: '1'},
	'TERM=dumb': {TERM: 'dumb', NO_COLOR: undefined},
	// A terminal chalk knows no colours of (tput colors: -1), nothing else telling it there are some.
	'TERM=vt52': {TERM: 'vt52', NO_COLOR: undefined, COLORTERM: undefined, TERM_PROGRAM: undefined, FORCE_COLOR: undefined},
};

describe.each(Object.entries(colourless))('with %s', (_name, env) => {
	it('draws no colour, the selected row inverse, subheadings bold and underlined, find matches inverse', async () => {
		const session = start(env);
		await session.waitForSettled(screen => screen.includes('Science') && screen.includes('World'), 'the sections');
		expect(cellsOf(session, 'World').every(cell => cell.inverse)).toBe(true);
		expect(cellsOf(session, 'Science').some(cell => cell.inverse)).toBe(false);
		expect(colouredCells(session)).toEqual([]);

		await session.press(KEYS.enter);
		await session.waitForSettled(screen => screen.includes('newsread › World') && screen.includes('Marrowick harbour'), 'the headlines of World');
		expect(cellsOf(session, 'Farrowsey census').every(cell => cell.inverse)).toBe(true);
		expect(cellsOf(session, 'Marrowick harbour').some(cell => cell.inverse)).toBe(false);
		await openHarbourVoteSubheading(session);
		expect(cellsOf(session, 'A tied first ballot').every(cell => cell.bold && cell.underline)).toBe(true);
		expect(cellsOf(session, 'The meeting began calmly').some(cell => cell.bold || cell.underline || cell.inverse)).toBe(false);

		await session.press('/');
		await session.waitForText('Enter find');
		await session.press('chair\r');
		await session.waitForSettled(screen => screen.includes('find "chair": '), 'the find\'s count');
		expect(cellsOf(session, 'chair').every(cell => cell.inverse)).toBe(true);
		expect(cellsOf(session, 'The meeting began calmly').some(cell => cell.inverse)).toBe(false);
		expect(colouredCells(session)).toEqual([]);
	});
});

describe('the first screen', () => {
	it('shows only the row under the cursor as selected, not "Continue reading" as well', async () => {
		const session = start({NO_COLOR: undefined});
		await session.waitForSettled(screen => screen.includes('Science') && screen.includes('World'), 'the sections');
		await session.press(KEYS.enter);
		await session.waitForSettled(screen => screen.includes('newsread › World') && screen.includes('❯'), 'the headlines of World');
		await session.press(KEYS.enter);
		await session.waitForSettled(screen => /page 1\//.test(screen), 'the first article on page 1');
		await session.press('q');
		await session.waitForSettled(screen => screen.includes('newsread › World'), 'the headlines again');
		await session.press('q');
		await session.waitForSettled(screen => screen.includes('Continue reading: Farrowsey census') && screen.includes('Science'), 'the sections with Continue reading');

		const world = cellsOf(session, 'World');
		const continueRow = cellsOf(session, 'Continue reading: Farrowsey census');
		expect(world.every(cell => cell.inverse)).toBe(true);
		expect(continueRow.some(cell => cell.inverse || cell.coloured)).toBe(false);
		expect(continueRow.every(cell => cell.bold)).toBe(true);

		await session.press('k');
		await session.waitForSettled(screen => /❯ Continue reading/.test(screen), 'the cursor on Continue reading');
		expect(cellsOf(session, 'Continue reading: Farrowsey census').every(cell => cell.inverse)).toBe(true);
		expect(cellsOf(session, 'World').some(cell => cell.inverse)).toBe(false);
	});
});

/** A locale whose character set is not UTF-8, whatever the test machine has. */
const cLocale = {LANG: 'C', LC_ALL: undefined, LC_CTYPE: undefined};

describe('under a locale that is not UTF-8', () => {
	it('draws ASCII symbols on every screen: pointer, read marks, separators, ellipsis, bullets, quote bars, rules', async () => {
		const session = start(cLocale);
		await session.waitForSettled(screen => screen.includes('Science') && screen.includes('World'), 'the sections');
		expect(session.screenText()).toContain('> World       4 articles - 4 unread');
		expect(session.screen()[0]).toMatch(/^newsread +19 articles - 19 unread$/);
		expect(session.screenText()).toMatch(/^1\/8 +Enter open - j move/m);
		expect(nonAscii(session)).toEqual([]);

		await session.press(KEYS.enter);
		await session.waitForSettled(screen => screen.includes('newsread > World') && screen.includes('Marrowick harbour'), 'the headlines of World');
		// The long title goes on over a second row; the next headline follows it.
		expect(session.screen()[1]).toMatch(/^>\* Farrowsey census finds island population rising for the first +19 Nov 2026$/);
		expect(session.screen()[2]).toMatch(/^ {5}time in forty years *$/);
		expect(session.screen()[3]).toMatch(/^ \* Three coastal towns/);
		expect(nonAscii(session)).toEqual([]);

		await session.press('jj');
		await session.waitForSettled(screen => screen.includes('>* Marrowick harbour'), 'the harbour vote highlighted');
		await session.press(KEYS.enter);
		await session.waitForSettled(screen => /page 1\/\d+ - \d+%/.test(screen), 'the harbour vote on page 1');
		expect(session.screen()[0]).toMatch(/^World > Marrowick harbour council votes to close \.\.\. +2 Nov 2026 - Ines Calloway$/);
		expect(nonAscii(session)).toEqual([]);
		// Page to the end: every page in ASCII, the quotation, the list and the rule before the end matter among them.
		const seen: string[] = [];
		const pages = Number(/page 1\/(\d+)/.exec(session.screenText())![1]);
		for (let page = 2; page <= pages; page++) {
			await session.press(' ');
			await session.waitForSettled(screen => screen.includes(`page ${page}/${pages}`), `page ${page}`);
			expect(nonAscii(session), `page ${page}`).toEqual([]);
			seen.push(...session.screen().filter(line => /^(\| "I came here|\* detailed design|-{20,}$)/.test(line)));
		}

		expect(seen).toEqual(['| "I came here tonight to save the slip," she said. "I think I still have. It', '* detailed design and a marine licence application over the winter;', '-'.repeat(80)]);
	});

	it('takes LC_ALL before LANG', async () => {
		const session = start({LANG: 'C.UTF-8', LC_CTYPE: undefined, LC_ALL: 'C'});
		await session.waitForSettled(screen => screen.includes('> World       4 articles - 4 unread'), 'the sections in ASCII');
		expect(nonAscii(session)).toEqual([]);
	});

	it('prints `newsread read` with ASCII separators, bullets and quote bars', () => {
		const {status, stdout} = runCli(['read', 'world/harbour-vote'], {env: cLocale});
		expect(status).toBe(0);
		const lines = stdout.split('\n');
		expect(lines.slice(0, 3)).toEqual(['Marrowick harbour council votes to close the old ferry slip', 'World - 2 Nov 2026 - Ines Calloway', '']);
		expect(lines).toContain('| "I came here tonight to save the slip," she said. "I think I still have. It');
		expect(lines).toContain('* detailed design and a marine licence application over the winter;');
		expect([...stdout].filter(character => character > '\u007F')).toEqual([]);
	});
});
