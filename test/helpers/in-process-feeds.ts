// The reader's feeds for UI tests, in the test process: the same `newsread refresh --json-lines` and
// `newsread feeds add --json` the reader runs in another process, run here by runCommandLine with
// NEWSREAD_HOME a temporary folder; the library is the sample articles and that home's feed articles.
import {Readable} from 'node:stream';
import {runCommandLine} from '../../source/command-line.js';
import type {Output} from '../../source/context.js';
import {type Library, loadLibrary} from '../../source/core/library.js';
import type {RefreshEvent} from '../../source/feed-refresh.js';
import {bundledArticlesDir, feedArticlesFolder} from '../../source/store/paths.js';
import type {ReaderFeeds} from '../../source/ui/App.js';
import type {AddOutcome, FeedRunner} from '../../source/ui/feed-refresher.js';
import {automaticRefresh, feedListings} from '../../source/ui/reader-feeds.js';
import {fakeOutput} from './command-context.js';

export type InProcessFeeds = {
	/** What the App is given. */
	feeds: ReaderFeeds;
	/** The library as it is now on disk (the App's first library). */
	loadLibrary: () => Library;
	/** Resolves when no feed work is running (a test ends only after its refreshes, whose files it removes). */
	idle: () => Promise<void>;
};

/** An output that hands over each whole line as soon as it is written. */
function lineOutput(onLine: (line: string) => void): Output {
	let pending = '';
	return {
		write(text: string | Uint8Array) {
			pending += typeof text === 'string' ? text : Buffer.from(text).toString('utf8');
			const lines = pending.split('\n');
			pending = lines.pop() ?? '';
			for (const line of lines) {
				onLine(line);
			}

			return true;
		},
	};
}

/** Feeds of a reader whose NEWSREAD_HOME is `home`, with the settings of its feeds.json. */
export function inProcessFeeds(home: string): InProcessFeeds {
	const env = {NEWSREAD_HOME: home};
	const running = new Set<Promise<unknown>>();
	const track = async <T>(work: Promise<T>): Promise<T> => {
		running.add(work);
		try {
			return await work;
		} finally {
			running.delete(work);
		}
	};

	const newsread = async (argv: string[], stdout: Output): Promise<void> => {
		const stderr = fakeOutput();
		const code = await runCommandLine({argv, stdout, stderr, stdin: Readable.from([]), env});
		// 0: every feed fetched, 1: some failed (said in their own reports); anything else: it could not run.
		if (code !== 0 && code !== 1) {
			throw new Error(stderr.text.trim().replace(/^newsread: /, '') || `exit code ${code}`);
		}
	};

	const runner: FeedRunner = {
		async refresh(urls, onEvent) {
			await track(newsread(['refresh', '--json-lines', ...(urls ?? [])], lineOutput(line => {
				onEvent(JSON.parse(line) as RefreshEvent);
			})));
		},
		async add(url) {
			const stdout = fakeOutput();
			await track(newsread(['feeds', 'add', '--json', '--', url], stdout));
			const {subscribed, ...report} = JSON.parse(stdout.text) as {subscribed: AddOutcome['subscribed'] | null} & AddOutcome['report'];
			return {...(subscribed ? {subscribed} : {}), report};
		},
	};

	const load = () => loadLibrary([{path: bundledArticlesDir()}, {path: feedArticlesFolder(env), required: false}]);
	return {
		feeds: {runner, readFeeds: () => feedListings(env), reloadLibrary: load, automatic: automaticRefresh(env)},
		loadLibrary: load,
		async idle() {
			while (running.size > 0) {
				await Promise.allSettled([...running]);
			}
		},
	};
}
