// The write queue on its own, with a fake writer and fake timers: batches in order, the debounce never
// holds back a change due now, a failed batch goes back to the front, and the rules for saying so.
import {afterEach, describe, expect, it, vi} from 'vitest';
import {addFailure, type FailureRun, flushGivesUp, giveUpReport, noFailures, retryDelay, retryReport} from '../../source/store/write-failure.js';
import {createWriteQueue} from '../../source/store/write-queue.js';

afterEach(() => {
	vi.useRealTimers();
});

function lockBusy(): Error {
	return Object.assign(new Error('Lock file is already being held'), {code: 'ELOCKED'});
}

function diskFull(): Error {
	return Object.assign(new Error('ENOSPC: no space left on device, write'), {code: 'ENOSPC'});
}

/** A queue of strings whose writer records each batch with its (fake) time, and fails while `failWith` is set. */
function recordingQueue() {
	const control = {
		failWith: undefined as Error | undefined,
		/** Runs once, while the next batch is being written. */
		duringWrite: undefined as (() => void) | undefined,
		batches: [] as Array<{at: number; batch: string[]}>,
		written: [] as string[][],
		onProblem: vi.fn(),
		onError: vi.fn<(message: string) => void>(),
	};
	const queue = createWriteQueue<string, number>({
		async write(batch) {
			control.batches.push({at: Date.now(), batch: [...batch]});
			control.duringWrite?.();
			control.duringWrite = undefined;
			if (control.failWith) {
				throw control.failWith;
			}

			return batch.length;
		},
		onWritten(_count, pending) {
			control.written.push([...pending]);
		},
		onProblem: control.onProblem,
		onError: control.onError,
	});
	return {queue, control};
}

/** A run of `count` failures with `error`, the first at 0 ms. */
function failing(count: number, error: Error): FailureRun {
	let run = noFailures;
	for (let index = 0; index < count; index++) {
		run = addFailure(run, error, index * 1000);
	}

	return run;
}

describe('the write queue', () => {
	it('writes a change due now together with a position still in its debounce, in the order they came', async () => {
		vi.useFakeTimers({toFake: ['setTimeout', 'clearTimeout', 'Date']});
		const {queue, control} = recordingQueue();
		const start = Date.now();
		queue.add('position', 1000);
		queue.add('read', 0);
		expect(queue.unsaved()).toBe(2);
		await vi.advanceTimersByTimeAsync(5000);
		expect(control.batches).toEqual([{at: start, batch: ['position', 'read']}]);
		expect(queue.unsaved()).toBe(0);
	});

	it('waits out the debounce when only a position is queued', async () => {
		vi.useFakeTimers({toFake: ['setTimeout', 'clearTimeout', 'Date']});
		const {queue, control} = recordingQueue();
		const start = Date.now();
		queue.add('position 1', 1000);
		await vi.advanceTimersByTimeAsync(500);
		queue.add('position 2', 1000);
		await vi.advanceTimersByTimeAsync(5000);
		expect(control.batches).toEqual([{at: start + 1000, batch: ['position 1', 'position 2']}]);
	});

	it('puts a failed batch back in front of what came in while it was being written', async () => {
		vi.useFakeTimers({toFake: ['setTimeout', 'clearTimeout', 'Date']});
		const {queue, control} = recordingQueue();
		control.failWith = lockBusy();
		queue.add('save a', 0);
		control.duringWrite = () => {
			queue.add('unsave a', 0);
		};
		await vi.advanceTimersByTimeAsync(0);
		control.failWith = undefined;
		expect(queue.unsaved()).toBe(2);
		await vi.advanceTimersByTimeAsync(5000);
		expect(control.batches.map(({batch}) => batch)).toEqual([['save a'], ['save a', 'unsave a']]);
		expect(control.onError).not.toHaveBeenCalled();
		expect(queue.problem()).toBeUndefined();
	});

	it('retries a failed batch after one second, with what was queued since', async () => {
		vi.useFakeTimers({toFake: ['setTimeout', 'clearTimeout', 'Date']});
		const {queue, control} = recordingQueue();
		const start = Date.now();
		control.failWith = lockBusy();
		queue.add('save a', 0);
		await vi.advanceTimersByTimeAsync(0);
		control.failWith = undefined;
		queue.add('read b', 0);
		await vi.advanceTimersByTimeAsync(5000);
		expect(control.batches).toEqual([
			{at: start, batch: ['save a']},
			{at: start + 1000, batch: ['save a', 'read b']},
		]);
	});

	// A change made while the first write of a run is under way asks for a write at once; the failure
	// that follows must still wait its second.
	it('waits a second before the first retry also when a change came in during the failed write', async () => {
		vi.useFakeTimers({toFake: ['setTimeout', 'clearTimeout', 'Date']});
		const {queue, control} = recordingQueue();
		const start = Date.now();
		control.failWith = lockBusy();
		queue.add('save a', 0);
		control.duringWrite = () => {
			queue.add('unsave a', 0);
		};
		await vi.advanceTimersByTimeAsync(1500);
		expect(control.batches.map(({at}) => at - start)).toEqual([0, 1000]);
	});

	it('tells the owner which changes came in while a batch was being written', async () => {
		const {queue, control} = recordingQueue();
		queue.add('first', 0);
		control.duringWrite = () => {
			queue.add('second', 0);
		};
		expect(await queue.flush()).toBe(true);
		expect(control.written).toEqual([['second'], []]);
		expect(control.batches.map(({batch}) => batch)).toEqual([['first'], ['second']]);
	});

	it('says at once when the disk is full, and clears the message with the next write', async () => {
		const {queue, control} = recordingQueue();
		control.failWith = diskFull();
		queue.add('read a', 0);
		expect(await queue.flush()).toBe(false);
		expect(queue.problem()).toBe('Reading state not saved: ENOSPC. Retrying.');
		expect(control.onProblem).toHaveBeenCalledTimes(1);
		expect(control.onError).toHaveBeenCalledWith('Could not save reading state: ENOSPC: no space left on device, write. The changes are kept and tried again.');

		control.failWith = undefined;
		expect(await queue.flush()).toBe(true);
		expect(queue.problem()).toBeUndefined();
		expect(control.onProblem).toHaveBeenCalledTimes(1);
	});

	it('gives up a flush with a budget when the budget is spent, and keeps the changes', async () => {
		vi.useFakeTimers({toFake: ['setTimeout', 'clearTimeout', 'Date']});
		const {queue, control} = recordingQueue();
		control.failWith = lockBusy();
		queue.add('read a', 0);
		const start = Date.now();
		let saved: boolean | undefined;
		void queue.flush({retryForMs: 5000}).then(result => {
			saved = result;
		});
		await vi.advanceTimersByTimeAsync(5000);
		expect(saved).toBe(false);
		expect(control.batches.map(({at}) => at - start)).toEqual([0, 1000, 3000, 5000]);
		expect(queue.problem()).toBe('Reading state not saved: another newsread holds the lock.');
		expect(control.onError).toHaveBeenLastCalledWith('Could not save reading state: Lock file is already being held. 1 change was not saved.');
		expect(queue.unsaved()).toBe(1);
	});
});

describe('the rules for failed writes', () => {
	it('waits 1, 2, 4 and 8 seconds between tries, then 15 seconds', () => {
		expect([1, 2, 3, 4, 5, 6, 10].map(failures => retryDelay(failures))).toEqual([1000, 2000, 4000, 8000, 15_000, 15_000, 15_000]);
	});

	it('counts a run of failures from the first one', () => {
		const run = addFailure(addFailure(noFailures, lockBusy(), 5000), diskFull(), 9000);
		expect(run).toEqual({count: 2, since: 5000, error: diskFull()});
	});

	it('says nothing about a busy lock until it has failed three times over 30 seconds', () => {
		expect(retryReport(failing(2, lockBusy()), 60_000)).toBeUndefined();
		expect(retryReport(failing(3, lockBusy()), 29_999)).toBeUndefined();
		expect(retryReport(failing(3, lockBusy()), 30_000)).toEqual({
			problem: 'Reading state not saved: another newsread holds the lock. Retrying.',
			message: 'Could not save reading state for 30 s (3 tries): Lock file is already being held. The changes are kept and tried again.',
		});
	});

	it('says any other failure at once, with the first line of a message that has no code, cut short', () => {
		const odd = new Error('The state folder turned into something unexpected entirely\nsecond line');
		expect(retryReport(failing(1, odd), 0)?.problem).toBe('Reading state not saved: The state folder turned into something …. Retrying.');
	});

	it('lets a flush wait out a busy lock for its whole budget, but tries another error only three times', () => {
		expect(flushGivesUp(failing(10, lockBusy()), 10, 1)).toBe(false);
		expect(flushGivesUp(failing(1, lockBusy()), 1, 0)).toBe(true);
		expect(flushGivesUp(failing(2, diskFull()), 2, 50_000)).toBe(false);
		expect(flushGivesUp(failing(3, diskFull()), 3, 50_000)).toBe(true);
	});

	it('says how many changes a flush that gave up left unsaved', () => {
		expect(giveUpReport(failing(1, diskFull()), 2)).toEqual({
			problem: 'Reading state not saved: ENOSPC.',
			message: 'Could not save reading state: ENOSPC: no space left on device, write. 2 changes were not saved.',
		});
	});
});
