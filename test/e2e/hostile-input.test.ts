// The built newsread as a real process against input that used to freeze it, exhaust it or end it
// with a stack trace: YAML tags, a frontmatter of 250,000 keys, /dev/zero and a FIFO without a writer,
// an unreadable subfolder, and an output that closes early or cannot be written.
import {execFileSync, spawn, spawnSync, type SpawnSyncOptions} from 'node:child_process';
import {chmodSync, closeSync, existsSync, mkdirSync, openSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {generateLibrary} from '../generate-library.js';
import {childEnvironment, makeTempHome, newsreadBin, removeTempHomes, runCli} from '../helpers/run-cli.js';

afterAll(removeTempHomes);

const article = (title: string) => `---\ntitle: ${title}\nsection: Hostile\n---\n\nBody.\n`;

/** A folder in a fresh NEWSREAD_HOME with the given files. */
function folderWith(files: Record<string, string>): {home: string; folder: string} {
	const home = makeTempHome();
	const folder = path.join(home, 'extra');
	for (const [name, content] of Object.entries(files)) {
		mkdirSync(path.dirname(path.join(folder, name)), {recursive: true});
		writeFileSync(path.join(folder, name), content);
	}

	return {home, folder};
}

/** Runs newsread with the given standard streams; killed after a minute so that a freeze fails the test. */
function runWith(args: string[], home: string, options: SpawnSyncOptions = {}) {
	const result = spawnSync(process.execPath, [newsreadBin, ...args], {
		encoding: 'utf8',
		env: childEnvironment(home),
		timeout: 60_000,
		maxBuffer: 64 * 1024 * 1024,
		...options,
	});
	return {status: result.status, signal: result.signal, stdout: String(result.stdout ?? ''), stderr: String(result.stderr ?? '')};
}

describe('YAML tags (point 5)', () => {
	it('prints no YAMLWarning on stderr for any command, and doctor names the file', () => {
		const {home, folder} = folderWith({'tagged.md': '---\ntitle: Tagged\nsection: Hostile\nx: !!js/function "function () {}"\n---\n'});
		const list = runCli(['list', '--section', 'Hostile', '--articles', folder], {home});
		expect(list.stderr).toBe('');
		expect(list.stdout).toContain('tagged  Tagged');
		const doctor = runCli(['doctor', '--articles', folder], {home});
		expect(doctor.stderr).toBe('');
		expect(doctor.stdout).toContain(`${path.join(folder, 'tagged.md')}: warning: YAML in the frontmatter: Unresolved tag`);
	});
});

describe('a frontmatter of 250,000 keys (point 7)', () => {
	it('is listed by its title, and doctor says the rest of its frontmatter was not read', () => {
		const keys = Array.from({length: 250_000}, (_, index) => `k${index}: v${index}\n`).join('');
		const {home, folder} = folderWith({'keys.md': `---\ntitle: Many keys\nsection: Hostile\n${keys}---\n\nBody.\n`});
		// runCli kills newsread after a minute: before the fix this took over ten minutes.
		const list = runCli(['list', '--section', 'Hostile', '--articles', folder], {home});
		expect(list.status).toBe(0);
		expect(list.stdout).toContain('keys  Many keys');
		const doctor = runCli(['doctor', '--articles', folder], {home});
		expect(doctor.stdout).toMatch(/keys\.md: warning: the frontmatter is \d+ KB: only its title, section/);
	});
});

describe('import from endless or blocking input (point 9)', () => {
	it('refuses /dev/zero at once, naming it a device and pointing at "import -"', () => {
		const home = makeTempHome();
		const result = runWith(['import', '/dev/zero'], home);
		expect(result.signal).toBeNull();
		expect(result.status).toBe(1);
		expect(result.stderr).toBe('newsread: /dev/zero: a device, not a regular file (pipe it into "newsread import -" instead)\n');
	});

	it('returns with a message for a FIFO that has no writer', () => {
		const home = makeTempHome();
		const fifo = path.join(home, 'page.txt');
		execFileSync('mkfifo', [fifo]);
		const result = runWith(['import', fifo], home);
		expect(result.signal).toBeNull();
		expect(result.status).toBe(1);
		expect(result.stderr).toBe(`newsread: ${fifo}: a FIFO (named pipe), not a regular file (pipe it into "newsread import -" instead)\n`);
	});

	it('stops reading standard input from /dev/zero past 10 MB and says so', () => {
		const home = makeTempHome();
		const zero = openSync('/dev/zero', 'r');
		try {
			const result = runWith(['import', '-'], home, {stdio: [zero, 'pipe', 'pipe']});
			expect(result.signal).toBeNull();
			expect(result.status).toBe(1);
			expect(result.stderr).toBe('newsread: standard input: over 10.0 MB, the limit for an article: not read any further\n');
		} finally {
			closeSync(zero);
		}
	});

	it('imports a page piped into "import -"', () => {
		const home = makeTempHome();
		const result = runCli(['import', '-'], {home, input: 'World\nHarbour road to close\n\nThe council voted on Tuesday.\n'});
		expect(result.stderr).toBe('');
		expect(result.stdout).toBe('world/harbour-road-to-close\n');
		expect(existsSync(path.join(home, 'articles/world/harbour-road-to-close.md'))).toBe(true);
	});
});

describe('an unreadable subfolder (point 13)', () => {
	it('is skipped: list shows the other articles and doctor names the folder', () => {
		const {home, folder} = folderWith({'open/readable.md': article('Readable'), 'locked/hidden-away.md': article('Locked away')});
		// newsread runs as an unprivileged user: root reads any folder whatever its mode.
		const asRoot = process.getuid?.() === 0;
		const nobody = asRoot ? {uid: 65_534, gid: 65_534} : {};
		for (const readable of [home, folder, path.join(folder, 'open')]) {
			chmodSync(readable, 0o755);
		}

		chmodSync(path.join(folder, 'open/readable.md'), 0o644);
		chmodSync(path.join(folder, 'locked'), 0o000);
		try {
			const list = runWith(['list', '--section', 'Hostile', '--articles', folder], home, nobody);
			expect(list.stderr).toBe('');
			expect(list.status).toBe(0);
			expect(list.stdout).toContain('open/readable  Readable');
			const doctor = runWith(['doctor', '--articles', folder], home, nobody);
			expect(doctor.stdout).toContain(`${path.join(folder, 'locked')}: folder skipped: permission denied\n`);
			expect(doctor.status).toBe(1);
		} finally {
			chmodSync(path.join(folder, 'locked'), 0o755);
		}
	});
});

describe('an output that closes early or is full (point 16)', () => {
	it('ends quietly with exit 0 when the reader of a pipe stops after one line, as `newsread list | head -1`', async () => {
		const home = makeTempHome();
		const folder = path.join(home, 'many');
		generateLibrary(folder, 3000);
		const child = spawn(process.execPath, [newsreadBin, 'list', '--articles', folder], {env: childEnvironment(home), stdio: ['ignore', 'pipe', 'pipe']});
		let stderr = '';
		child.stderr.setEncoding('utf8').on('data', (text: string) => {
			stderr += text;
		});
		// Far more than a pipe holds is still to come when the first chunk arrives: closing now is an EPIPE.
		child.stdout.once('data', () => child.stdout.destroy());
		const code = await new Promise<number | null>(resolve => {
			child.on('close', resolve);
		});
		expect(stderr).toBe('');
		expect(code).toBe(0);
	});

	it('says in one line that the output could not be written to a full disk, and exits 1', () => {
		const home = makeTempHome();
		const full = openSync('/dev/full', 'w');
		try {
			const result = runWith(['list'], home, {stdio: ['ignore', full, 'pipe']});
			expect(result.stderr).toBe('newsread: could not write the output: no space left on device\n');
			expect(result.status).toBe(1);
		} finally {
			closeSync(full);
		}
	});
});
