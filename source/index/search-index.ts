// Full-text search in the index (SQLite FTS5 over title, summary, tags and body), for search and
// related articles over large libraries: every word of the query must occur, best match first.
import type {ArticleMeta} from '../core/article.js';
import type {IndexDatabase} from './index-database.js';
import {type FileRow, rowMeta} from './indexed-library.js';

/** At most this many hits unless asked for more. */
export const DEFAULT_SEARCH_LIMIT = 200;

/**
 * Articles of `roots` whose title, summary, tags or body hold every word of `query` (a word matches
 * the start of words: `harb` finds "harbour"; case and accents ignored), best match first (bm25).
 */
export function searchIndex(db: IndexDatabase, roots: readonly string[], query: string, limit = DEFAULT_SEARCH_LIMIT): ArticleMeta[] {
	const match = ftsQuery(query);
	if (match === undefined) {
		return [];
	}

	const rows = db.prepare(`SELECT files.rowid, files.* FROM search JOIN files ON files.rowid = search.rowid
		WHERE search MATCH ? AND files.loaded = 1 AND files.root IN (SELECT value FROM json_each(?))
		ORDER BY bm25(search, 4.0, 2.0, 2.0, 1.0) LIMIT ?`).all(match, JSON.stringify(roots), limit) as FileRow[];
	return rows.map(row => rowMeta(row));
}

/** The query as FTS5 syntax: each word a quoted prefix term (no operator of FTS5's can be typed by accident); undefined for no words. */
export function ftsQuery(query: string): string | undefined {
	const words = query.match(/[\p{L}\p{N}]+/gu) ?? [];
	return words.length === 0 ? undefined : words.map(word => `"${word}"*`).join(' ');
}
