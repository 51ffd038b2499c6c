import {mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {Article, Block, Inline} from '../../source/core/article.js';
import {layoutArticle, lineText, type Layout, type Segment} from '../../source/core/layout.js';
import {type Library, loadLibrary} from '../../source/core/library.js';
import {
	findInLayout,
	highlightSegments,
	markdownToPlainText,
	searchLibrary,
	SNIPPET_LENGTH,
	type SearchHit,
	type SearchOptions,
} from '../../source/core/search.js';

// --- A small library in a temporary folder.

const filler = 'The town council met on Tuesday evening to hear from residents about parking, bins and the bus timetable. ';

const articles: Record<string, string> = {
	'world/harbour-vote.md': article({
		title: 'Harbour vote passes',
		section: 'world',
		date: '2024-05-03',
		summary: 'Councillors approve a new sea wall.',
		tags: ['council'],
	}, 'The vote was close. Ferry operators welcomed it.\n'),
	'world/ferry-strike.md': article({
		title: 'Harbour ferry strike',
		section: 'world',
		date: '2024-04-01',
		summary: 'Crews walk out over pay.',
		tags: ['transport'],
	}, 'No boats ran on Monday.\n'),
	'science/tide-gauge.md': article({
		title: 'Tide gauge records a record high',
		section: 'science',
		date: '2024-05-04',
		summary: 'Readings at the harbour mouth were the highest in a century.',
		tags: ['weather'],
		author: 'Dana Okafor',
	}, 'The gauge was installed in 1924.\n'),
	'business/pier-cafe.md': article({
		title: 'Café opens on the pier',
		section: 'business',
		date: '2024-05-01',
		summary: 'A small café now serves tea by the water.',
		tags: ['food'],
	}, 'The owner said the **espresso** machine came from [Lisbon](https://example.com/lisbon) by boat.\n'),
	'culture/kite-day.md': article({
		title: 'Kite day draws crowds',
		section: 'culture',
		date: '2024-04-20',
		summary: 'Families flew kites on the common.',
		tags: ['events'],
	}, `${filler.repeat(3)}\n\n## Wind\n\nA steady _zephyrine_ breeze off the harbour kept the kites up all afternoon. ${filler.repeat(2)}\n\nTomorrow: the regatta.\n`),
	'arts/gallery.md': article({
		title: 'Gallery reopens',
		section: 'arts',
		date: '2024-03-10',
		summary: 'The gallery is open again after repairs.',
		tags: ['art'],
	}, `${'Re\u0301sume\u0301 de\u0301ja\u0300 vu. '.repeat(8)}The restorers used a lacquer called vermilionite on the frames. ${filler.repeat(2)}\n`),
};

function article(fields: {title: string; section: string; date: string; summary: string; tags: string[]; author?: string}, body: string): string {
	const lines = [
		'---',
		`title: ${fields.title}`,
		`section: ${fields.section}`,
		`date: ${fields.date}`,
		`summary: ${fields.summary}`,
		`tags: [${fields.tags.join(', ')}]`,
		...(fields.author === undefined ? [] : [`author: ${fields.author}`]),
		'---',
		'',
		body,
	];
	return lines.join('\n');
}

let folder: string;
let library: Library;

beforeAll(() => {
	folder = mkdtempSync(path.join(tmpdir(), 'newsread-search-test-'));
	for (const [relativePath, text] of Object.entries(articles)) {
		const file = path.join(folder, relativePath);
		mkdirSync(path.dirname(file), {recursive: true});
		writeFileSync(file, text);
	}

	library = loadLibrary([{path: folder}]);
});

afterAll(() => {
	rmSync(folder, {recursive: true, force: true});
});

/** Searches the test library, its bodies read by the library (as the reader does). */
function search(query: string, options: Partial<SearchOptions> = {}): SearchHit[] {
	return searchLibrary(library, query, {readBody: article => library.body(article.id), ...options});
}

function ids(hits: readonly SearchHit[]): string[] {
	return hits.map(hit => hit.article.id);
}

function fileOf(id: string): string {
	return path.join(folder, `${id}.md`);
}

/** Rewrites a file and moves its modification time on, so a cached body is seen to be stale. */
function rewrite(id: string, text: string | Uint8Array, secondsLater: number): void {
	const file = fileOf(id);
	writeFileSync(file, text);
	const time = new Date(Date.now() + (secondsLater * 1000));
	utimesSync(file, time, time);
}

// --- Searching the library

describe('searchLibrary', () => {
	it('the library loads every test article', () => {
		expect(library.problems).toEqual([]);
		expect(library.articles).toHaveLength(6);
	});

	it('lists articles with the word in the title first, then summary matches, then body-only matches', () => {
		const hits = search('harbour');
		expect(ids(hits)).toEqual([
			// Both have it in the title: newest first.
			'world/harbour-vote',
			'world/ferry-strike',
			// In the summary only, although it is the newest article of all.
			'science/tide-gauge',
			// In the body only.
			'culture/kite-day',
		]);
		const scores = hits.map(hit => hit.score);
		expect([...scores].sort((a, b) => b - a)).toEqual(scores);
	});

	it('ranks an article with all the words in its title above one with only some of them there', () => {
		const hits = search('harbour ferry');
		// ferry-strike has both words in its title; harbour-vote has "harbour" there and "ferry" in its body.
		expect(ids(hits)).toEqual(['world/ferry-strike', 'world/harbour-vote']);
		expect(hits[0]!.score).toBeGreaterThan(hits[1]!.score);
	});

	it('only finds articles that contain every word of the query', () => {
		expect(ids(search('harbour zephyrine'))).toEqual(['culture/kite-day']);
		expect(search('harbour doesnotappearanywhere')).toEqual([]);
	});

	it('ignores case and the order of the words', () => {
		expect(ids(search('STRIKE Ferry'))).toEqual(['world/ferry-strike']);
	});

	it('finds "Café" when searching for "cafe", and the other way round', () => {
		expect(ids(search('cafe'))).toEqual(['business/pier-cafe']);
		expect(ids(search('CAFÉ'))).toEqual(['business/pier-cafe']);
		expect(ids(search('cafe\u0301'))).toEqual(['business/pier-cafe']);
	});

	it('finds an article by its tags or its author', () => {
		expect(ids(search('transport'))).toEqual(['world/ferry-strike']);
		expect(ids(search('okafor'))).toEqual(['science/tide-gauge']);
	});

	it('finds an article by a word that only appears in its body, with a snippet around the word', () => {
		const hits = search('zephyrine');
		expect(ids(hits)).toEqual(['culture/kite-day']);
		const {snippet} = hits[0]!;
		expect(snippet).toContain('zephyrine');
		// Cut from the middle of a long body: one line, short, Markdown emphasis gone.
		expect(snippet.length).toBeLessThanOrEqual(SNIPPET_LENGTH);
		expect(snippet).not.toMatch(/[\n_]/);
		expect(snippet.startsWith('…')).toBe(true);
		expect(snippet.endsWith('…')).toBe(true);
		expect(snippet).toContain('A steady zephyrine breeze off the harbour');
	});

	it('fills the snippet with text before the match when the match is near the end of the body', () => {
		const [hit] = search('regatta');
		expect(hit?.snippet.startsWith('…')).toBe(true);
		expect(hit?.snippet.endsWith('Tomorrow: the regatta.')).toBe(true);
		expect(hit?.snippet.length).toBeGreaterThan(SNIPPET_LENGTH - 20);
		expect(hit?.snippet.length).toBeLessThanOrEqual(SNIPPET_LENGTH);
	});

	it('puts the matched word in the snippet when accented text before it folds shorter', () => {
		// Every decomposed "é" is two characters in the text and one when folded.
		const [hit] = search('vermilionite');
		expect(hit?.snippet).toContain('lacquer called vermilionite on the frames.');
		// The snippet starts a little before the word, not 32 characters further back.
		expect(hit?.snippet.indexOf('vermilionite')).toBeGreaterThan(20);
		expect(hit?.snippet.indexOf('vermilionite')).toBeLessThanOrEqual(41);
		expect(hit?.snippet.length).toBeLessThanOrEqual(SNIPPET_LENGTH);
	});

	it('shows link text, not Markdown link syntax, in a body snippet', () => {
		const [hit] = search('lisbon');
		expect(hit?.article.id).toBe('business/pier-cafe');
		expect(hit?.snippet).toBe('The owner said the espresso machine came from Lisbon by boat.');
	});

	it('shows the summary as the snippet when the title or summary matched', () => {
		const [hit] = search('gauge');
		expect(hit?.snippet).toBe('Readings at the harbour mouth were the highest in a century.');
	});

	it('finds nothing for an empty or blank query', () => {
		expect(search('')).toEqual([]);
		expect(search('   \t ')).toEqual([]);
	});

	it('returns at most `limit` hits', () => {
		expect(ids(search('harbour', {limit: 2}))).toEqual(['world/harbour-vote', 'world/ferry-strike']);
	});

	it('does not match words of the frontmatter keys or the Markdown link address', () => {
		expect(search('section')).toEqual([]);
		expect(search('example.com')).toEqual([]);
	});

	it('picks up a changed article body on the next search', () => {
		const original = articles['arts/gallery.md']!;
		try {
			expect(ids(search('vermilionite'))).toEqual(['arts/gallery']);
			rewrite('arts/gallery', original.replace('vermilionite', 'ultramarinite'), 10);
			expect(search('vermilionite')).toEqual([]);
			expect(ids(search('ultramarinite'))).toEqual(['arts/gallery']);
		} finally {
			rewrite('arts/gallery', original, 20);
		}
	});

	it('keeps searching when an article file has become unreadable: its title still matches, its body does not', () => {
		const original = articles['arts/gallery.md']!;
		try {
			rewrite('arts/gallery', new Uint8Array([0x2D, 0x2D, 0x2D, 0x0A, 0x00, 0xFF, 0xFE]), 30);
			expect(search('vermilionite')).toEqual([]);
			expect(ids(search('gallery'))).toEqual(['arts/gallery']);
			// Other articles are still found by their bodies.
			expect(ids(search('zephyrine'))).toEqual(['culture/kite-day']);

			rmSync(fileOf('arts/gallery'));
			expect(search('vermilionite')).toEqual([]);
			expect(ids(search('reopens'))).toEqual(['arts/gallery']);
		} finally {
			rewrite('arts/gallery', original, 40);
		}
	});
});

describe('searchLibrary: tiers for a query of several words', () => {
	// Query "lighthouse keeper". The order is written out by hand from the rule the reader promises:
	// all words in the title, then some in the title, then words only in the summary or tags, then
	// the body; within "some in the title", more words in the title or summary first.
	const tiers: Record<string, string> = {
		// Newest of all, but only its body has the words.
		'body-only.md': article({title: 'Harbour notes', section: 'world', date: '2024-04-01', summary: 'Boats.', tags: ['port']}, 'A lighthouse keeper spoke.\n'),
		// Newer than every article with a word in its title, but both words are only in the summary.
		'summary-both.md': article({title: 'Coastal news', section: 'world', date: '2024-03-01', summary: 'The lighthouse keeper retires.', tags: ['port']}, 'Nothing else.\n'),
		'title-both.md': article({title: 'Lighthouse keeper honoured', section: 'world', date: '2024-02-01', summary: 'A medal.', tags: ['port']}, 'Nothing else.\n'),
		// One word in the title, the other only in the body.
		'title-one-body.md': article({title: 'Lighthouse repainted', section: 'world', date: '2024-01-01', summary: 'Work on the tower.', tags: ['port']}, 'The keeper watched.\n'),
		// One word in the title, the other in the summary: above the one with the other in the body.
		'title-one-summary.md': article({title: 'Keeper log', section: 'world', date: '2023-12-01', summary: 'A lighthouse diary.', tags: ['port']}, 'Nothing else.\n'),
	};
	let tierFolder: string;
	let tierLibrary: Library;

	beforeAll(() => {
		tierFolder = mkdtempSync(path.join(tmpdir(), 'newsread-search-tiers-'));
		for (const [name, text] of Object.entries(tiers)) {
			writeFileSync(path.join(tierFolder, name), text);
		}

		tierLibrary = loadLibrary([{path: tierFolder}]);
	});

	afterAll(() => {
		rmSync(tierFolder, {recursive: true, force: true});
	});

	it('ranks "some words in the title" above "all words in the summary", however new that one is', () => {
		const hits = searchLibrary(tierLibrary, 'lighthouse keeper', {readBody: hit => tierLibrary.body(hit.id)});
		expect(ids(hits)).toEqual(['title-both', 'title-one-summary', 'title-one-body', 'summary-both', 'body-only']);
	});
});

describe('searchLibrary: bodies come from the reader it is given', () => {
	it('finds a word in the body the reader gives, whatever is on disk', () => {
		const hits = searchLibrary(library, 'quokka', {readBody: ({id}) => (id === 'arts/gallery' ? 'A *quokka* visited the gallery.' : undefined)});
		expect(ids(hits)).toEqual(['arts/gallery']);
		expect(hits[0]!.snippet).toBe('A quokka visited the gallery.');
	});

	it('still finds titles and summaries when the reader has no bodies, and no body-only match', () => {
		const noBodies = {readBody: () => undefined};
		expect(ids(searchLibrary(library, 'gallery', noBodies))).toEqual(['arts/gallery']);
		expect(searchLibrary(library, 'vermilionite', noBodies)).toEqual([]);
	});

	it('sees a body the reader gives differently on the next search', () => {
		let body = 'First draft mentions walruses.';
		const options = {readBody: ({id}: {id: string}) => (id === 'arts/gallery' ? body : undefined)};
		expect(ids(searchLibrary(library, 'walruses', options))).toEqual(['arts/gallery']);
		body = 'Second draft mentions narwhals.';
		expect(searchLibrary(library, 'walruses', options)).toEqual([]);
		expect(ids(searchLibrary(library, 'narwhals', options))).toEqual(['arts/gallery']);
	});
});

describe('markdownToPlainText', () => {
	it('strips headings, quotes, emphasis and link syntax but keeps words with underscores', () => {
		expect(markdownToPlainText('## A *big* day\n\n> Said __she__, see [the site](https://x.org) and snake_case.'))
			.toBe('A big day Said she, see the site and snake_case.');
	});
});

// --- Finding in an article

function inline(text: string, style: Inline['style'] = 'plain'): Inline {
	return {text, style};
}

function makeArticle(blocks: Block[]): Article {
	return {
		id: 'test/find',
		title: 'Find test',
		section: 'test',
		summary: '',
		tags: [],
		related: [],
		file: '/tmp/find.md',
		blocks,
	};
}

const findArticle = makeArticle([
	{kind: 'paragraph', inlines: [inline('The Harbour is calm; the '), inline('harbour', 'strong'), inline(' boats rest.')]},
	{kind: 'subheading', level: 2, text: 'Café society'},
	{kind: 'paragraph', inlines: [inline('東京の港で花火大会。東京は晴れ。')]},
	{kind: 'list-item', ordered: false, number: 1, depth: 0, inlines: [inline('a harbour list item')]},
	{kind: 'paragraph', inlines: [inline('Decomposed: Cafe\u0301 and a \uFB01ne ligature.')]},
]);

/** The matched text of every match, with its line. */
function matchedTexts(layout: Layout, query: string): Array<[number, string]> {
	return findInLayout(layout, query).map(({line, start, end}) => [line, lineText(layout.lines[line]!).slice(start, end)]);
}

function lineWith(layout: Layout, text: string): number {
	return layout.lines.findIndex(line => lineText(line).includes(text));
}

describe('findInLayout', () => {
	const layout = layoutArticle(findArticle, 80);

	it('finds every occurrence of a word, whatever its case, on the lines it is on', () => {
		const first = lineWith(layout, 'The Harbour is calm');
		const list = lineWith(layout, 'a harbour list item');
		const matches = findInLayout(layout, 'harbour');
		const firstText = lineText(layout.lines[first]!);
		const listText = lineText(layout.lines[list]!);
		expect(matches).toEqual([
			{line: first, start: firstText.indexOf('Harbour'), end: firstText.indexOf('Harbour') + 7},
			{line: first, start: firstText.indexOf('harbour'), end: firstText.indexOf('harbour') + 7},
			// Offsets count the list marker in front of the item.
			{line: list, start: listText.indexOf('harbour'), end: listText.indexOf('harbour') + 7},
		]);
		expect(listText.indexOf('harbour')).toBe('• a '.length);
	});

	it('finds a word in capitals and spanning differently styled segments', () => {
		expect(matchedTexts(layout, 'CALM; THE HARB')).toEqual([[lineWith(layout, 'calm'), 'calm; the harb']]);
	});

	it('finds "Café" in a subheading when searching for "cafe", covering the accent', () => {
		const heading = lineWith(layout, 'Café society');
		const decomposed = lineWith(layout, 'Decomposed');
		expect(matchedTexts(layout, 'cafe')).toEqual([
			[heading, 'Café'],
			// A decomposed é: the combining accent is part of the match.
			[decomposed, 'Cafe\u0301'],
		]);
		expect(findInLayout(layout, 'cafe')[0]).toEqual({line: heading, start: 0, end: 4});
	});

	it('finds Chinese text on a CJK line with offsets into the original text', () => {
		const line = lineWith(layout, '東京の港');
		const text = lineText(layout.lines[line]!);
		expect(findInLayout(layout, '東京')).toEqual([
			{line, start: 0, end: 2},
			{line, start: text.lastIndexOf('東京'), end: text.lastIndexOf('東京') + 2},
		]);
		expect(text.lastIndexOf('東京')).toBe(10);
	});

	it('matches a ligature as the letters it stands for', () => {
		expect(matchedTexts(layout, 'fine')).toEqual([[lineWith(layout, 'ligature'), '\uFB01ne']]);
	});

	it('finds nothing for an empty query or text that is not there', () => {
		expect(findInLayout(layout, '')).toEqual([]);
		expect(findInLayout(layout, '  ')).toEqual([]);
		expect(findInLayout(layout, 'lighthouse')).toEqual([]);
	});

	it('does not find a match that would run across a line break', () => {
		const narrow = layoutArticle(makeArticle([{kind: 'paragraph', inlines: [inline('aaaa bbbb cccc dddd')]}]), 10);
		expect(narrow.lines.map(line => lineText(line))).toEqual(['aaaa bbbb', 'cccc dddd']);
		expect(findInLayout(narrow, 'bbbb cccc')).toEqual([]);
		expect(findInLayout(narrow, 'bbbb')).toEqual([{line: 0, start: 5, end: 9}]);
	});
});

describe('highlightSegments', () => {
	const segments: Segment[] = [
		{text: 'The ', style: 'plain'},
		{text: 'big', style: 'strong'},
		{text: ' harbour', style: 'plain'},
	];

	it('splits a match that spans three segments, each part keeping its style', () => {
		expect(highlightSegments(segments, [{start: 2, end: 9}])).toEqual([
			{text: 'Th', style: 'plain'},
			{text: 'e ', style: 'plain', match: true},
			{text: 'big', style: 'strong', match: true},
			{text: ' h', style: 'plain', match: true},
			{text: 'arbour', style: 'plain'},
		]);
	});

	it('highlights several matches, in any order, including at the very start and end of the line', () => {
		const result = highlightSegments(segments, [{start: 11, end: 15}, {start: 0, end: 3}]);
		expect(result).toEqual([
			{text: 'The', style: 'plain', match: true},
			{text: ' ', style: 'plain'},
			{text: 'big', style: 'strong'},
			{text: ' har', style: 'plain'},
			{text: 'bour', style: 'plain', match: true},
		]);
	});

	it('highlights a match that is exactly one segment', () => {
		expect(highlightSegments(segments, [{start: 4, end: 7}])).toEqual([
			{text: 'The ', style: 'plain'},
			{text: 'big', style: 'strong', match: true},
			{text: ' harbour', style: 'plain'},
		]);
	});

	it('leaves the line as it is with no matches, and never changes the text', () => {
		expect(highlightSegments(segments, [])).toEqual(segments);
		const result = highlightSegments(segments, [{start: 1, end: 5}, {start: 3, end: 8}]);
		expect(result.map(segment => segment.text).join('')).toBe('The big harbour');
		expect(result.filter(segment => segment.match).map(segment => segment.text).join('')).toBe('he big ');
	});

	it('highlights what findInLayout found on a laid-out line', () => {
		const layout = layoutArticle(findArticle, 80);
		const line = lineWith(layout, 'The Harbour is calm');
		const ranges = findInLayout(layout, 'harbour').filter(match => match.line === line);
		const result = highlightSegments(layout.lines[line]!.segments, ranges);
		expect(result.filter(segment => segment.match)).toEqual([
			{text: 'Harbour', style: 'plain', match: true},
			{text: 'harbour', style: 'strong', match: true},
		]);
		expect(result.map(segment => segment.text).join('')).toBe(lineText(layout.lines[line]!));
	});
});
