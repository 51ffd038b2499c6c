// Reading state: which articles are read and saved, where the reader stopped in each, the last
// article read, the commenter's name and email, and unfinished comments. The UI reads a snapshot in
// memory; every change is queued and written to the state file off the keystroke path, and a change
// that cannot be written yet (the lock is busy, the disk is full) stays queued and is tried again.
import {type Change, markRead, markSaved, putCommenter, putDraft, putPosition} from './state-changes.js';
import {emptyState, type Commenter, type Draft, type Position, type StateData, type StateStore} from './state-file.js';
import {createWriteQueue, type FlushOptions} from './write-queue.js';

/**
 * Where the reader stopped in an article: a block index (survives any resize), how far (0-100), and
 * the exact top line with the width it was laid out for (used when the width is the same again).
 */
export type ReadingPosition = {block: number; percent: number; line?: number; width?: number};

export type {Commenter, Draft} from './state-file.js';
export type {FlushOptions} from './write-queue.js';
export {FIRST_RETRY_DELAY_MS, MAX_RETRY_DELAY_MS, SAVE_PROBLEM_AFTER_FAILURES, SAVE_PROBLEM_AFTER_MS} from './write-failure.js';

export type ReadingState = {
	isRead(id: string): boolean;
	/** Every article id marked read (for counting the unread per section without going through every article). */
	readIds(): string[];
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
	/** Articles with a place short of the end (under 100%), most recently read first: "Continue reading". */
	unfinished(): string[];
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

export type ReadingStateOptions = {
	/** Where changes are written; without one, state lives in memory only. */
	file?: StateStore;
	/** Told when saving has kept failing (SAVE_PROBLEM_AFTER_MS) and when a flush with a budget gives up; the changes stay queued. */
	onError?: (message: string) => void;
	/** The clock. @default Date.now */
	now?: () => number;
};

/** Longest wait before a position change is written: at most one write a second while reading. */
export const POSITION_WRITE_DELAY_MS = 1000;
/** Other changes (read marks, saves) are written as soon as the current keystroke is handled. */
const CHANGE_WRITE_DELAY_MS = 0;

/** Reading state kept in memory only: for tests and `--no-state` style use. */
export function createMemoryReadingState(): ReadingState {
	return createReadingState({});
}

export function createReadingState({file, onError, now = Date.now}: ReadingStateOptions): ReadingState {
	let snapshot = file ? file.read() : emptyState();
	let version = 0;
	const listeners = new Set<() => void>();
	const changed = () => {
		version++;
		for (const listener of listeners) {
			listener();
		}
	};

	const queue = file && createWriteQueue<Change, StateData>({
		write: async batch => file.update(data => {
			applyAll(batch, data);
		}),
		onWritten(written, pending) {
			// Changes made while the file was being written are still pending: keep them visible.
			snapshot = written;
			readIds = undefined;
			applyAll(pending, snapshot);
			changed();
		},
		onProblem: changed,
		onError,
		now,
	});

	// The read ids as a Set, made again after a change: a list of 50,000 asks for each of them, and a
	// Set answers for a string made elsewhere faster than the snapshot's object keys do.
	let readIds: Set<string> | undefined;
	const apply = (change: Change, delay = CHANGE_WRITE_DELAY_MS, notify = true) => {
		readIds = undefined;
		change(snapshot);
		queue?.add(change, delay);
		if (notify) {
			changed();
		}
	};

	return {
		isRead(id) {
			readIds ??= new Set(Object.keys(snapshot.read));
			return readIds.has(id);
		},
		readIds: () => Object.keys(snapshot.read),
		setRead(id, read) {
			apply(markRead([id], read, now()));
		},
		setManyRead(ids, read) {
			apply(markRead(ids, read, now()));
		},
		isSaved: id => Object.hasOwn(snapshot.saved, id),
		setSaved(id, saved) {
			// Strictly increasing, so "most recently saved first" holds for saves within one millisecond.
			apply(markSaved(id, saved, Math.max(now(), ...Object.values(snapshot.saved).map(time => time + 1))));
		},
		savedIds: () => Object.entries(snapshot.saved).sort((a, b) => b[1] - a[1]).map(([id]) => id),
		position: id => withoutTime(ownEntry(snapshot.positions, id)),
		setPosition(id, position) {
			if (samePosition(ownEntry(snapshot.positions, id), position) && snapshot.lastRead === id) {
				return;
			}

			// Silent: the article on screen already shows where it is, and re-rendering it on every
			// page turn would draw each page twice. Other screens read positions when they draw.
			apply(putPosition(id, position, now()), POSITION_WRITE_DELAY_MS, false);
		},
		lastRead: () => snapshot.lastRead ?? undefined,
		// The last read first (positions set within one millisecond share a time), then by time.
		unfinished: () => Object.entries(snapshot.positions)
			.filter(([, position]) => position.percent < 100)
			.sort((a, b) => Number(b[0] === snapshot.lastRead) - Number(a[0] === snapshot.lastRead) || (b[1].at ?? 0) - (a[1].at ?? 0))
			.map(([id]) => id),
		commenter: () => snapshot.commenter ?? undefined,
		setCommenter(commenter) {
			apply(putCommenter(commenter));
		},
		draft: articleId => ownEntry(snapshot.drafts, articleId),
		setDraft(articleId, draft) {
			apply(putDraft(articleId, draft, now()));
		},
		subscribe(listener) {
			listeners.add(listener);
			return () => {
				listeners.delete(listener);
			};
		},
		version: () => version,
		saveProblem: () => queue?.problem(),
		unsavedChanges: () => queue?.unsaved() ?? 0,
		flush: async options => queue?.flush(options) ?? true,
	};
}

function applyAll(changes: readonly Change[], data: StateData): void {
	for (const change of changes) {
		change(data);
	}
}

function withoutTime(position: Position | undefined): ReadingPosition | undefined {
	if (!position) {
		return undefined;
	}

	const {at: _at, ...reading} = position;
	return reading;
}

function samePosition(current: Position | undefined, next: ReadingPosition): boolean {
	return current?.block === next.block && current.percent === next.percent && current.line === next.line && current.width === next.width;
}

/** A record's own entry (never a property every object has, such as `constructor`). */
function ownEntry<T>(record: Record<string, T>, key: string): T | undefined {
	return Object.hasOwn(record, key) ? record[key] : undefined;
}
