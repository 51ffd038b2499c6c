// Keys in a real terminal that arrive together or fast, as tmux send-keys and a quick typist send them.
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

function start(): PtySession {
	const session = new PtySession([], {home: makeTempHome(), columns: 80, rows: 24});
	sessions.push(session);
	return session;
}

async function openFirstArticle(session: PtySession): Promise<void> {
	await session.waitForSettled(screen => screen.includes('Science'), 'the sections');
	await session.press(KEYS.enter);
	await session.waitForSettled(screen => screen.includes('newsread › World'), 'the headlines of World');
	await session.press(KEYS.enter);
	await session.waitForSettled(screen => /page 1\/\d/.test(screen), 'the first article');
}

describe('keys that arrive in one chunk', () => {
	it('Down then Right in one write opens Science', async () => {
		const session = start();
		await session.waitForSettled(screen => screen.includes('Science'), 'the sections');
		session.write(`${KEYS.down}${KEYS.right}`);
		await session.waitForText('newsread › Science');
	});

	it('three Backspaces in one write delete three letters of a comment', async () => {
		const session = start();
		await openFirstArticle(session);
		await session.press('c');
		await session.waitForText('No comments yet: r to write one.');
		await session.press('r');
		await session.waitForText('Leave a reply');
		await session.press('Hello');
		session.write('\u007F\u007F\u007F');
		await session.waitFor(screen => screen.split('\n').some(row => /^ {2}He\s*$/.test(row)), 'the comment "He"');
	});

	it('PgDn shows page 2 and PgUp page 1 again', async () => {
		const session = start();
		await openFirstArticle(session);
		await session.press(KEYS.pageDown);
		await session.waitFor(screen => /page 2\/\d/.test(screen), 'page 2');
		await session.press(KEYS.pageUp);
		await session.waitFor(screen => /page 1\/\d/.test(screen), 'page 1');
	});
});

describe('typing fast into the find prompt', () => {
	it('finds "linefold" typed one key every 15 ms after /', async () => {
		const session = start();
		await openFirstArticle(session);
		for (const key of ['/', ...'linefold', KEYS.enter]) {
			session.write(key);
			// Pacing the input like a fast typist; nothing is measured.
			await new Promise(resolve => setTimeout(resolve, 15));
		}

		await session.waitForText('find "linefold": 0');
		expect(session.screenText()).not.toContain('find "ifold"');
	});
});
