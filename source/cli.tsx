// Entry point: runs the command line (source/command-line.ts) with this process's arguments and streams.
import process from 'node:process';
import {runCommandLine} from './command-line.js';
import {endQuietlyOnOutputErrors} from './output-errors.js';

// The reader needs a terminal for its output and takes care of it; a command's output may be a pipe or a file.
if (!process.stdout.isTTY) {
	endQuietlyOnOutputErrors({stdout: process.stdout, stderr: process.stderr, exit: code => process.exit(code)});
}

// No top-level await: the bundle is CommonJS (see launcher.ts).
void runCommandLine({
	argv: process.argv.slice(2),
	stdout: process.stdout,
	stderr: process.stderr,
	stdin: process.stdin,
	env: process.env,
}).then(code => {
	process.exitCode = code;
});
