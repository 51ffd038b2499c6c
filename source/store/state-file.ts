// The reading-state file (conf): every change is a read-modify-write under a file lock, so several
// newsread processes never lose each other's changes. Every write is whole or not at all; a bad entry is
// dropped and the rest kept, a file that is not JSON is moved aside, a read-only file is never replaced.
import {randomUUID} from 'node:crypto';
import {accessSync, constants, existsSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, statSync, utimesSync, writeFileSync} from 'node:fs';
import {hostname} from 'node:os';
import path from 'node:path';
import Conf from 'conf';
import {lock, lockSync} from 'proper-lockfile';
import {sanitizeLine, sanitizeText} from '../core/sanitize.js';
import {writeFileAtomicSync} from './atomic-write.js';
import {makePrivateFolder} from './paths.js';
import {BOM, emptyState, repairState, stateFileProblem, stateProblems, STATE_VERSION, type StateData, withoutBom} from './state-data.js';

export {emptyState, readReadIds, readSavedIds, stateFileProblem, stateProblems, STATE_VERSION} from './state-data.js';
export type {Commenter, Draft, Position, StateData} from './state-data.js';

export type StateFileOptions = {
	/** Folder of config.json. */
	dir: string;
	/** Told (once per damaged file) that bad entries were dropped from it, or that it was moved aside. */
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
/** The state file and the copies of damaged ones are the user's alone. */
const STATE_FILE_MODE = 0o600;
/** A lock or token dated further ahead than this was not made by a live newsread on this clock: it is stale. */
const FUTURE_TOLERANCE_MS = 2000;
/** A lock not refreshed for this long belongs to a writer that was killed; a live holder refreshes it every second. */
export const LOCK_STALE_MS = 10_000;
/**
 * How long a change waits for the lock: longer than LOCK_STALE_MS, so one wait outlasts a lock left by
 * a killed writer, and long enough for a holder descheduled on a machine with every core busy.
 */
export const LOCK_WAIT_MS = 20_000;
/** Opening tries the lock once: when it must create or repair the file and the lock is busy, that waits for the first change, never the first frame. */
const OPEN_LOCK_WAIT_MS = 0;

/** What newsread uses of conf: the whole store, read and written. */
type ConfStore = {store: StateData};

/** conf's steps that newsread replaces (private in conf's types). */
type ConfWithWriteStep = ConfStore & {
	readonly path: string;
	_write(value: unknown): void;
	_serialize(value: unknown): string;
	_ensureDirectory(): void;
	_validate(data: unknown): void;
};

// conf's own writer issues one writeSync and renames whatever it wrote (a short write on a full disk
// became the state file): newsread replaces conf's write step, and fails loudly if conf renamed it.
const confSteps = Conf.prototype as unknown as Partial<ConfWithWriteStep>;
if (typeof confSteps._write !== 'function' || typeof confSteps._ensureDirectory !== 'function') {
	throw new Error('conf has no _write/_ensureDirectory step to replace: check state-file.ts against this version of conf');
}

const ConfWithReplaceableWrite = Conf as unknown as new (options: ConstructorParameters<typeof Conf<StateData>>[0]) => ConfWithWriteStep;

/** conf whose every write is whole or nothing (see writeFileAtomicSync), never over a read-only file, in a private folder. */
class VerifiedConf extends ConfWithReplaceableWrite {
	override _write(value: unknown): void {
		assertWritable(this.path);
		writeFileAtomicSync(this.path, this._serialize(value), {mode: STATE_FILE_MODE});
	}

	override _ensureDirectory(): void {
		makePrivateFolder(path.dirname(this.path));
	}

	/** conf's schema check, by hand (see stateProblems): conf calls it on every read and write of the store. */
	override _validate(data: unknown): void {
		const problems = stateProblems(data);
		if (problems.length > 0) {
			throw new Error(`Config schema violation: ${problems.join('; ')}`);
		}
	}
}

export class StateFile {
	readonly path: string;
	/** Undefined until the file could be opened under the lock (it had to be created or repaired, and the lock was busy). */
	private conf: ConfStore | undefined;
	private readonly options: StateFileOptions;

	/**
	 * Opens the file. A current, valid file is opened without the lock (nothing is written); a missing,
	 * old or damaged one is created or repaired under the lock, or, when the lock is busy or the write
	 * fails (a read-only file, a full disk), at the first change, whose failure the write queue reports:
	 * opening never waits for another newsread and never fails because the file cannot be written.
	 */
	constructor(options: StateFileOptions) {
		this.options = options;
		this.path = path.join(options.dir, 'config.json');
		removeLeftoverTemporaryFiles(options.dir, this.path, options.now?.() ?? Date.now());
		makePrivateFolder(options.dir);
		this.conf = this.openWithoutWriting();
		if (this.conf) {
			return;
		}

		// conf writes defaults and its migration version when it opens a file: that is a write too.
		let release: (() => void) | undefined;
		try {
			release = tryLockSync(this.path, lockOptions(options), OPEN_LOCK_WAIT_MS);
		} catch (error) {
			deferUnlessErrno(error);
		}

		if (!release) {
			return;
		}

		try {
			this.conf = this.openConf();
		} catch (error) {
			deferUnlessErrno(error);
		} finally {
			release();
		}
	}

	/** Reads the file now (without the lock): for the first snapshot. */
	read(): StateData {
		return this.conf ? this.readStore(this.conf) : cleanState(readLeniently(this.path));
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

	/** Takes the file's lock (see lockStoreFile). */
	private async lock(): Promise<() => Promise<void>> {
		return lockStoreFile(this.path, this.options);
	}

	/** conf over a file that needs no write to open (current format, valid), or undefined. */
	private openWithoutWriting(): ConfStore | undefined {
		const text = readBytesIfExists(this.path)?.toString('utf8');
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

	/** conf over the file, repaired or moved aside first when it must be; under the lock (conf writes as it opens). */
	private openConf(): ConfStore {
		// Nothing is written, moved or repaired over a file the user made read-only.
		assertWritable(this.path);
		// conf writes its defaults and migration version into the file before it validates it: keep the
		// bytes as they were, so the copy of a damaged file is the user's file, not conf's rewrite.
		const original = readBytesIfExists(this.path);
		this.repairOrMoveAside(original);
		try {
			return this.createConf();
		} catch (error) {
			this.moveAside(error, original);
			return this.createConf();
		}
	}

	/**
	 * A file that is not a JSON object is moved aside; one with bad entries (a position at 500 %, a
	 * read mark that is not a time) or a byte order mark is written again without them, the rest kept,
	 * after its original bytes are copied beside it.
	 */
	private repairOrMoveAside(original: Buffer | undefined): void {
		if (original === undefined) {
			return;
		}

		const text = original.toString('utf8');
		const problem = stateFileProblem(text);
		if (problem) {
			this.moveAside(new DamagedStateError(problem), original);
			return;
		}

		const hadBom = text.startsWith(BOM);
		const {state, dropped} = repairState(JSON.parse(withoutBom(text)) as Record<string, unknown>);
		if (!hadBom && dropped.length === 0) {
			return;
		}

		const copy = this.copyPath();
		writeFileSync(copy, original, {flag: 'wx', mode: STATE_FILE_MODE});
		writeFileAtomicSync(this.path, JSON.stringify(state, undefined, '\t'), {mode: STATE_FILE_MODE});
		const what = [
			...(hadBom ? ['removed the byte order mark at its start'] : []),
			...(dropped.length > 0 ? [`dropped ${dropped.length === 1 ? 'a bad entry' : `${dropped.length} bad entries`} (${dropped.slice(0, 3).join('; ')}${dropped.length > 3 ? `; and ${dropped.length - 3} more` : ''})`] : []),
		];
		this.options.onDamaged?.(`The reading state file ${this.path} was repaired: newsread ${what.join(' and ')}; everything else was kept, and the original file is in ${copy}.`);
	}

	/** config.json.corrupt-<time>, or with -2, -3 when a copy of that name exists already. */
	private copyPath(): string {
		const base = `${this.path}.corrupt-${new Date(this.options.now?.() ?? Date.now()).toISOString().replaceAll(':', '-')}`;
		let copy = base;
		for (let index = 2; existsSync(copy); index++) {
			copy = `${base}-${index}`;
		}

		return copy;
	}

	private createConf(): ConfStore {
		return new VerifiedConf({
			projectName: 'newsread',
			projectSuffix: '',
			cwd: this.options.dir,
			configFileMode: STATE_FILE_MODE,
			accessPropertiesByDotNotation: false,
			clearInvalidConfig: false,
			defaults: emptyState(),
			projectVersion: STATE_VERSION,
			migrations: {
				// Format 1.0.0 is the first; later formats add their migrations here.
				[STATE_VERSION]: () => undefined,
			},
		});
	}

	private readStore(conf: ConfStore): StateData {
		let store: StateData;
		try {
			store = conf.store;
		} catch (error) {
			if (!isDamagedFileError(error)) {
				throw error;
			}

			// Damaged while newsread runs (under the lock: only update reads a store that can fail here).
			assertWritable(this.path);
			const original = readBytesIfExists(this.path);
			this.repairOrMoveAside(original);
			try {
				store = conf.store;
			} catch (stillDamaged) {
				this.moveAside(stillDamaged, original);
				this.conf = this.createConf();
				store = this.conf.store;
			}
		}

		return cleanState({...emptyState(), ...store});
	}

	/** Moves a damaged file to config.json.corrupt-<timestamp> (with `original` as its content, when known) and says so. */
	private moveAside(error: unknown, original?: Buffer): void {
		const message = (error as Error).message ?? String(error);
		if (!isDamagedFileError(error)) {
			throw error;
		}

		const copy = this.copyPath();
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
			writeFileSync(copy, original, {mode: STATE_FILE_MODE});
		}

		this.options.onDamaged?.(`The reading state file ${this.path} was damaged (${firstLine(message)}). It was moved to ${copy}; newsread started with empty reading state.`);
	}
}

/**
 * Takes the lock of a file newsread rewrites (`<file>.lock`, proper-lockfile), waiting up to lockWaitMs,
 * and claims it with a token (see claimLock); the folder must exist. Resolves to its release; rejects
 * with ELOCKED when another newsread held it all that time. Also used by store/subscriptions.ts.
 */
export async function lockStoreFile(file: string, options: Pick<StateFileOptions, 'lockWaitMs' | 'onLockCompromised'> = {}): Promise<() => Promise<void>> {
	const lockDir = `${file}.lock`;
	const giveUpAt = Date.now() + (options.lockWaitMs ?? LOCK_WAIT_MS);
	for (;;) {
		removeDeadTokens(lockDir, Date.now());
		let release: () => Promise<void>;
		try {
			release = await lock(file, {
				...lockOptions(options),
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

function lockOptions(options: Pick<StateFileOptions, 'onLockCompromised'>) {
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
	const token = lockTokenName();
	const tokenPath = path.join(lockDir, token);
	try {
		putLockToken(lockDir, token);
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
 * Writes a token into a lock directory and puts the directory's times back: proper-lockfile takes a
 * changed mtime for a lock taken over, so a holder slower than its one-second refresh would lose it.
 */
export function putLockToken(lockDir: string, token: string): void {
	const {atime, mtime} = statSync(lockDir);
	writeFileSync(path.join(lockDir, token), '', {flag: 'wx'});
	utimesSync(lockDir, atime, mtime);
}

/** The name of a lock token: `holder-<pid>-<uuid>@<host>`, so a newsread that finds the lock can tell whether its holder still runs. */
export function lockTokenName(pid = process.pid, host = hostname()): string {
	return `holder-${pid}-${randomUUID()}@${encodeURIComponent(host)}`;
}

/** Whether the token names a holder on this machine whose process is gone (killed, crashed). Tokens without a host (older newsreads) are judged by age only. */
function holderIsDead(name: string): boolean {
	const match = /^holder-(\d+)-[^@]*@(.+)$/.exec(name);
	if (!match) {
		return false;
	}

	let host: string;
	try {
		host = decodeURIComponent(match[2]!);
	} catch {
		return false;
	}

	return host === hostname() && !processRuns(Number(match[1]));
}

function processRuns(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		// EPERM: it runs, as another user.
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/**
 * Removes the lock of a holder that was killed: its process is gone (the token names it and this
 * machine), its token is older than the stale time (a holder keeps the lock a few milliseconds), or
 * the token or the lock is dated in the future (no live newsread on this clock made it). A live
 * holder's lock cannot be removed while its token is in it; removing an empty lock someone has just
 * made is safe too, as claimLock finds out.
 */
function removeDeadTokens(lockDir: string, now: number): void {
	let names: string[];
	try {
		names = readdirSync(lockDir);
	} catch {
		return;
	}

	const isStale = (mtimeMs: number) => now - mtimeMs > LOCK_STALE_MS || mtimeMs - now > FUTURE_TOLERANCE_MS;
	let removed = false;
	for (const name of names.filter(candidate => candidate.startsWith('holder-'))) {
		const token = path.join(lockDir, name);
		try {
			if (holderIsDead(name) || isStale(statSync(token).mtimeMs)) {
				rmSync(token, {force: true});
				removed = true;
			}
		} catch {
			// Removed by its holder meanwhile.
		}
	}

	let datedAhead: boolean;
	try {
		datedAhead = statSync(lockDir).mtimeMs - now > FUTURE_TOLERANCE_MS;
	} catch {
		return;
	}

	// Removing the token made the lock look fresh again, and a lock dated ahead never looks stale to
	// proper-lockfile: remove the lock itself rather than wait it out.
	if (removed || datedAhead) {
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
	// A byte order mark is repaired (conf would not parse it): a write.
	if (text.startsWith(BOM) || stateFileProblem(text) !== undefined) {
		return false;
	}

	const value = JSON.parse(text) as Record<string, unknown> & {__internal__?: {migrations?: {version?: unknown}}};
	return Object.keys(emptyState()).every(key => key in value) && value.__internal__?.migrations?.version === STATE_VERSION;
}

/**
 * The state in a file that could not be opened yet (conf has not validated it, or it cannot be
 * written): its good entries, as a repair would keep them, else empty. The file is checked and
 * repaired at the first change.
 */
function readLeniently(file: string): StateData {
	const text = readBytesIfExists(file)?.toString('utf8');
	if (text === undefined || stateFileProblem(text) !== undefined) {
		return emptyState();
	}

	const {state} = repairState(JSON.parse(withoutBom(text)) as Record<string, unknown>);
	return {...emptyState(), ...(state as Partial<StateData>)};
}

/**
 * The state with the text it shows sanitized: a draft or a commenter name in config.json may hold
 * escape sequences (edited by hand, or by another program), and drafts reach the screen in the form.
 */
function cleanState(state: StateData): StateData {
	const drafts = Object.fromEntries(Object.entries(state.drafts).map(([id, draft]) => [id, {...draft, body: sanitizeText(draft.body), name: sanitizeLine(draft.name), email: sanitizeLine(draft.email)}]));
	const commenter = state.commenter ? {...state.commenter, name: sanitizeLine(state.commenter.name), email: sanitizeLine(state.commenter.email)} : state.commenter;
	return {...state, drafts, commenter};
}

class DamagedStateError extends Error {
	override name = 'DamagedStateError';
}

/** A state file the user made read-only: not written, not replaced, not moved aside. */
export class ReadOnlyStateError extends Error {
	override name = 'ReadOnlyStateError';
	readonly code = 'EACCES';
	/** For the status line. */
	readonly shortMessage: string;

	constructor(file: string, mode: number) {
		super(`${file} is read-only (mode ${mode.toString(8).padStart(4, '0')}), so newsread does not replace it; make it writable (chmod u+w) to save reading state`);
		this.shortMessage = `${path.basename(file)} is read-only`;
	}
}

/**
 * Throws ReadOnlyStateError when the file exists and its owner may not write it (mode bits: root may
 * write anything, so access() alone would not tell) or this user may not (access()).
 */
function assertWritable(file: string): void {
	let mode: number;
	try {
		mode = statSync(file).mode;
	} catch {
		// Missing: it is created.
		return;
	}

	let writable = (mode & 0o200) !== 0;
	if (writable) {
		try {
			accessSync(file, constants.W_OK);
		} catch {
			writable = false;
		}
	}

	if (!writable) {
		throw new ReadOnlyStateError(file, mode & 0o7777);
	}
}

/** Opening leaves the file to the first change when it could not be written now (an errno error, a read-only file); anything else is a bug. */
function deferUnlessErrno(error: unknown): void {
	if (typeof (error as NodeJS.ErrnoException | undefined)?.code !== 'string' || (error as NodeJS.ErrnoException).code === 'ENOTDIR') {
		throw error;
	}
}

function readBytesIfExists(file: string): Buffer | undefined {
	try {
		return readFileSync(file);
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

/** Removes the temporary files of atomic writes to `file` that a killed writer left (older than a minute). */
export function removeLeftoverTemporaryFiles(dir: string, file: string, now: number): void {
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
