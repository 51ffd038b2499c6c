// Bundles source/cli.tsx and every dependency into one ESM file: start-up is about twice as fast
// as resolving node_modules at run time. Tests and the benchmark bundle their own entry points
// the same way: `node source/build.mjs --entry FILE --outfile FILE [--keep-whitespace]`.
import {chmod, readFile} from 'node:fs/promises';
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

/**
 * meow evaluates normalize-package-data (and spdx-correct, which sorts its tables) as it loads, for a
 * package.json newsread never asks it to normalize (the version and description are passed in): made
 * lazy, so it runs only if meow's `pkg` is read. The build fails if meow changed and the line is gone.
 */
const lazyMeowNormalize = {
	name: 'lazy-meow-normalize',
	setup(build) {
		build.onLoad({filter: /[\\/]meow[\\/]build[\\/]dependencies\.js$/}, async ({path: file}) => {
			const eager = 'var normalizeExports = requireNormalize();\nconst normalizePackageData = getDefaultExportFromCjs(normalizeExports);';
			const source = await readFile(file, 'utf8');
			if (!source.includes(eager)) {
				throw new Error(`${file}: meow no longer loads normalize-package-data as source/build.mjs expects; update lazyMeowNormalize`);
			}

			return {contents: source.replace(eager, 'const normalizePackageData = (...parameters) => getDefaultExportFromCjs(requireNormalize())(...parameters);'), loader: 'js'};
		});
	},
};

/**
 * yoga-layout (Ink's layout engine) loads its WebAssembly with emscripten's glue, which fetch()es the
 * module from an embedded data: URL and instantiates it asynchronously behind a top-level await: that
 * took 170-230 ms of wall time at every start. Here the glue gets the module synchronously through its
 * `instantiateWasm` hook, from the same bytes: the binary's data URL is exported as base64, and
 * yoga-layout's entry point is replaced by one that instantiates it at once (no top-level await, which
 * a CommonJS bundle could not have). The build fails if yoga-layout changed shape.
 */
const yogaDataUrl = /(H=)"data:application\/octet-stream;base64,([A-Za-z\d+/=]+)"/;
const synchronousYoga = {
	name: 'synchronous-yoga',
	setup(build) {
		build.onLoad({filter: /[\\/]yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/}, async ({path: file}) => {
			const source = await readFile(file, 'utf8');
			const match = yogaDataUrl.exec(source);
			if (!match || !source.includes('if(h.instantiateWasm)')) {
				throw new Error(`${file}: no embedded wasm or no instantiateWasm hook; update synchronousYoga in source/build.mjs`);
			}

			const contents = `${source.replace(yogaDataUrl, '$1"data:application/octet-stream;base64,"+wasmBase64')}\nexport const wasmBase64 = "${match[2]}";\n`;
			return {contents, loader: 'js'};
		});
		build.onLoad({filter: /[\\/]yoga-layout[\\/]dist[\\/]src[\\/]index\.js$/}, ({path: file}) => ({
			contents: `import loadYoga, {wasmBase64} from '../binaries/yoga-wasm-base64-esm.js';
import wrapAssembly from './wrapAssembly.js';

const module = {
	instantiateWasm(imports, receiveInstance) {
		receiveInstance(new WebAssembly.Instance(new WebAssembly.Module(Buffer.from(wasmBase64, 'base64')), imports));
		return {};
	},
};
// Given the instance at once, the glue finishes initializing before it returns.
loadYoga(module);
if (module.Node === undefined) {
	throw new Error('yoga-layout did not initialize synchronously');
}

export default wrapAssembly(module);
export * from './generated/YGEnums.js';
`,
			resolveDir: path.dirname(file),
			loader: 'js',
		}));
	},
};

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
	// Ink imports react-devtools-core lazily for DEV=true; the bundle must not try to resolve it.
	plugins: [lazyMeowNormalize, synchronousYoga],
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
