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

/** The shapes, each about `bytes` long. */
export function articleShapes(bytes = SHAPE_BYTES): ArticleShape[] {
	const shapes: ArticleShape[] = [];
	const add = (shape: ArticleShape) => shapes.push(shape);

	const paragraph = grow(bytes, index => words[(index * 7) % words.length]!, ' ');
	add({name: 'paragraph', description: 'one paragraph of words', body: `${paragraph}\n`, visible: nonSpace(paragraph)});

	const word = 'x'.repeat(bytes);
	add({name: 'word', description: 'one word', body: `${word}\n`, visible: word});

	const line50k = Math.floor(bytes / 50_000) - 2;
	const lines = Array.from({length: 50_000}, (_, index) => `L${index} ${'word '.repeat(line50k / 5)}`.slice(0, line50k).trim());
	add({name: 'lines-50k', description: '50,000 paragraphs of one long line', body: lines.join('\n\n'), visible: nonSpace(lines.join('')), wholeWords: ['L49999']});

	const shortLines = Array.from({length: 200_000}, (_, index) => `line ${index}`);
	add({name: 'short-200k', description: '200,000 short lines, one paragraph each', body: shortLines.join('\n\n'), visible: nonSpace(shortLines.join('')), wholeWords: ['199999']});

	const depth = Math.floor(Math.sqrt(bytes)) - 10;
	let list = '';
	for (let level = 0; Buffer.byteLength(list) < bytes - (2 * level) - 20 && level < depth; level++) {
		list += `${'  '.repeat(level)}- item${level}\n`;
	}

	add({name: 'deep-list', description: `a list nested ${list.split('\n').length - 1} deep`, body: list, wholeWords: ['item0', 'item5', 'item7']});

	const rows = grow(bytes - 200, index => `| r${index} | ${words[index % words.length]} | ${index * 3} |`, '\n');
	const tableRows = rows.split('\n').map(row => row.slice(2, -2).split(' | '));
	const table = `| key | word | number |\n| --- | --- | --- |\n${rows}\n`;
	add({
		name: 'table',
		description: 'one table of many rows',
		body: table,
		visible: nonSpace(`key|word|number${tableRows.map(cells => cells.join('|')).join('')}`),
	});

	const code = grow(bytes - 20, index => `const value${index} = compute(${index}); // ${words[index % words.length]}`, '\n');
	add({name: 'code', description: 'one fenced code block', body: `\`\`\`js\n${code}\n\`\`\`\n`, visible: nonSpace(code)});

	const headings = headingsBody(bytes);
	add({name: 'headings', description: 'many subheadings', body: headings, visible: nonSpace(headings.replaceAll('## ', ''))});

	const url = `https://example.com/${'path/'.repeat(20_000)}end`;
	const links = grow(bytes - (2 * url.length), index => `See [source ${index}](${url}) now.`, '\n\n');
	const linkText = links.split('\n\n').map(text => text.replace(`[source `, 'source ').replace(`](${url})`, `<${url}>`));
	add({name: 'long-urls', description: 'links to 100 KB addresses', body: links, visible: nonSpace(linkText.join(''))});

	const cjk = grow(bytes, index => '日本語の文章を表示します。漢字とかなが並びます。'.slice(index % 5) + (index % 40 === 39 ? '\n\n' : ''));
	add({name: 'cjk', description: 'wide CJK text', body: cjk, visible: nonSpace(cjk)});

	const combining = grow(bytes, index => `e\u0301a\u0300o\u0302u\u0308${index % 3 === 0 ? 'n\u0303' : ''}`, ' ');
	add({name: 'combining', description: 'letters with combining marks', body: combining, visible: nonSpace(combining)});

	const emoji = grow(bytes, index => ['👍🏽', '👨‍👩‍👧', '🇫🇷', '✨', '😀'][index % 5]! + (index % 7 === 0 ? ' ' : ''));
	add({name: 'emoji', description: 'emoji (ZWJ sequences, flags, skin tones)', body: emoji, visible: nonSpace(emoji)});
	return shapes;
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
