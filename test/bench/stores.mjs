// What one write costs in the two stores when they are already big: a reading-state change (one
// read-modify-write under the lock, StateFile.update) with 10,000 entries in config.json, and one
// comment (one O_APPEND write + fsync) with 10,000 comments in comments.jsonl; plain conf `set` at
// 10,000 entries for comparison. Prints a Markdown table.
//
//   node source/build.mjs && node test/bench/stores.mjs [--runs 50] [--entries 10000]
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {cpus, tmpdir} from 'node:os';
import path from 'node:path';
import {performance} from 'node:perf_hooks';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {parseArgs} from 'node:util';
import {build} from 'esbuild';

const root = fileURLToPath(new URL('../..', import.meta.url));
const {values} = parseArgs({options: {runs: {type: 'string', default: '50'}, entries: {type: 'string', default: '10000'}, warmup: {type: 'string', default: '5'}}});
const runs = Number(values.runs);
const entries = Number(values.entries);
const warmup = Number(values.warmup);

const work = mkdtempSync(path.join(tmpdir(), 'newsread-bench-stores-'));
process.on('exit', () => {
	rmSync(work, {recursive: true, force: true});
});

// The stores are TypeScript: bundle them (with conf, as the app does) so plain node runs them.
const bundle = path.join(work, 'stores.mjs');
await build({
	stdin: {
		contents: [
			"export {StateFile} from './source/store/state-file.ts';",
			"export {createReadingState} from './source/store/reading-state.ts';",
			"export {openCommentLog} from './source/store/comments.ts';",
			"export {default as Conf} from 'conf';",
		].join('\n'),
		resolveDir: root,
		loader: 'ts',
		sourcefile: 'bench-stores.ts',
	},
	outfile: bundle,
	bundle: true,
	platform: 'node',
	format: 'esm',
	target: 'node20',
	logLevel: 'warning',
	banner: {
		js: [
			"import {createRequire as __newsreadCreateRequire} from 'node:module';",
			'const require = __newsreadCreateRequire(import.meta.url);',
		].join('\n'),
	},
});
const {StateFile, openCommentLog, Conf} = await import(pathToFileURL(bundle).href);

/** Runs `operation` `warmup` times untimed, then `runs` times timed; returns the times in ms. */
async function measure(operation) {
	for (let index = 0; index < warmup; index++) {
		await operation(-index - 1);
	}

	const times = [];
	for (let index = 0; index < runs; index++) {
		const start = performance.now();
		await operation(index);
		times.push(performance.now() - start);
	}

	return times;
}

function summary(name, size, times) {
	const sorted = [...times].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	const median = sorted.length % 2 === 0 ? (sorted[middle - 1] + sorted[middle]) / 2 : sorted[middle];
	return {name, size, runs: sorted.length, min: sorted[0], median, max: sorted.at(-1)};
}

const ids = Array.from({length: entries}, (_, index) => `section-${index % 12}/article.${index}`);
const results = [];

// 1. A reading-state write: StateFile.update on a file with `entries` read marks.
{
	const dir = path.join(work, 'state');
	const file = new StateFile({dir});
	const now = Date.now();
	await file.update(data => {
		for (const id of ids) {
			data.read[id] = now;
		}
	});
	const times = await measure(async index => {
		await file.update(data => {
			data.read[`bench/new.${index}`] = Date.now();
		});
	});
	results.push(summary('reading-state write (StateFile.update: lock, read, validate, atomic write)', `${entries.toLocaleString('en')} read marks`, times));
}

// 2. A comment write: one add (one O_APPEND write + fsync) to a log of `entries` comments.
{
	const file = path.join(work, 'comments', 'comments.jsonl');
	const log = openCommentLog({file});
	log.add('world/first', {name: 'Bench', email: 'bench@example.org', body: 'creates the file'});
	const at = new Date().toISOString();
	const lines = ids.slice(1).map((articleId, index) => JSON.stringify({type: 'add', id: `seed-${index}`, articleId, at, name: 'Seed Writer', email: 'seed@example.org', body: `Seed comment ${index}, about as long as a short comment on a news site usually is.`}));
	writeFileSync(file, `${lines.join('\n')}\n`, {flag: 'a'});
	if (log.list().length !== entries) {
		throw new Error(`expected ${entries} comments, found ${log.list().length}`);
	}

	const times = await measure(index => {
		log.add('world/bench', {name: 'Bench Writer', email: 'bench@example.org', body: `Comment ${index}: a sentence or two of text.`});
	});
	results.push(summary('comment write (CommentLog.add: validate, append, fsync)', `${entries.toLocaleString('en')} comments`, times));

	// What the comments screen pays after a write: the whole log read and replayed.
	const reload = await measure(index => {
		log.add('world/bench', {name: 'Bench Writer', email: 'bench@example.org', body: `Reloaded ${index}`});
		log.list('world/bench');
	});
	results.push(summary('comment write + list (the log read and replayed after the change)', `${entries.toLocaleString('en')} comments`, reload));
}

// 3. For comparison: plain conf `set` (no lock, no schema) on a store with `entries` keys.
{
	const cwd = path.join(work, 'plain-conf');
	const conf = new Conf({projectName: 'bench', projectSuffix: '', cwd, accessPropertiesByDotNotation: false});
	const now = Date.now();
	conf.store = {read: Object.fromEntries(ids.map(id => [id, now]))};
	const times = await measure(index => {
		conf.set('lastRead', `bench/new.${index}`);
	});
	results.push(summary('plain conf set (read, rewrite whole file, no lock)', `${entries.toLocaleString('en')} read marks`, times));
}

const ms = value => value.toFixed(2);
console.log(`Node ${process.version}, ${cpus().length} CPUs (${cpus()[0]?.model ?? 'unknown'}), ${warmup} warm-up runs, temp dir ${tmpdir()}\n`);
console.log('| Operation | Already in the store | Runs | Min (ms) | Median (ms) | Max (ms) |');
console.log('| --- | --- | ---: | ---: | ---: | ---: |');
for (const {name, size, runs: count, min, median, max} of results) {
	console.log(`| ${name} | ${size} | ${count} | ${ms(min)} | ${ms(median)} | ${ms(max)} |`);
}
