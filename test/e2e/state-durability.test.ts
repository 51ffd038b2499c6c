// The reading-state file against a full disk and a killed newsread, with real processes: a write cut
// short by a file-size limit (RLIMIT_FSIZE, as `ulimit -f` sets it) is never acknowledged and never
// replaces the good file; a lock left by a newsread killed while writing is taken over at once. And
// where newsread keeps its files: NEWSREAD_HOME that is a file, the modes of the folders and the log.
import {type ChildProcess, execFileSync, spawn} from 'node:child_process';
import {existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {StateFile} from '../../source/store/state-file.js';
import {PtySession} from '../helpers/pty.js';
import {crashOnSigusr2, makeTempHome, removeTempHomes, repoRoot, runCli} from '../helpers/run-cli.js';
import {temporaryFolder} from '../helpers/temporary-folder.js';

let bundleDir: string;
let workerScript: string;

beforeAll(() => {
	bundleDir = mkdtempSync(path.join(tmpdir(), 'newsread-durability-worker-'));
	workerScript = path.join(bundleDir, 'store-worker.mjs');
	execFileSync(process.execPath, [path.join(repoRoot, 'source/build.mjs'), '--entry', path.join(repoRoot, 'test/helpers/store-worker.ts'), '--outfile', workerScript]);
});

const sessions: PtySession[] = [];
afterEach(() => {
	for (const session of sessions.splice(0)) {
		session.dispose();
	}
});

afterAll(() => {
	removeTempHomes();
	if (bundleDir) {
		rmSync(bundleDir, {recursive: true, force: true});
	}
});

type Finished = {code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string};

function finished(child: ChildProcess): Promise<Finished> {
	let stdout = '';
	let stderr = '';
	child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
		stdout += chunk;
	});
	child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
		stderr += chunk;
	});
	return new Promise(resolve => {
		child.on('close', (code, signal) => {
			resolve({code, signal, stdout, stderr});
		});
	});
}

/** Runs the store worker with files limited to `blocks` KiB (RLIMIT_FSIZE): a write past it is cut short, the next one fails with EFBIG. */
async function runLimited(blocks: number, args: string[]): Promise<Finished> {
	const child = spawn('bash', ['-c', `ulimit -f ${blocks} && exec "$0" "$@"`, process.execPath, workerScript, ...args], {stdio: ['ignore', 'pipe', 'pipe']});
	return finished(child);
}

const markTime = 1_772_600_000_000;
const ids = Array.from({length: 300}, (_, index) => `world/article-${index}`);

async function stateWith300Marks(dir: string): Promise<number> {
	await new StateFile({dir}).update(data => {
		for (const id of ids) {
			data.read[id] = markTime;
		}
	});
	return statSync(path.join(dir, 'config.json')).size;
}

function readMarks(dir: string): Record<string, number> | undefined {
	try {
		return (JSON.parse(readFileSync(path.join(dir, 'config.json'), 'utf8')) as {read: Record<string, number>}).read;
	} catch {
		return undefined;
	}
}

describe('a state file write cut short by a file-size limit', () => {
	const runs = 20;
	it(`is reported, never acknowledged, and leaves config.json with all 300 read marks (${runs} runs)`, async () => {
		let lost = 0;
		let reported = 0;
		let intact = 0;
		const failures: string[] = [];
		for (let run = 0; run < runs; run++) {
			const dir = temporaryFolder('short-write');
			const size = await stateWith300Marks(dir);
			// The limit is above today's file and below the file with the new mark: the new file's write is cut short.
			const blocks = Math.floor(size / 1024) + 1;
			const id = `world/${'x'.repeat(blocks * 1024 - size + 50 + run * 97)}`;
			const result = await runLimited(blocks, ['mark-read', dir, id]);
			const marks = readMarks(dir);
			const acknowledged = result.stdout.split('\n').includes(`ack ${id}`);
			if (acknowledged && marks?.[id] === undefined) {
				lost++;
			}

			if (!acknowledged && result.code === 3 && result.stdout.includes('not-saved Reading state not saved: EFBIG')) {
				reported++;
			}

			if (marks !== undefined && ids.every(kept => marks[kept] === markTime)) {
				intact++;
			}

			const leftovers = readdirSync(dir).filter(name => name.startsWith('config.json.tmp-'));
			if (leftovers.length > 0 || marks === undefined) {
				failures.push(`run ${run}: ${marks === undefined ? 'config.json does not parse' : ''} ${leftovers.join(' ')} ${result.stderr}`);
			}
		}

		console.log(`short writes: ${lost} of ${runs} acknowledged writes lost, ${reported} of ${runs} reported as not saved, config.json whole after ${intact} of ${runs}`);
		expect(failures).toEqual([]);
		expect(lost).toBe(0);
		expect(reported).toBe(runs);
		expect(intact).toBe(runs);
	}, 300_000);
});

describe('a newsread killed while it held the lock', () => {
	it('leaves a lock the next newsread takes over at once: the state file is made as it opens, and the first change is saved', async () => {
		const dir = temporaryFolder('killed-holder');
		const holder = spawn(process.execPath, [workerScript, 'hold-lock', dir], {stdio: ['ignore', 'pipe', 'pipe']});
		const exited = finished(holder);
		await new Promise<void>((resolve, reject) => {
			let seen = '';
			holder.stdout?.on('data', (chunk: Buffer | string) => {
				seen += String(chunk);
				if (seen.includes('holding')) {
					resolve();
				}
			});
			holder.on('close', code => {
				reject(new Error(`the holder exited (${code}) before it held the lock`));
			});
		});
		holder.kill('SIGKILL');
		await exited;
		const lockDir = path.join(dir, 'config.json.lock');
		expect(existsSync(lockDir)).toBe(true);
		// A state file that must be made again (a first start): that needs the lock as newsread opens.
		rmSync(path.join(dir, 'config.json'));

		const file = new StateFile({dir, lockWaitMs: 5000});
		expect(existsSync(path.join(dir, 'config.json'))).toBe(true);
		await file.update(data => {
			data.read['world/a'] = markTime;
		});
		expect(readMarks(dir)).toEqual({'world/a': markTime});
		expect(existsSync(lockDir)).toBe(false);
	}, 120_000);
});

describe('one bad value in config.json', () => {
	it('the reader starts with the rest of the state and says in the status line which entry it dropped and where the original is', async () => {
		const home = makeTempHome();
		const state = {read: {'world/harbour-vote': markTime, 'science/glacier-lake-sensors': markTime}, positions: {'world/harbour-vote': {block: 1, percent: 500}}, saved: {}, lastRead: null, commenter: null, drafts: {}, __internal__: {migrations: {version: '1.0.0'}}};
		writeFileSync(path.join(home, 'config.json'), JSON.stringify(state));
		const session = new PtySession([], {home, columns: 100, rows: 30});
		sessions.push(session);
		await session.waitForText('was repaired');
		const screen = session.screenText().replaceAll('\n', '');
		expect(screen).toContain('percent must be <= 100');
		expect(screen).toContain('config.json.corrupt-');
		expect(readMarks(home)).toEqual({'world/harbour-vote': markTime, 'science/glacier-lake-sensors': markTime});
		await session.press('q');
		expect(await session.waitForExit()).toBe(0);
	});
});

describe('where newsread keeps its files', () => {
	const addComment = ['comments', 'add', 'world/harbour-vote', '--name', 'Ada', '--email', 'ada@example.org', '--text', 'A fair point.'];

	it('says in one line that NEWSREAD_HOME is a file, not a folder, for a command and for the reader', async () => {
		const file = path.join(makeTempHome(), 'home');
		writeFileSync(file, 'not a folder');
		const result = runCli(addComment, {home: file});
		expect(result.status).toBe(1);
		expect(result.stderr).toBe(`newsread: the comment was not saved: cannot keep files in ${file}: it is a file, not a folder.\n`);

		const session = new PtySession([], {home: file, columns: 100, rows: 24});
		sessions.push(session);
		expect(await session.waitForExit()).toBe(1);
		await session.waitForText(`newsread: cannot keep files in ${file}: it is a file, not a folder.`);
		expect(session.screenText()).not.toContain('EEXIST');
		expect(readFileSync(file, 'utf8')).toBe('not a folder');
	});

	it('makes the folders it creates 0700 and comments.jsonl 0600', () => {
		const home = path.join(makeTempHome(), 'new', 'newsread');
		const result = runCli(addComment, {home});
		expect(result.status).toBe(0);
		expect(statSync(home).mode & 0o777).toBe(0o700);
		expect(statSync(path.dirname(home)).mode & 0o777).toBe(0o700);
		expect(statSync(path.join(home, 'comments.jsonl')).mode & 0o777).toBe(0o600);
	});

	it('creates newsread.log 0600, like the state and the comments', async () => {
		const home = makeTempHome();
		// An uncaught error (injected on SIGUSR2) stops the reader, which logs why.
		const session = new PtySession([], {home, columns: 80, rows: 24, env: crashOnSigusr2});
		sessions.push(session);
		await session.waitForSettled(screen => screen.includes('Science') && screen.includes('World'), 'the sections');
		session.kill('SIGUSR2');
		expect(await session.waitForExit()).toBe(1);
		const log = path.join(home, 'newsread.log');
		expect(readFileSync(log, 'utf8')).toMatch(/injected failure/);
		expect(statSync(log).mode & 0o777).toBe(0o600);
	});
});
