// Reading state: which articles are read, saved, and where the reader stopped in each.
// The UI depends on this interface only; this file also has the in-memory implementation.

/** Where the reader stopped in an article: a block index (survives any resize) and how far, 0-100. */
export type ReadingPosition = {block: number; percent: number};

export type ReadingState = {
	isRead(id: string): boolean;
	setRead(id: string, read: boolean): void;
	isSaved(id: string): boolean;
	setSaved(id: string, saved: boolean): void;
	/** Saved article ids, most recently saved first. */
	savedIds(): string[];
	position(id: string): ReadingPosition | undefined;
	/** Remembers the position; implementations may write it to disk later (debounced). */
	setPosition(id: string, position: ReadingPosition): void;
	/** The article read most recently, for "Continue reading". */
	lastRead(): string | undefined;
	/** Calls `listener` after every change; returns the unsubscribe function. */
	subscribe(listener: () => void): () => void;
	/** A number that changes with every change (for React's useSyncExternalStore). */
	version(): number;
	/** Writes anything pending. */
	flush(): void;
};

/** Reading state kept in memory only, for tests and until the on-disk store exists. */
export function createMemoryReadingState(): ReadingState {
	const read = new Set<string>();
	const saved: string[] = [];
	const positions = new Map<string, ReadingPosition>();
	const listeners = new Set<() => void>();
	let last: string | undefined;
	let version = 0;
	const changed = () => {
		version++;
		for (const listener of listeners) {
			listener();
		}
	};

	return {
		isRead: id => read.has(id),
		setRead(id, value) {
			if (value) {
				read.add(id);
				last = id;
			} else {
				read.delete(id);
			}

			changed();
		},
		isSaved: id => saved.includes(id),
		setSaved(id, value) {
			const index = saved.indexOf(id);
			if (index !== -1) {
				saved.splice(index, 1);
			}

			if (value) {
				saved.unshift(id);
			}

			changed();
		},
		savedIds: () => [...saved],
		position: id => positions.get(id),
		setPosition(id, position) {
			positions.set(id, position);
			last = id;
			changed();
		},
		lastRead: () => last,
		subscribe(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		version: () => version,
		flush() {},
	};
}
