import {fileURLToPath} from 'node:url';
import {defineConfig} from 'vitest/config';

export default defineConfig({
	root: fileURLToPath(new URL('..', import.meta.url)),
	test: {
		include: ['test/**/*.test.{ts,tsx}'],
		globalSetup: ['test/global-setup.ts'],
		setupFiles: ['test/setup.ts'],
		pool: 'forks',
		// Calendar dates are written in the local time zone; the oracles are written for UTC, so the
		// suite gives the same answer on a machine anywhere in the world.
		env: {TZ: 'UTC'},
		// Sized for a 2-core machine at load 40: waits return as soon as their frame is there, so a
		// generous budget costs nothing when the machine is idle.
		testTimeout: 60_000,
		hookTimeout: 60_000,
		benchmark: {include: ['test/bench/**/*.bench.ts']},
	},
});
