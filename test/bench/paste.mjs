// Times a 100 KB paste in a real pseudo-terminal (node-pty, screen read through @xterm/headless):
// from writing the paste to the screen showing what the key typed after it did.
//   comment, lines:  the reply form, 100 KB in lines of ~80 characters, then Tab (the cursor reaches Name)
//   comment, 1 line: the reply form, 100 KB without a line break, then Tab
//   search:          the search prompt (/), 100 KB without a line break, then Esc (the sections again)
//   find:            the find prompt of an article (/), 100 KB without a line break, then Esc
// Each paste is written as a terminal writes it: with bracketed-paste markers when newsread has
// turned bracketed paste on (ESC[?2004h), as plain text otherwise, line breaks as \r.
// Run: node source/build.mjs && node test/bench/paste.mjs [--bin dist/newsread.js] [--runs 3] [--only NAME]
//      [--size CHARACTERS] [--unbracketed] [--profile DIR]
import {mkdtempSync, rmSync} from 'node:fs';
import {createRequire} from 'node:module';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {performance} from 'node:perf_hooks';
import process from 'node:process';
import {parseArgs} from 'node:util';
import {fileURLToPath} from 'node:url';

const require = createRequire(import.meta.url);
const pty = require('node-pty');
const {Terminal} = require('@xterm/headless');

const root = fileURLToPath(new URL('../..', import.meta.url));
const {values: options} = parseArgs({
	options: {
		bin: {type: 'string', default: path.join(root, 'dist/newsread.js')},
		runs: {type: 'string', default: '3'},
		only: {type: 'string'},
		size: {type: 'string', default: '100000'},
		timeout: {type: 'string', default: '180000'},
		// Pastes as a terminal without bracketed paste does: plain text.
		unbracketed: {type: 'boolean', default: false},
		// Writes a CPU profile of each run into this folder (node --cpu-prof).
		profile: {type: 'string'},
	},
});
const runs = Math.max(1, Number(options.runs));
const pasteSize = Number(options.size);
const timeout = Number(options.timeout);

const scratch = mkdtempSync(path.join(tmpdir(), 'newsread-paste-'));
process.on('exit', () => rmSync(scratch, {recursive: true, force: true}));

const sleep = ms => new Promise(resolve => {
	setTimeout(resolve, ms);
});

function childEnv() {
	const env = {...process.env, TERM: 'xterm-256color', NEWSREAD_HOME: mkdtempSync(path.join(scratch, 'home-'))};
	delete env.CI;
	delete env.FORCE_COLOR;
	delete env.NODE_OPTIONS;
	return env;
}

/** `size` characters of words, with a line break (\r, as a terminal pastes it) about every 80 when `lines`. */
function pasteText(size, lines) {
	const words = ['harbour', 'ferry', 'council', 'morning', 'island', 'census', 'storm', 'crossing', 'timetable', 'village'];
	let text = '';
	let line = 0;
	for (let index = 0; text.length < size; index++) {
		const word = words[index % words.length];
		const breakLine = lines && line + word.length > 80;
		text += breakLine ? '\r' : text === '' ? '' : ' ';
		line = breakLine ? 0 : line + 1;
		text += word;
		line += word.length;
	}

	return text.slice(0, size);
}

class Session {
	constructor() {
		this.terminal = new Terminal({cols: 80, rows: 24, allowProposedApi: true});
		this.output = '';
		this.lastData = performance.now();
		this.lastWrite = 0;
		this.exitCode = undefined;
		this.process = pty.spawn(process.execPath, [...(options.profile ? ['--cpu-prof', '--cpu-prof-dir', options.profile] : []), options.bin], {name: 'xterm-256color', cols: 80, rows: 24, cwd: root, env: childEnv()});
		this.process.onData(data => {
			this.output += data;
			this.lastData = performance.now();
			this.terminal.write(data);
		});
		this.process.onExit(({exitCode}) => {
			this.exitCode = exitCode;
		});
	}

	write(keys) {
		this.lastWrite = performance.now();
		this.process.write(keys);
	}

	/** A paste as the terminal sends it: bracketed when newsread asked for it. */
	paste(text) {
		const bracketed = !options.unbracketed && this.output.lastIndexOf('\u001B[?2004h') > this.output.lastIndexOf('\u001B[?2004l');
		this.write(bracketed ? `\u001B[200~${text}\u001B[201~` : text);
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

	async waitFor(predicate, description) {
		const deadline = performance.now() + timeout;
		for (;;) {
			await this.flush();
			if (predicate(this.screen())) {
				return performance.now();
			}

			if (performance.now() > deadline || this.exitCode !== undefined) {
				throw new Error(`Timed out waiting for ${description}. Screen:\n${this.screen()}`);
			}

			await sleep(5);
		}
	}

	async press(keys, quietMs = 150) {
		while (performance.now() - Math.max(this.lastData, this.lastWrite) < quietMs) {
			await sleep(5);
		}

		this.write(keys);
	}

	async quit() {
		// SIGTERM lets a profiled run write its profile.
		this.process.kill(options.profile ? 'SIGTERM' : 'SIGKILL');
		while (this.exitCode === undefined) {
			await sleep(10);
		}

		this.terminal.dispose();
	}
}

async function openFirstArticle(session) {
	await session.waitFor(screen => screen.includes('Science'), 'the sections');
	await session.press('\r');
	await session.waitFor(screen => screen.includes('newsread › World'), 'the headlines');
	await session.press('\r');
	await session.waitFor(screen => /page 1\/\d/.test(screen), 'the first article');
}

const cases = {
	async 'comment, lines'(session) {
		await openFirstArticle(session);
		await session.press('c');
		await session.waitFor(screen => screen.includes('❯ Comment'), 'the reply form');
		await session.press('');
		const start = performance.now();
		session.paste(pasteText(pasteSize, true));
		session.write('\t');
		return (await session.waitFor(screen => screen.includes('❯ Name'), 'the cursor in Name')) - start;
	},
	async 'comment, 1 line'(session) {
		await openFirstArticle(session);
		await session.press('c');
		await session.waitFor(screen => screen.includes('❯ Comment'), 'the reply form');
		await session.press('');
		const start = performance.now();
		session.paste(pasteText(pasteSize, false));
		session.write('\t');
		return (await session.waitFor(screen => screen.includes('❯ Name'), 'the cursor in Name')) - start;
	},
	async search(session) {
		await session.waitFor(screen => screen.includes('Science'), 'the sections');
		await session.press('/');
		await session.waitFor(screen => screen.includes('Search:'), 'the search prompt');
		await session.press('');
		const start = performance.now();
		session.paste(pasteText(pasteSize, false));
		session.write('\u001B');
		return (await session.waitFor(screen => !screen.includes('Search:') && screen.includes('Science'), 'the sections after Esc')) - start;
	},
	async find(session) {
		await openFirstArticle(session);
		await session.press('/');
		await session.waitFor(screen => screen.split('\n').some(line => line.startsWith('/') && line.includes('Esc cancel')), 'the find prompt');
		await session.press('');
		const start = performance.now();
		session.paste(pasteText(pasteSize, false));
		session.write('\u001B');
		return (await session.waitFor(screen => /page 1\/\d/.test(screen), 'the status line after Esc')) - start;
	},
};

console.log(`${options.bin}: ${pasteSize.toLocaleString('en')} characters pasted${options.unbracketed ? ' (unbracketed)' : ''}, ${runs} runs, milliseconds from the paste to the next key's effect on screen`);
for (const [name, run] of Object.entries(cases)) {
	if (options.only && options.only !== name) {
		continue;
	}

	const times = [];
	for (let index = 0; index < runs; index++) {
		const session = new Session();
		try {
			times.push(Math.round(await run(session)));
		} catch (error) {
			times.push(`failed (${error.message.split('\n')[0]})`);
		} finally {
			await session.quit();
		}
	}

	console.log(`${name.padEnd(16)} ${times.join(', ')}`);
}
