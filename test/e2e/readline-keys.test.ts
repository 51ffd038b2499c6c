// The keys of a shell line and of less, as a real terminal sends them (escape sequences for Alt,
// Ctrl+arrows, Home and End; control characters for Ctrl letters), through the stdin filter and Ink.
import {afterAll, afterEach, describe, expect, it} from 'vitest';
import {PtySession} from '../helpers/pty.js';
import {makeTempHome, removeTempHomes} from '../helpers/run-cli.js';

afterAll(removeTempHomes);

const sessions: PtySession[] = [];
afterEach(() => {
	for (const session of sessions.splice(0)) {
		session.dispose();
	}
});

function start(columns = 80, rows = 24): PtySession {
	const session = new PtySession([], {home: makeTempHome(), columns, rows});
	sessions.push(session);
	return session;
}

/** The search prompt's text, as the terminal shows it. */
function searchText(screen: string): string | undefined {
	return /Search: (.*?) {2,}Enter search/.exec(screen)?.[1]?.trimEnd();
}

async function expectSearch(session: PtySession, text: string): Promise<void> {
	await session.waitFor(screen => searchText(screen) === text, `the search prompt holding "${text}"`);
	expect(searchText(session.screenText())).toBe(text);
}

describe('a text field in a real terminal', () => {
	it('moves by words with Alt+B, Alt+F, Ctrl+← and Ctrl+→, and to the ends with Home and End in their several encodings', async () => {
		const session = start();
		await session.waitForSettled(screen => screen.includes('Science'), 'the sections');
		await session.press('/');
		await session.waitForText('Search: ');
		await session.press('one two three');
		await expectSearch(session, 'one two three');
		await session.press('\u001Bb');
		await session.press('1');
		await expectSearch(session, 'one two 1three');
		// "1three" is one word now: two words back is before "two".
		await session.press('\u001B[1;5D');
		await session.press('\u001B[1;5D');
		await session.press('2');
		await expectSearch(session, 'one 2two 1three');
		await session.press('\u001Bf');
		await session.press('3');
		await expectSearch(session, 'one 2two3 1three');
		await session.press('\u001B[1;5C');
		await session.press('4');
		await expectSearch(session, 'one 2two3 1three4');
		for (const [home, end] of [['\u001B[H', '\u001B[F'], ['\u001B[1~', '\u001B[4~'], ['\u001BOH', '\u001BOF']] as const) {
			await session.press(home);
			await session.press('<');
			await session.press(end);
			await session.press('>');
		}

		await expectSearch(session, '<<<one 2two3 1three4>>>');
	});

	it('deletes with Ctrl+W, Ctrl+U and Ctrl+K and never types their letters', async () => {
		const session = start();
		await session.waitForSettled(screen => screen.includes('Science'), 'the sections');
		await session.press('/');
		await session.waitForText('Search: ');
		await session.press('old harbour vote');
		await expectSearch(session, 'old harbour vote');
		await session.press('\u0017');
		await expectSearch(session, 'old harbour');
		await session.press('\u0001');
		await session.press('\u000B');
		await expectSearch(session, '');
		await session.press('ferry time');
		await session.press('\u0015');
		await expectSearch(session, '');
	});
});

describe('less keys and q in a real terminal', () => {
	it('Ctrl+F and Ctrl+D move down an article, Ctrl+B back to page 1', async () => {
		const session = start();
		await session.waitForSettled(screen => screen.includes('Science'), 'the sections');
		await session.press('\r');
		await session.waitForSettled(screen => screen.includes('newsread › World'), 'the headlines of World');
		await session.press('\r');
		await session.waitForSettled(screen => /page 1\/\d/.test(screen), 'the first article');
		await session.press('\u0006');
		await session.waitFor(screen => /page 2\/\d/.test(screen), 'page 2 after Ctrl+F');
		await session.press('\u0002');
		await session.waitFor(screen => /page 1\/\d/.test(screen), 'page 1 after Ctrl+B');
		const firstRow = () => session.screen()[1];
		const top = firstRow();
		await session.press('\u0004');
		await session.waitFor(() => firstRow() !== top, 'the text moved up after Ctrl+D');
		await session.press('\u0015');
		await session.waitFor(() => firstRow() === top, 'the first page again after Ctrl+U');
	});

	it('quits with q at a 30×8 terminal, which says so', async () => {
		const session = start(30, 8);
		await session.waitForText('Make the terminal larger');
		await session.waitFor(screen => screen.replaceAll(/\s+/g, ' ').includes('Press q to quit.'), 'the way out');
		session.write('q');
		expect(await session.waitForExit()).toBe(0);
	});
});
