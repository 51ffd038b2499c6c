// Reading state as the UI uses it: a snapshot in memory, changes written off the keystroke path,
// positions at most once a second, and nothing lost when a write fails or another newsread writes too.
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterEach, describe, expect, it, vi} from 'vitest';
import {createMemoryReadingState, createReadingState, POSITION_WRITE_DELAY_MS, type ReadingState} from '../../source/store/reading-state.js';
import {type StateData, StateFile} from '../../source/store/state-file.js';

const folders: string[] = [];

function temporaryFolder(): string {
	const folder = mkdtempSync(path.join(tmpdir(), 'newsread-reading-test-'));
	folders.push(folder);
	return folder;
}

afterEach(() => {
	vi.useRealTimers();
	vi.restoreAllMocks();
	for (const folder of folders.splice(0)) {
		rmSync(folder, {recursive: true, force: true});
	}
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

	it('writes pending changes at once on flush (leaving the article, quitting)', async () => {
		const dir = temporaryFolder();
		const file = new StateFile({dir});
		const update = vi.spyOn(file, 'update');
		const reading = createReadingState({file});
		reading.setPosition('world/a', {block: 12, percent: 48});
		const started = Date.now();
		await reading.flush();
		expect(Date.now() - started).toBeLessThan(POSITION_WRITE_DELAY_MS);
		expect(update).toHaveBeenCalledTimes(1);
		expect(reopen(dir).position('world/a')).toEqual({block: 12, percent: 48});

		// Nothing pending: flush writes nothing.
		await reading.flush();
		expect(update).toHaveBeenCalledTimes(1);
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
	it('keeps the change pending, says so, and writes it on the next try', async () => {
		const dir = temporaryFolder();
		const file = new StateFile({dir});
		const onError = vi.fn<(message: string) => void>();
		const reading = createReadingState({file, onError});
		const update = vi.spyOn(file, 'update').mockRejectedValueOnce(new Error('ENOSPC: no space left on device'));

		reading.setRead('world/a', true);
		reading.setPosition('world/a', {block: 3, percent: 30});
		await reading.flush();
		expect(onError).toHaveBeenCalledTimes(1);
		expect(onError.mock.calls[0]?.[0]).toMatch(/Could not save reading state: ENOSPC/);
		expect(reading.isRead('world/a')).toBe(true);
		expect(reading.position('world/a')).toEqual({block: 3, percent: 30});
		expect(onDisk(dir).read).toEqual({});

		reading.setSaved('world/b', true);
		await reading.flush();
		expect(update).toHaveBeenCalledTimes(2);
		expect(onError).toHaveBeenCalledTimes(1);
		const again = reopen(dir);
		expect(again.isRead('world/a')).toBe(true);
		expect(again.position('world/a')).toEqual({block: 3, percent: 30});
		expect(again.isSaved('world/b')).toBe(true);
	});

	it('keeps the order of changes across failures: a save then an unsave stays unsaved', async () => {
		const dir = temporaryFolder();
		const file = new StateFile({dir});
		const onError = vi.fn();
		const reading = createReadingState({file, onError});
		vi.spyOn(file, 'update').mockRejectedValueOnce(new Error('ELOCKED: lock is held'));
		reading.setSaved('world/a', true);
		await reading.flush();
		reading.setSaved('world/a', false);
		await reading.flush();
		expect(onError).toHaveBeenCalledTimes(1);
		expect(reading.isSaved('world/a')).toBe(false);
		expect(onDisk(dir).saved).toEqual({});
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
