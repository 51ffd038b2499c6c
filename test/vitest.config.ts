import {fileURLToPath} from 'node:url';
import {defineConfig} from 'vitest/config';

export default defineConfig({
	root: fileURLToPath(new URL('..', import.meta.url)),
	test: {
		include: ['test/**/*.test.{ts,tsx}'],
		globalSetup: ['test/global-setup.ts'],
		setupFiles: ['test/setup.ts'],
		pool: 'forks',
		testTimeout: 20_000,
		hookTimeout: 30_000,
		benchmark: {include: ['test/bench/**/*.bench.ts']},
	},
});
