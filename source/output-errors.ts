// What a command does when its standard output cannot be written. A reader that stopped reading
// (`newsread list | head -1`) ends the command quietly with exit 0, as `git log | head` does; any other
// failure (a full disk) is one line on stderr and exit 1, never a stack trace.
import type {EventEmitter} from 'node:events';
import {visibleControls} from './core/sanitize.js';
import {exitCode} from './context.js';

/** The streams and the exit a command's output errors are handled with: the process's, or a test's. */
export type OutputStreams = {
	stdout: EventEmitter;
	stderr: EventEmitter & {write: (text: string) => unknown};
	exit: (code: number) => void;
};

const reasons: Record<string, string> = {
	ENOSPC: 'no space left on device',
	EDQUOT: 'disk quota exceeded',
	EFBIG: 'the file is too large',
	EIO: 'input/output error',
};

/**
 * Handles write errors on standard output and standard error once, for every command. Only for
 * commands: the reader (a terminal) restores the screen and saves its state on its own way out.
 */
export function endQuietlyOnOutputErrors({stdout, stderr, exit}: OutputStreams): void {
	stdout.on('error', (error: NodeJS.ErrnoException) => {
		if (error.code === 'EPIPE') {
			exit(exitCode.ok);
			return;
		}

		const reason = (error.code && reasons[error.code]) ?? error.message;
		try {
			stderr.write(`newsread: could not write the output: ${visibleControls(reason)}\n`);
		} catch {
			// Standard error is gone too: the exit code is all that is left to say it.
		}

		exit(exitCode.failure);
	});
	// Nowhere is left to report a failed write of standard error; it must not become a stack trace.
	stderr.on('error', () => undefined);
}
