// Entry point: runs the command line (source/command-line.ts) with this process's arguments and streams.
import process from 'node:process';
import {runCommandLine} from './command-line.js';

process.exitCode = await runCommandLine({
	argv: process.argv.slice(2),
	stdout: process.stdout,
	stderr: process.stderr,
	stdin: process.stdin,
	env: process.env,
});
