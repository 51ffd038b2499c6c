// The article index as the commands and the reader use it: the library as indexed (at once), a sync
// with the files (all at once for commands, in slices between keys for the reader), and the index's full-text search behind the library's search (indexed-library.ts).
// A database that turns out damaged is built again from the files; one that cannot be written (or is
// locked too long) gives way to an index in memory.
import path from 'node:path';
import {performance} from 'node:perf_hooks';
import {type Library, type LibraryFolder, loadLibrary} from '../core/library.js';
import {DEFAULT_BUSY_TIMEOUT_MS, type IndexDatabase, IndexUnavailableError, isDamagedDatabase, isDatabaseError, openIndexDatabase} from './index-database.js';
import {indexedLibrary} from './indexed-library.js';
import {syncIndex, syncSteps} from './sync-index.js';

export type LibraryIndex = {
	/**
	 * The library as the index has it, without reading an article file; a folder never indexed before
	 * (the first start) is indexed first.
	 */
	library: () => Library;
	/** Brings the index up to date with the files now; whether anything changed. */
	sync: () => boolean;
	/**
	 * Brings the index up to date in slices of about `sliceMs` between other work (keys), one check at
	 * a time (asked during one, another follows it); resolves to the library again when something changed.
	 */
	check: () => Promise<Library | undefined>;
	/** Where the index is kept; undefined when it is in memory. */
	file: () => string | undefined;
	close: () => void;
};

export type LibraryIndexOptions = {
	/** The database file; undefined keeps the index in memory. */
	file: string | undefined;
	/** Longest stretch of checking between two turns of the event loop, in ms: what a key pressed meanwhile waits at most. @default 2 */
	sliceMs?: number;
	/** The clock (when files were indexed). @default Date.now */
	now?: () => number;
	/**
	 * Called before a folder never indexed is read whole (the first start, a new `--articles` folder),
	 * which takes seconds in a large library; the function it returns is called when that is done.
	 */
	onFirstIndex?: () => () => void;
};

export function openLibraryIndex(folders: readonly LibraryFolder[], options: LibraryIndexOptions): LibraryIndex {
	try {
		return openSqliteIndex(folders, options);
	} catch (error) {
		if (error instanceof IndexUnavailableError) {
			return filesOnly(folders);
		}

		throw error;
	}
}

/**
 * Without SQLite (better-sqlite3 not installed, or built for another Node): every library is loaded
 * from the files, as before the index; slow for large libraries, the same articles.
 */
function filesOnly(folders: readonly LibraryFolder[]): LibraryIndex {
	return {
		library: () => loadLibrary(folders),
		sync: () => true,
		check: async () => loadLibrary(folders),
		file: () => undefined,
		close() {
			// Nothing is open.
		},
	};
}

function openSqliteIndex(folders: readonly LibraryFolder[], {file, sliceMs = 2, now = Date.now, onFirstIndex}: LibraryIndexOptions): LibraryIndex {
	let opened = openIndexDatabase(file);
	const roots = folders.map(folder => path.resolve(folder.path));

	/** Starts again from the files: in a new file after damage, in memory after any other database failure. */
	const replace = (error: unknown) => {
		if (!isDatabaseError(error)) {
			throw error;
		}

		const damaged = isDamagedDatabase(error);
		opened.db.close();
		// A damaged file is deleted and made again (in memory when it cannot be deleted).
		opened = openIndexDatabase(damaged ? opened.file : undefined, {discard: true});
		syncIndex(opened.db, folders, now);
	};

	const guarded = <T>(work: (db: IndexDatabase) => T): T => {
		try {
			return work(opened.db);
		} catch (error) {
			replace(error);
			return work(opened.db);
		}
	};

	/** The sync, said to be a first index (onFirstIndex) when a folder was never indexed. */
	const syncNow = (db: IndexDatabase, first = !knowsAll(db, roots)) => {
		const done = first ? onFirstIndex?.() : undefined;
		try {
			return syncIndex(db, folders, now);
		} finally {
			done?.();
		}
	};

	const libraryNow = () => guarded(db => {
		if (!knowsAll(db, roots)) {
			syncNow(db, true);
		}

		return indexedLibrary(db, roots);
	});

	// One check at a time: one asked for while another runs follows it (the files may have changed since it looked).
	let busy = false;
	let last: Promise<unknown> = Promise.resolve();
	let queued: Promise<Library | undefined> | undefined;
	const startCheck = () => {
		busy = true;
		const run = runCheck().finally(() => {
			busy = false;
		});
		last = run;
		return run;
	};

	const runCheck = async () => new Promise<Library | undefined>(resolve => {
		const database = opened.db;
		const steps = syncSteps(database, folders, now);
		const slice = () => {
			try {
				// Between keys a lock held by another newsread is not waited for long: the next check comes.
				database.pragma(`busy_timeout = ${CHECK_BUSY_TIMEOUT_MS}`);
				const start = performance.now();
				for (let step = steps.next(); ; step = steps.next()) {
					if (step.done) {
						restoreTimeout(database);
						resolve(step.value ? libraryNow() : undefined);
						return;
					}

					if (performance.now() - start > sliceMs) {
						break;
					}
				}
			} catch (error) {
				restoreTimeout(database);
				if (isBusy(error)) {
					// Another newsread is writing the index (its first start): the next check tries again.
					resolve(undefined);
					return;
				}

				try {
					replace(error);
					resolve(libraryNow());
				} catch {
					// Nothing better than the library shown: the next check tries again.
					resolve(undefined);
				}

				return;
			}

			setImmediate(slice);
		};

		setImmediate(slice);
	});

	return {
		library: libraryNow,
		sync: () => {
			try {
				return syncNow(opened.db);
			} catch (error) {
				replace(error);
				return true;
			}
		},
		check: async () => {
			if (!busy) {
				return startCheck();
			}

			queued ??= last.then(async () => {
				queued = undefined;
				return startCheck();
			});
			return queued;
		},
		file: () => opened.file,
		close() {
			opened.db.close();
		},
	};
}

/** How long the reader's check waits for another newsread's write to the index, in ms (commands wait 2 s). */
const CHECK_BUSY_TIMEOUT_MS = 100;

function restoreTimeout(database: IndexDatabase): void {
	if (database.open) {
		database.pragma(`busy_timeout = ${DEFAULT_BUSY_TIMEOUT_MS}`);
	}
}

function isBusy(error: unknown): boolean {
	const code = (error as {code?: unknown}).code;
	return code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED';
}

/** Whether every folder has been indexed at least once (else the first library would miss its articles). */
function knowsAll(db: IndexDatabase, roots: readonly string[]): boolean {
	const known = db.prepare('SELECT count(*) AS count FROM roots WHERE root IN (SELECT value FROM json_each(?))').get(JSON.stringify([...new Set(roots)])) as {count: number};
	return known.count === new Set(roots).size;
}
