// What the library does with files that are not plain articles: a YAML tag it does not know, a FIFO,
// a folder or a symbolic link loop named like an article, UTF-16 text, and a frontmatter of many
// thousands of keys. Each is reported (doctor shows the list) and none stops the rest from loading.
import {execFileSync} from 'node:child_process';
import {mkdirSync, symlinkSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {afterEach, describe, expect, it, vi} from 'vitest';
import {doctorCommand} from '../../source/commands/doctor.js';
import {loadLibrary, readArticleText} from '../../source/core/library.js';
import {commandContext} from '../helpers/command-context.js';
import {temporaryFolder} from '../helpers/temporary-folder.js';

function put(folder: string, relativePath: string, content: string | Uint8Array): string {
	const file = path.join(folder, relativePath);
	mkdirSync(path.dirname(file), {recursive: true});
	writeFileSync(file, content);
	return file;
}

const good = '---\ntitle: Good\nsection: World\n---\n\nBody.\n';

afterEach(() => {
	vi.restoreAllMocks();
});

describe('a YAML tag newsread does not know', () => {
	it('loads the article, prints no process warning, and reports the tag as a warning', () => {
		const folder = temporaryFolder();
		const file = put(folder, 'tagged.md', '---\ntitle: Tagged\nsection: World\nhandler: !!js/function "function () {}"\n---\n\nBody.\n');
		const emitWarning = vi.spyOn(process, 'emitWarning');
		const library = loadLibrary([{path: folder}]);
		expect(emitWarning).not.toHaveBeenCalled();
		expect(library.get('tagged')?.title).toBe('Tagged');
		expect(library.problems).toEqual([]);
		expect(library.warnings).toEqual([{file, reason: 'YAML in the frontmatter: Unresolved tag: tag:yaml.org,2002:js/function at line 3, column 10'}]);
	});

	it('is listed by doctor as a warning, and doctor exits 1', async () => {
		const folder = temporaryFolder();
		const file = put(folder, 'tagged.md', '---\ntitle: Tagged\nsection: World\nx: !!js/function "f"\n---\n');
		const {context, stdout} = commandContext({library: loadLibrary([{path: folder}])});
		expect(await doctorCommand(context)).toBe(1);
		expect(stdout.text).toBe(`${file}: warning: YAML in the frontmatter: Unresolved tag: tag:yaml.org,2002:js/function at line 3, column 4\n1 articles loaded, 0 problems, 1 warning\n`);
	});
});

describe('entries named like articles that are not files', () => {
	it('reports a FIFO, a folder and a symbolic link loop named x.md, without waiting on the FIFO, and loads the rest', () => {
		const folder = temporaryFolder();
		put(folder, 'good.md', good);
		execFileSync('mkfifo', [path.join(folder, 'fifo.md')]);
		put(folder, 'folder.md/inside.md', '---\ntitle: Inside\nsection: World\n---\n');
		symlinkSync('loop.md', path.join(folder, 'loop.md'));
		symlinkSync('missing-target.md', path.join(folder, 'dangling.md'));
		symlinkSync('good.md', path.join(folder, 'linked.md'));
		const library = loadLibrary([{path: folder}]);
		expect(library.articles.map(article => article.id).sort()).toEqual(['folder.md/inside', 'good', 'linked']);
		expect(library.problems).toEqual([
			{file: path.join(folder, 'dangling.md'), reason: 'a symbolic link to nothing'},
			{file: path.join(folder, 'fifo.md'), reason: 'a FIFO (named pipe), not a regular file'},
			{file: path.join(folder, 'folder.md'), reason: 'a folder, not an article file (the articles in it are read)'},
			{file: path.join(folder, 'loop.md'), reason: 'a symbolic link loop'},
		]);
	});
});

describe('UTF-16 text', () => {
	const text = '---\ntitle: Café in UTF-16\nsection: World\n---\n\nBody with ü.\n';

	it('reads a UTF-16 LE file with its byte-order mark', () => {
		const folder = temporaryFolder();
		put(folder, 'le.md', Buffer.concat([Buffer.from([0xFF, 0xFE]), Buffer.from(text, 'utf16le')]));
		const library = loadLibrary([{path: folder}]);
		expect(library.problems).toEqual([]);
		expect(library.get('le')?.title).toBe('Café in UTF-16');
		expect(library.body('le')).toBe('\nBody with ü.\n');
	});

	it('reads a UTF-16 BE file with its byte-order mark', () => {
		const folder = temporaryFolder();
		put(folder, 'be.md', Buffer.concat([Buffer.from([0xFE, 0xFF]), Buffer.from(text, 'utf16le').swap16()]));
		const library = loadLibrary([{path: folder}]);
		expect(library.problems).toEqual([]);
		expect(library.get('be')?.title).toBe('Café in UTF-16');
	});
});

describe('a frontmatter of many keys', () => {
	/** A frontmatter with `count` extra keys between the title and the section, tags as a block list after them. */
	function manyKeys(count: number): string {
		const keys = Array.from({length: count}, (_, index) => `k${index}: v${index}`).join('\n');
		return `---\ntitle: Many keys\n${keys}\nsection: World\ntags:\n- Harbour\n- Ferries\nsummary: >\n  Folded\n  summary.\nfeed: 'https://gazette.example/feed.xml'\nguid: "tag:gazette.example,2026:42"\n---\n\nBody.\n`;
	}

	it('loads the article from the keys newsread reads and warns that the rest was not read', () => {
		const folder = temporaryFolder();
		const file = put(folder, 'keys.md', manyKeys(20_000));
		const library = loadLibrary([{path: folder}]);
		expect(library.problems).toEqual([]);
		const article = library.get('keys');
		expect(article?.title).toBe('Many keys');
		expect(article?.section).toBe('World');
		expect(article?.tags).toEqual(['harbour', 'ferries']);
		expect(article?.summary).toBe('Folded summary.');
		expect(article?.feed).toBe('https://gazette.example/feed.xml');
		expect(article?.guid).toBe('tag:gazette.example,2026:42');
		expect(library.warnings).toEqual([{file, reason: 'the frontmatter is 271 KB: only its title, section, date, author, summary, tags, related, source, feed, guid were read (frontmatter over 64 KB is not read whole)'}]);
	});

	it('still finds a key given twice among many', () => {
		const folder = temporaryFolder();
		const file = put(folder, 'twice.md', manyKeys(20_000).replace('section: World', 'section: World\ntitle: Again'));
		const library = loadLibrary([{path: folder}]);
		expect(library.problems).toEqual([{file, reason: 'bad YAML in the frontmatter: the key "title" appears twice'}]);
	});
});

describe('the size limit when a file\'s size says 0', () => {
	// Files under /proc report a size of 0 and still have content: the limit is on what is read.
	it('reads such a file to its end, and stops one byte past the limit with a message', () => {
		expect(readArticleText('/proc/self/status')).toMatch(/^Name:/);
		expect(() => readArticleText('/proc/self/status', 64)).toThrow('over 0.0 MB, the limit for an article: not read any further');
	});
});
