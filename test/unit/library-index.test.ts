// The article index (source/index/): what a user sees after files change between starts, after the
// index file is damaged or cannot be kept, the sections screen's counts, duplicates, files that stop
// loading, full-text search, and the reader's check in slices.
import {mkdirSync, readFileSync, renameSync, rmSync, statSync, truncateSync, utimesSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {loadLibrary, type LibraryFolder} from '../../source/core/library.js';
import {type LibraryIndex, openLibraryIndex} from '../../source/index/library-index.js';
import {temporaryFolder} from '../helpers/temporary-folder.js';

function put(folder: string, relativePath: string, content: string): string {
	const file = path.join(folder, relativePath);
	mkdirSync(path.dirname(file), {recursive: true});
	writeFileSync(file, content);
	return file;
}

function article(title: string, section: string, date: string, extra = ''): string {
	return `---\ntitle: ${title}\nsection: ${section}\ndate: ${date}\n${extra}---\n\nThe body of ${title}.\n`;
}

/** A folder of four articles in two sections, and sections.yaml putting Science first. */
function smallLibrary(): string {
	const folder = temporaryFolder('index-articles');
	put(folder, 'sections.yaml', 'sections:\n  - Science\n  - World\n');
	put(folder, 'world/harbour.md', article('Harbour reopens', 'World', '2026-03-02', 'summary: Boats are back.\n'));
	put(folder, 'world/bridge.md', article('Bridge vote delayed', 'World', '2026-03-04'));
	put(folder, 'science/comet.md', article('Comet seen over the bay', 'Science', '2026-03-03', 'tags: [space, astronomy]\n'));
	put(folder, 'science/glacier.md', `---\ntitle: Glacier retreats\nsection: Science\ndate: 2026-03-01\n---\n\nMeasurements of the lighthouse glacier show a retreat.\n`);
	return folder;
}

function indexAt(folders: LibraryFolder[], file = path.join(temporaryFolder('index-cache'), 'index.sqlite')) {
	return {file, index: openLibraryIndex(folders, {file})};
}

const opened: LibraryIndex[] = [];
afterEach(() => {
	for (const index of opened.splice(0)) {
		index.close();
	}
});

/** Opens the index again at the same file, as the next start does, and gives its library after a sync. */
function nextStart(folders: LibraryFolder[], file: string) {
	const index = openLibraryIndex(folders, {file});
	opened.push(index);
	index.sync();
	return index.library();
}

/** An article whose body holds 8.8 MB of text: four of them are more than the sync keeps before writing. */
function longArticle(title: string): string {
	return `---\ntitle: ${title}\nsection: World\ndate: 2026-03-01\n---\n\n${'harbour '.repeat(1_100_000)}\n`;
}

const titles = (articles: ReadonlyArray<{title: string}>) => articles.map(({title}) => title);

describe('the index at the first start', () => {
	it('lists every article newest first, in the sections of sections.yaml, without a sync', () => {
		const folder = smallLibrary();
		const {index} = indexAt([{path: folder}]);
		const library = index.library();
		expect(library.count).toBe(4);
		expect(library.sections.map(({name, count}) => [name, count])).toEqual([['Science', 2], ['World', 2]]);
		expect(titles(library.articles)).toEqual(['Bridge vote delayed', 'Comet seen over the bay', 'Harbour reopens', 'Glacier retreats']);
		expect(titles(library.sections[0]!.articles)).toEqual(['Comet seen over the bay', 'Glacier retreats']);
		expect(library.get('science/comet')).toEqual({
			id: 'science/comet', file: path.join(folder, 'science/comet.md'), title: 'Comet seen over the bay', section: 'Science',
			date: '2026-03-03T00:00:00.000Z', summary: '', tags: ['space', 'astronomy'], related: [],
		});
		expect(library.get('world/harbour')?.summary).toBe('Boats are back.');
		expect(library.get('nowhere')).toBeUndefined();
		expect(library.problems).toEqual([]);
		index.close();
	});

	it('keeps every article of a first index written in several goes (more than 32 MB of text), and finds nothing changed after', () => {
		const folder = temporaryFolder('index-large-bodies');
		// Four bodies of 8.8 MB: the parsed files are written once they hold over 32 MB, then the rest at the end.
		for (const name of ['one', 'two', 'three', 'four', 'five']) {
			put(folder, `world/${name}.md`, `---\ntitle: Long ${name}\nsection: World\ndate: 2026-03-01\n---\n\n${'harbour '.repeat(1_100_000)}\n`);
		}

		const {file, index} = indexAt([{path: folder}]);
		opened.push(index);
		expect(index.library().count).toBe(5);
		expect(index.sync()).toBe(false);
		expect(titles(nextStart([{path: folder}], file).articles).sort()).toEqual(['Long five', 'Long four', 'Long one', 'Long three', 'Long two']);
	});

	it('keeps every article when the first index is left after its first write (a first start that stops), and the next start indexes the rest', async () => {
		const folder = temporaryFolder('index-large-bodies');
		for (const name of ['one', 'two', 'three', 'four', 'five']) {
			put(folder, `world/${name}.md`, longArticle(`Long ${name}`));
		}

		const file = path.join(temporaryFolder('index-cache'), 'index.sqlite');
		const {openIndexDatabase} = await import('../../source/index/index-database.js');
		const {syncSteps} = await import('../../source/index/sync-index.js');
		const first = openIndexDatabase(file);
		const steps = syncSteps(first.db, [{path: folder}]);
		const stored = () => first.db.prepare('SELECT count(*) FROM files').pluck().get() as number;
		while (stored() === 0) {
			expect(steps.next().done).toBe(false);
		}

		// Stopped there: four articles written, the fifth not yet.
		expect(stored()).toBe(4);
		first.db.close();
		const index = openLibraryIndex([{path: folder}], {file});
		opened.push(index);
		expect(titles(index.library().articles).sort()).toEqual(['Long five', 'Long four', 'Long one', 'Long three', 'Long two']);
	});

	it('shows every article to another newsread opening the index once a first index written in several goes is made', () => {
		const folder = temporaryFolder('index-large-bodies');
		for (const name of ['one', 'two', 'three', 'four', 'five']) {
			put(folder, `world/${name}.md`, longArticle(`Long ${name}`));
		}

		put(folder, 'science/comet.md', article('Comet seen over the bay', 'Science', '2026-03-03'));
		const {file, index} = indexAt([{path: folder}]);
		opened.push(index);
		expect(index.library().count).toBe(6);
		const other = openLibraryIndex([{path: folder}], {file});
		opened.push(other);
		expect(other.library().count).toBe(6);
		expect(other.sync()).toBe(false);
		expect(other.library().count).toBe(6);
	});

	it('keeps the index in the file given', () => {
		const {file, index} = indexAt([{path: smallLibrary()}]);
		index.library();
		expect(index.file()).toBe(file);
		expect(statSync(file).isFile()).toBe(true);
		index.close();
	});
});

describe('files changed between two starts', () => {
	it('shows an edited title at the next start', () => {
		const folder = smallLibrary();
		const {file, index} = indexAt([{path: folder}]);
		index.library();
		index.close();
		put(folder, 'world/harbour.md', article('Harbour stays shut', 'World', '2026-03-02'));
		expect(nextStart([{path: folder}], file).get('world/harbour')?.title).toBe('Harbour stays shut');
	});

	it('shows an edit that keeps the size and the modification time of the file, when made within a second of indexing', () => {
		const folder = smallLibrary();
		const target = path.join(folder, 'world/bridge.md');
		const {file, index} = indexAt([{path: folder}]);
		index.library();
		index.close();
		const {mtime} = statSync(target);
		put(folder, 'world/bridge.md', article('Bridge vote DELAYED', 'World', '2026-03-04'));
		utimesSync(target, mtime, mtime);
		expect(nextStart([{path: folder}], file).get('world/bridge')?.title).toBe('Bridge vote DELAYED');
	});

	it('shows an added article, forgets a removed one, and follows a renamed one to its new id', () => {
		const folder = smallLibrary();
		const {file, index} = indexAt([{path: folder}]);
		index.library();
		index.close();
		put(folder, 'world/ferry.md', article('Ferry timetable changes', 'World', '2026-03-05'));
		rmSync(path.join(folder, 'science/glacier.md'));
		renameSync(path.join(folder, 'world/bridge.md'), path.join(folder, 'world/bridge-vote.md'));
		const library = nextStart([{path: folder}], file);
		expect(titles(library.articles)).toEqual(['Ferry timetable changes', 'Bridge vote delayed', 'Comet seen over the bay', 'Harbour reopens']);
		expect(library.get('world/bridge')).toBeUndefined();
		expect(library.get('world/bridge-vote')?.title).toBe('Bridge vote delayed');
		expect(library.get('science/glacier')).toBeUndefined();
		expect(library.sections.map(({name, count}) => [name, count])).toEqual([['Science', 1], ['World', 3]]);
	});

	it('finds an edit, an addition and a removal among many files left as they were, at the next start and in the reader\'s check', async () => {
		const folder = temporaryFolder('index-many');
		const anHourAgo = new Date(Date.now() - 3_600_000);
		for (let number = 0; number < 100; number++) {
			utimesSync(put(folder, `world/story-${number}.md`, article(`Story ${number}`, 'World', '2026-03-01')), anHourAgo, anHourAgo);
		}

		const {file, index} = indexAt([{path: folder}]);
		expect(index.library().count).toBe(100);
		index.close();
		// Older than the index, so that only the stamps tell: size and modification time.
		const twoHoursAgo = new Date(Date.now() - 7_200_000);
		utimesSync(put(folder, 'world/story-57.md', article('Story 57, corrected', 'World', '2026-03-01')), twoHoursAgo, twoHoursAgo);
		rmSync(path.join(folder, 'world/story-80.md'));
		const library = nextStart([{path: folder}], file);
		expect(library.count).toBe(99);
		expect(library.get('world/story-57')?.title).toBe('Story 57, corrected');
		expect(library.get('world/story-80')).toBeUndefined();

		const reader = openLibraryIndex([{path: folder}], {file, sliceMs: 0});
		opened.push(reader);
		reader.library();
		put(folder, 'world/story-100.md', article('Story 100', 'World', '2026-03-02'));
		utimesSync(put(folder, 'world/story-3.md', article('Story 3, updated', 'World', '2026-03-01')), anHourAgo, anHourAgo);
		const checked = await reader.check();
		expect(checked?.count).toBe(100);
		expect(checked?.articles[0]?.title).toBe('Story 100');
		expect(checked?.get('world/story-3')?.title).toBe('Story 3, updated');
	});

	it('lists each article with its whole path, tags and related ids, and without the fields it does not have', () => {
		const folder = smallLibrary();
		put(folder, 'world/ferry.md', article('Ferry timetable changes', 'World', '2026-03-05', 'author: Ann Lee\ntags: [transport, harbour]\nrelated: [world/harbour]\n'));
		const {index} = indexAt([{path: folder}]);
		opened.push(index);
		const [ferry, bridge] = index.library().articles;
		expect(ferry).toEqual({
			id: 'world/ferry', file: path.join(folder, 'world', 'ferry.md'), title: 'Ferry timetable changes', section: 'World',
			date: '2026-03-05T00:00:00.000Z', author: 'Ann Lee', summary: '', tags: ['transport', 'harbour'], related: ['world/harbour'],
		});
		expect(bridge?.id).toBe('world/bridge');
		expect(bridge?.tags).toEqual([]);
		expect(Object.keys(bridge ?? {})).not.toContain('author');
		expect(Object.keys(bridge ?? {})).not.toContain('source');
	});

	it('reports a file that stops loading, and lists it again once it is mended', () => {
		const folder = smallLibrary();
		const {file, index} = indexAt([{path: folder}]);
		index.library();
		index.close();
		put(folder, 'science/comet.md', '   \n');
		const broken = nextStart([{path: folder}], file);
		expect(broken.get('science/comet')).toBeUndefined();
		expect(broken.count).toBe(3);
		expect(broken.problems).toEqual([{file: path.join(folder, 'science/comet.md'), reason: 'empty file'}]);
		put(folder, 'science/comet.md', article('Comet returns', 'Science', '2026-03-06'));
		const mended = nextStart([{path: folder}], file);
		expect(mended.get('science/comet')?.title).toBe('Comet returns');
		expect(mended.problems).toEqual([]);
	});

	it('says whether a sync changed anything', () => {
		const folder = smallLibrary();
		const {index} = indexAt([{path: folder}]);
		index.library();
		expect(index.sync()).toBe(false);
		put(folder, 'world/ferry.md', article('Ferry timetable changes', 'World', '2026-03-05'));
		expect(index.sync()).toBe(true);
		expect(index.sync()).toBe(false);
		index.close();
	});
});

describe('files changed between two starts, written in several goes', () => {
	it('keeps new articles written in the same sync as the removal of another folder\'s newest article', () => {
		const first = temporaryFolder('index-first');
		const second = temporaryFolder('index-second');
		put(first, 'world/harbour.md', article('Harbour reopens', 'World', '2026-03-02'));
		put(second, 'world/bridge.md', article('Bridge vote delayed', 'World', '2026-03-04'));
		const folders = [{path: first}, {path: second}];
		const {file, index} = indexAt(folders);
		index.library();
		// The newest row of the index: an article added later to the first folder.
		put(first, 'world/ferry.md', article('Ferry timetable changes', 'World', '2026-03-05'));
		expect(index.sync()).toBe(true);
		index.close();
		// Then it is removed, and the second folder gets five long articles (more than 32 MB: written in two goes).
		rmSync(path.join(first, 'world/ferry.md'));
		for (const name of ['one', 'two', 'three', 'four', 'five']) {
			put(second, `world/${name}.md`, longArticle(`Long ${name}`));
		}

		const library = nextStart(folders, file);
		expect(titles(library.articles).sort()).toEqual(['Bridge vote delayed', 'Harbour reopens', 'Long five', 'Long four', 'Long one', 'Long three', 'Long two']);
		const after = openLibraryIndex(folders, {file});
		opened.push(after);
		expect(after.sync()).toBe(false);
		expect(after.library().count).toBe(7);
	});

	it('keeps what a check wrote before the reader quit in the middle of it, and the next start shows every article', async () => {
		const folder = smallLibrary();
		const {file, index} = indexAt([{path: folder}]);
		index.library();
		for (const name of ['one', 'two', 'three', 'four', 'five']) {
			put(folder, `world/${name}.md`, longArticle(`Long ${name}`));
		}

		const {default: Database} = await import('better-sqlite3');
		const reader = new Database(file, {readonly: true});
		const stored = () => reader.prepare('SELECT count(*) FROM files').pluck().get() as number;
		void index.check();
		// Quit once the check has written its first part (four long articles), before it ends.
		while (stored() === 4) {
			await new Promise(resolve => {
				setImmediate(resolve);
			});
		}

		index.close();
		expect(stored()).toBe(8);
		reader.close();
		const library = nextStart([{path: folder}], file);
		expect(library.count).toBe(9);
		expect(titles(library.sections.find(({name}) => name === 'World')!.articles).filter(title => title.startsWith('Long')).sort()).toEqual(['Long five', 'Long four', 'Long one', 'Long three', 'Long two']);
	});
});

describe('an index file that cannot be used', () => {
	const expected = ['Bridge vote delayed', 'Comet seen over the bay', 'Harbour reopens', 'Glacier retreats'];

	it('is built again when the file holds garbage', () => {
		const folder = smallLibrary();
		const file = path.join(temporaryFolder('index-cache'), 'index.sqlite');
		writeFileSync(file, 'this is not a database, just some bytes '.repeat(200));
		const index = openLibraryIndex([{path: folder}], {file});
		expect(titles(index.library().articles)).toEqual(expected);
		expect(index.file()).toBe(file);
		index.close();
		expect(titles(nextStart([{path: folder}], file).articles)).toEqual(expected);
	});

	it('is built again when the file was cut short', () => {
		const folder = smallLibrary();
		const {file, index} = indexAt([{path: folder}]);
		index.library();
		index.close();
		truncateSync(file, Math.floor(statSync(file).size / 3));
		const again = openLibraryIndex([{path: folder}], {file});
		again.sync();
		expect(titles(again.library().articles)).toEqual(expected);
		again.close();
	});

	it('is built again when pages inside the file are damaged, and a command still answers with every article', () => {
		const folder = smallLibrary();
		for (let number = 0; number < 300; number++) {
			put(folder, `more/article-${number}.md`, article(`More news ${number}`, 'More', '2025-01-01', `summary: ${'words '.repeat(100)}\n`));
		}

		const {file, index} = indexAt([{path: folder}]);
		index.library();
		index.close();
		// Garbage over the second half of the file: the header, the schema and the first tables stay readable.
		const size = statSync(file).size;
		const bytes = readFileSync(file);
		bytes.fill(0x5A, Math.floor(size / 2 / 4096) * 4096, size);
		writeFileSync(file, bytes);
		const again = openLibraryIndex([{path: folder}], {file});
		opened.push(again);
		again.sync();
		const library = again.library();
		expect(library.count).toBe(304);
		expect(titles(library.sections.find(({name}) => name === 'World')!.articles)).toEqual(['Bridge vote delayed', 'Harbour reopens']);
		expect(again.file()).toBe(file);
	});

	it('is built again when the file is an SQLite database of something else', async () => {
		const folder = smallLibrary();
		const file = path.join(temporaryFolder('index-cache'), 'index.sqlite');
		const {default: Database} = await import('better-sqlite3');
		const other = new Database(file);
		other.exec('CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES (\'hello\');');
		other.close();
		const index = openLibraryIndex([{path: folder}], {file});
		expect(titles(index.library().articles)).toEqual(expected);
		expect(index.file()).toBe(file);
		index.close();
	});

	it('is kept in memory when a folder is where the file should be', () => {
		const folder = smallLibrary();
		const file = path.join(temporaryFolder('index-cache'), 'index.sqlite');
		mkdirSync(file);
		const index = openLibraryIndex([{path: folder}], {file});
		expect(titles(index.library().articles)).toEqual(expected);
		expect(index.file()).toBeUndefined();
		expect(statSync(file).isDirectory()).toBe(true);
		index.close();
	});

	it('is kept in memory when the cache folder cannot be made (a file in its place)', () => {
		const folder = smallLibrary();
		const blocker = path.join(temporaryFolder('index-cache'), 'cache');
		writeFileSync(blocker, 'a file');
		const index = openLibraryIndex([{path: folder}], {file: path.join(blocker, 'index.sqlite')});
		expect(titles(index.library().articles)).toEqual(expected);
		expect(index.file()).toBeUndefined();
		index.close();
	});
});

describe('the sections screen counts', () => {
	it('counts the articles of each section, and of these ids the ones in each section', () => {
		const folder = smallLibrary();
		const {index} = indexAt([{path: folder}]);
		const library = index.library();
		expect(library.sections.map(({name, count}) => ({name, count}))).toEqual([{name: 'Science', count: 2}, {name: 'World', count: 2}]);
		const read = library.countBySection(['world/harbour', 'science/comet', 'science/glacier', 'no/such-article']);
		expect(Object.fromEntries(read)).toEqual({Science: 2, World: 1});
		expect(Object.fromEntries(library.countBySection([]))).toEqual({});
		index.close();
	});
});

describe('the same id in two folders', () => {
	it('keeps the first folder\'s article and reports the other file as a duplicate', () => {
		const first = smallLibrary();
		const second = temporaryFolder('index-more');
		put(second, 'world/harbour.md', article('Another harbour', 'World', '2026-03-09'));
		put(second, 'culture/choir.md', article('Choir sings', 'Culture', '2026-03-08'));
		const {index} = indexAt([{path: first}, {path: second}]);
		const library = index.library();
		expect(library.get('world/harbour')?.title).toBe('Harbour reopens');
		expect(library.count).toBe(5);
		expect(library.sections.map(({name, count}) => [name, count])).toEqual([['Science', 2], ['World', 2], ['Culture', 1]]);
		expect(titles(library.sections[1]!.articles)).toEqual(['Bridge vote delayed', 'Harbour reopens']);
		expect(library.problems).toEqual([{
			file: path.join(second, 'world/harbour.md'),
			reason: `duplicate id "world/harbour": already loaded from ${path.join(first, 'world/harbour.md')}`,
		}]);
		expect(Object.fromEntries(library.countBySection(['world/harbour']))).toEqual({World: 1});
		index.close();
	});
});

describe('problems and warnings', () => {
	it('reports the same problems and warnings as loading the folders without an index', () => {
		const folder = temporaryFolder('index-problems');
		put(folder, 'sections.yaml', 'sections: 12\n');
		put(folder, 'good.md', article('Good', 'World', '2026-01-01'));
		put(folder, 'empty.md', '');
		put(folder, 'binary.md', 'abc\u0000def');
		put(folder, 'tagged.md', '---\ntitle: Tagged\nsection: World\nx: !!js/function "f"\n---\n\nBody.\n');
		mkdirSync(path.join(folder, 'folder.md'));
		const folders = [{path: folder}, {path: path.join(folder, 'missing')}, {path: path.join(folder, 'optional'), required: false}];
		const {index} = indexAt(folders);
		const library = index.library();
		const loaded = loadLibrary(folders);
		expect(library.problems).toEqual(loaded.problems);
		expect(library.warnings).toEqual(loaded.warnings);
		expect(library.problems.map(({reason}) => reason)).toEqual([
			'section order ignored: expected a "sections:" list',
			'a folder, not an article file (the articles in it are read)',
			'binary file, not Markdown text',
			'empty file',
			'folder not found',
		]);
		index.close();
	});
});

describe('full-text search', () => {
	it('finds articles by words of their bodies, titles and tags, and by the start of a word', () => {
		const folder = smallLibrary();
		const {index} = indexAt([{path: folder}]);
		const found = (query: string) => index.library().search(query).map(({article}) => article.id);
		expect(found('lighthouse')).toEqual(['science/glacier']);
		expect(found('ASTRONOMY')).toEqual(['science/comet']);
		expect(found('harb')).toEqual(['world/harbour']);
		expect(found('bridge delayed')).toEqual(['world/bridge']);
		expect(found('"quoted" OR')).toEqual([]);
		expect(found('  ')).toEqual([]);
		index.close();
	});

	it('finds an edited body after a sync, and no longer the old words', () => {
		const folder = smallLibrary();
		const {index} = indexAt([{path: folder}]);
		const found = (query: string) => index.library().search(query).map(({article}) => article.id);
		expect(found('lighthouse')).toEqual(['science/glacier']);
		put(folder, 'science/glacier.md', '---\ntitle: Glacier retreats\nsection: Science\n---\n\nNow about the observatory.\n');
		index.sync();
		expect(found('lighthouse')).toEqual([]);
		expect(found('observatory')).toEqual(['science/glacier']);
		index.close();
	});
});

describe('the reader\'s check in slices', () => {
	it('resolves to the library again after a change, and to nothing when there was none', async () => {
		const folder = smallLibrary();
		const {index} = indexAt([{path: folder}]);
		index.library();
		expect(await index.check()).toBeUndefined();
		put(folder, 'world/ferry.md', article('Ferry timetable changes', 'World', '2026-03-05'));
		const checked = await index.check();
		expect(checked?.get('world/ferry')?.title).toBe('Ferry timetable changes');
		expect(checked?.count).toBe(5);
		index.close();
	});

	it('runs a check asked for during another after it, and the change shows in one of them', async () => {
		const folder = smallLibrary();
		const {index} = indexAt([{path: folder}]);
		index.library();
		const first = index.check();
		put(folder, 'world/ferry.md', article('Ferry timetable changes', 'World', '2026-03-05'));
		const second = index.check();
		const third = index.check();
		const results = [await first, await second, await third];
		expect(results.find(Boolean)?.get('world/ferry')?.title).toBe('Ferry timetable changes');
		index.close();
	});

	it('gives way while another newsread is writing the index, and the next check shows the change', async () => {
		const folder = smallLibrary();
		const {file, index} = indexAt([{path: folder}]);
		index.library();
		put(folder, 'world/ferry.md', article('Ferry timetable changes', 'World', '2026-03-05'));
		const {default: Database} = await import('better-sqlite3');
		const other = new Database(file);
		other.exec('BEGIN IMMEDIATE');
		try {
			expect(await index.check()).toBeUndefined();
		} finally {
			other.exec('ROLLBACK');
			other.close();
		}

		expect((await index.check())?.get('world/ferry')?.title).toBe('Ferry timetable changes');
		expect(index.file()).toBe(file);
		index.close();
	});
});
