// Refreshing feeds: each subscription fetched (conditionally, never sooner than it asks), its items
// turned into Markdown (the linked page's article where the feed gives a teaser) and stored as
// articles, its fetch state kept. Shared by `newsread feeds add`, `newsread refresh` and the reader.
import {decodeBody} from './feeds/decode-body.js';
import {extractArticle} from './feeds/extract-article.js';
import type {FeedItem} from './feeds/feed-types.js';
import {fetchResource} from './feeds/fetch.js';
import {type FeedFetchOutcome, fetchFeed, isDue} from './feeds/fetch-feed.js';
import {createHostLimiter} from './feeds/host-limiter.js';
import {htmlToMarkdown} from './feeds/html-to-markdown.js';
import {isTeaser} from './feeds/teaser.js';
import {guidHash, readStoredItems, type StorableFeedItem, type StoredItems, storeFeedItems} from './store/feed-articles.js';
import {feedArticlesFolder} from './store/paths.js';
import {
	feedStateFile,
	type FeedFetchState,
	type FullTextMode,
	readFeedStates,
	readSubscriptions,
	type Subscription,
	subscriptionsFile,
	updateFeedStates,
	updateSubscriptions,
	withSubscription,
} from './store/subscriptions.js';

/** What came of refreshing one feed, as `refresh --json` prints it. */
export type FeedReport = {
	url: string;
	title?: string;
	/** `skipped`: the feed asked not to be fetched again yet (its ttl, Cache-Control or Retry-After). */
	status: 'ok' | 'not-modified' | 'failed' | 'skipped';
	/** Articles stored for the first time. */
	new: number;
	/** Articles rewritten in place because the feed changed them. */
	updated: number;
	httpStatus?: number;
	ms: number;
	/** Why it failed, one sentence. */
	error?: string;
};

export type RefreshOptions = {
	env: Record<string, string | undefined>;
	/** Only these subscriptions (by URL as stored); all when absent. */
	urls?: readonly string[];
	/** Fetch even a feed that asked to wait. @default false */
	force?: boolean;
	/** Told after each feed, with how many are done of how many. */
	onFeed?: (report: FeedReport, done: number, total: number) => void;
	/** The clock (ms). @default Date.now */
	now?: () => number;
	/** Timeout of each request, in ms. */
	timeoutMs?: number;
};

/** At most this many linked pages fetched for full text per feed and refresh (the first items in the feed, usually its newest). */
const MAX_FULL_TEXT_PAGES = 50;

const limiter = createHostLimiter({perHost: 2, total: 8});

/** Refreshes the subscriptions (all, or those named); one failing never stops the others. */
export async function refreshFeeds(options: RefreshOptions): Promise<FeedReport[]> {
	const subscriptions = readSubscriptions(subscriptionsFile(options.env));
	const chosen = options.urls === undefined ? subscriptions : subscriptions.filter(feed => options.urls!.includes(feed.url));
	const states = readFeedStates(feedStateFile(options.env));
	let done = 0;
	return Promise.all(chosen.map(async subscription => {
		const report = await refreshOne(subscription, states[subscription.url], options);
		done++;
		options.onFeed?.(report, done, chosen.length);
		return report;
	}));
}

/** Fetches a feed that is not subscribed yet and, when it can be read, subscribes to it and stores its articles. */
export async function subscribe(url: string, settings: {section?: string; fullText: FullTextMode}, options: RefreshOptions): Promise<{report: FeedReport; subscription?: Subscription}> {
	const now = options.now ?? Date.now;
	const outcome = await limiter.run(url, async () => fetchFeed(url, undefined, {now, ...timeout(options)}));
	if (outcome.status !== 'ok' || outcome.feed === undefined) {
		return {report: {url, status: 'failed', new: 0, updated: 0, ms: outcome.ms, ...status(outcome), error: outcome.error ?? 'The feed sent nothing.'}};
	}

	const subscription: Subscription = {
		url: outcome.feedUrl,
		title: outcome.feed.title,
		...(settings.section === undefined ? {} : {section: settings.section}),
		fullText: settings.fullText,
		...(outcome.feed.link === undefined ? {} : {link: outcome.feed.link}),
		added: new Date(now()).toISOString(),
	};
	await updateSubscriptions(subscriptionsFile(options.env), feeds => withSubscription(feeds, subscription));
	const report = await storeOutcome(subscription, outcome, options);
	return {report, subscription};
}

async function refreshOne(subscription: Subscription, state: FeedFetchState | undefined, options: RefreshOptions): Promise<FeedReport> {
	const now = options.now ?? Date.now;
	if (!options.force && !isDue(state, now())) {
		return {url: subscription.url, ...title(subscription), status: 'skipped', new: 0, updated: 0, ms: 0};
	}

	try {
		const outcome = await limiter.run(subscription.url, async () => fetchFeed(subscription.url, state, {now, ...timeout(options)}));
		return await storeOutcome(subscription, outcome, options);
	} catch (error) {
		// A store that cannot be written (a full disk) is this feed's failure, not the others'.
		return {url: subscription.url, ...title(subscription), status: 'failed', new: 0, updated: 0, ms: 0, error: (error as Error).message};
	}
}

/** Stores what a fetch brought: the articles, the fetch state, and a moved or newly titled subscription. */
async function storeOutcome(subscription: Subscription, outcome: FeedFetchOutcome, options: RefreshOptions): Promise<FeedReport> {
	let current = subscription;
	if (outcome.feedUrl !== subscription.url || (outcome.feed !== undefined && subscription.title === undefined)) {
		// A permanent redirect (or a page that named its feed) moves the subscription to the feed's address.
		current = {...subscription, url: outcome.feedUrl, ...(subscription.title === undefined && outcome.feed ? {title: outcome.feed.title} : {})};
		await updateSubscriptions(subscriptionsFile(options.env), feeds => withSubscription(feeds.filter(feed => feed.url !== subscription.url), current));
	}

	await updateFeedStates(feedStateFile(options.env), states => {
		const next = {...states, [current.url]: outcome.newState};
		if (current.url !== subscription.url) {
			delete next[subscription.url];
		}

		return next;
	});

	const base = {url: current.url, ...title(current), ms: outcome.ms, ...status(outcome)};
	if (outcome.status !== 'ok' || outcome.feed === undefined) {
		return {...base, status: outcome.status, new: 0, updated: 0, ...(outcome.error === undefined ? {} : {error: outcome.error})};
	}

	const folder = feedArticlesFolder(options.env);
	// One walk of the folder serves both: which items need their page, and where each stored one is.
	const storedItems = readStoredItems(folder, options.now ? {now: options.now} : {});
	const items = await storableItems(current, outcome.feed.items, storedItems, options);
	const formerUrls = current.url === subscription.url ? [] : [subscription.url];
	const stored = storeFeedItems(folder, {url: current.url, section: current.section ?? outcome.feed.title}, items, {formerUrls, stored: storedItems, ...(options.now ? {now: options.now} : {})});
	return {...base, status: 'ok', new: stored.added, updated: stored.updated};
}

/**
 * The items as articles to store. An item whose feed gives only a teaser (or every item, with
 * `fullText: always`) gets the article of its linked page, fetched once: an item stored before is
 * left as it is, so its full text is not fetched again nor replaced by the teaser.
 */
async function storableItems(subscription: Subscription, items: readonly FeedItem[], stored: StoredItems, options: RefreshOptions): Promise<StorableFeedItem[]> {
	const wanted = (item: FeedItem) => item.link !== undefined && subscription.fullText !== 'never'
		&& (subscription.fullText === 'always' || isTeaser(item.contentHtml, item.summary));
	let pages = 0;
	// By position, so the feed's order is kept whatever order the pages come back in.
	const result: Array<StorableFeedItem | undefined> = Array.from({length: items.length});
	await Promise.all(items.map(async (item, index) => {
		const own = feedMarkdown(item);
		if (!wanted(item)) {
			result[index] = {...item, markdown: own};
		} else if (!stored.has(guidHash(item.guid, subscription.url))) {
			let full: string | undefined;
			if (pages < MAX_FULL_TEXT_PAGES) {
				pages++;
				full = await fullText(item.link!, options);
			}

			result[index] = {...item, markdown: full === undefined ? own : withoutTitleHeading(full, item.title)};
		}
	}));
	return result.filter(item => item !== undefined);
}

/** Words of a text, lower case, for comparing a heading with a title. */
function words(text: string): string {
	return text.toLowerCase().replaceAll(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** The Markdown without a first subheading that repeats the article's title (a page's own `<h1>`): the reader shows the title already. */
function withoutTitleHeading(markdown: string, title: string): string {
	const match = /^\s*#{1,6} +([^\n]*)\n+/.exec(markdown);
	const heading = match?.[1];
	return heading !== undefined && words(heading) !== '' && words(title).startsWith(words(heading)) ? markdown.slice(match![0].length) : markdown;
}

/** The item's own body as Markdown: its HTML content, else its summary. */
function feedMarkdown(item: FeedItem): string {
	if (item.contentHtml !== undefined && item.contentHtml.trim() !== '') {
		return htmlToMarkdown(item.contentHtml, item.link);
	}

	return item.summary ?? '';
}

/** The article of a linked page as Markdown, or undefined when it cannot be fetched or found. */
async function fullText(link: string, options: RefreshOptions): Promise<string | undefined> {
	const page = await limiter.run(link, async () => fetchResource(link, {kind: 'page', ...timeout(options), ...(options.now ? {now: options.now} : {})}));
	if (page.status !== 'ok') {
		return undefined;
	}

	try {
		return extractArticle(decodeBody(page.body, page.contentType), page.finalUrl)?.markdown;
	} catch {
		return undefined;
	}
}

function title(subscription: Subscription): {title?: string} {
	return subscription.title === undefined ? {} : {title: subscription.title};
}

function status(outcome: FeedFetchOutcome): {httpStatus?: number} {
	return outcome.httpStatus === undefined ? {} : {httpStatus: outcome.httpStatus};
}

function timeout(options: RefreshOptions): {timeoutMs?: number} {
	return options.timeoutMs === undefined ? {} : {timeoutMs: options.timeoutMs};
}
