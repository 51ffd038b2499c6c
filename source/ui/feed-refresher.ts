// Feed work for the reader, off the keystroke path: refreshes (r, R, on start, every N minutes) and new
// subscriptions (a) run through a FeedRunner (another process in the reader), one refresh at a time;
// their progress is an external store the screens subscribe to, and the library is reloaded as new
// articles arrive (at most once a second) and when the work ends.
import type {FeedReportJson, RefreshEvent} from '../feed-refresh.js';
import {type FeedActivity, type FeedActivityAction, feedActivity, type FeedListing, idleActivity, jobProgress, refreshSummary} from './feed-activity.js';

/** What came of subscribing: the subscription (none when the address gave no feed) and its first refresh. */
export type AddOutcome = {
	subscribed?: {url: string; title: string | null; section: string | null};
	report: FeedReportJson;
};

/** Runs feed work somewhere (another process, or in this one for tests); rejects only when it could not run at all. */
export type FeedRunner = {
	/** Refreshes every feed that is due, or the named ones now, telling each event as it comes. */
	refresh: (urls: readonly string[] | undefined, onEvent: (event: RefreshEvent) => void, signal: AbortSignal) => Promise<void>;
	/** Subscribes to an address (a feed, or a page that names one) and stores its articles. */
	add: (url: string, signal: AbortSignal) => Promise<AddOutcome>;
};

export type FeedRefresherOptions = {
	runner: FeedRunner;
	/** The subscriptions as stored, with their last problems; throws a sentence when the file is broken. */
	readFeeds: () => FeedListing[];
	/** New or changed articles were stored: load the library again. */
	onArticlesChanged: () => void;
	/** A message for the status line when work ends or cannot start. */
	notify: (message: string) => void;
	/** Shortest time between two library reloads while work goes on, in ms (longer when a reload is slow). @default 1000 */
	reloadEveryMs?: number;
	/** The clock that times a reload, in ms. @default performance.now */
	clock?: () => number;
};

export type FeedRefresher = {
	/** Refreshes the named feeds now, or (none named) every feed that is due. Says so when a refresh is already running. */
	refresh: (urls?: readonly string[]) => void;
	/** Subscribes to an address in the background. */
	add: (url: string) => void;
	/** Starts a refresh of every due feed now (when asked) and every `minutes` while open (0: never). */
	refreshAutomatically: (settings: {onStart: boolean; everyMinutes: number}) => void;
	subscribe: (listener: () => void) => () => void;
	snapshot: () => FeedActivity;
	/** The status line text while work is under way. */
	progress: () => string | undefined;
	/** Stops the work under way (the reader is quitting) and the timer. */
	dispose: () => void;
};

export function createFeedRefresher(options: FeedRefresherOptions): FeedRefresher {
	const {runner, notify, reloadEveryMs = 1000, clock = () => performance.now()} = options;
	let state: FeedActivity = idleActivity;
	let refreshing = false;
	/** The addresses being subscribed to, the latest last. */
	const adding: string[] = [];
	const listeners = new Set<() => void>();
	const controller = new AbortController();
	let reloadTimer: NodeJS.Timeout | undefined;
	let changedSinceReload = false;
	let automatic: NodeJS.Timeout | undefined;

	const update = (action: FeedActivityAction) => {
		state = feedActivity(state, action);
		for (const listener of listeners) {
			listener();
		}
	};

	const readFeeds = () => {
		try {
			update({type: 'feeds', feeds: options.readFeeds()});
		} catch (error) {
			// Not from within the render that creates the refresher.
			queueMicrotask(() => notify((error as Error).message));
		}
	};

	// A large library takes a while to load, and keys wait meanwhile: the reloads while work goes on
	// are spaced to at least ten times as long as the last one took, so they hold up keys at most a tenth of the time.
	let reloadGapMs = reloadEveryMs;
	const reloadNow = () => {
		clearTimeout(reloadTimer);
		reloadTimer = undefined;
		if (changedSinceReload && !controller.signal.aborted) {
			changedSinceReload = false;
			const started = clock();
			options.onArticlesChanged();
			reloadGapMs = Math.max(reloadEveryMs, 10 * (clock() - started));
		}
	};

	const articlesChanged = () => {
		changedSinceReload = true;
		reloadTimer ??= setTimeout(reloadNow, reloadGapMs);
	};

	const onEvent = (event: RefreshEvent) => {
		update({type: 'event', event});
		if (event.type === 'feed' && event.new + event.updated > 0) {
			articlesChanged();
		}
	};

	/** After a refresh or a subscription ends: what is still under way shows (a subscription once no refresh is), and the library and feeds are read again. */
	const settle = () => {
		if (!refreshing) {
			update(adding.length > 0 ? {type: 'started', kind: 'add', url: adding.at(-1)!} : {type: 'finished'});
		}

		reloadNow();
		readFeeds();
	};

	const refresh = (urls?: readonly string[]) => {
		if (refreshing) {
			notify(`A refresh is under way: ${jobProgress(state.job!)}.`);
			return;
		}

		refreshing = true;
		update({type: 'started', kind: 'refresh'});
		void runner.refresh(urls, onEvent, controller.signal).then(
			() => {
				const {job} = state;
				finish();
				if (job !== undefined && !controller.signal.aborted) {
					notify(refreshSummary(job));
				}
			},
			(error: unknown) => {
				finish();
				notify(`The refresh failed: ${(error as Error).message}`);
			},
		);
		function finish() {
			refreshing = false;
			settle();
		}
	};

	readFeeds();
	return {
		refresh,
		add(url) {
			adding.push(url);
			if (!refreshing) {
				update({type: 'started', kind: 'add', url});
			}

			void runner.add(url, controller.signal).then(
				({subscribed, report}) => {
					if (report.new + report.updated > 0) {
						articlesChanged();
					}

					done();
					notify(addSummary(url, {...(subscribed ? {subscribed} : {}), report}));
				},
				(error: unknown) => {
					done();
					notify(`Could not subscribe to ${url}: ${(error as Error).message}`);
				},
			);
			function done() {
				adding.splice(adding.indexOf(url), 1);
				settle();
			}
		},
		refreshAutomatically({onStart, everyMinutes}) {
			clearInterval(automatic);
			if (onStart) {
				refresh();
			}

			if (everyMinutes > 0) {
				automatic = setInterval(() => {
					// A refresh still running when the next is due is not doubled; each feed still waits for its own ttl.
					if (!refreshing) {
						refresh();
					}
				}, everyMinutes * 60_000);
				automatic.unref();
			}
		},
		subscribe(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		snapshot: () => state,
		progress: () => (state.job === undefined ? undefined : jobProgress(state.job)),
		dispose() {
			controller.abort();
			clearTimeout(reloadTimer);
			clearInterval(automatic);
		},
	};
}

/** What subscribing says: `Subscribed to Marrowick Gazette: 42 articles.` (and the section when it is not named after the feed). */
function addSummary(url: string, {subscribed, report}: AddOutcome): string {
	if (subscribed === undefined) {
		return `Not subscribed to ${url}: ${report.error ?? 'no feed there.'}`;
	}

	const name = subscribed.title ?? subscribed.url;
	const where = subscribed.section === null || subscribed.section === name ? '' : ` in ${subscribed.section}`;
	return `Subscribed to ${name}: ${report.new} ${report.new === 1 ? 'article' : 'articles'}${where}.${report.error ? ` ${report.error}` : ''}`;
}

/** The runner of a reader given no feeds (tests that do not need them): no feeds to refresh, none can be added. */
export const noFeedRunner: FeedRunner = {
	async refresh(_urls, onEvent) {
		onEvent({type: 'start', total: 0});
	},
	async add(url) {
		return {report: {url, title: null, status: 'failed', new: 0, updated: 0, removed: 0, httpStatus: null, ms: 0, error: 'Feeds cannot be fetched in this session.'}};
	},
};
