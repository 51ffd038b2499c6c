import stringWidth from 'string-width';
import {describe, expect, it} from 'vitest';
import type {Article, ArticleMeta, Block} from '../../source/core/article.js';
import {blockAtLine, layoutArticle, lineText} from '../../source/core/layout.js';
import {currentSubheading, pageInfo, pagerModel, topBlock, topLineFor} from '../../source/ui/pager-model.js';

// --- Helpers: articles are built right here, block by block.

const words = 'lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt ut labore et dolore magna aliqua ut enim ad minim veniam quis nostrud exercitation'.split(' ');

/** Deterministic lorem-like prose of `count` words, starting with `start` so each paragraph is recognisable. */
function prose(start: string, count: number): string {
	return [start, ...Array.from({length: count - 1}, (_, index) => words[index % words.length])].join(' ');
}

function paragraph(text: string): Block {
	return {kind: 'paragraph', inlines: [{text, style: 'plain'}]};
}

function subheading(text: string, level: 2 | 3 = 2): Block {
	return {kind: 'subheading', level, text};
}

function makeArticle(blocks: Block[], id = 'test/pager'): Article {
	return {id, title: 'Pager test', section: 'Test', summary: '', tags: [], related: [], file: '/tmp/pager.md', blocks};
}

function meta(id: string, title: string, section: string, date?: string): ArticleMeta {
	return {id, title, section, date, summary: '', tags: [], related: [], file: `/tmp/${id}.md`};
}

const comments = 'Comments: press c to read and write comments';

/** Paragraphs of 40 to 70 words with two subheadings: block 3 is "Harbour works", block 8 is "Tide records". */
function longArticle(): Article {
	return makeArticle([
		paragraph(prose('Opening', 60)),
		paragraph(prose('Second', 45)),
		paragraph(prose('Third', 70)),
		subheading('Harbour works'),
		paragraph(prose('Fourth', 55)),
		paragraph(prose('Fifth', 40)),
		paragraph(prose('Sixth', 65)),
		paragraph(prose('Seventh', 50)),
		subheading('Tide records', 3),
		paragraph(prose('Eighth', 60)),
		paragraph(prose('Ninth', 45)),
		paragraph(prose('Tenth', 70)),
		paragraph(prose('Eleventh', 55)),
	]);
}

const related = [
	meta('world/harbour-vote', 'Council closes the ferry slip', 'World', '2026-11-02T08:30:00Z'),
	meta('science/tide-gauge', 'A new tide gauge', 'Science'),
];

function texts(lines: ReadonlyArray<Parameters<typeof lineText>[0]>): string[] {
	return lines.map(line => lineText(line));
}

// --- Tests

describe('pagerModel', () => {
	it('ends the article with a rule, the related articles and the comments line', () => {
		const article = longArticle();
		const model = pagerModel(article, 60, related, comments);
		const bodyLines = model.layout.lines.length;
		expect(texts(model.lines.slice(0, bodyLines))).toEqual(texts(model.layout.lines));
		expect(texts(model.lines.slice(bodyLines))).toEqual([
			'',
			'─'.repeat(60),
			'Related articles',
			'  › Council closes the ferry slip (World, 2 Nov 2026)',
			'  › A new tide gauge (Science)',
			'',
			comments,
		]);
	});

	it('points at the line of each related article, for highlighting and opening it', () => {
		const model = pagerModel(longArticle(), 60, related, comments);
		expect(model.relatedLines).toHaveLength(2);
		expect(model.relatedLines.map(line => lineText(model.lines[line]!))).toEqual([
			'  › Council closes the ferry slip (World, 2 Nov 2026)',
			'  › A new tide gauge (Science)',
		]);
	});

	it('shortens the title of a related article too long for the text column, keeping its section and date', () => {
		const model = pagerModel(longArticle(), 40, related, comments);
		const [first] = model.relatedLines.map(line => lineText(model.lines[line]!));
		expect(first).toBe('  › Council closes … (World, 2 Nov 2026)');
		for (const line of model.lines) {
			expect(stringWidth(lineText(line))).toBeLessThanOrEqual(model.layout.textWidth);
		}
	});

	it('has no "Related articles" heading when there are none', () => {
		const model = pagerModel(longArticle(), 60, [], comments);
		expect(texts(model.lines.slice(model.layout.lines.length))).toEqual(['', '─'.repeat(60), comments]);
		expect(model.relatedLines).toEqual([]);
	});

	it('draws the rule as wide as the text column, not the terminal', () => {
		const model = pagerModel(longArticle(), 140, [], comments);
		expect(texts(model.lines)).toContain('─'.repeat(100));
	});

	it('lists the article’s subheadings, not the "Related articles" heading', () => {
		const model = pagerModel(longArticle(), 60, related, comments);
		expect(model.subheadings.map(line => lineText(model.lines[line]!))).toEqual(['Harbour works', 'Tide records']);
		expect(model.subheadings.map(line => model.lines[line]!.block)).toEqual([3, 8]);
	});

	it('lists a subheading that wraps over two lines once, at its first line', () => {
		const article = makeArticle([
			paragraph(prose('Opening', 30)),
			subheading('What the harbour council decided on Tuesday night'),
			paragraph(prose('Then', 30)),
		]);
		const model = pagerModel(article, 20, [], comments);
		const headingLines = model.lines.flatMap((line, index) => (line.block === 1 && line.kind === 'subheading' ? [index] : []));
		expect(headingLines.length).toBeGreaterThan(1);
		expect(model.subheadings).toEqual([headingLines[0]]);
	});

	it('gives the same model for the same article, width and related list', () => {
		const article = longArticle();
		expect(pagerModel(article, 60, related, comments)).toBe(pagerModel(article, 60, related, comments));
		expect(pagerModel(article, 60, related.slice(0, 1), comments).relatedLines).toHaveLength(1);
		expect(texts(pagerModel(article, 60, related, 'No comments').lines).at(-1)).toBe('No comments');
	});
});

describe('pageInfo', () => {
	it('is on page 1 of N at the top', () => {
		expect(pageInfo(0, 20, 100)).toEqual({page: 1, pages: 5, percent: 20});
	});

	it('counts pages as they are turned', () => {
		expect(pageInfo(20, 20, 100).page).toBe(2);
		expect(pageInfo(40, 20, 100)).toEqual({page: 3, pages: 5, percent: 60});
	});

	it('is on the last page, 100%, when scrolled as far as it goes', () => {
		expect(pageInfo(80, 20, 100)).toEqual({page: 5, pages: 5, percent: 100});
		// 90 lines on 20-line pages: the last full page starts at line 70, not on a page boundary.
		expect(pageInfo(70, 20, 90)).toEqual({page: 5, pages: 5, percent: 100});
	});

	it('says 100% of a short article has been seen', () => {
		expect(pageInfo(0, 20, 12)).toEqual({page: 1, pages: 1, percent: 100});
		expect(pageInfo(0, 20, 20)).toEqual({page: 1, pages: 1, percent: 100});
	});

	it('never says 100% before the end', () => {
		expect(pageInfo(69, 20, 90).percent).toBeLessThan(100);
		// 999 of 1000 lines seen rounds to 100, but the last line is still below.
		expect(pageInfo(979, 20, 1000).percent).toBe(99);
	});

	// Page and percentage both count to the bottom line shown, so they never disagree ("page 2/4 · 90%").
	it('gives the page the bottom line is on, with the percentage of lines down to it', () => {
		// 65 lines on 20-line pages: lines 40 to 59 shown, the bottom line on page 3 (lines 41-60, 63%-92%).
		expect(pageInfo(39, 20, 65)).toEqual({page: 3, pages: 4, percent: 91});
		// One line past the first page: the bottom line is the first of page 2.
		expect(pageInfo(1, 20, 100)).toEqual({page: 2, pages: 5, percent: 21});
		// The bottom line is the last of page 4.
		expect(pageInfo(60, 20, 100)).toEqual({page: 4, pages: 5, percent: 80});
		// Lines 70 to 88 of 90 shown, the bottom line on the last page (lines 81-90).
		expect(pageInfo(69, 20, 90)).toEqual({page: 5, pages: 5, percent: 99});
	});
});

describe('topLineFor', () => {
	const height = 10;

	it('starts at the top of an article never opened', () => {
		const article = longArticle();
		expect(topLineFor(article, pagerModel(article, 60, related, comments), 60, height, undefined, undefined)).toBe(0);
	});

	it('reopens an article at the paragraph where the reader stopped', () => {
		const article = longArticle();
		const model = pagerModel(article, 60, related, comments);
		const top = topLineFor(article, model, 60, height, undefined, {block: 5, percent: 30});
		expect(blockAtLine(model.layout, top)).toBe(5);
		// The first line of the page is the paragraph's first line or the blank line just before it.
		expect(top).toBe(model.lines.findIndex(line => line.block === 5 && line.kind !== 'blank'));
		expect(texts(model.lines.slice(top, top + 2)).join('\n')).toContain('Fifth lorem ipsum');
	});

	it('keeps the position it was scrolled to at the same width', () => {
		const article = longArticle();
		const model = pagerModel(article, 60, related, comments);
		expect(topLineFor(article, model, 60, height, {line: 23, width: 60}, {block: 1, percent: 5})).toBe(23);
	});

	it('reopens at the exact line it was left at when the terminal has the same width', () => {
		const article = longArticle();
		const model = pagerModel(article, 60, related, comments);
		// Line 31 is inside a paragraph: the page the reader left began in its middle.
		const resume = {block: blockAtLine(model.layout, 31), percent: 40, line: 31, width: 60};
		expect(topLineFor(article, model, 60, height, undefined, resume)).toBe(31);
		// At another width only the paragraph is known.
		const narrow = pagerModel(article, 40, related, comments);
		expect(blockAtLine(narrow.layout, topLineFor(article, narrow, 40, height, undefined, resume))).toBe(resume.block);
	});

	it('keeps the same paragraph at the top after the terminal is resized', () => {
		const article = longArticle();
		const wide = layoutArticle(article, 80);
		// A line in the middle of the sixth paragraph (block 6), at 80 columns.
		const line = wide.lines.findIndex(candidate => candidate.block === 6) + 2;
		expect(blockAtLine(wide, line)).toBe(6);
		const narrow = pagerModel(article, 40, related, comments);
		const top = topLineFor(article, narrow, 40, height, {line, width: 80}, undefined);
		expect(blockAtLine(narrow.layout, top)).toBe(blockAtLine(wide, line));
		expect(top).toBeGreaterThan(line);
	});

	it('keeps the same paragraph at the top when the terminal gets wider', () => {
		const article = longArticle();
		const narrow = layoutArticle(article, 40);
		const line = narrow.lines.findIndex(candidate => candidate.block === 9) + 1;
		const wide = pagerModel(article, 80, related, comments);
		const top = topLineFor(article, wide, 80, height, {line, width: 40}, undefined);
		expect(blockAtLine(wide.layout, top)).toBe(9);
	});

	it('never scrolls past the last full page', () => {
		const article = longArticle();
		const model = pagerModel(article, 60, related, comments);
		const last = model.lines.length - height;
		expect(topLineFor(article, model, 60, height, {line: 10_000, width: 60}, undefined)).toBe(last);
		expect(topLineFor(article, model, 60, height, undefined, {block: 12, percent: 90})).toBeLessThanOrEqual(last);
		expect(topLineFor(article, model, 60, height, {line: 10_000, width: 80}, undefined)).toBeLessThanOrEqual(last);
	});

	it('shows a short article from its first line', () => {
		const article = makeArticle([paragraph(prose('Short', 10))]);
		const model = pagerModel(article, 60, [], comments);
		expect(topLineFor(article, model, 60, 40, {line: 3, width: 60}, undefined)).toBe(0);
		expect(topLineFor(article, model, 60, 40, undefined, {block: 0, percent: 0})).toBe(0);
	});

	it('never starts above the first line', () => {
		const article = longArticle();
		const model = pagerModel(article, 60, related, comments);
		expect(topLineFor(article, model, 60, height, {line: -5, width: 60}, undefined)).toBe(0);
	});
});

describe('currentSubheading', () => {
	const article = longArticle();
	const model = pagerModel(article, 60, related, comments);
	const [harbour = -1, tide = -1] = model.subheadings;

	it('names no subheading before the first one', () => {
		expect(currentSubheading(model, 0)).toBeUndefined();
		expect(currentSubheading(model, harbour - 1)).toBeUndefined();
	});

	it('names the subheading on the top line', () => {
		expect(currentSubheading(model, harbour)).toBe('Harbour works');
		expect(currentSubheading(model, tide)).toBe('Tide records');
	});

	it('names the last subheading above the top line while reading under it', () => {
		expect(currentSubheading(model, harbour + 3)).toBe('Harbour works');
		expect(currentSubheading(model, tide - 1)).toBe('Harbour works');
		expect(currentSubheading(model, model.lines.length - 1)).toBe('Tide records');
	});
});

describe('topBlock', () => {
	const article = longArticle();
	const model = pagerModel(article, 60, related, comments);

	it('is the block at the top line', () => {
		const line = model.layout.lines.findIndex(candidate => candidate.block === 4) + 1;
		expect(topBlock(model, line)).toBe(4);
		expect(topBlock(model, 0)).toBe(0);
	});

	it('is the last block of the article while the related articles are at the top', () => {
		expect(topBlock(model, model.relatedLines[0]!)).toBe(article.blocks.length - 1);
		expect(topBlock(model, model.lines.length - 1)).toBe(article.blocks.length - 1);
	});
});
