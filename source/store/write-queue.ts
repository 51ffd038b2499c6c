// The write queue behind the reading state: changes wait here, in order, until a batch of them is
// written; a batch that fails goes back to the front and is retried with backoff, never dropped.
import {type FailureRun, flushGivesUp, retryDelay, trackFailures} from './write-failure.js';

export type FlushOptions = {
	/** Keep trying this long (ms) while a write fails. @default 0 (one try; the retry timer goes on) */
	retryForMs?: number;
};

export type WriteQueueOptions<Change, Written> = {
	/** Writes a batch of changes, in order, all or nothing; rejects when nothing was written. */
	write: (batch: readonly Change[]) => Promise<Written>;
	/** Told at once after each successful write (the problem already cleared), with the changes queued while it ran. */
	onWritten: (written: Written, pending: readonly Change[]) => void;
	/** Told when `problem()` gets a message (not when a successful write clears it: onWritten is told then). */
	onProblem: () => void;
	/** Told when saving has kept failing (the rules are in write-failure.ts) and when a flush with a budget gives up; the changes stay queued. */
	onError?: (message: string) => void;
	/** The clock. @default Date.now */
	now?: () => number;
};

export type WriteQueue<Change> = {
	/** Queues a change to be written within `delayMs`, or with the next retry while writes fail. */
	add(change: Change, delayMs: number): void;
	/**
	 * Writes every queued change now; with `retryForMs`, keeps trying that long (quitting). Resolves to
	 * whether everything is written; never rejects (what failed goes to `onError`).
	 */
	flush(options?: FlushOptions): Promise<boolean>;
	/** Changes queued or being written. */
	unsaved(): number;
	/** A short message for the status line while saving keeps failing; undefined once a write succeeds. */
	problem(): string | undefined;
};

export function createWriteQueue<Change, Written>({write, onWritten, onProblem, onError, now = Date.now}: WriteQueueOptions<Change, Written>): WriteQueue<Change> {
	let pending: Change[] = [];
	/** The changes being written right now. */
	let writingCount = 0;
	let writing: Promise<unknown> = Promise.resolve();
	const failures = trackFailures({onProblem, onError, now});
	const timer = createEarliestTimer(now, () => {
		void flush();
	});

	/** One try at writing every queued change; false when it failed. */
	const writeBatch = async (): Promise<boolean> => {
		timer.cancel();
		if (pending.length === 0) {
			return true;
		}

		const batch = pending;
		pending = [];
		writingCount = batch.length;
		try {
			const written = await write(batch);
			failures.succeeded();
			onWritten(written, pending);
			// Changes made during the write go next, without waiting for their own delay.
			if (pending.length > 0) {
				timer.schedule(0);
			}

			return true;
		} catch (error) {
			pending = [...batch, ...pending];
			failures.failed(error);
			// A change made during the failed write asked for a write at once: the backoff decides now.
			timer.cancel();
			timer.schedule(retryDelay(failures.run().count));
			return false;
		} finally {
			writingCount = 0;
		}
	};

	/** One write at a time, in turn: a later batch never lands before an earlier one (a save, then an unsave). */
	const writeInTurn = async (): Promise<boolean> => {
		const turn = writing.then(writeBatch);
		writing = turn.catch(() => undefined);
		return turn;
	};

	const flush = async ({retryForMs = 0}: FlushOptions = {}): Promise<boolean> => {
		const turns = {writeInTurn, queued: () => pending.length, failures: failures.run, pauseTimer: timer.cancel};
		const saved = await writeAll(turns, retryForMs, now);
		if (!saved && retryForMs > 0) {
			failures.gaveUp(pending.length);
		}

		return saved;
	};

	return {
		add(change, delayMs) {
			pending.push(change);
			// While writes fail, the retry timer (with its backoff) writes this change too.
			if (failures.run().count === 0) {
				timer.schedule(delayMs);
			}
		},
		flush,
		unsaved: () => pending.length + writingCount,
		problem: failures.problem,
	};
}

/** What the flush loop needs of a queue. */
type Turns = {
	/** One try at writing everything queued, after the write under way; false when it failed. */
	writeInTurn: () => Promise<boolean>;
	queued: () => number;
	failures: () => FailureRun;
	/** Stops the retry timer: the flush loop takes over from it. */
	pauseTimer: () => void;
};

/** Writes until nothing is queued; with a budget (`retryForMs`), tries again after a failure until flushGivesUp. */
async function writeAll(turns: Turns, retryForMs: number, now: () => number): Promise<boolean> {
	const giveUpAt = now() + retryForMs;
	let tries = 0;
	for (;;) {
		tries++;
		if (await turns.writeInTurn()) {
			// Changes made during the write are written by the next turn.
			if (turns.queued() === 0) {
				return true;
			}

			tries = 0;
			continue;
		}

		if (retryForMs <= 0 || flushGivesUp(turns.failures(), tries, giveUpAt - now())) {
			return false;
		}

		turns.pauseTimer();
		await sleep(Math.min(retryDelay(turns.failures().count), Math.max(0, giveUpAt - now())));
	}
}

/** A one-shot timer that only ever moves earlier: a change due now is not held back by a position's debounce. */
function createEarliestTimer(now: () => number, run: () => void) {
	let timer: NodeJS.Timeout | undefined;
	let due = Number.POSITIVE_INFINITY;
	return {
		schedule(delayMs: number) {
			const at = now() + delayMs;
			if (at >= due) {
				return;
			}

			clearTimeout(timer);
			due = at;
			timer = setTimeout(run, delayMs);
			// The reader quits through flush(), which keeps the process alive while it writes.
			timer.unref();
		},
		cancel: () => {
			clearTimeout(timer);
			timer = undefined;
			due = Number.POSITIVE_INFINITY;
		},
	};
}

function sleep(ms: number): Promise<void> {
	return new Promise(resolve => {
		setTimeout(resolve, ms);
	});
}
