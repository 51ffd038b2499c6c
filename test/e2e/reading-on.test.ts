// Reading on in a real terminal: Space on the last page names the next unread article on the status
// row, Space again opens it; q then puts the list's cursor on it, and with no comments c shows the
// empty comments screen, where ? and q are keys, not comment text.
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

function start(columns = 120): PtySession {
	const session = new PtySession([], {home: makeTempHome(), columns, rows: 24});
	sessions.push(session);
	return session;
}

async function openCensus(session: PtySession): Promise<void> {
	await session.waitForSettled(screen => screen.includes('Science'), 'the sections');
	await session.press(KEYS.enter);
	await session.waitForSettled(screen => screen.includes('newsread › World'), 'the headlines of World');
	await session.press(KEYS.enter);
	await session.waitForSettled(screen => screen.includes('World › Farrowsey census') && /page 1\/\d/.test(screen), 'the census article');
}

describe('reading on', () => {
	it('Space on the last page says which unread article is next, Space again opens it, q highlights it in the list', async () => {
		const session = start();
		await openCensus(session);
		await session.press('G');
		await session.waitForText('100%');
		await session.press(' ');
		await session.waitForText('Last page: Space again for the next unread article: Three coastal towns');
		// Said on the message row, whole (120 columns); the article is still the census.
		expect(session.screen().find(line => line.includes('Last page:'))?.trim()).toBe('Last page: Space again for the next unread article: Three coastal towns rehearse a storm-surge evacuation before dawn');
		expect(session.screen().some(line => line.includes('World › Farrowsey census'))).toBe(true);

		await session.press(' ');
		await session.waitForSettled(screen => screen.includes('World › Three coastal towns') && /page 1\/\d/.test(screen), 'the flood drill');
		await session.press('q');
		await session.waitForSettled(screen => screen.includes('newsread › World'), 'the headlines');
		const row = session.screen().find(line => line.includes('Three coastal towns')) ?? '';
		expect(row).toContain('❯');
	});

	it('c with no comments shows "r to write one"; ? opens the help and q closes it, nothing typed', async () => {
		const session = start(80);
		await openCensus(session);
		await session.press('c');
		await session.waitForText('No comments yet: r to write one.');
		await session.press('?');
		await session.waitForText('Help: keys');
		await session.press('q');
		await session.waitForText('No comments yet: r to write one.');
		expect(session.screenText()).not.toContain('?q');
		expect(session.screenText()).not.toContain('Leave a reply');
	});
});
