// Bundles source/cli.tsx and every dependency into one ESM file: start-up is about twice as fast
// as resolving node_modules at run time. Tests and the benchmark bundle their own entry points
// the same way: `node source/build.mjs --entry FILE --outfile FILE [--keep-whitespace]`.
import {chmod} from 'node:fs/promises';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {parseArgs} from 'node:util';
import {build} from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const {values: options} = parseArgs({
	options: {
		entry: {type: 'string', default: path.join(root, 'source/cli.tsx')},
		outfile: {type: 'string', default: path.join(root, 'dist/newsread.js')},
		// For CPU profiles: esbuild then marks where each module starts.
		'keep-whitespace': {type: 'boolean', default: false},
	},
});

await build({
	entryPoints: [options.entry],
	outfile: options.outfile,
	bundle: true,
	// Entry points outside the repository (the benchmark's) still resolve Ink and React here.
	nodePaths: [path.join(root, 'node_modules')],
	platform: 'node',
	format: 'esm',
	target: 'node20',
	jsx: 'automatic',
	// Smaller to parse at every start; names stay readable in stack traces in the log.
	minifySyntax: true,
	minifyWhitespace: !options['keep-whitespace'],
	legalComments: 'none',
	logLevel: 'warning',
	define: {'process.env.NODE_ENV': '"production"'},
	// A native module (the article index's SQLite): loaded from node_modules at run time, beside the bundle.
	external: ['better-sqlite3'],
	// Ink imports react-devtools-core lazily for DEV=true; the bundle must not try to resolve it.
	alias: {'react-devtools-core': path.join(root, 'source/build-stubs/react-devtools-core.js')},
	// CommonJS dependencies inside an ESM bundle still call require() for Node built-ins.
	banner: {
		js: [
			'#!/usr/bin/env node',
			"import {createRequire as __newsreadCreateRequire} from 'node:module';",
			'const require = __newsreadCreateRequire(import.meta.url);',
		].join('\n'),
	},
});
await chmod(options.outfile, 0o755);
