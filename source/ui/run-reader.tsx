// Starts the interactive reader: checks for a terminal, enters the full screen, renders <App>, and
// restores the terminal on every way out (q, Ctrl+C, SIGTERM, a crash).
import {appendFileSync, mkdirSync} from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import {render} from 'ink';
import open from 'open';
import {type CommandContext, exitCode} from '../commands/context.js';
import {createMemoryReadingState} from '../store/reading-state.js';
import {dataDir} from '../store/paths.js';
import {App} from './App.js';
import {startFullScreen} from './terminal.js';

const notATerminal = `newsread: the reader needs a terminal, but standard input or output is not one.
For scripts and pipes use:
  newsread list [--section NAME] [--json]   headlines
  newsread read <id>                        one article as text
Run "newsread --help" for every command.
`;

export async function runReader(context: CommandContext): Promise<number> {
	if (!process.stdin.isTTY || !process.stdout.isTTY) {
		context.stderr.write(notATerminal);
		return exitCode.usage;
	}

	const library = context.library();
	const reading = createMemoryReadingState();
	const logFile = path.join(dataDir(context.env), 'newsread.log');
	const session = startFullScreen(process.stdout, process.stdin);
	const crash = (error: unknown) => {
		session.restore();
		reportCrash(error, logFile);
		process.exit(exitCode.failure);
	};

	const onSignal = () => {
		reading.flush();
		session.restore();
		process.exit(130);
	};

	process.on('SIGTERM', onSignal);
	process.on('SIGHUP', onSignal);
	process.on('uncaughtException', crash);
	process.on('unhandledRejection', crash);
	try {
		const instance = render(
			<App library={library} reading={reading} openUrl={openInBrowser} startMessage={problemsMessage(library.problems.length)} />,
			{exitOnCtrlC: true, patchConsole: true},
		);
		await instance.waitUntilExit();
		reading.flush();
		return exitCode.ok;
	} catch (error) {
		session.restore();
		reportCrash(error, logFile);
		return exitCode.failure;
	} finally {
		session.restore();
	}
}

function problemsMessage(count: number): string | undefined {
	return count === 0 ? undefined : `${count} article ${count === 1 ? 'file' : 'files'} could not be loaded: run newsread doctor`;
}

async function openInBrowser(url: string): Promise<void> {
	const child = await open(url);
	await new Promise<void>((resolve, reject) => {
		child.once('error', reject);
		child.once('spawn', resolve);
	});
}

/** A short message on the restored screen; the stack goes to the log, not over the user's shell. */
function reportCrash(error: unknown, logFile: string): void {
	const message = error instanceof Error ? error.message : String(error);
	try {
		mkdirSync(path.dirname(logFile), {recursive: true});
		appendFileSync(logFile, `${new Date().toISOString()} ${error instanceof Error ? error.stack : message}\n`);
		process.stderr.write(`newsread stopped because of an error: ${message}\nDetails are in ${logFile}\n`);
	} catch {
		process.stderr.write(`newsread stopped because of an error: ${message}\n`);
	}
}
