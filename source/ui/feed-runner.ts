// Feed work for the reader in another process: `newsread refresh --json-lines` and `newsread feeds add
// --json`, run by the same Node and script as the reader. Fetching, parsing and extracting articles then
// never hold up a key, and a refresh killed half way leaves what the store guarantees (no half article).
import {spawn} from 'node:child_process';
import {createInterface} from 'node:readline';
import type {RefreshEvent} from '../feed-refresh.js';
import type {AddOutcome, FeedRunner} from './feed-refresher.js';

export type ChildFeedRunnerOptions = {
	/** The Node that runs newsread. @default process.execPath */
	node?: string;
	/** The newsread script (the bundle). */
	script: string;
	/** The environment of the reader (NEWSREAD_HOME and the rest). */
	env: Record<string, string | undefined>;
};

/** How much of a child's stderr is kept for the message when it fails. */
const STDERR_KEPT = 4096;

export function childFeedRunner({node = process.execPath, script, env}: ChildFeedRunnerOptions): FeedRunner {
	const run = async (args: readonly string[], onLine: (line: string) => void, signal: AbortSignal): Promise<number> => new Promise((resolve, reject) => {
		const child = spawn(node, [script, ...args], {env, stdio: ['ignore', 'pipe', 'pipe']});
		let stderr = '';
		child.stderr.setEncoding('utf8');
		child.stderr.on('data', (chunk: string) => {
			stderr = (stderr + chunk).slice(-STDERR_KEPT);
		});
		createInterface({input: child.stdout, crlfDelay: Infinity}).on('line', onLine);
		const abort = () => child.kill('SIGTERM');
		signal.addEventListener('abort', abort, {once: true});
		child.on('error', error => {
			signal.removeEventListener('abort', abort);
			reject(error);
		});
		child.on('close', (code, killedBy) => {
			signal.removeEventListener('abort', abort);
			// 0: every feed fetched; 1: some failed, each said in its own line. Anything else: it could not run.
			if (code === 0 || code === 1) {
				resolve(code);
			} else {
				reject(new Error(lastLine(stderr) ?? (killedBy ? `stopped by ${killedBy}` : `exit code ${code}`)));
			}
		});
	});

	return {
		async refresh(urls, onEvent, signal) {
			await run(['refresh', '--json-lines', ...(urls ?? [])], line => {
				const event = parseLine<RefreshEvent>(line);
				if (event !== undefined) {
					onEvent(event);
				}
			}, signal);
		},
		async add(url, signal) {
			let output = '';
			await run(['feeds', 'add', '--json', '--', url], line => {
				output += `${line}\n`;
			}, signal);
			const outcome = parseLine<{subscribed: AddOutcome['subscribed'] | null} & AddOutcome['report']>(output);
			if (outcome === undefined) {
				throw new Error('newsread feeds add gave no answer.');
			}

			const {subscribed, ...report} = outcome;
			return {...(subscribed ? {subscribed} : {}), report};
		},
	};
}

function parseLine<T>(text: string): T | undefined {
	try {
		return JSON.parse(text) as T;
	} catch {
		return undefined;
	}
}

function lastLine(text: string): string | undefined {
	return text.trim().split('\n').at(-1)?.replace(/^newsread: /, '') || undefined;
}
