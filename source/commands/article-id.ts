// An article id as a person types it: the whole id, or its end after a `/` when only one id ends so
// (`harbour-vote` for `world/harbour-vote`); otherwise a message that says why there is no article.
import path from 'node:path';
import type {ArticleMeta} from '../core/article.js';
import type {Library} from '../core/library.js';
import {visibleControls} from '../core/sanitize.js';

/** The article the typed id names, or the message (ending in a newline) for stderr. */
export type FoundArticle = {article: ArticleMeta; message?: undefined} | {article?: undefined; message: string};

/**
 * The article for an id typed on the command line: an exact id, else the one id that ends in `/` and
 * the typed text. Several such ids, a file that failed to load, or nothing close each get their message.
 */
export function findArticle(library: Library, typed: string): FoundArticle {
	const exact = library.get(typed);
	if (exact) {
		return {article: exact};
	}

	const shown = visibleControls(typed);
	const suffix = `/${typed}`;
	const matches = typed === '' ? [] : library.articles.filter(({id}) => id.endsWith(suffix));
	if (matches.length === 1) {
		return {article: matches[0]!};
	}

	if (matches.length > 1) {
		const ids = matches.map(({id}) => `  ${visibleControls(id)}`).sort();
		return {message: `newsread: "${shown}" is the end of several ids; give the whole one:\n${ids.join('\n')}\n`};
	}

	const problem = failedFile(library, typed);
	if (problem) {
		return {message: `newsread: "${shown}" could not be loaded: ${problem.reason}\n  ${problem.file}\nRun "newsread doctor" for every file that could not be loaded.\n`};
	}

	return {message: unknownIdMessage(library, typed)};
}

/** The problem of the file whose id is (or ends in `/`) the typed one: it exists but did not load. */
function failedFile(library: Library, typed: string): Library['problems'][number] | undefined {
	const ending = `${path.sep}${visibleControls(typed).split('/').join(path.sep)}.md`;
	return library.problems.find(({file}) => file.endsWith(ending));
}

/** The "no such article" message, with the closest ids. */
export function unknownIdMessage(library: Library, id: string): string {
	const closest = library.closestIds(id);
	const hint = closest.length > 0 ? `\nDid you mean:\n${closest.map(other => `  ${other}`).join('\n')}` : '';
	return `newsread: no article "${visibleControls(id)}".${hint}\n`;
}
