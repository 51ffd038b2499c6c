// V8's code cache of the bundle, for launcher.ts: where it is kept, read and written. The cache is only
// a speed-up: whatever goes wrong with it (a folder that cannot be made or written, a file in its
// place, a truncated or foreign cache file) leaves newsread starting as without one.
import {readdirSync, readFileSync, renameSync, rmSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import {cacheDir, type Environment, makePrivateFolder} from './store/paths.js';

const cachePrefix = 'code-cache-';

/**
 * What the arguments run, as far as the cache and the launcher care: the reader (no command word;
 * `--articles DIR` is still the reader) or a command (a command word, or help or the version). Each has
 * its own cache, as each compiles other functions, and a command runs the bundle without the reader; a
 * wrong guess costs speed only.
 */
export function runKind(argv: readonly string[]): 'reader' | 'command' {
	for (let index = 0; index < argv.length; index++) {
		const argument = argv[index]!;
		if (argument === '--articles') {
			index++;
		} else if (!argument.startsWith('-') || ['-h', '--help', '-v', '--version'].includes(argument)) {
			return 'command';
		}
	}

	return 'reader';
}

/** The start of the names of this bundle's caches on this Node: other names are other builds'. */
function buildPrefix(bundleHash: string): string {
	return `${cachePrefix}${bundleHash}-${process.version}-${process.arch}-`;
}

/**
 * The cache file of the bundle with this hash, on this Node, for this kind of run; with `chunk`, the
 * cache of that chunk of the build (dist/newsread-CHUNK.cjs) instead.
 */
export function codeCacheFile(bundleHash: string, argv: readonly string[], env: Environment, chunk?: string): string {
	return path.join(cacheDir(env), `${buildPrefix(bundleHash)}${chunk === undefined ? runKind(argv) : `chunk-${chunk}`}.bin`);
}

/** The cache's bytes, or undefined when there is none or it cannot be read. */
export function readCodeCache(file: string): Buffer | undefined {
	try {
		return readFileSync(file);
	} catch {
		return undefined;
	}
}

/**
 * Writes a cache whole (a temporary file renamed over it: a newsread starting meanwhile reads the old
 * one or none) and removes the caches of other bundles and Nodes. Never throws.
 */
export function writeCodeCache(file: string, bundleHash: string, data: () => Buffer): void {
	const temporary = `${file}.tmp-${process.pid}`;
	try {
		const folder = path.dirname(file);
		makePrivateFolder(folder);
		writeFileSync(temporary, data(), {mode: 0o600});
		renameSync(temporary, file);
		for (const name of readdirSync(folder)) {
			// Other builds' caches, and temporary files a killed newsread left (or another one is
			// writing: its rename then fails, which it ignores).
			if (name.startsWith(cachePrefix) && (!name.startsWith(buildPrefix(bundleHash)) || name.includes('.tmp-'))) {
				rmSync(path.join(folder, name), {force: true});
			}
		}
	} catch {
		// Not writable, a file in the folder's place, a full disk: the next start compiles again.
		try {
			rmSync(temporary, {force: true});
		} catch {
			// There is no folder to have it.
		}
	}
}
