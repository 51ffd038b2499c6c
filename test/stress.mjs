// `npm run test:stress`: the store tests (the concurrency tests and the store unit tests) with a
// busy-loop process on every core, as on a loaded machine; prints the lost acknowledged writes of each
// run. `npm run test:stress -- --runs 3` repeats them; `--load N` starts N busy loops instead; `--all`
// runs the whole suite (type-check, lint and every test file: `npm test`) under the same load.
import {spawn, spawnSync} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import {fileURLToPath} from 'node:url';
import {parseArgs} from 'node:util';

const root = fileURLToPath(new URL('..', import.meta.url));
const {values: options} = parseArgs({
	options: {
		runs: {type: 'string', default: '1'},
		load: {type: 'string', default: String(os.availableParallelism())},
		all: {type: 'boolean', default: false},
	},
});
const runs = Number(options.runs);
const busyLoops = Number(options.load);
const testFiles = ['test/e2e/stores-concurrency.test.ts', 'test/unit/reading-state.test.ts', 'test/unit/state-file.test.ts', 'test/unit/comments.test.ts'];
const what = options.all ? 'npm test' : `${testFiles.length} store test files`;
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const command = options.all
	? [npm, ['test']]
	: [process.execPath, [path.join(root, 'node_modules/vitest/vitest.mjs'), 'run', '--config', 'test/vitest.config.ts', ...testFiles]];

// The concurrency tests run the built newsread.
const build = spawnSync(process.execPath, [path.join(root, 'source/build.mjs')], {stdio: 'inherit'});
if (build.status !== 0) {
	process.exit(build.status ?? 1);
}

const loops = Array.from({length: busyLoops}, () => spawn(process.execPath, ['-e', 'for (;;) {}'], {stdio: 'ignore'}));
const stopLoops = () => {
	for (const loop of loops) {
		loop.kill('SIGKILL');
	}
};

process.on('exit', stopLoops);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
	process.on(signal, () => {
		stopLoops();
		process.exit(130);
	});
}

const reportDir = mkdtempSync(path.join(os.tmpdir(), 'newsread-stress-'));
const summaries = [];
let failed = 0;
try {
	for (let run = 1; run <= runs; run++) {
		const report = path.join(reportDir, `run-${run}.jsonl`);
		console.log(`\n== Run ${run} of ${runs}: ${what} with ${busyLoops} busy loops on ${os.availableParallelism()} cores (load average ${os.loadavg()[0].toFixed(1)})`);
		const started = performance.now();
		const vitest = spawnSync(command[0], command[1], {
			cwd: root,
			stdio: 'inherit',
			env: {...process.env, NEWSREAD_STORE_REPORT: report},
		});
		const seconds = (performance.now() - started) / 1000;
		let counts = {};
		try {
			counts = Object.assign({}, ...readFileSync(report, 'utf8').trim().split('\n').map(line => JSON.parse(line)));
		} catch {
			// The concurrency tests did not get as far as their report.
		}

		const passed = vitest.status === 0;
		failed += passed ? 0 : 1;
		summaries.push({run, passed, seconds, load: os.loadavg()[0], counts});
	}
} finally {
	stopLoops();
	rmSync(reportDir, {recursive: true, force: true});
}

console.log(`\n== ${what} under load: ${busyLoops} busy loops, ${runs} ${runs === 1 ? 'run' : 'runs'}`);
for (const {run, passed, seconds, load, counts} of summaries) {
	console.log(`Run ${run}: ${passed ? 'passed' : 'FAILED'} in ${seconds.toFixed(1)} s (load average at the end ${load.toFixed(1)})`);
	const lines = Object.entries(counts);
	console.log(lines.length > 0 ? `  Lost acknowledged writes:\n${lines.map(([test, lost]) => `    ${test}: ${lost}`).join('\n')}` : '  (no counts reported)');
}

process.exitCode = failed === 0 ? 0 : 1;
