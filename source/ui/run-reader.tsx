// Starts the interactive reader: checks for a terminal, enters the full screen, renders <App>, and
// restores the terminal on every way out (q, Ctrl+C, SIGINT, SIGQUIT, SIGTERM, SIGHUP, a crash).
import {spawnSync} from 'node:child_process';
import {appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import process from 'node:process';
import chalk from 'chalk';
import {render} from 'ink';
import {type CommandContext, exitCode} from '../context.js';
import {glyphsFor} from '../glyphs.js';
import {openStores} from '../store/open-stores.js';
import {dataDir, makePrivateFolder} from '../store/paths.js';
import {App} from './App.js';
import {readerFeeds} from './reader-feeds.js';
import {filteredStdin} from './keyboard-input.js';
import {fullHeightStdout} from './full-height-stdout.js';
import {startFullScreen, type TerminalSession} from './terminal.js';
import {chooseTerminalStyle} from './theme.js';
import {hyperlinksWanted} from '../hyperlinks.js';
import {colourOnTerminal} from '../theme.js';

const notATerminal = `newsread: the reader needs a terminal, but standard input or output is not one.
For scripts and pipes use:
  newsread list [--section NAME] [--json]   headlines
  newsread read <id>                        one article as text
Run "newsread --help" for every command.
`;

/**
 * Colours when the terminal has them and the user wants them, else bold, underline and inverse only;
 * the glyphs of the locale; links as OSC 8 hyperlinks where the terminal shows them. Ink's chalk draws no attribute at its level 0 (TERM=dumb, a terminal
 * chalk does not know), so it is raised to 1 for them: the full screen moves the cursor anyway.
 */
function chooseReaderStyle(env: Record<string, string | undefined>, stdout: {isTTY?: boolean}): void {
	const colour = colourOnTerminal(env, chalk.level);
	chooseTerminalStyle({colour, glyphs: glyphsFor(env), hyperlinks: hyperlinksWanted(stdout, env)});
	if (!colour && chalk.level === 0) {
		chalk.level = 1;
	}
}

/** How long quitting keeps trying to save reading state that another newsread's lock holds up. */
const QUIT_SAVE_BUDGET_MS = 30_000;

export async function runReader(context: CommandContext): Promise<number> {
	if (!process.stdin.isTTY || !process.stdout.isTTY) {
		context.stderr.write(notATerminal);
		return exitCode.usage;
	}

	chooseReaderStyle(context.env, context.stdout);
	// The first frame shows what the index holds; App checks the files after it and shows what changed.
	const library = context.indexedLibrary();
	const logFile = path.join(dataDir(context.env), 'newsread.log');
	let saveError = 'Could not save reading state.';
	const {reading, comments, notices} = openStores({
		env: context.env,
		onError(message) {
			saveError = message;
			log(logFile, message);
		},
	});
	// On the way out, changes still unsaved are tried for a while (another newsread may hold the lock); the user is told if that fails.
	const saveBeforeExit = async () => reading.flush({retryForMs: QUIT_SAVE_BUDGET_MS});
	const reportUnsaved = (saved: boolean) => {
		if (!saved) {
			context.stderr.write(`newsread: ${saveError}\n`);
		}
	};
	const session = startFullScreen(process.stdout, process.stdin);
	const crash = (error: unknown) => {
		session.restore();
		reportCrash(error, logFile);
		// Whatever the reader changed is still written, but a broken store must not hold up the exit.
		const exit = () => process.exit(exitCode.failure);
		setTimeout(exit, 2000).unref();
		void reading.flush().finally(exit);
	};

	// Exit as a shell expects after a signal: 128 + its number. Without a handler of ours, Ink's
	// signal-exit would end the process by the signal itself, on the alternate screen.
	// The screens are closed first, so what they hold is kept as on a quit (an unfinished comment
	// becomes its draft); the way out after waitUntilExit below then saves and exits with the code.
	let endedBySignal: number | undefined;
	let closeScreens = (): boolean => false;
	const endAfterSignal = async (code: number) => {
		const saved = await saveBeforeExit();
		session.restore();
		reportUnsaved(saved);
		process.exit(code);
	};

	const onSignal = (code: number, {ignoredInEditor = false} = {}) => () => {
		if ((ignoredInEditor && session.ignoresInterrupts()) || endedBySignal !== undefined) {
			return;
		}

		endedBySignal = code;
		// After a hang-up the terminal is gone: Ink's last frame may fail to write, which no longer matters.
		process.stdout.on('error', () => {});
		if (!closeScreens()) {
			void endAfterSignal(code);
		}
	};

	process.on('SIGTERM', onSignal(143));
	process.on('SIGHUP', onSignal(129));
	// Ctrl+C and Ctrl+\ typed in $EDITOR reach newsread as well: they are the editor's.
	process.on('SIGINT', onSignal(130, {ignoredInEditor: true}));
	process.on('SIGQUIT', onSignal(131, {ignoredInEditor: true}));
	process.on('uncaughtException', crash);
	process.on('unhandledRejection', crash);
	try {
		let redraw = () => {};
		const editText = (text: string) => editInExternalEditor(text, context.env, session, () => redraw());
		const feeds = readerFeeds(context);
		const instance = render(
			<App library={library} checkLibrary={context.checkLibrary} reading={reading} comments={comments} openUrl={openInBrowser} editText={editText} feeds={feeds} startMessage={[...notices, problemsMessage(library.problems.length)].filter(Boolean).join(' ') || undefined} />,
			// 60 frames a second: at Ink's default 30, a key pressed within 34 ms of the last frame waits for the next.
			{exitOnCtrlC: true, patchConsole: true, stdin: filteredStdin(process.stdin), stdout: fullHeightStdout(process.stdout), maxFps: 60},
		);
		redraw = () => instance.clear();
		closeScreens = () => {
			try {
				instance.unmount();
				return true;
			} catch {
				return false;
			}
		};

		await instance.waitUntilExit();
		if (endedBySignal !== undefined) {
			await endAfterSignal(endedBySignal);
		}

		const saved = await saveBeforeExit();
		session.restore();
		reportUnsaved(saved);
		return saved ? exitCode.ok : exitCode.failure;
	} catch (error) {
		session.restore();
		reportCrash(error, logFile);
		return exitCode.failure;
	} finally {
		session.restore();
	}
}

/** Writes `text` to a temporary file, runs $VISUAL/$EDITOR on it (as git does, through sh), reads it back. */
async function editInExternalEditor(text: string, env: Record<string, string | undefined>, session: TerminalSession, redraw: () => void): Promise<string> {
	const editor = (env['VISUAL'] ?? env['EDITOR'] ?? 'vi').trim() || 'vi';
	const dir = mkdtempSync(path.join(tmpdir(), 'newsread-comment-'));
	const file = path.join(dir, 'comment.txt');
	try {
		writeFileSync(file, text, {mode: 0o600});
		const result = session.suspend(() => spawnSync('/bin/sh', ['-c', `${editor} "$1"`, 'sh', file], {stdio: 'inherit', env: process.env}));
		// The editor drew over the screen: Ink must draw the whole frame again.
		redraw();
		if (result.error) {
			throw result.error;
		}

		if (result.status !== 0) {
			throw new Error(result.signal ? `${editor} was stopped by ${result.signal}` : `${editor} exited with code ${result.status}`);
		}

		return readFileSync(file, 'utf8');
	} finally {
		rmSync(dir, {recursive: true, force: true});
	}
}

function problemsMessage(count: number): string | undefined {
	return count === 0 ? undefined : `${count} article ${count === 1 ? 'file' : 'files'} could not be loaded: run newsread doctor`;
}

async function openInBrowser(url: string): Promise<void> {
	// Loaded when first used: it probes the system (WSL, containers) as it loads.
	const {default: open} = await import('open');
	const child = await open(url);
	await new Promise<void>((resolve, reject) => {
		child.once('error', reject);
		child.once('spawn', resolve);
	});
}

function log(logFile: string, message: string): void {
	try {
		makePrivateFolder(path.dirname(logFile));
		// The log holds paths and messages about the user's files: theirs alone, like the state and the comments.
		appendFileSync(logFile, `${new Date().toISOString()} ${message}\n`, {mode: 0o600});
	} catch {
		// Logging must never break reading.
	}
}

/** A short message on the restored screen; the stack goes to the log, not over the user's shell. */
function reportCrash(error: unknown, logFile: string): void {
	const message = error instanceof Error ? error.message : String(error);
	log(logFile, error instanceof Error ? (error.stack ?? message) : message);
	process.stderr.write(`newsread stopped because of an error: ${message}\nDetails are in ${logFile}\n`);
}
