// File names are untrusted text: an article named `g<ESC>]0;PWNED<BEL>.md` must not retitle the
// terminal, and a newline in a name must not split a line. Ids show such characters as visible escapes
// (`\x1b`), are typed back as printed, and every message that echoes a name or a typed id does the same.
import {mkdirSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {Readable} from 'node:stream';
import {describe, expect, it} from 'vitest';
import {runCommandLine} from '../../source/command-line.js';
import {visibleControls} from '../../source/core/sanitize.js';
import {fakeOutput} from '../helpers/command-context.js';
import {temporaryFolder} from '../helpers/temporary-folder.js';

const ESC = '\u001B';
const BEL = '\u0007';

/** Any character a terminal acts on or that reorders text (C0 but newline, DEL, C1, bidi overrides). */
const controlCharacter = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;
/** The colour codes `newsread read` writes itself on a terminal. */
const ownStyling = new RegExp(`${ESC}\\[[\\d;]*m`, 'g');

/** File names (below world/) and the ids `list` prints for them, written out by hand. */
const hostile = [
	{name: `f${ESC}]52;c;SGVsbG8=${BEL}.md`, id: 'world/f\\x1b]52;c;SGVsbG8=\\x07', title: 'Clipboard'},
	{name: `g${ESC}]0;PWNED${BEL}.md`, id: 'world/g\\x1b]0;PWNED\\x07', title: 'Window title'},
	{name: 'n\nfake line.md', id: 'world/n\\x0afake line', title: 'Newline'},
	{name: 'c1\u009B2J.md', id: 'world/c1\\x9b2J', title: 'Eight-bit CSI'},
	{name: 'bidi\u202Etxt.md', id: 'world/bidi\\u202etxt', title: 'Reversed'},
];

/** A folder with the hostile files, an anchor article related to all of them, and one broken hostile file. */
function hostileLibrary(): string {
	const folder = temporaryFolder();
	mkdirSync(path.join(folder, 'world'));
	for (const [index, {name, title}] of hostile.entries()) {
		writeFileSync(path.join(folder, 'world', name), `---\ntitle: ${title}\nsection: World\ndate: 2026-11-0${index + 1}\ntags: [harbour]\n---\n\nBody.\n`);
	}

	// The related ids as `list` prints them; single quotes keep YAML from reading `\x1b` as an escape.
	const related = hostile.map(({id}) => `  - '${id}'`).join('\n');
	writeFileSync(path.join(folder, 'world/anchor.md'), `---\ntitle: Anchor\nsection: World\ntags: [harbour]\nrelated:\n${related}\n---\n\nBody.\n`);
	writeFileSync(path.join(folder, 'world', `h${ESC}]0;BROKEN${BEL}.md`), '');
	return folder;
}

async function newsread(argv: string[], terminal?: {columns: number}) {
	const stdout = fakeOutput(terminal);
	const stderr = fakeOutput();
	const code = await runCommandLine({argv, stdout, stderr, stdin: Readable.from([]), env: {NEWSREAD_HOME: temporaryFolder()}});
	return {code, stdout: stdout.text, stderr: stderr.text};
}

describe('visibleControls', () => {
	it('writes each control character as an escape, keeps everything else, and changes nothing the second time', () => {
		const name = `a${ESC}[2J\tb\nc\u0085d\u009Be\u007Ff\u202Eg é 日本`;
		const shown = 'a\\x1b[2J\\x09b\\x0ac\\x85d\\x9be\\x7ff\\u202eg é 日本';
		expect(visibleControls(name)).toBe(shown);
		expect(visibleControls(shown)).toBe(shown);
		expect(visibleControls('one\ntwo', {keepNewlines: true})).toBe('one\ntwo');
	});
});

describe('hostile file names', () => {
	it('list prints each id with visible escapes, one line per article and no control character', async () => {
		const folder = hostileLibrary();
		const {code, stdout} = await newsread(['list', '--section', 'World', '--articles', folder]);
		expect(code).toBe(0);
		expect(stdout).not.toMatch(controlCharacter);
		const lines = stdout.trimEnd().split('\n');
		// A name's newline would start a line with the rest of the name instead of a date column.
		for (const line of lines) {
			expect(line).toMatch(/^[N ] (?:\d{4}-\d{2}-\d{2}| {10}) {2}\S/);
		}

		for (const {id, title} of hostile) {
			expect(lines.find(line => line.endsWith(`  ${title}`))).toContain(`  ${id}  `);
		}
	});

	it('list --json is valid JSON with the same usable ids, the real paths, and no raw control character', async () => {
		const folder = hostileLibrary();
		const {code, stdout} = await newsread(['list', '--json', '--articles', folder]);
		expect(code).toBe(0);
		expect(stdout).not.toMatch(controlCharacter);
		const articles = JSON.parse(stdout) as Array<{id: string; title: string; file: string}>;
		for (const {name, id, title} of hostile) {
			const article = articles.find(candidate => candidate.title === title);
			expect(article?.id).toBe(id);
			expect(article?.file).toBe(path.join(folder, 'world', name));
		}
	});

	it('read opens each article by the id list printed', async () => {
		const folder = hostileLibrary();
		for (const {id, title} of hostile) {
			const {code, stdout, stderr} = await newsread(['read', id, '--articles', folder]);
			expect(stderr).toBe('');
			expect(code).toBe(0);
			expect(stdout.split('\n')[0]).toBe(title);
		}
	});

	it('read on a terminal lists the related articles with visible escapes and writes no control sequence but its colours', async () => {
		const folder = hostileLibrary();
		const {code, stdout} = await newsread(['read', 'world/anchor', '--articles', folder], {columns: 100});
		expect(code).toBe(0);
		expect(stdout).toContain(`${ESC}[36m`);
		const plain = stdout.replace(ownStyling, '');
		expect(plain).not.toMatch(controlCharacter);
		expect(plain).toContain('Related articles');
		expect(plain).toContain('  world/g\\x1b]0;PWNED\\x07  Window title');
		expect(plain).toContain('  world/n\\x0afake line  Newline');
	});

	it('doctor names a broken file with visible escapes', async () => {
		const folder = hostileLibrary();
		const {code, stdout} = await newsread(['doctor', '--articles', folder]);
		expect(code).toBe(1);
		expect(stdout).not.toMatch(controlCharacter);
		expect(stdout).toContain(`${path.join(folder, 'world')}/h\\x1b]0;BROKEN\\x07.md: empty file\n`);
	});

	it('echoes a typed id, section, command or path with visible escapes in its error message', async () => {
		const folder = hostileLibrary();
		const typed = `x${ESC}]0;typed${BEL}\ny`;
		const shown = 'x\\x1b]0;typed\\x07\\x0ay';
		const read = await newsread(['read', typed, '--articles', folder]);
		expect(read.code).toBe(1);
		expect(read.stderr).toMatch(new RegExp(`^newsread: no article "${escapeRegExp(shown)}"\\.\nDid you mean:\n`));
		const list = await newsread(['list', '--section', typed, '--articles', folder]);
		expect(list.code).toBe(2);
		expect(list.stderr).toMatch(new RegExp(`^newsread: no section "${escapeRegExp(shown)}"\\. Sections: `));
		const command = await newsread([typed]);
		expect(command.stderr).toBe(`newsread: unknown command "${shown}". Run "newsread --help" for the commands.\n`);
		const comments = await newsread(['comments', typed]);
		expect(comments.stderr).toMatch(new RegExp(`^newsread: unknown comments command "${escapeRegExp(shown)}"`));
		const flag = await newsread(['list', `--x${ESC}]0;typed${BEL}`]);
		expect(flag.code).toBe(2);
		expect(flag.stderr).toBe('Unknown flag\n--x\\x1b]0;typed\\x07\n');
		const imported = await newsread(['import', path.join(folder, typed)]);
		expect(imported.code).toBe(1);
		expect(imported.stderr).toBe(`newsread: ${path.join(folder, shown)}: not found\n`);
		for (const {stderr} of [read, list, command, comments, flag, imported]) {
			expect(stderr).not.toMatch(controlCharacter);
			expect(stderr.split('\n').filter(line => line.includes('typed'))).toHaveLength(1);
		}
	});
});

function escapeRegExp(text: string): string {
	return text.replaceAll(/[\\^$.*+?()[\]{}|]/g, '\\$&');
}
