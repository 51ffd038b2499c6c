// Benchmarks the built newsread in a real pseudo-terminal (node-pty), read back through a terminal
// emulator (@xterm/headless) where a screen is needed:
//   (a) start-up: spawn to the first frame, against a minimal Ink app bundled the same way and bare node;
//   (b) page turns: Space to the next `page N/` on the status line, in the longest sample article and
//       in a generated 50,000-line article;
//   (c) the peak RSS of newsread during the 50,000-line run;
//   (d) opening and laying out articles of awkward shapes near the 10 MB limit (one huge paragraph,
//       one huge word, 200,000 lines, deep lists, ...) at 80 and 200 columns, in process: the time to
//       the first page (budget 1 s), to the whole layout, and the longest chunk of layout work;
//   (e) key latency while a 10 MB article of many headings is laid out, in a pty: j, then q, each
//       timed until the screen changes (budget 100 ms);
//   (e') big lists (`--only lists`): j/k in the All list of a generated 50,000-article library against a
//       minimal Ink 20-line list bundled the same way, opening an article from that list (Enter to its
//       first page), and opening the generated 50,000-line article;
//   (f) feeds: `newsread refresh --json` of 200 local feeds × 50 items (RSS 2.0, Atom 1.0, JSON Feed,
//       served by a node:http server on 127.0.0.1 started here): the first refresh (10,000 articles
//       stored), the unchanged second (all 304) and a third where the server ignores the validators
//       (200, the same bytes: nothing rewritten), each with its peak RSS; parseFeed's items per second
//       per format; extractArticle (HTML to Markdown included) on 40 generated news pages of 20 to 300 KB.
//   (g) large libraries over the article index (source/index/): the first frame with 10,000 and 50,000
//       generated articles (test/generate-library.ts, under /tmp) against the sample corpus's, each home's
//       index made by an untimed start, then timed starts interleaved; the first start with no index;
//       the peak RSS at 50,000 once the background check is done; `list --json` at 10,000 against bare node.
//   (h) search over the index (`--only search`): in 50,000 generated articles, `/` + a query + Enter to
//       the first result row (a common word, a rarer one, two words, a body-only word), and the peak RSS
//       of a session that starts, idles 5 s, opens an article and shows its related articles (median of 3).
// Run with `npm run bench` (which builds first). Options:
//   --runs N      start-up runs per program after the warm-up (default 9)
//   --baseline DIR  also time the start-up of another built newsread checkout (DIR/dist/newsread.js,
//                 e.g. a `git worktree` of an older commit after `npm ci && npm run build`), in the
//                 same interleaved runs, for a before-and-after table from one run (repeatable; the
//                 `lists` and `search` parts run it too)
//   --presses N   timed page turns per article after 3 warm-up turns (default 30)
//   --only WHAT   only `startup`, only `pages` (page turns and memory), only `shapes`, only `keys`,
//                 only `lists`, only `feeds`, only `index` or only `search`
//   --shape NAME  with the shapes, only this one (e.g. `paragraph`)
//   --shape-runs N  runs per shape and width (default 3)
//   --feed-runs N   runs of the three refreshes, parse rounds and extractions per page (default 3)
//   --profile     also record a CPU profile of a 50,000-line page-turn session and list the
//                 functions with the most self time, and one of a start-up (files in /tmp/newsread-prof)
// At the end, one table of issue 11's targets (whatever parts ran): measured, reference, ratio, target,
// met or not, and the load average when the part that measured it started and ended.
import {Buffer} from 'node:buffer';
import {spawn, spawnSync} from 'node:child_process';
import {cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync} from 'node:fs';
import os, {tmpdir} from 'node:os';
import path from 'node:path';
import {performance} from 'node:perf_hooks';
import process from 'node:process';
import {parseArgs} from 'node:util';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {childEnv, Session, sleep} from './pty-session.mjs';

const loadAverage = () => os.loadavg().map(value => value.toFixed(2)).join(', ');
const startLoad = loadAverage();

const root = fileURLToPath(new URL('../..', import.meta.url));
const newsreadBin = path.join(root, 'dist/newsread.js');

const {values: options} = parseArgs({
	options: {
		runs: {type: 'string', default: '9'},
		baseline: {type: 'string', multiple: true, default: []},
		presses: {type: 'string', default: '30'},
		profile: {type: 'boolean', default: false},
		only: {type: 'string'},
		shape: {type: 'string'},
		'shape-runs': {type: 'string', default: '3'},
		'feed-runs': {type: 'string', default: '3'},
		'list-runs': {type: 'string', default: '3'},
	},
});
const startRuns = Math.max(7, Number(options.runs));
const pagePresses = Math.max(10, Number(options.presses));
const warmupPresses = 3;
const longLines = 50_000;

const scratch = mkdtempSync(path.join(tmpdir(), 'newsread-bench-'));
process.on('exit', () => rmSync(scratch, {recursive: true, force: true}));

// ---------------------------------------------------------------------------------------------
// Helpers

function newHome() {
	return mkdtempSync(path.join(scratch, 'home-'));
}

function stats(values) {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	const median = sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	return {n: sorted.length, min: sorted[0], median, max: sorted.at(-1)};
}

// ---------------------------------------------------------------------------------------------
// The targets of issue 11: each part records what it measured here; the summary at the end lists every
// target, with "not run" for those whose part did not run.

/**
 * In the order of the summary. `part` is the `--only` value that measures it; `limit` is the target (a
 * ratio to `reference` when the target is relative, else an absolute limit in `unit`); `goal` a further one.
 */
const targetList = [
	{key: 'startup', part: 'startup', what: 'first frame, sample corpus / bare node (pty, 80×24)', limit: 2.5, goal: 2, relative: true},
	{key: 'start10k', part: 'index', what: 'first frame, 10,000 articles (indexed) / sample corpus', limit: 1.2, relative: true},
	{key: 'start50k', part: 'index', what: 'first frame, 50,000 articles (indexed) / sample corpus', limit: 1.5, relative: true},
	{key: 'rss50k', part: 'index', what: 'peak RSS, 50,000 articles (sections screen, background check done)', limit: 150, unit: 'MB'},
	{key: 'listJson', part: 'index', what: '`list --json`, 10,000 articles (indexed) / bare node (`node -e`)', limit: 3, relative: true},
	{key: 'listKeyMedian', part: 'lists', what: 'j/k in the All list of 50,000 / minimal Ink 20-line list, median', limit: 1.2, relative: true},
	{key: 'listKeyP95', part: 'lists', what: 'j/k in the All list of 50,000 / minimal Ink 20-line list, p95', limit: 1.2, relative: true},
	{key: 'openArticle', part: 'lists', what: 'open an article from the 50,000 list (Enter → page 1), median', limit: 50, unit: 'ms'},
	{key: 'openLong', part: 'lists', what: 'open the 50,000-line article (Enter → first page), median', limit: 150, unit: 'ms'},
	{key: 'rss50kReading', part: 'search', what: 'peak RSS, 50,000 articles, after 5 s idle, a section listed, an article and its related articles open', limit: 150, unit: 'MB'},
	{key: 'search50k', part: 'search', what: 'search titles and bodies of 50,000 articles, to the first results', limit: 300, unit: 'ms'},
];
const targetResults = new Map();
/** The load average when each part started and ended (`runPart`). */
const partLoads = new Map();

/**
 * Records a target's measurement: `measured` (ms, MB, …), and for a relative target the `reference`
 * measured in the same run; the ratio and whether it is met follow from the target list.
 */
function recordTarget(key, {measured, reference, unit = 'ms'}) {
	if (!targetList.some(target => target.key === key)) {
		throw new Error(`no target ${key} in targetList`);
	}

	targetResults.set(key, {measured, reference, unit});
}

/** Runs one part of the bench (unless `--only` names another), noting the load average before and after. */
async function runPart(name, run) {
	if (options.only !== undefined && options.only !== name) {
		return;
	}

	const start = loadAverage();
	const started = performance.now();
	await run();
	partLoads.set(name, {start, end: loadAverage(), minutes: (performance.now() - started) / 60_000});
}

function printTargets() {
	const value = (amount, unit) => (unit === 'MB' ? `${amount.toFixed(0)} MB` : (unit === 'ms' ? ms(amount) : `${amount} ${unit}`));
	console.log('\nTargets of issue 11 (each against its reference measured in the same run; medians unless said)\n');
	console.log('| Target | Measured | Reference | Ratio | Target | Met | Load at start / end of its part |');
	console.log('|---|---:|---:|---:|---|---|---|');
	for (const target of targetList) {
		const result = targetResults.get(target.key);
		const limit = target.relative ? `≤ ${target.limit}×${target.goal ? ` (goal ≤ ${target.goal}×)` : ''}` : `≤ ${target.limit} ${target.unit}`;
		if (!result) {
			const why = knownParts.includes(target.part)
				? (partLoads.has(target.part) ? 'not measured (its part recorded nothing)' : `not run (\`--only ${options.only}\`)`)
				: `not run (no \`${target.part}\` part in this bench)`;
			console.log(`| ${target.what} | | | | ${limit} | ${why} | |`);
			continue;
		}

		const ratio = target.relative ? result.measured / result.reference : result.measured / target.limit;
		const met = target.relative ? ratio <= target.limit : result.measured <= target.limit;
		const goal = target.goal === undefined ? '' : `; goal: ${ratio <= target.goal ? 'met' : 'not met'}`;
		const loads = partLoads.get(target.part);
		console.log(`| ${target.what} | ${value(result.measured, result.unit)} | ${target.relative ? value(result.reference, result.unit) : '(absolute)'} | ${ratio.toFixed(2)}×${target.relative ? '' : ' of the limit'} | ${limit} | ${met ? 'met' : 'not met'}${goal} | ${loads ? `${loads.start} / ${loads.end}` : ''} |`);
	}

	const parts = [...partLoads].map(([name, {minutes}]) => `${name} ${minutes.toFixed(1)} min`).join(', ');
	console.log(`\nParts run: ${parts || 'none'}. Load average: 1, 5 and 15 minutes (${os.cpus().length} cores).`);
}

// ---------------------------------------------------------------------------------------------
// (a) Start-up

/** Ink's least: one line of text, and waiting for a key as the reader does. */
const minimalInkApp = `import {render, Text, useApp, useInput} from 'ink';

function Ready() {
	const {exit} = useApp();
	useInput(() => exit());
	return <Text>ready</Text>;
}

render(<Ready />);
`;

/** A pager reduced to what Ink must do for a page turn: a full screen of text and a status line, redrawn on Space. */
const referenceInkPager = () => `import {Box, render, Text, useApp, useInput} from 'ink';
import {useState} from 'react';

const words = ['the', 'council', 'said', 'residents', 'would', 'meeting', 'morning', 'village', 'plans', 'water', 'road', 'and', 'of', 'in', 'to', 'a', 'was', 'for', 'harbour', 'station'];
function textLine(index) {
	let text = '';
	for (let word = index; text.length < 70; word += 7) {
		text += words[word % words.length] + ' ';
	}

	return text.trimEnd();
}

function Pager() {
	const {exit} = useApp();
	const [page, setPage] = useState(1);
	useInput(input => {
		if (input === ' ') {
			setPage(current => current + 1);
		} else if (input === 'Q') {
			exit();
		}
	});
	const rows = process.stdout.rows - 3;
	return (
		<Box flexDirection="column" height={process.stdout.rows - 1}>
			<Text bold>Reference › a page of plain text</Text>
			<Box flexDirection="column" height={rows}>
				{Array.from({length: rows}, (_, index) => <Text key={index}>{textLine((page * rows) + index)}</Text>)}
			</Box>
			<Text bold>page {page}/999</Text>
		</Box>
	);
}

render(<Pager />);
`;

/** Bundles `entry` with source/build.mjs, exactly as newsread is bundled. */
function mirrorBuild(entry, outfile, extraArgs = []) {
	const result = spawnSync(process.execPath, [path.join(root, 'source/build.mjs'), '--entry', entry, '--outfile', outfile, ...extraArgs], {encoding: 'utf8'});
	if (result.status !== 0) {
		throw new Error(`Bundling ${entry} failed:\n${result.stderr}`);
	}
}

/** Bundles `source` (JSX) exactly as newsread is bundled; returns the bundle. */
function buildLikeNewsread(name, source) {
	const folder = path.join(scratch, name);
	mkdirSync(folder, {recursive: true});
	const entry = path.join(folder, 'app.jsx');
	const outfile = path.join(folder, 'app.js');
	writeFileSync(entry, source);
	mirrorBuild(entry, outfile);
	return outfile;
}

/**
 * newsread bundled as usual but with whitespace kept, for profiles: esbuild then marks where each
 * module starts (`// node_modules/ink/build/output.js`), so self time can be summed per package.
 */
function buildProfilingBundle() {
	const folder = path.join(scratch, 'profiling');
	mkdirSync(path.join(folder, 'dist'), {recursive: true});
	// The bundle finds the sample articles at ../articles.
	symlinkSync(path.join(root, 'articles'), path.join(folder, 'articles'));
	const outfile = path.join(folder, 'dist', 'newsread.js');
	mirrorBuild(path.join(root, 'source/cli.tsx'), outfile, ['--keep-whitespace']);
	return outfile;
}

/**
 * Milliseconds from spawning `args` in an 80×24 pty to `text` in its output, and the peak RSS (MB) a
 * moment after it (the work that follows the first frame included); then ends it.
 */
async function timeToText(args, text, quitKeys, home = newHome()) {
	const env = childEnv(home);
	const start = performance.now();
	const session = new Session(process.execPath, args, {env});
	const at = await session.waitForOutput(0, output => output.includes(text), JSON.stringify(text), 20_000);
	let peak = Number.NaN;
	if (session.exitCode === undefined) {
		await sleep(150);
		try {
			peak = memoryOf(session.pid).peak;
		} catch {
			// Gone already.
		}
	}

	if (quitKeys && session.exitCode === undefined) {
		await session.press(quitKeys);
		await session.waitForExit(5000);
	} else {
		await session.waitForExit(0);
	}

	return {time: at - start, peak};
}

/** Bare node: prints one line and waits for a key, as the reader does. */
const bareNodeScript = "console.log('ready'); process.stdin.setRawMode(true); process.stdin.once('data', () => process.exit(0));";

async function benchStartup() {
	const inkApp = buildLikeNewsread('ink-app', minimalInkApp);
	// Each program starts in its own NEWSREAD_HOME, kept from run to run: the warm-up run leaves what a
	// first start leaves (the reading-state file, the code cache), as on a reader's machine from the
	// second start on.
	const programs = [
		{name: 'newsread (sections screen)', args: [newsreadBin], text: 'World', quit: 'Q', home: newHome()},
		// A first start: no code cache yet (it is written as this run quits), no reading-state file.
		{name: 'newsread, first start in a new NEWSREAD_HOME', args: [newsreadBin], text: 'World', quit: 'Q', fresh: true},
		...options.baseline.map(folder => ({name: `baseline newsread (${folder})`, args: [path.resolve(folder, 'dist/newsread.js')], text: 'World', quit: 'Q', home: newHome(), baseline: true})),
		{name: 'minimal Ink app (`ready`, waits for a key)', args: [inkApp], text: 'ready', quit: 'q', home: newHome(), ink: true},
		{name: 'bare node (prints `ready`, waits for a key)', args: ['-e', bareNodeScript], text: 'ready', quit: 'q', home: newHome(), bare: true},
	];
	const times = programs.map(() => []);
	const peaks = programs.map(() => []);
	for (let run = 0; run <= startRuns; run++) {
		// Interleaved, so that a slow moment of the machine hits every program alike. Run 0 warms up.
		for (const [index, program] of programs.entries()) {
			const {time, peak} = await timeToText(program.args, program.text, program.quit, program.fresh ? newHome() : program.home);
			if (run > 0) {
				times[index].push(time);
				peaks[index].push(peak);
			}
		}

		process.stderr.write(`start-up run ${run}/${startRuns}\r`);
	}

	process.stderr.write('\n');
	return programs.map((program, index) => ({...program, ...stats(times[index]), peak: stats(peaks[index].filter(Number.isFinite))}));
}

// ---------------------------------------------------------------------------------------------
// (g) Large libraries over the article index

/** generateLibrary from test/generate-library.ts, bundled so plain node can run it. */
async function loadLibraryGenerator() {
	const outfile = path.join(scratch, 'generate-many.mjs');
	mirrorBuild(path.join(root, 'test/generate-library.ts'), outfile);
	const {generateLibrary} = await import(pathToFileURL(outfile).href);
	return generateLibrary;
}

/** Milliseconds from spawning newsread (`bin`, in `home`, with `args`) in an 80×24 pty to `text`; then Q. */
async function timeReaderStart(home, args, text = 'World', bin = newsreadBin) {
	const start = performance.now();
	const session = new Session(process.execPath, [bin, ...args], {env: childEnv(home)});
	try {
		const at = await session.waitForOutput(0, output => output.includes(text), JSON.stringify(text), 120_000);
		await session.press('Q', 50);
		await session.waitForExit(30_000);
		return at - start;
	} catch (error) {
		session.process.kill('SIGKILL');
		throw error;
	}
}

/** Peak RSS of the reader with `args` once it has been idle (its background check done) for a while, then after opening All. */
async function readerMemory(home, args) {
	const session = new Session(process.execPath, [newsreadBin, ...args], {env: childEnv(home)});
	try {
		await session.waitForOutput(0, output => output.includes('World'), 'the sections screen', 120_000);
		// The check after the first frame stats every file; it is done when the process goes quiet.
		let last = -1;
		for (let cpu = cpuTime(session.pid); cpu !== last; cpu = cpuTime(session.pid)) {
			last = cpu;
			await sleep(1000);
		}

		const started = memoryOf(session.pid);
		// All: the one list of every article (second to last on the sections screen, before Saved).
		await session.press('G', 50);
		await session.press('k', 50);
		const from = session.output.length;
		await session.press('\r', 50);
		await session.waitForOutput(from, output => output.includes('All articles'), 'the All list', 60_000);
		const all = memoryOf(session.pid);
		await session.press('Q', 50);
		await session.waitForExit(30_000);
		return {started, all};
	} catch (error) {
		session.process.kill('SIGKILL');
		throw error;
	}
}

/** CPU time (user + system clock ticks) of a process, from /proc. */
function cpuTime(pid) {
	const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
	return Number(fields[11]) + Number(fields[12]);
}

function timeSpawn(args, env) {
	const start = performance.now();
	const result = spawnSync(process.execPath, args, {env, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024});
	const time = performance.now() - start;
	if (result.status !== 0) {
		throw new Error(`node ${args.join(' ')} failed: ${result.stderr}`);
	}

	return time;
}

async function benchIndexRows(rows, notes) {
	const generateLibrary = await loadLibraryGenerator();
	const sizes = [10_000, 50_000];
	const libraries = new Map();
	for (const size of sizes) {
		const folder = path.join(scratch, `library-${size}`);
		const start = performance.now();
		generateLibrary(folder, size);
		process.stderr.write(`generated ${size} articles in ${ms(performance.now() - start)}\n`);
		libraries.set(size, folder);
	}

	// The first start of each: no index yet, so it is built before the first frame.
	const firstStarts = new Map();
	for (const size of sizes) {
		const home = newHome();
		firstStarts.set(size, {home, time: await timeReaderStart(home, ['--articles', libraries.get(size)])});
	}

	const programs = [
		{name: 'sample corpus', home: newHome(), args: []},
		...sizes.map(size => ({name: `${size.toLocaleString('en')} articles`, home: firstStarts.get(size).home, args: ['--articles', libraries.get(size)]})),
	];
	// Untimed: the sample corpus's index is made, and the large libraries' background checks have run once.
	for (const program of programs) {
		await timeReaderStart(program.home, program.args);
	}

	const times = programs.map(() => []);
	for (let run = 1; run <= startRuns; run++) {
		for (const [index, program] of programs.entries()) {
			times[index].push(await timeReaderStart(program.home, program.args));
		}

		process.stderr.write(`index start-up run ${run}/${startRuns}\r`);
	}

	process.stderr.write('\n');
	const results = programs.map((program, index) => ({...program, ...stats(times[index])}));
	for (const result of results) {
		rows.push([`first frame, indexed: ${result.name}`, result.n, ms(result.min), ms(result.median), ms(result.max), '']);
	}

	const sample = results[0].median;
	for (const [position, size] of sizes.entries()) {
		recordTarget(size === 10_000 ? 'start10k' : 'start50k', {measured: results[position + 1].median, reference: sample});
		const ratio = results[position + 1].median / sample;
		const target = size === 10_000 ? 1.2 : 1.5;
		rows.push([`first frame ratio ${size.toLocaleString('en')} / sample corpus (medians)`, '', '', `${ratio.toFixed(2)}×`, '', `≤ ${target}×: ${ratio <= target ? 'met' : 'MISSED'}`]);
	}

	for (const size of sizes) {
		const {time} = firstStarts.get(size);
		rows.push([`first start, no index yet (indexed before the first frame): ${size.toLocaleString('en')} articles`, 1, '', ms(time), '', `${(time / sample).toFixed(1)}× the sample corpus`]);
	}

	const memory = await readerMemory(firstStarts.get(50_000).home, ['--articles', libraries.get(50_000)]);
	const peak = memory.started.peak;
	recordTarget('rss50k', {measured: peak, unit: 'MB'});
	rows.push(['peak RSS, 50,000 articles, sections screen after the background check', '', '', `${peak.toFixed(0)} MB`, '', `≤ 150 MB: ${peak <= 150 ? 'met' : 'MISSED'}`]);
	rows.push(['peak RSS, 50,000 articles, after opening All (every headline listed)', '', '', `${memory.all.peak.toFixed(0)} MB`, '', '']);

	// list --json at 10,000 (the index up to date; the command still stats every file) against bare node.
	const listArgs = [newsreadBin, '--articles', libraries.get(10_000), 'list', '--json'];
	const listEnv = childEnv(firstStarts.get(10_000).home);
	const bareArgs = ['-e', "console.log('ready')"];
	timeSpawn(listArgs, listEnv);
	// What stands in the way: node reading the folders and stating every file, the least a check that sees every edit does.
	const statArgs = ['-e', `const fs = require('node:fs'); const walk = folder => { for (const entry of fs.readdirSync(folder, {withFileTypes: true})) { const file = folder + '/' + entry.name; if (entry.isDirectory()) walk(file); else fs.statSync(file); } }; walk(${JSON.stringify(libraries.get(10_000))}); console.log('ready');`];
	const listTimes = [];
	const bareTimes = [];
	const statTimes = [];
	// `--baseline DIR`: that build's `list --json` in the same runs, with an index of its own made untimed.
	const baselineLists = options.baseline.map(folder => ({folder, args: [path.resolve(folder, 'dist/newsread.js'), ...listArgs.slice(1)], env: childEnv(newHome()), times: []}));
	for (const baseline of baselineLists) {
		timeSpawn(baseline.args, baseline.env);
	}

	for (let run = 1; run <= startRuns; run++) {
		listTimes.push(timeSpawn(listArgs, listEnv));
		bareTimes.push(timeSpawn(bareArgs, listEnv));
		statTimes.push(timeSpawn(statArgs, listEnv));
		for (const baseline of baselineLists) {
			baseline.times.push(timeSpawn(baseline.args, baseline.env));
		}
	}

	const list = stats(listTimes);
	const bare = stats(bareTimes);
	rows.push(['`list --json`, 10,000 articles (indexed)', list.n, ms(list.min), ms(list.median), ms(list.max), '']);
	rows.push(['bare node (`node -e`)', bare.n, ms(bare.min), ms(bare.median), ms(bare.max), '']);
	const statOnly = stats(statTimes);
	rows.push(['node reading the 10,000 articles\' folders and stating every file, nothing else (the least a check does)', statOnly.n, ms(statOnly.min), ms(statOnly.median), ms(statOnly.max), `${(statOnly.median / bare.median).toFixed(2)}× bare node`]);
	for (const baseline of baselineLists) {
		const result = stats(baseline.times);
		rows.push([`\`list --json\`, 10,000 articles (indexed), baseline (${baseline.folder})`, result.n, ms(result.min), ms(result.median), ms(result.max), `${(result.median / bare.median).toFixed(2)}× bare node`]);
	}

	const listRatio = list.median / bare.median;
	recordTarget('listJson', {measured: list.median, reference: bare.median});
	rows.push(['`list --json` 10,000 / bare node (medians)', '', '', `${listRatio.toFixed(2)}×`, '', `≤ 3×: ${listRatio <= 3 ? 'met' : 'MISSED'}`]);
	notes.push(`Index: libraries from test/generate-library.ts under ${scratch}; each size has its own NEWSREAD_HOME whose index was made by the untimed first start; the sample corpus's home too. ${startRuns} timed starts each, interleaved, to the sections screen ('World') in an 80×24 pty, then Q. Peak RSS from /proc (VmHWM) once the reader's CPU time stopped growing for a second. Load at the end: ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}.`);
}

// ---------------------------------------------------------------------------------------------
// (h) Search and related articles over the article index

/** The queries timed at 50,000 generated articles: a common word, a rarer one, two words, a word only in bodies (headings). */
const searchQueries = ['council', 'observatory', 'harbour winter', 'background'];

/**
 * Milliseconds from Enter on `/` + `query` (typed while the sections screen shows) to the first
 * result row of the search list; then Esc back to the sections screen.
 */
async function timeSearch(session, query) {
	await session.press('/');
	await session.waitForScreen(screen => screen.includes('Search:'), 'the search prompt');
	await session.press(query);
	await session.waitForScreen(screen => screen.includes(`Search: ${query}`), 'the typed query');
	await session.press('\r');
	const start = session.lastWrite;
	// The list's header names the search, and a headline row follows it.
	const at = await session.waitForScreen(screen => {
		const lines = screen.split('\n');
		return lines[0].includes(`Search: ${query}`) && lines.slice(1, -2).some(line => line.trim().length > 10);
	}, `the results of "${query}"`, 60_000);
	await session.press('\u001B');
	await session.waitForScreen(screen => !screen.split('\n')[0].includes('Search:'), 'the sections screen again');
	return at - start;
}

async function benchSearchRows(rows, notes) {
	const generateLibrary = await loadLibraryGenerator();
	const folder = path.join(scratch, 'library-search-50000');
	const generated = performance.now();
	generateLibrary(folder, 50_000);
	process.stderr.write(`generated 50,000 articles in ${ms(performance.now() - generated)}\n`);
	const args = ['--articles', folder];
	// `--baseline DIR`: that build in the same runs, interleaved, with a home and an index of its own.
	const programs = [
		{name: '', bin: newsreadBin, home: newHome()},
		...options.baseline.map(dir => ({name: `, baseline (${dir})`, bin: path.resolve(dir, 'dist/newsread.js'), home: newHome()})),
	];
	// Untimed: the index is made.
	for (const program of programs) {
		await timeReaderStart(program.home, args, 'World', program.bin);
	}

	const runs = Math.max(3, Number(options['list-runs']));
	for (const program of programs) {
		program.times = new Map(searchQueries.map(query => [query, []]));
		program.peaks = {idle: [], listed: [], opened: []};
	}

	for (let run = 1; run <= runs; run++) {
		for (const program of programs) {
			const session = new Session(process.execPath, [program.bin, ...args], {env: childEnv(program.home)});
			try {
				await session.waitForScreen(screen => screen.includes('World'), 'the sections screen', 120_000);
				for (const query of searchQueries) {
					program.times.get(query).push(await timeSearch(session, query));
				}

				await session.press('Q', 50);
				await session.waitForExit(30_000);
			} catch (error) {
				session.process.kill('SIGKILL');
				throw error;
			}
		}

		process.stderr.write(`search run ${run}/${runs}\r`);
	}

	process.stderr.write('\n');
	for (const program of programs) {
		const all = [];
		for (const query of searchQueries) {
			const result = stats(program.times.get(query));
			all.push(result.median);
			rows.push([`search "${query}", 50,000 articles: Enter to the first result row${program.name}`, result.n, ms(result.min), ms(result.median), ms(result.max), '']);
		}

		const median = stats(all).median;
		rows.push([`search, 50,000 articles: median of the queries' medians${program.name}`, '', '', ms(median), '', program.name ? '' : `≤ 300 ms: ${median <= 300 ? 'met' : 'MISSED'}`]);
		if (!program.name) {
			recordTarget('search50k', {measured: median});
		}
	}

	// Memory: start, 5 s idle, open the first article of the first section, and go to its end (the related
	// articles); in a copy of the home each time (the article not read yet), `runs` times: the peak moves
	// by tens of MB from one run to the next on a busy machine, so the median.
	for (let run = 1; run <= runs; run++) {
		for (const program of programs) {
			const {peaks} = program;
			const copy = newHome();
			cpSync(program.home, copy, {recursive: true});
			rmSync(path.join(copy, 'config.json'), {force: true});
			const session = new Session(process.execPath, [program.bin, ...args], {env: childEnv(copy)});
			try {
				await session.waitForScreen(screen => screen.includes('World'), 'the sections screen', 120_000);
				await sleep(5000);
				peaks.idle.push(memoryOf(session.pid).peak);
				await session.press('\r');
				await session.waitForScreen(screen => /\d{4}|ago/.test(screen.split('\n').slice(1).join('\n')), 'a headline list', 60_000);
				await session.waitForQuiet(500);
				peaks.listed.push(memoryOf(session.pid).peak);
				await session.press('\r');
				await session.waitForScreen(screen => /page 1\//.test(screen), 'the article', 60_000);
				await session.press('G');
				await session.waitForScreen(screen => screen.includes('Related articles'), 'the related articles', 60_000);
				await session.waitForQuiet(500);
				peaks.opened.push(memoryOf(session.pid).peak);
				await session.press('Q', 50);
				await session.waitForExit(30_000);
			} catch (error) {
				session.process.kill('SIGKILL');
				throw error;
			}
		}

		process.stderr.write(`reading-session memory run ${run}/${runs}\r`);
	}

	process.stderr.write('\n');
	const memoryRow = (what, values, target = '') => {
		const result = stats(values);
		rows.push([what, result.n, `${result.min.toFixed(0)} MB`, `${result.median.toFixed(0)} MB`, `${result.max.toFixed(0)} MB`, target]);
		return result.median;
	};

	for (const {name, peaks} of programs) {
		memoryRow(`peak RSS, 50,000 articles: start, 5 s idle${name}`, peaks.idle);
		memoryRow(`peak RSS, 50,000 articles: then the first section's headlines listed${name}`, peaks.listed);
		const opened = stats(peaks.opened).median;
		memoryRow(`peak RSS, 50,000 articles: then an article opened and its related articles shown${name}`, peaks.opened, name ? '' : `≤ 150 MB: ${opened <= 150 ? 'met' : 'MISSED'}`);
		if (!name) {
			recordTarget('rss50kReading', {measured: opened, unit: 'MB'});
		}
	}

	notes.push(`Search: 50,000 articles from test/generate-library.ts, its index made by an untimed start; ${runs} sessions, each typing / and a query, Enter, timed to the first result row on screen, then Esc (queries in turn: ${searchQueries.map(query => `"${query}"`).join(', ')}). Peak RSS from /proc (VmHWM). ${programs.length > 1 ? 'Each baseline build interleaved with newsread, run by run, with a home and an index of its own. ' : ''}Load: ${loadAverage()}.`);
}

// ---------------------------------------------------------------------------------------------
// (b) Page turns, (c) memory

/** generateLongArticle from test/generate-library.ts, bundled by source/build.mjs so plain node can run it. */
async function loadLongArticleGenerator() {
	const outfile = path.join(scratch, 'generate-library.mjs');
	mirrorBuild(path.join(root, 'test/generate-library.ts'), outfile);
	const {generateLongArticle} = await import(pathToFileURL(outfile).href);
	return generateLongArticle;
}

function runNewsread(args) {
	const result = spawnSync(process.execPath, [newsreadBin, ...args], {encoding: 'utf8', env: childEnv(newHome()), maxBuffer: 64 * 1024 * 1024});
	if (result.status !== 0) {
		throw new Error(`newsread ${args.join(' ')} failed: ${result.stderr}`);
	}

	return result.stdout;
}

/** The sample article whose `newsread read` text is longest. */
function longestSampleArticle() {
	const articles = JSON.parse(runNewsread(['list', '--json']));
	let longest;
	for (const article of articles) {
		const length = runNewsread(['read', article.id, '--width', '80']).length;
		if (!longest || length > longest.length) {
			longest = {...article, length};
		}
	}

	return longest;
}

const pageOf = screen => {
	const match = /page (\d+)\/(\d+)/.exec(screen);
	return match ? {page: Number(match[1]), pages: Number(match[2])} : undefined;
};

/**
 * Opens an article through the search: the first words of its title as the query (every word in
 * the title ranks it first). Returns the milliseconds from Enter on the result to page 1.
 */
async function openBySearch(session, title) {
	const query = title.split(/\s+/).filter(word => word.length >= 4).slice(0, 4).join(' ');
	await session.waitForScreen(screen => screen.includes('Science'), 'the sections screen', 60_000);
	await session.press('/');
	await session.waitForScreen(screen => screen.includes('Search:'), 'the search prompt');
	await session.press(query);
	await session.waitForScreen(screen => screen.includes(`Search: ${query}`), 'the typed query');
	await session.press('\r');
	await session.waitForScreen(screen => screen.split('\n')[0].includes(`Search: ${query}`), 'the search results', 60_000);
	await session.press('\r');
	const start = performance.now();
	await session.waitForScreen(screen => pageOf(screen)?.page === 1, 'page 1 of the article', 120_000);
	const openTime = performance.now() - start;
	const header = session.screen().split('\n')[0];
	if (!header.includes(title.slice(0, 20))) {
		throw new Error(`The search for "${query}" opened another article: ${header}`);
	}

	return openTime;
}

/** Space presses timed to the next `page N/` on the status line; `g` (untimed) returns to the top at the end. */
async function timePageTurns(session, presses) {
	let {page, pages} = pageOf(session.screen());
	const times = [];
	for (let press = 0; press < warmupPresses + presses; press++) {
		if (page >= pages) {
			await session.press('g', 50);
			await session.waitForScreen(screen => pageOf(screen)?.page === 1, 'page 1 after g');
			page = 1;
		}

		await session.waitForQuiet(50);
		const expected = `page ${page + 1}/${pages}`;
		const from = session.output.length;
		const start = performance.now();
		session.write(' ');
		const at = await session.waitForOutput(from, output => output.includes(expected), expected, 60_000);
		if (press >= warmupPresses) {
			times.push(at - start);
		}

		page++;
	}

	return {...stats(times), pages};
}

/** Peak and current resident set size of a process, in MB, from /proc. */
function memoryOf(pid) {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	const field = name => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN) / 1024;
	return {peak: field('VmHWM'), current: field('VmRSS')};
}

async function benchPageTurns(label, args, title, {bin = newsreadBin, nodeArgs = [], presses = pagePresses} = {}) {
	const session = new Session(process.execPath, [...nodeArgs, bin, ...args], {env: childEnv(newHome())});
	try {
		const openTime = await openBySearch(session, title);
		const turns = await timePageTurns(session, presses);
		const memory = memoryOf(session.pid);
		await session.press('Q', 50);
		const code = await session.waitForExit(30_000);
		return {label, openTime, turns, memory, code};
	} catch (error) {
		session.process.kill('SIGKILL');
		throw error;
	}
}

/** Page turns in a minimal Ink pager (a screen of plain text and a status line), for comparison. */
async function benchReferencePager() {
	const app = buildLikeNewsread('ink-pager', referenceInkPager());
	const session = new Session(process.execPath, [app], {env: childEnv(newHome())});
	await session.waitForScreen(screen => pageOf(screen)?.page === 1, 'the reference pager');
	const turns = await timePageTurns(session, pagePresses);
	await session.press('Q', 50);
	const code = await session.waitForExit(5000);
	return {label: 'minimal Ink pager (plain text, same bundling)', turns, code};
}

// ---------------------------------------------------------------------------------------------
// CPU profile (--profile)

/** Where each module starts in a bundle built with whitespace: [line (0-based), module path]. */
function moduleStarts(bundle) {
	const starts = [];
	for (const [index, line] of readFileSync(bundle, 'utf8').split('\n').entries()) {
		const match = /^\/\/ ((?:node_modules|source)\/\S+)$/.exec(line);
		if (match) {
			starts.push([index, match[1]]);
		}
	}

	return starts;
}

/** `node_modules/@scope/name/x.js` -> `@scope/name`; `source/ui/App.tsx` stays. */
function packageOf(module) {
	const parts = module.split('/');
	if (parts[0] === 'source' || !module.includes('node_modules/')) {
		return module;
	}

	const index = parts.lastIndexOf('node_modules');
	return parts[index + 1].startsWith('@') ? `${parts[index + 1]}/${parts[index + 2]}` : parts[index + 1];
}

/** Self time by function and by module of the bundle in a .cpuprofile; idle time left out of the shares. */
function selfTime(profileFile, bundle) {
	const profile = JSON.parse(readFileSync(profileFile, 'utf8'));
	const starts = moduleStarts(bundle);
	const moduleAt = line => {
		let low = 0;
		let high = starts.length - 1;
		let found;
		while (low <= high) {
			const middle = (low + high) >> 1;
			if (starts[middle][0] <= line) {
				found = starts[middle][1];
				low = middle + 1;
			} else {
				high = middle - 1;
			}
		}

		return found;
	};

	const byId = new Map(profile.nodes.map(node => [node.id, node]));
	const byFunction = new Map();
	const byPackage = new Map();
	let idle = 0;
	let busy = 0;
	for (const [index, id] of profile.samples.entries()) {
		const micros = profile.timeDeltas[index] ?? 0;
		const {callFrame} = byId.get(id);
		if (callFrame.functionName === '(idle)') {
			idle += micros;
			continue;
		}

		busy += micros;
		const inBundle = callFrame.url === pathToFileURL(bundle).href;
		// Code above the first module comment is esbuild's runtime (__esm, __toESM, …) and the banner.
		const module = inBundle ? (moduleAt(callFrame.lineNumber) ?? 'bundle prelude (esbuild runtime)') : undefined;
		const where = module ?? (callFrame.url.startsWith('wasm://') ? 'wasm (yoga-layout)' : (callFrame.url ? path.basename(callFrame.url) : ''));
		const name = `${callFrame.functionName || '(anonymous)'}${where ? ` (${where})` : ''}`;
		byFunction.set(name, (byFunction.get(name) ?? 0) + micros);
		const owner = module ? packageOf(module) : (callFrame.url.startsWith('node:') || !callFrame.url ? 'node internals, GC, compiling' : where);
		byPackage.set(owner, (byPackage.get(owner) ?? 0) + micros);
	}

	const top = (map, count) => [...map].sort((a, b) => b[1] - a[1]).slice(0, count).map(([name, value]) => ({name, ms: value / 1000, share: value / busy}));
	return {busy: busy / 1000, idle: idle / 1000, functions: top(byFunction, 15), packages: top(byPackage, 12)};
}

// ---------------------------------------------------------------------------------------------
// Main

const ms = value => `${value.toFixed(1)} ms`;
const mb = value => (value === undefined ? '' : `${value.toFixed(0)} MB`);
const longTitle = `A very long article of about ${longLines} lines`;

/** A folder for `--articles` holding the generated 50,000-line article (written once). */
let longFolder;
async function longArticles() {
	if (!longFolder) {
		longFolder = path.join(scratch, 'long-articles');
		const generateLongArticle = await loadLongArticleGenerator();
		generateLongArticle(path.join(longFolder, 'long-reads', 'very-long.md'), longLines);
	}

	return longFolder;
}

/** The start-up target: newsread's first frame at most this many times bare node's (issue 11); beyond it, no slower than a minimal Ink app. */
const startupTarget = 2.5;
const startupGoal = 2;

async function benchStartupRows(rows, notes) {
	const startup = await benchStartup();
	const newsread = startup[0];

	const ink = startup.find(result => result.ink);
	const bare = startup.find(result => result.bare);
	for (const result of startup) {
		rows.push([`start-up to first frame: ${result.name}`, result.n, ms(result.min), ms(result.median), ms(result.max), '']);
	}

	for (const result of startup) {
		rows.push([`peak RSS after the first frame: ${result.name}`, result.peak.n, mb(result.peak.min), mb(result.peak.median), mb(result.peak.max), '']);
	}

	const ratio = newsread.median / bare.median;
	recordTarget('startup', {measured: newsread.median, reference: bare.median});
	const met = limit => (ratio <= limit ? 'met' : 'not met');
	rows.push(['start-up ratio newsread / bare node (medians)', '', '', `${ratio.toFixed(2)}×`, '', `≤ ${startupTarget}×: ${met(startupTarget)}; goal beyond ≤ ${startupGoal}×: ${met(startupGoal)}`]);
	rows.push(['start-up ratio newsread / minimal Ink app (medians)', '', '', `${(newsread.median / ink.median).toFixed(2)}×`, '', '']);
	rows.push(['start-up ratio minimal Ink app / bare node (medians)', '', '', `${(ink.median / bare.median).toFixed(2)}×`, '', '']);
	for (const baseline of startup.filter(result => result.baseline)) {
		rows.push([`start-up ratio ${baseline.name} / bare node (medians)`, '', '', `${(baseline.median / bare.median).toFixed(2)}×`, '', '']);
		rows.push([`start-up ratio newsread / ${baseline.name} (medians)`, '', '', `${(newsread.median / baseline.median).toFixed(2)}×`, '', '']);
	}

	notes.push(`Start-up: load average before ${startLoad}, after ${loadAverage()} (${os.cpus().length} cores).`);
}

async function benchArticleRows(rows, notes) {
	const sample = longestSampleArticle();
	process.stderr.write(`longest sample article: ${sample.id}\n`);
	const small = await benchPageTurns(sample.id, [], sample.title);
	const long = await benchPageTurns('generated 50,000-line article', ['--articles', await longArticles()], longTitle);
	const reference = await benchReferencePager();
	for (const result of [small, long, reference]) {
		const {turns} = result;
		rows.push([
			`page turn (Space → next \`page N/\`): ${result.label}, ${turns.pages} pages at 80×24`,
			turns.n,
			ms(turns.min),
			ms(turns.median),
			ms(turns.max),
			result === reference ? 'reference: the floor for Ink' : `median ≤ 16 ms: ${turns.median <= 16 ? 'met' : 'MISSED'}`,
		]);
	}

	for (const result of [small, long]) {
		rows.push([`open the article (Enter on the search result → page 1): ${result.label}`, 1, '', ms(result.openTime), '', '']);
	}

	rows.push(['peak RSS of newsread (VmHWM), 50,000-line run', 1, '', `${long.memory.peak.toFixed(1)} MB`, '', `RSS when quitting: ${long.memory.current.toFixed(1)} MB`]);
	rows.push([`peak RSS of newsread (VmHWM), ${sample.id} run`, 1, '', `${small.memory.peak.toFixed(1)} MB`, '', '']);
	for (const result of [small, long]) {
		if (result.code !== 0) {
			notes.push(`newsread exited with ${result.code} after Q in the ${result.label} run (expected 0).`);
		}
	}
}

// ---------------------------------------------------------------------------------------------
// (d) Awkward shapes

const shapeBudgetMs = 1000;
const shapeRuns = Math.max(1, Number(options['shape-runs']));

async function benchShapeRows(rows) {
	const outfile = path.join(scratch, 'shape-timer.mjs');
	mirrorBuild(path.join(root, 'test/bench/shape-timer.ts'), outfile);
	const {articleShapes, writeArticleShapes} = await import(pathToFileURL(outfile).href);
	const folder = path.join(scratch, 'shapes');
	// The names from tiny shapes; each shape is made at full size only when its turn comes.
	const names = articleShapes(1000).map(shape => shape.name).filter(name => !options.shape || name === options.shape);
	for (const name of names) {
		const [shape] = articleShapes(undefined, [name]);
		const [id] = writeArticleShapes(folder, [shape]);
		const megabytes = (Buffer.byteLength(shape.body) / 1024 / 1024).toFixed(1);
		const description = shape.description;
		for (const width of [80, 200]) {
			// A process per shape and width, as the reader opens one article at a time: no other shape's garbage to collect.
			const child = spawnSync(process.execPath, [outfile, folder, id, String(width), String(shapeRuns)], {encoding: 'utf8', maxBuffer: 16 * 1024 * 1024});
			const results = child.status === 0 ? JSON.parse(child.stdout) : [{firstMs: Number.NaN, ms: Number.NaN, longestChunkMs: Number.NaN, lines: 0, error: `exit ${child.status ?? child.signal}: ${child.stderr.split('\n')[0]}`}];
			const result = results.at(-1);
			const what = `(${name}) ${description}, ${megabytes} MB, ${width} columns, ${result.lines} lines`;
			const first = stats(results.map(run => run.firstMs));
			const full = stats(results.map(run => run.ms));
			const chunk = stats(results.map(run => run.longestChunkMs));
			const failed = result.error ? `FAIL: ${result.error.split('\n')[0].slice(0, 60)}` : undefined;
			rows.push([`open to the first page ${what}`, first.n, ms(first.min), ms(first.median), ms(first.max), failed ?? `≤ ${shapeBudgetMs} ms: ${first.median <= shapeBudgetMs ? 'pass' : 'FAIL'}`]);
			rows.push([`open + lay out all ${what}`, full.n, ms(full.min), ms(full.median), ms(full.max), failed ?? `≤ ${shapeBudgetMs} ms: ${full.median <= shapeBudgetMs ? 'pass' : 'over'}`]);
			rows.push([`longest chunk (a key waits at most this) ${what}`, chunk.n, ms(chunk.min), ms(chunk.median), ms(chunk.max), `≤ 100 ms: ${chunk.median <= 100 ? 'pass' : 'FAIL'}`]);
			process.stderr.write(`shape ${name} at ${width}: first page ${ms(first.median)}, all ${ms(full.median)}, longest chunk ${ms(chunk.median)}\n`);
		}

		rmSync(path.join(folder, 'shapes', `${name}.md`), {force: true});
	}
}

// ---------------------------------------------------------------------------------------------
// (e) Key latency while a 10 MB article is laid out

const keyBudgetMs = 100;

/** Writes `key` and resolves with the ms until the screen differs from what it was, or undefined. */
async function timeKey(session, key, changed) {
	await session.flush();
	const before = session.screen();
	const start = performance.now();
	session.write(key);
	await session.waitForScreen(screen => screen !== before && changed(screen), `the screen to change after ${JSON.stringify(key)}`, 60_000);
	return session.lastData - start;
}

async function benchKeyLatency(rows) {
	const outfile = path.join(scratch, 'shape-timer.mjs');
	mirrorBuild(path.join(root, 'test/bench/shape-timer.ts'), outfile);
	const {articleShapes, writeArticleShapes} = await import(pathToFileURL(outfile).href);
	const folder = path.join(scratch, 'key-latency');
	writeArticleShapes(folder, articleShapes(undefined, ['headings']));
	const js = [];
	const qs = [];
	let stillLayingOut = 0;
	const sessions = Math.max(3, Math.min(shapeRuns, 9));
	for (let run = 0; run < sessions; run++) {
		const session = new Session(process.execPath, [newsreadBin, '--articles', folder], {env: childEnv(newHome())});
		try {
			await session.waitForScreen(screen => screen.includes('Shapes'), 'the sections screen', 60_000);
			await session.press('/');
			await session.waitForScreen(screen => screen.includes('Search:'), 'the search prompt');
			await session.press('Shape headings');
			await session.waitForScreen(screen => screen.includes('Search: Shape headings'), 'the typed query');
			await session.press('\r');
			await session.waitForScreen(screen => screen.includes('Shapes ›') || screen.includes('Shape headings'), 'the search results', 60_000);
			await session.press('\r', 50);
			await session.waitForScreen(screen => /page 1\//.test(screen), 'page 1 of the article', 60_000);
			// j twice, then q, each as soon as the screen has changed after the key before.
			for (let press = 0; press < 2; press++) {
				js.push(await timeKey(session, 'j', () => true));
			}

			if (session.screen().includes('/…')) {
				stillLayingOut++;
			}

			qs.push(await timeKey(session, 'q', screen => !screen.includes('Heading 0') && !/page \d+\//.test(screen)));
			session.write('Q');
			await session.waitForExit(30_000);
		} finally {
			if (session.exitCode === undefined) {
				session.process.kill('SIGKILL');
			}
		}
	}

	const j = stats(js);
	const q = stats(qs);
	rows.push([`j to the next frame while a 10 MB article of many headings is laid out (${stillLayingOut} of ${sessions} runs still laying out after the keys)`, j.n, ms(j.min), ms(j.median), ms(j.max), `≤ ${keyBudgetMs} ms: ${j.max <= keyBudgetMs ? 'pass' : (j.median <= keyBudgetMs ? 'median pass, max over' : 'FAIL')}`]);
	rows.push(['q back to the list, the same', q.n, ms(q.min), ms(q.median), ms(q.max), `≤ ${keyBudgetMs} ms: ${q.max <= keyBudgetMs ? 'pass' : (q.median <= keyBudgetMs ? 'median pass, max over' : 'FAIL')}`]);
	process.stderr.write(`keys while laying out: j ${ms(j.median)} (max ${ms(j.max)}), q ${ms(q.median)} (max ${ms(q.max)})\n`);
}

// ---------------------------------------------------------------------------------------------
// (e') Big lists: keys in the All list of 50,000 articles, opening articles

const listArticles = 50_000;
const listRuns = Math.max(1, Number(options['list-runs']));
const listKeyPresses = 40;
const listOpens = 10;

/** A list reduced to what Ink must do for a cursor move: 20 rows, one highlighted, and a status line (j and k go round, so every key changes the screen). */
const referenceInkList = `import {Box, render, Text, useApp, useInput} from 'ink';
import {useState} from 'react';

const titles = Array.from({length: 20}, (_, index) => 'Headline number ' + (index + 1) + ' of the reference list');

function List() {
	const {exit} = useApp();
	const [cursor, setCursor] = useState(0);
	useInput(input => {
		if (input === 'j') {
			setCursor(current => (current + 1) % titles.length);
		} else if (input === 'k') {
			setCursor(current => (current + titles.length - 1) % titles.length);
		} else if (input === 'Q') {
			exit();
		}
	});
	return (
		<Box flexDirection="column" height={process.stdout.rows - 1}>
			<Text bold>Reference › a list</Text>
			<Box flexDirection="column" height={process.stdout.rows - 3}>
				{titles.map((title, index) => <Text key={title} inverse={index === cursor}>{(index === cursor ? '› ' : '  ') + title}</Text>)}
			</Box>
			<Text bold>{cursor + 1}/{titles.length}</Text>
		</Box>
	);
}

render(<List />);
`;

/** A folder for `--articles` holding a generated library of 50,000 articles (written once). */
let bigLibrary;
async function bigLibraryFolder() {
	if (!bigLibrary) {
		bigLibrary = path.join(scratch, 'library-50k');
		const outfile = path.join(scratch, 'generate-library.mjs');
		mirrorBuild(path.join(root, 'test/generate-library.ts'), outfile);
		const {generateLibrary} = await import(pathToFileURL(outfile).href);
		generateLibrary(bigLibrary, listArticles);
	}

	return bigLibrary;
}

/** j then k, `presses` of each, in a list whose status line shows `N/`; each timed to the frame after it. */
async function timeListKeys(session, presses, times) {
	for (const key of ['j', 'k']) {
		for (let press = 0; press < presses; press++) {
			await session.waitForQuiet(30);
			times.push(await timeKey(session, key, () => true));
		}
	}
}

/** Opens the All list of the 50,000-article library from the sections screen (All is just above Saved, the last). */
async function openAllList(session) {
	await session.waitForScreen(screen => screen.includes('Science'), 'the sections screen', 120_000);
	await session.press('G');
	await session.waitForScreen(screen => /^\S+ Saved/m.test(screen), 'the cursor on Saved');
	await session.press('k');
	await session.waitForQuiet(50);
	await session.press('\r');
	await session.waitForScreen(screen => screen.includes('All articles') && /^1\/5\d{4}\b/m.test(screen), 'the All list', 60_000);
}

/** Enter on the highlighted article, timed to its first page; then q back and j to the next article. */
async function timeOpens(session, opens, times) {
	for (let open = 0; open < opens; open++) {
		await session.waitForQuiet(50);
		times.push(await timeKey(session, '\r', screen => /page 1\//.test(screen)));
		await session.press('q', 50);
		await session.waitForScreen(screen => screen.includes('All articles'), 'the All list again', 60_000);
		await session.press('j', 50);
	}
}

async function benchListSession(bin, keys, opens) {
	const session = new Session(process.execPath, [bin, '--articles', await bigLibraryFolder()], {env: childEnv(newHome())});
	try {
		await openAllList(session);
		// Warm-up, untimed.
		await timeListKeys(session, 3, []);
		await timeListKeys(session, listKeyPresses, keys);
		await timeOpens(session, listOpens, opens);
		session.write('Q');
		await session.waitForExit(30_000);
	} finally {
		if (session.exitCode === undefined) {
			session.process.kill('SIGKILL');
		}
	}
}

async function benchReferenceList(keys) {
	const app = buildLikeNewsread('ink-list', referenceInkList);
	const session = new Session(process.execPath, [app], {env: childEnv(newHome())});
	try {
		await session.waitForScreen(screen => screen.includes('1/20'), 'the reference list');
		await timeListKeys(session, 3, []);
		await timeListKeys(session, listKeyPresses, keys);
		session.write('Q');
		await session.waitForExit(5000);
	} finally {
		if (session.exitCode === undefined) {
			session.process.kill('SIGKILL');
		}
	}
}

/**
 * Opens the 50,000-line article from the search results, timed from Enter to its first page (`page 1/…`
 * while the rest is laid out) and to the whole layout (`page 1/N`).
 */
async function benchLongOpen(bin, times, wholeTimes) {
	const session = new Session(process.execPath, [bin, '--articles', await longArticles()], {env: childEnv(newHome())});
	try {
		await session.waitForScreen(screen => screen.includes('Long Reads'), 'the sections screen', 60_000);
		await session.press('/');
		await session.waitForScreen(screen => screen.includes('Search:'), 'the search prompt');
		await session.press('very long article');
		await session.waitForScreen(screen => screen.includes('Search: very long article'), 'the typed query');
		await session.press('\r');
		await session.waitForScreen(screen => screen.split('\n')[0].includes('Search: very long article'), 'the search results', 60_000);
		await session.waitForQuiet(100);
		times.push(await timeKey(session, '\r', screen => /page 1\//.test(screen)));
		const start = session.lastWrite;
		await session.waitForScreen(screen => /page 1\/\d/.test(screen), 'the whole layout', 120_000);
		wholeTimes.push(session.lastData - start);
		session.write('Q');
		await session.waitForExit(30_000);
	} finally {
		if (session.exitCode === undefined) {
			session.process.kill('SIGKILL');
		}
	}
}

async function benchListRows(rows, notes) {
	const programs = [{label: 'newsread', bin: newsreadBin}];
	for (const folder of options.baseline) {
		programs.push({label: `baseline (${folder})`, bin: path.resolve(folder, 'dist/newsread.js')});
	}

	const referenceKeys = [];
	const results = programs.map(() => ({keys: [], opens: [], long: [], whole: []}));
	for (let run = 0; run < listRuns; run++) {
		// Interleaved, so that a slow moment of the machine hits every program alike.
		await benchReferenceList(referenceKeys);
		for (const [index, program] of programs.entries()) {
			await benchListSession(program.bin, results[index].keys, results[index].opens);
			await benchLongOpen(program.bin, results[index].long, results[index].whole);
		}

		process.stderr.write(`list run ${run + 1}/${listRuns}\n`);
	}

	const reference = stats(referenceKeys);
	const referenceP95 = p95(referenceKeys);
	rows.push(['j/k to the next frame: minimal Ink 20-line list (same bundling), median; max is p95', reference.n, ms(reference.min), ms(reference.median), ms(referenceP95), 'reference']);
	for (const [index, program] of programs.entries()) {
		const {keys, opens, long, whole} = results[index];
		const key = stats(keys);
		const keyP95 = p95(keys);
		const medianRatio = key.median / reference.median;
		const p95Ratio = keyP95 / referenceP95;
		const keysMet = medianRatio <= 1.2 && p95Ratio <= 1.2;
		const open = stats(opens);
		const longOpen = stats(long);
		if (index === 0) {
			recordTarget('listKeyMedian', {measured: key.median, reference: reference.median});
			recordTarget('listKeyP95', {measured: keyP95, reference: referenceP95});
			recordTarget('openArticle', {measured: open.median});
			recordTarget('openLong', {measured: longOpen.median});
		}

		rows.push([`j/k to the next frame in the All list of ${thousands(listArticles)} articles: ${program.label}; max is p95`, key.n, ms(key.min), ms(key.median), ms(keyP95), `median ${medianRatio.toFixed(2)}×, p95 ${p95Ratio.toFixed(2)}× the reference; ≤ 1.2×: ${keysMet ? 'met' : 'MISSED'}`]);
		rows.push([`open an article from that list (Enter → page 1): ${program.label}; max is p95`, open.n, ms(open.min), ms(open.median), ms(p95(opens)), `median ≤ 50 ms: ${open.median <= 50 ? 'met' : 'MISSED'}`]);
		rows.push([`open the ${thousands(longLines)}-line article (Enter on the search result → first page, \`page 1/…\`): ${program.label}`, longOpen.n, ms(longOpen.min), ms(longOpen.median), ms(longOpen.max), `median ≤ 150 ms: ${longOpen.median <= 150 ? 'met' : 'MISSED'}`]);
		const wholeOpen = stats(whole);
		rows.push([`the same, to the whole layout (\`page 1/N\`): ${program.label}`, wholeOpen.n, ms(wholeOpen.min), ms(wholeOpen.median), ms(wholeOpen.max), '']);
	}

	notes.push(`Lists: ${listRuns} runs, interleaved (reference list, then each newsread), each session ${listKeyPresses} j and ${listKeyPresses} k after 3 of each untimed, each key after 30 ms of quiet, timed to the last output of the frame it changes; ${listOpens} opens per session, each followed by q and j; the 50,000-line article once per run. Load when the lists part ended: ${readFileSync('/proc/loadavg', 'utf8').trim()}.`);
}

// ---------------------------------------------------------------------------------------------
// (f) Feeds

const feedCount = 200;
const feedItems = 50;
const feedRuns = Math.max(1, Number(options['feed-runs']));

/** Loaded with --import into the refresh: writes the process's peak RSS (kB) to $NEWSREAD_BENCH_RSS_FILE as it exits. */
const rssHook = `import {writeFileSync} from 'node:fs';
import process from 'node:process';

process.on('exit', () => {
	writeFileSync(process.env.NEWSREAD_BENCH_RSS_FILE, String(process.resourceUsage().maxRSS));
});
`;

/** Runs `newsread refresh --json` with NEWSREAD_HOME `home`; resolves with its wall time, exit code, reports and peak RSS (MB). */
function timeRefresh(home, hook) {
	const rssFile = `${home}.rss`;
	rmSync(rssFile, {force: true});
	return new Promise((resolve, reject) => {
		const start = performance.now();
		const child = spawn(process.execPath, ['--import', pathToFileURL(hook).href, newsreadBin, 'refresh', '--json'], {
			env: {...childEnv(home), NEWSREAD_BENCH_RSS_FILE: rssFile},
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let stdout = '';
		let stderr = '';
		child.stdout.setEncoding('utf8').on('data', chunk => {
			stdout += chunk;
		});
		child.stderr.setEncoding('utf8').on('data', chunk => {
			stderr += chunk;
		});
		child.on('error', reject);
		child.on('close', code => {
			const ms = performance.now() - start;
			let reports = [];
			try {
				reports = JSON.parse(stdout);
			} catch {
				// Said by the check: no reports.
			}

			let rssMb = Number.NaN;
			try {
				rssMb = Number(readFileSync(rssFile, 'utf8')) / 1024;
			} catch {
				// The hook did not run: no figure.
			}

			resolve({ms, code, reports, stderr, rssMb});
		});
	});
}

/** Every stored article file under the home's feeds folder: relative path -> its mtime and inode (a rewrite replaces the file). */
function articleFiles(home) {
	const folder = path.join(home, 'feeds');
	const files = new Map();
	for (const relative of readdirSync(folder, {recursive: true})) {
		if (relative.endsWith('.md')) {
			const stat = statSync(path.join(folder, relative), {bigint: true});
			files.set(relative, `${stat.mtimeNs}:${stat.ino}`);
		}
	}

	return files;
}

/** How many files of `before` are gone or changed in `after`, and how many are new. */
function filesChanged(before, after) {
	let changed = 0;
	for (const [file, stamp] of before) {
		if (after.get(file) !== stamp) {
			changed++;
		}
	}

	return {changed, added: [...after.keys()].filter(file => !before.has(file)).length};
}

/** What is wrong with a refresh, or undefined: each feed's status and HTTP status, the articles new and updated. */
function refreshProblem(result, {status, httpStatus, fresh, updated}) {
	if (result.reports.length !== feedCount) {
		return `exit ${result.code}, ${result.reports.length} feed reports, not ${feedCount}: ${result.stderr.split('\n')[0].slice(0, 80)}`;
	}

	const wrong = result.reports.filter(report => report.status !== status || report.httpStatus !== httpStatus);
	if (wrong.length > 0) {
		const [first] = wrong;
		return `${wrong.length} feeds not ${status} (HTTP ${httpStatus}), as ${first.url}: ${first.status} (HTTP ${first.httpStatus})${first.error ? `: ${first.error}` : ''}`;
	}

	if (result.code !== 0) {
		return `exit ${result.code}: ${result.stderr.split('\n')[0].slice(0, 80)}`;
	}

	const sum = key => result.reports.reduce((total, report) => total + report[key], 0);
	if (sum('new') !== fresh || sum('updated') !== updated) {
		return `${sum('new')} new and ${sum('updated')} updated, not ${fresh} and ${updated}`;
	}

	return undefined;
}

/** The value at the 95th percentile (nearest rank). */
function p95(values) {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.max(0, Math.ceil(sorted.length * 0.95) - 1)];
}

const thousands = value => value.toLocaleString('en-US', {maximumFractionDigits: 0});

async function benchFeedRefreshes(bench, rows, notes) {
	const served = await bench.serveBenchFeeds(feedCount, feedItems);
	const hook = path.join(scratch, 'rss-hook.mjs');
	writeFileSync(hook, rssHook);
	const articles = feedCount * feedItems;
	const kinds = ['first', 'second', 'third'];
	const times = Object.fromEntries(kinds.map(kind => [kind, []]));
	const memory = Object.fromEntries(kinds.map(kind => [kind, []]));
	const problems = Object.fromEntries(kinds.map(kind => [kind, []]));
	let rewritten = 0;
	let pageRequests = 0;
	try {
		for (let run = 0; run < feedRuns; run++) {
			// A fresh home subscribed to the 200 feeds, as `feeds add` leaves feeds.json (title, link, when added).
			const home = newHome();
			const added = new Date().toISOString();
			const feeds = served.feeds.map((feed, index) => ({url: served.urls[index], title: feed.title, fullText: 'auto', link: served.server.url('/'), added}));
			writeFileSync(path.join(home, 'feeds.json'), `${JSON.stringify({feeds}, undefined, 2)}\n`);
			served.honourValidators(true);
			const pagesBefore = served.pageRequests();

			const first = await timeRefresh(home, hook);
			const stored = articleFiles(home);
			const firstProblem = refreshProblem(first, {status: 'ok', httpStatus: 200, fresh: articles, updated: 0})
				?? (stored.size === articles ? undefined : `${stored.size} article files, not ${articles}`);

			const second = await timeRefresh(home, hook);
			const afterSecond = articleFiles(home);
			const secondChange = filesChanged(stored, afterSecond);
			const secondProblem = refreshProblem(second, {status: 'not-modified', httpStatus: 304, fresh: 0, updated: 0})
				?? (secondChange.changed + secondChange.added === 0 ? undefined : `${secondChange.changed} article files changed, ${secondChange.added} added`);

			served.honourValidators(false);
			const third = await timeRefresh(home, hook);
			served.honourValidators(true);
			const thirdChange = filesChanged(afterSecond, articleFiles(home));
			rewritten += thirdChange.changed + thirdChange.added;
			const thirdProblem = refreshProblem(third, {status: 'not-modified', httpStatus: 200, fresh: 0, updated: 0})
				?? (thirdChange.changed + thirdChange.added === 0 ? undefined : `${thirdChange.changed} article files rewritten, ${thirdChange.added} added`);

			pageRequests += served.pageRequests() - pagesBefore;
			for (const [kind, result, problem] of [['first', first, firstProblem], ['second', second, secondProblem], ['third', third, thirdProblem]]) {
				times[kind].push(result.ms);
				memory[kind].push(result.rssMb);
				if (problem) {
					problems[kind].push(`run ${run + 1}: ${problem}`);
				}
			}

			process.stderr.write(`feeds run ${run + 1}/${feedRuns}: first ${ms(first.ms)}, second ${ms(second.ms)}, third ${ms(third.ms)}\n`);
			rmSync(home, {recursive: true, force: true});
		}
	} finally {
		await served.server.close();
	}

	const formats = `${feedCount} feeds × ${feedItems} items, RSS 2.0 / Atom 1.0 / JSON Feed`;
	const labels = {
		first: `refresh --json, first (${formats}): ${thousands(articles)} new articles stored`,
		second: 'refresh --json, second, unchanged: every feed 304',
		third: 'refresh --json, third: the server ignores the validators (200, the same bytes: known unchanged by their hash)',
	};
	const checks = {
		first: `${thousands(articles)} stored, ${pageRequests} pages fetched`,
		second: '200 × 304, 0 files touched',
		third: `0 new, 0 updated, ${rewritten} article files rewritten (mtime, inode)`,
	};
	for (const kind of kinds) {
		const time = stats(times[kind]);
		const verdict = problems[kind].length === 0 && pageRequests === 0 ? `verified: ${checks[kind]}` : `FAIL: ${problems[kind][0] ?? `${pageRequests} article pages fetched`}`;
		rows.push([labels[kind], time.n, ms(time.min), ms(time.median), ms(time.max), verdict]);
		notes.push(...problems[kind]);
	}

	for (const kind of kinds) {
		const rss = stats(memory[kind]);
		const mb = value => (Number.isNaN(value) ? 'n/a' : `${value.toFixed(1)} MB`);
		rows.push([`peak RSS (maxRSS) of the ${kind} refresh`, rss.n, mb(rss.min), mb(rss.median), mb(rss.max), '']);
	}
}

/** Runs `node feed-bench.mjs WHAT TIMES` and returns what it printed, parsed. */
function runFeedBenchChild(outfile, what, times) {
	const child = spawnSync(process.execPath, [outfile, what, String(times)], {encoding: 'utf8', maxBuffer: 16 * 1024 * 1024});
	if (child.status !== 0) {
		throw new Error(`feed-bench ${what} failed (exit ${child.status ?? child.signal}): ${child.stderr}`);
	}

	return JSON.parse(child.stdout);
}

const formatNames = {rss: 'RSS 2.0', atom: 'Atom 1.0', json: 'JSON Feed 1.1'};

function benchFeedParsing(outfile, rows) {
	for (const result of runFeedBenchChild(outfile, 'parse', feedRuns)) {
		const what = `parseFeed: ${formatNames[result.format]}, ${result.feeds} feeds, ${thousands(result.items)} items, ${(result.bytes / 1024 / 1024).toFixed(1)} MB, items per second`;
		if (result.error) {
			rows.push([what, 0, '', '', '', `FAIL: ${result.error}`]);
			continue;
		}

		const rate = stats(result.itemsPerSecond);
		rows.push([what, rate.n, thousands(rate.min), thousands(rate.median), thousands(rate.max), `${(1000 / rate.median).toFixed(3)} ms per item`]);
		process.stderr.write(`parse ${result.format}: ${thousands(rate.median)} items/s\n`);
	}
}

function benchFeedExtraction(outfile, rows, notes) {
	const pages = runFeedBenchChild(outfile, 'extract', feedRuns);
	const perPage = pages.map(page => stats(page.ms).median);
	const all = stats(perPage);
	// Found: the words in the Markdown within 10% of those written in the article (no sidebar, comments or menu in it).
	const missed = pages.filter(page => page.foundWords < page.articleWords * 0.9 || page.foundWords > page.articleWords * 1.1 || page.headings === 0);
	const sizes = `${Math.round(Math.min(...pages.map(page => page.bytes)) / 1024)}–${Math.round(Math.max(...pages.map(page => page.bytes)) / 1024)} KB`;
	const found = `articles found: ${pages.length - missed.length}/${pages.length}`;
	rows.push([`extractArticle (Readability + linkedom + HTML to Markdown) per page: ${pages.length} news pages of ${sizes}, each the median of ${feedRuns}`, all.n, ms(all.min), ms(all.median), ms(all.max), missed.length === 0 ? found : `FAIL: ${found}`]);
	rows.push(['extractArticle per page, 95th percentile of the same', all.n, '', ms(p95(perPage)), '', '']);
	const large = stats(pages.filter(page => page.bytes >= 150 * 1024).map(page => stats(page.ms).median));
	rows.push(['extractArticle per page, pages of 150 KB and more', large.n, ms(large.min), ms(large.median), ms(large.max), '']);
	for (const page of missed) {
		notes.push(`extractArticle on ${page.name} (${Math.round(page.bytes / 1024)} KB) found ${page.foundWords} words and ${page.headings} subheadings; the article has ${page.articleWords} words.`);
	}

	process.stderr.write(`extract: median ${ms(all.median)}, p95 ${ms(p95(perPage))}\n`);
}

async function benchFeedRows(rows, notes) {
	const outfile = path.join(scratch, 'feed-bench.mjs');
	mirrorBuild(path.join(root, 'test/bench/feed-bench.ts'), outfile);
	const bench = await import(pathToFileURL(outfile).href);
	await benchFeedRefreshes(bench, rows, notes);
	benchFeedParsing(outfile, rows);
	benchFeedExtraction(outfile, rows, notes);
	notes.push(`Feeds: ${feedRuns} runs, each in a fresh NEWSREAD_HOME subscribed to the ${feedCount} feeds (feeds.json as \`feeds add\` writes it); the server is node:http on 127.0.0.1 in the bench process, and newsread fetches at most 2 feeds of a host at once. Items carry full content (over 150 words and a subheading), so no article page is fetched. Parse rate: ${feedRuns} timed rounds over every feed of a format after an untimed one, in a process of its own.`);
}

function printTable(rows, notes) {
	console.log(`\nnewsread benchmark: node ${process.version}, ${process.platform}/${process.arch}, ${new Date().toISOString()}\n`);
	console.log('| Measure | Runs | Min | Median | Max | Target |');
	console.log('|---|---:|---:|---:|---:|---|');
	for (const row of rows) {
		console.log(`| ${row.join(' | ')} |`);
	}

	console.log(`\nStart-up: ${startRuns} runs per program, interleaved (newsread, Ink, node, …), after one warm-up round. Page turns: ${pagePresses} timed presses after ${warmupPresses} warm-up presses.`);
	for (const note of notes) {
		console.log(note);
	}
}

function printProfileTables(title, profileDir, bundle) {
	const file = readdirSync(profileDir).find(name => name.endsWith('.cpuprofile'));
	if (!file) {
		console.log(`\nNo CPU profile was written for ${title}.`);
		return;
	}

	const {busy, idle, functions, packages} = selfTime(path.join(profileDir, file), bundle);
	console.log(`\nCPU profile of ${title} (${path.join(profileDir, file)}): ${busy.toFixed(0)} ms busy, ${idle.toFixed(0)} ms idle.\n`);
	const cell = text => text.replaceAll('|', '\\|');
	console.log('| Function (module) | Self time | Share of busy time |');
	console.log('|---|---:|---:|');
	for (const entry of functions) {
		console.log(`| ${cell(entry.name)} | ${ms(entry.ms)} | ${(entry.share * 100).toFixed(1)}% |`);
	}

	console.log('\n| Package or source file | Self time | Share of busy time |');
	console.log('|---|---:|---:|');
	for (const entry of packages) {
		console.log(`| ${cell(entry.name)} | ${ms(entry.ms)} | ${(entry.share * 100).toFixed(1)}% |`);
	}
}

function profileDirectory(name) {
	const folder = path.join(tmpdir(), 'newsread-prof', name);
	rmSync(folder, {recursive: true, force: true});
	mkdirSync(folder, {recursive: true});
	return folder;
}

async function printProfiles() {
	const bundle = buildProfilingBundle();
	// Start-up: spawn to the sections screen, then Q.
	const startDir = profileDirectory('start-up');
	await timeToText(['--cpu-prof', `--cpu-prof-dir=${startDir}`, bundle], 'World', 'Q');
	printProfileTables('one start-up (spawn → sections screen → Q)', startDir, bundle);

	const presses = 200;
	const pagesDir = profileDirectory('page-turns');
	await benchPageTurns('profiled', ['--articles', await longArticles()], longTitle, {bin: bundle, nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${pagesDir}`], presses});
	printProfileTables(`a 50,000-line session with ${presses + warmupPresses} page turns (start-up and opening included)`, pagesDir, bundle);
}

const rows = [];
const notes = [];
/** The parts, in the order they run; `--only` takes one of these. */
const knownParts = ['startup', 'pages', 'shapes', 'keys', 'lists', 'feeds', 'index', 'search'];
if (options.only !== undefined && !knownParts.includes(options.only)) {
	console.error(`--only ${options.only}: no such part; the parts are ${knownParts.join(', ')}`);
	process.exit(2);
}

await runPart('startup', async () => benchStartupRows(rows, notes));
await runPart('pages', async () => benchArticleRows(rows, notes));
await runPart('shapes', async () => benchShapeRows(rows));
await runPart('keys', async () => benchKeyLatency(rows));
await runPart('lists', async () => benchListRows(rows, notes));
await runPart('feeds', async () => benchFeedRows(rows, notes));
await runPart('index', async () => benchIndexRows(rows, notes));

await runPart('search', async () => benchSearchRows(rows, notes));

printTable(rows, notes);
if (options.profile) {
	await printProfiles();
}

printTargets();
