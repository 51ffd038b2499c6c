// Runs the built newsread in a real pseudo-terminal and reads its screen through a terminal
// emulator (@xterm/headless), the way a person sees it.
import xtermHeadless from '@xterm/headless';
import * as pty from 'node-pty';
import {childEnvironment, newsreadBin} from './run-cli.js';

const {Terminal} = xtermHeadless;

export type PtyOptions = {
	home: string;
	columns?: number;
	rows?: number;
	env?: Record<string, string | undefined>;
};

export type ScreenCell = {char: string; bold: boolean; coloured: boolean};

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
	/** Called on the next output from newsread (the waits wake up at once instead of at their next poll). */
	private dataWaiters: Array<() => void> = [];

	constructor(args: string[], options: PtyOptions) {
		const columns = options.columns ?? 80;
		const rows = options.rows ?? 24;
		this.terminal = new Terminal({cols: columns, rows, allowProposedApi: true});
		this.process = pty.spawn(process.execPath, [newsreadBin, ...args], {
			name: 'xterm-256color',
			cols: columns,
			rows,
			env: childEnvironment(options.home, {TERM: 'xterm-256color', ...options.env}),
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
		if (row === -1) {
			return undefined;
		}

		const buffer = this.terminal.buffer.active;
		const line = buffer.getLine(buffer.viewportY + row);
		const cells: ScreenCell[] = [];
		for (let column = 0; column < this.terminal.cols; column++) {
			const cell = line?.getCell(column);
			if (cell) {
				cells.push({char: cell.getChars(), bold: cell.isBold() !== 0, coloured: !cell.isFgDefault()});
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
	async waitForOutput(predicate: (output: string) => boolean, description: string, timeout = 10_000): Promise<void> {
		const deadline = Date.now() + timeout;
		while (!predicate(this.output)) {
			if (Date.now() > deadline) {
				throw new Error(`Timed out waiting for ${description} in the output. Screen:\n${this.screenText()}`);
			}

			await this.nextDataOrTimeout(10);
		}
	}

	/**
	 * Waits until nothing has passed either way for `quietMs` (a redraw has finished), polling; for
	 * screens that change in place, where no new text marks the end of the update.
	 */
	async waitForQuiet(quietMs = 150, timeout = 10_000): Promise<void> {
		const deadline = Date.now() + timeout;
		while (Date.now() - Math.max(this.lastData, this.lastWrite) < quietMs) {
			if (Date.now() > deadline) {
				throw new Error(`newsread kept writing for ${timeout} ms`);
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
	async waitFor(predicate: (screen: string) => boolean, description: string, timeout = 10_000): Promise<void> {
		const deadline = Date.now() + timeout;
		while (Date.now() < deadline) {
			await this.flush();
			if (predicate(this.screenText())) {
				return;
			}

			await this.nextDataOrTimeout(25);
		}

		throw new Error(`Timed out waiting for ${description}. Screen:\n${this.screenText()}`);
	}

	/**
	 * Like waitFor, and then until nothing more arrives for `quietMs` with the predicate still true:
	 * a frame can reach the terminal in several chunks, and assertions on the rest of the screen
	 * must not see half of it.
	 */
	async waitForSettled(predicate: (screen: string) => boolean, description: string, timeout = 10_000, quietMs = 50): Promise<void> {
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

	async waitForExit(timeout = 10_000): Promise<number> {
		const deadline = Date.now() + timeout;
		while (this.exitCode === undefined && Date.now() < deadline) {
			await new Promise(resolve => setTimeout(resolve, 25));
		}

		if (this.exitCode === undefined) {
			throw new Error('newsread did not exit');
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
