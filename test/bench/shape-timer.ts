// Times opening and laying out each awkward article shape in process, as the reader does on Enter:
// load the library, read and parse the file (library.article), lay it out for a width. Bundled by
// bench.mjs with source/build.mjs, so plain node runs it.
import {performance} from 'node:perf_hooks';
import {layoutArticle} from '../../source/core/layout.js';
import {loadLibrary} from '../../source/core/library.js';

export {articleShapes, writeArticleShapes} from '../generate-shapes.js';

export type ShapeTime = {ms: number; lines: number; error?: string};

/** Milliseconds to open article `id` from `folder` (a fresh library, nothing cached) and lay it out at `width`. */
export function timeOpenAndLayout(folder: string, id: string, width: number): ShapeTime {
	const library = loadLibrary([{path: folder}]);
	const start = performance.now();
	try {
		const article = library.article(id);
		const {lines} = layoutArticle(article, width);
		return {ms: performance.now() - start, lines: lines.length};
	} catch (error) {
		return {ms: performance.now() - start, lines: 0, error: String(error)};
	}
}
