// The subcommands run in the test process with a fake output: what a script or a person reading the
// terminal gets from `newsread sections`, `list`, `read`, `import` and `doctor`.
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import {doctorCommand} from '../../source/commands/doctor.js';
import {importCommand} from '../../source/commands/import.js';
import {listCommand} from '../../source/commands/list.js';
import {readCommand} from '../../source/commands/read.js';
import {sectionsCommand} from '../../source/commands/sections.js';
import {loadLibrary} from '../../source/core/library.js';
import {commandContext, fixtureLibraryDir} from '../helpers/command-context.js';
import {temporaryFolder} from '../helpers/temporary-folder.js';

const ESC = '\u001B';
const pages = fileURLToPath(new URL('../fixtures/pages', import.meta.url));

describe('newsread sections', () => {
	it('prints each section and its article count, in the order of sections.yaml, then by name', async () => {
		const {context, stdout} = commandContext();
		expect(await sectionsCommand(context)).toBe(0);
		expect(stdout.text).toBe([
			'World     2  2 unread',
			'Science   2  2 unread',
			'Business  2  2 unread',
			'Arts      1  1 unread',
			'Culture   1  1 unread',
			'',
		].join('\n'));
	});

	it('prints the sections as JSON with --json', async () => {
		const {context, stdout} = commandContext({flags: {json: true}});
		expect(await sectionsCommand(context)).toBe(0);
		expect(JSON.parse(stdout.text)).toEqual([
			{name: 'World', articles: 2, unread: 2},
			{name: 'Science', articles: 2, unread: 2},
			{name: 'Business', articles: 2, unread: 2},
			{name: 'Arts', articles: 1, unread: 1},
			{name: 'Culture', articles: 1, unread: 1},
		]);
	});
});

describe('newsread list', () => {
	it('prints date, id and title of every article, newest first, undated last', async () => {
		const {context, stdout} = commandContext();
		expect(await listCommand(context)).toBe(0);
		expect(stdout.text.split('\n')).toEqual([
			'N 2026-11-02  world/harbour-vote     Marrowick harbour council votes to close the old ferry slip',
			'N 2026-11-01  business/ferry-bid     Operator plans battery-electric bid for the crossing',
			'N 2026-10-28  science/tide-gauge     A century of tide gauge records shows the sea rising faster',
			'N 2026-10-20  world/flood-drill      Valley towns rehearse an evacuation',
			'N 2026-09-15  business/pier-cafe     Pier café changes hands',
			'N 2026-07-01  science/moth-survey    Moor survey counts record moth species',
			'N             culture/film-festival  Island film festival announces programme',
			'N             arts/mural             Mural restored on the library wall',
			'',
		]);
	});

	it('lists one section with --section, whatever its letter case', async () => {
		for (const name of ['Science', 'science', 'SCIENCE']) {
			const {context, stdout} = commandContext({flags: {section: name}});
			expect(await listCommand(context)).toBe(0);
			expect(stdout.text).toBe([
				'N 2026-10-28  science/tide-gauge   A century of tide gauge records shows the sea rising faster',
				'N 2026-07-01  science/moth-survey  Moor survey counts record moth species',
				'',
			].join('\n'));
		}
	});

	it('fails with the known sections for an unknown --section, and prints no list', async () => {
		const {context, stdout, stderr} = commandContext({flags: {section: 'Gardening'}});
		expect(await listCommand(context)).toBe(2);
		expect(stderr.text).toBe('newsread: no section "Gardening". Sections: World, Science, Business, Arts, Culture\n');
		expect(stdout.text).toBe('');
	});

	it('gives every field as JSON with --json, null for what an article does not have', async () => {
		const {context, stdout} = commandContext({flags: {json: true, section: 'arts'}});
		expect(await listCommand(context)).toBe(0);
		expect(JSON.parse(stdout.text)).toEqual([{
			id: 'arts/mural',
			title: 'Mural restored on the library wall',
			section: 'Arts',
			date: null,
			author: null,
			summary: 'Painters spent a summer on scaffolding bringing colour back.',
			tags: ['painting'],
			related: [],
			source: null,
			feed: null,
			guid: null,
			file: path.join(fixtureLibraryDir, 'arts/mural.md'),
			read: false,
		}]);
	});

	it('writes a long list as --json the same way: one array indented by two, newest first, controls in ids escaped', async () => {
		const folder = temporaryFolder('list-json-many');
		mkdirSync(path.join(folder, 'world'), {recursive: true});
		const expected: unknown[] = [];
		// 1,200 articles, one a day back from 2026-11-30 (so the list is in this order); one file name with a right-to-left override.
		for (let day = 0; day < 1200; day++) {
			const date = new Date(Date.UTC(2026, 10, 30) - day * 86_400_000).toISOString().slice(0, 10);
			const name = day === 700 ? 'odd\u202Ename' : `story-${day}`;
			writeFileSync(path.join(folder, 'world', `${name}.md`), `---\ntitle: Story ${day}\nsection: World\ndate: ${date}\n---\n\nBody.\n`);
			// The id shows the override as a visible escape (as every id with a control character), the path has it as it is.
			expected.push({id: day === 700 ? 'world/odd\\u202ename' : `world/${name}`, title: `Story ${day}`, section: 'World', date: `${date}T00:00:00.000Z`, author: null, summary: '', tags: [], related: [], source: null, feed: null, guid: null, file: path.join(folder, 'world', `${name}.md`), read: false});
		}

		const {context, stdout} = commandContext({flags: {json: true}, library: loadLibrary([{path: folder}])});
		expect(await listCommand(context)).toBe(0);
		expect(stdout.text).toBe(`${JSON.stringify(expected, null, 2).replaceAll('\u202E', '\\u202e')}\n`);
		expect(stdout.text).not.toContain('\u202E');
		expect(JSON.parse(stdout.text)).toEqual(expected);
	});

	it('writes an empty list as [] with --json', async () => {
		const {context, stdout} = commandContext({flags: {json: true}, library: loadLibrary([{path: temporaryFolder('list-json-empty')}])});
		expect(await listCommand(context)).toBe(0);
		expect(stdout.text).toBe('[]\n');
	});
});

describe('newsread read', () => {
	it('wraps the article to --width and ends with the related articles', async () => {
		const {context, stdout} = commandContext({args: ['world/harbour-vote'], flags: {width: 40}});
		expect(await readCommand(context)).toBe(0);
		const lines = stdout.text.split('\n');
		expect(lines.slice(0, 12)).toEqual([
			'Marrowick harbour council votes to close',
			'the old ferry slip',
			'World · 2 Nov 2026 · Ines Calloway',
			'',
			'The stone ferry slip that has carried',
			'passengers across Marrowick Sound will',
			'close within two years.',
			'',
			'A tied first ballot',
			'',
			'A first ballot was tied at six votes to',
			'six. After a short adjournment, the',
		]);
		for (const line of lines) {
			expect(line.length, line).toBeLessThanOrEqual(40);
		}

		expect(lines.slice(lines.indexOf('Related articles'))).toEqual([
			'Related articles',
			'  science/tide-gauge  A century of tide',
			'  gauge records shows the sea rising',
			'  faster',
			'  business/ferry-bid  Operator plans',
			'  battery-electric bid for the crossing',
			'  business/pier-cafe  Pier café changes',
			'  hands',
			'',
		]);
	});

	it('wraps to the terminal width without --width, and to 80 columns when piped', async () => {
		const onTerminal = commandContext({args: ['world/harbour-vote'], terminal: {columns: 50}, env: {NO_COLOR: '1'}});
		await readCommand(onTerminal.context);
		expect(onTerminal.stdout.text).toContain('\nThe stone ferry slip that has carried passengers\nacross Marrowick Sound will close within two\nyears.\n');

		const piped = commandContext({args: ['world/harbour-vote']});
		await readCommand(piped.context);
		expect(piped.stdout.text).toContain('\nThe stone ferry slip that has carried passengers across Marrowick Sound will\nclose within two years.\n');
	});

	it('draws subheadings in bold cyan on a terminal', async () => {
		const {context, stdout} = commandContext({args: ['world/harbour-vote'], terminal: {columns: 80}});
		await readCommand(context);
		expect(stdout.text.split('\n')).toContain(`${ESC}[1m${ESC}[36mA tied first ballot${ESC}[39m${ESC}[22m`);
	});

	it('prints no colour with NO_COLOR, but subheadings still bold and underlined', async () => {
		const {context, stdout} = commandContext({args: ['world/harbour-vote'], terminal: {columns: 80}, env: {NO_COLOR: '1'}});
		expect(await readCommand(context)).toBe(0);
		expect(stdout.text.split('\n')).toContain(`${ESC}[4m${ESC}[1mA tied first ballot${ESC}[22m${ESC}[24m`);
		// No foreground or background colour anywhere (SGR 30-49, 90-107).
		expect(stdout.text).not.toMatch(/\u001B\[(?:3\d|4\d|9\d|10\d)m/);
	});

	it('prints plain text with TERM=dumb, or when piped', async () => {
		for (const options of [{terminal: {columns: 80}, env: {TERM: 'dumb'}}, {}]) {
			const {context, stdout} = commandContext({args: ['world/harbour-vote'], ...options});
			expect(await readCommand(context)).toBe(0);
			expect(stdout.text).toContain('\nA tied first ballot\n');
			expect(stdout.text).not.toContain(ESC);
		}
	});

	it('suggests the closest ids for an unknown id', async () => {
		const {context, stdout, stderr} = commandContext({args: ['world/harbor-vote']});
		expect(await readCommand(context)).toBe(1);
		expect(stderr.text).toMatch(/^newsread: no article "world\/harbor-vote"\.\nDid you mean:\n {2}world\/harbour-vote\n/);
		expect(stdout.text).toBe('');
	});

	it('is a usage error without an id, with two ids, or with a width under 10 or not whole', async () => {
		for (const [args, width] of [[[], undefined], [['world/harbour-vote', 'arts/mural'], undefined], [['world/harbour-vote'], 9], [['world/harbour-vote'], 40.5], [['world/harbour-vote'], Number.NaN]] as const) {
			const {context, stderr} = commandContext({args: [...args], flags: {width}});
			expect(await readCommand(context), `${args.join(' ')} --width ${width}`).toBe(2);
			expect(stderr.text).toMatch(/^newsread: (usage: newsread read <id>|--width must be a whole number of columns, at least 10)/);
		}
	});
});

describe('newsread import', () => {
	const capture = path.join(pages, 'harbour-road.txt');
	const id = 'local/port-wenlow-council-votes-to-close-the-old-harbour-road';

	it('writes the capture as an article in the user folder and prints its id', async () => {
		const userArticlesDir = temporaryFolder();
		const {context, stdout, stderr} = commandContext({args: [capture], userArticlesDir});
		expect(await importCommand(context)).toBe(0);
		expect(stderr.text).toBe('');
		expect(stdout.text).toBe(`${id}\n`);
		const imported = loadLibrary([{path: userArticlesDir}]);
		expect(imported.get(id)).toMatchObject({
			title: 'Port Wenlow council votes to close the old harbour road',
			section: 'Local',
			date: '2026-11-03T10:00:00.000Z',
		});
		expect(readFileSync(path.join(userArticlesDir, `${id}.md`), 'utf8')).toContain('# imported from harbour-road.txt');
	});

	it('puts the article in the --section folder', async () => {
		const userArticlesDir = temporaryFolder();
		const {context, stdout} = commandContext({args: [capture], flags: {section: 'World'}, userArticlesDir});
		expect(await importCommand(context)).toBe(0);
		expect(stdout.text).toBe('world/port-wenlow-council-votes-to-close-the-old-harbour-road\n');
	});

	it('imports what it can and exits 1 naming each file it could not import', async () => {
		const userArticlesDir = temporaryFolder();
		const missing = path.join(pages, 'no-such-page.txt');
		const menuOnly = path.join(pages, 'menu-only.txt');
		const {context, stdout, stderr} = commandContext({args: [missing, capture, menuOnly], userArticlesDir});
		expect(await importCommand(context)).toBe(1);
		expect(stdout.text).toBe(`${id}\n`);
		const errors = stderr.text.trimEnd().split('\n');
		expect(errors).toHaveLength(2);
		expect(errors[0]).toMatch(/^newsread: .*no-such-page\.txt: /);
		expect(errors[1]).toMatch(/^newsread: .*menu-only\.txt: /);
	});

	it('is a usage error without a file', async () => {
		const {context, stderr} = commandContext();
		expect(await importCommand(context)).toBe(2);
		expect(stderr.text).toBe('newsread: usage: newsread import <file...> [--section NAME]\n');
	});
});

describe('newsread doctor', () => {
	it('says how many articles loaded and that there are no problems', async () => {
		const {context, stdout} = commandContext();
		expect(await doctorCommand(context)).toBe(0);
		expect(stdout.text).toBe('8 articles loaded, 0 problems\n');
	});

	it('names each file that could not be loaded and why, and exits 1', async () => {
		const folder = temporaryFolder();
		mkdirSync(path.join(folder, 'local'));
		writeFileSync(path.join(folder, 'local/good.md'), '---\ntitle: Good\nsection: Local\n---\nBody.\n');
		writeFileSync(path.join(folder, 'local/empty.md'), '');
		const library = loadLibrary([{path: folder}]);
		const {context, stdout} = commandContext({library});
		expect(await doctorCommand(context)).toBe(1);
		expect(stdout.text).toBe(`${path.join(folder, 'local/empty.md')}: empty file\n1 articles loaded, 1 problem\n`);
	});
});
