// Writes of the reading state that fail part-way (a full disk, a disk error, no permission), through a
// mocked node:fs: the previous config.json stays whole, no temporary file is left, the reader is told at
// once, and the change stays in memory and is written by the next try.
import * as fs from 'node:fs';
import path from 'node:path';
import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest';
import {createReadingState, type ReadingState} from '../../source/store/reading-state.js';
import {StateFile} from '../../source/store/state-file.js';
import {temporaryFolder} from '../helpers/temporary-folder.js';

vi.mock('node:fs', async importOriginal => {
	const actual = await importOriginal<typeof import('node:fs')>();
	return {...actual, openSync: vi.fn(actual.openSync), writeSync: vi.fn(actual.writeSync), fsyncSync: vi.fn(actual.fsyncSync)};
});

const real = await vi.importActual<typeof import('node:fs')>('node:fs');

function errno(code: string, syscall: string): NodeJS.ErrnoException {
	return Object.assign(new Error(`${code}: failed, ${syscall}`), {code, syscall});
}

/** The ids of 300 articles marked read, and the state file holding them. */
const ids = Array.from({length: 300}, (_, index) => `world/article-${index}`);

type Setup = {dir: string; before: string; reading: ReadingState; onError: ReturnType<typeof vi.fn<(message: string) => void>>};

async function stateWith300Marks(): Promise<Setup> {
	const dir = temporaryFolder();
	await new StateFile({dir}).update(data => {
		for (const id of ids) {
			data.read[id] = 1_772_600_000_000;
		}
	});
	const before = real.readFileSync(path.join(dir, 'config.json'), 'utf8');
	const onError = vi.fn<(message: string) => void>();
	const reading = createReadingState({file: new StateFile({dir}), onError});
	return {dir, before, reading, onError};
}

function isTemporary(file: unknown): boolean {
	return typeof file === 'string' && path.basename(file).startsWith('config.json.tmp-');
}

/** What a failed write must leave: the old file byte for byte, no temporary file, the change in memory and pending. */
function expectPreviousFileIntact({dir, before, reading}: Setup): void {
	expect(real.readFileSync(path.join(dir, 'config.json'), 'utf8')).toBe(before);
	const state = JSON.parse(before) as {read: Record<string, number>};
	expect(Object.keys(state.read)).toHaveLength(300);
	expect(real.readdirSync(dir).filter(name => name.startsWith('config.json'))).toEqual(['config.json']);
	expect(reading.isRead('world/new')).toBe(true);
	expect(reading.unsavedChanges()).toBe(1);
}

beforeEach(() => {
	vi.mocked(fs.openSync).mockImplementation(real.openSync);
	vi.mocked(fs.writeSync).mockImplementation(real.writeSync);
	vi.mocked(fs.fsyncSync).mockImplementation(real.fsyncSync);
});

afterEach(() => {
	vi.mocked(fs.openSync).mockReset();
	vi.mocked(fs.writeSync).mockReset();
	vi.mocked(fs.fsyncSync).mockReset();
});

describe('a state write that fails part-way', () => {
	it('on a full disk (a short write, then ENOSPC): keeps the previous config.json whole, says so at once, and writes the change once there is room', async () => {
		const setup = await stateWith300Marks();
		// The disk fills up during the write: the first write gets 100 bytes on disk, the next one fails.
		let writes = 0;
		vi.mocked(fs.writeSync).mockImplementation(((fd: number, buffer: Uint8Array, offset: number, length: number) => {
			writes++;
			if (writes === 1) {
				return real.writeSync(fd, buffer, offset, Math.min(length, 100));
			}

			throw errno('ENOSPC', 'write');
		}) as typeof fs.writeSync);

		setup.reading.setRead('world/new', true);
		expect(await setup.reading.flush()).toBe(false);
		expect(writes).toBe(2);
		expectPreviousFileIntact(setup);
		expect(setup.reading.saveProblem()).toBe('Reading state not saved: ENOSPC. Retrying.');
		expect(setup.onError).toHaveBeenCalledWith(expect.stringContaining('ENOSPC'));

		// Room again: the change kept in memory is written, with all 300 marks.
		vi.mocked(fs.writeSync).mockImplementation(real.writeSync);
		expect(await setup.reading.flush()).toBe(true);
		const after = JSON.parse(real.readFileSync(path.join(setup.dir, 'config.json'), 'utf8')) as {read: Record<string, number>};
		expect(Object.keys(after.read)).toHaveLength(301);
		expect(after.read).toHaveProperty(['world/new']);
		expect(setup.reading.saveProblem()).toBeUndefined();
	});

	it('on a disk error when the file is flushed (EIO from fsync): keeps the previous config.json whole and says so', async () => {
		const setup = await stateWith300Marks();
		vi.mocked(fs.fsyncSync).mockImplementation(() => {
			throw errno('EIO', 'fsync');
		});

		setup.reading.setRead('world/new', true);
		expect(await setup.reading.flush()).toBe(false);
		expectPreviousFileIntact(setup);
		expect(setup.reading.saveProblem()).toBe('Reading state not saved: EIO. Retrying.');
		expect(setup.onError).toHaveBeenCalledWith(expect.stringContaining('EIO'));
	});

	it('without permission to make the temporary file (EACCES): keeps the previous config.json and says so', async () => {
		const setup = await stateWith300Marks();
		vi.mocked(fs.openSync).mockImplementation(((file: fs.PathLike, flags: fs.OpenMode, mode?: fs.Mode | null) => {
			if (isTemporary(file)) {
				throw errno('EACCES', 'open');
			}

			return real.openSync(file, flags, mode);
		}));

		setup.reading.setRead('world/new', true);
		expect(await setup.reading.flush()).toBe(false);
		expectPreviousFileIntact(setup);
		expect(setup.reading.saveProblem()).toBe('Reading state not saved: EACCES. Retrying.');
	});

	it('never renames a temporary file that was not written to its last byte', async () => {
		const setup = await stateWith300Marks();
		// Every write takes 1000 bytes at most: the file is written in many short writes, all of it.
		vi.mocked(fs.writeSync).mockImplementation(((fd: number, buffer: Uint8Array, offset: number, length: number) => real.writeSync(fd, buffer, offset, Math.min(length, 1000))) as typeof fs.writeSync);
		setup.reading.setRead('world/new', true);
		expect(await setup.reading.flush()).toBe(true);
		const after = JSON.parse(real.readFileSync(path.join(setup.dir, 'config.json'), 'utf8')) as {read: Record<string, number>};
		expect(Object.keys(after.read)).toHaveLength(301);
		expect(vi.mocked(fs.writeSync).mock.calls.length).toBeGreaterThan(10);
	});
});
