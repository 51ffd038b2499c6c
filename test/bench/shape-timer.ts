// Times opening and laying out each awkward article shape in process, as the reader does on Enter:
// load the library, read the file and its frontmatter (library.articleText), then parse and lay out
// the body a chunk at a time for a width (core/progressive-layout), as the reader's slices do.
// Bundled by bench.mjs with source/build.mjs, so plain node runs it; the bench runs each shape in a
// process of its own.
import {performance} from 'node:perf_hooks';
import process from 'node:process';
import {fileURLToPath} from 'node:url';
import {loadLibrary} from '../../source/core/library.js';
import {ProgressiveArticle} from '../../source/core/progressive-layout.js';

export {articleShapes, writeArticleShapes} from '../generate-shapes.js';

export type ShapeTime = {
	/** Until the first page (`pageLines` lines) is laid out: what the reader waits for to see it. */
	firstMs: number;
	/** Until the whole body is laid out (the page count is known). */
	ms: number;
	/** The longest single chunk: the longest a key can wait behind the layout. */
	longestChunkMs: number;
	lines: number;
	error?: string;
};

/** Milliseconds to open article `id` from `folder` (a fresh library, nothing cached) and lay it out at `width`. */
export function timeOpenAndLayout(folder: string, id: string, width: number, pageLines = 24): ShapeTime {
	const library = loadLibrary([{path: folder}]);
	const start = performance.now();
	let firstMs = Number.NaN;
	let longestChunkMs = 0;
	try {
		const article = library.articleText(id);
		const layout = new ProgressiveArticle(article.body).layoutAt(width);
		while (!layout.done) {
			const before = performance.now();
			layout.step();
			const after = performance.now();
			longestChunkMs = Math.max(longestChunkMs, after - before);
			if (Number.isNaN(firstMs) && (layout.lines.length >= pageLines || layout.done)) {
				firstMs = after - start;
			}
		}

		return {firstMs, ms: performance.now() - start, longestChunkMs, lines: layout.lines.length};
	} catch (error) {
		const ms = performance.now() - start;
		return {firstMs: ms, ms, longestChunkMs, lines: 0, error: String(error)};
	}
}

// Run as a program (`node shape-timer.mjs FOLDER ID WIDTH RUNS`): times RUNS opens in this fresh process,
// as the reader has one article open at a time, and prints them as JSON.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
	const [folder, id, width, runs] = process.argv.slice(2);
	const times = Array.from({length: Number(runs)}, () => timeOpenAndLayout(folder!, id!, Number(width)));
	process.stdout.write(`${JSON.stringify(times)}\n`);
}
