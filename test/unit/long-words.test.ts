import stringWidth from 'string-width';
import {describe, expect, it} from 'vitest';
import type {Article, Block, Inline} from '../../source/core/article.js';
import {layoutArticle, LayoutBuilder, lineText, type Line} from '../../source/core/layout.js';
import {findInLayout} from '../../source/core/search.js';
import {asciiGlyphs, withLayoutMarks} from '../../source/glyphs.js';

// A 120-character address, written out by hand.
const url = 'https://news.example.org/2026/11/27/harbour-authority-publishes-the-full-minutes-of-the-vote-on-the-new-ferry-terminal/2';

function article(blocks: Block[]): Article {
	return {id: 'test/long', title: 'Long words', section: 'test', summary: '', tags: [], related: [], file: '/tmp/long.md', blocks};
}

function paragraph(...inlines: Inline[]): Block {
	return {kind: 'paragraph', inlines};
}

/** The text of each line without its continuation mark, and whether it had one. */
function pieces(lines: readonly Line[]): Array<{text: string; marked: boolean}> {
	return lines.map(line => {
		const last = line.segments.at(-1);
		const marked = last?.style === 'continuation';
		return {text: (marked ? line.segments.slice(0, -1) : line.segments).map(segment => segment.text).join(''), marked};
	});
}

describe('a word longer than the text column', () => {
	it('ends each piece of a 120-character address but the last with ↩, and the pieces give the address back', () => {
		expect(url).toHaveLength(120);
		const layout = layoutArticle(article([paragraph({text: url, style: 'link', href: url})]), 40);
		expect(layout.lines.map(line => lineText(line))).toEqual([
			'https://news.example.org/2026/11/27/har↩',
			'bour-authority-publishes-the-full-minut↩',
			'es-of-the-vote-on-the-new-ferry-termina↩',
			'l/2',
		]);
		const parts = pieces(layout.lines);
		expect(parts.map(part => part.marked)).toEqual([true, true, true, false]);
		expect(parts.map(part => part.text).join('')).toBe(url);
		for (const line of layout.lines) {
			expect(stringWidth(lineText(line))).toBeLessThanOrEqual(40);
			for (const segment of line.segments) {
				// Every piece of the address links to the whole address; the mark links nowhere.
				expect(segment.href).toBe(segment.style === 'continuation' ? undefined : url);
			}
		}
	});

	it('marks the pieces the same way in text that is not plain ASCII', () => {
		const layout = layoutArticle(article([paragraph({text: 'Minutes 📄 ', style: 'plain'}, {text: url, style: 'link', href: url})]), 40);
		expect(layout.lines.map(line => lineText(line))).toEqual([
			'Minutes 📄',
			'https://news.example.org/2026/11/27/har↩',
			'bour-authority-publishes-the-full-minut↩',
			'es-of-the-vote-on-the-new-ferry-termina↩',
			'l/2',
		]);
		expect(layout.lines[1]!.segments).toEqual([{text: 'https://news.example.org/2026/11/27/har', style: 'link', href: url}, {text: '↩', style: 'continuation'}]);
	});

	it('puts the address of a link after its text, both linking to it, the cut pieces marked', () => {
		const layout = layoutArticle(article([paragraph({text: 'Read ', style: 'plain'}, {text: 'the minutes', style: 'link', href: url}, {text: ' now.', style: 'plain'})]), 40);
		expect(layout.lines.map(line => lineText(line))).toEqual([
			'Read the minutes',
			'<https://news.example.org/2026/11/27/ha↩',
			'rbour-authority-publishes-the-full-minu↩',
			'tes-of-the-vote-on-the-new-ferry-termin↩',
			'al/2> now.',
		]);
		expect(layout.lines[0]!.segments).toEqual([{text: 'Read ', style: 'plain'}, {text: 'the minutes', style: 'link', href: url}]);
		expect(layout.lines[4]!.segments).toEqual([{text: 'al/2>', style: 'link', href: url}, {text: ' now.', style: 'plain'}]);
	});

	it('keeps two links side by side apart', () => {
		const layout = layoutArticle(article([paragraph({text: 'one', style: 'link', href: 'https://one.example/'}, {text: ' ', style: 'plain'}, {text: 'two', style: 'link', href: 'https://two.example/'})]), 80);
		expect(layout.lines[0]!.segments).toEqual([
			{text: 'one <https://one.example/>', style: 'link', href: 'https://one.example/'},
			{text: ' ', style: 'plain'},
			{text: 'two <https://two.example/>', style: 'link', href: 'https://two.example/'},
		]);
	});

	it('keeps the address once when a paragraph cut by the parser goes on after a link', () => {
		const builder = new LayoutBuilder(80);
		builder.add([paragraph({text: 'See ', style: 'plain'}, {text: 'the minutes', style: 'link', href: 'https://example.org/m'})]);
		builder.add([{kind: 'paragraph', inlines: [{text: 'today.', style: 'plain'}], continues: 'space'}]);
		expect(builder.layout.lines.map(line => lineText(line))).toEqual(['See the minutes <https://example.org/m> today.']);
	});

	it('draws the mark as a backslash where the locale is not UTF-8', () => {
		const layout = layoutArticle(article([paragraph({text: url, style: 'link', href: url})]), 40);
		expect(withLayoutMarks(lineText(layout.lines[0]!), asciiGlyphs)).toBe('https://news.example.org/2026/11/27/har\\');
	});

	it('finds a word inside a cut address at the columns where it is drawn', () => {
		const layout = layoutArticle(article([paragraph({text: `${url} ferry`, style: 'plain'})]), 40);
		const [match] = findInLayout(layout, 'ferry');
		// "ferry" is on line 2, columns 26-31 of `es-of-the-vote-on-the-new-ferry-termina↩`.
		expect(match).toMatchObject({line: 2, start: 26, end: 31});
	});
});
