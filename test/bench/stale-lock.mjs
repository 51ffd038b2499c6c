// Start-up with a lock left behind on the reading-state file: how long the reader takes to its first
// frame, to an opened article (whose read mark is the first write), and to exit after `q` (quitting
// saves), when a newsread killed a moment ago left its lock (a fresh lock with its token, naming a pid
// that has ended and this host) or when the lock is dated a year ahead; each with and without an
// existing config.json (without one, opening must create it: a write under the lock).
//
//   node source/build.mjs && node test/bench/stale-lock.mjs [--runs 3] [--bin dist/newsread.js]
import {spawnSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {hostname, tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {clearInterval, setInterval} from 'node:timers';
import {parseArgs} from 'node:util';

const require = createRequire(import.meta.url);
const pty = require('node-pty');
const root = fileURLToPath(new URL('../..', import.meta.url));
const {values} = parseArgs({options: {runs: {type: 'string', default: '3'}, bin: {type: 'string', default: path.join(root, 'dist/newsread.js')}}});
const runs = Number(values.runs);

// eslint-disable-next-line no-control-regex
const stripAnsi = text => text.replaceAll(/\u001B\[[0-?]*[ -/]*[@-~]/g, '');
const validState = JSON.stringify({read: {}, positions: {}, saved: {}, lastRead: null, commenter: null, drafts: {}, __internal__: {migrations: {version: '1.0.0'}}});

function prepare(scenario) {
	const home = mkdtempSync(path.join(tmpdir(), 'newsread-bench-lock-'));
	const lockDir = path.join(home, 'config.json.lock');
	if (!scenario.endsWith('(empty home)')) {
		writeFileSync(path.join(home, 'config.json'), validState, {mode: 0o600});
	}

	if (scenario.startsWith('killed holder')) {
		const {pid} = spawnSync(process.execPath, ['-e', '']);
		mkdirSync(lockDir);
		writeFileSync(path.join(lockDir, `holder-${pid}-00000000-0000-4000-8000-000000000000@${encodeURIComponent(hostname())}`), '');
	} else if (scenario.startsWith('lock dated a year ahead')) {
		mkdirSync(lockDir);
		const nextYear = new Date(Date.now() + 365 * 24 * 3_600_000);
		utimesSync(lockDir, nextYear, nextYear);
	}

	return home;
}

/** One run: ms to the first frame, to the opened article, to exit; the exit code and whether the read mark was saved. */
function run(scenario) {
	const home = prepare(scenario);
	const start = performance.now();
	const child = pty.spawn(process.execPath, [values.bin], {cols: 100, rows: 30, env: {...process.env, NEWSREAD_HOME: home, TERM: 'xterm-256color'}});
	let screen = '';
	let step = 0;
	const result = {};
	child.onData(data => {
		screen += data;
	});
	return new Promise(resolve => {
		const timer = setInterval(() => {
			const text = stripAnsi(screen);
			if (step === 0 && text.includes('Science') && text.includes('World')) {
				result.firstFrame = performance.now() - start;
				step = 1;
				screen = '';
				child.write('\r');
			} else if (step === 1 && /\d{4} {2}/.test(text)) {
				step = 2;
				screen = '';
				child.write('\r');
			} else if (step === 2 && /page 1\//.test(text)) {
				result.article = performance.now() - start;
				step = 3;
				result.quitAt = performance.now();
				// Back to the sections, then quit: q until newsread has gone (a key pressed during a redraw may be dropped).
				const quitting = setInterval(() => child.write('q'), 300);
				child.onExit(() => clearInterval(quitting));
			}

			if (performance.now() - start > 90_000) {
				child.kill();
			}
		}, 10);
		child.onExit(({exitCode}) => {
			clearInterval(timer);
			result.exit = performance.now() - (result.quitAt ?? start);
			result.exitCode = exitCode;
			try {
				result.saved = Object.keys(JSON.parse(readFileSync(path.join(home, 'config.json'), 'utf8')).read).length === 1;
			} catch {
				result.saved = false;
			}

			rmSync(home, {recursive: true, force: true});
			resolve(result);
		});
	});
}

const median = numbers => {
	const sorted = numbers.filter(number => number !== undefined).sort((a, b) => a - b);
	return sorted.length === 0 ? undefined : sorted[Math.floor(sorted.length / 2)];
};

const ms = value => (value === undefined ? '—' : `${Math.round(value)} ms`);
const scenarios = ['no lock', 'killed holder', 'killed holder (empty home)', 'lock dated a year ahead', 'lock dated a year ahead (empty home)'];
console.log(`| ${values.bin} | first frame | article open (first write) | exit after q | exit codes | read mark saved |`);
console.log('| --- | --- | --- | --- | --- | --- |');
for (const scenario of scenarios) {
	const results = [];
	for (let index = 0; index < runs; index++) {
		results.push(await run(scenario));
	}

	console.log(`| ${scenario} | ${ms(median(results.map(item => item.firstFrame)))} | ${ms(median(results.map(item => item.article)))} | ${ms(median(results.map(item => item.exit)))} | ${results.map(item => item.exitCode).join(' ')} | ${results.filter(item => item.saved).length} of ${runs} |`);
}
