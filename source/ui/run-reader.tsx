// Starts the interactive reader: checks for a terminal, enters the full screen, renders <App>.
import process from 'node:process';
import {render} from 'ink';
import {type CommandContext, exitCode} from '../commands/context.js';
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
	const session = startFullScreen(process.stdout, process.stdin);
	const onSignal = () => {
		session.restore();
		process.exit(130);
	};

	process.once('SIGTERM', onSignal);
	process.once('SIGHUP', onSignal);
	try {
		const instance = render(<App library={library} />, {exitOnCtrlC: true, patchConsole: true});
		await instance.waitUntilExit();
		return exitCode.ok;
	} finally {
		session.restore();
	}
}
