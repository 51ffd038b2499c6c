// A worker script for the tests of one describe block, bundled with source/build.mjs (so plain node
// runs it) and started as separate processes that write at the same moment (see start-signal.ts).
import {type ChildProcess, execFileSync, spawn} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import process from 'node:process';
import {afterAll, beforeAll} from 'vitest';
import {repoRoot} from './run-cli.js';

/** How a worker ended, and what it printed. */
export type WorkerEnd = {code: number | null; stdout: string; stderr: string};

/** A started worker: ready to write once a line is written to its stdin. */
export type StartedWorker = {child: ChildProcess; exited: Promise<WorkerEnd>};

/**
 * Bundles `entry` (a path from the repository's root) before the block's tests and removes it after;
 * returns `start`, which starts a copy with `args` and resolves once it says it is ready.
 */
export function bundledWorker(entry: string): {start: (args: string[]) => Promise<StartedWorker>} {
	let bundleDir = '';
	let script = '';
	beforeAll(() => {
		// Not temporaryFolder: those go after each test, and the worker serves the whole block.
		bundleDir = mkdtempSync(path.join(tmpdir(), `newsread-${path.basename(entry, '.ts')}-`));
		script = path.join(bundleDir, `${path.basename(entry, '.ts')}.mjs`);
		execFileSync(process.execPath, [path.join(repoRoot, 'source/build.mjs'), '--entry', path.join(repoRoot, entry), '--outfile', script]);
	});

	afterAll(() => {
		rmSync(bundleDir, {recursive: true, force: true});
	});

	async function start(args: string[]): Promise<StartedWorker> {
		const child = spawn(process.execPath, [script, ...args], {stdio: ['pipe', 'pipe', 'pipe']});
		let stdout = '';
		let stderr = '';
		let markReady: () => void = () => undefined;
		const ready = new Promise<void>(resolve => {
			markReady = resolve;
		});
		child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
			stdout += chunk;
			if (stdout.startsWith('ready\n')) {
				markReady();
			}
		});
		child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
			stderr += chunk;
		});
		const exited = new Promise<WorkerEnd>(resolve => {
			child.on('close', code => {
				markReady();
				resolve({code, stdout, stderr});
			});
		});
		await ready;
		return {child, exited};
	}

	return {start};
}
