// Articles of hostile shapes open and lay out: a 100,000-character word in a title, lists nested
// thousands deep, and bodies near the 10 MB limit of every awkward shape. A freeze fails the test by
// its timeout (timing goals are in `npm run bench`); the assertions are what a reader sees: no line
// wider than the terminal, no text lost.
import {mkdirSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import stringWidth from 'string-width';
import {describe, expect, it} from 'vitest';
import {readCommand} from '../../source/commands/read.js';
import {layoutArticle, type Line, lineText} from '../../source/core/layout.js';
import {loadLibrary} from '../../source/core/library.js';
import {parseArticle, PLAIN_TEXT_NOTICE} from '../../source/core/parse-markdown.js';
import {sanitizeText} from '../../source/core/sanitize.js';
import {fitToWidth, wrapText} from '../../source/ui/text.js';
import {commandContext} from '../helpers/command-context.js';
import {temporaryFolder} from '../helpers/temporary-folder.js';
import {articleShapes, SHAPE_BYTES} from '../generate-shapes.js';

const nonSpace = (text: string) => text.replaceAll(/\s+/g, '');

/** A line's text without the mark that ends each piece of a word cut over lines (not text of the article). */
const withoutMarks = (line: Line) => line.segments.filter(segment => segment.style !== 'continuation').map(segment => segment.text).join('');

function libraryWith(files: Record<string, string>) {
	const folder = temporaryFolder('shapes');
	for (const [name, text] of Object.entries(files)) {
		mkdirSync(path.dirname(path.join(folder, name)), {recursive: true});
		writeFileSync(path.join(folder, name), text);
	}

	return loadLibrary([{path: folder}]);
}

const article = (title: string, body: string) => `---\ntitle: "${title}"\nsection: Tests\nauthor: A. Writer\n---\n\n${body}`;

describe('a 100,000-character word in a title', () => {
	const word = '漢'.repeat(100_000);

	it('is wrapped by `newsread read` into lines of at most --width columns, every character kept', async () => {
		const library = libraryWith({'t/long-title.md': article(word, 'The body.\n')});
		const {context, stdout} = commandContext({args: ['t/long-title'], flags: {width: 80}, library});
		expect(await readCommand(context)).toBe(0);
		const lines = stdout.text.split('\n');
		const titleLines = lines.filter(line => line.startsWith('漢'));
		expect(titleLines).toHaveLength(2500);
		expect(titleLines.join('')).toBe(word);
		for (const line of lines) {
			expect(stringWidth(line)).toBeLessThanOrEqual(80);
		}

		expect(lines).toContain('The body.');
	});

	it('is cut to the header’s width with an ellipsis in the reader', () => {
		expect(fitToWidth(`News › ${word}`, 80)).toBe(`News › ${'漢'.repeat(36)}…`);
		expect(fitToWidth('x'.repeat(100_000), 10)).toBe('xxxxxxxxx…');
		expect(fitToWidth('short', 10)).toBe('short');
	});

	it('is wrapped as a comment body, keeping its line breaks', () => {
		const lines = wrapText(`First line\n\n${word}`, 40);
		expect(lines.slice(0, 3)).toEqual(['First line', '', '漢'.repeat(20)]);
		expect(lines).toHaveLength(2 + 5000);
		expect(lines.slice(2).join('')).toBe(word);
	});
});

describe('lists nested thousands deep', () => {
	const nested = (depth: number) => Array.from({length: depth}, (_, level) => `${'  '.repeat(level)}- item${level}\n`).join('');

	it('lays a 1,000-deep list out within the width, indented at most 8 levels, every item whole', () => {
		const parsed = parseArticle(article('Deep', nested(1000)), {id: 't/deep', file: '/t/deep.md'});
		for (const width of [80, 40]) {
			const lines = layoutArticle(parsed, width).lines.map(line => lineText(line));
			const text = lines.join('\n');
			for (const line of lines) {
				expect(stringWidth(line), line).toBeLessThanOrEqual(width);
				// 8 levels of two columns, then the bullet.
				expect(line.length - line.trimStart().length, line).toBeLessThanOrEqual(18);
			}

			expect(lines.slice(0, 3)).toEqual(['• item0', '  • item1', '    • item2']);
			for (let level = 0; level < 1000; level++) {
				expect(text).toMatch(new RegExp(`(^|\\s)item${level}(\\s|$)`));
			}
		}
	});

	it('opens a 3,000-deep list with `newsread read`', async () => {
		const library = libraryWith({'t/deep.md': article('Deep', nested(3000))});
		const {context, stdout} = commandContext({args: ['t/deep'], flags: {width: 80}, library});
		expect(await readCommand(context)).toBe(0);
		expect(stdout.text).toContain('item2999');
		for (const line of stdout.text.split('\n')) {
			expect(stringWidth(line)).toBeLessThanOrEqual(80);
		}
	});

	it('shows quotes nested 10,000 deep as plain text under a notice', () => {
		const parsed = parseArticle(article('Quotes', `${'>'.repeat(10_000)} deep\n`), {id: 't/q', file: '/t/q.md'});
		const lines = layoutArticle(parsed, 80).lines.map(line => withoutMarks(line));
		expect(lines.join(' ')).toContain(PLAIN_TEXT_NOTICE);
		expect(nonSpace(lines.join(''))).toContain(`${'>'.repeat(10_000)}deep`);
	});
});

describe('a 10 MB article of one paragraph', () => {
	it('is printed by `newsread read`, every word kept, no line wider than --width', async () => {
		const paragraph = 'word '.repeat(2_000_000).trimEnd();
		const library = libraryWith({'t/huge.md': article('Huge', `${paragraph}\n`)});
		const {context, stdout, stderr} = commandContext({args: ['t/huge'], flags: {width: 80}, library});
		expect(await readCommand(context)).toBe(0);
		expect(stderr.text).toBe('');
		const lines = stdout.text.split('\n');
		const body = lines.filter(line => line.startsWith('word'));
		expect(body.join(' ')).toBe(paragraph);
		expect(body[0]).toBe('word '.repeat(16).trimEnd());
		for (const line of lines) {
			expect(line.length).toBeLessThanOrEqual(80);
		}
	});
});

// A quarter of the 10 MB limit keeps the suite quick on a busy machine while still far past where
// the quadratic paths froze; `npm run bench` times the full size.
describe.each(articleShapes(Math.floor(SHAPE_BYTES / 4)))('an article body of $description', shape => {
	it.each([80, 200])('lays out at %i columns: no line wider, no text lost', width => {
		const text = sanitizeText(article(`Shape ${shape.name}`, shape.body));
		const parsed = parseArticle(text, {id: `shapes/${shape.name}`, file: `/shapes/${shape.name}.md`});
		const layout = layoutArticle(parsed, width);
		const lines = layout.lines.map(line => lineText(line));
		const textWidth = Math.min(width, 100);
		for (const line of lines) {
			if (stringWidth(line) > textWidth) {
				expect.fail(`a line of ${stringWidth(line)} columns: ${line.slice(0, 120)}`);
			}
		}

		if (shape.visible !== undefined) {
			const shown = nonSpace(layout.lines.map(line => withoutMarks(line)).join(''));
			// The layout only ever adds the plain-text notice, never drops or changes text.
			expect(shown.replace(nonSpace(PLAIN_TEXT_NOTICE), '') === shape.visible).toBe(true);
		}

		for (const word of shape.wholeWords ?? []) {
			expect(lines.some(line => new RegExp(`(^|\\s)${word}(\\s|$)`).test(line)), word).toBe(true);
		}
	});
});
