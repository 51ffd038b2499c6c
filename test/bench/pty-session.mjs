// A program in a real pseudo-terminal (node-pty), its output read back through a terminal emulator
// (@xterm/headless): shared by the benchmarks (bench.mjs, paste.mjs).
import {createRequire} from 'node:module';
import {performance} from 'node:perf_hooks';
import process from 'node:process';
import {fileURLToPath} from 'node:url';

const require = createRequire(import.meta.url);
const pty = require('node-pty');
const {Terminal} = require('@xterm/headless');

const root = fileURLToPath(new URL('../..', import.meta.url));

export const sleep = ms => new Promise(resolve => {
	setTimeout(resolve, ms);
});

// CSI, OSC (BEL or ST terminated), and two-character escapes.
// eslint-disable-next-line no-control-regex
const ansi = /\u001B(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001B]*(?:\u0007|\u001B\\)|[@-Z\\-_])/g;
export const stripAnsi = text => text.replaceAll(ansi, '');

/** The environment of a child: a private NEWSREAD_HOME, no CI (Ink draws nothing interactive under CI). */
export function childEnv(home) {
	const env = {...process.env, TERM: 'xterm-256color', NEWSREAD_HOME: home};
	delete env.CI;
	delete env.FORCE_COLOR;
	delete env.NODE_OPTIONS;
	return env;
}

/** A program in a pty, its output kept raw and fed to xterm. */
export class Session {
	constructor(command, args, {columns = 80, rows = 24, env}) {
		this.terminal = new Terminal({cols: columns, rows, allowProposedApi: true});
		this.output = '';
		this.lastData = performance.now();
		this.lastWrite = 0;
		this.exitCode = undefined;
		this.waiters = [];
		this.process = pty.spawn(command, args, {name: 'xterm-256color', cols: columns, rows, cwd: root, env});
		this.process.onData(data => {
			this.output += data;
			this.lastData = performance.now();
			this.terminal.write(data);
			for (const wake of this.waiters.splice(0)) {
				wake();
			}
		});
		this.process.onExit(({exitCode}) => {
			this.exitCode = exitCode;
		});
	}

	get pid() {
		return this.process.pid;
	}

	write(keys) {
		this.lastWrite = performance.now();
		this.process.write(keys);
	}

	async flush() {
		await new Promise(resolve => {
			this.terminal.write('', resolve);
		});
	}

	screen() {
		const buffer = this.terminal.buffer.active;
		const lines = [];
		for (let row = 0; row < this.terminal.rows; row++) {
			lines.push(buffer.getLine(buffer.viewportY + row)?.translateToString(true) ?? '');
		}

		return lines.join('\n');
	}

	nextData(timeout) {
		return new Promise(resolve => {
			const timer = setTimeout(resolve, timeout);
			this.waiters.push(() => {
				clearTimeout(timer);
				resolve();
			});
		});
	}

	/** Waits until the emulated screen satisfies `predicate`; resolves with the time it was seen. */
	async waitForScreen(predicate, description, timeout = 30_000) {
		const deadline = performance.now() + timeout;
		for (;;) {
			await this.flush();
			if (predicate(this.screen())) {
				return performance.now();
			}

			if (performance.now() > deadline || this.exitCode !== undefined) {
				throw new Error(`Timed out waiting for ${description}. Screen:\n${this.screen()}`);
			}

			await this.nextData(25);
		}
	}

	/** Resolves with the time at which the output written after `from` satisfies `predicate`. */
	async waitForOutput(from, predicate, description, timeout = 30_000) {
		const deadline = performance.now() + timeout;
		for (;;) {
			if (predicate(stripAnsi(this.output.slice(from)))) {
				return this.lastData;
			}

			if (performance.now() > deadline || this.exitCode !== undefined) {
				throw new Error(`Timed out waiting for ${description}. Screen:\n${this.screen()}`);
			}

			await this.nextData(50);
		}
	}

	/** Waits until nothing has been written, either way, for `quietMs`: the screen has settled. */
	async waitForQuiet(quietMs = 100) {
		while (performance.now() - Math.max(this.lastData, this.lastWrite) < quietMs) {
			await sleep(5);
		}

		await this.flush();
	}

	/**
	 * Types `keys` once the screen has settled, as a person reacting to it would (a key that arrives
	 * while newsread swaps screens can be lost).
	 */
	async press(keys, quietMs = 100) {
		await this.waitForQuiet(quietMs);
		this.write(keys);
	}

	async waitForExit(timeout = 5000) {
		const deadline = performance.now() + timeout;
		while (this.exitCode === undefined && performance.now() < deadline) {
			await sleep(10);
		}

		if (this.exitCode === undefined) {
			this.process.kill('SIGKILL');
			while (this.exitCode === undefined) {
				await sleep(10);
			}
		}

		this.terminal.dispose();
		return this.exitCode;
	}

	/** Ends the program with `signal` (SIGTERM lets a profiled run write its profile) and waits for it. */
	async stop(signal = 'SIGKILL') {
		if (this.exitCode === undefined) {
			this.process.kill(signal);
		}

		while (this.exitCode === undefined) {
			await sleep(10);
		}

		this.terminal.dispose();
	}
}
