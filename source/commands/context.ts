// What every subcommand is given: its arguments, output streams and the article library.
import type {Library} from '../core/library.js';
import type {CommentLog} from '../store/comments.js';

/** Exit codes shared by every subcommand. */
export const exitCode = {ok: 0, failure: 1, usage: 2} as const;

export type Output = {
	write(text: string): unknown;
	/** True when the stream is a terminal (colour and width apply). */
	isTTY?: boolean;
	columns?: number;
};

export type CommandFlags = {
	section?: string;
	json: boolean;
	width?: number;
	withEmail: boolean;
	name?: string;
	email?: string;
	text?: string;
	article?: string;
	markdown: boolean;
};

export type CommandContext = {
	args: string[];
	flags: CommandFlags;
	stdout: Output;
	stderr: Output;
	env: Record<string, string | undefined>;
	library: () => Library;
	/** The comment log (opened on first use). */
	comments(): CommentLog;
	/** Whether standard input is a terminal (then there is no piped comment text to read). */
	stdinIsTTY: boolean;
	/** Folder where `import` writes new articles. */
	userArticlesDir: string;
	now(): Date;
};

export type Command = (context: CommandContext) => number | Promise<number>;

/** Writes lines to an output, each ending in a newline. */
export function writeLines(output: Output, lines: readonly string[]): void {
	if (lines.length > 0) {
		output.write(`${lines.join('\n')}\n`);
	}
}

/** True when colour may be used on this output (a terminal, and NO_COLOR not set). */
export function colourWanted(output: Output, env: Record<string, string | undefined>): boolean {
	return Boolean(output.isTTY) && !env['NO_COLOR'] && env['TERM'] !== 'dumb';
}
