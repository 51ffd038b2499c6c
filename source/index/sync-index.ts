// Brings the index up to date with the article folders: a walk that stats every article file,
// parses only files that are new or whose size or modification time changed, and forgets files
// that are gone; the changes are written in one transaction. The same rules as loadLibrary
// (core/library.ts): regular .md files, hidden names skipped, a problem per file that does not load.
import path from 'node:path';
import {type ArticleMeta, type ArticleProblem, articleIdFromPath} from '../core/article.js';
import {fileStamp, isDirectory, joinNormalized, type LibraryFolder, problemReason, readArticleText, readSectionOrder, sortProblems, walkMarkdownFiles} from '../core/library.js';
import {parseArticleMeta, splitFrontmatter} from '../core/parse-markdown.js';
import {visibleControls} from '../core/sanitize.js';
import type {IndexDatabase} from './index-database.js';

/** What a folder had besides its articles: sections.yaml's order, and the folder's own problems and warnings. */
export type RootNotes = {problems: ArticleProblem[]; warnings: ArticleProblem[]};

/**
 * A file whose modification time is this close to when it was indexed may have changed again within
 * the file system's timestamp resolution (1 or 2 s on some): it is read again at the next check.
 */
const RACY_MS = 2000;
/** Parsed files waiting to be written are written once they hold this much text (a first index of a large library). */
const MAX_PENDING_CHARS = 32 * 1024 * 1024;

/** A row's stamp as `stampsOf` reads it: rowid, rel, size, mtimeMs, indexedAt. */
type RawStamp = [number, string, number, number, number];

type Put = {
	/** Read again only because it was racy, and its metadata is what the row holds. */
	quiet?: boolean;
	root: string;
	rel: string;
	id: string;
	size: number;
	mtimeMs: number;
	indexedAt: number;
	meta?: ArticleMeta;
	body?: string;
	problem?: string;
	warnings: string[];
};

type RootUpdate = {root: string; sectionOrder: string; notes: string};

/** Runs every step of `syncSteps` now; whether anything changed. */
export function syncIndex(db: IndexDatabase, folders: readonly LibraryFolder[], now: () => number = Date.now): boolean {
	const steps = syncSteps(db, folders, now);
	for (let step = steps.next(); ; step = steps.next()) {
		if (step.done) {
			return step.value;
		}
	}
}

/**
 * The sync as steps: each `next()` does a little (a folder read, a file stat or parse), so the reader
 * can handle keys in between; the last returns whether anything changed. Nothing is written to the
 * database between steps except when many large files have been parsed.
 */
export function * syncSteps(db: IndexDatabase, folders: readonly LibraryFolder[], now: () => number = Date.now): Generator<void, boolean> {
	const statements = prepare(db);
	let changed = false;
	let puts: Put[] = [];
	let pendingChars = 0;
	const deletes: number[] = [];
	const rootUpdates: RootUpdate[] = [];
	const write = () => {
		db.transaction(() => {
			for (const rowid of deletes) {
				statements.deleteSearch.run(rowid);
				statements.deleteFile.run(rowid);
			}

			for (const put of puts) {
				writePut(statements, put);
			}

			for (const update of rootUpdates) {
				statements.putRoot.run({...update, syncedAt: now()});
			}
		})();
		changed ||= deletes.length > 0 || puts.some(put => !put.quiet);
		deletes.length = 0;
		rootUpdates.length = 0;
		puts = [];
		pendingChars = 0;
	};

	for (const folder of folders) {
		const root = path.resolve(folder.path);
		const stored = statements.rootRow.get(root) as {sectionOrder: string; notes: string} | undefined;
		// The rows of the files met are read a batch at a time, as the walk gives them: the rows of every
		// file of a large library at once were tens of MB of the reader's peak memory. Only the rowids
		// are read now: those of the files not met are gone. Rows added since (by this sync's own writes
		// of many large files, or another newsread) are never among them, even when SQLite gives a new
		// row the rowid of one deleted meanwhile (a largest rowid would not tell them apart).
		const unmet = new Set(statements.rowidsOf.all(root) as number[]);
		const notes: RootNotes = {problems: [], warnings: []};
		let order: string[] = [];
		yield;
		if (isDirectory(root)) {
			const prefix = joinNormalized(root, '');
			order = readSectionOrder(root, notes.problems, notes.warnings);
			const skipped: ArticleProblem[] = [];
			for (const files of walkMarkdownFiles(root, skipped)) {
				yield;
				// The walk joins names onto the root: cutting it off is path.relative without its work per file.
				const rels = files.map(file => (file.startsWith(prefix) ? file.slice(prefix.length) : path.relative(root, file)));
				const rows = new Map<string, RawStamp>();
				// Arrays, not objects: two to three times quicker for every file of a large library.
				for (const row of statements.stampsOf.all(root, JSON.stringify(rels)) as RawStamp[]) {
					rows.set(row[1], row);
				}

				let unchanged = 0;
				for (const [index, file] of files.entries()) {
					const rel = rels[index]!;
					const raw = rows.get(rel);
					const stamp = fileStamp(file);
					if (!stamp) {
						// Gone since the folder was read: its row, if any, is deleted below.
						continue;
					}

					if (raw) {
						unmet.delete(raw[0]);
					}

					const sameStamp = raw !== undefined && raw[2] === stamp.size && raw[3] === stamp.mtimeMs;
					if (sameStamp && raw[4] - raw[3] > RACY_MS) {
						// A stat is quick: a pause every few dozen files is often enough for the reader's keys.
						if (++unchanged % 32 === 0) {
							yield;
						}

						continue;
					}

					const put = readFile(root, rel, file, stamp, now());
					// Read again only because it was written close to when it was indexed: written again (the
					// body may differ, for search) but no change to the library when the metadata is the same.
					const quiet = sameStamp && sameAsStored(statements, raw[0], put);
					puts.push({...put, quiet});
					pendingChars += (put.body?.length ?? 0) + (put.meta?.summary.length ?? 0);
					if (pendingChars > MAX_PENDING_CHARS) {
						write();
					}

					yield;
				}
			}

			notes.problems.push(...sortProblems(skipped));
		} else if (folder.required !== false) {
			notes.problems.push({file: visibleControls(root), reason: 'folder not found'});
		}

		// What was indexed under this folder and was not found now is gone.
		for (const rowid of unmet) {
			deletes.push(rowid);
		}

		const update = {root, sectionOrder: JSON.stringify(order), notes: JSON.stringify(notes)};
		if (stored?.sectionOrder !== update.sectionOrder || stored.notes !== update.notes) {
			changed = true;
			rootUpdates.push(update);
		}
	}

	if (deletes.length > 0 || puts.length > 0 || rootUpdates.length > 0) {
		write();
	}

	return changed;
}

function readFile(root: string, rel: string, file: string, stamp: {size: number; mtimeMs: number}, indexedAt: number): Put {
	const id = articleIdFromPath(rel);
	const base = {root, rel, id, ...stamp, indexedAt};
	try {
		const text = readArticleText(file);
		const warnings: string[] = [];
		const meta = parseArticleMeta(text, {id, file}, warnings);
		return {...base, meta, body: splitFrontmatter(text).body, warnings};
	} catch (error) {
		return {...base, problem: problemReason(error), warnings: []};
	}
}

type Statements = ReturnType<typeof prepare>;

function prepare(db: IndexDatabase) {
	return {
		rootRow: db.prepare('SELECT sectionOrder, notes FROM roots WHERE root = ?'),
		stampsOf: db.prepare('SELECT rowid, rel, size, mtimeMs, indexedAt FROM files WHERE root = ? AND rel IN (SELECT value FROM json_each(?))').raw(true),
		rowidsOf: db.prepare('SELECT rowid FROM files WHERE root = ?').pluck(),
		putRoot: db.prepare('INSERT INTO roots (root, sectionOrder, notes, syncedAt) VALUES (@root, @sectionOrder, @notes, @syncedAt) ON CONFLICT (root) DO UPDATE SET sectionOrder = excluded.sectionOrder, notes = excluded.notes, syncedAt = excluded.syncedAt'),
		storedFile: db.prepare('SELECT * FROM files WHERE rowid = ?'),
		deleteFile: db.prepare('DELETE FROM files WHERE rowid = ?'),
		deleteSearch: db.prepare('DELETE FROM search WHERE rowid = ?'),
		// An upsert: another check (or newsread) may have written the row since this one read the folder.
		putFile: db.prepare(`INSERT INTO files (root, rel, id, size, mtimeMs, indexedAt, loaded, title, section, date, author, summary, tags, related, source, feed, guid, problem, warnings)
			VALUES (@root, @rel, @id, @size, @mtimeMs, @indexedAt, @loaded, @title, @section, @date, @author, @summary, @tags, @related, @source, @feed, @guid, @problem, @warnings)
			ON CONFLICT (root, rel) DO UPDATE SET id = excluded.id, size = excluded.size, mtimeMs = excluded.mtimeMs, indexedAt = excluded.indexedAt, loaded = excluded.loaded,
			title = excluded.title, section = excluded.section, date = excluded.date, author = excluded.author, summary = excluded.summary, tags = excluded.tags,
			related = excluded.related, source = excluded.source, feed = excluded.feed, guid = excluded.guid, problem = excluded.problem, warnings = excluded.warnings
			RETURNING rowid`),
		insertSearch: db.prepare('INSERT INTO search (rowid, title, summary, tags, body) VALUES (?, ?, ?, ?, ?)'),
	};
}

function writePut(statements: Statements, put: Put): void {
	const values = fileValues(put);
	const {rowid} = statements.putFile.get(values) as {rowid: number};
	statements.deleteSearch.run(rowid);
	if (put.meta) {
		statements.insertSearch.run(rowid, put.meta.title, put.meta.summary, put.meta.tags.join(' '), put.body ?? '');
	}
}

/** Whether a file read again holds the metadata (or problem) its row has. */
function sameAsStored(statements: Statements, rowid: number, put: Put): boolean {
	const stored = statements.storedFile.get(rowid) as Record<string, unknown> | undefined;
	const values: Record<string, unknown> = fileValues(put);
	return stored !== undefined && Object.keys(values).every(key => key === 'indexedAt' || stored[key] === values[key]);
}

function fileValues(put: Put) {
	const {meta} = put;
	return {
		root: put.root,
		rel: put.rel,
		id: put.id,
		size: put.size,
		mtimeMs: put.mtimeMs,
		indexedAt: put.indexedAt,
		loaded: meta ? 1 : 0,
		title: meta?.title ?? null,
		section: meta?.section ?? null,
		date: meta?.date ?? null,
		author: meta?.author ?? null,
		summary: meta?.summary ?? null,
		tags: meta ? JSON.stringify(meta.tags) : null,
		related: meta ? JSON.stringify(meta.related) : null,
		source: meta?.source ?? null,
		feed: meta?.feed ?? null,
		guid: meta?.guid ?? null,
		problem: put.problem ?? null,
		warnings: put.warnings.length > 0 ? JSON.stringify(put.warnings) : null,
	};
}
