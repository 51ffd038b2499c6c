// What subcommands share: their type and how they write lines and decide on colour.
import type {CommandContext, Output} from '../context.js';
import {noColourRequested} from '../theme.js';

/** A subcommand: does its work with the context and returns the exit code. */
export type Command = (context: CommandContext) => number | Promise<number>;

/** Writes lines to an output, each ending in a newline (nothing for no lines). */
export function writeLines(output: Output, lines: readonly string[]): void {
	if (lines.length > 0) {
		output.write(`${lines.join('\n')}\n`);
	}
}

/** True when colour may be used on this output (a terminal, and neither NO_COLOR nor TERM=dumb set). */
export function colourWanted(output: Output, env: Record<string, string | undefined>): boolean {
	return Boolean(output.isTTY) && !noColourRequested(env) && env['TERM'] !== 'dumb';
}
