// Bundles source/cli.tsx and every dependency: start-up is about twice as fast as resolving
// node_modules at run time. newsread itself is built as four CommonJS files: the bundle
// (dist/newsread.cjs, which the reader runs), the same without the reader for the commands
// (dist/newsread-commands.cjs), the chunk of the feed commands they load for `feeds` and `refresh` only
// (dist/newsread-feeds.cjs), and the program that runs them with V8's code cache (dist/newsread.js, from
// source/launcher.ts; dist/package.json makes dist/ CommonJS). Tests and the benchmark bundle their own
// entry points as one ESM file, with the same plugins and options:
// `node source/build.mjs --entry FILE --outfile FILE [--keep-whitespace]`.
import {createHash} from 'node:crypto';
import {chmod, mkdir, readFile, writeFile} from 'node:fs/promises';
import {createRequire} from 'node:module';
import path from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {parseArgs} from 'node:util';
import {build} from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const {values: options} = parseArgs({
	options: {
		entry: {type: 'string'},
		outfile: {type: 'string'},
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

/**
 * Ink's reconciler has two top-level awaits, both only for DEV=true (React DevTools), which a CommonJS
 * bundle cannot have. The DevTools are not bundled (react-devtools-core is a stub): with DEV=true Ink
 * now says they are not installed and goes on, instead of failing on the stub.
 */
const inkWithoutTopLevelAwait = {
	name: 'ink-without-top-level-await',
	setup(build) {
		build.onLoad({filter: /[\\/]ink[\\/]build[\\/]reconciler\.js$/}, async ({path: file}) => {
			let source = await readFile(file, 'utf8');
			for (const [awaited, replacement] of [
				["await import('./devtools.js');", "throw Object.assign(new Error('react-devtools-core is not in the bundle'), {code: 'ERR_MODULE_NOT_FOUND'});"],
				['? await loadPackageJson()', "? {name: 'ink', version: undefined}"],
			]) {
				if (!source.includes(awaited)) {
					throw new Error(`${file}: no \`${awaited}\`; update inkWithoutTopLevelAwait in source/build.mjs`);
				}

				source = source.replace(awaited, replacement);
			}

			return {contents: source, loader: 'js'};
		});
	},
};

/**
 * string-width builds Unicode regular expressions (RGI_Emoji among them) and segments graphemes: 50-100
 * ms before the first frame, for text that is mostly ASCII and a few symbols. Every `string-width`
 * import (Ink's, wrap-ansi's own older copy, newsread's) gets a stand-in that answers text of
 * one-column characters itself (source/core/narrow-width.ts) and loads its real string-width, through
 * require() (which esbuild evaluates on first use), only for other text or options.
 */
const lazyStringWidth = {
	name: 'lazy-string-width',
	setup(build) {
		build.onResolve({filter: /^string-width$/}, async ({importer, resolveDir, kind, pluginData}) => {
			if (pluginData === 'real') {
				// This plugin's own question: where the real one is.
				return undefined;
			}

			const real = await build.resolve('string-width', {importer, resolveDir, kind, pluginData: 'real'});
			return real.errors.length > 0 ? real : {path: real.path, namespace: 'lazy-string-width'};
		});
		build.onLoad({filter: /.*/, namespace: 'lazy-string-width'}, ({path: real}) => ({
			contents: `import {narrowWidth} from ${JSON.stringify(path.join(root, 'source/core/narrow-width.ts'))};
let realStringWidth;
export default function stringWidth(text, options) {
	return (options === undefined && typeof text === 'string' ? narrowWidth(text) : undefined) ?? (realStringWidth ??= require(${JSON.stringify(real)}).default)(text, options);
}
`,
			resolveDir: root,
			loader: 'js',
		}));
	},
};

/**
 * Ink's output stage (@alcalzone/ansi-tokenize, and slice-ansi for clipped lines) splits every line of
 * every frame into graphemes with an Intl.Segmenter made as the module loads: its creation loads ICU's
 * break rules, about 20 ms before the first frame. Each gets a stand-in whose `segment(text)` answers
 * text where every UTF-16 unit is a grapheme of its own (source/core/narrow-width.ts) and creates the
 * real segmenter only for other text. The build fails if either module no longer makes it as expected.
 */
const lazyGraphemeSegmenter = {
	name: 'lazy-grapheme-segmenter',
	setup(build) {
		build.onLoad({filter: /([\\/]@alcalzone[\\/]ansi-tokenize[\\/]build[\\/]tokenize|[\\/]slice-ansi[\\/]tokenize-ansi)\.js$/}, async ({path: file}) => {
			const eager = /new Intl\.Segmenter\(undefined, ?\{ ?granularity: ?["']grapheme["'] ?\}\)/;
			const source = await readFile(file, 'utf8');
			if (!eager.test(source)) {
				throw new Error(`${file}: no Intl.Segmenter made at load; update lazyGraphemeSegmenter in source/build.mjs`);
			}

			const lazy = `{segment(text) {
	return __newsreadNarrowGraphemes(text) ?? (__newsreadSegmenter ??= new Intl.Segmenter(undefined, {granularity: 'grapheme'})).segment(text);
}}`;
			const contents = `import {narrowGraphemes as __newsreadNarrowGraphemes} from ${JSON.stringify(path.join(root, 'source/core/narrow-width.ts'))};
let __newsreadSegmenter;
${source.replace(eager, lazy)}`;
			return {contents, loader: 'js', resolveDir: path.dirname(file)};
		});
	},
};

/**
 * Packages evaluated as they load, before the first frame, for work that comes later or never:
 * - marked builds its regular expressions (6-25 ms), for bodies lexed only when an article is opened
 *   (core/parse-markdown.ts makes its Tokenizer subclass on first use for this);
 * - conf loads ajv and ajv-formats, for a schema newsread never gives it (5-15 ms);
 * - entities decodes its HTML entity tables from base64 (10-20 ms), for the few bodies with HTML in them.
 * These importers' imports of them get a CommonJS stand-in whose every export is a getter that loads the
 * real module (through require(), which esbuild evaluates on first use): esbuild reads an import of a
 * CommonJS module as a property at each use, so nothing loads until one is used. Other importers'
 * imports are left as they are.
 */
const inSource = file => file.startsWith(path.join(root, 'source') + path.sep);
const lazyImports = [
	{specifier: /^(marked|entities)$/, importer: inSource},
	{specifier: /^(ajv\/dist\/2020\.js|ajv-formats)$/, importer: file => /[\\/]node_modules[\\/]conf[\\/]dist[\\/]source[\\/]index\.js$/.test(file)},
];
/** Whether Node reads this file as an ES module: `.mjs`, or `.js` under a package.json of `"type": "module"`. */
async function isEsModule(file) {
	if (!file.endsWith('.js')) {
		return file.endsWith('.mjs');
	}

	for (let folder = path.dirname(file); ; folder = path.dirname(folder)) {
		const manifest = await readFile(path.join(folder, 'package.json'), 'utf8').catch(() => undefined);
		if (manifest !== undefined) {
			return JSON.parse(manifest).type === 'module';
		}

		if (path.dirname(folder) === folder) {
			return false;
		}
	}
}

const lazyPackages = {
	name: 'lazy-packages',
	setup(build) {
		for (const {specifier, importer: lazyIn} of lazyImports) {
			build.onResolve({filter: specifier}, async ({path: name, importer, resolveDir, kind, pluginData}) => {
				if (pluginData === 'real' || !lazyIn(importer)) {
					return undefined;
				}

				const real = await build.resolve(name, {importer, resolveDir, kind, pluginData: 'real'});
				return real.errors.length > 0 ? real : {path: real.path, namespace: 'lazy-packages'};
			});
		}

		build.onLoad({filter: /.*/, namespace: 'lazy-packages'}, async ({path: real}) => {
			// An ES module's exports (its default aside: esbuild gives the stand-in itself as default), or a
			// CommonJS module's properties.
			const names = await isEsModule(real)
				? Object.keys(await import(pathToFileURL(real).href)).filter(name => name !== 'default')
				: Object.keys(createRequire(real)(real));
			const getters = names.map(name => `\tget ${JSON.stringify(name)}() {\n\t\treturn load()[${JSON.stringify(name)}];\n\t},`);
			return {
				contents: `let realModule;
const load = () => (realModule ??= require(${JSON.stringify(real)}));
module.exports = {
${getters.join('\n')}
};
`,
				resolveDir: root,
				loader: 'js',
			};
		});
	},
};

/**
 * Ink 6.8's output stage splits every line of every frame into styled characters and joins them again,
 * though a key in a list changes two or three rows: Output.get() is replaced by source/ui/ink-output-rows.ts,
 * which draws a row only when what was written into it differs from a row drawn before (the same
 * frame, as tests check against Ink's own get()). Only for newsread's code: an entry point outside the
 * repository (the benchmark's reference Ink apps) keeps Ink as it is. The build fails if Ink changed shape.
 */
const inkOutputRows = {
	name: 'ink-output-rows',
	setup(build) {
		build.onLoad({filter: /[\\/]ink[\\/]build[\\/]output\.js$/}, async ({path: file}) => {
			const source = await readFile(file, 'utf8');
			const get = '\n    get() {\n';
			if (!source.includes(get) || !source.includes("import sliceAnsi from 'slice-ansi';") || !source.includes('styledCharsToString, tokenize, }')) {
				throw new Error(`${file}: not the Output.get() of Ink 6.8; update inkOutputRows in source/build.mjs`);
			}

			const contents = `import {outputRows as newsreadOutputRows} from ${JSON.stringify(path.join(root, 'source/ui/ink-output-rows.ts'))};\n${source.replace(get, '\n    get() {\n        return newsreadOutputRows(this, {sliceAnsi, styledCharsToString});\n    }\n    inkGet() {\n')}`;
			return {contents, loader: 'js'};
		});
	},
};

/** What every bundle shares. */
const common = {
	bundle: true,
	// Entry points outside the repository (the benchmark's) still resolve Ink and React here.
	nodePaths: [path.join(root, 'node_modules')],
	platform: 'node',
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
	plugins: [lazyMeowNormalize, synchronousYoga, inkWithoutTopLevelAwait, lazyStringWidth, lazyGraphemeSegmenter, lazyPackages],
	// Ink imports react-devtools-core lazily for DEV=true; the bundle must not try to resolve it.
	alias: {'react-devtools-core': path.join(root, 'source/build-stubs/react-devtools-core.js')},
};

/**
 * CommonJS: a vm.Script can have a code cache, an ES module cannot (on Node 20). `import.meta.url` is
 * the bundle's own URL, as in an ES module; import() of a built-in becomes require().
 */
const commonJs = {
	...common,
	format: 'cjs',
	supported: {'dynamic-import': false},
	define: {...common.define, 'import.meta': '__newsreadImportMeta'},
	banner: {js: "var __newsreadImportMeta = {url: require('node:url').pathToFileURL(__filename).href};"},
};

/** newsread's own bundles (not an entry point outside the repository: the benchmark's reference Ink apps). */
const ownPlugins = [...common.plugins, inkOutputRows];

if (options.entry === undefined) {
	const dist = path.join(root, 'dist');
	// The feed commands (`feeds`, `refresh`: the feeds' parsers, linkedom, Readability, node-html-markdown,
	// 1.3 MB) are a chunk of their own, dist/newsread-feeds.cjs, that the launcher loads, with its own code
	// cache, when command-line.ts first imports one of them: the reader never does (its feed work runs
	// `newsread refresh` in a child process), and no longer reads them at every start. Modules both use
	// (core/, store/) are in both files; neither keeps state the other needs.
	const feedCommands = {
		name: 'feed-commands-chunk',
		setup(build) {
			build.onResolve({filter: /^\.\/commands\/(feeds|refresh)\.js$/}, ({importer}) => (
				importer === path.join(root, 'source/command-line.ts') ? {path: './newsread-feeds.cjs', external: true} : undefined
			));
		},
	};
	// Each file is written as the function the launcher calls, as Node's own CommonJS loader wraps a file:
	// the launcher compiles the file's text as it is, instead of a copy with the wrapper around it.
	const asFunction = {
		banner: {js: `(function (exports, require, module, __filename, __dirname) {${commonJs.banner.js}`},
		footer: {js: '})'},
	};
	const bundle = path.join(dist, 'newsread.cjs');
	await build({...commonJs, ...asFunction, entryPoints: [path.join(root, 'source/cli.tsx')], outfile: bundle, plugins: [...ownPlugins, feedCommands]});
	// The commands (`list`, `sections`, `read`, ...: what launcher.ts's runKind takes for a command) run
	// dist/newsread-commands.cjs: cli.tsx without the reader (Ink, React, yoga-layout, ui/: 1.1 MB of the
	// 1.8), so that they read and load a third of the bytes. When meow finds the reader there after all (a
	// flag's value taken for a command's name: `newsread --section World`), the stand-in of
	// ui/run-reader.js has the launcher run the whole bundle, which parses the arguments again and runs it.
	const readerHandOver = {
		name: 'reader-hand-over',
		setup(build) {
			build.onResolve({filter: /^\.\/ui\/run-reader\.js$/}, ({importer}) => (
				importer === path.join(root, 'source/command-line.ts') ? {path: 'run-reader', namespace: 'reader-hand-over'} : undefined
			));
			build.onLoad({filter: /.*/, namespace: 'reader-hand-over'}, () => ({
				contents: `export function runReader() {
	// Runs the whole bundle from its start: it runs the reader and sets the exit code. This run stops here.
	require('./newsread-reader.cjs');
	return new Promise(() => {});
}
`,
				resolveDir: root,
				loader: 'js',
			}));
			build.onResolve({filter: /^\.\/newsread-reader\.cjs$/}, () => ({path: './newsread-reader.cjs', external: true}));
		},
	};
	const commands = path.join(dist, 'newsread-commands.cjs');
	await build({...commonJs, ...asFunction, entryPoints: [path.join(root, 'source/cli.tsx')], outfile: commands, plugins: [...ownPlugins, feedCommands, readerHandOver]});
	const chunk = path.join(dist, 'newsread-feeds.cjs');
	await build({
		...commonJs,
		...asFunction,
		plugins: ownPlugins,
		stdin: {
			contents: "export {feedsCommand} from './source/commands/feeds.ts';\nexport {refreshCommand} from './source/commands/refresh.ts';\n",
			resolveDir: root,
			sourcefile: 'feed-commands.ts',
			loader: 'ts',
		},
		outfile: chunk,
	});
	// esbuild leaves non-ASCII characters in regular expression literals: escaped here (\uXXXX means the
	// same there, a surrogate pair included), so that the launcher reads each file as Latin-1, a copy,
	// instead of decoding megabytes of UTF-8 (30-70 ms) at every start.
	const hash = createHash('sha256');
	for (const file of [bundle, commands, chunk]) {
		const ascii = (await readFile(file, 'utf8')).replaceAll(/[^\0-\x7F]/g, character => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
		await writeFile(file, ascii);
		hash.update(ascii);
	}

	const program = path.join(dist, 'newsread.js');
	await build({
		...commonJs,
		entryPoints: [path.join(root, 'source/launcher.ts')],
		outfile: program,
		// One hash for the three files: the caches of one build are named by it.
		define: {...commonJs.define, NEWSREAD_BUNDLE_HASH: JSON.stringify(hash.digest('hex').slice(0, 16))},
		banner: {js: `#!/usr/bin/env node\n${commonJs.banner.js}`},
	});
	await writeFile(path.join(dist, 'package.json'), `${JSON.stringify({type: 'commonjs'})}\n`);
	await chmod(program, 0o755);
} else {
	const outfile = options.outfile ?? path.join(root, 'dist', `${path.parse(options.entry).name}.js`);
	await mkdir(path.dirname(outfile), {recursive: true});
	await build({
		...common,
		plugins: path.resolve(options.entry).startsWith(root) ? ownPlugins : common.plugins,
		entryPoints: [options.entry],
		outfile,
		format: 'esm',
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
}
