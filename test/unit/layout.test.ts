import stringWidth from 'string-width';
import {describe, expect, it} from 'vitest';
import type {Article, Block, Inline} from '../../source/core/article.js';
import {
	blockAtLine,
	displayWidth,
	firstLineOfBlock,
	layoutArticle,
	lineText,
	MAX_TEXT_WIDTH,
	subheadingLines,
	type Layout,
	type Line,
	type SegmentStyle,
} from '../../source/core/layout.js';

// --- Helpers: articles are built right here, block by block.

/** A line's width in columns, measured by string-width (not by the code under test). */
function lineWidth(line: Line): number {
	return stringWidth(lineText(line));
}

function makeArticle(blocks: Block[]): Article {
	return {
		id: 'test/layout',
		title: 'Layout test',
		section: 'test',
		summary: '',
		tags: [],
		related: [],
		file: '/tmp/layout.md',
		blocks,
	};
}

function inline(text: string, style: Inline['style'] = 'plain', href?: string): Inline {
	return href === undefined ? {text, style} : {text, style, href};
}

function paragraph(...inlines: Array<Inline | string>): Block {
	return {kind: 'paragraph', inlines: inlines.map(part => (typeof part === 'string' ? inline(part) : part))};
}

function subheading(text: string, level: 2 | 3 | 4 = 2): Block {
	return {kind: 'subheading', level, text};
}

function quote(...inlines: Array<Inline | string>): Block {
	return {kind: 'quote', inlines: inlines.map(part => (typeof part === 'string' ? inline(part) : part))};
}

function listItem(text: string, options: {ordered?: boolean; number?: number; depth?: number} = {}): Block {
	return {
		kind: 'list-item',
		ordered: options.ordered ?? false,
		number: options.number ?? 1,
		depth: options.depth ?? 0,
		inlines: [inline(text)],
	};
}

const words = 'the harbour council voted late on tuesday to approve the long delayed ferry terminal after months of argument about cost noise and the fate of the old fish market'.split(' ');

/** Deterministic prose of `count` words. */
function prose(count: number, offset = 0): string {
	return Array.from({length: count}, (_, index) => words[(index + offset) % words.length]).join(' ');
}

const longUrl = `https://example.com/${'very-long-path-segment/'.repeat(12)}index.html?query=${'x'.repeat(40)}`;

/** An article with every kind of block, wide characters, styles and a long address. */
function everything(): Article {
	return makeArticle([
		paragraph(prose(60)),
		subheading('What the council decided and why it took so very long to get there', 3),
		paragraph('Mixed ', inline('emphasised words that run on and on', 'emphasis'), ' with ', inline('strong words', 'strong'), ' and ', inline('some_code()', 'code'), ' ', prose(30)),
		paragraph('港口委员会周二深夜投票批准了拖延已久的渡轮码头项目，此前各方就成本、噪音和旧鱼市的命运争论了数月。'.repeat(3)),
		paragraph(`Emoji 🎉🎉🎉 party ${'😀'.repeat(70)} and 👩‍👩‍👧‍👦 families`),
		quote(prose(40), inline(' and this part is emphasised', 'emphasis')),
		listItem(prose(35)),
		listItem(prose(20), {depth: 1}),
		listItem(prose(25), {ordered: true, number: 12}),
		{kind: 'rule'},
		paragraph('Read ', inline('the full report', 'link', longUrl), ' for details.'),
		paragraph(longUrl),
	]);
}

function maxWidth(layout: Layout): number {
	return Math.max(0, ...layout.lines.map(line => stringWidth(lineText(line))));
}

function textOf(layout: Layout): string[] {
	return layout.lines.map(line => lineText(line));
}

/** All text of the given style, in order, joined. */
function styledText(lines: readonly Line[], style: SegmentStyle): string {
	return lines.flatMap(line => line.segments.filter(segment => segment.style === style).map(segment => segment.text)).join(' ');
}

// --- Tests

describe('layoutArticle', () => {
	for (const width of [40, 80, 120]) {
		const column = Math.min(width, MAX_TEXT_WIDTH);
		it(`never draws a line wider than ${column} columns in a ${width}-column terminal`, () => {
			const layout = layoutArticle(everything(), width);
			expect(layout.width).toBe(width);
			expect(layout.textWidth).toBe(column);
			for (const line of layout.lines) {
				expect(stringWidth(lineText(line)), lineText(line)).toBeLessThanOrEqual(column);
				expect(displayWidth(lineText(line))).toBe(stringWidth(lineText(line)));
			}
		});
	}

	it('keeps text to a comfortable 100 columns on a very wide terminal', () => {
		const layout = layoutArticle(makeArticle([paragraph(prose(200))]), 200);
		expect(layout.textWidth).toBe(100);
		expect(maxWidth(layout)).toBeLessThanOrEqual(100);
		expect(maxWidth(layout)).toBeGreaterThan(90);
	});

	it('treats a terminal narrower than 10 columns as 10 wide', () => {
		const layout = layoutArticle(everything(), 3);
		expect(layout.width).toBe(10);
		expect(layout.textWidth).toBe(10);
		expect(maxWidth(layout)).toBeLessThanOrEqual(10);
	});

	it('fills lines with words and puts a blank line between paragraphs', () => {
		const layout = layoutArticle(makeArticle([paragraph(prose(40)), paragraph(prose(40, 3))]), 40);
		const blank = layout.lines.findIndex(line => line.kind === 'blank');
		expect(blank).toBeGreaterThan(0);
		expect(layout.lines[blank]!.segments).toEqual([]);
		expect(layout.lines.filter(line => line.kind === 'blank')).toHaveLength(1);
		// Greedy fill: no line could have taken the next line's first word.
		for (let index = 0; index < blank - 1; index++) {
			const next = lineText(layout.lines[index + 1]!).split(' ')[0]!;
			expect(lineWidth(layout.lines[index]!) + 1 + next.length).toBeGreaterThan(40);
		}

		expect(textOf(layout).slice(0, blank).join(' ')).toBe(prose(40));
	});

	it('collapses runs of whitespace and leaves no trailing spaces', () => {
		const layout = layoutArticle(makeArticle([
			paragraph('  lots   of\tspace\n\nhere  ', inline('  and  ', 'strong'), '  more   words  that   wrap  onto a second line  '),
		]), 20);
		const text = textOf(layout);
		expect(text.join(' ')).toBe('lots of space here and more words that wrap onto a second line');
		for (const line of text) {
			expect(line).not.toMatch(/\s$/);
			expect(line).not.toMatch(/ {2}/);
		}
	});

	it('wraps Chinese text by display width, two columns a character', () => {
		const chinese = '港口委员会周二深夜投票批准了拖延已久的渡轮码头项目此前各方争论了数月';
		const layout = layoutArticle(makeArticle([paragraph(chinese)]), 40);
		expect(layout.lines.length).toBeGreaterThan(1);
		expect(stringWidth(lineText(layout.lines[0]!))).toBe(40);
		expect([...lineText(layout.lines[0]!)]).toHaveLength(20);
		// Nothing added, nothing lost: the lines join back into the text without spaces.
		expect(textOf(layout).join('')).toBe(chinese);
	});

	it('does not start a line with closing CJK punctuation', () => {
		const text = `${'漢'.repeat(19)}字。${'漢'.repeat(10)}`;
		const layout = layoutArticle(makeArticle([paragraph(text)]), 40);
		for (const line of textOf(layout)) {
			expect(line.startsWith('。')).toBe(false);
			expect(stringWidth(line)).toBeLessThanOrEqual(40);
		}

		expect(textOf(layout).join('')).toBe(text);
	});

	it('wraps emoji by display width, two columns each', () => {
		const layout = layoutArticle(makeArticle([paragraph('😀'.repeat(30))]), 41);
		expect(lineText(layout.lines[0]!)).toBe('😀'.repeat(20));
		expect(lineWidth(layout.lines[0]!)).toBe(40);
		expect(lineText(layout.lines[1]!)).toBe('😀'.repeat(10));
	});

	it('keeps a family emoji in one piece when it has to break', () => {
		const family = '👩‍👩‍👧‍👦';
		const layout = layoutArticle(makeArticle([paragraph(`${'a'.repeat(39)}${family}`)]), 40);
		expect(textOf(layout)).toEqual(['a'.repeat(39), family]);
	});

	it('hard-breaks a long URL at the width instead of overflowing', () => {
		const layout = layoutArticle(makeArticle([paragraph('See ', inline('the report', 'link', longUrl), ' today.')]), 40);
		expect(longUrl.length).toBeGreaterThan(200);
		for (const line of layout.lines) {
			expect(lineWidth(line)).toBeLessThanOrEqual(40);
		}

		const linkText = layout.lines.flatMap(line => line.segments.filter(segment => segment.style === 'link').map(segment => segment.text)).join('');
		expect(linkText).toContain(`<${longUrl}>`);
		expect(linkText.startsWith('the report')).toBe(true);
		// The address fills whole lines while it lasts.
		const fullLines = layout.lines.filter(line => lineWidth(line) === 40);
		expect(fullLines.length).toBeGreaterThanOrEqual(4);
	});

	it('does not repeat a link address that is the link text', () => {
		const layout = layoutArticle(makeArticle([paragraph('Visit ', inline('example.com', 'link', 'https://example.com/'), ' now.')]), 80);
		expect(textOf(layout)).toEqual(['Visit example.com now.']);
		expect(layout.lines[0]!.segments).toContainEqual({text: 'example.com', style: 'link', href: 'https://example.com/'});
	});

	it('puts a subheading on its own line with a blank line before and after', () => {
		const layout = layoutArticle(makeArticle([paragraph(prose(10)), subheading('Reaction', 3), paragraph(prose(10))]), 80);
		const index = layout.lines.findIndex(line => line.kind === 'subheading');
		const line = layout.lines[index]!;
		expect(line.segments).toEqual([{text: 'Reaction', style: 'subheading'}]);
		expect(line.level).toBe(3);
		expect(layout.lines[index - 1]!.kind).toBe('blank');
		expect(layout.lines[index + 1]!.kind).toBe('blank');
		expect(subheadingLines(layout)).toEqual([index]);
	});

	it('lists one outline entry per subheading even when a heading wraps', () => {
		const layout = layoutArticle(makeArticle([
			subheading(prose(20), 2),
			paragraph(prose(10)),
			subheading('Second', 4),
		]), 40);
		const headings = subheadingLines(layout);
		expect(headings).toHaveLength(2);
		expect(layout.lines[headings[0]!]!.level).toBe(2);
		expect(layout.lines[1]!.kind).toBe('subheading');
		expect(layout.lines[headings[1]!]!.level).toBe(4);
	});

	it('draws quotes behind a bar with the text indented by two', () => {
		const layout = layoutArticle(makeArticle([quote(prose(30), inline(' really', 'emphasis'))]), 40);
		expect(layout.lines.length).toBeGreaterThan(1);
		for (const line of layout.lines) {
			expect(line.kind).toBe('quote');
			expect(line.segments[0]).toEqual({text: '│ ', style: 'quote'});
			expect(lineWidth(line)).toBeLessThanOrEqual(40);
		}

		expect(styledText(layout.lines, 'emphasis')).toBe('really');
		expect(layout.lines[0]!.segments[1]!.style).toBe('quote');
	});

	it('indents list items and aligns wrapped lines after the marker', () => {
		const layout = layoutArticle(makeArticle([
			listItem(prose(20)),
			listItem(prose(20), {depth: 1}),
			listItem(prose(20), {ordered: true, number: 12}),
		]), 40);
		expect(layout.lines.every(line => line.kind === 'list')).toBe(true);
		const text = textOf(layout);
		expect(layout.lines[0]!.segments[0]).toEqual({text: '• ', style: 'marker'});
		expect(text[1]!.startsWith('  ')).toBe(true);
		expect(text[1]![2]).not.toBe(' ');

		const nested = text.findIndex(line => line.startsWith('  • '));
		expect(nested).toBeGreaterThan(0);
		expect(layout.lines[nested]!.segments[1]).toEqual({text: '• ', style: 'marker'});
		expect(text[nested + 1]!.startsWith('    ')).toBe(true);
		expect(text[nested + 1]![4]).not.toBe(' ');

		const ordered = text.findIndex(line => line.startsWith('12. '));
		expect(ordered).toBeGreaterThan(nested);
		expect(text[ordered + 1]!.startsWith('    ')).toBe(true);
		expect(text[ordered + 1]![4]).not.toBe(' ');
		for (const line of layout.lines) {
			expect(lineWidth(line)).toBeLessThanOrEqual(40);
		}
	});

	it('draws a rule across the text column', () => {
		const layout = layoutArticle(makeArticle([paragraph('above'), {kind: 'rule'}, paragraph('below')]), 120);
		const rule = layout.lines.find(line => line.kind === 'rule')!;
		expect(rule.segments).toEqual([{text: '─'.repeat(100), style: 'rule'}]);
	});

	it('keeps emphasis, strong and code styles across wrapped lines', () => {
		const emphasised = prose(25);
		const strong = prose(12, 5);
		const layout = layoutArticle(makeArticle([
			paragraph('Start ', inline(emphasised, 'emphasis'), ' middle ', inline(strong, 'strong'), ' and ', inline('code_span()', 'code'), ' end.'),
		]), 30);
		const emphasisLines = layout.lines.filter(line => line.segments.some(segment => segment.style === 'emphasis'));
		expect(emphasisLines.length).toBeGreaterThan(2);
		expect(styledText(layout.lines, 'emphasis')).toBe(emphasised);
		expect(styledText(layout.lines, 'strong')).toBe(strong);
		expect(styledText(layout.lines, 'code')).toBe('code_span()');
		expect(textOf(layout).join(' ')).toBe(`Start ${emphasised} middle ${strong} and code_span() end.`);
	});

	it('never breaks a word where only the style changes', () => {
		const layout = layoutArticle(makeArticle([paragraph(prose(6), ' ', inline('bold', 'strong'), ',', ' ', prose(6))]), 10);
		const text = textOf(layout);
		expect(text.some(line => line.endsWith(' bold,') || line.startsWith('bold,'))).toBe(true);
		expect(text.some(line => line.startsWith(','))).toBe(false);
	});

	it('finds the same block again after a resize from 80 to 40 columns', () => {
		const blocks: Block[] = [];
		for (let index = 0; index < 30; index++) {
			blocks.push(index % 7 === 3 ? subheading(`Part ${index}`) : paragraph(prose(30 + index, index)));
		}

		const article = makeArticle(blocks);
		const wide = layoutArticle(article, 80);
		const narrow = layoutArticle(article, 40);
		expect(narrow.lines.length).toBeGreaterThan(wide.lines.length);
		for (const top of [0, 17, 40, 63, wide.lines.length - 1]) {
			const block = blockAtLine(wide, top);
			const restored = firstLineOfBlock(narrow, block);
			expect(narrow.lines[restored]!.block).toBe(block);
			expect(blockAtLine(narrow, restored)).toBe(block);
			if (restored > 0) {
				expect(narrow.lines[restored - 1]!.block).toBeLessThan(block);
			}
		}
	});

	it('gives spacer lines the block that follows them, so block numbers never go backwards', () => {
		const layout = layoutArticle(everything(), 80);
		let previous = -1;
		for (const [index, line] of layout.lines.entries()) {
			expect(line.block).toBeGreaterThanOrEqual(previous);
			if (line.kind === 'blank') {
				expect(layout.lines[index + 1]!.block).toBe(line.block);
			}

			previous = line.block;
		}

		expect(layout.lines[0]!.kind).not.toBe('blank');
		expect(layout.lines.at(-1)!.kind).not.toBe('blank');
	});

	it('returns the very same layout when asked twice for the same width', () => {
		const article = everything();
		const first = layoutArticle(article, 80);
		expect(layoutArticle(article, 80)).toBe(first);
		expect(layoutArticle(article, 40)).not.toBe(first);
		expect(layoutArticle(article, 80)).toBe(first);
		expect(layoutArticle(everything(), 80)).not.toBe(first);
	});

	it('lays out an empty article as no lines', () => {
		const layout = layoutArticle(makeArticle([]), 80);
		expect(layout.lines).toEqual([]);
		expect(blockAtLine(layout, 5)).toBe(0);
		expect(firstLineOfBlock(layout, 3)).toBe(0);
		expect(subheadingLines(layout)).toEqual([]);
	});
});

describe('wrapping paths', () => {
	/** Small deterministic random numbers, so a failure can be replayed. */
	function random(seed: number): () => number {
		let state = seed;
		return () => {
			state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
			return state / 2_147_483_648;
		};
	}

	// Narrow text, CJK text and text with emoji take three different paths through the wrapper:
	// one wide character or emoji at the end switches paths but must not move a single break.
	for (const [name, suffix, withCjk] of [
		['plain Latin text as it wraps text with a CJK character', ' 漢', false],
		['plain Latin text as it wraps text with an emoji', ' 😀', false],
		['CJK text as it wraps text with an emoji', ' 😀', true],
	] as const) {
		it(`wraps ${name}`, () => {
			const next = random(42);
			const styles: Array<Inline['style']> = ['plain', 'plain', 'emphasis', 'strong', 'code', 'link'];
			const pieces = [...words, 'naïve', 'café', '“quoted”', 'it’s', '—', 'x'.repeat(45), longUrl, '  ', '\n', ' ', ','];
			if (withCjk) {
				pieces.push('港口委员会', '周二深夜投票', '。', '「批准」', 'カタカナー', '한국어', '\u3000', '（注）', 'ＡＢＣ', '漢'.repeat(30));
			}

			for (let round = 0; round < 300; round++) {
				const inlines: Inline[] = [];
				// CJK rounds use one inline: the suffix joins it and sends all of it down another path.
				const count = withCjk ? 1 : 1 + Math.floor(next() * 12);
				for (let index = 0; index < count; index++) {
					const length = 1 + Math.floor(next() * 8);
					const text = Array.from({length}, () => pieces[Math.floor(next() * pieces.length)]!).join(next() < 0.8 ? ' ' : '');
					const drawn = styles[Math.floor(next() * styles.length)]!;
					const style = withCjk && drawn === 'link' ? 'plain' : drawn;
					inlines.push(style === 'link' ? inline(text, style, next() < 0.5 ? text : longUrl.slice(0, 10 + Math.floor(next() * 80))) : inline(text, style));
				}

				const width = 10 + Math.floor(next() * 60);
				const before = layoutArticle(makeArticle([paragraph(...inlines)]), width).lines;
				const last = inlines.at(-1)!;
				const extended = withCjk ? [...inlines.slice(0, -1), {...last, text: last.text + suffix}] : [...inlines, inline(suffix)];
				const after = layoutArticle(makeArticle([paragraph(...extended)]), width).lines;
				const context = JSON.stringify({round, width, inlines});
				expect(after.slice(0, Math.max(0, before.length - 1)), context).toEqual(before.slice(0, -1));
				if (before.length > 0) {
					expect(lineText(after[before.length - 1]!).startsWith(lineText(before.at(-1)!)), context).toBe(true);
				}

				for (const line of after) {
					expect(lineWidth(line), context).toBeLessThanOrEqual(width);
					expect(displayWidth(lineText(line)), context).toBe(stringWidth(lineText(line)));
				}
			}
		});
	}
});
