// The worker side of test/helpers/bundled-worker.ts: a worker says it is ready, then waits for a line on
// standard input, so that two workers start writing at the same moment.
import process from 'node:process';

/** Prints `ready` and resolves when a line arrives on standard input. */
export async function readyThenWait(): Promise<void> {
	process.stdout.write('ready\n');
	await new Promise<void>(resolve => {
		process.stdin.once('data', () => {
			process.stdin.pause();
			resolve();
		});
	});
}
