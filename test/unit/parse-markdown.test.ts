import {describe, expect, it} from 'vitest';
import type {Block, Inline} from '../../source/core/article.js';
import {blockText} from '../helpers/block-text.js';
import {
	ArticleFormatError,
	parseArticle,
	parseArticleMeta,
	parseMarkdownBlocks,
	splitFrontmatter,
} from '../../source/core/parse-markdown.js';

const origin = {id: 'world/harbour-vote', file: '/articles/world/harbour-vote.md'};

/** An article file's text: frontmatter lines between `---` fences, then the body. */
function articleText(frontmatter: string, body = 'Body text.\n'): string {
	return `---\n${frontmatter}\n---\n\n${body}`;
}

const minimal = 'title: Harbour vote\nsection: World';

/** The message of the ArticleFormatError that parsing the text throws (fails the test if none is thrown). */
function formatError(text: string): string {
	try {
		parseArticleMeta(text, origin);
	} catch (error) {
		expect(error).toBeInstanceOf(ArticleFormatError);
		return (error as Error).message;
	}

	throw new Error('expected an ArticleFormatError, but the article parsed');
}

function only<T>(items: readonly T[]): T {
	expect(items).toHaveLength(1);
	return items[0]!;
}

function inlinesOf(block: Block | undefined): Inline[] {
	if (!block || block.kind === 'subheading' || block.kind === 'rule') {
		throw new Error(`expected a block with inlines, got ${JSON.stringify(block)}`);
	}

	return block.inlines;
}

describe('frontmatter', () => {
	it('reads every field of a complete frontmatter', () => {
		const meta = parseArticleMeta(articleText([
			'title: "Marrowick harbour council votes to close the old ferry slip"',
			'section: World',
			'date: 2026-11-02T08:30:00Z',
			'author: Ines Calloway',
			'summary: "After a tied first ballot, councillors agreed to close the slip."',
			'tags: [Harbour, COUNCIL, ferries]',
			'related: [science/tide-gauge, business/ferry-operator-bid]',
			'source: https://news.example.org/world/2026/11/marrowick-harbour-vote',
			'feed: https://news.example.org/feed.xml',
			'guid: "urn:uuid:4e1c8a52-7f0e-4f43-9d1e-2b6c3a1f0e77"',
		].join('\n')), origin);

		expect(meta).toEqual({
			id: 'world/harbour-vote',
			file: '/articles/world/harbour-vote.md',
			title: 'Marrowick harbour council votes to close the old ferry slip',
			section: 'World',
			date: '2026-11-02T08:30:00.000Z',
			author: 'Ines Calloway',
			summary: 'After a tied first ballot, councillors agreed to close the slip.',
			tags: ['harbour', 'council', 'ferries'],
			related: ['science/tide-gauge', 'business/ferry-operator-bid'],
			source: 'https://news.example.org/world/2026/11/marrowick-harbour-vote',
			feed: 'https://news.example.org/feed.xml',
			guid: 'urn:uuid:4e1c8a52-7f0e-4f43-9d1e-2b6c3a1f0e77',
		});
	});

	it('needs only a title and a section; the rest defaults to empty', () => {
		const meta = parseArticleMeta(articleText(minimal), origin);
		expect(meta.title).toBe('Harbour vote');
		expect(meta.section).toBe('World');
		expect(meta.date).toBeUndefined();
		expect(meta.author).toBeUndefined();
		expect(meta.source).toBeUndefined();
		expect(meta.feed).toBeUndefined();
		expect(meta.guid).toBeUndefined();
		expect(meta.summary).toBe('');
		expect(meta.tags).toEqual([]);
		expect(meta.related).toEqual([]);
	});

	it('strips escape sequences from the feed and guid fields', () => {
		const meta = parseArticleMeta(articleText(`${minimal}\nfeed: "https://a.example/\\e]0;owned\\afeed"\nguid: "id-\\e[31m7"`), origin);
		expect(meta.feed).toBe('https://a.example/feed');
		expect(meta.guid).toBe('id-7');
	});

	it('normalises a date-only value to an ISO timestamp at midnight UTC', () => {
		expect(parseArticleMeta(articleText(`${minimal}\ndate: 2026-11-02`), origin).date).toBe('2026-11-02T00:00:00.000Z');
	});

	it('normalises a date with a time-zone offset to UTC', () => {
		expect(parseArticleMeta(articleText(`${minimal}\ndate: "2026-11-02T08:30:00+02:00"`), origin).date)
			.toBe('2026-11-02T06:30:00.000Z');
	});

	it('treats an empty date as no date', () => {
		expect(parseArticleMeta(articleText(`${minimal}\ndate: ""`), origin).date).toBeUndefined();
		expect(parseArticleMeta(articleText(`${minimal}\ndate:`), origin).date).toBeUndefined();
	});

	it('reads tags written as a comma-separated string, trimmed and lowercased', () => {
		expect(parseArticleMeta(articleText(`${minimal}\ntags: Harbour,  Council , FERRIES,`), origin).tags)
			.toEqual(['harbour', 'council', 'ferries']);
	});

	it('reads tags written as a YAML block list', () => {
		expect(parseArticleMeta(articleText(`${minimal}\ntags:\n  - Tide\n  - Sea Level`), origin).tags)
			.toEqual(['tide', 'sea level']);
	});

	it('keeps the case of related ids', () => {
		expect(parseArticleMeta(articleText(`${minimal}\nrelated: [World/Flood-Drill]`), origin).related)
			.toEqual(['World/Flood-Drill']);
	});

	it('accepts a numeric title as text', () => {
		expect(parseArticleMeta(articleText('title: 1984\nsection: Culture'), origin).title).toBe('1984');
	});

	it('folds a multi-line title into one line', () => {
		expect(parseArticleMeta(articleText('title: |\n  Two\n  lines\nsection: World'), origin).title).toBe('Two lines');
	});

	it('removes escape sequences written as YAML escapes in the title and tags', () => {
		const meta = parseArticleMeta(articleText('title: "\\e[31mRed\\e[0m \\x1b]0;pwned\\x07alert"\nsection: World\ntags: ["\\e[1mbold"]'), origin);
		expect(meta.title).toBe('Red alert');
		expect(meta.tags).toEqual(['bold']);
	});

	it('accepts a byte-order mark before the frontmatter', () => {
		expect(parseArticleMeta(`\uFEFF${articleText(minimal)}`, origin).title).toBe('Harbour vote');
	});

	it('accepts a frontmatter closed by "..."', () => {
		expect(parseArticleMeta('---\ntitle: Dots\nsection: World\n...\nbody', origin).title).toBe('Dots');
	});

	it('accepts a file that ends right after the closing fence', () => {
		expect(parseArticleMeta('---\ntitle: Short\nsection: World\n---', origin).title).toBe('Short');
	});

	it('splits the frontmatter from the body', () => {
		expect(splitFrontmatter('---\ntitle: T\n---\nFirst line.\n')).toEqual({frontmatter: 'title: T', body: 'First line.\n'});
	});
});

describe('frontmatter errors', () => {
	it('rejects a file without frontmatter and says how to start one', () => {
		const message = formatError('# Just Markdown\n\nNo frontmatter here.\n');
		expect(message).toMatch(/frontmatter/i);
		expect(message).toContain('---');
	});

	it('rejects frontmatter that is never closed', () => {
		expect(formatError('---\ntitle: Open\nsection: World\n\nBody.\n')).toMatch(/frontmatter/i);
	});

	it('rejects an article without a title and names the missing field', () => {
		expect(formatError(articleText('section: World'))).toBe('missing "title" in the frontmatter');
	});

	it('rejects an article with an empty title', () => {
		expect(formatError(articleText('title: ""\nsection: World'))).toContain('"title"');
	});

	it('rejects an article without a section and names the missing field', () => {
		expect(formatError(articleText('title: Harbour vote'))).toBe('missing "section" in the frontmatter');
	});

	it('rejects bad YAML and says it is the YAML', () => {
		const message = formatError(articleText('title: [unclosed\nsection: World'));
		expect(message).toMatch(/^bad YAML in the frontmatter: /);
		expect(message).not.toContain('\n');
	});

	it('rejects a frontmatter key given twice as bad YAML', () => {
		expect(formatError(articleText(`${minimal}\ntitle: Again`))).toContain('YAML');
	});

	it('rejects frontmatter that is a list instead of key: value lines', () => {
		expect(formatError(articleText('- title\n- section'))).toBe('the frontmatter must be a YAML mapping (key: value lines)');
	});

	it('rejects frontmatter that is a single word', () => {
		expect(formatError(articleText('hello'))).toMatch(/mapping/);
	});

	it('rejects an invalid date and quotes it', () => {
		const message = formatError(articleText(`${minimal}\ndate: 2026-13-45`));
		expect(message).toBe('"date" is not an ISO 8601 date: 2026-13-45');
	});

	it('rejects a date that is a word', () => {
		expect(formatError(articleText(`${minimal}\ndate: yesterday`))).toContain('"date"');
	});

	it('rejects tags that are a mapping', () => {
		expect(formatError(articleText(`${minimal}\ntags: {harbour: 1}`))).toBe('"tags" must be a list of text items');
	});

	it('rejects tags that contain a nested list', () => {
		expect(formatError(articleText(`${minimal}\ntags: [a, [b, c]]`))).toContain('"tags"');
	});

	it('rejects a title that is a mapping', () => {
		expect(formatError(articleText('title: {a: 1}\nsection: World'))).toBe('"title" must be text');
	});

	it('names itself ArticleFormatError', () => {
		expect(new ArticleFormatError('x').name).toBe('ArticleFormatError');
	});
});

describe('body blocks', () => {
	it('turns paragraphs into paragraph blocks in reading order', () => {
		const blocks = parseMarkdownBlocks('First paragraph\nstill first.\n\nSecond paragraph.\n');
		expect(blocks.map(block => block.kind)).toEqual(['paragraph', 'paragraph']);
		expect(blockText(blocks[0]!)).toBe('First paragraph\nstill first.');
		expect(blockText(blocks[1]!)).toBe('Second paragraph.');
	});

	it('turns ## and ### headings into subheadings with their levels', () => {
		expect(parseMarkdownBlocks('## A tied first ballot\n\n### Cost and timetable\n\n#### Footnote\n')).toEqual([
			{kind: 'subheading', level: 2, text: 'A tied first ballot'},
			{kind: 'subheading', level: 3, text: 'Cost and timetable'},
			{kind: 'subheading', level: 4, text: 'Footnote'},
		]);
	});

	it('shows a top-level # heading as a level-2 subheading and deeper ones as level 4', () => {
		expect(parseMarkdownBlocks('# Top\n\n###### Deep\n')).toEqual([
			{kind: 'subheading', level: 2, text: 'Top'},
			{kind: 'subheading', level: 4, text: 'Deep'},
		]);
	});

	it('keeps subheading text plain even when it has emphasis', () => {
		expect(parseMarkdownBlocks('## The *case* from **engineers**\n')).toEqual([
			{kind: 'subheading', level: 2, text: 'The case from engineers'},
		]);
	});

	it('skips an empty heading', () => {
		expect(parseMarkdownBlocks('##\n\nText.\n').map(block => block.kind)).toEqual(['paragraph']);
	});

	it('turns a block quote into quote blocks, one per paragraph', () => {
		const blocks = parseMarkdownBlocks('> "I came here to save the slip," she said.\n>\n> Second part.\n');
		expect(blocks).toEqual([
			{kind: 'quote', inlines: [{text: '"I came here to save the slip," she said.', style: 'plain'}]},
			{kind: 'quote', inlines: [{text: 'Second part.', style: 'plain'}]},
		]);
	});

	it('numbers an ordered list', () => {
		const blocks = parseMarkdownBlocks('1. Erosion\n2. Rising water\n3. Access\n');
		expect(blocks).toEqual([
			{kind: 'list-item', ordered: true, number: 1, depth: 0, inlines: [{text: 'Erosion', style: 'plain'}]},
			{kind: 'list-item', ordered: true, number: 2, depth: 0, inlines: [{text: 'Rising water', style: 'plain'}]},
			{kind: 'list-item', ordered: true, number: 3, depth: 0, inlines: [{text: 'Access', style: 'plain'}]},
		]);
	});

	it('starts an ordered list at its first number', () => {
		expect(parseMarkdownBlocks('7. seven\n8. eight\n').map(block => block.kind === 'list-item' && block.number)).toEqual([7, 8]);
	});

	it('marks bullet list items as unordered', () => {
		const blocks = parseMarkdownBlocks('- design\n- consultation\n');
		expect(blocks.map(block => block.kind === 'list-item' && block.ordered)).toEqual([false, false]);
		expect(blocks.map(block => blockText(block))).toEqual(['design', 'consultation']);
	});

	it('gives nested list items their depth', () => {
		const blocks = parseMarkdownBlocks('- outer\n  1. inner one\n  2. inner two\n     - innermost\n- outer again\n');
		expect(blocks.map(block => block.kind === 'list-item' ? [blockText(block), block.depth, block.ordered] : block.kind)).toEqual([
			['outer', 0, false],
			['inner one', 1, true],
			['inner two', 1, true],
			['innermost', 2, false],
			['outer again', 0, false],
		]);
	});

	it('keeps inline styles inside list items', () => {
		const blocks = parseMarkdownBlocks('1. **Erosion at the toe.** Divers found damage.\n');
		expect(inlinesOf(blocks[0])).toEqual([
			{text: 'Erosion at the toe.', style: 'strong'},
			{text: ' Divers found damage.', style: 'plain'},
		]);
	});

	it('turns a link into a link inline with its target', () => {
		const inlines = inlinesOf(only(parseMarkdownBlocks('Read [the report](https://example.org/report "Report") today.\n')));
		expect(inlines).toEqual([
			{text: 'Read ', style: 'plain'},
			{text: 'the report', style: 'link', href: 'https://example.org/report'},
			{text: ' today.', style: 'plain'},
		]);
	});

	it('keeps a link style on emphasised link text', () => {
		const inlines = inlinesOf(only(parseMarkdownBlocks('[*italic link*](https://example.org)\n')));
		expect(inlines).toEqual([{text: 'italic link', style: 'link', href: 'https://example.org'}]);
	});

	it('turns an autolink into a link', () => {
		const inlines = inlinesOf(only(parseMarkdownBlocks('<https://example.org/a>\n')));
		expect(inlines).toEqual([{text: 'https://example.org/a', style: 'link', href: 'https://example.org/a'}]);
	});

	it('marks emphasis, strong and code', () => {
		const inlines = inlinesOf(only(parseMarkdownBlocks('Plain *emphasis* and **strong** and `code` end.\n')));
		expect(inlines).toEqual([
			{text: 'Plain ', style: 'plain'},
			{text: 'emphasis', style: 'emphasis'},
			{text: ' and ', style: 'plain'},
			{text: 'strong', style: 'strong'},
			{text: ' and ', style: 'plain'},
			{text: 'code', style: 'code'},
			{text: ' end.', style: 'plain'},
		]);
	});

	it('lets the inner style win in nested emphasis', () => {
		const inlines = inlinesOf(only(parseMarkdownBlocks('**bold *both* bold**\n')));
		expect(inlines).toEqual([
			{text: 'bold ', style: 'strong'},
			{text: 'both', style: 'emphasis'},
			{text: ' bold', style: 'strong'},
		]);
	});

	it('shows underscore emphasis as emphasis', () => {
		expect(inlinesOf(only(parseMarkdownBlocks('_Elsie Mardle_ said\n')))[0]).toEqual({text: 'Elsie Mardle', style: 'emphasis'});
	});

	it('turns a thematic break into a rule', () => {
		expect(parseMarkdownBlocks('Before.\n\n---\n\nAfter.\n').map(block => block.kind)).toEqual(['paragraph', 'rule', 'paragraph']);
		expect(parseMarkdownBlocks('***\n')).toEqual([{kind: 'rule'}]);
	});

	it('decodes HTML entities in text', () => {
		expect(blockText(only(parseMarkdownBlocks('Harrow &amp; Fenn &mdash; &lt;engineers&gt; &#233;&#x00E9;\n'))))
			.toBe('Harrow & Fenn — <engineers> éé');
	});

	it('never turns an entity into a control character (the layout does not filter again)', () => {
		const blocks = parseMarkdownBlocks('Safe &#27;]0;pwned&#7;text &#x1b;[2Jhere&#155;31m &#8;now\n\n## Head&#27;[5mline\n\n> quote&#127;d\n\n- item&#x9b;1m\n');
		expect(blocks.map(block => blockText(block))).toEqual(['Safe text here now', 'Headline', 'quoted', 'item']);
	});

	it('decodes HTML entities in subheadings', () => {
		expect(parseMarkdownBlocks('## Harrow &amp; Fenn\n')).toEqual([{kind: 'subheading', level: 2, text: 'Harrow & Fenn'}]);
	});

	it('keeps a backslash-escaped entity literal', () => {
		expect(blockText(only(parseMarkdownBlocks('write \\&amp; for an ampersand\n')))).toBe('write &amp; for an ampersand');
	});

	it('strips inline HTML tags and keeps their text', () => {
		expect(blockText(only(parseMarkdownBlocks('A <span class="x">highlighted</span> <b>word</b>.\n'))))
			.toBe('A highlighted word.');
	});

	it('strips the tags of an HTML block and keeps its text', () => {
		const block = only(parseMarkdownBlocks('<div class="aside">\n<p>Boxed &amp; set apart</p>\n</div>\n'));
		expect(block.kind).toBe('paragraph');
		expect(blockText(block)).not.toMatch(/[<>]/);
		expect(blockText(block).replace(/\s+/g, ' ').trim()).toBe('Boxed & set apart');
	});

	it('drops an HTML comment', () => {
		expect(parseMarkdownBlocks('<!-- editor note -->\n\nText.\n').map(block => blockText(block))).toEqual(['Text.']);
	});

	it('shows an image by its alt text', () => {
		expect(blockText(only(parseMarkdownBlocks('![The slip at low tide](slip.jpg)\n')))).toBe('The slip at low tide');
	});

	it('shows each line of a fenced code block as a code paragraph', () => {
		expect(parseMarkdownBlocks('```\nfirst line\nsecond line\n```\n')).toEqual([
			{kind: 'paragraph', inlines: [{text: 'first line', style: 'code'}]},
			{kind: 'paragraph', inlines: [{text: 'second line', style: 'code'}]},
		]);
	});

	it('shows a table as one line per row', () => {
		const blocks = parseMarkdownBlocks('| Year | Rise |\n| --- | --- |\n| 1990 | 2 mm |\n| 2020 | 4 mm |\n');
		expect(blocks.map(block => blockText(block))).toEqual(['Year | Rise', '1990 | 2 mm', '2020 | 4 mm']);
	});

	it('returns no blocks for an empty body', () => {
		expect(parseMarkdownBlocks('')).toEqual([]);
		expect(parseMarkdownBlocks('\n\n   \n')).toEqual([]);
	});

	it('keeps CJK and emoji text as written', () => {
		expect(blockText(only(parseMarkdownBlocks('港口議会は決定した 🚢\n')))).toBe('港口議会は決定した 🚢');
	});
});

describe('parseArticle', () => {
	it('returns the frontmatter fields and the body blocks together', () => {
		const article = parseArticle(articleText(`${minimal}\nsummary: Short.`, 'Intro.\n\n## Next\n\nMore.\n'), origin);
		expect(article.id).toBe('world/harbour-vote');
		expect(article.title).toBe('Harbour vote');
		expect(article.summary).toBe('Short.');
		expect(article.blocks).toEqual([
			{kind: 'paragraph', inlines: [{text: 'Intro.', style: 'plain'}]},
			{kind: 'subheading', level: 2, text: 'Next'},
			{kind: 'paragraph', inlines: [{text: 'More.', style: 'plain'}]},
		]);
	});

	it('does not treat the frontmatter fences as a rule or a heading', () => {
		const article = parseArticle(articleText(minimal, 'Only paragraph.\n'), origin);
		expect(article.blocks.map(block => block.kind)).toEqual(['paragraph']);
	});

	it('keeps a rule that appears later in the body', () => {
		const article = parseArticle(articleText(minimal, 'One.\n\n---\n\nTwo.\n'), origin);
		expect(article.blocks.map(block => block.kind)).toEqual(['paragraph', 'rule', 'paragraph']);
	});

	it('throws the same errors as parseArticleMeta', () => {
		expect(() => parseArticle(articleText('section: World'), origin)).toThrow(ArticleFormatError);
		expect(() => parseArticle(articleText('section: World'), origin)).toThrow('missing "title"');
	});
});
