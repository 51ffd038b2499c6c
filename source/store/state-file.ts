// The reading-state file (conf): every change is a read-modify-write under a file lock, so several
// newsread processes never lose each other's changes; a damaged file is moved aside, never overwritten.
import {randomUUID} from 'node:crypto';
import {mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, statSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import Conf from 'conf';
import {lock, lockSync} from 'proper-lockfile';

/** Where the reader stopped: a block (survives any resize), how far, and the exact top line at the width it was read at. */
export type Position = {block: number; percent: number; at: number; line?: number; width?: number};
export type Draft = {body: string; name: string; email: string; updatedAt: number};
export type Commenter = {name: string; email: string};

/** What the state file holds. Ids are keys, so conf's dot notation is off (ids and URLs have dots). */
export type StateData = {
	/** Article id -> when it was marked read (ms). */
	read: Record<string, number>;
	positions: Record<string, Position>;
	/** Article id -> when it was saved (ms). */
	saved: Record<string, number>;
	lastRead: string | null;
	commenter: Commenter | null;
	/** Article id -> an unfinished comment. */
	drafts: Record<string, Draft>;
};

/** The state file's format version, for conf migrations. */
export const STATE_VERSION = '1.0.0';

const timestamps = {type: 'object', additionalProperties: {type: 'number'}} as const;
const schema = {
	read: timestamps,
	saved: timestamps,
	positions: {
		type: 'object',
		additionalProperties: {
			type: 'object',
			properties: {
				block: {type: 'integer', minimum: 0},
				percent: {type: 'number', minimum: 0, maximum: 100},
				at: {type: 'number'},
				line: {type: 'integer', minimum: 0},
				width: {type: 'integer', minimum: 1},
			},
			required: ['block', 'percent'],
		},
	},
	lastRead: {type: ['string', 'null']},
	commenter: {
		type: ['object', 'null'],
		properties: {name: {type: 'string'}, email: {type: 'string'}},
		required: ['name', 'email'],
	},
	drafts: {
		type: 'object',
		additionalProperties: {
			type: 'object',
			properties: {body: {type: 'string'}, name: {type: 'string'}, email: {type: 'string'}, updatedAt: {type: 'number'}},
			required: ['body', 'name', 'email'],
		},
	},
} as const;

/**
 * Why the file's text cannot be a state file at all (not JSON, not an object), or undefined. conf
 * would turn an array into an object and accept it; everything else the schema checks when conf opens it.
 */
export function stateFileProblem(text: string): string | undefined {
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch (error) {
		return `not valid JSON: ${(error as Error).message}`;
	}

	return value === null || typeof value !== 'object' || Array.isArray(value) ? 'not a JSON object' : undefined;
}

export function emptyState(): StateData {
	return {read: {}, positions: {}, saved: {}, lastRead: null, commenter: null, drafts: {}};
}

export type StateFileOptions = {
	/** Folder of config.json. */
	dir: string;
	/** Told (once per damaged file) that the file was moved aside. */
	onDamaged?: (message: string) => void;
	/** Told when the lock was lost (another process took it over as stale). */
	onLockCompromised?: (error: Error) => void;
	/** The clock (ms), for the name of a moved-aside copy and the age of leftovers. @default Date.now */
	now?: () => number;
	/** How long one change waits for the lock held by another newsread. @default LOCK_WAIT_MS */
	lockWaitMs?: number;
};

/** What the reading state needs from its file: a first read, and changes applied under the lock. */
export type StateStore = Pick<StateFile, 'read' | 'update'>;

/** Temporary files of atomic writes older than this were left by killed writers. */
const leftoverAge = 60_000;
/** A lock not refreshed for this long belongs to a writer that was killed; a live holder refreshes it every second. */
export const LOCK_STALE_MS = 10_000;
/**
 * How long a change waits for the lock: longer than LOCK_STALE_MS, so one wait outlasts a lock left by
 * a killed writer, and long enough for a holder descheduled on a machine with every core busy.
 */
export const LOCK_WAIT_MS = 20_000;
/** How long opening waits for the lock when it must create or repair the file before it defers that to the first change. */
const OPEN_LOCK_WAIT_MS = 2000;

export class StateFile {
	readonly path: string;
	/** Undefined until the file could be opened under the lock (it had to be created or repaired, and the lock was busy). */
	private conf: Conf<StateData> | undefined;
	private readonly options: StateFileOptions;

	/**
	 * Opens the file. A current, valid file is opened without the lock (nothing is written); a missing,
	 * old or damaged one is created or moved aside under the lock, or, when the lock stays busy, at the
	 * first change: opening never fails because another newsread is writing.
	 */
	constructor(options: StateFileOptions) {
		this.options = options;
		this.path = path.join(options.dir, 'config.json');
		removeLeftoverTemporaryFiles(options.dir, this.path, options.now?.() ?? Date.now());
		mkdirSync(options.dir, {recursive: true});
		this.conf = this.openWithoutWriting();
		if (this.conf) {
			return;
		}

		// conf writes defaults and its migration version when it opens a file: that is a write too.
		const release = tryLockSync(this.path, lockOptions(options), OPEN_LOCK_WAIT_MS);
		if (!release) {
			return;
		}

		try {
			this.conf = this.openConf();
		} finally {
			release();
		}
	}

	/** Reads the file now (without the lock): for the first snapshot. */
	read(): StateData {
		return this.conf ? this.readStore(this.conf) : readLeniently(this.path);
	}

	/** Applies `change` to the file's current contents under the lock and returns what was written. */
	async update(change: (data: StateData) => void): Promise<StateData> {
		const release = await this.lock();
		try {
			this.conf ??= this.openConf();
			const data = this.readStore(this.conf);
			change(data);
			this.conf.store = data;
			return data;
		} finally {
			await release().catch(() => undefined);
		}
	}

	/**
	 * Takes the lock, waiting up to lockWaitMs, and claims it with a token (see claimLock). Rejects
	 * with ELOCKED when another newsread held it all that time.
	 */
	private async lock(): Promise<() => Promise<void>> {
		const lockDir = `${this.path}.lock`;
		const giveUpAt = Date.now() + (this.options.lockWaitMs ?? LOCK_WAIT_MS);
		for (;;) {
			removeDeadTokens(lockDir, Date.now());
			let release: () => Promise<void>;
			try {
				release = await lock(this.path, {
					...lockOptions(this.options),
					// proper-lockfile polls: short waits at first, then at most twice a second; dead tokens are removed between rounds.
					retries: {retries: 10_000, factor: 1.3, minTimeout: 10, maxTimeout: 500, randomize: true, maxRetryTime: Math.max(1, Math.min(2000, giveUpAt - Date.now()))},
				});
			} catch (error) {
				// Only another holder is worth waiting for (ENOTEMPTY: its token is in a lock that looked
				// stale); a folder that is gone, is a file, or is read-only fails now.
				if (!isHeldByAnother(error)) {
					throw error;
				}

				if (Date.now() < giveUpAt) {
					continue;
				}

				throw lockBusyError(error);
			}

			const token = claimLock(lockDir);
			if (token) {
				return async () => {
					rmSync(path.join(lockDir, token), {force: true});
					await release().catch(() => undefined);
				};
			}

			await release().catch(() => undefined);
			if (Date.now() >= giveUpAt) {
				throw lockBusyError();
			}

			await new Promise(resolve => {
				setTimeout(resolve, 10 + Math.floor(Math.random() * 40));
			});
		}
	}

	/** conf over a file that needs no write to open (current format, valid), or undefined. */
	private openWithoutWriting(): Conf<StateData> | undefined {
		const text = readTextIfExists(this.path);
		if (text === undefined || !isCurrent(text)) {
			return undefined;
		}

		try {
			return this.createConf();
		} catch (error) {
			if (isDamagedFileError(error)) {
				return undefined;
			}

			throw error;
		}
	}

	private openConf(): Conf<StateData> {
		// conf writes its defaults and migration version into the file before it validates it: keep the
		// bytes as they were, so the copy of a damaged file is the user's file, not conf's rewrite.
		const original = readTextIfExists(this.path);
		const problem = original === undefined ? undefined : stateFileProblem(original);
		if (problem) {
			this.moveAside(new DamagedStateError(problem), original);
		}

		try {
			return this.createConf();
		} catch (error) {
			this.moveAside(error, original);
			return this.createConf();
		}
	}

	private createConf(): Conf<StateData> {
		return new Conf<StateData>({
			projectName: 'newsread',
			projectSuffix: '',
			cwd: this.options.dir,
			configFileMode: 0o600,
			accessPropertiesByDotNotation: false,
			clearInvalidConfig: false,
			schema,
			defaults: emptyState(),
			projectVersion: STATE_VERSION,
			migrations: {
				// Format 1.0.0 is the first; later formats add their migrations here.
				[STATE_VERSION]: () => undefined,
			},
		});
	}

	private readStore(conf: Conf<StateData>): StateData {
		let store: StateData;
		try {
			store = conf.store;
		} catch (error) {
			this.moveAside(error);
			this.conf = this.createConf();
			store = this.conf.store;
		}

		return {...emptyState(), ...store};
	}

	/** Moves a damaged file to config.json.corrupt-<timestamp> (with `original` as its content, when known) and says so. */
	private moveAside(error: unknown, original?: string): void {
		const message = (error as Error).message ?? String(error);
		if (!isDamagedFileError(error)) {
			throw error;
		}

		const copy = `${this.path}.corrupt-${new Date(this.options.now?.() ?? Date.now()).toISOString().replaceAll(':', '-')}`;
		try {
			renameSync(this.path, copy);
		} catch (renameError) {
			// Another newsread may have moved it aside already.
			if ((renameError as NodeJS.ErrnoException).code !== 'ENOENT') {
				throw renameError;
			}

			return;
		}

		if (original !== undefined) {
			writeFileSync(copy, original, {mode: 0o600});
		}

		this.options.onDamaged?.(`The reading state file ${this.path} was damaged (${firstLine(message)}). It was moved to ${copy}; newsread started with empty reading state.`);
	}
}

function lockOptions(options: StateFileOptions) {
	return {
		realpath: false,
		stale: LOCK_STALE_MS,
		update: 1000,
		onCompromised(error: Error) {
			options.onLockCompromised?.(error);
		},
	};
}

/**
 * proper-lockfile's sync lock has no retries: retry here for up to `waitMs`, sleeping without
 * spinning (a lock left by a killed newsread is taken over as soon as it is stale). Undefined when
 * the lock stayed busy.
 */
function tryLockSync(file: string, options: ReturnType<typeof lockOptions>, waitMs: number): (() => void) | undefined {
	const sleeper = new Int32Array(new SharedArrayBuffer(4));
	const lockDir = `${file}.lock`;
	const giveUpAt = Date.now() + waitMs;
	for (let pause = 5; ; pause = Math.min(pause * 2, 100)) {
		removeDeadTokens(lockDir, Date.now());
		try {
			const release = lockSync(file, options);
			const token = claimLock(lockDir);
			if (token) {
				return () => {
					rmSync(path.join(lockDir, token), {force: true});
					try {
						release();
					} catch {
						// Another newsread's token is in the lock: it removes the lock.
					}
				};
			}

			try {
				release();
			} catch {
				// As above.
			}
		} catch (error) {
			if (!isHeldByAnother(error)) {
				throw error;
			}
		}

		if (Date.now() > giveUpAt) {
			return undefined;
		}

		Atomics.wait(sleeper, 0, 0, pause);
	}
}

/**
 * Puts a token file in the lock directory just taken and says whether it is the only one. proper-lockfile
 * takes over a stale lock by removing it and making its own, so two newsreads that both found the same
 * lock stale can each believe they made the new one; with a token inside, a live lock cannot be removed
 * (rmdir fails on a directory that is not empty), and of two that made it, at most one finds its token
 * alone. The token, or undefined when the lock is not ours alone (the caller's token is removed again).
 */
function claimLock(lockDir: string): string | undefined {
	const token = `holder-${process.pid}-${randomUUID()}`;
	const tokenPath = path.join(lockDir, token);
	try {
		writeFileSync(tokenPath, '', {flag: 'wx'});
		const names = readdirSync(lockDir);
		if (names.length === 1 && names[0] === token) {
			return token;
		}
	} catch {
		// The lock directory went away: it was not ours.
	}

	rmSync(tokenPath, {force: true});
	return undefined;
}

/**
 * Removes the lock of a holder that was killed: its token is older than the stale time (a holder keeps
 * the lock a few milliseconds). A live holder's token is fresh, and its lock cannot be removed while
 * the token is in it; removing an empty lock someone has just made is safe too, as claimLock finds out.
 */
function removeDeadTokens(lockDir: string, now: number): void {
	let names: string[];
	try {
		names = readdirSync(lockDir);
	} catch {
		return;
	}

	let removed = false;
	for (const name of names.filter(candidate => candidate.startsWith('holder-'))) {
		const token = path.join(lockDir, name);
		try {
			if (now - statSync(token).mtimeMs > LOCK_STALE_MS) {
				rmSync(token, {force: true});
				removed = true;
			}
		} catch {
			// Removed by its holder meanwhile.
		}
	}

	// Removing the token made the lock look fresh again: remove the lock itself rather than wait it out.
	if (removed) {
		try {
			rmdirSync(lockDir);
		} catch {
			// Another newsread's token is in it, or it is gone already.
		}
	}
}

function isHeldByAnother(error: unknown): boolean {
	return ['ELOCKED', 'ENOTEMPTY'].includes((error as NodeJS.ErrnoException).code ?? '');
}

function lockBusyError(cause?: unknown): Error {
	const error = cause as NodeJS.ErrnoException | undefined;
	return error?.code === 'ELOCKED' ? error : Object.assign(new Error('Lock file is already being held'), {code: 'ELOCKED', cause});
}

/** Whether conf would open this text without writing: a JSON object with every field and the current format version. */
function isCurrent(text: string): boolean {
	if (stateFileProblem(text) !== undefined) {
		return false;
	}

	const value = JSON.parse(text) as Record<string, unknown> & {__internal__?: {migrations?: {version?: unknown}}};
	return Object.keys(emptyState()).every(key => key in value) && value.__internal__?.migrations?.version === STATE_VERSION;
}

/**
 * The state in a file that could not be opened yet (conf has not validated it): what parses and has
 * the right shape, else empty. The file is checked and repaired at the first change.
 */
function readLeniently(file: string): StateData {
	const text = readTextIfExists(file);
	const state = emptyState();
	if (text === undefined || stateFileProblem(text) !== undefined) {
		return state;
	}

	const value = JSON.parse(text) as Record<string, unknown>;
	const isRecord = (item: unknown): item is Record<string, unknown> => typeof item === 'object' && item !== null && !Array.isArray(item);
	const entries = (key: string, keep: (item: unknown) => boolean) => (isRecord(value[key]) ? Object.fromEntries(Object.entries(value[key]).filter(([, item]) => keep(item))) : {});
	return {
		read: entries('read', item => typeof item === 'number') as StateData['read'],
		saved: entries('saved', item => typeof item === 'number') as StateData['saved'],
		positions: entries('positions', item => isRecord(item) && typeof item['block'] === 'number' && typeof item['percent'] === 'number') as StateData['positions'],
		drafts: entries('drafts', item => isRecord(item) && typeof item['body'] === 'string') as StateData['drafts'],
		lastRead: typeof value['lastRead'] === 'string' ? value['lastRead'] : null,
		commenter: isRecord(value['commenter']) && typeof value['commenter']['name'] === 'string' && typeof value['commenter']['email'] === 'string' ? (value['commenter'] as StateData['commenter']) : null,
	};
}

class DamagedStateError extends Error {
	override name = 'DamagedStateError';
}

function readTextIfExists(file: string): string | undefined {
	try {
		return readFileSync(file, 'utf8');
	} catch {
		return undefined;
	}
}

function isDamagedFileError(error: unknown): boolean {
	const {name, message} = error as Error;
	return name === 'SyntaxError' || name === 'DamagedStateError' || (message ?? '').startsWith('Config schema violation');
}

function firstLine(text: string): string {
	return text.split('\n')[0] ?? text;
}

function removeLeftoverTemporaryFiles(dir: string, file: string, now: number): void {
	let names: string[];
	try {
		names = readdirSync(dir);
	} catch {
		return;
	}

	const prefix = `${path.basename(file)}.tmp-`;
	for (const name of names.filter(candidate => candidate.startsWith(prefix))) {
		const leftover = path.join(dir, name);
		try {
			if (now - statSync(leftover).mtimeMs > leftoverAge) {
				rmSync(leftover, {force: true});
			}
		} catch {
			// Gone already: another process cleaned it.
		}
	}
}
