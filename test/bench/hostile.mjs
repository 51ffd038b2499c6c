// Times newsread's commands on the hostile inputs of issue #8 (points 6-10): each input is made in a
// scratch folder, each command runs as a real process under /usr/bin/time (wall time and peak memory),
// killed after --timeout. A 100 KB paste (point 11) is timed by test/bench/paste.mjs.
//   title 100k x / 漢: `read` of an article whose title is one 100,000-character word
//   keys 20k/40k/250k: `list` of a library with one article whose frontmatter has that many keys
//   list 1000/3000:    `read` of an article with a list nested that deep
//   import /dev/zero:  `import /dev/zero` (endless input)
//   comments 1 GB:     `comments --markdown` with a 1 GB comments.jsonl (sparse, NUL bytes) and 2 records
// Run: node source/build.mjs && node test/bench/hostile.mjs [--bin dist/newsread.js] [--timeout 60] [--only NAME]
// To compare with an older build: build it elsewhere and pass its bundle with --bin.
import {spawnSync} from 'node:child_process';
import {appendFileSync, mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import process from 'node:process';
import {parseArgs} from 'node:util';
import {fileURLToPath} from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const {values: options} = parseArgs({
	options: {
		bin: {type: 'string', default: path.join(root, 'dist/newsread.js')},
		timeout: {type: 'string', default: '60'},
		only: {type: 'string'},
	},
});

const scratch = mkdtempSync(path.join(tmpdir(), 'newsread-hostile-'));
process.on('exit', () => rmSync(scratch, {recursive: true, force: true}));

/** A folder with one article `t/<name>.md` made of this frontmatter and body. */
function articleFolder(name, frontmatter, body = 'The body.\n') {
	const folder = path.join(scratch, name);
	mkdirSync(path.join(folder, 't'), {recursive: true});
	writeFileSync(path.join(folder, 't', `${name}.md`), `---\n${frontmatter}\n---\n\n${body}`);
	return folder;
}

function manyKeys(count) {
	const lines = ['title: Many keys', 'section: Tests'];
	for (let index = 0; index < count; index++) {
		lines.push(`k${index}: v${index}`);
	}

	return lines.join('\n');
}

function nestedList(depth) {
	return Array.from({length: depth}, (_, level) => `${'  '.repeat(level)}- item${level} of the list`).join('\n');
}

function hugeCommentLog() {
	const home = path.join(scratch, 'comments-home');
	mkdirSync(home, {recursive: true});
	const file = path.join(home, 'comments.jsonl');
	writeFileSync(file, '');
	truncateSync(file, 1024 ** 3);
	for (const id of ['c1', 'c2']) {
		const record = {type: 'add', id, articleId: 'world/harbour-vote', at: '2026-11-20T10:00:00.000Z', name: 'Ann Reader', email: 'ann@example.org', body: `Comment ${id}.`};
		appendFileSync(file, `\n${JSON.stringify(record)}\n`);
	}

	return home;
}

const inputs = [
	{name: 'title 100k x', make: () => ['read', 't/title-x', '--width', '80', '--articles', articleFolder('title-x', `title: ${'x'.repeat(100_000)}\nsection: Tests`)]},
	{name: 'title 100k 漢', make: () => ['read', 't/title-han', '--width', '80', '--articles', articleFolder('title-han', `title: ${'漢'.repeat(100_000)}\nsection: Tests`)]},
	{name: 'keys 20k', make: () => ['list', '--articles', articleFolder('keys-20k', manyKeys(20_000))]},
	{name: 'keys 40k', make: () => ['list', '--articles', articleFolder('keys-40k', manyKeys(40_000))]},
	{name: 'keys 250k', make: () => ['list', '--articles', articleFolder('keys-250k', manyKeys(250_000))]},
	{name: 'list 1000 deep', make: () => ['read', 't/list-1000', '--width', '80', '--articles', articleFolder('list-1000', 'title: Deep\nsection: Tests', nestedList(1000))]},
	{name: 'list 3000 deep', make: () => ['read', 't/list-3000', '--width', '80', '--articles', articleFolder('list-3000', 'title: Deep\nsection: Tests', nestedList(3000))]},
	{name: 'import /dev/zero', make: () => ['import', '/dev/zero']},
	{name: 'comments 1 GB', make: () => ({args: ['comments', '--markdown'], home: hugeCommentLog()})},
];

const timeoutSeconds = Number(options.timeout);
console.log(`bundle: ${options.bin}, timeout ${timeoutSeconds} s`);
console.log('| input | exit | wall | peak RSS |');
console.log('|---|---:|---:|---:|');
for (const input of inputs) {
	if (options.only && !input.name.includes(options.only)) {
		continue;
	}

	const made = input.make();
	const {args, home} = Array.isArray(made) ? {args: made, home: mkdtempSync(path.join(scratch, 'home-'))} : made;
	const env = {...process.env, NEWSREAD_HOME: home};
	delete env.CI;
	// `timeout` ends the run; /usr/bin/time reports the largest resident size among its descendants.
	const result = spawnSync('/usr/bin/time', ['-f', 'TIME %e %M', 'timeout', '-s', 'KILL', String(timeoutSeconds), process.execPath, options.bin, ...args], {env, encoding: 'utf8', maxBuffer: 1024 ** 3});
	const [, seconds, kilobytes] = /TIME ([\d.]+) (\d+)/.exec(result.stderr) ?? [];
	const killed = /Command terminated by signal 9/.test(result.stderr) || result.status === 137;
	const exit = killed ? `killed at ${timeoutSeconds} s` : String(result.status);
	// A killed run's memory is not reported by time (it never waited for it).
	const memory = killed ? '—' : `${Math.round(Number(kilobytes) / 1024)} MB`;
	console.log(`| ${input.name} | ${exit} | ${Number(seconds).toFixed(2)} s | ${memory} |`);
}
