// Runs the built newsread in a real pseudo-terminal and reads its screen through a terminal
// emulator (@xterm/headless), the way a person sees it. A wait that fails says what the person would
// have seen: the screen, the end of the output, how newsread ended and its newsread.log.
import {existsSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {stripVTControlCharacters} from 'node:util';
import xtermHeadless from '@xterm/headless';
import * as pty from 'node-pty';
import {childEnvironment, newsreadBin} from './run-cli.js';

const {Terminal} = xtermHeadless;

export type PtyOptions = {
	/** NEWSREAD_HOME (unless `env` removes it). */
	home: string;
	columns?: number;
	rows?: number;
	env?: Record<string, string | undefined>;
};

export type ScreenCell = {
	char: string;
	bold: boolean;
	/** A foreground colour other than the terminal's default. */
	coloured: boolean;
	/** A background colour other than the terminal's default. */
	background: boolean;
	underline: boolean;
	/** Reverse video (SGR 7). */
	inverse: boolean;
};

/** Long enough for newsread to start and draw on a 2-core machine at load 40. */
export const DEFAULT_WAIT_MS = 20_000;

/** Characters of the output's end shown when a wait fails. */
const outputTailLength = 1500;
/** Output lines longer than this are source text (Node prints the minified bundle line of an error). */
const longestShownLine = 300;

/** The end of the output as readable text: escape sequences removed, other controls made visible, overlong lines cut. */
export function readableTail(output: string, length = outputTailLength): string {
	const visible = stripVTControlCharacters(output.slice(-length * 8))
		.replaceAll(/\r\n?/g, '\n')
		.replaceAll(/[\u0000-\u0008\u000B-\u001F\u007F]/g, character => `\\x${character.codePointAt(0)!.toString(16).padStart(2, '0')}`);
	return visible
		.split('\n')
		.map(line => (line.length > longestShownLine ? `${line.slice(0, 120)}… (${line.length - 120} more characters cut)` : line))
		.join('\n')
		.slice(-length);
}

/** Where newsread writes its log on Linux, for error messages: under NEWSREAD_HOME, else the XDG data folder. */
function logFileOf(env: Record<string, string>): string | undefined {
	const dataHome = env['XDG_DATA_HOME'] ?? (env['HOME'] ? path.join(env['HOME'], '.local', 'share') : undefined);
	const folder = env['NEWSREAD_HOME'] ?? (dataHome ? path.join(dataHome, 'newsread') : undefined);
	return folder ? path.join(folder, 'newsread.log') : undefined;
}

/** Named keys as a terminal sends them. */
export const KEYS = {
	up: '\u001B[A',
	down: '\u001B[B',
	right: '\u001B[C',
	left: '\u001B[D',
	enter: '\r',
	escape: '\u001B',
	space: ' ',
	pageDown: '\u001B[6~',
	pageUp: '\u001B[5~',
	ctrlC: '\u0003',
} as const;

export class PtySession {
	readonly terminal: InstanceType<typeof Terminal>;
	private readonly process: pty.IPty;
	private output = '';
	private exitCode: number | undefined;
	private exitSignal: number | undefined;
	private lastData = Date.now();
	private lastWrite = 0;
	private readonly logFile: string | undefined;
	/** Called on the next output from newsread (the waits wake up at once instead of at their next poll). */
	private dataWaiters: Array<() => void> = [];

	constructor(args: string[], options: PtyOptions) {
		const columns = options.columns ?? 80;
		const rows = options.rows ?? 24;
		const env = childEnvironment(options.home, {TERM: 'xterm-256color', ...options.env});
		this.logFile = logFileOf(env);
		this.terminal = new Terminal({cols: columns, rows, allowProposedApi: true});
		this.process = pty.spawn(process.execPath, [newsreadBin, ...args], {
			// node-pty sets TERM to `name` whatever env says: a test's TERM (dumb) must reach newsread.
			name: env['TERM'] ?? 'xterm-256color',
			cols: columns,
			rows,
			env,
		});
		this.process.onData(data => {
			this.output += data;
			this.lastData = Date.now();
			this.terminal.write(data);
			for (const wake of this.dataWaiters.splice(0)) {
				wake();
			}
		});
		this.process.onExit(({exitCode, signal}) => {
			this.exitCode = exitCode;
			this.exitSignal = signal;
		});
	}

	/** The process id of newsread. */
	get pid(): number {
		return this.process.pid;
	}

	/** The signal that ended newsread, if a signal did (0 or undefined otherwise). */
	get signal(): number | undefined {
		return this.exitSignal;
	}

	/** Everything the program wrote, escape sequences included. */
	get rawOutput(): string {
		return this.output;
	}

	get exited(): number | undefined {
		return this.exitCode;
	}

	write(keys: string): void {
		this.lastWrite = Date.now();
		this.process.write(keys);
	}

	/**
	 * Pastes `text` as a terminal does: line breaks as \r, wrapped in ESC[200~ … ESC[201~ when
	 * newsread has turned bracketed paste on (call after a wait, so xterm has read the output).
	 */
	paste(text: string): void {
		const body = text.replaceAll(/\r?\n/g, '\r');
		this.write(this.terminal.modes.bracketedPasteMode ? `\u001B[200~${body}\u001B[201~` : body);
	}

	/**
	 * Types `keys` once the screen has stopped changing for `quietMs`, as a person reacts to what
	 * they see. (newsread swaps its key handler after a new screen is drawn; a key that arrives in
	 * between can be lost, see the typeahead test in test/e2e/reader.test.ts.)
	 */
	async press(keys: string, quietMs = 100): Promise<void> {
		await this.waitForQuiet(quietMs);
		this.write(keys);
	}

	/** Resizes the emulator first, then the pty (which sends SIGWINCH), so redraws land on the new size. */
	resize(columns: number, rows: number): void {
		this.terminal.resize(columns, rows);
		if (this.exitCode === undefined) {
			this.process.resize(columns, rows);
		}
	}

	/** The visible screen as lines of text, trailing spaces removed. */
	screen(): string[] {
		const buffer = this.terminal.buffer.active;
		const lines: string[] = [];
		for (let row = 0; row < this.terminal.rows; row++) {
			lines.push(buffer.getLine(buffer.viewportY + row)?.translateToString(true) ?? '');
		}

		return lines;
	}

	screenText(): string {
		return this.screen().join('\n');
	}

	/** Whether the alternate screen buffer is showing. */
	onAlternateScreen(): boolean {
		return this.terminal.buffer.active.type === 'alternate';
	}

	/** The cells of the first screen row containing `text`, or undefined. */
	rowCells(text: string): ScreenCell[] | undefined {
		const row = this.screen().findIndex(line => line.includes(text));
		return row === -1 ? undefined : this.cellsOfRow(row);
	}

	/** The cells of every row of the screen. */
	screenCells(): ScreenCell[][] {
		return this.screen().map((_line, row) => this.cellsOfRow(row));
	}

	/**
	 * What a person would have seen, for an error message: the screen, the end of the output, how
	 * newsread ended, and its newsread.log when there is one.
	 */
	report(): string {
		const screen = [`Screen (${this.terminal.cols}×${this.terminal.rows}):`, this.screenText()];
		const tail = ['End of the output (escape sequences removed):', readableTail(this.output)];
		const log = this.logFile && existsSync(this.logFile) ? [`${this.logFile}:`, readableTail(readFileSync(this.logFile, 'utf8'))] : [];
		if (this.exitCode === undefined) {
			return [...screen, '', ...tail, ...(log.length > 0 ? ['', ...log] : [])].join('\n');
		}

		// After an exit, what newsread printed last (an error and its stack) matters most.
		const ended = `newsread exited with code ${this.exitCode}${this.exitSignal ? ` (signal ${this.exitSignal})` : ''}.`;
		return [ended, '', ...tail, ...(log.length > 0 ? ['', ...log] : []), '', ...screen].join('\n');
	}

	private fail(what: string): never {
		throw new Error(`${what}\n${this.report()}`);
	}

	private cellsOfRow(row: number): ScreenCell[] {
		const buffer = this.terminal.buffer.active;
		const line = buffer.getLine(buffer.viewportY + row);
		const cells: ScreenCell[] = [];
		for (let column = 0; column < this.terminal.cols; column++) {
			const cell = line?.getCell(column);
			if (cell) {
				cells.push({
					char: cell.getChars(),
					bold: cell.isBold() !== 0,
					coloured: !cell.isFgDefault(),
					background: !cell.isBgDefault(),
					underline: cell.isUnderline() !== 0,
					inverse: cell.isInverse() !== 0,
				});
			}
		}

		return cells;
	}

	/** Resolves once xterm has processed everything received so far. */
	async flush(): Promise<void> {
		await new Promise<void>(resolve => {
			this.terminal.write('', resolve);
		});
	}

	/** The cursor's visibility as xterm tracks it (DECTCEM, `ESC [ ?25 h/l`). */
	cursorVisible(): boolean {
		// Not in the public API of @xterm/headless; fall back to the last DECTCEM in the output.
		const core = (this.terminal as unknown as {_core?: {coreService?: {isCursorHidden?: boolean}}})._core;
		const hidden = core?.coreService?.isCursorHidden;
		if (typeof hidden === 'boolean') {
			return !hidden;
		}

		return this.output.lastIndexOf('\u001B[?25l') <= this.output.lastIndexOf('\u001B[?25h');
	}

	/**
	 * Waits until the raw output (escape sequences included) satisfies `predicate`; checked as each
	 * chunk arrives, before xterm has drawn it (call flush() before reading the screen).
	 */
	async waitForOutput(predicate: (output: string) => boolean, description: string, timeout = DEFAULT_WAIT_MS): Promise<void> {
		const deadline = Date.now() + timeout;
		while (!predicate(this.output)) {
			if (this.exitCode !== undefined) {
				this.fail(`newsread exited while waiting for ${description} in the output.`);
			}

			if (Date.now() > deadline) {
				this.fail(`Timed out after ${timeout} ms waiting for ${description} in the output.`);
			}

			await this.nextDataOrTimeout(10);
		}
	}

	/**
	 * Waits until nothing has passed either way for `quietMs` (a redraw has finished), polling; for
	 * screens that change in place, where no new text marks the end of the update.
	 */
	async waitForQuiet(quietMs = 150, timeout = DEFAULT_WAIT_MS): Promise<void> {
		const deadline = Date.now() + timeout;
		while (Date.now() - Math.max(this.lastData, this.lastWrite) < quietMs) {
			if (Date.now() > deadline) {
				this.fail(`newsread kept writing for ${timeout} ms.`);
			}

			await new Promise(resolve => setTimeout(resolve, 10));
		}

		await this.flush();
	}

	/** Resolves on the next output from newsread or after `ms`, whichever comes first. */
	private async nextDataOrTimeout(ms: number): Promise<void> {
		let wake: () => void = () => {};
		const data = new Promise<void>(resolve => {
			wake = resolve;
			this.dataWaiters.push(resolve);
		});
		let timer: NodeJS.Timeout | undefined;
		await Promise.race([data, new Promise<void>(resolve => {
			timer = setTimeout(resolve, ms);
		})]);
		clearTimeout(timer);
		this.dataWaiters = this.dataWaiters.filter(waiter => waiter !== wake);
	}

	/**
	 * Waits until the screen satisfies `predicate`: checked after xterm has processed each chunk of
	 * output (so it returns as soon as the frame is on screen), and every 25 ms.
	 */
	async waitFor(predicate: (screen: string) => boolean, description: string, timeout = DEFAULT_WAIT_MS): Promise<void> {
		const deadline = Date.now() + timeout;
		while (Date.now() < deadline) {
			await this.flush();
			if (predicate(this.screenText())) {
				return;
			}

			if (this.exitCode !== undefined) {
				// The last output can arrive just after the exit.
				await this.nextDataOrTimeout(200);
				await this.flush();
				if (predicate(this.screenText())) {
					return;
				}

				this.fail(`newsread exited while waiting for ${description}.`);
			}

			await this.nextDataOrTimeout(25);
		}

		this.fail(`Timed out after ${timeout} ms waiting for ${description}.`);
	}

	/**
	 * Like waitFor, and then until nothing more arrives for `quietMs` with the predicate still true:
	 * a frame can reach the terminal in several chunks, and assertions on the rest of the screen
	 * must not see half of it.
	 */
	async waitForSettled(predicate: (screen: string) => boolean, description: string, timeout = DEFAULT_WAIT_MS, quietMs = 50): Promise<void> {
		const deadline = Date.now() + timeout;
		for (;;) {
			await this.waitFor(predicate, description, Math.max(0, deadline - Date.now()));
			await this.waitForQuiet(quietMs, Math.max(0, deadline - Date.now()));
			if (predicate(this.screenText())) {
				return;
			}
		}
	}

	async waitForText(text: string, timeout?: number): Promise<void> {
		await this.waitFor(screen => screen.includes(text), JSON.stringify(text), timeout);
	}

	async waitForExit(timeout = DEFAULT_WAIT_MS): Promise<number> {
		const deadline = Date.now() + timeout;
		while (this.exitCode === undefined && Date.now() < deadline) {
			await new Promise(resolve => setTimeout(resolve, 25));
		}

		if (this.exitCode === undefined) {
			this.fail(`newsread did not exit within ${timeout} ms.`);
		}

		await new Promise<void>(resolve => {
			this.terminal.write('', resolve);
		});
		return this.exitCode;
	}

	/** Sends a signal (default SIGHUP, as closing a terminal does) unless newsread has exited. */
	kill(signal?: string): void {
		if (this.exitCode === undefined) {
			this.process.kill(signal);
		}
	}

	/** Kills newsread if it still runs and frees the emulator. */
	dispose(): void {
		this.kill('SIGKILL');
		this.terminal.dispose();
	}
}
