// The read marks on the command line: `sections` counts unread articles, `list` marks them (N) and
// `--unread` keeps only them, from the reader's state file, which the commands never write.
import {readFileSync, statSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {listCommand} from '../../source/commands/list.js';
import {sectionsCommand} from '../../source/commands/sections.js';
import {commandContext} from '../helpers/command-context.js';
import {temporaryFolder} from '../helpers/temporary-folder.js';

/** A state folder whose config.json says these articles were read. */
function stateWithRead(ids: string[]): string {
	const dir = temporaryFolder();
	const read = Object.fromEntries(ids.map(id => [id, Date.UTC(2026, 10, 2)]));
	writeFileSync(path.join(dir, 'config.json'), JSON.stringify({read, positions: {}, saved: {}, lastRead: null, commenter: null, drafts: {}}));
	return dir;
}

describe('newsread sections with read marks', () => {
	it('prints how many articles of each section are unread', async () => {
		const stateDir = stateWithRead(['world/harbour-vote', 'science/tide-gauge', 'science/moth-survey']);
		const {context, stdout, stderr} = commandContext({stateDir});
		expect(await sectionsCommand(context)).toBe(0);
		expect(stdout.text).toBe([
			'World     2  1 unread',
			'Science   2  0 unread',
			'Business  2  2 unread',
			'Arts      1  1 unread',
			'Culture   1  1 unread',
			'',
		].join('\n'));
		expect(stderr.text).toBe('');
	});

	it('gives the unread count in --json', async () => {
		const {context, stdout} = commandContext({stateDir: stateWithRead(['arts/mural']), flags: {json: true}});
		expect(await sectionsCommand(context)).toBe(0);
		expect(JSON.parse(stdout.text)).toEqual([
			{name: 'World', articles: 2, unread: 2},
			{name: 'Science', articles: 2, unread: 2},
			{name: 'Business', articles: 2, unread: 2},
			{name: 'Arts', articles: 1, unread: 0},
			{name: 'Culture', articles: 1, unread: 1},
		]);
	});
});

describe('newsread list with read marks', () => {
	it('marks each unread article with N', async () => {
		const {context, stdout} = commandContext({stateDir: stateWithRead(['world/harbour-vote', 'business/pier-cafe']), flags: {section: 'business'}});
		expect(await listCommand(context)).toBe(0);
		expect(stdout.text).toBe([
			'N 2026-11-01  business/ferry-bid  Operator plans battery-electric bid for the crossing',
			'  2026-09-15  business/pier-cafe  Pier café changes hands',
			'',
		].join('\n'));
	});

	it('lists only the unread articles with --unread', async () => {
		const read = ['world/harbour-vote', 'business/ferry-bid', 'science/tide-gauge', 'world/flood-drill', 'business/pier-cafe', 'culture/film-festival'];
		const {context, stdout} = commandContext({stateDir: stateWithRead(read), flags: {unread: true}});
		expect(await listCommand(context)).toBe(0);
		expect(stdout.text).toBe([
			'N 2026-07-01  science/moth-survey  Moor survey counts record moth species',
			'N             arts/mural           Mural restored on the library wall',
			'',
		].join('\n'));
	});

	it('gives read: true or false for each article in --json, and --unread filters it too', async () => {
		const stateDir = stateWithRead(['science/tide-gauge']);
		const all = commandContext({stateDir, flags: {json: true, section: 'Science'}});
		expect(await listCommand(all.context)).toBe(0);
		expect((JSON.parse(all.stdout.text) as Array<{id: string; read: boolean}>).map(({id, read}) => ({id, read}))).toEqual([
			{id: 'science/tide-gauge', read: true},
			{id: 'science/moth-survey', read: false},
		]);
		const unread = commandContext({stateDir, flags: {json: true, section: 'Science', unread: true}});
		expect(await listCommand(unread.context)).toBe(0);
		expect((JSON.parse(unread.stdout.text) as Array<{id: string}>).map(({id}) => id)).toEqual(['science/moth-survey']);
	});

	it('shows every article unread before anything was read (no state file), without a warning', async () => {
		const {context, stdout, stderr} = commandContext({stateDir: temporaryFolder(), flags: {section: 'arts'}});
		expect(await listCommand(context)).toBe(0);
		expect(stdout.text).toBe('N             arts/mural  Mural restored on the library wall\n');
		expect(stderr.text).toBe('');
	});

	it('says on stderr when the state file cannot be read, shows all unread, and leaves the file as it was', async () => {
		const stateDir = temporaryFolder();
		const file = path.join(stateDir, 'config.json');
		writeFileSync(file, '{"read": {"arts/mural": 1');
		const before = statSync(file).mtimeMs;
		const {context, stdout, stderr} = commandContext({stateDir, flags: {section: 'arts'}});
		expect(await listCommand(context)).toBe(0);
		expect(stdout.text).toBe('N             arts/mural  Mural restored on the library wall\n');
		expect(stderr.text).toBe(`newsread: the reading state in ${stateDir} cannot be read; every article is shown as unread\n`);
		expect(readFileSync(file, 'utf8')).toBe('{"read": {"arts/mural": 1');
		expect(statSync(file).mtimeMs).toBe(before);
	});

	it('is a usage error (exit 2) naming the sections for an unknown --section', async () => {
		const {context, stdout, stderr} = commandContext({flags: {section: 'Gardening'}});
		expect(await listCommand(context)).toBe(2);
		expect(stderr.text).toBe('newsread: no section "Gardening". Sections: World, Science, Business, Arts, Culture\n');
		expect(stdout.text).toBe('');
	});
});
