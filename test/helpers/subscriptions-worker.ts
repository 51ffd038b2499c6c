// A separate newsread-like process that changes the subscriptions and the fetch state, for
// test/unit/subscriptions.test.ts (bundled with esbuild there so plain `node` runs it).
//
//   add <file> <count> <tag>     subscribes to https://<tag>.example.org/feed/<i>, one update each
//   state <file> <count> <tag>   records a fetch of https://<tag>.example.org/feed/<i>, one update each
//
// It prints `ready`, waits for a line on standard input (so both workers start writing together),
// prints `ack <url>` after each update returned and `done` at the end.
import process from 'node:process';
import {readyThenWait} from './start-signal.js';
import {updateFeedStates, updateSubscriptions, withSubscription} from '../../source/store/subscriptions.js';

const [command, file, count, tag] = process.argv.slice(2);
if (!file || !count || !tag || (command !== 'add' && command !== 'state')) {
	process.stderr.write('usage: subscriptions-worker add|state <file> <count> <tag>\n');
	process.exit(2);
}

await readyThenWait();

for (let index = 0; index < Number(count); index++) {
	const url = `https://${tag}.example.org/feed/${index}`;
	if (command === 'add') {
		await updateSubscriptions(file, feeds => withSubscription(feeds, {url, title: `${tag} ${index}`, fullText: 'auto', added: new Date().toISOString()}));
	} else {
		await updateFeedStates(file, states => ({...states, [url]: {etag: `"${tag}-${index}"`, lastChecked: new Date().toISOString()}}));
	}

	process.stdout.write(`ack ${url}\n`);
}

process.stdout.write('done\n');
