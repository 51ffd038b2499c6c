// The command line as scripts use it: the built bundle run as a real process.
import {spawnSync} from 'node:child_process';
import {existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {parse as parseYaml} from 'yaml';
import {afterAll, describe, expect, it} from 'vitest';
import {PtySession} from '../helpers/pty.js';
import {childEnvironment, makeTempHome, newsreadBin, removeTempHomes, repoRoot, runCli} from '../helpers/run-cli.js';

const capture = path.join(repoRoot, 'test/fixtures/pages/harbour-road.txt');
const escape = '\u001B';

afterAll(removeTempHomes);

type ListedArticle = {id: string; title: string; section: string; date: string | null; summary: string};

function listJson(args: string[] = [], home?: string): ListedArticle[] {
	const result = runCli(['list', '--json', ...args], {home});
	expect(result.status).toBe(0);
	return JSON.parse(result.stdout) as ListedArticle[];
}

describe('newsread --help and --version', () => {
	it('prints the usage with every command', () => {
		const {status, stdout} = runCli(['--help']);
		expect(status).toBe(0);
		for (const command of ['sections', 'list', 'read <id>', 'import <file...>', 'doctor', '--articles DIR']) {
			expect(stdout).toContain(command);
		}
	});

	it('prints the package version', () => {
		const {version} = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {version: string};
		expect(runCli(['--version']).stdout.trim()).toBe(version);
	});

	it('accepts -h and -v, and prints the version (not the reader) when other flags come with it', () => {
		const {version} = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {version: string};
		expect(runCli(['-v'])).toMatchObject({status: 0, stdout: `${version}\n`, stderr: ''});
		expect(runCli(['--version', '--articles', path.join(repoRoot, 'articles')])).toMatchObject({status: 0, stdout: `${version}\n`, stderr: ''});
		const help = runCli(['-h']);
		expect(help.status).toBe(0);
		expect(help.stdout).toContain('-h, --help');
	});
});

describe('newsread sections and list', () => {
	it('lists the sections of the sample corpus in the order of sections.yaml', () => {
		const {status, stdout} = runCli(['sections']);
		expect(status).toBe(0);
		const names = stdout.trim().split('\n').map(line => line.split(/\s{2,}/)[0]);
		expect(names.slice(0, 3)).toEqual(['World', 'Science', 'Business']);
		expect(names.length).toBeGreaterThanOrEqual(5);
	});

	it('gives every article as JSON with id, title, section, date and summary, newest first', () => {
		const articles = listJson();
		expect(articles.length).toBeGreaterThanOrEqual(16);
		for (const article of articles) {
			expect(article.id).toMatch(/^[a-z0-9-]+\/[a-z0-9-]+$/);
			expect(article.title).not.toBe('');
			expect(article.summary).not.toBe('');
		}

		const dates = articles.map(article => article.date ?? '');
		expect(dates).toEqual([...dates].sort().reverse());
	});

	it('lists only one section with --section, in any letter case', () => {
		const articles = listJson(['--section', 'science']);
		expect(articles.length).toBeGreaterThan(0);
		expect(new Set(articles.map(article => article.section))).toEqual(new Set(['Science']));
	});

	it('is a usage error (exit 2) with the known sections for an unknown --section', () => {
		const {status, stderr} = runCli(['list', '--section', 'Gardening']);
		expect(status).toBe(2);
		expect(stderr).toContain('no section "Gardening"');
		expect(stderr).toContain('World');
	});
});

describe('newsread read', () => {
	it('prints the article wrapped to --width, without colour when piped', () => {
		const {status, stdout} = runCli(['read', 'world/harbour-vote', '--width', '50']);
		expect(status).toBe(0);
		expect(stdout).toContain('Marrowick harbour council votes');
		expect(stdout).not.toContain(escape);
		for (const line of stdout.split('\n')) {
			expect(line.length).toBeLessThanOrEqual(50);
		}
	});

	it('highlights subheadings in bold colour on a terminal', async () => {
		const session = new PtySession(['read', 'world/harbour-vote'], {home: makeTempHome(), columns: 80, rows: 400});
		await session.waitForExit();
		const subheading = session.rowCells('A tied first ballot')?.find(cell => cell.char === 'A');
		expect(subheading).toMatchObject({bold: true, coloured: true});
		const paragraph = session.rowCells('The meeting began calmly')?.find(cell => cell.char === 'T');
		expect(paragraph).toMatchObject({bold: false, coloured: false});
	});

	it('prints plain text when NO_COLOR is set', () => {
		expect(runCli(['read', 'world/harbour-vote'], {env: {NO_COLOR: '1'}}).stdout).not.toContain(escape);
	});

	it('suggests the closest ids for an unknown id', () => {
		const {status, stderr} = runCli(['read', 'world/harbor-vote']);
		expect(status).toBe(1);
		expect(stderr).toContain('no article "world/harbor-vote"');
		expect(stderr).toContain('world/harbour-vote');
	});

	it('is a usage error without an id or with a bad width', () => {
		expect(runCli(['read']).status).toBe(2);
		expect(runCli(['read', 'world/harbour-vote', '--width', '3']).status).toBe(2);
	});
});

describe('newsread import', () => {
	it('turns a saved page into an article that list and read show', () => {
		const home = makeTempHome();
		const {status, stdout} = runCli(['import', capture], {home});
		expect(status).toBe(0);
		const id = stdout.trim();
		const file = path.join(home, 'articles', `${id}.md`);
		expect(existsSync(file)).toBe(true);
		const frontmatter = parseYaml(readFileSync(file, 'utf8').split('---')[1] ?? '') as Record<string, unknown>;
		expect(frontmatter['title']).toBe('Port Wenlow council votes to close the old harbour road');
		expect(frontmatter['section']).toBe('Local');
		expect(listJson([], home).map(article => article.id)).toContain(id);
		const read = runCli(['read', id], {home});
		expect(read.stdout).not.toContain('Leave a Reply');
	});

	it('says a page imported before is already there, and keeps one copy', () => {
		const home = makeTempHome();
		const first = runCli(['import', capture, '--section', 'World'], {home});
		const second = runCli(['import', capture, '--section', 'World'], {home});
		expect(first.stdout).toMatch(/^world\//);
		expect(second).toMatchObject({status: 0, stdout: first.stdout});
		expect(second.stderr).toContain(`is already there, as ${first.stdout.trim()}`);
		expect(listJson(['--section', 'World'], home).map(article => article.id).filter(id => id.startsWith('world/port-wenlow'))).toEqual([first.stdout.trim()]);
	});

	it('reports a capture with no article in it and exits 1', () => {
		const {status, stderr} = runCli(['import', path.join(repoRoot, 'test/fixtures/pages/menu-only.txt')]);
		expect(status).toBe(1);
		expect(stderr).toContain('menu-only.txt');
	});

	it('is a usage error without a file', () => {
		expect(runCli(['import']).status).toBe(2);
	});
});

describe('newsread doctor and broken articles', () => {
	it('reports no problems for the sample corpus', () => {
		const {status, stdout} = runCli(['doctor']);
		expect(stdout).toMatch(/\d+ articles loaded, 0 problems/);
		expect(status).toBe(0);
	});

	it('names each broken file and its reason, and still lists every other article', () => {
		const home = makeTempHome();
		const folder = path.join(home, 'extra');
		mkdirSync(path.join(folder, 'local'), {recursive: true});
		writeFileSync(path.join(folder, 'local/no-title.md'), '---\nsection: Local\n---\nBody.\n');
		writeFileSync(path.join(folder, 'local/empty.md'), '');
		writeFileSync(path.join(folder, 'local/good.md'), '---\ntitle: A good one\nsection: Local\n---\nBody.\n');
		const doctor = runCli(['doctor', '--articles', folder], {home});
		expect(doctor.status).toBe(1);
		expect(doctor.stdout).toContain(`no-title.md: missing "title"`);
		expect(doctor.stdout).toContain('empty.md: empty file');
		expect(listJson(['--articles', folder], home).map(article => article.id)).toContain('local/good');
	});
});

describe('newsread comments add from a pipe', () => {
	it('saves the whole text of a slow producer: (sleep 1; echo; sleep 1; echo) | newsread comments add', () => {
		const home = makeTempHome();
		// A shell pipe whose writer starts late and pauses: reading standard input at once used to fail
		// (EAGAIN on the non-blocking pipe) and the user was told "Please write a comment.".
		const pipeline = `(sleep 1; printf 'Written late\\n'; sleep 1; printf 'by a slow script\\n') | "${process.execPath}" "${newsreadBin}" comments add world/harbour-vote --name Ann --email ann@example.org`;
		const added = spawnSync('sh', ['-c', pipeline], {encoding: 'utf8', env: childEnvironment(home), timeout: 30_000});
		expect(added.stderr).toBe('');
		expect(added.status).toBe(0);
		const exported = runCli(['comments', '--json'], {home});
		expect(JSON.parse(exported.stdout)).toMatchObject([{id: added.stdout.trim(), articleId: 'world/harbour-vote', body: 'Written late\nby a slow script'}]);
	});
});

describe('newsread comments add at a terminal', () => {
	it('says how to end, reads the lines typed until Ctrl+D and saves them', async () => {
		const home = makeTempHome();
		const session = new PtySession(['comments', 'add', 'harbour-vote', '--name', 'Ann', '--email', 'ann@example.org'], {home, columns: 80, rows: 24});
		try {
			await session.waitForText('Type your comment; end with Ctrl+D on a new line.');
			session.write('Typed at a terminal\r');
			session.write('and a second line\r');
			await session.waitForText('and a second line');
			session.write('\u0004');
			expect(await session.waitForExit()).toBe(0);
		} finally {
			session.dispose();
		}

		const exported = runCli(['comments', '--json'], {home});
		expect(JSON.parse(exported.stdout)).toMatchObject([{articleId: 'world/harbour-vote', name: 'Ann', body: 'Typed at a terminal\nand a second line'}]);
	});
});

describe('exit codes and the interactive reader without a terminal', () => {
	it('exits 2 on an unknown command or flag', () => {
		expect(runCli(['frobnicate']).status).toBe(2);
		expect(runCli(['list', '--frobnicate']).status).toBe(2);
	});

	it('explains that the reader needs a terminal and points at list and read', () => {
		const {status, stderr} = runCli([]);
		expect(status).toBe(2);
		expect(stderr).toContain('needs a terminal');
		expect(stderr).toContain('newsread list');
		expect(stderr).not.toMatch(/\bat .*\.js:\d+/);
	});
});
