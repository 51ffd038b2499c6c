// The full-screen terminal session: alternate screen and bracketed paste in, and on every exit path
// back out, so the user's shell is never left on a blank screen, without a cursor, in raw mode, or
// with pastes wrapped in markers.
import {writeSync} from 'node:fs';

const enterAlternateScreen = '\u001B[?1049h\u001B[H';
const leaveAlternateScreen = '\u001B[?1049l';
const showCursor = '\u001B[?25h';
const hideCursor = '\u001B[?25l';
/** The terminal wraps a paste in `ESC[200~` … `ESC[201~`: the key router inserts it as one edit. */
const enableBracketedPaste = '\u001B[?2004h';
const disableBracketedPaste = '\u001B[?2004l';

/** What the session writes to take the terminal: for tests that check it is undone. */
export const enterSequence = `${enterAlternateScreen}${enableBracketedPaste}`;
/** What the session writes to give the terminal back (the alternate screen is left last). */
export const leaveSequence = `${disableBracketedPaste}${showCursor}${leaveAlternateScreen}`;

export type TerminalSession = {
	/** Restores the terminal; safe to call more than once. */
	restore(): void;
	/** Hands the terminal to another program (an editor) for the duration of `run`. */
	suspend<T>(run: () => T): T;
	/**
	 * True while another program has the terminal, and until the signals sent meanwhile have been
	 * handled: Ctrl+C and Ctrl+\ in an editor reach newsread too, and must not end it (as system(3)
	 * ignores SIGINT and SIGQUIT while its child runs).
	 */
	isSuspended(): boolean;
};

/** Switches to the alternate screen and installs handlers that restore the terminal on exit or crash. */
export function startFullScreen(stdout: {fd: number}, stdin: {isTTY?: boolean; setRawMode?(mode: boolean): unknown}): TerminalSession {
	let restored = false;
	let suspended = 0;
	const restore = () => {
		if (restored) {
			return;
		}

		restored = true;
		if (stdin.isTTY) {
			stdin.setRawMode?.(false);
		}

		// Synchronous: this also runs from process 'exit', where asynchronous writes are dropped.
		writeSync(stdout.fd, leaveSequence);
	};

	const suspend = <T>(run: () => T): T => {
		suspended++;
		stdin.setRawMode?.(false);
		writeSync(stdout.fd, leaveSequence);
		try {
			return run();
		} finally {
			writeSync(stdout.fd, `${enterSequence}${hideCursor}`);
			stdin.setRawMode?.(true);
			// A signal sent while `run` blocked the event loop is handled in the next poll phase; the
			// second turn of setImmediate comes after it.
			setImmediate(() => {
				setImmediate(() => {
					suspended--;
				});
			});
		}
	};

	writeSync(stdout.fd, enterSequence);
	process.once('exit', restore);
	return {restore, suspend, isSuspended: () => suspended > 0};
}
