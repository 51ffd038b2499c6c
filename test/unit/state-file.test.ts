// The reading-state file: conf under a file lock. Where it lives, its mode, ids with dots, and what
// happens to a damaged file or to leftovers of killed writers.
import {spawnSync} from 'node:child_process';
import {chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync} from 'node:fs';
import {hostname} from 'node:os';
import path from 'node:path';
import {describe, expect, it, vi} from 'vitest';
import {createReadingState} from '../../source/store/reading-state.js';
import {emptyState, lockTokenName, STATE_VERSION, StateFile} from '../../source/store/state-file.js';
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

/** The pid of a process that has ended: a real dead owner. */
function deadPid(): number {
	const {pid} = spawnSync(process.execPath, ['-e', '']);
	if (pid === undefined) {
		throw new Error('could not start a process to get a dead pid');
	}

	return pid;
}

describe('a lock left behind (point 18)', () => {
	it('takes over at once a fresh lock whose holder, named in it, no longer runs on this machine: the file is made as newsread opens, and the first change is saved', async () => {
		const dir = temporaryFolder();
		const lockDir = path.join(dir, 'config.json.lock');
		mkdirSync(lockDir);
		// What a newsread killed a moment ago leaves: its token, fresh, naming its pid and this host.
		writeFileSync(path.join(lockDir, lockTokenName(deadPid(), hostname())), '');

		const file = new StateFile({dir, lockWaitMs: 50});
		expect(existsSync(file.path)).toBe(true);
		await file.update(data => {
			data.read['world/a'] = 1;
		});
		expect(rawState(dir)).toMatchObject({read: {'world/a': 1}});
		expect(existsSync(lockDir)).toBe(false);
	});

	it('still waits for a fresh lock whose holder runs', async () => {
		const dir = temporaryFolder();
		new StateFile({dir});
		const lockDir = path.join(dir, 'config.json.lock');
		mkdirSync(lockDir);
		writeFileSync(path.join(lockDir, lockTokenName(process.pid, hostname())), '');
		await expect(new StateFile({dir, lockWaitMs: 50}).update(data => {
			data.read['world/a'] = 1;
		})).rejects.toMatchObject({code: 'ELOCKED'});
		expect(readdirSync(lockDir)).toHaveLength(1);
	});

	it('treats a lock on another machine by its age only: a dead pid there is not ours to judge', async () => {
		const dir = temporaryFolder();
		new StateFile({dir});
		const lockDir = path.join(dir, 'config.json.lock');
		mkdirSync(lockDir);
		writeFileSync(path.join(lockDir, lockTokenName(deadPid(), `not-${hostname()}`)), '');
		await expect(new StateFile({dir, lockWaitMs: 50}).update(data => {
			data.read['world/a'] = 1;
		})).rejects.toMatchObject({code: 'ELOCKED'});
	});

	for (const {name, token} of [{name: 'a lock dated in the future', token: false}, {name: 'a lock and its token dated in the future', token: true}]) {
		it(`starts and saves with ${name} (a clock that was wrong, a copied folder)`, async () => {
			const dir = temporaryFolder();
			const lockDir = path.join(dir, 'config.json.lock');
			mkdirSync(lockDir);
			const nextYear = new Date(Date.now() + 365 * 24 * 3_600_000);
			if (token) {
				const tokenPath = path.join(lockDir, 'holder-4242-0b8c');
				writeFileSync(tokenPath, '');
				utimesSync(tokenPath, nextYear, nextYear);
			}

			utimesSync(lockDir, nextYear, nextYear);
			const file = new StateFile({dir, lockWaitMs: 50});
			expect(existsSync(file.path)).toBe(true);
			await file.update(data => {
				data.saved['world/a'] = 2;
			});
			expect(rawState(dir)).toMatchObject({saved: {'world/a': 2}});
		});
	}
});

/** A state file as newsread writes it, with these entries. */
function stateText(entries: Record<string, unknown>): string {
	return JSON.stringify({...emptyState(), ...entries, __internal__: {migrations: {version: STATE_VERSION}}}, undefined, '\t');
}

const threeHundredMarks = Object.fromEntries(Array.from({length: 300}, (_, index) => [`world/article-${index}`, 1_772_600_000_000 + index]));

describe('one bad value in config.json (point 19)', () => {
	it('drops only a position at 500 %, keeps the 300 read marks and the good position, keeps the original bytes beside it, and says which entry went', async () => {
		const dir = temporaryFolder();
		const original = stateText({read: threeHundredMarks, positions: {'world/good': {block: 3, percent: 40, at: 5}, 'world/bad': {block: 2, percent: 500, at: 6}}, lastRead: 'world/good'});
		writeFileSync(path.join(dir, 'config.json'), original);
		const onDamaged = vi.fn<(message: string) => void>();

		const file = new StateFile({dir, onDamaged, now: () => fixedNow});
		const state = file.read();
		expect(Object.keys(state.read)).toHaveLength(300);
		expect(state.read['world/article-299']).toBe(1_772_600_000_299);
		expect(state.positions).toEqual({'world/good': {block: 3, percent: 40, at: 5}});
		expect(state.lastRead).toBe('world/good');
		expect(readFileSync(path.join(dir, corruptCopyName), 'utf8')).toBe(original);
		expect(onDamaged).toHaveBeenCalledTimes(1);
		const message = onDamaged.mock.calls[0]?.[0] ?? '';
		expect(message).toContain('positions["world/bad"]: percent must be <= 100');
		expect(message).toContain(path.join(dir, corruptCopyName));
		expect(message).not.toContain('empty reading state');

		// The file on disk is repaired: the next start finds nothing to say.
		const again = new StateFile({dir, onDamaged, now: () => fixedNow + 1000});
		expect(Object.keys(again.read().read)).toHaveLength(300);
		expect(onDamaged).toHaveBeenCalledTimes(1);
	});

	it('reads a file that starts with a byte order mark, keeps all of it, and keeps the original bytes beside it', () => {
		const dir = temporaryFolder();
		const original = `\uFEFF${stateText({read: threeHundredMarks, saved: {'world/a': 7}})}`;
		writeFileSync(path.join(dir, 'config.json'), original);
		const onDamaged = vi.fn<(message: string) => void>();

		const file = new StateFile({dir, onDamaged, now: () => fixedNow});
		expect(Object.keys(file.read().read)).toHaveLength(300);
		expect(file.read().saved).toEqual({'world/a': 7});
		expect(readFileSync(path.join(dir, corruptCopyName), 'utf8')).toBe(original);
		expect(onDamaged).toHaveBeenCalledWith(expect.stringContaining('byte order mark'));
		expect(readFileSync(file.path, 'utf8').startsWith('{')).toBe(true);
	});

	it('drops a read mark that is not a time and a commenter without an email, and keeps everything else', () => {
		const dir = temporaryFolder();
		writeFileSync(path.join(dir, 'config.json'), stateText({read: {'world/a': 1, 'world/b': 'yesterday'}, saved: {'world/c': 3}, commenter: {name: 'Ada'}}));
		const onDamaged = vi.fn<(message: string) => void>();
		const file = new StateFile({dir, onDamaged, now: () => fixedNow});
		expect(file.read()).toMatchObject({read: {'world/a': 1}, saved: {'world/c': 3}, commenter: null});
		expect(onDamaged).toHaveBeenCalledWith(expect.stringContaining('2 bad entries'));
	});

	it('names what is wrong with each kind of bad entry, and keeps the good ones of every kind', () => {
		const dir = temporaryFolder();
		writeFileSync(path.join(dir, 'config.json'), stateText({
			read: {'world/a': 1, 'world/b': '1'},
			saved: {'world/a': 2, 'world/c': null},
			positions: {
				'world/a': {block: 0, percent: 0, at: 0, line: 0, width: 1},
				'world/b': {block: 1.5, percent: -1},
				'world/c': {percent: 10, width: 0},
				'world/d': [1, 2],
			},
			drafts: {
				'world/a': {body: 'Hello', name: '', email: '', updatedAt: 5},
				'world/b': {body: 7, name: 'Ada'},
			},
			lastRead: 42,
			commenter: 'Ada',
		}));
		const onDamaged = vi.fn<(message: string) => void>();
		const file = new StateFile({dir, onDamaged, now: () => fixedNow});
		expect(file.read()).toMatchObject({
			read: {'world/a': 1},
			saved: {'world/a': 2},
			positions: {'world/a': {block: 0, percent: 0, at: 0, line: 0, width: 1}},
			drafts: {'world/a': {body: 'Hello', name: '', email: '', updatedAt: 5}},
			lastRead: null,
			commenter: null,
		});
		expect(Object.keys(file.read().positions)).toEqual(['world/a']);
		const message = onDamaged.mock.calls[0]?.[0] ?? '';
		expect(message).toContain('dropped 8 bad entries');
		expect(message).toContain('read["world/b"]: value must be number');
		expect(message).toContain('saved["world/c"]: value must be number');
		expect(message).toContain('positions["world/b"]: block must be integer, percent must be >= 0');
		expect(message).toContain('and 5 more');
	});

	it('repairs a file given a bad entry by another program while newsread runs, at the next change', async () => {
		const dir = temporaryFolder();
		const onDamaged = vi.fn<(message: string) => void>();
		const file = new StateFile({dir, onDamaged, now: () => fixedNow});
		await file.update(data => {
			data.read['world/a'] = 1;
		});
		const written = JSON.parse(readFileSync(file.path, 'utf8')) as Record<string, unknown>;
		writeFileSync(file.path, JSON.stringify({...written, positions: {'world/a': {block: 'top', percent: 5}}}));

		const state = await file.update(data => {
			data.saved['world/b'] = 2;
		});
		expect(state).toMatchObject({read: {'world/a': 1}, saved: {'world/b': 2}, positions: {}});
		expect(rawState(dir)).toMatchObject({read: {'world/a': 1}, saved: {'world/b': 2}, positions: {}});
		expect(onDamaged).toHaveBeenCalledWith(expect.stringContaining('positions["world/a"]: block must be integer'));
	});
});

describe('a read-only config.json (point 19)', () => {
	it(`is never replaced: a change stays in memory and the status line says the file is read-only (running as ${process.getuid?.() === 0 ? 'root, who may write it anyway' : 'a user'})`, async () => {
		const dir = temporaryFolder();
		writeFileSync(path.join(dir, 'config.json'), stateText({read: {'world/a': 1}}));
		chmodSync(path.join(dir, 'config.json'), 0o444);
		const before = readFileSync(path.join(dir, 'config.json'), 'utf8');
		const onError = vi.fn<(message: string) => void>();
		const reading = createReadingState({file: new StateFile({dir}), onError});
		expect(reading.isRead('world/a')).toBe(true);

		reading.setRead('world/b', true);
		expect(await reading.flush()).toBe(false);
		expect(reading.isRead('world/b')).toBe(true);
		expect(reading.saveProblem()).toBe('Reading state not saved: config.json is read-only. Retrying.');
		expect(onError).toHaveBeenCalledWith(expect.stringContaining(`${path.join(dir, 'config.json')} is read-only`));
		expect(readFileSync(path.join(dir, 'config.json'), 'utf8')).toBe(before);
		expect(statSync(path.join(dir, 'config.json')).mode & 0o777).toBe(0o444);

		// Made writable again: the change kept in memory is saved.
		chmodSync(path.join(dir, 'config.json'), 0o600);
		expect(await reading.flush()).toBe(true);
		expect(rawState(dir)).toMatchObject({read: {'world/a': 1, 'world/b': expect.any(Number)}});
	});

	it('is not repaired or moved aside either: its good entries are read, and nothing on disk changes', async () => {
		const dir = temporaryFolder();
		const original = stateText({read: {'world/a': 1}, positions: {'world/bad': {block: 1, percent: 500}}});
		writeFileSync(path.join(dir, 'config.json'), original);
		chmodSync(path.join(dir, 'config.json'), 0o444);
		const file = new StateFile({dir});
		expect(file.read().read).toEqual({'world/a': 1});
		expect(file.read().positions).toEqual({});
		await expect(file.update(data => {
			data.read['world/b'] = 2;
		})).rejects.toThrow(/is read-only/);
		expect(readdirSync(dir).filter(name => name.startsWith('config.json'))).toEqual(['config.json']);
		expect(readFileSync(path.join(dir, 'config.json'), 'utf8')).toBe(original);
	});
});

describe('where newsread keeps its files (point 19)', () => {
	it('says in one sentence that NEWSREAD_HOME is a file, not a folder', () => {
		const file = path.join(temporaryFolder(), 'home');
		writeFileSync(file, 'not a folder');
		expect(() => new StateFile({dir: file})).toThrow(`cannot keep files in ${file}: it is a file, not a folder.`);
		expect(() => new StateFile({dir: path.join(file, 'newsread')})).toThrow(`cannot keep files in ${path.join(file, 'newsread')}: ${file} is a file, not a folder.`);
	});

	it('makes the folders it creates readable by the user only (0700)', () => {
		const top = temporaryFolder();
		const dir = path.join(top, 'config', 'newsread');
		new StateFile({dir});
		expect(statSync(dir).mode & 0o777).toBe(0o700);
		expect(statSync(path.join(top, 'config')).mode & 0o777).toBe(0o700);
	});
});

describe('text read back from config.json (drafts, the commenter)', () => {
	it('reaches the reader without escape sequences: a saved draft cannot set the clipboard or the window title', () => {
		const dir = temporaryFolder();
		writeFileSync(path.join(dir, 'config.json'), stateText({
			drafts: {'world/a': {body: 'Fair point\u001B]52;c;ZXZpbA==\u0007 about the \u001B[31mferry\u001B[0m.', name: 'Eve\u001B]0;PWNED\u0007', email: 'eve@example.org\u009B2J', updatedAt: 1}},
			commenter: {name: 'Mal\u001B]0;PWNED\u0007lory', email: 'mal@example.org'},
		}));
		const reading = createReadingState({file: new StateFile({dir})});
		expect(reading.draft('world/a')).toEqual({body: 'Fair point about the ferry.', name: 'Eve', email: 'eve@example.org', updatedAt: 1});
		expect(reading.commenter()).toEqual({name: 'Mallory', email: 'mal@example.org'});
	});
});
