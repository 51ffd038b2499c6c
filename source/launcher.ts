// The program `newsread` (dist/newsread.js, CommonJS): runs the bundle (dist/newsread.cjs, built from
// cli.tsx) with V8's code cache, so that a start does not compile the 3 MB bundle again. Node 20 has no
// module.enableCompileCache, so the bundle runs as a vm.Script with `cachedData`: its text is one function
// of (exports, require, module, __filename, __dirname), as Node's own CommonJS loader wraps a file. The
// cache (code-cache.ts) is made at exit when there was none or V8 refused it (another V8 or bundle):
// by then it holds every function the start-up compiled.
import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import path from 'node:path';
import process from 'node:process';
import vm from 'node:vm';
import {codeCacheFile, readCodeCache, writeCodeCache} from './code-cache.js';

/** The bundle's content hash, written in by source/build.mjs. */
declare const NEWSREAD_BUNDLE_HASH: string;

const bundle = path.join(__dirname, 'newsread.cjs');
const cacheFile = codeCacheFile(NEWSREAD_BUNDLE_HASH, process.argv.slice(2), process.env);
const cachedData = readCodeCache(cacheFile);
// ASCII (source/build.mjs escapes the rest): read as Latin-1, without decoding UTF-8.
const source = readFileSync(bundle, 'latin1');
// The bundle is the function expression itself (source/build.mjs writes the wrapper into it).
const script = new vm.Script(source, {filename: bundle, cachedData});
if (cachedData === undefined || script.cachedDataRejected === true) {
	process.once('exit', () => {
		writeCodeCache(cacheFile, NEWSREAD_BUNDLE_HASH, () => script.createCachedData());
	});
}

const bundleModule = {exports: {}};
(script.runInThisContext() as (...parameters: unknown[]) => void)(bundleModule.exports, createRequire(bundle), bundleModule, bundle, __dirname);
