// The full-screen terminal session: alternate screen in, and on every exit path back out, so the
// user's shell is never left on a blank screen, without a cursor, or in raw mode.
import {writeSync} from 'node:fs';

const enterAlternateScreen = '\u001B[?1049h\u001B[H';
const leaveAlternateScreen = '\u001B[?1049l';
const showCursor = '\u001B[?25h';
const hideCursor = '\u001B[?25l';

export type TerminalSession = {
	/** Restores the terminal; safe to call more than once. */
	restore(): void;
	/** Hands the terminal to another program (an editor) for the duration of `run`. */
	suspend<T>(run: () => T): T;
};

/** Switches to the alternate screen and installs handlers that restore the terminal on exit or crash. */
export function startFullScreen(stdout: {fd: number}, stdin: {isTTY?: boolean; setRawMode?(mode: boolean): unknown}): TerminalSession {
	let restored = false;
	const restore = () => {
		if (restored) {
			return;
		}

		restored = true;
		if (stdin.isTTY) {
			stdin.setRawMode?.(false);
		}

		// Synchronous: this also runs from process 'exit', where asynchronous writes are dropped.
		writeSync(stdout.fd, `${showCursor}${leaveAlternateScreen}`);
	};

	const suspend = <T>(run: () => T): T => {
		stdin.setRawMode?.(false);
		writeSync(stdout.fd, `${showCursor}${leaveAlternateScreen}`);
		try {
			return run();
		} finally {
			writeSync(stdout.fd, `${enterAlternateScreen}${hideCursor}`);
			stdin.setRawMode?.(true);
		}
	};

	writeSync(stdout.fd, enterAlternateScreen);
	process.once('exit', restore);
	return {restore, suspend};
}
