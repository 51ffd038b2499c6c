// Runs the built dist/newsread.js as a real process with its own NEWSREAD_HOME.
import {spawnSync} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const newsreadBin = path.join(repoRoot, 'dist/newsread.js');

/**
 * Environment that makes a child newsread throw an uncaught error when sent SIGUSR2
 * (test/helpers/throw-on-sigusr2.mjs): the stand-in for an unexpected bug in tests of the crash path.
 */
export const crashOnSigusr2 = {NODE_OPTIONS: `--import ${pathToFileURL(path.join(repoRoot, 'test/helpers/throw-on-sigusr2.mjs')).href}`};

export type CliResult = {status: number | null; stdout: string; stderr: string};

export type CliOptions = {
	home?: string;
	env?: Record<string, string | undefined>;
	input?: string;
};

/** Environment for a child newsread: no CI (Ink draws nothing interactive under CI), no colour forcing. */
export function childEnvironment(home: string, extra: Record<string, string | undefined> = {}): Record<string, string> {
	const env: Record<string, string | undefined> = {...process.env, NEWSREAD_HOME: home, ...extra};
	delete env['CI'];
	delete env['FORCE_COLOR'];
	return Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

export function runCli(args: string[], options: CliOptions = {}): CliResult {
	const home = options.home ?? makeTempHome();
	const result = spawnSync(process.execPath, [newsreadBin, ...args], {
		encoding: 'utf8',
		env: childEnvironment(home, options.env),
		input: options.input ?? '',
		// A command takes well under a second on an idle machine; this is for one at load 40.
		timeout: 60_000,
	});
	return {status: result.status, stdout: result.stdout, stderr: result.stderr};
}

const homes: string[] = [];

/** A fresh NEWSREAD_HOME, removed by removeTempHomes(). */
export function makeTempHome(): string {
	const home = mkdtempSync(path.join(tmpdir(), 'newsread-test-'));
	homes.push(home);
	return home;
}

export function removeTempHomes(): void {
	for (const home of homes.splice(0)) {
		rmSync(home, {recursive: true, force: true});
	}
}
