// The compiled code newsread keeps to start quickly (source/launcher.ts, source/code-cache.ts): made at
// the first run, used after, and never in the way: a damaged cache or a cache folder that cannot be
// made leaves newsread starting as without one.
import {mkdirSync, readdirSync, statSync, truncateSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {afterAll, afterEach, describe, expect, it} from 'vitest';
import {PtySession} from '../helpers/pty.js';
import {makeTempHome, removeTempHomes, runCli} from '../helpers/run-cli.js';

afterAll(removeTempHomes);

const sessions: PtySession[] = [];
afterEach(() => {
	for (const session of sessions.splice(0)) {
		session.dispose();
	}
});

/** The code caches in the cache folder (the article index lives there too). */
function cacheFiles(home: string): string[] {
	return readdirSync(path.join(home, 'cache')).filter(name => name.startsWith('code-cache')).sort();
}

/** The reader from start to the sections screen, then Q; its exit code. */
async function readerStartsAndQuits(home: string): Promise<number> {
	const session = new PtySession([], {home, columns: 80, rows: 24});
	sessions.push(session);
	await session.waitForSettled(screen => screen.includes('World') && screen.includes('Science'), 'the sections');
	await session.press('Q');
	return session.waitForExit();
}

/** `newsread list`, checked to print the sample headlines and nothing on stderr; its output. */
function listed(home: string): string {
	const result = runCli(['list'], {home});
	expect(result.stderr).toBe('');
	expect(result.status).toBe(0);
	expect(result.stdout).toContain('Late equaliser keeps Saltmere in the county hockey cup');
	return result.stdout;
}

describe('the code cache', () => {
	it('is kept in NEWSREAD_HOME/cache, one for the commands and one for the reader, and the same is printed with it', async () => {
		const home = makeTempHome();
		const first = listed(home);
		expect(cacheFiles(home)).toEqual([expect.stringMatching(/^code-cache-[\da-f]{16}-v[\d.]+-\w+-command\.bin$/)]);
		expect(listed(home)).toBe(first);

		expect(await readerStartsAndQuits(home)).toBe(0);
		expect(await readerStartsAndQuits(home)).toBe(0);
		const files = cacheFiles(home);
		expect(files).toHaveLength(2);
		expect(files[1]).toMatch(/-reader\.bin$/);
		expect(statSync(path.join(home, 'cache')).mode & 0o777).toBe(0o700);
		expect(statSync(path.join(home, 'cache', files[1]!)).mode & 0o777).toBe(0o600);
	});

	it('runs the reader when a flag\'s value looks like a command\'s name (`--section World`), with a cache of its own', async () => {
		const home = makeTempHome();
		for (let run = 0; run < 2; run++) {
			const session = new PtySession(['--section', 'World'], {home, columns: 80, rows: 24});
			sessions.push(session);
			await session.waitForSettled(screen => screen.includes('World') && screen.includes('Science'), 'the sections');
			await session.press('Q');
			expect(await session.waitForExit()).toBe(0);
		}

		expect(cacheFiles(home)).toEqual([
			expect.stringMatching(/^code-cache-[\da-f]{16}-v[\d.]+-\w+-chunk-reader\.bin$/),
			expect.stringMatching(/^code-cache-[\da-f]{16}-v[\d.]+-\w+-command\.bin$/),
		]);
	});

	it('starts normally when a file is where the cache folder would be', async () => {
		const home = makeTempHome();
		writeFileSync(path.join(home, 'cache'), 'not a folder');
		listed(home);
		expect(await readerStartsAndQuits(home)).toBe(0);
		expect(statSync(path.join(home, 'cache')).isFile()).toBe(true);
	});

	it('starts normally from a truncated cache file, and writes it again whole', () => {
		const home = makeTempHome();
		const first = listed(home);
		const [name] = cacheFiles(home);
		const file = path.join(home, 'cache', name!);
		const size = statSync(file).size;
		expect(size).toBeGreaterThan(100_000);
		truncateSync(file, 1000);

		expect(listed(home)).toBe(first);
		expect(statSync(file).size).toBeGreaterThan(100_000);
	});

	it('starts normally from a cache file of other bytes, and writes it again', () => {
		const home = makeTempHome();
		const first = listed(home);
		const [name] = cacheFiles(home);
		const file = path.join(home, 'cache', name!);
		writeFileSync(file, Buffer.alloc(200_000, 'x'));

		expect(listed(home)).toBe(first);
		expect(statSync(file).size).not.toBe(200_000);
	});

	it('keeps a cache of its own for the feed commands, and starts them normally from a damaged one', () => {
		const home = makeTempHome();
		const settings = () => {
			const result = runCli(['feeds', 'settings'], {home});
			expect(result.stderr).toBe('');
			expect(result.status).toBe(0);
			expect(result.stdout).toContain('refreshOnStart: no');
			return result.stdout;
		};

		const first = settings();
		const files = cacheFiles(home);
		expect(files).toEqual([
			expect.stringMatching(/^code-cache-[\da-f]{16}-v[\d.]+-\w+-chunk-feeds\.bin$/),
			expect.stringMatching(/^code-cache-[\da-f]{16}-v[\d.]+-\w+-command\.bin$/),
		]);
		const chunkCache = path.join(home, 'cache', files[0]!);
		expect(statSync(chunkCache).size).toBeGreaterThan(10_000);

		truncateSync(chunkCache, 1000);
		expect(settings()).toBe(first);
		expect(statSync(chunkCache).size).toBeGreaterThan(10_000);

		writeFileSync(chunkCache, Buffer.alloc(200_000, 'x'));
		expect(settings()).toBe(first);
		expect(statSync(chunkCache).size).not.toBe(200_000);
		expect(cacheFiles(home)).toEqual(files);
	});

	it('removes the caches of other builds and other Nodes when it writes its own, and keeps what else is in the folder', () => {
		const home = makeTempHome();
		mkdirSync(path.join(home, 'cache'));
		const stale = ['code-cache-0123456789abcdef-v20.0.0-x64-reader.bin', 'code-cache-0123456789abcdef-v20.0.0-x64-command.bin.tmp-12345'];
		for (const name of [...stale, 'notes.txt']) {
			writeFileSync(path.join(home, 'cache', name), 'old');
		}

		listed(home);
		const files = readdirSync(path.join(home, 'cache')).sort();
		expect(files).toEqual([expect.stringMatching(/^code-cache-[\da-f]{16}-v[\d.]+-\w+-command\.bin$/), 'library-index.sqlite', 'notes.txt']);
	});
});
