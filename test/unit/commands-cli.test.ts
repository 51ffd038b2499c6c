// The command line in the test process: meow's flags reach the commands, --articles repeats, stdin
// and the environment come from what the caller passes, and failures become exit codes.
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {Readable} from 'node:stream';
import {describe, expect, it} from 'vitest';
import {type CommandLineIO, runCommandLine} from '../../source/command-line.js';
import {fakeOutput, fixtureLibraryDir} from '../helpers/command-context.js';
import {temporaryFolder} from '../helpers/temporary-folder.js';

/** Runs `newsread ...argv` with its own NEWSREAD_HOME, piped (not a terminal) standard input and output. */
async function newsread(argv: string[], options: {home?: string; stdin?: CommandLineIO['stdin']} = {}) {
	const stdout = fakeOutput();
	const stderr = fakeOutput();
	const home = options.home ?? temporaryFolder();
	const code = await runCommandLine({argv, stdout, stderr, stdin: options.stdin ?? Readable.from([]), env: {NEWSREAD_HOME: home}});
	return {code, stdout: stdout.text, stderr: stderr.text, home};
}

/** A folder with one article in a section of its own. */
function folderWith(id: string, title: string, section: string): string {
	const folder = temporaryFolder();
	mkdirSync(path.join(folder, path.dirname(id)), {recursive: true});
	writeFileSync(path.join(folder, `${id}.md`), `---\ntitle: ${title}\nsection: ${section}\ndate: 2026-11-20\n---\n\nBody.\n`);
	return folder;
}

describe('newsread on the command line', () => {
	it('reads articles from every --articles folder given, besides the bundled ones', async () => {
		const first = folderWith('gardens/roses', 'Roses in November', 'Gardens');
		const second = folderWith('kitchen/soup', 'A soup for the storm', 'Kitchen');
		const {code, stdout} = await newsread(['list', '--json', '--articles', first, '--articles', second]);
		expect(code).toBe(0);
		const ids = (JSON.parse(stdout) as Array<{id: string}>).map(article => article.id);
		expect(ids).toEqual(expect.arrayContaining(['gardens/roses', 'kitchen/soup', 'world/harbour-vote']));
	});

	it('passes --section to list, in any letter case', async () => {
		const {code, stdout} = await newsread(['list', '--articles', fixtureLibraryDir, '--section', 'ARTS']);
		expect(code).toBe(0);
		expect(stdout).toContain('arts/mural');
		expect(stdout).not.toContain('world/');
	});

	it('passes --width to read', async () => {
		const {code, stdout} = await newsread(['read', 'world/harbour-vote', '--width', '30']);
		expect(code).toBe(0);
		expect(Math.max(...stdout.split('\n').map(line => line.length))).toBe(30);
	});

	it('saves a comment from the standard input it is given, under NEWSREAD_HOME, and exports it', async () => {
		const home = temporaryFolder();
		const added = await newsread(['comments', 'add', 'world/harbour-vote', '--name', 'Ann', '--email', 'ann@example.org'], {home, stdin: Readable.from(['Piped ', 'text\n'])});
		expect(added.code).toBe(0);
		const exported = await newsread(['comments', '--json', '--with-email'], {home});
		expect(JSON.parse(exported.stdout)).toMatchObject([{id: added.stdout.trim(), articleId: 'world/harbour-vote', name: 'Ann', email: 'ann@example.org', body: 'Piped text'}]);
	});

	it('imports into NEWSREAD_HOME/articles, where list then finds the article', async () => {
		const home = temporaryFolder();
		const capture = path.join(fixtureLibraryDir, '../../pages/harbour-road.txt');
		const imported = await newsread(['import', capture, '--section', 'Local'], {home});
		expect(imported.code).toBe(0);
		expect(imported.stdout).toBe('local/port-wenlow-council-votes-to-close-the-old-harbour-road\n');
		expect((await newsread(['list', '--section', 'local'], {home})).stdout).toContain('local/port-wenlow-council-votes-to-close-the-old-harbour-road');
	});

	it('prints the help for -h and --help, anywhere on the line, without starting anything', async () => {
		for (const argv of [['-h'], ['--help'], ['list', '-h'], ['--articles', fixtureLibraryDir, '--help']]) {
			const {code, stdout, stderr} = await newsread(argv);
			expect(code).toBe(0);
			expect(stderr).toBe('');
			expect(stdout).toContain('$ newsread read <id>');
			expect(stdout).toContain('--articles DIR');
		}
	});

	it('prints the version for -v and --version, also with other flags (not the reader)', async () => {
		const {version} = JSON.parse(readFileSync(path.join(fixtureLibraryDir, '../../../../package.json'), 'utf8')) as {version: string};
		for (const argv of [['-v'], ['--version'], ['--version', '--articles', fixtureLibraryDir], ['-v', 'list']]) {
			const {code, stdout, stderr} = await newsread(argv);
			expect(code).toBe(0);
			expect(stderr).toBe('');
			expect(stdout).toBe(`${version}\n`);
		}
	});

	it('exits 2 with a pointer to --help for an unknown command', async () => {
		const {code, stderr} = await newsread(['frobnicate']);
		expect(code).toBe(2);
		expect(stderr).toBe('newsread: unknown command "frobnicate". Run "newsread --help" for the commands.\n');
	});

	it('reports an unexpected failure as one line on stderr and exits 1', async () => {
		// NEWSREAD_HOME is a file: the comment log cannot be created under it.
		const home = path.join(temporaryFolder(), 'not-a-folder');
		writeFileSync(home, '');
		const {code, stderr} = await newsread(['comments', 'add', 'world/harbour-vote', '--name', 'Ann', '--email', 'ann@example.org', '--text', 'Hello'], {home});
		expect(code).toBe(1);
		expect(stderr).toMatch(/^newsread: .*not-a-folder.*\n$/);
	});

	it('says on a terminal\'s stderr that a new folder is being indexed and erases the line after; says nothing into a pipe', async () => {
		const folder = folderWith('notes/first', 'First note', 'Notes');
		const home = temporaryFolder();
		const run = async (stderr: ReturnType<typeof fakeOutput>) => {
			const stdout = fakeOutput();
			const code = await runCommandLine({argv: ['list', '--articles', folder], stdout, stderr, stdin: Readable.from([]), env: {NEWSREAD_HOME: home}});
			return {code, stdout: stdout.text};
		};

		const terminal = fakeOutput({columns: 40});
		const first = await run(terminal);
		expect(first.code).toBe(0);
		expect(first.stdout).toContain('First note');
		// Cut to one line of the 40-column terminal, then erased.
		expect(terminal.text).toBe('newsread: indexing the articles, once f\r\u001B[2K');

		// Indexed now: nothing to say the second time.
		const again = fakeOutput({columns: 40});
		expect((await run(again)).code).toBe(0);
		expect(again.text).toBe('');

		// A new folder, into a pipe: the list, and not a word on stderr.
		const {code, stdout, stderr} = await newsread(['list', '--articles', folderWith('more/second', 'Second note', 'More')], {home});
		expect(code).toBe(0);
		expect(stdout).toContain('Second note');
		expect(stderr).toBe('');
	});
});
