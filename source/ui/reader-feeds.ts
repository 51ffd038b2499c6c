// The reader's feeds: the subscriptions with their last problems, the settings' automatic refresh, and
// feed work run in another newsread process, so fetching and extracting never hold up a key.
import type {CommandContext} from '../context.js';
import {DEFAULT_FEED_SETTINGS, feedStateFile, readFeedSettings, readFeedStates, readSubscriptions, subscriptionSection, subscriptionsFile} from '../store/subscriptions.js';
import type {ReaderFeeds} from './App.js';
import type {FeedListing} from './feed-activity.js';
import {childFeedRunner} from './feed-runner.js';

/** The feeds of a reader started by this process's script (the bundle), in the context's environment. */
export function readerFeeds(context: Pick<CommandContext, 'env' | 'reloadLibrary'>): ReaderFeeds {
	return {
		runner: childFeedRunner({script: process.argv[1] ?? '', env: context.env}),
		readFeeds: () => feedListings(context.env),
		reloadLibrary: context.reloadLibrary,
		automatic: automaticRefresh(context.env),
	};
}

/** The subscriptions, each with the section its articles are in and why its last fetch failed. */
export function feedListings(env: Record<string, string | undefined>): FeedListing[] {
	const states = readFeedStates(feedStateFile(env));
	return readSubscriptions(subscriptionsFile(env)).map(feed => {
		const problem = states[feed.url]?.lastError;
		return {url: feed.url, section: subscriptionSection(feed) ?? feed.url, ...(problem === undefined ? {} : {problem})};
	});
}

/** The settings' refresh on start and every N minutes; none while feeds.json is broken (the reader says why). */
export function automaticRefresh(env: Record<string, string | undefined>): ReaderFeeds['automatic'] {
	let settings = DEFAULT_FEED_SETTINGS;
	try {
		settings = readFeedSettings(subscriptionsFile(env));
	} catch {
		// The refresher reads feeds.json too and shows its problem; without settings nothing is automatic.
	}

	return {onStart: settings.refreshOnStart, everyMinutes: settings.refreshEveryMinutes};
}

