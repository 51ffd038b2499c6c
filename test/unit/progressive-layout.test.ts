// A long body parsed and laid out a chunk at a time shows the same lines as the whole body parsed at
// once (parseMarkdownBlocks lexes it whole: an independent path), and its first page is there after
// one chunk.
import stringWidth from 'string-width';
import {describe, expect, it} from 'vitest';
import type {Article} from '../../source/core/article.js';
import {layoutArticle, lineText} from '../../source/core/layout.js';
import {CHUNK_CHARS, CHUNKED_BODY_CHARS, markdownChunks, parseMarkdownBlocks} from '../../source/core/parse-markdown.js';
import {ProgressiveArticle} from '../../source/core/progressive-layout.js';
import {articleShapes, mixedBody, SHAPE_BYTES} from '../generate-shapes.js';

const meta = {id: 't/long', file: '/t/long.md', title: 'Long', section: 'Tests', summary: '', tags: [], related: []};

/** The lines of the whole body lexed at once, as every article shorter than CHUNKED_BODY_CHARS is. */
function wholeLines(body: string, width: number): string[] {
	const article: Article = {...meta, blocks: parseMarkdownBlocks(body)};
	return layoutArticle(article, width).lines.map(line => lineText(line));
}

function chunkedLines(body: string, width: number): {lines: string[]; steps: number} {
	const layout = new ProgressiveArticle(body).layoutAt(width);
	let steps = 0;
	while (!layout.done) {
		layout.step();
		steps++;
	}

	return {lines: layout.lines.map(line => lineText(line)), steps};
}

describe('a long body laid out a chunk at a time', () => {
	// A quarter of the 10 MB limit: long enough for dozens of chunks, quick enough for a busy machine.
	const shapes = articleShapes(Math.floor(SHAPE_BYTES / 4));

	it.each(shapes.map(shape => shape.name))('shows the same lines as the whole body parsed at once: %s', name => {
		const shape = shapes.find(candidate => candidate.name === name)!;
		const {lines, steps} = chunkedLines(shape.body, 80);
		expect(lines.length).toBeGreaterThan(0);
		expect(steps).toBeGreaterThan(0);
		const whole = wholeLines(shape.body, 80);
		expect(lines.length).toBe(whole.length);
		// Compared whole, but reported at the first difference.
		const first = lines.findIndex((line, index) => line !== whole[index]);
		expect(first === -1 ? undefined : {line: first, chunked: lines[first], whole: whole[first]}).toBeUndefined();
	});

	it('lays a short body out whole in one step, so the page count shows in the first frame', () => {
		const layout = new ProgressiveArticle('## Title\n\nOne paragraph.\n').layoutAt(80);
		layout.step();
		expect(layout.done).toBe(true);
		expect(layout.lines.map(line => lineText(line))).toEqual(['Title', '', 'One paragraph.']);
	});

	it('cuts the many-headings body into many chunks, and shows its first page after the first', () => {
		const headings = shapes.find(shape => shape.name === 'headings')!;
		expect([...markdownChunks(headings.body)].length).toBeGreaterThan(50);
		const layout = new ProgressiveArticle(headings.body).layoutAt(80);
		layout.step();
		expect(layout.done).toBe(false);
		expect(layout.lines.slice(0, 4).map(line => lineText(line))).toEqual(['Heading 0', '', 'Text 0.', '']);
		expect(layout.subheadings.slice(0, 2)).toEqual([0, 4]);
	});

	it('cuts a long fenced code block and a long table between their lines, showing each line once', () => {
		const code = Array.from({length: 20_000}, (_, index) => `let x${index} = ${index};`).join('\n');
		const rows = Array.from({length: 20_000}, (_, index) => `| r${index} | ${index} |`).join('\n');
		const body = `Before.\n\n\`\`\`js\n${code}\n\`\`\`\n\n| key | value |\n| --- | --- |\n${rows}\n\nAfter.\n`;
		expect(body.length).toBeGreaterThan(CHUNKED_BODY_CHARS);
		expect([...markdownChunks(body)].length).toBeGreaterThan(body.length / CHUNK_CHARS / 2);
		const {lines} = chunkedLines(body, 80);
		expect(lines.filter(line => line === 'key | value')).toHaveLength(1);
		expect(lines.filter(line => line === 'let x0 = 0;')).toHaveLength(1);
		expect(lines.filter(line => line.startsWith('let x'))).toHaveLength(20_000);
		expect(lines.filter(line => line.startsWith('r'))).toHaveLength(20_000);
		expect(lines.at(-1)).toBe('After.');
		expect(lines).toContain('let x19999 = 19999;');
		expect(lines).toContain('r19999 | 19999');
	});

	it('resolves a reference-style link defined in another chunk', () => {
		const filler = Array.from({length: 30_000}, (_, index) => `Paragraph ${index}.`).join('\n\n');
		const body = `Read [the report][report] first.\n\n${filler}\n\nAnd [again][report].\n\n[report]: https://example.org/report\n`;
		expect(body.length).toBeGreaterThan(CHUNKED_BODY_CHARS);
		const {lines} = chunkedLines(body, 80);
		expect(lines[0]).toBe('Read the report <https://example.org/report> first.');
		expect(lines).toContain('And again <https://example.org/report>.');
	});

	describe('a body of one block of 10 MB', () => {
		const full = articleShapes(undefined, ['paragraph', 'word']);

		it.each(full.map(shape => shape.name))('is cut into many pieces under 64 KB, keeping all its text within the width: %s', name => {
			const shape = full.find(candidate => candidate.name === name)!;
			const chunks = [...markdownChunks(shape.body)];
			expect(chunks.length).toBeGreaterThan(200);
			expect(chunks.filter(chunk => chunk.text.length >= 64 * 1024)).toEqual([]);
			const layout = new ProgressiveArticle(shape.body).layoutAt(80);
			let steps = 0;
			while (!layout.done) {
				layout.step();
				steps++;
			}

			expect(steps).toBeGreaterThan(200);
			const lines = layout.lines.map(line => lineText(line));
			expect(lines.filter(line => stringWidth(line) > 80)).toEqual([]);
			// One paragraph still: no blank line between its pieces.
			expect(lines.filter(line => line.trim() === '')).toEqual([]);
			// A word cut over lines ends each piece with the continuation mark, which is not text.
			const text = layout.lines.map(line => line.segments.filter(segment => segment.style !== 'continuation').map(segment => segment.text).join(''));
			expect(text.join('').replaceAll(/\s+/g, '')).toBe(shape.visible);
		}, 120_000);
	});

	describe('a list, a quote or an HTML block of 10 MB with no blank line', () => {
		const names = ['list', 'ordered-list', 'deep-list', 'quote', 'html'];
		const full = articleShapes(undefined, names);

		it.each(names)('is cut into many pieces under 64 KB between its lines: %s', name => {
			const shape = full.find(candidate => candidate.name === name)!;
			const chunks = [...markdownChunks(shape.body)];
			expect(chunks.length).toBeGreaterThan(100);
			expect(chunks.filter(chunk => chunk.text.length >= 64 * 1024).map(chunk => chunk.text.length)).toEqual([]);
		}, 120_000);
	});

	// Bodies of every kind of block in random order, each seed a different one: the lines must be those of the whole.
	it.each([
		...[1, 2, 3, 4, 5, 6].map(seed => ({seed, sameNumbers: false, lazy: false})),
		...[7, 8, 9].map(seed => ({seed, sameNumbers: true, lazy: false})),
		...[10, 11, 12].map(seed => ({seed, sameNumbers: false, lazy: true})),
		...[13, 14, 15].map(seed => ({seed, sameNumbers: true, lazy: true})),
	])('shows the same lines as the whole body for mixed blocks: seed $seed, all numbered 1: $sameNumbers, lazy lines: $lazy', ({seed, sameNumbers, lazy}) => {
		const body = mixedBody(seed, CHUNKED_BODY_CHARS * 1.6, {sameNumbers, lazy});
		const {lines, steps} = chunkedLines(body, 80);
		expect(steps).toBeGreaterThan(1);
		const whole = wholeLines(body, 80);
		const first = lines.findIndex((line, index) => line !== whole[index]);
		expect(first === -1 ? undefined : {line: first, chunked: lines.slice(first - 2, first + 3), whole: whole.slice(first - 2, first + 3)}).toBeUndefined();
		expect(lines.length).toBe(whole.length);
	});

	it('cuts a long nested list before an item and shows each item once, at its own depth', () => {
		// Four levels, then back out: each item says how deep it is, so a cut that loses the nesting shows.
		const depths = [0, 1, 2, 3, 3, 2, 1, 0, 1];
		const body = Array.from({length: 30_000}, (_, index) => `${'    '.repeat(depths[index % depths.length]!)}- d${depths[index % depths.length]} n${index}`).join('\n');
		expect(body.length).toBeGreaterThan(CHUNKED_BODY_CHARS);
		expect([...markdownChunks(body)].length).toBeGreaterThan(10);
		const {lines} = chunkedLines(body, 80);
		expect(lines).toHaveLength(30_000);
		const indentOf = (depth: number) => lines.find(line => line.includes(`d${depth} `))!.search(/\S/);
		for (const [index, line] of lines.entries()) {
			const depth = depths[index % depths.length]!;
			expect({index, line, indent: line.search(/\S/)}).toEqual({index, line: expect.stringContaining(`d${depth} n${index}`) as string, indent: indentOf(depth)});
		}
	});

	it('cuts one enormous word only between graphemes (flags, emoji sequences, combining marks kept whole)', () => {
		const unit = 'e\u0301\u0302🇫🇷👍🏽👨‍👩‍👧a🇯🇵🇺🇸각\u11A8';
		const word = unit.repeat(Math.ceil((CHUNKED_BODY_CHARS * 2) / unit.length));
		const chunks = [...markdownChunks(`${word}\n`)];
		expect(chunks.length).toBeGreaterThan(10);
		expect(chunks.map(chunk => chunk.text).join('')).toBe(`${word}\n`);
		// Each cut starts a grapheme of the whole word (asked of the platform's segmenter, one cut at a time).
		const segments = new Intl.Segmenter('en', {granularity: 'grapheme'}).segment(word);
		let offset = 0;
		for (const chunk of chunks.slice(0, -1)) {
			offset += chunk.text.length;
			expect(segments.containing(offset)?.index).toBe(offset);
		}

		const {lines} = chunkedLines(`${word}\n`, 80);
		expect(lines.filter(line => stringWidth(line) > 80)).toEqual([]);
		// Compared by length and at the first difference: a diff of 500 KB would not be readable.
		const joined = lines.join('');
		let first = 0;
		while (first < word.length && joined[first] === word[first]) {
			first++;
		}

		expect({length: joined.length, sameUpTo: first}).toEqual({length: word.length, sameUpTo: word.length});
	});
});
