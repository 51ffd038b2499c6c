// The reader uses every row of the terminal, status bar on the last, without Ink clearing the whole
// screen on each update.
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

/** Erase-display sequences: ESC[2J (whole screen, Ink's clearTerminal) and ESC[3J (scrollback). */
function clears(output: string): number {
	return output.split('\u001B[2J').length - 1 + output.split('\u001B[3J').length - 1;
}

describe('full height', () => {
	it('puts the status bar on the bottom row at 80×24 and turns pages without clearing the screen', async () => {
		const session = new PtySession([], {home: makeTempHome(), columns: 80, rows: 24});
		sessions.push(session);
		await session.waitForSettled(screen => /World[\s\S]*Science/.test(screen), 'the sections');
		await session.press(KEYS.enter);
		await session.waitForSettled(screen => screen.includes('newsread › World'), 'the headlines of World');
		expect(session.screen()[23]).toMatch(/^1\/4 .*Enter open/);

		await session.press(KEYS.enter);
		await session.waitForSettled(screen => /page 1\/\d/.test(screen), 'the article on page 1');
		const screen = session.screen();
		expect(screen).toHaveLength(24);
		expect(screen[0]).toMatch(/^World › Farrowsey/);
		expect(screen[23]).toMatch(/^page 1\/\d+ · \d+%/);
		expect(screen[1]).toMatch(/^Farrowsey census finds island population rising/);

		const before = session.rawOutput.length;
		await session.press(KEYS.space);
		await session.waitForSettled(() => /^page 2\//.test(session.screen()[23] ?? ''), 'page 2 on the bottom row');
		await session.press(KEYS.space);
		await session.waitForSettled(() => /^page 3\//.test(session.screen()[23] ?? ''), 'page 3 on the bottom row');
		const turns = session.rawOutput.slice(before);
		expect(clears(turns)).toBe(0);
		// Nothing scrolled: the header is still on the top row.
		expect(session.screen()[0]).toMatch(/^World › Farrowsey/);
	});
});
