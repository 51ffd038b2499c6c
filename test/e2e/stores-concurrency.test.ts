// Several real newsread processes writing the two stores at once, and writers killed mid-write:
// nothing acknowledged is lost, the state file always parses, the comment log always loads. Sized to
// pass with every core busy (`npm run test:stress`): no fixed sleeps, timeouts for a load of 40.
import {type ChildProcess, execFile, execFileSync, spawn} from 'node:child_process';
import {appendFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {promisify} from 'node:util';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {replay} from '../../source/store/comments.js';
import {type StateData, StateFile} from '../../source/store/state-file.js';
import {childEnvironment, makeTempHome, newsreadBin, removeTempHomes, repoRoot} from '../helpers/run-cli.js';

const execFileAsync = promisify(execFile);

let bundleDir: string;
let workerScript: string;

/** Lost acknowledged writes per test, printed at the end (they must all be 0), and written to $NEWSREAD_STORE_REPORT when set (test/stress.mjs). */
const lostWrites: Record<string, string> = {};

/** A spawned newsread on a machine with every core busy: start-up alone can take seconds. */
const commandTimeout = 90_000;

beforeAll(async () => {
	bundleDir = mkdtempSync(path.join(tmpdir(), 'newsread-store-worker-'));
	workerScript = path.join(bundleDir, 'store-worker.mjs');
	// Bundled like newsread itself, so plain node runs the TypeScript worker.
	execFileSync(process.execPath, [path.join(repoRoot, 'source/build.mjs'), '--entry', path.join(repoRoot, 'test/helpers/store-worker.ts'), '--outfile', workerScript]);
});

afterAll(() => {
	removeTempHomes();
	if (bundleDir) {
		rmSync(bundleDir, {recursive: true, force: true});
	}

	const lines = Object.entries(lostWrites).map(([test, lost]) => `  ${test}: ${lost}`);
	if (lines.length > 0) {
		console.log(`Lost acknowledged writes:\n${lines.join('\n')}`);
	}

	const report = process.env['NEWSREAD_STORE_REPORT'];
	if (report) {
		appendFileSync(report, `${JSON.stringify(lostWrites)}\n`);
	}
});

type Finished = {code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string};

type Worker = {
	child: ChildProcess;
	/** Resolves when the worker printed "ready". */
	ready: Promise<void>;
	/** Resolves when the worker has acknowledged at least one write. */
	writing: Promise<void>;
	exited: Promise<Finished>;
};

function startWorker(args: string[]): Worker {
	const child = spawn(process.execPath, [workerScript, ...args], {stdio: ['pipe', 'pipe', 'pipe']});
	let stdout = '';
	let stderr = '';
	let markReady: () => void = () => undefined;
	let markWriting: () => void = () => undefined;
	let failReady: (error: Error) => void = () => undefined;
	const ready = new Promise<void>((resolve, reject) => {
		markReady = resolve;
		failReady = reject;
	});
	const writing = new Promise<void>(resolve => {
		markWriting = resolve;
	});
	child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
		stdout += chunk;
		if (stdout.startsWith('ready\n')) {
			markReady();
		}

		if (stdout.includes('\nack ')) {
			markWriting();
		}
	});
	child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
		stderr += chunk;
	});
	const exited = new Promise<Finished>(resolve => {
		child.on('close', (code, signal) => {
			failReady(new Error(`worker ${args.join(' ')} exited (${code ?? signal}) before it was ready: ${stderr}`));
			markWriting();
			resolve({code, signal, stdout, stderr});
		});
	});
	// Finite commands never print "ready": only the loops' callers wait for it.
	ready.catch(() => undefined);
	return {child, ready, writing, exited};
}

async function runWorker(args: string[]): Promise<Finished> {
	const worker = startWorker(args);
	worker.child.stdin?.end();
	return worker.exited;
}

/** The ids a worker printed as acknowledged (the store call returned). */
function acknowledged(stdout: string): string[] {
	return stdout.split('\n').filter(line => line.startsWith('ack ')).map(line => line.slice(4));
}

/** Times a worker said saving kept failing (not a failure: the change stayed queued and was saved). */
function saveProblems(stdout: string): number {
	return stdout.split('\n').filter(line => line.startsWith('save-problem ')).length;
}

function range(length: number): number[] {
	return Array.from({length}, (_, index) => index);
}

function readState(dir: string): StateData {
	return JSON.parse(readFileSync(path.join(dir, 'config.json'), 'utf8')) as StateData;
}

describe('comments written by several processes at once', () => {
	it('keeps every comment when 8 processes write 200 each at once', async () => {
		const home = makeTempHome();
		const file = path.join(home, 'comments.jsonl');
		const tags = range(8).map(index => `w${index}`);
		const results = await Promise.all(tags.map(async tag => runWorker(['comments', file, '200', tag])));
		for (const result of results) {
			expect(result.stderr).toBe('');
			expect(result.code).toBe(0);
			expect(result.stdout.endsWith('done\n')).toBe(true);
		}

		const text = readFileSync(file, 'utf8');
		expect(text.split('\n').filter(line => line.trim() !== '')).toHaveLength(1600);
		const {comments, skipped} = replay(text);
		expect(skipped).toBe(0);
		const bodies = [...comments.values()].map(comment => comment.body);
		const expected = tags.flatMap(tag => range(200).map(index => `${tag}-${index}`));
		const missing = expected.filter(body => !bodies.includes(body));
		lostWrites['8 processes × 200 comments'] = `${missing.length} of ${expected.length}`;
		expect(missing).toEqual([]);
		// Each exactly once, under the id its writer was given.
		expect(bodies.sort()).toEqual(expected.sort());
		const acked = results.flatMap(result => acknowledged(result.stdout));
		expect(new Set(acked).size).toBe(1600);
		expect(acked.every(id => comments.has(id))).toBe(true);
		expect(statSync(file).mode & 0o777).toBe(0o600);
	}, 120_000);

	// The store's own concurrency is proved above with 1600 writes; this proves the real command takes
	// the same path (one appended record per comment, no state file opened) from separate processes.
	it('keeps every comment from 4 × 6 runs of `newsread comments add` into one NEWSREAD_HOME', async () => {
		const home = makeTempHome();
		const env = childEnvironment(home);
		const articles = ['world/island-census', 'sport/hockey-cup'];
		const chains = await Promise.all(range(4).map(async chain => {
			const ids: string[] = [];
			for (let run = 0; run < 6; run++) {
				const {stdout} = await execFileAsync(
					process.execPath,
					[newsreadBin, 'comments', 'add', articles[run % 2]!, '--name', `Chain ${chain}`, '--email', `chain${chain}@example.org`, '--text', `chain-${chain}-run-${run}`],
					{env, timeout: commandTimeout},
				);
				ids.push(stdout.trim());
			}

			return ids;
		}));

		const {stdout} = await execFileAsync(process.execPath, [newsreadBin, 'comments', '--json'], {env, maxBuffer: 16 * 1024 * 1024, timeout: commandTimeout});
		const exported = JSON.parse(stdout) as Array<Record<string, unknown>>;
		const expected = range(4).flatMap(chain => range(6).map(run => `chain-${chain}-run-${run}`));
		const bodies = exported.map(comment => comment['body']);
		const missing = expected.filter(body => !bodies.includes(body));
		lostWrites['4 × 6 `newsread comments add`'] = `${missing.length} of ${expected.length}`;
		expect(missing).toEqual([]);
		expect(bodies.sort()).toEqual(expected.sort());
		expect(exported.map(comment => comment['id']).sort()).toEqual(chains.flat().sort());
		// The export leaves the emails out unless asked.
		expect(exported.some(comment => 'email' in comment)).toBe(false);
		const withEmail = JSON.parse((await execFileAsync(process.execPath, [newsreadBin, 'comments', '--json', '--with-email', '--article', 'sport/hockey-cup'], {env, timeout: commandTimeout})).stdout) as Array<Record<string, unknown>>;
		expect(withEmail).toHaveLength(4 * 3);
		expect(withEmail.every(comment => typeof comment['email'] === 'string' && /^chain\d@example\.org$/.test(comment['email']))).toBe(true);
		expect(statSync(path.join(home, 'comments.jsonl')).mode & 0o777).toBe(0o600);
		// Adding a comment does not touch the reading state.
		expect(existsSync(path.join(home, 'config.json'))).toBe(false);
	}, 240_000);

	it('takes the body from standard input and refuses a bad email with exit code 2, writing nothing', async () => {
		const home = makeTempHome();
		const env = childEnvironment(home);
		const added = spawn(process.execPath, [newsreadBin, 'comments', 'add', 'world/island-census', '--name', 'Ann', '--email', 'ann@example.org'], {env});
		added.stdin.end('From a script\nwith two lines\n');
		const [code] = await new Promise<[number | null]>(resolve => {
			added.on('close', status => {
				resolve([status]);
			});
		});
		expect(code).toBe(0);

		const refused = await execFileAsync(process.execPath, [newsreadBin, 'comments', 'add', 'world/island-census', '--name', 'Ann', '--email', 'a@b', '--text', 'x'], {env, timeout: commandTimeout}).then(
			() => ({code: 0, stderr: ''}),
			(error: {code: number; stderr: string}) => ({code: error.code, stderr: error.stderr}),
		);
		expect(refused.code).toBe(2);
		expect(refused.stderr).toContain('newsread: email: That does not look like an email address (name@example.org).');

		const {comments} = replay(readFileSync(path.join(home, 'comments.jsonl'), 'utf8'));
		expect([...comments.values()].map(comment => comment.body)).toEqual(['From a script\nwith two lines']);
	}, 200_000);
});

describe('reading state written by several processes at once', () => {
	it('keeps every change when 4 processes mark articles read and unread and save them at once', async () => {
		const dir = makeTempHome();
		const tags = range(4).map(index => `p${index}`);
		const results = await Promise.all(tags.map(async tag => runWorker(['toggle', dir, '50', tag])));
		for (const result of results) {
			expect(result.stderr).toBe('');
			expect(result.code).toBe(0);
			expect(acknowledged(result.stdout)).toHaveLength(50);
		}

		const problems = results.reduce((sum, result) => sum + saveProblems(result.stdout), 0);

		const state = readState(dir);
		const lost: string[] = [];
		for (const tag of tags) {
			for (const index of range(50)) {
				const id = `${tag}-${index}`;
				// Every fifth article was marked read and then unread again.
				if ((state.read[id] !== undefined) !== (index % 5 !== 0)) {
					lost.push(`read ${id}`);
				}

				if (state.saved[id] === undefined) {
					lost.push(`saved ${id}`);
				}

				if (state.positions[id]?.block !== index) {
					lost.push(`position ${id}`);
				}
			}
		}

		lostWrites['4 processes toggling read state and saving'] = `${lost.length} of ${4 * 50 * 3} changes checked; saving shown as failing ${problems} times`;
		expect(lost).toEqual([]);
		expect(Object.keys(state.read)).toHaveLength(4 * 40);
		expect(Object.keys(state.saved)).toHaveLength(4 * 50);
		expect(tags.map(tag => `${tag}-49`)).toContain(state.lastRead);
		expect(statSync(path.join(dir, 'config.json')).mode & 0o777).toBe(0o600);
		expect(readdirSync(dir).filter(name => name !== 'config.json')).toEqual([]);
	}, 240_000);
});

/** Batches of writers started together and killed together once all of them are writing. */
const batches = 6;
const writersPerBatch = 8;

describe('writers killed mid-write', () => {
	it(`keeps the state file parseable and the comment log loadable when ${batches * writersPerBatch} writers are killed with SIGKILL`, async () => {
		const dir = makeTempHome();
		const statePath = path.join(dir, 'config.json');
		const logPath = path.join(dir, 'comments.jsonl');
		const ackedState: string[] = [];
		const ackedComments: string[] = [];
		let killedCommentWriters = 0;
		let kills = 0;
		let killedHoldingLock = 0;

		const checkStores = () => {
			// The state file parses after every kill, whatever the killed writer was doing.
			expect(() => JSON.parse(readFileSync(statePath, 'utf8')) as unknown).not.toThrow();
			// The comment log loads, with at most one torn line per killed comment writer.
			if (existsSync(logPath)) {
				const {skipped} = replay(readFileSync(logPath, 'utf8'));
				expect(skipped).toBeLessThanOrEqual(killedCommentWriters);
			}
		};

		let problems = 0;
		for (let batch = 0; batch < batches; batch++) {
			const writers = range(writersPerBatch).map(index => {
				const kind = index % 2 === 0 ? 'state' : 'comments';
				return {kind, worker: startWorker(kind === 'state' ? ['loop-state', dir] : ['loop-comments', logPath])};
			});
			// Every writer has its stores open before the first kill; then all start writing.
			await Promise.all(writers.map(async ({worker}) => worker.ready));
			for (const {worker} of writers) {
				worker.child.stdin?.end('go\n');
			}

			// Killed while writing: once every writer has had a write acknowledged, each is killed,
			// in a random order, wherever it is in its next write.
			await Promise.all(writers.map(async ({worker}) => worker.writing));
			const order = [...writers].sort(() => Math.random() - 0.5);
			for (const {kind, worker} of order) {
				worker.child.kill('SIGKILL');
				// Counted at the kill: any killed comment writer may have torn the log's last line by the first check.
				killedCommentWriters += kind === 'comments' ? 1 : 0;
			}

			for (const {kind, worker} of writers) {
				const {signal, stdout, stderr} = await worker.exited;
				// Killed, not stopped by a failed write or a damaged file of its own.
				expect({signal, stderr}).toEqual({signal: 'SIGKILL', stderr: ''});
				kills++;
				problems += saveProblems(stdout);
				if (kind === 'comments') {
					ackedComments.push(...acknowledged(stdout));
				} else {
					ackedState.push(...acknowledged(stdout));
				}

				checkStores();
			}

			// Every writer of the batch is dead, so a lock one of them held is stale: age it rather than
			// wait out the lock's stale time (the next batch takes it over as stale).
			const lock = `${statePath}.lock`;
			if (existsSync(lock)) {
				killedHoldingLock++;
				const longAgo = new Date(Date.now() - 60_000);
				// The lock and the token its holder put in it, as a killed writer leaves them a minute later.
				for (const name of readdirSync(lock)) {
					utimesSync(path.join(lock, name), longAgo, longAgo);
				}

				utimesSync(lock, longAgo, longAgo);
			}
		}

		expect(kills).toBe(batches * writersPerBatch);
		const state = readState(dir);
		const lostState = ackedState.filter(id => state.read[id] === undefined);
		const {comments, skipped} = replay(readFileSync(logPath, 'utf8'));
		const lostComments = ackedComments.filter(id => !comments.has(id));
		const killed = `${batches * writersPerBatch} writers killed`;
		lostWrites[`${killed} (state)`] = `${lostState.length} of ${ackedState.length} acknowledged; saving shown as failing ${problems} times`;
		lostWrites[`${killed} (comments)`] = `${lostComments.length} of ${ackedComments.length} acknowledged; ${skipped} torn lines skipped from ${killedCommentWriters} killed comment writers`;
		expect(ackedState.length).toBeGreaterThan(0);
		expect(ackedComments.length).toBeGreaterThan(0);
		expect(lostState).toEqual([]);
		expect(lostComments).toEqual([]);
		expect(skipped).toBeLessThanOrEqual(killedCommentWriters);

		// A newsread started afterwards opens the state file cleanly, sees every acknowledged change, and writes.
		const damaged: string[] = [];
		const file = new StateFile({dir, onDamaged: message => damaged.push(message)});
		expect(damaged).toEqual([]);
		expect(ackedState.every(id => file.read().read[id] !== undefined)).toBe(true);
		await file.update(data => {
			data.read['after/kills'] = 1;
		});
		expect(readState(dir).read['after/kills']).toBe(1);

		// Temporary files of killed writers are removed by a newsread started a minute later.
		const leftovers = readdirSync(dir).filter(name => name.startsWith('config.json.tmp-')).length;
		lostWrites[`${killed} (how)`] = `${killedHoldingLock} of ${batches} batches left the state lock held; ${leftovers} half-written temporary state files left`;
		new StateFile({dir, now: () => Date.now() + 61_000});
		expect(readdirSync(dir).filter(name => name.startsWith('config.json.tmp-'))).toEqual([]);
	}, 300_000);
});
