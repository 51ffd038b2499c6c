// Reading state: which articles are read and saved, where the reader stopped in each, the last
// article read, the commenter's name and email, and unfinished comments. The UI reads a snapshot in
// memory; every change is queued and written to the state file off the keystroke path.
import {type Commenter, type Draft, emptyState, type StateData, type StateFile} from './state-file.js';

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
	/** Writes every pending change now. */
	flush(): Promise<void>;
};

export type ReadingStateOptions = {
	/** Where changes are written; without one, state lives in memory only. */
	file?: StateFile;
	/** Told when a write fails (the change stays pending and is tried again). */
	onError?: (message: string) => void;
	now?: () => number;
};

/** Longest wait before a position change is written: at most one write a second while reading. */
export const POSITION_WRITE_DELAY_MS = 1000;
/** Other changes (read marks, saves) are written as soon as the current keystroke is handled. */
const CHANGE_WRITE_DELAY_MS = 0;

type Change = (data: StateData) => void;

/** Reading state kept in memory only: for tests and `--no-state` style use. */
export function createMemoryReadingState(): ReadingState {
	return createReadingState({});
}

export function createReadingState({file, onError, now = Date.now}: ReadingStateOptions): ReadingState {
	let snapshot = file ? file.read() : emptyState();
	let pending: Change[] = [];
	let version = 0;
	let timer: NodeJS.Timeout | undefined;
	let timerDue = Number.POSITIVE_INFINITY;
	let writing: Promise<void> = Promise.resolve();
	const listeners = new Set<() => void>();

	const changed = () => {
		version++;
		for (const listener of listeners) {
			listener();
		}
	};

	const write = async (): Promise<void> => {
		clearTimeout(timer);
		timer = undefined;
		timerDue = Number.POSITIVE_INFINITY;
		if (!file || pending.length === 0) {
			return;
		}

		const batch = pending;
		pending = [];
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

			changed();
		} catch (error) {
			pending = [...batch, ...pending];
			onError?.(`Could not save reading state: ${(error as Error).message}`);
		}
	};

	const flush = async (): Promise<void> => {
		writing = writing.then(write);
		await writing;
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
		timer.unref();
	};

	const apply = (change: Change, delay = CHANGE_WRITE_DELAY_MS, notify = true) => {
		change(snapshot);
		pending.push(change);
		if (notify) {
			changed();
		}

		schedule(delay);
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
		flush,
	};
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
