// Another newsread holding the state file's lock, as a live one does: the lock taken with proper-lockfile
// (kept fresh every second) and a token in it naming this live process on this machine.
import {rmSync} from 'node:fs';
import path from 'node:path';
import {lock} from 'proper-lockfile';
import {lockTokenName, putLockToken} from '../../source/store/state-file.js';

/** Takes the lock of DIR/config.json; resolves to the function that lets it go. */
export async function holdLock(dir: string): Promise<() => Promise<void>> {
	const file = path.join(dir, 'config.json');
	const release = await lock(file, {realpath: false, stale: 10_000, update: 1000});
	const name = lockTokenName();
	putLockToken(`${file}.lock`, name);
	return async () => {
		rmSync(path.join(`${file}.lock`, name), {force: true});
		await release();
	};
}
