// Reading state: which articles are read and saved, where the reader stopped in each, the last
// article read, the commenter's name and email, and unfinished comments. The UI reads a snapshot in
// memory; every change is queued and written to the state file off the keystroke path, and a change
// that cannot be written yet (the lock is busy, the disk is full) stays queued and is tried again.
import {type Commenter, type Draft, emptyState, type StateData, type StateStore} from './state-file.js';

/**
 * Where the reader stopped in an article: a block index (survives any resize), how far (0-100), and
 * the exact top line with the width it was laid out for (used when the width is the same again).
 */
export type ReadingPosition = {block: number; percent: number; line?: number; width?: number};

export type {Commenter, Draft} from './state-file.js';

export type ReadingState = {
	isRead(id: string): boolean;
	setRead(id: string, read: boolean): void;
	/** Marks many articles read (or unread) in one change. */
	setManyRead(ids: readonly string[], read: boolean): void;
	isSaved(id: string): boolean;
	setSaved(id: string, saved: boolean): void;
	/** Saved article ids, most recently saved first. */
	savedIds(): string[];
	position(id: string): ReadingPosition | undefined;
	/** Remembers the position; written at most once a second while reading. */
	setPosition(id: string, position: ReadingPosition): void;
	/** The article read most recently, for "Continue reading". */
	lastRead(): string | undefined;
	commenter(): Commenter | undefined;
	setCommenter(commenter: Commenter): void;
	draft(articleId: string): Draft | undefined;
	/** Keeps (or, with undefined, drops) the unfinished comment of an article. */
	setDraft(articleId: string, draft: Omit<Draft, 'updatedAt'> | undefined): void;
	/** Calls `listener` after every change; returns the unsubscribe function. */
	subscribe: (listener: () => void) => () => void;
	/** A number that changes with every change (for React's useSyncExternalStore). */
	version: () => number;
	/** A short message for the status line while saving keeps failing; undefined once a write succeeds. */
	saveProblem: () => string | undefined;
	/** Changes made but not written yet. */
	unsavedChanges(): number;
	/**
	 * Writes every pending change now; with `retryForMs`, keeps trying that long (quitting). Resolves
	 * to whether everything is saved; never rejects (what failed goes to `onError`).
	 */
	flush(options?: FlushOptions): Promise<boolean>;
};

export type FlushOptions = {
	/** Keep trying this long (ms) while a write fails. @default 0 (one try; the retry timer goes on) */
	retryForMs?: number;
};

export type ReadingStateOptions = {
	/** Where changes are written; without one, state lives in memory only. */
	file?: StateStore;
	/** Told when saving has kept failing (SAVE_PROBLEM_AFTER_MS) and when a flush with a budget gives up; the changes stay queued. */
	onError?: (message: string) => void;
	now?: () => number;
};

/** Longest wait before a position change is written: at most one write a second while reading. */
export const POSITION_WRITE_DELAY_MS = 1000;
/** Other changes (read marks, saves) are written as soon as the current keystroke is handled. */
const CHANGE_WRITE_DELAY_MS = 0;
/** Saving must have failed this long, and SAVE_PROBLEM_AFTER_FAILURES times in a row, before the reader says so. */
export const SAVE_PROBLEM_AFTER_MS = 30_000;
export const SAVE_PROBLEM_AFTER_FAILURES = 3;
/** Waits before the next try after a failed write: one second, doubling, at most MAX_RETRY_DELAY_MS. */
export const FIRST_RETRY_DELAY_MS = 1000;
export const MAX_RETRY_DELAY_MS = 15_000;
/** Failures other than a busy lock (a full disk, no permission) are tried this many times by a flush with a budget. */
const FLUSH_TRIES_FOR_OTHER_ERRORS = 3;

type Change = (data: StateData) => void;

/** Reading state kept in memory only: for tests and `--no-state` style use. */
export function createMemoryReadingState(): ReadingState {
	return createReadingState({});
}

export function createReadingState({file, onError, now = Date.now}: ReadingStateOptions): ReadingState {
	let snapshot = file ? file.read() : emptyState();
	let pending: Change[] = [];
	/** The changes being written right now. */
	let writingCount = 0;
	let version = 0;
	let timer: NodeJS.Timeout | undefined;
	let timerDue = Number.POSITIVE_INFINITY;
	let writing: Promise<unknown> = Promise.resolve();
	/** Failed tries in a row, when the first of them failed, the last error, and what the status line says. */
	let failures = 0;
	let failingSince = 0;
	let lastError: unknown;
	let problem: string | undefined;
	const listeners = new Set<() => void>();

	const changed = () => {
		version++;
		for (const listener of listeners) {
			listener();
		}
	};

	const schedule = (delay: number) => {
		const due = now() + delay;
		if (!file || due >= timerDue) {
			return;
		}

		clearTimeout(timer);
		timerDue = due;
		timer = setTimeout(() => {
			void flush();
		}, delay);
		// The reader quits through flush(), which keeps the process alive while it writes.
		timer.unref();
	};

	const failed = (error: unknown) => {
		failures++;
		lastError = error;
		if (failures === 1) {
			failingSince = now();
		}

		const failingFor = now() - failingSince;
		// Another newsread holding the lock passes: say so only when it keeps failing. Anything else (a
		// full disk, a folder that became a file) is said at once, and still retried.
		const keepsFailing = failures >= SAVE_PROBLEM_AFTER_FAILURES && failingFor >= SAVE_PROBLEM_AFTER_MS;
		if (problem === undefined && (keepsFailing || !isLockContention(error))) {
			problem = `Reading state not saved: ${shortReason(error)}. Retrying.`;
			const howLong = failures === 1 ? '' : ` for ${Math.round(failingFor / 1000)} s (${failures} tries)`;
			onError?.(`Could not save reading state${howLong}: ${errorMessage(error)}. The changes are kept and tried again.`);
			changed();
		}

		schedule(retryDelay(failures));
	};

	/** One try at writing every pending change; false when it failed. */
	const write = async (): Promise<boolean> => {
		clearTimeout(timer);
		timer = undefined;
		timerDue = Number.POSITIVE_INFINITY;
		if (!file || pending.length === 0) {
			return true;
		}

		const batch = pending;
		pending = [];
		writingCount = batch.length;
		try {
			const written = await file.update(data => {
				for (const change of batch) {
					change(data);
				}
			});
			// Changes made while the file was being written are still pending: keep them visible.
			snapshot = written;
			for (const change of pending) {
				change(snapshot);
			}

			failures = 0;
			lastError = undefined;
			problem = undefined;
			changed();
			if (pending.length > 0) {
				schedule(CHANGE_WRITE_DELAY_MS);
			}

			return true;
		} catch (error) {
			pending = [...batch, ...pending];
			failed(error);
			return false;
		} finally {
			writingCount = 0;
		}
	};

	const writeInTurn = async (): Promise<boolean> => {
		const turn = writing.then(write);
		writing = turn.catch(() => undefined);
		return turn;
	};

	const flush = async ({retryForMs = 0}: FlushOptions = {}): Promise<boolean> => {
		const giveUpAt = now() + retryForMs;
		let tries = 0;
		for (;;) {
			tries++;
			if (await writeInTurn()) {
				// Changes made during the write are written by the next turn.
				if (pending.length === 0) {
					return true;
				}

				tries = 0;
				continue;
			}

			const busy = isLockContention(lastError);
			if (retryForMs <= 0 || now() >= giveUpAt || (!busy && tries >= FLUSH_TRIES_FOR_OTHER_ERRORS)) {
				break;
			}

			// This loop takes over from the retry timer until it gives up.
			clearTimeout(timer);
			timer = undefined;
			timerDue = Number.POSITIVE_INFINITY;
			const pause = Math.min(retryDelay(failures), Math.max(0, giveUpAt - now()));
			await new Promise<void>(resolve => {
				setTimeout(resolve, pause);
			});
		}

		if (retryForMs > 0) {
			problem = `Reading state not saved: ${shortReason(lastError)}.`;
			onError?.(`Could not save reading state: ${errorMessage(lastError)}. ${pending.length} ${pending.length === 1 ? 'change was' : 'changes were'} not saved.`);
			changed();
		}

		return false;
	};

	const apply = (change: Change, delay = CHANGE_WRITE_DELAY_MS, notify = true) => {
		change(snapshot);
		if (file) {
			pending.push(change);
		}

		if (notify) {
			changed();
		}

		// While writes fail, the retry timer (with its backoff) writes this change too.
		if (failures === 0) {
			schedule(delay);
		}
	};

	return {
		isRead: id => snapshot.read[id] !== undefined,
		setRead(id, read) {
			apply(markRead([id], read, now()));
		},
		setManyRead(ids, read) {
			apply(markRead(ids, read, now()));
		},
		isSaved: id => snapshot.saved[id] !== undefined,
		setSaved(id, saved) {
			// Strictly increasing, so "most recently saved first" holds for saves within one millisecond.
			const at = Math.max(now(), ...Object.values(snapshot.saved).map(time => time + 1));
			apply(data => {
				if (saved) {
					data.saved[id] = at;
				} else {
					delete data.saved[id];
				}
			});
		},
		savedIds: () => Object.entries(snapshot.saved).sort((a, b) => b[1] - a[1]).map(([id]) => id),
		position(id) {
			const position = snapshot.positions[id];
			if (!position) {
				return undefined;
			}

			const {at: _at, ...reading} = position;
			return reading;
		},
		setPosition(id, position) {
			const current = snapshot.positions[id];
			const same = current?.block === position.block && current.percent === position.percent && current.line === position.line && current.width === position.width;
			if (same && snapshot.lastRead === id) {
				return;
			}

			const at = now();
			// Silent: the article on screen already shows where it is, and re-rendering it on every
			// page turn would draw each page twice. Other screens read positions when they draw.
			apply(
				data => {
					data.positions[id] = {...position, at};
					data.lastRead = id;
				},
				POSITION_WRITE_DELAY_MS,
				false,
			);
		},
		lastRead: () => snapshot.lastRead ?? undefined,
		commenter: () => snapshot.commenter ?? undefined,
		setCommenter(commenter) {
			apply(data => {
				data.commenter = {...commenter};
			});
		},
		draft: articleId => snapshot.drafts[articleId],
		setDraft(articleId, draft) {
			const at = now();
			apply(data => {
				if (draft) {
					data.drafts[articleId] = {...draft, updatedAt: at};
				} else {
					delete data.drafts[articleId];
				}
			});
		},
		subscribe(listener) {
			listeners.add(listener);
			return () => {
				listeners.delete(listener);
			};
		},
		version: () => version,
		saveProblem: () => problem,
		unsavedChanges: () => pending.length + writingCount,
		flush,
	};
}

/** The wait before the next try after `failures` failed tries in a row. */
function retryDelay(failures: number): number {
	return Math.min(FIRST_RETRY_DELAY_MS * 2 ** (failures - 1), MAX_RETRY_DELAY_MS);
}

/** Another newsread holds the lock (or took it over): worth waiting for, unlike a full disk. */
function isLockContention(error: unknown): boolean {
	const code = (error as NodeJS.ErrnoException | undefined)?.code;
	return code === 'ELOCKED' || code === 'ECOMPROMISED';
}

function errorMessage(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

/** The error code (ELOCKED, ENOSPC) or the first words of the message: the status line is short. */
function shortReason(error: unknown): string {
	const code = (error as NodeJS.ErrnoException | undefined)?.code;
	if (code === 'ELOCKED') {
		return 'another newsread holds the lock';
	}

	if (typeof code === 'string') {
		return code;
	}

	const message = errorMessage(error).split('\n')[0] ?? '';
	return message.length > 40 ? `${message.slice(0, 39)}…` : message;
}

function markRead(ids: readonly string[], read: boolean, at: number): Change {
	return data => {
		for (const id of ids) {
			if (read) {
				data.read[id] ??= at;
			} else {
				delete data.read[id];
			}
		}
	};
}
