// Real saved pages, as sites write them: the menu's navigation is neither section nor tag, the byline
// is the author, "Published …"/"Updated …" the date, the share bars, comment forms and © are dropped,
// and a page imported twice is found, not copied.
import {readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import {parse as parseYaml} from 'yaml';
import {importCommand} from '../../source/commands/import.js';
import {loadLibrary} from '../../source/core/library.js';
import {parsePageDate} from '../../source/core/page-meta.js';
import {pageCaptureToMarkdown, parsePageCapture} from '../../source/core/parse-page.js';
import {commandContext} from '../helpers/command-context.js';
import {temporaryFolder} from '../helpers/temporary-folder.js';

const pages = fileURLToPath(new URL('../fixtures/pages', import.meta.url));
const importTime = new Date('2026-12-01T08:00:00Z');

function imported(name: string) {
	const markdown = pageCaptureToMarkdown(parsePageCapture(readFileSync(path.join(pages, name), 'utf8')), {date: importTime});
	const [, frontmatter = '', body = ''] = /^---\n([\s\S]*?)---\n\n([\s\S]*)$/.exec(markdown) ?? [];
	return {fields: parseYaml(frontmatter) as Record<string, unknown>, body};
}

describe('importing real pages', () => {
	it('reads a news site with a Home … Subscribe | Log in menu, byline, date, subheadings and furniture', () => {
		const {fields, body} = imported('ledger-daily.txt');
		expect(fields).toMatchObject({
			title: 'Tern Island votes to keep its last post office open',
			section: 'World',
			author: 'Jane Doe',
			date: '2026-11-27',
			tags: ['business', 'science', 'culture', 'opinion'],
		});
		expect(fields['summary']).toMatch(/^Residents of Tern Island voted/);
		expect(body.split('\n\n').map(block => block.slice(0, 30))).toEqual([
			'Residents of Tern Island voted',
			'The office, which also sells b',
			'## WHO WILL PAY',
			'The levy of four pounds a mont',
			'Postmistress Elin Carrow said ',
			'## A Counter With a Future',
			'The council will now look for ',
		]);
		for (const furniture of ['Share this', 'Related', 'Leave a Reply', '©', 'Jane Doe', 'Published']) {
			expect(body).not.toContain(furniture);
		}
	});

	it('reads a standfirst, then two authors and an updated date on one line with the reading time', () => {
		const {fields, body} = imported('coastline-courier.txt');
		expect(fields).toMatchObject({
			section: 'News',
			author: 'Tomas Verhoeven and Anna de Vries',
			date: '2026-11-28',
			tags: ['sport', 'weather'],
		});
		expect(body).toMatch(/^The concrete gates took four winters/);
		expect(body).toContain('\n\n## How the Gates Work\n\n');
		expect(body).not.toMatch(/Written by|min read|Share this|Copyright/);
	});

	it('reads "Posted on 2026-10-14 at 09:30 | By Maria Okafor", and skips Home and Search wherever they are in the menu', () => {
		const {fields, body} = imported('valley-post.txt');
		expect(fields).toMatchObject({section: 'News', author: 'Maria Okafor', date: '2026-10-14', tags: ['valley', 'farming', 'schools']});
		expect(body).toMatch(/^Growers across the lower valley/);
		expect(body).not.toContain('Leave a comment');
	});

	it('reads an organisation as the author and 27/11/2026 as 27 November', () => {
		const {fields, body} = imported('harbour-notes.txt');
		expect(fields).toMatchObject({section: 'World', author: 'the Harbour Trust', date: '2026-11-27', tags: ['local', 'opinion']});
		expect(body).toMatch(/^The old keeper's cottage/);
	});

	it('keeps the import time as the date of a page that gives none', () => {
		expect(imported('harbour-road.txt').fields['date']).toBe('2026-12-01T08:00:00.000Z');
	});

	it('does not take a sentence that starts with "By" for a byline', () => {
		const capture = parsePageCapture('World\nFerry fares to rise\n\nBy the end of the year fares will rise by a tenth, the operator said on Monday.\n');
		expect(capture.author).toBeUndefined();
		expect(capture.blocks).toHaveLength(1);
	});
});

describe('dates as news pages write them', () => {
	it.each([
		['27 November 2026', '2026-11-27'],
		['Nov 27, 2026', '2026-11-27'],
		['November 27th, 2026', '2026-11-27'],
		['Friday 27 November 2026, 14:05 GMT', '2026-11-27'],
		['Fri, 27 Nov 2026', '2026-11-27'],
		['2026-11-27', '2026-11-27'],
		['2026-11-27T09:30:00Z', '2026-11-27'],
		['27/11/2026', '2026-11-27'],
		['11/27/2026', '2026-11-27'],
		['27.11.2026', '2026-11-27'],
	])('reads %s', (text, day) => {
		expect(parsePageDate(text)).toBe(day);
	});

	it.each(['05/06/2026', '31 February 2026', '2026-13-01', 'next Tuesday', 'November 2026'])('does not guess at %s', text => {
		expect(parsePageDate(text)).toBeUndefined();
	});
});

describe('newsread import of the same page twice', () => {
	const capture = path.join(pages, 'ledger-daily.txt');
	const id = 'world/tern-island-votes-to-keep-its-last-post-office-open';

	it('says it is already there and prints its id, in the same run or a later one, writing nothing new', async () => {
		const userArticlesDir = temporaryFolder();
		const first = commandContext({args: [capture, capture], userArticlesDir});
		expect(await importCommand(first.context)).toBe(0);
		expect(first.stdout.text).toBe(`${id}\n${id}\n`);
		expect(first.stderr.text).toBe(`newsread: ${capture} is already there, as ${id} (the same title and text)\n`);

		const later = commandContext({args: [capture], userArticlesDir, library: loadLibrary([{path: userArticlesDir}])});
		expect(await importCommand(later.context)).toBe(0);
		expect(later.stdout.text).toBe(`${id}\n`);
		expect(later.stderr.text).toBe(`newsread: ${capture} is already there, as ${id} (the same title and text)\n`);
		expect(loadLibrary([{path: userArticlesDir}]).articles.map(article => article.id)).toEqual([id]);
	});

	it('gives another page with the same headline an id of its own (-2)', async () => {
		const userArticlesDir = temporaryFolder();
		const other = path.join(temporaryFolder(), 'other.txt');
		writeFileSync(other, 'World\nTern Island votes to keep its last post office open\n\nA different report of the same vote, written by another paper for its readers.\n');
		const {context, stdout, stderr} = commandContext({args: [capture, other], userArticlesDir});
		expect(await importCommand(context)).toBe(0);
		expect(stdout.text).toBe(`${id}\n${id}-2\n`);
		expect(stderr.text).toBe('');
	});

	it('says a missing file is not found, in one line', async () => {
		const missing = path.join(pages, 'no-such-page.txt');
		const {context, stderr} = commandContext({args: [missing], userArticlesDir: temporaryFolder()});
		expect(await importCommand(context)).toBe(1);
		expect(stderr.text).toBe(`newsread: ${missing}: not found\n`);
	});
});
