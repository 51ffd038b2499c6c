// The program `newsread` (dist/newsread.js, CommonJS): runs the bundle (dist/newsread.cjs, built from
// cli.tsx) with V8's code cache, so that a start does not compile the bundle again. Node 20 has no
// module.enableCompileCache, so the bundle runs as a vm.Script with `cachedData`: its text is one function
// of (exports, require, module, __filename, __dirname), as Node's own CommonJS loader wraps a file. A
// command runs dist/newsread-commands.cjs instead (the same without the reader, see source/build.mjs),
// which hands over to the whole bundle (`require('./newsread-reader.cjs')`) when the arguments turn out
// to run the reader. The feed commands are a chunk of their own (dist/newsread-feeds.cjs), which the
// commands require(): it runs the same way. Each file run has a cache of its own (code-cache.ts), made
// at exit when there was none or V8 refused it (another V8 or build): by then it holds every function
// the run compiled.
import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import path from 'node:path';
import process from 'node:process';
import vm from 'node:vm';
import {codeCacheFile, readCodeCache, runKind, writeCodeCache} from './code-cache.js';

/** The content hash of the bundle and its chunks, written in by source/build.mjs. */
declare const NEWSREAD_BUNDLE_HASH: string;

/**
 * A chunk's name in a file's require(), from source/build.mjs: `./newsread-NAME.cjs`; `reader` is the
 * whole bundle, dist/newsread.cjs.
 */
const chunkName = /^\.\/newsread-([a-z]+)\.cjs$/;
const argv = process.argv.slice(2);
/** The exports of each chunk run so far. */
const chunks = new Map<string, unknown>();

/**
 * Runs one file of the build (its text is a function of exports, require, module, __filename,
 * __dirname) with its code cache, and returns its exports. The cache is written at exit when there was
 * none or V8 refused it.
 */
function run(file: string, cacheFile: string): unknown {
	const cachedData = readCodeCache(cacheFile);
	// ASCII (source/build.mjs escapes the rest): read as Latin-1, without decoding UTF-8.
	const source = readFileSync(file, 'latin1');
	const script = new vm.Script(source, {filename: file, cachedData});
	if (cachedData === undefined || script.cachedDataRejected === true) {
		process.once('exit', () => {
			writeCodeCache(cacheFile, NEWSREAD_BUNDLE_HASH, () => script.createCachedData());
		});
	}

	const nodeRequire = createRequire(file);
	// The file's require(): a chunk of the build is run as this file is, anything else is Node's.
	const fileRequire = Object.assign((id: string): unknown => {
		const chunk = chunkName.exec(id)?.[1];
		if (chunk === undefined) {
			return nodeRequire(id);
		}

		if (!chunks.has(chunk)) {
			const chunkFile = chunk === 'reader' ? 'newsread.cjs' : `newsread-${chunk}.cjs`;
			chunks.set(chunk, run(path.join(__dirname, chunkFile), codeCacheFile(NEWSREAD_BUNDLE_HASH, argv, process.env, chunk)));
		}

		return chunks.get(chunk);
	}, nodeRequire);
	const fileModule = {exports: {}};
	(script.runInThisContext() as (...parameters: unknown[]) => void)(fileModule.exports, fileRequire, fileModule, file, __dirname);
	return fileModule.exports;
}

run(path.join(__dirname, runKind(argv) === 'command' ? 'newsread-commands.cjs' : 'newsread.cjs'), codeCacheFile(NEWSREAD_BUNDLE_HASH, argv, process.env));
