// The reading-state file: conf under a file lock. Where it lives, its mode, ids with dots, and what
// happens to a damaged file or to leftovers of killed writers.
import {existsSync, mkdirSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it, vi} from 'vitest';
import {createReadingState} from '../../source/store/reading-state.js';
import {emptyState, STATE_VERSION, StateFile} from '../../source/store/state-file.js';
import {holdLock} from '../helpers/hold-lock.js';
import {temporaryFolder} from '../helpers/temporary-folder.js';

/** The time the tests pretend it is, so the name of a moved-aside copy is known. */
const fixedNow = Date.parse('2026-03-04T05:06:07.089Z');
const corruptCopyName = 'config.json.corrupt-2026-03-04T05-06-07.089Z';

function rawState(dir: string): Record<string, unknown> {
	return JSON.parse(readFileSync(path.join(dir, 'config.json'), 'utf8')) as Record<string, unknown>;
}

function fileMode(file: string): number {
	return statSync(file).mode & 0o777;
}

describe('where the reading state is kept', () => {
	it('keeps it in DIR/config.json, readable and writable only by the user', async () => {
		const dir = temporaryFolder();
		const file = new StateFile({dir});
		expect(file.path).toBe(path.join(dir, 'config.json'));
		expect(existsSync(file.path)).toBe(true);
		expect(fileMode(file.path)).toBe(0o600);

		await file.update(data => {
			data.read['world/a'] = 1;
		});
		expect(fileMode(file.path)).toBe(0o600);
		expect(readdirSync(dir).filter(name => name.startsWith('config.json'))).toEqual(['config.json']);
	});

	it('creates the folder when it does not exist yet', () => {
		const dir = path.join(temporaryFolder(), 'nested', 'newsread');
		const file = new StateFile({dir});
		expect(existsSync(file.path)).toBe(true);
	});

	it('starts a new file with empty state and the format version', () => {
		const dir = temporaryFolder();
		const file = new StateFile({dir});
		expect(file.read()).toMatchObject(emptyState());
		expect(rawState(dir)).toMatchObject({...emptyState(), __internal__: {migrations: {version: STATE_VERSION}}});
	});

	it('keeps ids with dots and URL-like ids as whole keys, not nested paths', async () => {
		const dir = temporaryFolder();
		const file = new StateFile({dir});
		const url = 'https://news.example.org/2026/03/a.b.html?x=1.2#p.3';
		await file.update(data => {
			data.read['world/a.b'] = 1;
			data.read[url] = 2;
			data.saved['world/a.b'] = 3;
			data.positions[url] = {block: 4, percent: 12.5, at: 5};
		});

		const raw = rawState(dir) as {read: Record<string, number>; saved: Record<string, number>; positions: Record<string, unknown>};
		expect(raw.read).toEqual({'world/a.b': 1, [url]: 2});
		expect(raw.saved).toEqual({'world/a.b': 3});
		expect(raw.positions).toEqual({[url]: {block: 4, percent: 12.5, at: 5}});
		expect(Object.keys(raw)).not.toContain('world/a');
		expect(new StateFile({dir}).read().read[url]).toBe(2);
	});

	it('applies a change to what is on disk now, so two newsreads never undo each other', async () => {
		const dir = temporaryFolder();
		const first = new StateFile({dir});
		const second = new StateFile({dir});
		await first.update(data => {
			data.read['world/a'] = 1;
		});
		await second.update(data => {
			data.saved['world/b'] = 2;
		});
		await first.update(data => {
			data.read['world/c'] = 3;
		});

		expect(rawState(dir)).toMatchObject({read: {'world/a': 1, 'world/c': 3}, saved: {'world/b': 2}});
	});

	it('refuses a change that would make the file invalid, and leaves the file as it was', async () => {
		const dir = temporaryFolder();
		const file = new StateFile({dir});
		await file.update(data => {
			data.read['world/a'] = 1;
		});
		const before = readFileSync(file.path, 'utf8');
		await expect(file.update(data => {
			data.positions['world/a'] = {block: -1, percent: 500, at: 0};
		})).rejects.toThrow(/schema violation/);
		expect(readFileSync(file.path, 'utf8')).toBe(before);
	});
});

/** Damaged files the user may have: a crash of another program, a bad hand edit, a wrong type. */
const damagedFiles = [
	{name: 'truncated JSON', content: '{"read": {"world/a": 17'},
	{
		name: 'a JSON array ([1,2])',
		content: '[1,2]',
	},
	{name: 'a JSON string', content: '"read"'},
] as const;

describe('a damaged state file', () => {
	for (const {name, content} of damagedFiles) {
		it(`moves ${name} aside, tells the user once where the copy is, and starts empty`, async () => {
			const dir = temporaryFolder();
			const statePath = path.join(dir, 'config.json');
			writeFileSync(statePath, content);
			const onDamaged = vi.fn<(message: string) => void>();

			const file = new StateFile({dir, onDamaged, now: () => fixedNow});
			const copy = path.join(dir, corruptCopyName);
			expect(existsSync(copy)).toBe(true);
			expect(onDamaged).toHaveBeenCalledTimes(1);
			const message = onDamaged.mock.calls[0]?.[0] ?? '';
			expect(message).toContain(statePath);
			expect(message).toContain(copy);
			expect(message).toContain('empty reading state');

			const reading = createReadingState({file});
			expect(reading.isRead('a')).toBe(false);
			expect(reading.isRead('world/a')).toBe(false);
			expect(file.read()).toMatchObject(emptyState());

			// The app runs on: changes are written to a new, valid file, and the user is not told again.
			reading.setRead('world/b', true);
			await reading.flush();
			expect(rawState(dir)).toMatchObject({read: {'world/b': expect.any(Number)}});
			new StateFile({dir, onDamaged, now: () => fixedNow + 1000});
			expect(onDamaged).toHaveBeenCalledTimes(1);
		});
	}

	for (const {name, content} of damagedFiles) {
		it(`keeps the original bytes of ${name} in the moved-aside copy`, () => {
			const dir = temporaryFolder();
			writeFileSync(path.join(dir, 'config.json'), content);
			new StateFile({dir, now: () => fixedNow});
			expect(readFileSync(path.join(dir, corruptCopyName), 'utf8')).toBe(content);
		});
	}

	it('moves a file damaged while newsread runs aside at the next change, and applies the change to empty state', async () => {
		const dir = temporaryFolder();
		const onDamaged = vi.fn<(message: string) => void>();
		const file = new StateFile({dir, onDamaged, now: () => fixedNow});
		await file.update(data => {
			data.read['world/a'] = 1;
		});
		writeFileSync(file.path, '{"read": {"world/a": 1}, "sav');

		const written = await file.update(data => {
			data.saved['world/b'] = 2;
		});
		expect(written).toMatchObject({read: {}, saved: {'world/b': 2}});
		expect(onDamaged).toHaveBeenCalledTimes(1);
		expect(readFileSync(path.join(dir, corruptCopyName), 'utf8')).toBe('{"read": {"world/a": 1}, "sav');
		expect(rawState(dir)).toMatchObject({read: {}, saved: {'world/b': 2}});
	});
});

describe('leftovers of killed writers', () => {
	it('removes temporary files older than a minute at start and keeps fresh ones', () => {
		const dir = temporaryFolder();
		const old = path.join(dir, 'config.json.tmp-1772600000a1b2c3');
		const fresh = path.join(dir, 'config.json.tmp-1772600001d4e5f6');
		const unrelated = path.join(dir, 'notes.json.tmp-1772600000a1b2c3');
		for (const file of [old, fresh, unrelated]) {
			writeFileSync(file, '{"read": {');
		}

		const twoMinutesAgo = new Date(fixedNow - 120_000);
		utimesSync(old, twoMinutesAgo, twoMinutesAgo);
		utimesSync(unrelated, twoMinutesAgo, twoMinutesAgo);
		const fiveSecondsAgo = new Date(fixedNow - 5000);
		utimesSync(fresh, fiveSecondsAgo, fiveSecondsAgo);

		new StateFile({dir, now: () => fixedNow});
		expect(existsSync(old)).toBe(false);
		expect(existsSync(fresh)).toBe(true);
		expect(existsSync(unrelated)).toBe(true);
	});

	it('starts and saves right after a newsread that was killed while writing left its lock behind', async () => {
		const dir = temporaryFolder();
		await new StateFile({dir}).update(data => {
			data.read['world/a'] = 1;
		});
		// What a newsread killed while holding the lock a while ago leaves: the lock and its token in it.
		const lockDir = path.join(dir, 'config.json.lock');
		const token = path.join(lockDir, 'holder-12345-dead');
		mkdirSync(lockDir);
		writeFileSync(token, '');
		const longAgo = new Date(Date.now() - 60_000);
		utimesSync(token, longAgo, longAgo);
		utimesSync(lockDir, longAgo, longAgo);

		const file = new StateFile({dir});
		expect(file.read().read).toEqual({'world/a': 1});
		await file.update(data => {
			data.read['world/b'] = 2;
		});
		expect(rawState(dir)).toMatchObject({read: {'world/a': 1, 'world/b': 2}});
		expect(existsSync(lockDir)).toBe(false);
	});
});

describe('another newsread holding the lock', () => {
	it('opens an existing file without the lock and sees what is in it', async () => {
		const dir = temporaryFolder();
		await new StateFile({dir}).update(data => {
			data.saved['world/a'] = 5;
		});
		const release = await holdLock(dir);
		const file = new StateFile({dir});
		expect(file.read().saved).toEqual({'world/a': 5});
		await release();
	});

	it('opens even when it must create the file and the lock stays busy, and creates it with the first change', async () => {
		const dir = temporaryFolder();
		const release = await holdLock(dir);
		const file = new StateFile({dir, lockWaitMs: 50});
		expect(file.read()).toMatchObject(emptyState());
		expect(existsSync(file.path)).toBe(false);
		await expect(file.update(data => {
			data.read['world/a'] = 1;
		})).rejects.toMatchObject({code: 'ELOCKED'});
		expect(existsSync(file.path)).toBe(false);

		await release();
		await file.update(data => {
			data.read['world/a'] = 1;
		});
		expect(rawState(dir)).toMatchObject({read: {'world/a': 1}, __internal__: {migrations: {version: STATE_VERSION}}});
		expect(fileMode(file.path)).toBe(0o600);
	});

	it('never lets two newsreads that both took the same stale lock over write at once: a live holder\'s lock cannot be removed', async () => {
		const dir = temporaryFolder();
		const file = new StateFile({dir, lockWaitMs: 50});
		// A live holder: its token is in the lock (fresh), even though the lock directory itself looks stale.
		const lockDir = path.join(dir, 'config.json.lock');
		mkdirSync(lockDir);
		writeFileSync(path.join(lockDir, 'holder-1-live'), '');
		const longAgo = new Date(Date.now() - 60_000);
		utimesSync(lockDir, longAgo, longAgo);
		await expect(file.update(data => {
			data.read['world/a'] = 1;
		})).rejects.toMatchObject({code: 'ELOCKED'});
		expect(readdirSync(lockDir)).toEqual(['holder-1-live']);
		expect(file.read().read).toEqual({});
	});

	it('waits for the lock and writes once the other newsread lets it go', async () => {
		const dir = temporaryFolder();
		const file = new StateFile({dir});
		const release = await holdLock(dir);
		let released = false;
		const saving = file.update(data => {
			// The change is applied to the file under the lock, so only after the other newsread let go.
			expect(released).toBe(true);
			data.read['world/a'] = 1;
		});
		// The other newsread holds the lock a little longer (the update finds it busy and waits).
		await new Promise(resolve => {
			setTimeout(resolve, 100);
		});
		released = true;
		await release();
		await saving;
		expect(rawState(dir)).toMatchObject({read: {'world/a': 1}});
	});

	it('reads an old or damaged file it cannot repair yet without failing, and repairs it at the first change', async () => {
		const dir = temporaryFolder();
		// A file without the format version (conf would add it: a write), with one wrong entry.
		writeFileSync(path.join(dir, 'config.json'), JSON.stringify({read: {'world/a': 1, 'world/b': 'yes'}, lastRead: 'world/a'}));
		const release = await holdLock(dir);
		const onDamaged = vi.fn<(message: string) => void>();
		const file = new StateFile({dir, onDamaged, lockWaitMs: 50, now: () => fixedNow});
		expect(file.read()).toMatchObject({read: {'world/a': 1}, lastRead: 'world/a', saved: {}});
		expect(onDamaged).not.toHaveBeenCalled();

		await release();
		await file.update(data => {
			data.saved['world/c'] = 3;
		});
		// The wrong entry is dropped when the file can be repaired, the rest kept, and the user told then.
		expect(onDamaged).toHaveBeenCalledTimes(1);
		expect(existsSync(path.join(dir, corruptCopyName))).toBe(true);
		expect(rawState(dir)).toMatchObject({read: {'world/a': 1}, saved: {'world/c': 3}, lastRead: 'world/a'});
		expect(rawState(dir)['read']).not.toHaveProperty(['world/b']);
	});
});
