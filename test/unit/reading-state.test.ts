// Reading state as the UI uses it: a snapshot in memory, changes written off the keystroke path,
// positions at most once a second, and nothing lost when a write fails, the lock is busy, or another
// newsread writes too.
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {afterEach, describe, expect, it, vi} from 'vitest';
import {createMemoryReadingState, createReadingState, POSITION_WRITE_DELAY_MS, type ReadingState} from '../../source/store/reading-state.js';
import {type StateData, StateFile} from '../../source/store/state-file.js';
import {temporaryFolder} from '../helpers/temporary-folder.js';
import {diskFull, flakyStore, lockBusy} from '../helpers/flaky-store.js';
import {holdLock} from '../helpers/hold-lock.js';

afterEach(() => {
	vi.useRealTimers();
	vi.restoreAllMocks();
});

function onDisk(dir: string): StateData {
	return JSON.parse(readFileSync(path.join(dir, 'config.json'), 'utf8')) as StateData;
}

/** What a newsread started again on the same folder sees. */
function reopen(dir: string): ReadingState {
	return createReadingState({file: new StateFile({dir})});
}

describe('reading state that survives a restart', () => {
	it('keeps read marks, saved articles, positions, the last article, the commenter and drafts', async () => {
		const dir = temporaryFolder();
		const reading = createReadingState({file: new StateFile({dir})});
		reading.setRead('world/harbour-vote', true);
		reading.setManyRead(['science/a', 'science/b'], true);
		reading.setSaved('business/ferry-bid', true);
		reading.setPosition('world/harbour-vote', {block: 42, percent: 37.5});
		reading.setCommenter({name: 'Ann Reader', email: 'ann@example.org'});
		reading.setDraft('world/harbour-vote', {body: 'First line\nsecond line', name: 'Ann Reader', email: 'ann@example.org'});
		await reading.flush();

		const again = reopen(dir);
		expect(again.isRead('world/harbour-vote')).toBe(true);
		expect(again.isRead('science/a')).toBe(true);
		expect(again.isRead('science/b')).toBe(true);
		expect(again.isRead('science/c')).toBe(false);
		expect(again.isSaved('business/ferry-bid')).toBe(true);
		expect(again.savedIds()).toEqual(['business/ferry-bid']);
		expect(again.position('world/harbour-vote')).toEqual({block: 42, percent: 37.5});
		expect(again.lastRead()).toBe('world/harbour-vote');
		expect(again.commenter()).toEqual({name: 'Ann Reader', email: 'ann@example.org'});
		expect(again.draft('world/harbour-vote')).toMatchObject({body: 'First line\nsecond line', name: 'Ann Reader', email: 'ann@example.org'});
		expect(again.draft('world/harbour-vote')?.updatedAt).toEqual(expect.any(Number));
	});

	it('keeps undoing too: unread, unsaved and a dropped draft stay undone after a restart', async () => {
		const dir = temporaryFolder();
		const reading = createReadingState({file: new StateFile({dir})});
		reading.setRead('world/a', true);
		reading.setSaved('world/a', true);
		reading.setDraft('world/a', {body: 'half a thought', name: '', email: ''});
		await reading.flush();
		reading.setRead('world/a', false);
		reading.setSaved('world/a', false);
		reading.setDraft('world/a', undefined);
		await reading.flush();

		const again = reopen(dir);
		expect(again.isRead('world/a')).toBe(false);
		expect(again.isSaved('world/a')).toBe(false);
		expect(again.draft('world/a')).toBeUndefined();
		expect(onDisk(dir)).toMatchObject({read: {}, saved: {}, drafts: {}});
	});

	it('works with dots and URLs in article ids', async () => {
		const dir = temporaryFolder();
		const url = 'https://news.example.org/2026/03/harbour.vote.html?page=2.5#section.3';
		const reading = createReadingState({file: new StateFile({dir})});
		for (const id of ['world/a.b', url]) {
			reading.setRead(id, true);
			reading.setSaved(id, true);
			reading.setPosition(id, {block: 3, percent: 10});
			reading.setDraft(id, {body: 'text', name: 'N', email: 'n@example.org'});
		}

		await reading.flush();
		const raw = onDisk(dir);
		expect(Object.keys(raw.read).sort()).toEqual(['world/a.b', url].sort());
		expect(raw.read['world/a']).toBeUndefined();

		const again = reopen(dir);
		for (const id of ['world/a.b', url]) {
			expect(again.isRead(id)).toBe(true);
			expect(again.isSaved(id)).toBe(true);
			expect(again.position(id)).toEqual({block: 3, percent: 10});
			expect(again.draft(id)?.body).toBe('text');
		}

		expect(again.isRead('world/a')).toBe(false);
		expect(again.lastRead()).toBe(url);
	});

	it('lists saved articles most recently saved first, also when saved within one millisecond', async () => {
		const dir = temporaryFolder();
		const reading = createReadingState({file: new StateFile({dir}), now: () => 1000});
		for (const id of ['a', 'b', 'c']) {
			reading.setSaved(id, true);
		}

		expect(reading.savedIds()).toEqual(['c', 'b', 'a']);
		await reading.flush();
		expect(reopen(dir).savedIds()).toEqual(['c', 'b', 'a']);
	});

	it('keeps the time an article was first read when it is marked read again', async () => {
		const dir = temporaryFolder();
		let time = 1000;
		const reading = createReadingState({file: new StateFile({dir}), now: () => time});
		reading.setRead('world/a', true);
		time = 5000;
		reading.setManyRead(['world/a', 'world/b'], true);
		await reading.flush();
		expect(onDisk(dir).read).toEqual({'world/a': 1000, 'world/b': 5000});
	});
});

describe('read marks', () => {
	it('never takes an article whose id names a property of every object (constructor, toString) for read', () => {
		const reading = createMemoryReadingState();
		expect(reading.isRead('constructor')).toBe(false);
		expect(reading.isRead('toString')).toBe(false);
		reading.setManyRead(['a', 'b'], true);
		expect(['a', 'b', 'c'].map(id => reading.isRead(id))).toEqual([true, true, false]);
		reading.setRead('a', false);
		expect(reading.isRead('a')).toBe(false);
	});
});

describe('ids that name properties of every object', () => {
	it('marks constructor and __proto__ read, saved and placed like any other article, and keeps them after a restart', async () => {
		const dir = temporaryFolder();
		const reading = createReadingState({file: new StateFile({dir})});
		for (const id of ['constructor', '__proto__']) {
			reading.setRead(id, true);
			reading.setSaved(id, true);
			reading.setPosition(id, {block: 3, percent: 50});
		}

		expect(reading.isRead('constructor')).toBe(true);
		expect(reading.isRead('__proto__')).toBe(true);
		await reading.flush();
		expect(Object.keys(onDisk(dir).read).sort()).toEqual(['__proto__', 'constructor']);
		const again = reopen(dir);
		expect(['constructor', '__proto__', 'toString'].map(id => again.isRead(id))).toEqual([true, true, false]);
		expect(again.isSaved('toString')).toBe(false);
		expect(again.position('toString')).toBeUndefined();
		expect(again.draft('valueOf')).toBeUndefined();
		expect(again.savedIds().sort()).toEqual(['__proto__', 'constructor']);
		expect(again.position('__proto__')?.percent).toBe(50);
		again.setRead('__proto__', false);
		expect(again.isRead('__proto__')).toBe(false);
	});
});

describe('writes off the keystroke path', () => {
	it('changes the snapshot at once and writes nothing until the keystroke is handled', async () => {
		const dir = temporaryFolder();
		const file = new StateFile({dir});
		const update = vi.spyOn(file, 'update');
		const reading = createReadingState({file});
		const listener = vi.fn();
		reading.subscribe(listener);
		const version = reading.version();

		reading.setRead('world/a', true);
		expect(reading.isRead('world/a')).toBe(true);
		expect(listener).toHaveBeenCalledTimes(1);
		expect(reading.version()).not.toBe(version);
		expect(update).not.toHaveBeenCalled();
		expect(onDisk(dir).read).toEqual({});

		await vi.waitFor(() => {
			expect(onDisk(dir).read['world/a']).toEqual(expect.any(Number));
		});
		expect(update).toHaveBeenCalledTimes(1);
	});

	it('writes positions at most once a second while reading', async () => {
		vi.useFakeTimers({toFake: ['setTimeout', 'clearTimeout', 'Date']});
		const dir = temporaryFolder();
		const file = new StateFile({dir});
		const update = vi.spyOn(file, 'update');
		const reading = createReadingState({file});

		// 30 scroll steps over 0.9 s: no write yet.
		for (let step = 0; step < 30; step++) {
			reading.setPosition('world/a', {block: step, percent: step});
			await vi.advanceTimersByTimeAsync(30);
		}

		expect(update).not.toHaveBeenCalled();
		expect(reading.position('world/a')).toEqual({block: 29, percent: 29});

		// One second after the first step: one write with the latest position.
		await vi.advanceTimersByTimeAsync(POSITION_WRITE_DELAY_MS - 900);
		expect(update).toHaveBeenCalledTimes(1);
		await reading.flush();
		expect(update).toHaveBeenCalledTimes(1);
		expect(onDisk(dir).positions['world/a']).toMatchObject({block: 29, percent: 29});

		// The next second of reading: one more write.
		for (let step = 30; step < 60; step++) {
			reading.setPosition('world/a', {block: step, percent: step});
			await vi.advanceTimersByTimeAsync(30);
		}

		await vi.advanceTimersByTimeAsync(100);
		await reading.flush();
		expect(update).toHaveBeenCalledTimes(2);
		expect(onDisk(dir).positions['world/a']).toMatchObject({block: 59, percent: 59});
		expect(onDisk(dir).lastRead).toBe('world/a');
	});

	it('does not write when the position did not change', async () => {
		const dir = temporaryFolder();
		const file = new StateFile({dir});
		const reading = createReadingState({file});
		reading.setPosition('world/a', {block: 5, percent: 20});
		await reading.flush();
		const update = vi.spyOn(file, 'update');
		const version = reading.version();
		reading.setPosition('world/a', {block: 5, percent: 20});
		await reading.flush();
		expect(update).not.toHaveBeenCalled();
		expect(reading.version()).toBe(version);
	});

	it('does not hold a read mark back for the position debounce, and writes both in one go', async () => {
		vi.useFakeTimers({toFake: ['setTimeout', 'clearTimeout', 'Date']});
		const dir = temporaryFolder();
		const file = new StateFile({dir});
		const update = vi.spyOn(file, 'update');
		const reading = createReadingState({file});
		reading.setPosition('world/a', {block: 7, percent: 70});
		reading.setRead('world/a', true);
		await vi.advanceTimersByTimeAsync(0);
		await reading.flush();
		expect(update).toHaveBeenCalledTimes(1);
		expect(onDisk(dir)).toMatchObject({read: {'world/a': expect.any(Number)}, positions: {'world/a': {block: 7, percent: 70}}});
	});

	it('writes pending changes at once on flush (leaving the article, quitting), without waiting for the position debounce', async () => {
		// Timers frozen: a flush that waited for the debounce would never finish.
		vi.useFakeTimers({toFake: ['setTimeout', 'clearTimeout', 'Date']});
		const dir = temporaryFolder();
		const file = new StateFile({dir});
		const update = vi.spyOn(file, 'update');
		const reading = createReadingState({file});
		reading.setPosition('world/a', {block: 12, percent: 48});
		expect(await reading.flush()).toBe(true);
		expect(update).toHaveBeenCalledTimes(1);
		expect(onDisk(dir).positions['world/a']).toMatchObject({block: 12, percent: 48});
		expect(reopen(dir).position('world/a')).toEqual({block: 12, percent: 48});

		// Nothing pending: flush writes nothing.
		expect(await reading.flush()).toBe(true);
		expect(update).toHaveBeenCalledTimes(1);
	});

	it('points "Continue reading" at the article read last, also when its position did not change', async () => {
		const dir = temporaryFolder();
		const reading = createReadingState({file: new StateFile({dir})});
		reading.setPosition('world/a', {block: 4, percent: 40});
		reading.setPosition('world/b', {block: 9, percent: 90});
		expect(reading.lastRead()).toBe('world/b');
		// Back to article A, at the very place it was left.
		reading.setPosition('world/a', {block: 4, percent: 40});
		expect(reading.lastRead()).toBe('world/a');
		await reading.flush();
		expect(onDisk(dir).lastRead).toBe('world/a');
		expect(reopen(dir).lastRead()).toBe('world/a');
	});

	it('marks a whole section read with one write', async () => {
		const dir = temporaryFolder();
		const file = new StateFile({dir});
		const update = vi.spyOn(file, 'update');
		const reading = createReadingState({file});
		const ids = Array.from({length: 50}, (_, index) => `world/article-${index}`);
		reading.setManyRead(ids, true);
		await reading.flush();
		expect(update).toHaveBeenCalledTimes(1);
		expect(Object.keys(onDisk(dir).read)).toHaveLength(50);
	});

	it('keeps changes made while a write is under way, and writes them next', async () => {
		const dir = temporaryFolder();
		const reading = createReadingState({file: new StateFile({dir})});
		reading.setRead('world/a', true);
		const first = reading.flush();
		reading.setSaved('world/b', true);
		await first;
		expect(reading.isRead('world/a')).toBe(true);
		expect(reading.isSaved('world/b')).toBe(true);
		await reading.flush();
		expect(onDisk(dir)).toMatchObject({read: {'world/a': expect.any(Number)}, saved: {'world/b': expect.any(Number)}});
	});
});

describe('a failed write', () => {
	it('keeps the change visible and pending while the lock is busy, says nothing yet, and writes it on the next try', async () => {
		const dir = temporaryFolder();
		const file = new StateFile({dir});
		const onError = vi.fn<(message: string) => void>();
		const reading = createReadingState({file, onError});
		const update = vi.spyOn(file, 'update').mockRejectedValueOnce(lockBusy());

		reading.setRead('world/a', true);
		reading.setPosition('world/a', {block: 3, percent: 30});
		expect(await reading.flush()).toBe(false);
		expect(reading.isRead('world/a')).toBe(true);
		expect(reading.position('world/a')).toEqual({block: 3, percent: 30});
		expect(reading.unsavedChanges()).toBe(2);
		expect(onDisk(dir).read).toEqual({});
		// One failure is not worth a message: it is tried again.
		expect(onError).not.toHaveBeenCalled();
		expect(reading.saveProblem()).toBeUndefined();

		reading.setSaved('world/b', true);
		expect(await reading.flush()).toBe(true);
		expect(update).toHaveBeenCalledTimes(2);
		expect(reading.unsavedChanges()).toBe(0);
		const again = reopen(dir);
		expect(again.isRead('world/a')).toBe(true);
		expect(again.position('world/a')).toEqual({block: 3, percent: 30});
		expect(again.isSaved('world/b')).toBe(true);
		expect(onError).not.toHaveBeenCalled();
	});

	it('says at once when the disk is full, keeps the change and tries again, and clears the message once it is written', async () => {
		vi.useFakeTimers({toFake: ['setTimeout', 'clearTimeout', 'Date']});
		const flaky = flakyStore();
		flaky.failWith = diskFull();
		const onError = vi.fn<(message: string) => void>();
		const reading = createReadingState({file: flaky.store, onError});
		reading.setRead('world/a', true);
		await vi.advanceTimersByTimeAsync(0);
		expect(flaky.tries).toHaveLength(1);
		expect(reading.saveProblem()).toBe('Reading state not saved: ENOSPC. Retrying.');
		expect(onError).toHaveBeenCalledWith('Could not save reading state: ENOSPC: no space left on device, write. The changes are kept and tried again.');
		expect(reading.isRead('world/a')).toBe(true);

		flaky.failWith = undefined;
		await vi.advanceTimersByTimeAsync(1000);
		expect(flaky.saved().read).toHaveProperty(['world/a']);
		expect(reading.saveProblem()).toBeUndefined();
		expect(onError).toHaveBeenCalledTimes(1);
	});

	it('keeps the order of changes across failures: a save then an unsave stays unsaved', async () => {
		const dir = temporaryFolder();
		const file = new StateFile({dir});
		const reading = createReadingState({file});
		vi.spyOn(file, 'update').mockRejectedValueOnce(lockBusy());
		reading.setSaved('world/a', true);
		await reading.flush();
		reading.setSaved('world/a', false);
		await reading.flush();
		expect(reading.isSaved('world/a')).toBe(false);
		expect(onDisk(dir).saved).toEqual({});
	});

	it('tries again by itself, one second after a failure and then doubling, at most every 15 seconds', async () => {
		vi.useFakeTimers({toFake: ['setTimeout', 'clearTimeout', 'Date']});
		const flaky = flakyStore();
		flaky.failWith = diskFull();
		const reading = createReadingState({file: flaky.store});
		const start = Date.now();
		reading.setRead('world/a', true);
		await vi.advanceTimersByTimeAsync(60_000);
		expect(flaky.tries.map(time => time - start)).toEqual([0, 1000, 3000, 7000, 15_000, 30_000, 45_000, 60_000]);
		expect(reading.isRead('world/a')).toBe(true);
		expect(flaky.saved().read).toEqual({});

		flaky.failWith = undefined;
		await vi.advanceTimersByTimeAsync(15_000);
		expect(flaky.saved().read).toEqual({'world/a': start});
		expect(reading.unsavedChanges()).toBe(0);
		// Saved: no more tries.
		await vi.advanceTimersByTimeAsync(60_000);
		expect(flaky.tries).toHaveLength(9);
	});

	it('says so in the status line only when saving has kept failing for 30 seconds, and clears it when a write succeeds', async () => {
		vi.useFakeTimers({toFake: ['setTimeout', 'clearTimeout', 'Date']});
		const flaky = flakyStore();
		flaky.failWith = lockBusy();
		const onError = vi.fn<(message: string) => void>();
		const reading = createReadingState({file: flaky.store, onError});
		const listener = vi.fn();
		reading.subscribe(listener);
		reading.setSaved('world/a', true);
		listener.mockClear();

		// Tries at 0, 1, 3, 7 and 15 s fail: nothing on screen yet.
		await vi.advanceTimersByTimeAsync(29_000);
		expect(flaky.tries).toHaveLength(5);
		expect(reading.saveProblem()).toBeUndefined();
		expect(onError).not.toHaveBeenCalled();
		expect(listener).not.toHaveBeenCalled();

		// The try at 30 s fails too: now the reader says so (and redraws), once.
		await vi.advanceTimersByTimeAsync(1000);
		expect(reading.saveProblem()).toBe('Reading state not saved: another newsread holds the lock. Retrying.');
		expect(onError).toHaveBeenCalledTimes(1);
		expect(onError.mock.calls[0]?.[0]).toBe('Could not save reading state for 30 s (6 tries): Lock file is already being held. The changes are kept and tried again.');
		expect(listener).toHaveBeenCalledTimes(1);
		await vi.advanceTimersByTimeAsync(15_000);
		expect(flaky.tries).toHaveLength(7);
		expect(onError).toHaveBeenCalledTimes(1);
		expect(reading.saveProblem()).toBeDefined();

		// The lock is free again: the next try writes everything and the message goes.
		flaky.failWith = undefined;
		await vi.advanceTimersByTimeAsync(15_000);
		expect(reading.saveProblem()).toBeUndefined();
		expect(Object.keys(flaky.saved().saved)).toEqual(['world/a']);
		expect(listener).toHaveBeenCalledTimes(2);
	});

	it('counts 30 seconds from the first failure again after a write succeeded in between', async () => {
		vi.useFakeTimers({toFake: ['setTimeout', 'clearTimeout', 'Date']});
		const flaky = flakyStore();
		const reading = createReadingState({file: flaky.store});
		flaky.failWith = lockBusy();
		reading.setRead('world/a', true);
		await vi.advanceTimersByTimeAsync(20_000);
		flaky.failWith = undefined;
		await vi.advanceTimersByTimeAsync(15_000);
		expect(flaky.saved().read).toHaveProperty(['world/a']);

		flaky.failWith = lockBusy();
		reading.setRead('world/b', true);
		await vi.advanceTimersByTimeAsync(20_000);
		expect(reading.saveProblem()).toBeUndefined();
	});
});

describe('another newsread holding the lock', () => {
	it('keeps the change visible and pending while the lock is held, and writes it by itself once the lock is free', async () => {
		const dir = temporaryFolder();
		// A short wait for the lock, so the test sees a try that gave up.
		const file = new StateFile({dir, lockWaitMs: 50});
		const onError = vi.fn<(message: string) => void>();
		const reading = createReadingState({file, onError});
		reading.setRead('world/a', true);
		await reading.flush();
		const release = await holdLock(dir);

		reading.setRead('world/b', true);
		reading.setSaved('world/a', true);
		expect(await reading.flush()).toBe(false);
		expect(reading.isRead('world/b')).toBe(true);
		expect(reading.isSaved('world/a')).toBe(true);
		expect(reading.unsavedChanges()).toBe(2);
		expect(onDisk(dir).read).toEqual({'world/a': expect.any(Number)});
		expect(onDisk(dir).saved).toEqual({});

		await release();
		// No flush: the retry timer writes it.
		await vi.waitFor(() => {
			expect(reading.unsavedChanges()).toBe(0);
		}, {timeout: 30_000, interval: 50});
		expect(onDisk(dir)).toMatchObject({read: {'world/a': expect.any(Number), 'world/b': expect.any(Number)}, saved: {'world/a': expect.any(Number)}});
		expect(onError).not.toHaveBeenCalled();
	}, 40_000);

	it('waits on quit while the lock is held, and saves once it is free', async () => {
		const dir = temporaryFolder();
		const file = new StateFile({dir, lockWaitMs: 50});
		const update = vi.spyOn(file, 'update');
		const reading = createReadingState({file});
		const release = await holdLock(dir);
		reading.setPosition('world/a', {block: 2, percent: 20});
		const quitting = reading.flush({retryForMs: 60_000});
		await vi.waitFor(() => {
			expect(update.mock.calls.length).toBeGreaterThanOrEqual(2);
		}, {timeout: 30_000, interval: 20});
		expect(onDisk(dir).positions).toEqual({});

		await release();
		expect(await quitting).toBe(true);
		expect(onDisk(dir).positions['world/a']).toMatchObject({block: 2, percent: 20});
	}, 40_000);

	it('gives up on quit after the budget, says how many changes were not saved, and keeps them for a later try', async () => {
		vi.useFakeTimers({toFake: ['setTimeout', 'clearTimeout', 'Date']});
		const flaky = flakyStore();
		flaky.failWith = lockBusy();
		const onError = vi.fn<(message: string) => void>();
		const reading = createReadingState({file: flaky.store, onError});
		reading.setRead('world/a', true);
		reading.setSaved('world/a', true);
		const start = Date.now();
		let saved: boolean | undefined;
		void reading.flush({retryForMs: 20_000}).then(result => {
			saved = result;
		});
		await vi.advanceTimersByTimeAsync(19_000);
		expect(saved).toBeUndefined();
		await vi.advanceTimersByTimeAsync(2000);
		expect(saved).toBe(false);
		// Tried again and again while the lock was busy: at 0, 1, 3, 7, 15 and (the budget) 20 s.
		expect(flaky.tries.map(time => time - start)).toEqual([0, 1000, 3000, 7000, 15_000, 20_000]);
		expect(onError).toHaveBeenLastCalledWith('Could not save reading state: Lock file is already being held. 2 changes were not saved.');
		expect(reading.saveProblem()).toBe('Reading state not saved: another newsread holds the lock.');
		expect(reading.unsavedChanges()).toBe(2);
	});

	it('does not keep the user waiting on quit for a full disk: three tries, then it says so', async () => {
		vi.useFakeTimers({toFake: ['setTimeout', 'clearTimeout', 'Date']});
		const flaky = flakyStore();
		flaky.failWith = diskFull();
		const onError = vi.fn<(message: string) => void>();
		const reading = createReadingState({file: flaky.store, onError});
		reading.setRead('world/a', true);
		const start = Date.now();
		let saved: boolean | undefined;
		void reading.flush({retryForMs: 60_000}).then(result => {
			saved = result;
		});
		await vi.advanceTimersByTimeAsync(3000);
		expect(saved).toBe(false);
		expect(flaky.tries.map(time => time - start)).toEqual([0, 1000, 3000]);
		expect(onError).toHaveBeenLastCalledWith('Could not save reading state: ENOSPC: no space left on device, write. 1 change was not saved.');
	});
});

describe('two newsreads on the same state file', () => {
	it('never writes back an old copy: each keeps the other\'s changes', async () => {
		const dir = temporaryFolder();
		const first = createReadingState({file: new StateFile({dir})});
		const second = createReadingState({file: new StateFile({dir})});
		first.setRead('world/a', true);
		await first.flush();
		second.setSaved('world/b', true);
		await second.flush();
		// The second one's snapshot now includes the first one's mark.
		expect(second.isRead('world/a')).toBe(true);
		first.setRead('world/c', true);
		await first.flush();
		expect(first.isSaved('world/b')).toBe(true);
		expect(onDisk(dir)).toMatchObject({read: {'world/a': expect.any(Number), 'world/c': expect.any(Number)}, saved: {'world/b': expect.any(Number)}});
	});
});

describe('reading state in memory only', () => {
	it('answers from memory and writes nothing', async () => {
		const reading = createMemoryReadingState();
		reading.setRead('world/a', true);
		reading.setSaved('world/b', true);
		reading.setPosition('world/a', {block: 1, percent: 2});
		await reading.flush();
		expect(reading.isRead('world/a')).toBe(true);
		expect(reading.savedIds()).toEqual(['world/b']);
		expect(reading.position('world/a')).toEqual({block: 1, percent: 2});
		expect(reading.lastRead()).toBe('world/a');
	});
});
