import {readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import {parse as parseYaml} from 'yaml';
import type {Block} from '../../source/core/article.js';
import {parseArticle, splitFrontmatter} from '../../source/core/parse-markdown.js';
import {blockText} from '../helpers/block-text.js';
import {
	isSubheadingLine,
	pageCaptureToMarkdown,
	parsePageCapture,
	slugify,
	splitMenu,
	truncateAtWord,
	type PageCapture,
} from '../../source/core/parse-page.js';

function fixture(name: string): string {
	return readFileSync(fileURLToPath(new URL(`../fixtures/pages/${name}`, import.meta.url)), 'utf8');
}

/** The blocks as short strings: `p: text` and `h2: text`. */
function outline(blocks: readonly Block[]): string[] {
	return blocks.map(block => `${block.kind === 'subheading' ? `h${block.level}` : 'p'}: ${blockText(block)}`);
}

function paragraphs(capture: PageCapture): string[] {
	return capture.blocks.filter(block => block.kind === 'paragraph').map(block => blockText(block));
}

function subheadings(capture: PageCapture): string[] {
	return capture.blocks.filter(block => block.kind === 'subheading').map(block => blockText(block));
}

/** Parses a capture made of a menu, a headline and the given body. */
function captureOf(...body: string[]): PageCapture {
	return parsePageCapture(['WorldBusiness', 'A headline', '', ...body].join('\n'));
}

const date = new Date('2025-03-01T09:30:00.000Z');

describe('parsePageCapture: the site menu', () => {
	it('splits a menu whose items were run together', () => {
		expect(splitMenu('WorldBusinessScience & SpaceCulture')).toEqual(['World', 'Business', 'Science & Space', 'Culture']);
	});

	it('keeps menu items with "&" whole', () => {
		const capture = parsePageCapture(fixture('bramley-observatory.txt'));
		expect(capture.menu).toEqual(['News', 'Science & Space', 'Arts & Culture', 'Opinion']);
	});

	it('reads the menu after leading blank lines', () => {
		const capture = parsePageCapture('\n\n  \nWorldBusiness\nHeadline here\n\nSome text.\n');
		expect(capture.menu).toEqual(['World', 'Business']);
		expect(capture.title).toBe('Headline here');
	});

	it('also splits menus separated by bars or wide spaces', () => {
		expect(splitMenu('World | Business  Culture')).toEqual(['World', 'Business', 'Culture']);
	});

	it('takes a repeated first line as the headline of a capture without a menu', () => {
		const capture = parsePageCapture('Town hall clock stops\n\nTown hall clock stops\n\nThe clock stopped at noon.\n');
		expect(capture.menu).toEqual([]);
		expect(capture.title).toBe('Town hall clock stops');
		expect(paragraphs(capture)).toEqual(['The clock stopped at noon.']);
	});
});

describe('parsePageCapture: the headline', () => {
	it('drops the repeated headline', () => {
		const capture = parsePageCapture(fixture('harbour-road.txt'));
		expect(capture.title).toBe('Port Wenlow council votes to close the old harbour road');
		expect(paragraphs(capture)[0]).toMatch(/^The Port Wenlow town council voted 7–4/);
		expect(paragraphs(capture)).not.toContain(capture.title);
	});

	it('drops a repeat that differs only in capitalisation', () => {
		const capture = parsePageCapture(fixture('bramley-observatory.txt'));
		expect(capture.title).toBe('Bramley Cross observatory reopens with a telescope built by pupils');
		expect(paragraphs(capture)[0]).toMatch(/^The observatory on Bramley Cross common/);
	});

	it('keeps the first paragraph when the headline is not repeated', () => {
		const capture = parsePageCapture(fixture('kestrel-bay-ferry.txt'));
		expect(capture.title).toBe('Kestrel Bay ferry timetable cut to two sailings a day');
		expect(paragraphs(capture)[0]).toMatch(/^The Kestrel Bay ferry will run only twice a day/);
	});
});

describe('parsePageCapture: subheadings', () => {
	it('turns capitalised lines with curly quotes and digits into subheadings', () => {
		const capture = parsePageCapture(fixture('harbour-road.txt'));
		expect(subheadings(capture)).toEqual(['“WE WILL NOT MOVE” — 40 FAMILIES SAY NO', 'WHAT HAPPENS IN 2027?']);
		expect(capture.blocks.filter(block => block.kind === 'subheading').every(block => block.level === 2)).toBe(true);
	});

	it('recognises short all-caps lines as subheadings', () => {
		for (const line of ['“WE WILL NOT MOVE” — 40 FAMILIES SAY NO', 'WHAT HAPPENS IN 2027?', '‘NO’ TO 3 NEW HOMES', 'FIRST LIGHT: SATURN AND 3 MOONS', 'GROWTH IN THE U.S.', 'Q&A']) {
			expect(isSubheadingLine(line), line).toBe(true);
		}
	});

	it('does not mistake a sentence starting with an acronym for a subheading', () => {
		for (const line of ['NASA said the launch would go ahead.', 'NASA said so', 'The BBC and NATO', 'A', '2027', 'PORT WENLOW —', 'THE COUNCIL HAS DECIDED.', 'X'.repeat(81)]) {
			expect(isSubheadingLine(line), line).toBe(false);
		}

		const capture = parsePageCapture(fixture('kestrel-bay-ferry.txt'));
		expect(paragraphs(capture)).toContain('NASA said nothing of the kind, Mr Hale joked, when asked whether the timetable had been drawn up by "rocket scientists".');
		expect(subheadings(capture)).toEqual([]);
	});

	it('splits a subheading from text that follows it without a blank line', () => {
		const capture = captureOf('First paragraph ends here.', 'THE NEXT PART', 'Second paragraph.');
		expect(outline(capture.blocks)).toEqual(['p: First paragraph ends here.', 'h2: THE NEXT PART', 'p: Second paragraph.']);
	});

	it('drops a subheading with nothing under it at the end', () => {
		const capture = captureOf('Only paragraph.', '', 'PHOTO GALLERY');
		expect(outline(capture.blocks)).toEqual(['p: Only paragraph.']);
	});
});

describe('parsePageCapture: paragraphs', () => {
	it('joins the lines of a wrapped paragraph with spaces', () => {
		const capture = parsePageCapture(fixture('harbour-road.txt'));
		expect(paragraphs(capture)[1]).toBe('Mayor Idris Penhallow said the decision was “about safety, not politics”, pointing to 23 minor collisions recorded on the road since 2022 and a delivery lorry that became wedged between two cottages in January.');
	});

	it('gives each paragraph a single plain inline', () => {
		const capture = parsePageCapture(fixture('harbour-road.txt'));
		for (const block of capture.blocks) {
			if (block.kind === 'paragraph') {
				expect(block.inlines).toHaveLength(1);
				expect(block.inlines[0]?.style).toBe('plain');
			}
		}
	});

	it('folds runs of spaces and tabs', () => {
		const capture = captureOf('  Too   many\tspaces  ', '   here.  ');
		expect(paragraphs(capture)).toEqual(['Too many spaces here.']);
	});

	it('reads the whole typical capture in order', () => {
		const capture = parsePageCapture(fixture('harbour-road.txt'));
		expect(outline(capture.blocks).map(line => line.split(' ').slice(0, 5).join(' '))).toEqual([
			'p: The Port Wenlow town',
			'p: Mayor Idris Penhallow said',
			'h2: “WE WILL NOT MOVE”',
			'p: Residents of Quay Terrace,',
			'p: “We were here before',
			'h2: WHAT HAPPENS IN 2027?',
			'p: Under the plan, bollards',
			'p: Councillor Maren Oakes, who',
		]);
	});
});

describe('parsePageCapture: site furniture', () => {
	it('drops the Related Articles list at the end', () => {
		const capture = parsePageCapture(fixture('harbour-road.txt'));
		const text = outline(capture.blocks).join('\n');
		expect(text).not.toMatch(/Related Articles|fish market to open on Sundays/);
		expect(paragraphs(capture).at(-1)).toMatch(/The harbour committee meets again on 14 March\.$/);
	});

	it('drops the Leave a Reply form at the end', () => {
		const capture = parsePageCapture(fixture('harbour-road.txt'));
		const text = outline(capture.blocks).join('\n');
		for (const furniture of ['Leave a Reply', 'Your email address', 'Comment *', 'Name *', 'Email *', 'Website', 'Save my name', 'Post Comment']) {
			expect(text).not.toContain(furniture);
		}
	});

	it('ends the article at any of the usual furniture headings, whatever their case or punctuation', () => {
		for (const furniture of ['Related Articles', 'RELATED', 'Leave a Reply', 'Leave a comment', 'Your email address will not be published.', 'Required fields are marked *', 'Share this:', 'Share', 'Print', 'Click to share…', 'Like this:', 'Comments', 'Comments (3)', '3 thoughts on “Harbour road”']) {
			const capture = captureOf('The article.', '', furniture, '', 'Not the article');
			expect(outline(capture.blocks), furniture).toEqual(['p: The article.']);
		}
	});

	it('drops share and print lines in the middle of the article', () => {
		const capture = parsePageCapture(fixture('kestrel-bay-ferry.txt'));
		const text = outline(capture.blocks).join('\n');
		for (const furniture of ['Share on Facebook', 'Share on Twitter', 'Print this article', 'Tweet', 'ADVERTISEMENT']) {
			expect(text).not.toContain(furniture);
		}

		expect(paragraphs(capture)).not.toContain('Email');
		expect(paragraphs(capture)).toHaveLength(5);
	});

	it('keeps the article going after a share bar in the middle', () => {
		const capture = parsePageCapture(fixture('kestrel-bay-ferry.txt'));
		expect(paragraphs(capture)).toContain('Until then, the board will pay for a water taxi on Tuesday and Thursday evenings, when the island\'s school runs late clubs and the surgery holds its evening clinic.');
		expect(paragraphs(capture).join('\n')).not.toMatch(/Posted in Transport|Loading/);
	});

	it('drops the "Share this / Like this" tail', () => {
		const capture = parsePageCapture(fixture('bramley-observatory.txt'));
		expect(paragraphs(capture).at(-1)).toBe('An exhibition of the pupils\' drawings of the planets opens at the village hall next month.');
		expect(outline(capture.blocks).join('\n')).not.toMatch(/Click to share|Like|Related/);
	});

	it('breaks a paragraph where a share line interrupts it', () => {
		const capture = captureOf('First part.', 'Share on Facebook', 'Second part.');
		expect(paragraphs(capture)).toEqual(['First part.', 'Second part.']);
	});

	it('skips a share bar between the headline and the text', () => {
		const capture = parsePageCapture('WorldBusiness\nA headline\nShare\nTweet\nEmail\n\nThe text.\n');
		expect(capture.title).toBe('A headline');
		expect(paragraphs(capture)).toEqual(['The text.']);
	});
});

describe('parsePageCapture: line endings', () => {
	it('reads a capture saved with CRLF line endings', () => {
		const text = fixture('ashcombe-bakery.txt');
		expect(text).toContain('\r\n');
		const capture = parsePageCapture(text);
		expect(capture.menu).toEqual(['News', 'Community', 'Food & Drink', 'Events']);
		expect(capture.title).toBe('Ashcombe bakery fires up its 100-year-old oven one last time');
		expect(subheadings(capture)).toEqual(['A 100-YEAR-OLD OVEN']);
		expect(paragraphs(capture)[1]).toBe('Tobiah Frane, 67, who took over the bakery from his mother, said the oven had "earned its rest" after a century of early mornings.');
		expect(outline(capture.blocks).join('\n')).not.toMatch(/\r|Share this|Tweet|summer fete/);
	});

	it('reads CRLF and LF versions of a capture the same way', () => {
		const lf = fixture('harbour-road.txt');
		expect(parsePageCapture(lf.replaceAll('\n', '\r\n'))).toEqual(parsePageCapture(lf));
	});
});

describe('parsePageCapture: errors', () => {
	it('says there is no headline when the capture is only a menu', () => {
		expect(() => parsePageCapture(fixture('menu-only.txt'))).toThrow(/no headline found/);
	});

	it('says there is no headline when the capture is empty', () => {
		expect(() => parsePageCapture('')).toThrow(/no headline found/);
		expect(() => parsePageCapture('\n \r\n')).toThrow(/no headline found/);
	});

	it('says there is no article text when only the headline and furniture are there', () => {
		expect(() => parsePageCapture(fixture('headline-only.txt'))).toThrow(/no article text found below the headline "Lanterns return to the Millbrook canal"/);
	});

	it('says there is no article text when there are only subheadings', () => {
		expect(() => parsePageCapture('WorldBusiness\nHeadline\n\nA SUBHEADING\n')).toThrow(/no article text/);
	});
});

describe('pageCaptureToMarkdown', () => {
	const capture = parsePageCapture(fixture('harbour-road.txt'));

	function frontmatterOf(markdown: string): Record<string, unknown> {
		return parseYaml(splitFrontmatter(markdown).frontmatter) as Record<string, unknown>;
	}

	it('writes the frontmatter from the capture', () => {
		const fields = frontmatterOf(pageCaptureToMarkdown(capture, {date}));
		expect(fields).toEqual({
			title: 'Port Wenlow council votes to close the old harbour road',
			section: 'Local',
			date: '2025-03-01T09:30:00.000Z',
			summary: 'The Port Wenlow town council voted 7–4 on Tuesday night to close the old harbour road to through traffic from next spring, ending a two-year argument over the…',
			tags: ['politics', 'business', 'weather', 'sport'],
			imported: true,
		});
	});

	it('starts with a frontmatter block', () => {
		expect(pageCaptureToMarkdown(capture, {date})).toMatch(/^---\ntitle: Port Wenlow council/);
	});

	it('uses the given section and tags every menu item but that one', () => {
		const bramley = parsePageCapture(fixture('bramley-observatory.txt'));
		expect(frontmatterOf(pageCaptureToMarkdown(bramley, {date}))).toMatchObject({section: 'News', tags: ['science & space', 'arts & culture', 'opinion']});
		expect(frontmatterOf(pageCaptureToMarkdown(bramley, {date, section: 'Science & Space'}))).toMatchObject({section: 'Science & Space', tags: ['news', 'arts & culture', 'opinion']});
		expect(frontmatterOf(pageCaptureToMarkdown(bramley, {date, section: 'Local'}))).toMatchObject({section: 'Local', tags: ['news', 'science & space', 'arts & culture', 'opinion']});
	});

	it('files a capture without a menu under "Imported"', () => {
		const bare = parsePageCapture('Town hall clock stops\nTown hall clock stops\n\nThe clock stopped at noon.\n');
		expect(frontmatterOf(pageCaptureToMarkdown(bare, {date}))).toMatchObject({section: 'Imported', tags: [], summary: 'The clock stopped at noon.'});
	});

	it('keeps a short first paragraph whole as the summary', () => {
		const bramley = parsePageCapture(fixture('bramley-observatory.txt'));
		const {summary} = frontmatterOf(pageCaptureToMarkdown(bramley, {date}));
		expect(summary).toBe(paragraphs(bramley)[0]);
	});

	it('cuts the summary at a word boundary within 160 characters', () => {
		const {summary} = frontmatterOf(pageCaptureToMarkdown(capture, {date}));
		expect(typeof summary).toBe('string');
		expect(Array.from(summary as string).length).toBeLessThanOrEqual(160);
		expect(summary).toMatch(/ the…$/);
		expect(truncateAtWord('one two three', 9)).toBe('one two…');
		expect(truncateAtWord('one two three', 8)).toBe('one two…');
		expect(truncateAtWord('one two three', 13)).toBe('one two three');
		expect(truncateAtWord('abcdefghijkl', 5)).toBe('abcd…');
	});

	it('quotes titles and summaries that YAML would misread', () => {
		const tricky: PageCapture = {title: 'Vote: yes # or no?', menu: [], blocks: [{kind: 'paragraph', inlines: [{text: '- "quoted": [not a list]', style: 'plain'}]}]};
		expect(frontmatterOf(pageCaptureToMarkdown(tricky, {date}))).toMatchObject({title: 'Vote: yes # or no?', summary: '- "quoted": [not a list]'});
	});

	it('records the source file name as a comment', () => {
		const markdown = pageCaptureToMarkdown(capture, {date, sourceFile: '/home/someone/Downloads/harbour road.txt'});
		expect(markdown).toContain('# imported from harbour road.txt\n');
		expect(frontmatterOf(markdown)).not.toHaveProperty('source');
	});

	it('writes subheadings as "##" lines and paragraphs after the frontmatter', () => {
		const {body} = splitFrontmatter(pageCaptureToMarkdown(capture, {date}));
		expect(body).toContain('\n## “WE WILL NOT MOVE” — 40 FAMILIES SAY NO\n\nResidents of Quay Terrace');
		expect(body).toContain('\n## WHAT HAPPENS IN 2027?\n');
		expect(body.endsWith('14 March.\n')).toBe(true);
	});

	it('reads back as the same article', () => {
		for (const name of ['harbour-road.txt', 'ashcombe-bakery.txt', 'kestrel-bay-ferry.txt', 'bramley-observatory.txt']) {
			const original = parsePageCapture(fixture(name));
			const article = parseArticle(pageCaptureToMarkdown(original, {date}), {id: 'imported/x', file: '/tmp/x.md'});
			expect(article.title, name).toBe(original.title);
			expect(outline(article.blocks), name).toEqual(outline(original.blocks));
		}
	});

	it('escapes paragraphs that would read as headings, quotes or lists', () => {
		const starts = [
			'# 1 in the county, says the mayor.',
			'#hashtag campaigns spread.',
			'> quoted text',
			'- a dash',
			'--- three dashes',
			'* a star',
			'+ a plus',
			'1. the first point',
			'2024. A year to forget.',
			'3) in brackets',
			'___',
			'[1]: https://example.com',
			'<div>not html</div>',
			'```fence',
			'~~~',
		];
		const tricky = captureOf(...starts.flatMap(start => [start, '']));
		const markdown = pageCaptureToMarkdown(tricky, {date});
		const {body} = splitFrontmatter(markdown);
		expect(body).toContain('\n\\# 1 in the county');
		expect(body).toContain('\n\\> quoted');
		expect(body).toContain('\n\\- a dash');
		expect(body).toContain('\n\\* a star');
		expect(body).toContain('\n\\+ a plus');
		expect(body).toContain('\n1\\. the first point');
		expect(body).toContain('\n2024\\. A year');
		const article = parseArticle(markdown, {id: 'imported/x', file: '/tmp/x.md'});
		expect(outline(article.blocks)).toEqual(starts.map(start => `p: ${start}`));
		expect(article.blocks.every(block => block.kind === 'paragraph' && block.inlines.every(inline => inline.style === 'plain'))).toBe(true);
	});

	it('escapes inline Markdown so the text stays plain', () => {
		const text = 'Use *stars*, _underscores_, snake_case, `ticks`, [links](x), <b>tags</b>, &amp; entities, ~~strikes~~, https://wenlow.example/a_b, www.wenlow.example, news@wenlow.example and a \\ backslash.';
		const markdown = pageCaptureToMarkdown(captureOf(text), {date});
		expect(markdown).toContain('snake_case');
		const article = parseArticle(markdown, {id: 'imported/x', file: '/tmp/x.md'});
		expect(outline(article.blocks)).toEqual([`p: ${text}`]);
		expect(article.blocks.flatMap(block => (block.kind === 'paragraph' ? block.inlines : [])).every(inline => inline.style === 'plain')).toBe(true);
	});

	it('keeps a subheading ending in "#" whole', () => {
		const markdown = pageCaptureToMarkdown(captureOf('Text.', 'WE ARE #', 'More text.'), {date});
		const article = parseArticle(markdown, {id: 'imported/x', file: '/tmp/x.md'});
		expect(outline(article.blocks)).toEqual(['p: Text.', 'h2: WE ARE #', 'p: More text.']);
	});

	it('refuses an invalid date', () => {
		expect(() => pageCaptureToMarkdown(capture, {date: new Date('not a date')})).toThrow(/not a valid date/);
	});
});

describe('slugify', () => {
	it('makes lower-case ASCII words joined by dashes', () => {
		expect(slugify('Port Wenlow council votes to close the old harbour road')).toBe('port-wenlow-council-votes-to-close-the-old-harbour-road');
		expect(slugify('“We will not move” — 40 families say no!')).toBe('we-will-not-move-40-families-say-no');
		expect(slugify('The bakery’s 100-year-old oven')).toBe('the-bakerys-100-year-old-oven');
	});

	it('transliterates accented and other non-ASCII letters', () => {
		expect(slugify('Café Zoë in Łódź and Straße, Ærø')).toBe('cafe-zoe-in-lodz-and-strasse-aero');
	});

	it('stays within 60 characters and ends on a whole word', () => {
		const slug = slugify('Kestrel Bay ferry timetable cut to two sailings a day after the operator lost one of its boats');
		expect(slug.length).toBeLessThanOrEqual(60);
		expect(slug).toBe('kestrel-bay-ferry-timetable-cut-to-two-sailings-a-day-after');
		expect(slugify('x'.repeat(100))).toBe('x'.repeat(60));
	});

	it('falls back to "article" when nothing is left', () => {
		expect(slugify('')).toBe('article');
		expect(slugify('— ‼ —')).toBe('article');
		expect(slugify('北京')).toBe('article');
	});
});
