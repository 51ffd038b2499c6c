// The comment log as the built newsread meets it on a real disk: a write cut short by a file-size limit
// (a full disk in miniature) is never acknowledged and never leaves a partial record; a 1 GB log (a
// sparse file of NUL bytes) is read line by line, so the records after it are shown and exported; a
// folder in the log's place is a message, and the reader keeps working.
import {spawnSync} from 'node:child_process';
import {appendFileSync, mkdirSync, readFileSync, truncateSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {afterAll, afterEach, describe, expect, it} from 'vitest';
import {KEYS, PtySession} from '../helpers/pty.js';
import {childEnvironment, makeTempHome, newsreadBin, removeTempHomes, runCli} from '../helpers/run-cli.js';

afterAll(removeTempHomes);

const sessions: PtySession[] = [];
afterEach(() => {
	for (const session of sessions.splice(0)) {
		session.dispose();
	}
});

const harbourVote = 'world/harbour-vote';
const ann = {name: 'Ann Reader', email: 'ann@example.org'};

function start(home: string): PtySession {
	const session = new PtySession([], {home, columns: 80, rows: 24});
	sessions.push(session);
	return session;
}

function record(id: string, body: string, at = '2026-11-20T10:00:00.000Z'): string {
	return JSON.stringify({type: 'add', id, articleId: harbourVote, at, name: ann.name, email: ann.email, body});
}

/** From the sections screen to the World headlines. */
async function openWorld(session: PtySession): Promise<void> {
	await session.waitForSettled(screen => screen.includes('Science') && screen.includes('World'), 'the sections');
	await session.press(KEYS.enter);
	await session.waitForText('newsread › World');
}

/** From the World headlines to the harbour vote (the third headline). */
async function openHarbourVote(session: PtySession): Promise<void> {
	await session.press('j');
	await session.press('j');
	await session.press(KEYS.enter);
	await session.waitFor(screen => screen.includes('World › Marrowick harbour') && /page 1\//.test(screen), 'the harbour vote on page 1');
}

describe('a comment cut short by a file-size limit', () => {
	it('is never acknowledged and leaves comments.jsonl byte for byte as it was, 20 times out of 20', {timeout: 600_000}, () => {
		const home = makeTempHome();
		const file = path.join(home, 'comments.jsonl');
		// 3 KB of comments already there; `ulimit -f 4` allows 4,096 bytes: the ~5 KB comment fits only in part.
		writeFileSync(file, [1, 2, 3].map(n => record(`earlier-${n}`, `Earlier comment ${n}. ${'w'.repeat(900)}`)).join('\n') + '\n', {mode: 0o600});
		const before = readFileSync(file);
		expect(before.length).toBeGreaterThan(2048);
		expect(before.length).toBeLessThan(4096);
		const body = `A long reply. ${'x'.repeat(5000)}`;

		const runs = 20;
		const acknowledged: string[] = [];
		const failures: Array<{status: number | null; stderr: string}> = [];
		for (let run = 0; run < runs; run++) {
			const result = spawnSync('bash', ['-c', 'ulimit -f 4; exec "$0" "$@"', process.execPath, newsreadBin, 'comments', 'add', harbourVote, '--name', ann.name, '--email', ann.email, '--text', body], {
				encoding: 'utf8',
				env: childEnvironment(home),
				timeout: 60_000,
			});
			if (result.status === 0) {
				acknowledged.push(result.stdout.trim());
			} else {
				failures.push({status: result.status, stderr: result.stderr});
			}

			// Not one byte of a comment that did not fit: no partial record, no newline.
			expect(readFileSync(file).equals(before), `comments.jsonl changed in run ${run + 1}`).toBe(true);
		}

		const exported = JSON.parse(runCli(['comments', '--json'], {home}).stdout) as Array<{id: string; body: string}>;
		const lost = acknowledged.filter(id => !exported.some(comment => comment.id === id));
		console.log(`short writes: ${acknowledged.length} of ${runs} acknowledged, ${lost.length} of ${runs} acknowledged and lost`);
		expect(acknowledged).toEqual([]);
		expect(failures).toHaveLength(runs);
		for (const failure of failures) {
			expect(failure.status).toBe(1);
			expect(failure.stderr).toMatch(/^newsread: the comment was not saved: could not write .*comments\.jsonl \(EFBIG: file too large, write\)\n$/);
		}

		// The log still loads: the three comments that were there, nothing else.
		expect(exported.map(comment => comment.id)).toEqual(['earlier-1', 'earlier-2', 'earlier-3']);
	});
});

describe('a 1 GB comments.jsonl', () => {
	/** A home whose comments.jsonl is 1 GiB of NUL bytes (sparse: no disk used) and then two comments. */
	function gigabyteHome(): string {
		const home = makeTempHome();
		const file = path.join(home, 'comments.jsonl');
		writeFileSync(file, '');
		truncateSync(file, 1024 ** 3);
		appendFileSync(file, `\n${record('after-1', 'Written after the gigabyte.')}\n${record('after-2', 'And one more.', '2026-11-21T10:00:00.000Z')}\n`);
		return home;
	}

	it('is read line by line: --markdown and --json export the comments after it, and a new comment is added', {timeout: 300_000}, () => {
		const home = gigabyteHome();
		const markdown = runCli(['comments', '--markdown'], {home});
		expect(markdown.stderr).toBe('');
		expect(markdown.status).toBe(0);
		expect(markdown.stdout).toContain('> Written after the gigabyte.');
		expect(markdown.stdout).toContain('> And one more.');

		const added = runCli(['comments', 'add', harbourVote, '--name', ann.name, '--email', ann.email, '--text', 'Added to the big log.'], {home});
		expect(added.status).toBe(0);
		const json = runCli(['comments', '--json'], {home});
		expect(json.status).toBe(0);
		expect((JSON.parse(json.stdout) as Array<{body: string}>).map(comment => comment.body)).toEqual(['Written after the gigabyte.', 'And one more.', 'Added to the big log.']);
	});

	it('does not stop the reader: the headline shows 2 comments and c lists them', {timeout: 300_000}, async () => {
		const home = gigabyteHome();
		const session = start(home);
		await openWorld(session);
		await session.waitFor(screen => /Marrowick harbour.*💬 ?2/.test(screen), 'the harbour vote with its 2 comments', 120_000);
		await openHarbourVote(session);
		await session.press('c');
		await session.waitForText('Written after the gigabyte.');
		expect(session.screenText()).toContain('And one more.');
		expect(session.screenText()).not.toContain('newsread stopped because of an error');
		await session.press('Q');
		expect(await session.waitForExit()).toBe(0);
	});
});

describe('a folder in place of comments.jsonl', () => {
	it('makes `newsread comments` and `comments add` say so in one line and exit 1', () => {
		const home = makeTempHome();
		mkdirSync(path.join(home, 'comments.jsonl'));
		const listed = runCli(['comments', '--markdown'], {home});
		expect(listed.status).toBe(1);
		expect(listed.stdout).toBe('');
		expect(listed.stderr).toBe(`newsread: the comments cannot be read: ${path.join(home, 'comments.jsonl')} is a folder, not the comment log\n`);
		const added = runCli(['comments', 'add', harbourVote, '--name', ann.name, '--email', ann.email, '--text', 'Where does this go?'], {home});
		expect(added.status).toBe(1);
		expect(added.stdout).toBe('');
		expect(added.stderr).toBe(`newsread: the comment was not saved: could not write ${path.join(home, 'comments.jsonl')}: it is a folder\n`);
	});

	it('leaves the reader working: the headlines show, c says why there are no comments, and posting keeps the text', {timeout: 120_000}, async () => {
		const home = makeTempHome();
		mkdirSync(path.join(home, 'comments.jsonl'));
		const session = start(home);
		await openWorld(session);
		await openHarbourVote(session);
		await session.press('c');
		await session.waitForText('No comments yet: r to write one.');
		await session.waitForText('Comments are unavailable');
		// The message wraps over two lines in 80 columns.
		expect(session.screenText().replaceAll(/\s+/g, ' ')).toContain('comments.jsonl is a folder, not the comment log.');
		await session.press('r');
		await session.waitForText('Leave a reply');
		await session.press('Kept when it cannot be saved');
		await session.waitForText('Kept when it cannot be saved');
		await session.press('\t');
		await session.press(ann.name);
		await session.press('\t');
		await session.press(ann.email);
		await session.press(KEYS.enter);
		await session.waitForText('Not saved');
		expect(session.screenText()).toContain('Kept when it cannot be saved');
		expect(session.screenText()).toContain('Leave a reply');
		expect(session.exited).toBeUndefined();
	});
});
