// Article bodies of awkward shapes near the 10 MB file limit, for the layout tests and `npm run bench`:
// one huge paragraph, one huge word, many lines, deep lists, a huge table, a huge code block, ...
// Each comes with the text a reader must find in it, written here by hand, not by the code under test.
import {Buffer} from 'node:buffer';
import {mkdirSync, writeFileSync} from 'node:fs';
import path from 'node:path';

export type ArticleShape = {
	/** A short name, also the file name. */
	name: string;
	/** What it is, for the benchmark table. */
	description: string;
	/** The Markdown body. */
	body: string;
	/**
	 * The characters other than whitespace that the laid-out lines must hold, in order (Markdown
	 * syntax removed, as the layout shows the text). Undefined where the layout adds or drops
	 * characters by design (list markers run into the text past the deepest list).
	 */
	visible?: string;
	/** Words that must each appear whole on one laid-out line at 80 columns. */
	wholeWords?: string[];
};

/** Bytes a shape's body is grown to: under the library's 10 MiB limit with room for the frontmatter. */
export const SHAPE_BYTES = 10 * 1024 * 1024 - 4096;

const words = ['harbour', 'council', 'said', 'residents', 'would', 'meeting', 'morning', 'village', 'plans', 'water'];

const nonSpace = (text: string) => text.replaceAll(/\s+/g, '');

/** Repeats `unit(i)` until the joined text has about `bytes` UTF-8 bytes. */
function grow(bytes: number, unit: (index: number) => string, separator = ''): string {
	const parts: string[] = [];
	let size = 0;
	for (let index = 0; size < bytes; index++) {
		const part = unit(index);
		parts.push(part);
		size += Buffer.byteLength(part) + separator.length;
	}

	return parts.join(separator);
}

/** The body of the `headings` shape alone: `## Heading N`, then `Text N.`, for N from 0 up. */
export function headingsBody(bytes = SHAPE_BYTES): string {
	return grow(bytes, index => `## Heading ${index}\n\nText ${index}.\n`, '\n');
}

/** The shapes, each about `bytes` long; only those named in `only` when it is given (each takes time to make). */
export function articleShapes(bytes = SHAPE_BYTES, only?: readonly string[]): ArticleShape[] {
	const shapes: ArticleShape[] = [];
	const add = (name: string, make: () => Omit<ArticleShape, 'name'>) => {
		if (only === undefined || only.includes(name)) {
			shapes.push({name, ...make()});
		}
	};

	add('paragraph', () => {
		const paragraph = grow(bytes, index => words[(index * 7) % words.length]!, ' ');
		return {description: 'one paragraph of words', body: `${paragraph}\n`, visible: nonSpace(paragraph)};
	});

	add('word', () => {
		const word = 'x'.repeat(bytes);
		return {description: 'one word', body: `${word}\n`, visible: word};
	});

	add('lines-50k', () => {
		const line50k = Math.floor(bytes / 50_000) - 2;
		const lines = Array.from({length: 50_000}, (_, index) => `L${index} ${'word '.repeat(line50k / 5)}`.slice(0, line50k).trim());
		return {description: '50,000 paragraphs of one long line', body: lines.join('\n\n'), visible: nonSpace(lines.join('')), wholeWords: ['L49999']};
	});

	add('short-200k', () => {
		const shortLines = Array.from({length: 200_000}, (_, index) => `line ${index}`);
		return {description: '200,000 short lines, one paragraph each', body: shortLines.join('\n\n'), visible: nonSpace(shortLines.join('')), wholeWords: ['199999']};
	});

	add('deep-list', () => {
		const depth = Math.floor(Math.sqrt(bytes)) - 10;
		const items: string[] = [];
		let size = 0;
		for (let level = 0; size < bytes - (2 * level) - 20 && level < depth; level++) {
			const item = `${'  '.repeat(level)}- item${level}\n`;
			items.push(item);
			size += item.length;
		}

		return {description: `a list nested ${items.length} deep`, body: items.join(''), wholeWords: ['item0', 'item5', 'item7']};
	});

	add('table', () => {
		const rows = grow(bytes - 200, index => `| r${index} | ${words[index % words.length]} | ${index * 3} |`, '\n');
		const tableRows = rows.split('\n').map(row => row.slice(2, -2).split(' | '));
		return {
			description: 'one table of many rows',
			body: `| key | word | number |\n| --- | --- | --- |\n${rows}\n`,
			visible: nonSpace(`key|word|number${tableRows.map(cells => cells.join('|')).join('')}`),
		};
	});

	add('code', () => {
		const code = grow(bytes - 20, index => `const value${index} = compute(${index}); // ${words[index % words.length]}`, '\n');
		return {description: 'one fenced code block', body: `\`\`\`js\n${code}\n\`\`\`\n`, visible: nonSpace(code)};
	});

	add('list', () => {
		const outline = grow(bytes, index => `${'  '.repeat([0, 1, 2, 3, 2, 1][index % 6]!)}- point ${index}: the ${words[index % words.length]} ${words[(index * 3) % words.length]}`, '\n');
		return {description: 'one list of many items, nested up to 4 deep, no blank lines', body: `${outline}\n`, wholeWords: ['point', 'harbour']};
	});

	add('ordered-list', () => {
		const numbered = grow(bytes, index => (index % 5 === 4 ? `   - aside ${index}` : `${index + 1}. step ${index} of the ${words[index % words.length]} plan`), '\n');
		return {description: 'one numbered list of many steps, with bullets nested under some', body: `${numbered}\n`, wholeWords: ['step', 'aside']};
	});

	add('quote', () => {
		const quote = grow(bytes, index => (index % 40 === 39 ? '>' : `> the ${words[index % words.length]} ${index} ${words[(index * 7) % words.length]} said`), '\n');
		return {description: 'one quote of many lines and paragraphs', body: `${quote}\n`, wholeWords: ['harbour', 'residents']};
	});

	add('html', () => {
		const html = grow(bytes - 20, index => `<p class="row">row ${index} of the ${words[index % words.length]} table</p>`, '\n');
		return {description: 'one HTML block of many lines', body: `<div>\n${html}\n</div>\n`, wholeWords: ['row', 'table']};
	});

	add('headings', () => {
		const headings = headingsBody(bytes);
		return {description: 'many subheadings', body: headings, visible: nonSpace(headings.replaceAll('## ', ''))};
	});

	add('long-urls', () => {
		const url = `https://example.com/${'path/'.repeat(20_000)}end`;
		const links = grow(bytes - (2 * url.length), index => `See [source ${index}](${url}) now.`, '\n\n');
		const linkText = links.split('\n\n').map(text => text.replace(`[source `, 'source ').replace(`](${url})`, `<${url}>`));
		return {description: 'links to 100 KB addresses', body: links, visible: nonSpace(linkText.join(''))};
	});

	add('cjk', () => {
		const cjk = grow(bytes, index => '日本語の文章を表示します。漢字とかなが並びます。'.slice(index % 5) + (index % 40 === 39 ? '\n\n' : ''));
		return {description: 'wide CJK text', body: cjk, visible: nonSpace(cjk)};
	});

	add('combining', () => {
		const combining = grow(bytes, index => `e\u0301a\u0300o\u0302u\u0308${index % 3 === 0 ? 'n\u0303' : ''}`, ' ');
		return {description: 'letters with combining marks', body: combining, visible: nonSpace(combining)};
	});

	add('emoji', () => {
		const emoji = grow(bytes, index => ['👍🏽', '👨‍👩‍👧', '🇫🇷', '✨', '😀'][index % 5]! + (index % 7 === 0 ? ' ' : ''));
		return {description: 'emoji (ZWJ sequences, flags, skin tones)', body: emoji, visible: nonSpace(emoji)};
	});

	return shapes;
}

/** A small deterministic random number generator (a linear congruential one), so a seed always gives the same body. */
function randomNumbers(seed: number): () => number {
	let state = seed;
	return () => {
		state = ((state * 1_103_515_245) + 12_345) & 0x7F_FF_FF_FF;
		return state / 0x7F_FF_FF_FF;
	};
}

/**
 * A body of about `bytes` of blocks of every kind in random order (seeded): lists nested up to 14
 * deep with bullets and numbers (each written in order, or all as `1.` when `sameNumbers`), items
 * with more text, loose items, lines that go on from an item without its indentation (when `lazy`),
 * quotes with lists and bare lines, HTML blocks, fenced code, subheadings and paragraphs.
 */
export function mixedBody(seed: number, bytes: number, {sameNumbers = false, lazy = false} = {}): string {
	const random = randomNumbers(seed);
	const pick = () => words[Math.floor(random() * words.length)]!;
	const sentence = () => Array.from({length: 3 + Math.floor(random() * 8)}, pick).join(' ');
	const blocks: string[] = [];
	let size = 0;
	while (size < bytes) {
		const kind = random();
		const lines: string[] = [];
		if (kind < 0.25) {
			const ordered = random() < 0.4;
			const loose = random() < 0.2;
			const step = ordered ? 3 : 2 + Math.floor(random() * 3);
			let depth = 0;
			let number = 0;
			for (let index = 50 + Math.floor(random() * 3000); index > 0; index--) {
				depth = Math.max(0, Math.min(14, depth + Math.floor(random() * 3) - 1));
				const indent = ' '.repeat(depth * step);
				const marker = ordered && depth === 0 ? `${sameNumbers ? 1 : ++number}.` : (random() < 0.5 ? '-' : '*');
				lines.push(`${indent}${marker} ${sentence()}`);
				if (random() < 0.1) {
					lines.push(`${indent}${' '.repeat(step)}${sentence()}`);
				}

				if (lazy && random() < 0.05) {
					lines.push(sentence());
				}

				if (loose && random() < 0.3) {
					lines.push('');
				}
			}
		} else if (kind < 0.4) {
			for (let index = 50 + Math.floor(random() * 2000); index > 0; index--) {
				lines.push(random() < 0.05 ? '>' : (random() < 0.03 ? `> - ${sentence()}` : `> ${sentence()}`));
			}
		} else if (kind < 0.5) {
			lines.push('<div>', ...Array.from({length: 50 + Math.floor(random() * 2000)}, () => `<p>${sentence()}</p>`), '</div>');
		} else if (kind < 0.6) {
			lines.push('```', ...Array.from({length: 20 + Math.floor(random() * 500)}, sentence), '```');
		} else if (kind < 0.65) {
			lines.push(`## ${sentence()}`);
		} else {
			lines.push(...Array.from({length: 1 + Math.floor(random() * 30)}, sentence));
		}

		const block = lines.join('\n');
		blocks.push(block);
		size += block.length + 2;
	}

	return `${blocks.join('\n\n')}\n`;
}

/** Writes each shape as `<folder>/shapes/<name>.md` with a title naming it; returns the ids. */
export function writeArticleShapes(folder: string, shapes: readonly ArticleShape[]): string[] {
	const directory = path.join(folder, 'shapes');
	mkdirSync(directory, {recursive: true});
	return shapes.map(shape => {
		writeFileSync(path.join(directory, `${shape.name}.md`), `---\ntitle: "Shape ${shape.name}"\nsection: Shapes\n---\n\n${shape.body}`);
		return `shapes/${shape.name}`;
	});
}
