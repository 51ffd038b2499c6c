// The article index's database: a SQLite file in the cache folder, derived from the article files.
// A missing, damaged, foreign or other-version file is deleted and built again; without a usable
// cache folder the index lives in memory (built at every start: slower, the same articles).
import {chmodSync, lstatSync, rmSync} from 'node:fs';
import {createRequire} from 'node:module';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import {makePrivateFolder} from '../store/paths.js';

export type IndexDatabase = BetterSqlite3.Database;

let sqlite: typeof BetterSqlite3 | undefined;

/**
 * better-sqlite3, loaded when first needed and from beside the bundle (it is a native module, outside
 * it); throws an IndexUnavailableError when it cannot be (not installed, built for another Node).
 */
function openSqlite(file: string, options?: BetterSqlite3.Options): IndexDatabase {
	try {
		sqlite ??= createRequire(import.meta.url)('better-sqlite3') as typeof BetterSqlite3;
		return new sqlite(file, options);
	} catch (error) {
		if (isDatabaseError(error)) {
			throw error;
		}

		throw new IndexUnavailableError(`SQLite cannot be loaded: ${(error as Error).message.split('\n')[0] ?? ''}`, {cause: error});
	}
}

/** The index cannot be used at all in this process (better-sqlite3 does not load): newsread reads the files instead. */
export class IndexUnavailableError extends Error {}

/** Marks the file as newsread's index, so another SQLite file at the path is never taken for one ('NRIX'). */
const applicationId = 0x4E_52_49_58;
/** The schema's version (`PRAGMA user_version`): an index of another version is built again. */
export const INDEX_SCHEMA_VERSION = 1;

// files: one row per article file (or file that failed to load) of a folder root; `loaded` 0 with
// `problem` for a file that did not load. roots: what was last seen of each folder (sections.yaml's
// order, the folder's own problems and warnings as JSON). search: full text, rowid = files.rowid.
const schema = `
CREATE TABLE roots (root TEXT PRIMARY KEY, sectionOrder TEXT NOT NULL, notes TEXT NOT NULL, syncedAt REAL NOT NULL);
CREATE TABLE files (
	rowid INTEGER PRIMARY KEY,
	root TEXT NOT NULL,
	rel TEXT NOT NULL,
	id TEXT NOT NULL,
	size INTEGER NOT NULL,
	mtimeMs REAL NOT NULL,
	indexedAt REAL NOT NULL,
	loaded INTEGER NOT NULL,
	title TEXT, section TEXT, date TEXT, author TEXT, summary TEXT, tags TEXT, related TEXT,
	source TEXT, feed TEXT, guid TEXT,
	problem TEXT,
	warnings TEXT,
	UNIQUE (root, rel)
);
CREATE INDEX files_by_id ON files (id, loaded);
-- Covers the sync's look at every file (rows are large: summaries), so it reads none of the rows.
CREATE INDEX files_stamp ON files (root, rel, size, mtimeMs, indexedAt);
CREATE INDEX files_by_section ON files (root, loaded, section);
CREATE INDEX files_noted ON files (root, rel) WHERE problem IS NOT NULL OR warnings IS NOT NULL;
CREATE VIRTUAL TABLE search USING fts5 (title, summary, tags, body, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2');
`;

export type OpenedIndexDatabase = {
	db: IndexDatabase;
	/** Where it is kept; undefined for an index in memory. */
	file?: string;
};

/**
 * Opens the index at `file` (undefined: in memory), creating its folder and tables; a file that is
 * not a usable index of this version is deleted and made again, and when that fails too the index is
 * kept in memory. With `discard` (found damaged in use) the file is deleted first. Throws an
 * IndexUnavailableError when SQLite cannot be loaded at all.
 */
export function openIndexDatabase(file: string | undefined, {discard = false} = {}): OpenedIndexDatabase {
	if (file !== undefined && discard && !removeDatabase(file)) {
		file = undefined;
	}

	if (file !== undefined) {
		for (let attempt = 0; attempt < 2; attempt++) {
			try {
				return {db: openFile(file), file};
			} catch (error) {
				if (error instanceof IndexUnavailableError) {
					throw error;
				}

				if (attempt > 0 || error instanceof UnusableFolderError || !removeDatabase(file)) {
					break;
				}
			}
		}
	}

	return {db: prepareDatabase(openSqlite(':memory:'))};
}

/** Whether an error says the database file is damaged or not a database (then it is built again). */
export function isDamagedDatabase(error: unknown): boolean {
	const code = (error as {code?: unknown}).code;
	return typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB');
}

/** Whether an error comes from SQLite (rather than from reading article files). */
export function isDatabaseError(error: unknown): boolean {
	return (error as Error | undefined)?.name === 'SqliteError';
}

/** How long a write waits for another newsread's (commands; the reader's check waits less), in ms. */
export const DEFAULT_BUSY_TIMEOUT_MS = 2000;

class UnusableFolderError extends Error {}

const PRIVATE_FILE_MODE = 0o600;

function openFile(file: string): IndexDatabase {
	try {
		makePrivateFolder(path.dirname(file));
	} catch (error) {
		throw new UnusableFolderError('cannot make the cache folder', {cause: error});
	}

	const db = openSqlite(file, {timeout: DEFAULT_BUSY_TIMEOUT_MS});
	try {
		// Titles of what the user reads are theirs alone, like every file newsread writes (SQLite gives its
		// -wal and -shm files the database's mode).
		try {
			chmodSync(file, PRIVATE_FILE_MODE);
		} catch {
			// Another user's file that is still readable and writable: used as it is.
		}

		return prepareDatabase(db);
	} catch (error) {
		db.close();
		throw error;
	}
}

function prepareDatabase(db: IndexDatabase): IndexDatabase {
	if (!isCurrentIndex(db)) {
		const tables = (db.prepare('SELECT count(*) AS count FROM sqlite_schema').get() as {count: number}).count;
		if (tables > 0) {
			throw new Error('another version of the index, or not an index');
		}

		// Two newsreads starting at once: the second waits for the first's tables, then finds them.
		db.exec('BEGIN IMMEDIATE');
		try {
			if (!isCurrentIndex(db)) {
				db.exec(schema);
				db.pragma(`application_id = ${applicationId}`);
				db.pragma(`user_version = ${INDEX_SCHEMA_VERSION}`);
			}

			db.exec('COMMIT');
		} catch (error) {
			db.exec('ROLLBACK');
			throw error;
		}
	}

	// better-sqlite3's default page cache is 16 MB; the reader's reads go through indexes and a few lists.
	db.pragma('cache_size = -4000');
	if (db.name !== ':memory:') {
		db.pragma('journal_mode = WAL');
		// A cache: the last transaction may be lost in a power cut, never the file's consistency.
		db.pragma('synchronous = NORMAL');
	}

	// The tables are read once, so a damaged file shows now rather than in the middle of a session.
	db.prepare('SELECT count(*) FROM roots').get();
	db.prepare('SELECT max(rowid) FROM files').get();
	return db;
}

function isCurrentIndex(db: IndexDatabase): boolean {
	return db.pragma('application_id', {simple: true}) === applicationId && db.pragma('user_version', {simple: true}) === INDEX_SCHEMA_VERSION;
}

/** Deletes the database and its WAL files; false when the path is not a file that can be deleted (a folder). */
function removeDatabase(file: string): boolean {
	try {
		if (!lstatSync(file).isFile()) {
			return false;
		}
	} catch {
		// Missing: nothing is in the way, opening failed for another reason (an unwritable folder).
		return false;
	}

	try {
		for (const suffix of ['', '-wal', '-shm']) {
			rmSync(file + suffix, {force: true});
		}

		return true;
	} catch {
		return false;
	}
}
