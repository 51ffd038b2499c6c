// The reader over the article index: it starts with what the index holds, checks the files after the
// first frame, and again when a list comes back on top, so articles added, edited or removed while
// it is open show without a restart.
import {mkdirSync, rmSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {type LibraryIndex, openLibraryIndex} from '../../source/index/library-index.js';
import {createMemoryReadingState} from '../../source/store/reading-state.js';
import {bodyOf, headerOf, renderReader} from '../helpers/render.js';
import {temporaryFolder} from '../helpers/temporary-folder.js';

function put(folder: string, relativePath: string, title: string, section: string, date: string): void {
	const file = path.join(folder, relativePath);
	mkdirSync(path.dirname(file), {recursive: true});
	writeFileSync(file, `---\ntitle: ${title}\nsection: ${section}\ndate: ${date}\n---\n\nThe body of ${title}.\n`);
}

/** Two World articles and one Science article, indexed. */
function indexedFolder(): {folder: string; index: LibraryIndex} {
	const folder = temporaryFolder('reader-index');
	put(folder, 'world/harbour.md', 'Harbour reopens', 'World', '2026-03-02');
	put(folder, 'world/bridge.md', 'Bridge vote delayed', 'World', '2026-03-04');
	put(folder, 'science/comet.md', 'Comet seen over the bay', 'Science', '2026-03-03');
	const index = openLibraryIndex([{path: folder}], {file: path.join(temporaryFolder('reader-cache'), 'index.sqlite')});
	opened.push(index);
	index.library();
	return {folder, index};
}

const opened: LibraryIndex[] = [];
afterEach(() => {
	for (const index of opened.splice(0)) {
		index.close();
	}
});

const entry = (frame: string, label: string) => bodyOf(frame).find(line => line.slice(2).startsWith(`${label} `)) ?? '';

describe('the reader over the article index', () => {
	it('shows an article added while a headline list was open when going back to the sections, and in the list', async () => {
		const {folder, index} = indexedFolder();
		const reader = renderReader({library: index.library(), checkLibrary: index.check, realTime: true});
		await reader.waitForText('Saved');
		// Science, World (no sections.yaml: by name), All, Saved.
		await reader.press('down', 'enter');
		await reader.waitForText('Harbour reopens');
		put(folder, 'world/ferry.md', 'Ferry timetable changes', 'World', '2026-03-05');
		await reader.press('enter');
		await reader.waitForText('The body of Bridge vote delayed.');
		await reader.press('q');
		const list = await reader.waitForText('Ferry timetable changes');
		expect(headerOf(list)).toContain('World');
		await reader.press('q');
		const sections = await reader.waitForText('4 articles');
		// The bridge article was read.
		expect(entry(sections, 'World')).toMatch(/3 articles · 2 unread\s*$/);
		expect(entry(sections, 'All')).toMatch(/4 articles · 3 unread\s*$/);
	});

	it('checks the files after the first frame: an article removed since the index was made goes', async () => {
		const {folder, index} = indexedFolder();
		const library = index.library();
		rmSync(path.join(folder, 'science/comet.md'));
		let openGate = () => {};
		const gate = new Promise<void>(resolve => {
			openGate = resolve;
		});
		const checkLibrary = async () => {
			await gate;
			return index.check();
		};

		const reader = renderReader({library, checkLibrary, realTime: true});
		// Until the check is done the reader shows what the index holds.
		const first = await reader.waitForText('Saved');
		expect(entry(first, 'Science')).toMatch(/1 article · 1 unread\s*$/);
		expect(entry(first, 'All')).toMatch(/3 articles · 3 unread\s*$/);
		openGate();
		const checked = await reader.waitForNoText('Science');
		expect(entry(checked, 'All')).toMatch(/2 articles · 2 unread\s*$/);
	});

	it('counts the unread articles of each section from the read marks', async () => {
		const {index} = indexedFolder();
		const reading = createMemoryReadingState();
		reading.setRead('world/harbour', true);
		reading.setRead('gone/elsewhere', true);
		const reader = renderReader({library: index.library(), reading, checkLibrary: index.check, realTime: true});
		const frame = await reader.waitForText('Saved');
		expect(entry(frame, 'World')).toMatch(/2 articles · 1 unread\s*$/);
		expect(entry(frame, 'Science')).toMatch(/1 article · 1 unread\s*$/);
		expect(entry(frame, 'All')).toMatch(/3 articles · 2 unread\s*$/);
		expect(headerOf(frame)).toMatch(/3 articles · 2 unread$/);
	});
});

describe('a search in a large indexed library', () => {
	/** 1,203 World articles titled "Harbour …", and 4 Science ones that are not. */
	function manyHarbours(): LibraryIndex {
		const folder = temporaryFolder('reader-many');
		for (let number = 1; number <= 1203; number++) {
			put(folder, `world/harbour-${number}.md`, `Harbour report ${number}`, 'World', '2026-02-01');
		}

		for (let number = 1; number <= 4; number++) {
			put(folder, `science/comet-${number}.md`, `Comet ${number}`, 'Science', '2026-01-01');
		}

		const index = openLibraryIndex([{path: folder}], {file: path.join(temporaryFolder('reader-cache'), 'index.sqlite')});
		opened.push(index);
		return index;
	}

	it('says the list holds 1000 of the 1203 articles found; a smaller search just its count', async () => {
		const reader = renderReader({library: manyHarbours().library()});
		await reader.waitForText('Saved');
		await reader.press('/');
		await reader.waitForText('Search: ');
		await reader.type('harbour');
		await reader.press('enter');
		const found = await reader.waitForText('Harbour report');
		expect(headerOf(found)).toContain('1000 of 1203 articles · 1000 unread');
		await reader.press('escape');
		await reader.waitForText('Saved');
		await reader.press('/');
		await reader.waitForText('Search: ');
		await reader.type('comet');
		await reader.press('enter');
		const comets = await reader.waitForText('Comet 1');
		expect(headerOf(comets)).toContain('4 articles · 4 unread');
	});
});
