// Temporary folders for a test file, each removed after the test that made it.
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterEach} from 'vitest';

const folders: string[] = [];

/** A new empty folder under the system's temporary folder, named `newsread-<name>-…`. @default name 'test' */
export function temporaryFolder(name = 'test'): string {
	const folder = mkdtempSync(path.join(tmpdir(), `newsread-${name}-`));
	folders.push(folder);
	return folder;
}

afterEach(() => {
	for (const folder of folders.splice(0)) {
		rmSync(folder, {recursive: true, force: true});
	}
});
