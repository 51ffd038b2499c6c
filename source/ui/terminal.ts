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

/** Turns of the event loop after an editor in which SIGINT and SIGQUIT are still the editor's. */
const SETTLE_TURNS = 3;

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
	 * True while another program has the terminal, and for a few turns of the event loop after it:
	 * Ctrl+C and Ctrl+\ typed in an editor reach newsread too, and must not end it (as system(3)
	 * ignores SIGINT and SIGQUIT while its child runs). Asking because of such a signal keeps the
	 * answer true a few turns longer, for the copy of the signal that when-exit (conf's atomic
	 * writer) sends again after its own cleanup.
	 */
	ignoresInterrupts(): boolean;
};

/** Switches to the alternate screen and installs handlers that restore the terminal on exit or crash. */
export function startFullScreen(stdout: {fd: number}, stdin: {isTTY?: boolean; setRawMode?(mode: boolean): unknown}): TerminalSession {
	let restored = false;
	let running = false;
	/** Turns of the event loop left in which a signal sent while the editor ran may still be dispatched. */
	let turnsLeft = 0;
	const countDown = () => {
		turnsLeft--;
		if (turnsLeft > 0) {
			setImmediate(countDown);
		}
	};
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
		running = true;
		stdin.setRawMode?.(false);
		writeSync(stdout.fd, leaveSequence);
		try {
			return run();
		} finally {
			writeSync(stdout.fd, `${enterSequence}${hideCursor}`);
			stdin.setRawMode?.(true);
			// A signal sent while `run` blocked the event loop is handled in a poll phase a turn or two later.
			running = false;
			turnsLeft = SETTLE_TURNS;
			setImmediate(countDown);
		}
	};

	writeSync(stdout.fd, enterSequence);
	process.once('exit', restore);
	const ignoresInterrupts = () => {
		if (running) {
			return true;
		}

		if (turnsLeft > 0) {
			turnsLeft = SETTLE_TURNS;
			return true;
		}

		return false;
	};

	return {restore, suspend, ignoresInterrupts};
}
