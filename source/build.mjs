// Bundles source/cli.tsx and every dependency into one ESM file: start-up is about twice as fast
// as resolving node_modules at run time.
import {build} from 'esbuild';
import {chmod} from 'node:fs/promises';
import {fileURLToPath} from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outfile = `${root}dist/newsread.js`;

await build({
	entryPoints: [`${root}source/cli.tsx`],
	outfile,
	bundle: true,
	platform: 'node',
	format: 'esm',
	target: 'node20',
	jsx: 'automatic',
	// Smaller to parse at every start; names stay readable in stack traces in the log.
	minifySyntax: true,
	minifyWhitespace: true,
	legalComments: 'none',
	logLevel: 'warning',
	define: {'process.env.NODE_ENV': '"production"'},
	// Ink imports react-devtools-core lazily for DEV=true; the bundle must not try to resolve it.
	alias: {'react-devtools-core': `${root}source/build-stubs/react-devtools-core.js`},
	// CommonJS dependencies inside an ESM bundle still call require() for Node built-ins.
	banner: {
		js: [
			'#!/usr/bin/env node',
			"import {createRequire as __newsreadCreateRequire} from 'node:module';",
			'const require = __newsreadCreateRequire(import.meta.url);',
		].join('\n'),
	},
});
await chmod(outfile, 0o755);
