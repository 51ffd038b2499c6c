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
import {tmpdir} from 'node:os';
import path from 'node:path';
import {performance} from 'node:perf_hooks';
import process from 'node:process';
import {parseArgs} from 'node:util';
import {fileURLToPath} from 'node:url';
import {childEnv, Session} from './pty-session.mjs';

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

/** newsread in a pty with a fresh home, profiled into --profile when asked. */
function startNewsread() {
	const profile = options.profile ? ['--cpu-prof', '--cpu-prof-dir', options.profile] : [];
	return new Session(process.execPath, [...profile, options.bin], {env: childEnv(mkdtempSync(path.join(scratch, 'home-')))});
}

/** A paste as the terminal sends it: bracketed when newsread asked for it. */
function paste(session, text) {
	const bracketed = !options.unbracketed && session.output.lastIndexOf('\u001B[?2004h') > session.output.lastIndexOf('\u001B[?2004l');
	session.write(bracketed ? `\u001B[200~${text}\u001B[201~` : text);
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

async function openFirstArticle(session) {
	await session.waitForScreen(screen => screen.includes('Science'), 'the sections', timeout);
	await session.press('\r');
	await session.waitForScreen(screen => screen.includes('newsread › World'), 'the headlines', timeout);
	await session.press('\r');
	await session.waitForScreen(screen => /page 1\/\d/.test(screen), 'the first article', timeout);
}

const cases = {
	async 'comment, lines'(session) {
		await openFirstArticle(session);
		await session.press('c');
		await session.waitForScreen(screen => screen.includes('❯ Comment'), 'the reply form', timeout);
		await session.press('');
		const start = performance.now();
		paste(session, pasteText(pasteSize, true));
		session.write('\t');
		return (await session.waitForScreen(screen => screen.includes('❯ Name'), 'the cursor in Name', timeout)) - start;
	},
	async 'comment, 1 line'(session) {
		await openFirstArticle(session);
		await session.press('c');
		await session.waitForScreen(screen => screen.includes('❯ Comment'), 'the reply form', timeout);
		await session.press('');
		const start = performance.now();
		paste(session, pasteText(pasteSize, false));
		session.write('\t');
		return (await session.waitForScreen(screen => screen.includes('❯ Name'), 'the cursor in Name', timeout)) - start;
	},
	async search(session) {
		await session.waitForScreen(screen => screen.includes('Science'), 'the sections', timeout);
		await session.press('/');
		await session.waitForScreen(screen => screen.includes('Search:'), 'the search prompt', timeout);
		await session.press('');
		const start = performance.now();
		paste(session, pasteText(pasteSize, false));
		session.write('\u001B');
		return (await session.waitForScreen(screen => !screen.includes('Search:') && screen.includes('Science'), 'the sections after Esc', timeout)) - start;
	},
	async find(session) {
		await openFirstArticle(session);
		await session.press('/');
		await session.waitForScreen(screen => screen.split('\n').some(line => line.startsWith('/') && line.includes('Esc cancel')), 'the find prompt', timeout);
		await session.press('');
		const start = performance.now();
		paste(session, pasteText(pasteSize, false));
		session.write('\u001B');
		return (await session.waitForScreen(screen => /page 1\/\d/.test(screen), 'the status line after Esc', timeout)) - start;
	},
};

console.log(`${options.bin}: ${pasteSize.toLocaleString('en')} characters pasted${options.unbracketed ? ' (unbracketed)' : ''}, ${runs} runs, milliseconds from the paste to the next key's effect on screen`);
for (const [name, run] of Object.entries(cases)) {
	if (options.only && options.only !== name) {
		continue;
	}

	const times = [];
	for (let index = 0; index < runs; index++) {
		const session = startNewsread();
		try {
			times.push(Math.round(await run(session)));
		} catch (error) {
			times.push(`failed (${error.message.split('\n')[0]})`);
		} finally {
			await session.stop(options.profile ? 'SIGTERM' : 'SIGKILL');
		}
	}

	console.log(`${name.padEnd(16)} ${times.join(', ')}`);
}
