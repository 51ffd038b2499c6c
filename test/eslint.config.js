// ESLint for source/ and test/: typescript-eslint with type information, and React's hook rules.
// Kept beside vitest.config.ts, since the top level holds no tool configs: `npm run lint` passes it.
import {fileURLToPath} from 'node:url';
import js from '@eslint/js';
import {defineConfig} from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

// Patterns are relative to the repository, whichever directory ESLint is started from.
const root = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig(
	{
		basePath: root,
		ignores: ['dist/**', 'coverage/**', 'source/build-stubs/**'],
	},
	{
		basePath: root,
		files: ['source/**/*.{ts,tsx}', 'test/**/*.{ts,tsx}'],
		extends: [js.configs.recommended, tseslint.configs.recommendedTypeChecked],
		languageOptions: {
			parserOptions: {projectService: true, tsconfigRootDir: root},
		},
		plugins: {'react-hooks': reactHooks},
		rules: {
			'react-hooks/rules-of-hooks': 'error',
			'react-hooks/exhaustive-deps': 'error',
			'@typescript-eslint/no-floating-promises': 'error',
			'@typescript-eslint/no-misused-promises': 'error',
			// `_name` marks a parameter kept for its type, and `{omitted, ...rest}` drops a field: both on purpose.
			'@typescript-eslint/no-unused-vars': ['error', {argsIgnorePattern: '^_', ignoreRestSiblings: true}],
			// Off: the sanitizers and the key parser match control characters on purpose.
			'no-control-regex': 'off',
			// Off: `async` without `await` is how a function that must return a promise is written here (editors,
			// fakes); unhandled and misused promises are what no-floating-promises and no-misused-promises catch.
			'@typescript-eslint/require-await': 'off',
		},
	},
	{
		basePath: root,
		files: ['test/**/*.{ts,tsx}'],
		rules: {
			// Off in tests: vitest types its asymmetric matchers (`expect.any(Number)`) as `any`.
			'@typescript-eslint/no-unsafe-assignment': 'off',
		},
	},
	{
		// Build and benchmark scripts: plain Node ESM outside tsconfig, so without type information.
		basePath: root,
		files: ['**/*.{js,mjs}'],
		extends: [js.configs.recommended],
		languageOptions: {
			globals: {console: 'readonly', process: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', performance: 'readonly'},
		},
	},
);
