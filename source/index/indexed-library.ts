// A Library read from the index without touching an article file: counts per section at once, a
// section's or the whole list when first asked for (then kept), an article by id by lookup.
import path from 'node:path';
import type {ArticleMeta, ArticleProblem} from '../core/article.js';
import {compareCodeUnits, createLibrary, duplicateIdReason, joinNormalized, type Library, type Section, newestFirst, orderSections, rankSimilar, significantWords} from '../core/library.js';
import {visibleControls} from '../core/sanitize.js';
import {queryWords, rankCandidates} from '../core/search.js';
import type {IndexDatabase} from './index-database.js';
import type {RootNotes} from './sync-index.js';

/** A row of the files table of an article that loaded. */
export type FileRow = {
	rowid: number;
	root: string;
	rel: string;
	id: string;
	title: string;
	section: string;
	date: string | null;
	author: string | null;
	summary: string;
	tags: string;
	related: string;
	source: string | null;
	feed: string | null;
	guid: string | null;
};

const metaColumns = 'rowid, root, rel, id, title, section, date, author, summary, tags, related, source, feed, guid';

type Candidate = {rowid: number; root: string; rel: string; section: string};

/** The library of `roots` (folder paths, resolved, in the order given) as the index has them. */
export function indexedLibrary(db: IndexDatabase, roots: readonly string[]): Library {
	const rank = new Map<string, number>();
	for (const root of roots) {
		if (!rank.has(root)) {
			rank.set(root, rank.size);
		}
	}

	const rootList = [...rank.keys()];
	const statements = {
		byId: db.prepare('SELECT rowid, root, rel, section FROM files WHERE id = ? AND loaded = 1'),
		row: db.prepare(`SELECT ${metaColumns} FROM files WHERE rowid = ?`),
		// Newest first already (then sorted again for the titles of one date: a quick pass over sorted rows).
		ofRoot: db.prepare(`SELECT ${metaColumns} FROM files WHERE root = ? AND loaded = 1 ORDER BY date DESC`).raw(true),
		ofSection: db.prepare(`SELECT ${metaColumns} FROM files WHERE root = ? AND loaded = 1 AND section = ? ORDER BY date DESC`).raw(true),
		idsIn: db.prepare('SELECT id, rowid, root, rel, section FROM files WHERE loaded = 1 AND id IN (SELECT value FROM json_each(?))'),
		rowsIn: db.prepare(`SELECT ${metaColumns} FROM files WHERE rowid IN (SELECT value FROM json_each(?))`),
		similar: db.prepare(`SELECT ${filesMetaColumns} FROM search JOIN files ON files.rowid = search.rowid
			WHERE search MATCH ? AND files.loaded = 1 AND files.root IN (SELECT value FROM json_each(?))
			ORDER BY bm25(search, 1.0, 1.0, 2.0, 0.0) LIMIT ?`),
		// The same when every row of the index is of these folders, in a third of the time at 50,000
		// articles: ranked in the FTS5 table alone, the files read only for the best (the search table
		// holds loaded rows only; the folders are checked again, so a row of another never comes in).
		similarInSearch: db.prepare(`SELECT ${metaColumns} FROM files WHERE rowid IN (SELECT rowid FROM search WHERE search MATCH ?
			ORDER BY bm25(search, 1.0, 1.0, 2.0, 0.0) LIMIT ?) AND loaded = 1 AND root IN (SELECT value FROM json_each(?))`),
		firstRoot: db.prepare('SELECT min(root) FROM files').pluck(),
		nextRoot: db.prepare('SELECT min(root) FROM files WHERE root > ?').pluck(),
	};

	/** Whether the index holds rows of these folders only (found once, a seek per folder). */
	let onlyTheseRoots: boolean | undefined;
	const holdsOnlyTheseRoots = () => {
		if (onlyTheseRoots === undefined) {
			let root = statements.firstRoot.get() as string | null;
			while (root !== null && rank.has(root)) {
				root = statements.nextRoot.get(root) as string | null;
			}

			onlyTheseRoots = root === null;
		}

		return onlyTheseRoots;
	};

	/** Of rows with one id, the one that is loaded: the first folder's, then the first by path. */
	const first = (rows: ReadonlyArray<Candidate & {id?: string}>) => rows
		.filter(row => rank.has(row.root))
		.sort((a, b) => (rank.get(a.root)! - rank.get(b.root)!) || compareCodeUnits(a.rel, b.rel))[0];

	// Duplicate ids are rare: found from the id index, the rows that lose are left out of every list.
	const shadowed = new Map<number, Candidate & {winner: Candidate}>();
	for (const {id} of db.prepare('SELECT id FROM files WHERE loaded = 1 GROUP BY id HAVING count(*) > 1').all() as Array<{id: string}>) {
		const rows = (statements.byId.all(id) as Candidate[]).filter(row => rank.has(row.root));
		const winner = first(rows);
		for (const row of rows) {
			if (winner && row !== winner) {
				shadowed.set(row.rowid, {...row, winner});
			}
		}
	}

	const metas = new Map<number, ArticleMeta>();
	const metaOf = (row: FileRow): ArticleMeta => {
		let meta = metas.get(row.rowid);
		if (!meta) {
			meta = rowMeta(row);
			metas.set(row.rowid, meta);
		}

		return meta;
	};

	// A loop over the rows as SQLite steps through them (arrays, one at a time): no object per row but
	// the metadata itself, and never every row of a large list at once beside it (tens of MB at 50,000).
	const listOf = (rowsOfRoot: (root: string) => Iterable<RawRow>) => {
		const list: ArticleMeta[] = [];
		for (const root of rootList) {
			for (const row of rowsOfRoot(root)) {
				const rowid = row[0];
				if (!shadowed.has(rowid)) {
					let meta = metas.get(rowid);
					if (!meta) {
						meta = articleMeta(...row);
						metas.set(rowid, meta);
					}

					list.push(meta);
				}
			}
		}

		return list.sort(newestFirst);
	};

	const counts = new Map<string, number>();
	const sectionOrder: string[] = [];
	const problems: ArticleProblem[] = [];
	const warnings: ArticleProblem[] = [];
	const countsStatement = db.prepare('SELECT section, count(*) AS count FROM files WHERE root = ? AND loaded = 1 GROUP BY section');
	const rootStatement = db.prepare('SELECT sectionOrder, notes FROM roots WHERE root = ?');
	const notedStatement = db.prepare('SELECT rowid, rel, id, loaded, problem, warnings FROM files WHERE root = ? AND (problem IS NOT NULL OR warnings IS NOT NULL)');
	for (const root of rootList) {
		for (const {section, count} of countsStatement.all(root) as Array<{section: string; count: number}>) {
			counts.set(section, (counts.get(section) ?? 0) + count);
		}

		const stored = rootStatement.get(root) as {sectionOrder: string; notes: string} | undefined;
		if (stored) {
			sectionOrder.push(...JSON.parse(stored.sectionOrder) as string[]);
			const notes = JSON.parse(stored.notes) as RootNotes;
			problems.push(...notes.problems);
			warnings.push(...notes.warnings);
		}

		// Per file, in path order as loadLibrary reports them: files that did not load, and duplicates.
		type Noted = {rel: string; problem?: string; warnings?: string[]};
		const noted: Noted[] = [];
		for (const row of notedStatement.all(root) as Array<{rowid: number; rel: string; id: string; loaded: number; problem: string | null; warnings: string | null}>) {
			if (row.loaded === 1) {
				if (!shadowed.has(row.rowid) && row.warnings) {
					noted.push({rel: row.rel, warnings: JSON.parse(row.warnings) as string[]});
				}

				continue;
			}

			// A file that does not load after one with its id that does is reported as the duplicate it is.
			const winner = first(statements.byId.all(row.id) as Candidate[]);
			const before = winner && ((rank.get(winner.root)! - rank.get(root)!) || compareCodeUnits(winner.rel, row.rel)) < 0;
			noted.push({rel: row.rel, problem: before ? duplicateReason(row.id, winner) : row.problem ?? 'not loaded'});
		}

		for (const row of shadowed.values()) {
			if (row.root === root) {
				noted.push({rel: row.rel, problem: duplicateReason(idOf(row, statements.row), row.winner)});
			}
		}

		for (const {rel, problem, warnings: fileWarnings} of noted.sort((a, b) => compareCodeUnits(a.rel, b.rel))) {
			const file = visibleControls(path.join(root, rel));
			if (problem !== undefined) {
				problems.push({file, reason: problem});
			}

			warnings.push(...(fileWarnings ?? []).map(reason => ({file, reason})));
		}
	}

	for (const row of shadowed.values()) {
		counts.set(row.section, (counts.get(row.section) ?? 0) - 1);
	}

	const sections: Section[] = orderSections([...counts.keys()].filter(name => counts.get(name)! > 0), sectionOrder).map(name => {
		let articles: ArticleMeta[] | undefined;
		return {
			name,
			count: counts.get(name)!,
			get articles() {
				articles ??= listOf(root => statements.ofSection.iterate(root, name) as IterableIterator<RawRow>);
				return articles;
			},
		};
	});

	const rootsJson = JSON.stringify(rootList);
	const shadowedJson = JSON.stringify([...shadowed.keys()]);
	/** Rows (newest first) of the articles among `rows` that are not shadowed by a duplicate. */
	const metasOf = (rows: FileRow[]) => rows.filter(row => !shadowed.has(row.rowid)).map(row => metaOf(row)).sort(newestFirst);

	const total = [...counts.values()].reduce((sum, count) => sum + count, 0);
	const byId = new Map<string, ArticleMeta | undefined>();
	return createLibrary({
		search(query, readBody) {
			const words = queryWords(query);
			if (words.length === 0) {
				return {hits: []};
			}

			const {rowids, inBody, matched, exact} = searchCandidates(db, rootsJson, words, shadowedJson);
			const rows = statements.rowsIn.all(JSON.stringify(rowids)) as FileRow[];
			const hits = rankCandidates(metasOf(rows), query, {readBody, inBody: (_article, word) => inBody(word)});
			// Past the limit: the candidates not looked at are counted as SQL found them (each a hit when the index vouches for every word).
			return matched > rowids.length ? {hits, matches: {count: hits.length + matched - rowids.length, exact}} : {hits};
		},
		similar(article, count, skip) {
			const match = similarQuery(article, {summary: total <= SUMMARY_WORDS_UP_TO});
			if (match === undefined) {
				return [];
			}

			const rows = (holdsOnlyTheseRoots()
				? statements.similarInSearch.all(match, SIMILAR_CANDIDATES, rootsJson)
				: statements.similar.all(match, rootsJson, SIMILAR_CANDIDATES)) as FileRow[];
			return rankSimilar(article, metasOf(rows), count, skip);
		},
		count: total,
		sections,
		problems,
		warnings,
		articles: () => listOf(root => statements.ofRoot.iterate(root) as IterableIterator<RawRow>),
		get(id) {
			if (!byId.has(id)) {
				const winner = first(statements.byId.all(id) as Candidate[]);
				byId.set(id, winner && metaOf(statements.row.get(winner.rowid) as FileRow));
			}

			return byId.get(id);
		},
		listJson({section, read, unread}) {
			// The rows of ofRoot and ofSection (the same conditions and order), in JavaScript only what orders them.
			const where = `root = @root AND loaded = 1${section === undefined ? '' : ' AND section = @section'}`;
			const order = db.prepare(`SELECT rowid, date, title, id IN (SELECT value FROM json_each(@read)) FROM files WHERE ${where} ORDER BY date DESC`).raw(true);
			const readJson = JSON.stringify([...read]);
			const items: OrderRow[] = [];
			for (const root of rootList) {
				for (const row of order.all({read: readJson, root, ...(section === undefined ? {} : {section})}) as OrderRow[]) {
					if (!shadowed.has(row[0]) && !(unread && row[3] === 1)) {
						items.push(row);
					}
				}
			}

			// newestFirst on the rows: the same order as the articles' list (a stable sort of the same rows).
			items.sort((a, b) => compareCodeUnits(b[1] ?? '', a[1] ?? '') || a[2].localeCompare(b[2]));
			const text = db.prepare(`SELECT CAST(group_concat(${listJsonItem}, ',\n' ORDER BY list.key) AS BLOB) FROM json_each(@rowids) AS list JOIN files AS item ON item.rowid = list.value`).pluck();
			const pieces: Uint8Array[] = [];
			for (let start = 0; start < items.length; start += LIST_JSON_PIECE) {
				pieces.push(text.get({read: readJson, rowids: JSON.stringify(items.slice(start, start + LIST_JSON_PIECE).map(row => row[0]))}) as Uint8Array);
			}

			return pieces;
		},
		countBySection(ids) {
			const found = new Map<string, Candidate>();
			for (const row of statements.idsIn.all(JSON.stringify([...ids])) as Array<Candidate & {id: string}>) {
				if (rank.has(row.root) && !shadowed.has(row.rowid)) {
					found.set(row.id, row);
				}
			}

			const bySection = new Map<string, number>();
			for (const {section} of found.values()) {
				bySection.set(section, (bySection.get(section) ?? 0) + 1);
			}

			return bySection;
		},
	});
}

/**
 * A JSON array as stored (tags, related: JSON.stringify's) as JSON.stringify(…, null, 2) writes it as a field
 * of an item of an array: json_pretty keeps each string's text as it is, and its lines are indented two more steps.
 */
const arrayField = (column: string) => `replace(json_pretty(${column}, '  '), char(10), char(10) || '    ')`;

/** How many of `list --json`'s items are one piece of its text. */
const LIST_JSON_PIECE = 500;

/** A row `listJson` orders: rowid, date, title, whether read (1 or 0). */
type OrderRow = [number, string | null, string, number];

/**
 * An article's item in `list --json` (commands/list.ts `articleJson`, as JSON.stringify(list, null, 2)
 * writes it), built by SQLite (`item` a row of files) without an object or a string per field in JavaScript: json_quote escapes
 * as JSON.stringify does (tested for every code point). The read ids are the parameter `read`, a JSON array.
 */
const listJsonItem = `'  {\n    "id": ' || json_quote(item.id)
	|| ',\n    "title": ' || json_quote(item.title) || ',\n    "section": ' || json_quote(item.section) || ',\n    "date": ' || json_quote(item.date)
	|| ',\n    "author": ' || json_quote(item.author) || ',\n    "summary": ' || json_quote(item.summary)
	|| ',\n    "tags": ' || ${arrayField('item.tags')} || ',\n    "related": ' || ${arrayField('item.related')}
	|| ',\n    "source": ' || json_quote(item.source) || ',\n    "feed": ' || json_quote(item.feed) || ',\n    "guid": ' || json_quote(item.guid)
	|| ',\n    "file": ' || json_quote(CASE WHEN substr(item.root, -1) = '${path.sep}' THEN item.root || item.rel ELSE item.root || '${path.sep}' || item.rel END)
	|| ',\n    "read": ' || CASE WHEN item.id IN (SELECT value FROM json_each(@read)) THEN 'true' ELSE 'false' END || '\n  }'`;

const filesMetaColumns = metaColumns.split(', ').map(column => `files.${column}`).join(', ');

/**
 * How many articles the index's best matches (bm25 over the article's words and tags) give
 * `rankSimilar` to order by today's rules: all of them in a library of a few hundred, the likeliest
 * in a large one.
 */
const SIMILAR_CANDIDATES = 300;

/**
 * Up to this many articles, the candidates for similar articles are found by the words of the
 * title and the summary; in a larger library by those of the title alone (and the tags), as the
 * summary's words (common ones, in 300 characters) make the query slow: 180-250 ms at 50,000
 * generated articles against 20-70 ms. `rankSimilar` still scores the candidates by both.
 */
const SUMMARY_WORDS_UP_TO = 5000;

/**
 * The FTS5 query of the articles that share a significant word of the article's title and (with
 * `summary`) its summary, in their title or summary, or one of its tags (as a phrase in their tags); undefined for none.
 * Words are letters and digits only, and a tag's quotes are doubled: nothing reads as FTS5 syntax.
 */
export function similarQuery(article: ArticleMeta, {summary = true} = {}): string | undefined {
	const words = [...significantWords(summary ? `${article.title} ${article.summary}` : article.title)].map(word => `"${word}"`);
	const tags = [...new Set(article.tags)].filter(tag => /[\p{L}\p{N}]/u.test(tag)).map(tag => `"${tag.replaceAll('"', '""')}"`);
	const parts = [
		...(words.length > 0 ? [`{title summary} : (${words.join(' OR ')})`] : []),
		...(tags.length > 0 ? [`tags : (${tags.join(' OR ')})`] : []),
	];
	return parts.length === 0 ? undefined : parts.join(' OR ');
}

/**
 * At most this many hits, the best (a search for a word of nearly every article lists the first
 * ones at once rather than every article after seconds): more than a person scrolls through.
 */
export const SEARCH_RESULT_LIMIT = 1000;

/** Query words past this many are looked for by reading bodies. */
const SQL_WORDS = 16;

/**
 * The rowids of the best SEARCH_RESULT_LIMIT articles that may hold every word (any order), found in
 * SQL without a file read or a call into JavaScript per row. For each word: the title, summary, tags
 * or author hold it anywhere (LIKE: ASCII letters in any case) or at the start of a word (FTS5:
 * accents and case ignored), or the body has a word it starts (FTS5). They are ordered by
 * core/search.ts's score as these tell it, then newest first, before the limit; `rankCandidates`
 * then scores them exactly. `inBody(word)`: whether the index vouches for the body holding `word`
 * in the rows where it is not elsewhere (a word of letters and digits only); undefined: the body
 * must be read. `matched`: how many articles SQL found in all (counted in the same query, before the
 * limit); `exact`: whether the index vouches for every word, so that each of them is a hit.
 * `shadowedJson`: the rowids (a JSON array) of duplicates that lose to another file with their id.
 */
function searchCandidates(db: IndexDatabase, rootsJson: string, words: readonly string[], shadowedJson: string): {rowids: number[]; inBody: (word: string) => boolean | undefined; matched: number; exact: boolean} {
	const inSql = words.slice(0, SQL_WORDS);
	const columns: string[] = [];
	const conditions: string[] = [];
	const parameters: unknown[] = [];
	const vouched = new Set<string>();
	const fts = (query: string) => {
		parameters.push(query);
		return 'files.rowid IN (SELECT rowid FROM search WHERE search MATCH ?)';
	};

	const like = (column: string, pattern: string) => {
		parameters.push(pattern);
		return `${column} LIKE ? ESCAPE '\\'`;
	};

	for (const [index, word] of inSql.entries()) {
		const runs = word.match(/[\p{L}\p{N}]+/gu) ?? [];
		const terms = runs.map(run => `"${run}"*`).join(' ');
		const pattern = `%${word.replaceAll(/[\\%_]/g, '\\$&')}%`;
		if (runs.length === 1 && runs[0] === word) {
			vouched.add(word);
		}

		// No letter or digit (`-`, `"`, an emoji): FTS5 has no such word; only the title, summary, tags or author.
		const title = [like('title', pattern), ...(runs.length > 0 ? [fts(`title : (${terms})`)] : [])];
		const other = [like('summary', pattern), like('tags', pattern), like('author', pattern), ...(runs.length > 0 ? [fts(`{summary tags} : (${terms})`)] : [])];
		const body = runs.length > 0 ? fts(`body : (${terms})`) : '0';
		columns.push(`(${title.join(' OR ')}) AS t${index}`, `(${other.join(' OR ')}) AS o${index}`, `${body} AS b${index}`);
		conditions.push(`(t${index} OR o${index} OR b${index})`);
	}

	// core/search.ts's score (searchScore) in SQL: the best are sorted out by SQLite, only they come to JavaScript.
	const n = words.length;
	const inTitle = inSql.map((_word, index) => `t${index}`).join(' + ');
	const inOther = inSql.map((_word, index) => `((NOT t${index}) AND o${index})`).join(' + ');
	// `count(*) OVER ()` counts every match before the limit, in the same pass over the rows.
	const best = db.prepare(`WITH m AS MATERIALIZED (
			SELECT rowid AS r, date, title, ${columns.join(', ')} FROM files WHERE loaded = 1 AND root IN (SELECT value FROM json_each(?))
				AND rowid NOT IN (SELECT value FROM json_each(?)))
		SELECT r, count(*) OVER () FROM (SELECT r, date, title, ${inTitle} AS inTitle, ${inOther} AS inOther FROM m WHERE ${conditions.join(' AND ')})
		ORDER BY (CASE WHEN inTitle = ${n} THEN 3 WHEN inTitle > 0 THEN 2 WHEN inOther > 0 THEN 1 ELSE 0 END) + ((2 * inTitle + inOther) / ${(2 * n) + 1}.0) DESC,
			date DESC, title LIMIT ?`)
		.raw(true).all(...parameters, rootsJson, shadowedJson, SEARCH_RESULT_LIMIT) as Array<[number, number]>;
	return {
		rowids: best.map(([rowid]) => rowid),
		inBody: word => (vouched.has(word) ? true : undefined),
		matched: best[0]?.[1] ?? 0,
		exact: words.length <= SQL_WORDS && words.every(word => vouched.has(word)),
	};
}

/** `metaColumns` as an array (a raw statement's row). */
type RawRow = [number, string, string, string, string, string, string | null, string | null, string, string, string, string | null, string | null, string | null];

/** An indexed article's metadata as the library gives it (the file's path whole). */
export function rowMeta(row: FileRow): ArticleMeta {
	return articleMeta(row.rowid, row.root, row.rel, row.id, row.title, row.section, row.date, row.author, row.summary, row.tags, row.related, row.source, row.feed, row.guid);
}

// The columns one by one: called for every row of a list (10,000 and more), without an object per row
// on the way; the optional keys are added only when set, after the others.
function articleMeta(_rowid: number, root: string, rel: string, id: string, title: string, section: string, date: string | null, author: string | null, summary: string, tags: string, related: string, source: string | null, feed: string | null, guid: string | null): ArticleMeta {
	const meta: ArticleMeta = {id, file: joinNormalized(root, rel), title, section, summary, tags: stringList(tags), related: stringList(related)};
	if (date !== null) {
		meta.date = date;
	}

	if (author !== null) {
		meta.author = author;
	}

	if (source !== null) {
		meta.source = source;
	}

	if (feed !== null) {
		meta.feed = feed;
	}

	if (guid !== null) {
		meta.guid = guid;
	}

	return meta;
}

/** A JSON array of strings; most articles have no tags and no related ids. */
function stringList(json: string): string[] {
	return json === '[]' ? [] : JSON.parse(json) as string[];
}

function idOf(row: Candidate, statement: {get(rowid: number): unknown}): string {
	return (statement.get(row.rowid) as FileRow).id;
}

function duplicateReason(id: string, winner: Candidate): string {
	return duplicateIdReason(id, path.join(winner.root, winner.rel));
}
