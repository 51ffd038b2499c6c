// Renders the reader with ink-testing-library at a given terminal size, sends named keys and waits
// for frames, every step inside React's act() so the act environment of test/setup.ts stays quiet.
// Keys reach the App through the reader's own stdin filter, as in a terminal.
import {stripVTControlCharacters} from 'node:util';
import chalk from 'chalk';
import {useStdout} from 'ink';
import {render} from 'ink-testing-library';
import {act, type ReactNode, useState} from 'react';
import stringWidth from 'string-width';
import {afterEach, vi} from 'vitest';
import {type Library, loadLibrary} from '../../source/core/library.js';
import {type CommentLog, createMemoryCommentLog} from '../../source/store/comments.js';
import {bundledArticlesDir} from '../../source/store/paths.js';
import {createMemoryReadingState, type ReadingState} from '../../source/store/reading-state.js';
import {App, type ReaderFeeds} from '../../source/ui/App.js';
import {RESIZE_DEBOUNCE_MS} from '../../source/ui/hooks/use-terminal-size.js';
import {createKeyRouter} from '../../source/ui/key-router.js';
import {filterRead} from '../../source/ui/keyboard-input.js';

// Styles in raw frames (a find highlight is only visible as inverse video); plain frames strip them.
chalk.level = 1;

/** Terminal sequences of named keys; anything else given to `press` is written as it is. */
export const KEYS = {
	up: '\u001B[A',
	down: '\u001B[B',
	right: '\u001B[C',
	left: '\u001B[D',
	pageUp: '\u001B[5~',
	pageDown: '\u001B[6~',
	home: '\u001B[H',
	end: '\u001B[F',
	enter: '\r',
	escape: '\u001B',
	space: ' ',
	tab: '\t',
	shiftTab: '\u001B[Z',
	backspace: '\u007F',
	ctrlC: '\u0003',
	/** Post the comment form. */
	ctrlS: '\u0013',
	/** Write the comment in $EDITOR. */
	ctrlE: '\u0005',
} as const;

export type KeyName = keyof typeof KEYS;

/** The clock of every rendered reader unless a test gives its own. */
export const FIXED_NOW = new Date('2026-11-26T12:00:00Z');

export type OpenUrl = (url: string) => Promise<void>;

export type RenderReaderOptions = {
	/** @default 80 */
	columns?: number;
	/** @default 24 */
	rows?: number;
	/** @default the bundled articles */
	library?: Library;
	/** @default a fresh in-memory reading state */
	reading?: ReadingState;
	/** @default FIXED_NOW */
	now?: Date;
	/** @default a spy that resolves */
	openUrl?: OpenUrl;
	/** @default a fresh in-memory comment log on the same clock */
	comments?: CommentLog;
	/** Stands in for $VISUAL/$EDITOR (Ctrl+E in the comment form). @default the App's "no editor" */
	editText?: EditText;
	/**
	 * React draws on its own scheduler, as in the real reader, instead of inside act(): for keys that
	 * arrive faster than frames. `press` and `type` then write without waiting for anything. @default false
	 */
	realTime?: boolean;
	/** Feeds to refresh and add (test/helpers/in-process-feeds.ts). @default the App's "no feeds" */
	feeds?: ReaderFeeds;
	/** Checks the files behind the library (an article index's `check`). @default none */
	checkLibrary?: () => Promise<Library | undefined>;
};

export type EditText = (text: string) => Promise<string>;

export type WaitOptions = {
	/** Long enough for a machine at load 40; a wait returns as soon as the frame is there. @default 10000 */
	timeout?: number;
};

export type Reader = {
	/** Sends keys one by one, each as one chunk: names from KEYS (`down`, `enter`) or literal text (`j`, `G`, `/`). */
	press(...keys: Array<KeyName | (string & {})>): Promise<void>;
	/** Types text one character at a time, as a person would (names are not translated). */
	type(text: string): Promise<void>;
	/** The last frame as plain text. */
	frame(): string;
	/** The last frame with its terminal styles. */
	rawFrame(): string;
	/** How many frames Ink has written so far. */
	frameCount(): number;
	/** Polls the frame until it contains `text`; throws with the last frame on timeout. */
	waitForText(text: string, options?: WaitOptions): Promise<string>;
	/** Polls the frame until it no longer contains `text`. */
	waitForNoText(text: string, options?: WaitOptions): Promise<string>;
	/**
	 * Moves fake timers on by `ms` inside act(), so a debounce that fires meanwhile (the draft) updates
	 * the frame quietly. Call `vi.useFakeTimers({toFake: ['setTimeout', 'clearTimeout']})` first.
	 */
	advanceTimers(ms: number): Promise<void>;
	/** Changes the terminal size and waits until the reader has laid out again. */
	resize(columns: number, rows: number): Promise<void>;
	/** True once the reader has exited: Ink unmounted and let go of stdin and of resize events. */
	hasExited(): boolean;
	unmount(): void;
	library: Library;
	reading: ReadingState;
	openUrl: OpenUrl;
	comments: CommentLog;
};

// Taken before any test can fake the timers: waiting for a frame must keep working under vi.useFakeTimers().
const realSetTimeout = globalThis.setTimeout;
const realSetImmediate = globalThis.setImmediate;

const tick = async () =>
	new Promise<void>(resolve => {
		realSetImmediate(resolve);
	});

const sleep = async (ms: number) =>
	new Promise<void>(resolve => {
		realSetTimeout(resolve, ms);
	});

let cachedLibrary: Library | undefined;

/** The shipped sample articles, loaded once per test file. */
export function bundledLibrary(): Library {
	cachedLibrary ??= loadLibrary([{path: bundledArticlesDir()}]);
	return cachedLibrary;
}

/** Gives the test stdout a size. ink-testing-library's stdout has a fixed `columns` getter and no rows. */
function setSize(stdout: object, columns: number, rows: number): void {
	Object.defineProperty(stdout, 'columns', {value: columns, configurable: true, writable: true});
	Object.defineProperty(stdout, 'rows', {value: rows, configurable: true, writable: true});
}

/**
 * Sizes the stdout before anything below it reads it, so the first frame already has the right
 * size (no 100-column frame first, no debounce to wait for). Runs once, during the first render.
 */
function SizedTerminal({columns, rows, children}: {columns: number; rows: number; children: ReactNode}) {
	const {stdout} = useStdout();
	useState(() => {
		setSize(stdout, columns, rows);
		return true;
	});
	return <>{children}</>;
}

const mounted = new Set<Reader>();
const actEnvironment = globalThis as {IS_REACT_ACT_ENVIRONMENT?: boolean};

afterEach(() => {
	for (const reader of mounted) {
		reader.unmount();
	}

	actEnvironment.IS_REACT_ACT_ENVIRONMENT = true;
});

export function renderReader(options: RenderReaderOptions = {}): Reader {
	const {columns = 80, rows = 24, now = FIXED_NOW, realTime = false} = options;
	const library = options.library ?? bundledLibrary();
	const reading = options.reading ?? createMemoryReadingState();
	const openUrl: OpenUrl = options.openUrl ?? vi.fn<OpenUrl>(async () => {});
	const clock = () => now;
	const comments = options.comments ?? createMemoryCommentLog({now: clock});

	// Inside act() React draws only when an act() ends, so a key the router holds back for the frame
	// of the key before it is handed over in an act() of its own (see `write`).
	const heldKeys: Array<() => void> = [];
	const keyRouter = realTime ? createKeyRouter() : createKeyRouter({afterRender: callback => heldKeys.push(callback)});
	const inAct = realTime ? (callback: () => void) => callback() : (callback: () => void) => act(callback);
	actEnvironment.IS_REACT_ACT_ENVIRONMENT = !realTime;

	let instance: ReturnType<typeof render> | undefined;
	inAct(() => {
		instance = render(
			<SizedTerminal columns={columns} rows={rows}>
				<App library={library} reading={reading} openUrl={openUrl} comments={comments} editText={options.editText} now={clock} keyRouter={keyRouter} feeds={options.feeds} checkLibrary={options.checkLibrary} />
			</SizedTerminal>,
		);
	});
	if (!instance) {
		throw new Error('ink-testing-library did not render');
	}

	const {stdin, stdout, lastFrame, frames} = instance;
	// The reader's stdin filter, as run-reader puts it between the terminal and Ink.
	stdin.read = filterRead(stdin.read);
	const unmountInk = instance.unmount;
	let isUnmounted = false;

	const rawFrame = () => lastFrame() ?? '';
	const frame = () => stripVTControlCharacters(rawFrame());

	const write = async (data: string) => {
		if (realTime) {
			stdin.write(data);
			return;
		}

		await act(async () => {
			stdin.write(data);
			// A lone Esc is held back by Ink's input parser until the next turn of the event loop.
			await tick();
		});
		for (let next = heldKeys.shift(); next; next = heldKeys.shift()) {
			await act(async () => {
				next();
			});
		}

		// Effects of the new frame (useInput handlers for the next screen) are in place now.
		await tick();
	};

	const poll = async (matches: (frame: string) => boolean, what: string, {timeout = 10_000}: WaitOptions = {}) => {
		const deadline = Date.now() + timeout;
		for (;;) {
			const current = frame();
			if (matches(current)) {
				return current;
			}

			if (Date.now() > deadline) {
				throw new Error(`Timed out after ${timeout} ms waiting for ${what}. Last frame:\n${current}`);
			}

			// Waiting inside act: a timer or promise that updates state meanwhile is flushed, not warned about.
			if (realTime) {
				await sleep(10);
			} else {
				await act(async () => {
					await sleep(10);
				});
			}
		}
	};

	const reader: Reader = {
		async press(...keys) {
			for (const key of keys) {
				await write(key in KEYS ? KEYS[key as KeyName] : key);
			}
		},
		async type(text) {
			for (const character of text) {
				await write(character);
			}
		},
		frame,
		rawFrame,
		frameCount: () => frames.length,
		waitForText: async (text, waitOptions) => poll(current => current.includes(text), JSON.stringify(text), waitOptions),
		waitForNoText: async (text, waitOptions) => poll(current => !current.includes(text), `${JSON.stringify(text)} to go away`, waitOptions),
		async advanceTimers(ms) {
			if (!vi.isFakeTimers()) {
				throw new Error('advanceTimers needs vi.useFakeTimers({toFake: [\'setTimeout\', \'clearTimeout\']}) first');
			}

			await act(async () => {
				await vi.advanceTimersByTimeAsync(ms);
			});
			await tick();
		},
		async resize(newColumns, newRows) {
			// The reader lays out again once its resize debounce has passed: fake the clock for the
			// debounce timer so the new layout is there at once, without sleeping.
			const alreadyFake = vi.isFakeTimers();
			if (!alreadyFake) {
				vi.useFakeTimers({toFake: ['setTimeout', 'clearTimeout']});
			}

			try {
				await act(async () => {
					setSize(stdout, newColumns, newRows);
					stdout.emit('resize');
					await vi.advanceTimersByTimeAsync(RESIZE_DEBOUNCE_MS);
				});
			} finally {
				if (!alreadyFake) {
					vi.useRealTimers();
				}
			}

			await tick();
		},
		hasExited: () => stdout.listenerCount('resize') === 0 && stdin.listenerCount('readable') === 0,
		unmount() {
			if (isUnmounted) {
				return;
			}

			isUnmounted = true;
			mounted.delete(reader);
			inAct(() => {
				unmountInk();
			});
		},
		library,
		reading,
		openUrl,
		comments,
	};
	mounted.add(reader);
	return reader;
}

/** The header line of a screen: where the reader is. */
export function headerOf(frame: string): string {
	return frame.split('\n')[0] ?? '';
}

/** The status bar (or prompt) line of a screen. */
export function statusOf(frame: string): string {
	return frame.split('\n').at(-1) ?? '';
}

/** The lines between the header and the status bar. */
export function bodyOf(frame: string): string[] {
	return frame.split('\n').slice(1, -1);
}

/** The display width of the widest line of a (plain) frame. */
export function widestLine(frame: string): number {
	return Math.max(0, ...frame.split('\n').map(line => stringWidth(line)));
}
