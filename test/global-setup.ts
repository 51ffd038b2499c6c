// Builds dist/newsread.js when it is missing, so `npx vitest` works without `npm test` first.
import {execFileSync} from 'node:child_process';
import {existsSync} from 'node:fs';
import {fileURLToPath} from 'node:url';

export default function setup(): void {
	const root = fileURLToPath(new URL('..', import.meta.url));
	if (!existsSync(`${root}dist/newsread.js`)) {
		execFileSync(process.execPath, [`${root}source/build.mjs`], {stdio: 'inherit'});
	}
}
