// A CommandContext for running a subcommand in the test process: outputs that collect what is written,
// a library from a folder, a comment log in memory, a fixed clock, and the standard input it is given.
import {Readable} from 'node:stream';
import {fileURLToPath} from 'node:url';
import type {CommandContext, CommandFlags, Output} from '../../source/context.js';
import {type Library, loadLibrary} from '../../source/core/library.js';
import {type CommentLog, createMemoryCommentLog} from '../../source/store/comments.js';

/** The fixture library: World, Science, Business (sections.yaml order), then Arts and Culture. */
export const fixtureLibraryDir = fileURLToPath(new URL('../fixtures/library/news', import.meta.url));

/** An output that keeps what is written; a terminal of `columns` columns when given. */
export type FakeOutput = Output & {readonly text: string};

export function fakeOutput(terminal?: {columns: number}): FakeOutput {
	const chunks: string[] = [];
	return {
		write(text: string | Uint8Array) {
			chunks.push(typeof text === 'string' ? text : Buffer.from(text).toString('utf8'));
			return true;
		},
		isTTY: terminal !== undefined,
		columns: terminal?.columns,
		get text() {
			return chunks.join('');
		},
	};
}

export type ContextOptions = {
	args?: string[];
	flags?: Partial<CommandFlags>;
	/** @default the fixture library */
	library?: Library;
	/** @default an empty comment log in memory */
	comments?: CommentLog;
	/** Piped standard input. @default empty */
	stdin?: AsyncIterable<string | Uint8Array>;
	/** @default false */
	stdinIsTTY?: boolean;
	/** The terminal stdout is, when it is one. */
	terminal?: {columns: number};
	env?: Record<string, string | undefined>;
	/** @default a folder that is never written (set it for `import`) */
	userArticlesDir?: string;
	/** The folder of the reading-state file (config.json). @default a folder that does not exist: nothing read */
	stateDir?: string;
	/** @default 2026-11-03T10:00:00Z */
	now?: Date;
};

/** A context and the outputs it writes to. */
export function commandContext(options: ContextOptions = {}): {context: CommandContext; stdout: FakeOutput; stderr: FakeOutput} {
	const stdout = fakeOutput(options.terminal);
	const stderr = fakeOutput();
	let library = options.library;
	const comments = options.comments ?? createMemoryCommentLog();
	const context: CommandContext = {
		args: options.args ?? [],
		flags: {json: false, jsonLines: false, withEmail: false, markdown: false, ...options.flags},
		stdout,
		stderr,
		stdin: options.stdin ?? Readable.from([]),
		stdinIsTTY: options.stdinIsTTY ?? false,
		env: options.env ?? {},
		library: () => (library ??= loadLibrary([{path: fixtureLibraryDir}])),
		reloadLibrary: () => (library = loadLibrary([{path: fixtureLibraryDir}])),
		indexedLibrary: () => (library ??= loadLibrary([{path: fixtureLibraryDir}])),
		checkLibrary: async () => undefined,
		comments: () => comments,
		userArticlesDir: options.userArticlesDir ?? '/nonexistent/newsread-test-user-articles',
		stateDir: options.stateDir ?? '/nonexistent/newsread-test-state',
		now: () => options.now ?? new Date('2026-11-03T10:00:00Z'),
	};
	return {context, stdout, stderr};
}
