// `newsread list --json` over the article index: the items are built by SQLite, not by JSON.stringify,
// and must be the same bytes: every field, the order (newest first, one date's titles as the reader
// sorts them), the read marks, --section and --unread, and control characters in paths escaped.
import {mkdirSync, utimesSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {listCommand} from '../../source/commands/list.js';
import type {Library} from '../../source/core/library.js';
import {openLibraryIndex} from '../../source/index/library-index.js';
import {commandContext} from '../helpers/command-context.js';
import {temporaryFolder} from '../helpers/temporary-folder.js';

/** The library of `folder` as the index has it (in memory). */
function indexed(folder: string): Library {
	return openLibraryIndex([{path: folder}], {file: undefined}).library();
}

function write(folder: string, file: string, text: string): void {
	mkdirSync(path.dirname(path.join(folder, file)), {recursive: true});
	writeFileSync(path.join(folder, file), text);
}

/** A state folder whose config.json says these articles were read. */
function stateWithRead(ids: string[]): string {
	const dir = temporaryFolder('list-json-state');
	const read = Object.fromEntries(ids.map(id => [id, Date.UTC(2026, 10, 2)]));
	writeFileSync(path.join(dir, 'config.json'), JSON.stringify({read, positions: {}, saved: {}, lastRead: null, commenter: null, drafts: {}}));
	return dir;
}

// Three articles of one date (their titles sort apple, Éclair, Zebra as the reader sorts them, not as
// their code units do), one whose file name holds a right-to-left override and a C1 control, one undated.
function hostileLibrary(): string {
	const folder = temporaryFolder('list-json-index');
	write(folder, 'world/zebra.md', '---\ntitle: Zebra crossing repainted\nsection: World\ndate: 2026-11-02\nauthor: \'Ann \\ Lee\'\nsummary: \'Paint "fresh" and dry\'\ntags: [roads, \'say "hi"\']\n---\n\nBody.\n');
	write(folder, 'world/apple.md', '---\ntitle: apple harvest\nsection: World\ndate: 2026-11-02\n---\n\nBody.\n');
	write(folder, 'world/eclair.md', '---\ntitle: Éclair shop opens\nsection: World\ndate: 2026-11-02\nsource: https://example.org/eclair\nfeed: https://example.org/feed.xml\nguid: eclair-1\n---\n\nBody.\n');
	write(folder, 'world/odd\u202Ename\u009B.md', '---\ntitle: Odd name\nsection: World\ndate: 2026-11-01\nrelated: [world/apple]\n---\n\nBody.\n');
	write(folder, 'culture/undated.md', '---\ntitle: Undated note\nsection: Culture\n---\n\nBody.\n');
	return folder;
}

describe('newsread list --json over the index', () => {
	it('writes every field as JSON.stringify would, newest first, a date\'s titles in the reader\'s order, paths\' controls escaped', async () => {
		const folder = hostileLibrary();
		const library = indexed(folder);
		expect(library.listJson).toBeDefined();
		const {context, stdout} = commandContext({flags: {json: true}, library, stateDir: stateWithRead(['world/apple'])});
		expect(await listCommand(context)).toBe(0);
		expect(stdout.text).toBe(`[
  {
    "id": "world/apple",
    "title": "apple harvest",
    "section": "World",
    "date": "2026-11-02T00:00:00.000Z",
    "author": null,
    "summary": "",
    "tags": [],
    "related": [],
    "source": null,
    "feed": null,
    "guid": null,
    "file": "${folder}/world/apple.md",
    "read": true
  },
  {
    "id": "world/eclair",
    "title": "Éclair shop opens",
    "section": "World",
    "date": "2026-11-02T00:00:00.000Z",
    "author": null,
    "summary": "",
    "tags": [],
    "related": [],
    "source": "https://example.org/eclair",
    "feed": "https://example.org/feed.xml",
    "guid": "eclair-1",
    "file": "${folder}/world/eclair.md",
    "read": false
  },
  {
    "id": "world/zebra",
    "title": "Zebra crossing repainted",
    "section": "World",
    "date": "2026-11-02T00:00:00.000Z",
    "author": "Ann \\\\ Lee",
    "summary": "Paint \\"fresh\\" and dry",
    "tags": [
      "roads",
      "say \\"hi\\""
    ],
    "related": [],
    "source": null,
    "feed": null,
    "guid": null,
    "file": "${folder}/world/zebra.md",
    "read": false
  },
  {
    "id": "world/odd\\\\u202ename\\\\x9b",
    "title": "Odd name",
    "section": "World",
    "date": "2026-11-01T00:00:00.000Z",
    "author": null,
    "summary": "",
    "tags": [],
    "related": [
      "world/apple"
    ],
    "source": null,
    "feed": null,
    "guid": null,
    "file": "${folder}/world/odd\\u202ename\\u009b.md",
    "read": false
  },
  {
    "id": "culture/undated",
    "title": "Undated note",
    "section": "Culture",
    "date": null,
    "author": null,
    "summary": "",
    "tags": [],
    "related": [],
    "source": null,
    "feed": null,
    "guid": null,
    "file": "${folder}/culture/undated.md",
    "read": false
  }
]
`);
		expect(stdout.text).not.toMatch(/[\u007F-\u009F\u202A-\u202E]/);
	});

	it('keeps to the section and to unread articles with --section and --unread', async () => {
		const library = indexed(hostileLibrary());
		const {context, stdout} = commandContext({flags: {json: true, section: 'world', unread: true}, library, stateDir: stateWithRead(['world/apple', 'world/zebra'])});
		expect(await listCommand(context)).toBe(0);
		expect((JSON.parse(stdout.text) as Array<{id: string; read: boolean}>).map(({id, read}) => ({id, read}))).toEqual([
			{id: 'world/eclair', read: false},
			{id: 'world/odd\\u202ename\\x9b', read: false},
		]);
	});

	it('escapes DEL and each kind of bidirectional control in a path, and leaves their neighbours in UTF-8 as they are', async () => {
		// Each alone in a library: one piece each. ’ (E2 80 99) and a no-break space (C2 A0) share their first bytes with controls.
		for (const [name, escaped] of [
			['del\u007F.md', 'del\\u007f.md'],
			['isolate\u2067.md', 'isolate\\u2067.md'],
			['c1\u0085.md', 'c1\\u0085.md'],
			['quote\u2019s\u00A0space.md', 'quote\u2019s\u00A0space.md'],
		]) {
			const folder = temporaryFolder('list-json-index-controls');
			write(folder, `world/${name}`, '---\ntitle: Named\nsection: World\ndate: 2026-11-01\n---\n\nBody.\n');
			const {context, stdout} = commandContext({flags: {json: true}, library: indexed(folder)});
			expect(await listCommand(context)).toBe(0);
			expect(stdout.text).toContain(`    "file": "${folder}/world/${escaped}",\n`);
			expect(stdout.text).not.toMatch(/[\u007F-\u009F\u202A-\u202E\u2066-\u2069]/);
		}
	});

	it('writes [] for no article', async () => {
		const library = indexed(hostileLibrary());
		const {context, stdout} = commandContext({flags: {json: true, section: 'culture', unread: true}, library, stateDir: stateWithRead(['culture/undated'])});
		expect(await listCommand(context)).toBe(0);
		expect(stdout.text).toBe('[]\n');
	});

	it('writes a list of many pieces as one array', async () => {
		const folder = temporaryFolder('list-json-index-many');
		const expected: unknown[] = [];
		// 1,200 articles, one a day back from 2026-11-30; the index gives them 500 at a time.
		for (let day = 0; day < 1200; day++) {
			const date = new Date(Date.UTC(2026, 10, 30) - (day * 86_400_000)).toISOString().slice(0, 10);
			write(folder, `world/story-${day}.md`, `---\ntitle: Story ${day}\nsection: World\ndate: ${date}\n---\n\nBody.\n`);
			expected.push({id: `world/story-${day}`, title: `Story ${day}`, section: 'World', date: `${date}T00:00:00.000Z`, author: null, summary: '', tags: [], related: [], source: null, feed: null, guid: null, file: path.join(folder, 'world', `story-${day}.md`), read: false});
		}

		const {context, stdout} = commandContext({flags: {json: true}, library: indexed(folder)});
		expect(await listCommand(context)).toBe(0);
		expect(stdout.text).toBe(`${JSON.stringify(expected, null, 2)}\n`);
	});

	it('writes an article as its file is now after it was edited, mended, or read again without a change', async () => {
		const folder = temporaryFolder('list-json-index-edited');
		const index = openLibraryIndex([{path: folder}], {file: undefined});
		const anHourAgo = new Date(Date.now() - 3_600_000);
		write(folder, 'world/kept.md', '---\ntitle: Kept as it is\nsection: World\ndate: 2026-11-03\n---\n\nBody.\n');
		write(folder, 'world/edited.md', '---\ntitle: First title\nsection: World\ndate: 2026-11-02\n---\n\nBody.\n');
		utimesSync(path.join(folder, 'world/edited.md'), anHourAgo, anHourAgo);
		write(folder, 'world/mended.md', '');
		utimesSync(path.join(folder, 'world/mended.md'), anHourAgo, anHourAgo);
		const listed = async () => {
			const {context, stdout} = commandContext({flags: {json: true}, library: index.library(), stateDir: stateWithRead(['world/edited'])});
			expect(await listCommand(context)).toBe(0);
			return (JSON.parse(stdout.text) as Array<{id: string; title: string; tags: string[]; read: boolean}>).map(({id, title, tags, read}) => ({id, title, tags, read}));
		};

		index.sync();
		expect(await listed()).toEqual([
			{id: 'world/kept', title: 'Kept as it is', tags: [], read: false},
			{id: 'world/edited', title: 'First title', tags: [], read: true},
		]);

		// kept.md was written within 2 s of being indexed: read again at each sync, with the same metadata.
		write(folder, 'world/edited.md', '---\ntitle: Second title\nsection: World\ndate: 2026-11-02\ntags: [late]\n---\n\nBody.\n');
		write(folder, 'world/mended.md', '---\ntitle: Mended\nsection: World\ndate: 2026-11-01\n---\n\nBody.\n');
		index.sync();
		expect(await listed()).toEqual([
			{id: 'world/kept', title: 'Kept as it is', tags: [], read: false},
			{id: 'world/edited', title: 'Second title', tags: ['late'], read: true},
			{id: 'world/mended', title: 'Mended', tags: [], read: false},
		]);
	});
});
