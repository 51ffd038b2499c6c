// Refreshing feeds: each subscription fetched (conditionally, never sooner than it asks), its items
// turned into Markdown (the linked page's article where the feed gives a teaser) and stored as
// articles, its fetch state kept. Shared by `newsread feeds add`, `newsread refresh` and the reader.
import path from 'node:path';
import {articleIdFromPath} from './core/article.js';
import {decodeBody} from './feeds/decode-body.js';
import {extractArticle} from './feeds/extract-article.js';
import type {FeedItem} from './feeds/feed-types.js';
import {fetchResource} from './feeds/fetch.js';
import {type FeedFetchOutcome, fetchFeed, isDue} from './feeds/fetch-feed.js';
import {createHostLimiter} from './feeds/host-limiter.js';
import {htmlToMarkdown} from './feeds/html-to-markdown.js';
import {isTeaser} from './feeds/teaser.js';
import {type CommentLog, openCommentLog} from './store/comments.js';
import {
	guidHash,
	pruneFeedArticles,
	readFeedArticles,
	readPendingItem,
	readStoredItems,
	settlePendingItem,
	type StorableFeedItem,
	type StoredFeedArticle,
	type StoredItems,
	storeFeedItems,
} from './store/feed-articles.js';
import {commentsFile, feedArticlesFolder, stateDir} from './store/paths.js';
import {readSavedIds} from './store/state-data.js';
import {
	type FeedSettings,
	feedStateFile,
	type FeedFetchState,
	type FullTextMode,
	readFeedSettings,
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
	/** Articles rewritten in place because the feed changed them, or because their full text came. */
	updated: number;
	/** Articles removed by retention (the feed's `keepArticles`/`keepDays`, else the settings'). */
	removed: number;
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
	/** Told once the feeds to refresh are known, with how many there are. */
	onStart?: (total: number) => void;
	/** Told after each feed, with how many are done of how many. */
	onFeed?: (report: FeedReport, done: number, total: number) => void;
	/** The clock (ms). @default Date.now */
	now?: () => number;
	/** Timeout of each request, in ms. */
	timeoutMs?: number;
};

/** A feed's report as `refresh --json` and `--json-lines` print it: every key present, null for none. */
export type FeedReportJson = {
	url: string;
	title: string | null;
	status: FeedReport['status'];
	new: number;
	updated: number;
	/** Articles removed by the retention limits. */
	removed: number;
	httpStatus: number | null;
	ms: number;
	error: string | null;
};

/** What `refresh --json-lines` prints, a line each: how many feeds there are, then each feed as it is done. */
export type RefreshEvent = {type: 'start'; total: number} | ({type: 'feed'; done: number; total: number} & FeedReportJson);

export function reportJson(report: FeedReport): FeedReportJson {
	return {
		url: report.url,
		title: report.title ?? null,
		status: report.status,
		new: report.new,
		updated: report.updated,
		removed: report.removed,
		httpStatus: report.httpStatus ?? null,
		ms: Math.round(report.ms),
		error: report.error ?? null,
	};
}

/**
 * At most this many linked pages fetched for full text per feed and refresh: first for the items new
 * in the feed (its first ones, usually its newest), then for items left waiting before, newest first.
 */
const MAX_FULL_TEXT_PAGES = 50;

const limiter = createHostLimiter({perHost: 2, total: 8});

/** Refreshes the subscriptions (all, or those named); one failing never stops the others. */
export async function refreshFeeds(options: RefreshOptions): Promise<FeedReport[]> {
	const subscriptions = readSubscriptions(subscriptionsFile(options.env));
	const chosen = options.urls === undefined ? subscriptions : subscriptions.filter(feed => options.urls!.includes(feed.url));
	const states = readFeedStates(feedStateFile(options.env));
	const retention: Retention = {settings: readFeedSettings(subscriptionsFile(options.env))};
	options.onStart?.(chosen.length);
	let done = 0;
	return Promise.all(chosen.map(async subscription => {
		const report = await refreshOne(subscription, states[subscription.url], retention, options);
		done++;
		options.onFeed?.(report, done, chosen.length);
		return report;
	}));
}

/** Fetches a feed that is not subscribed yet and, when it can be read, subscribes to it and stores its articles. */
export async function subscribe(url: string, settings: {section?: string; fullText: FullTextMode; keepArticles?: number; keepDays?: number}, options: RefreshOptions): Promise<{report: FeedReport; subscription?: Subscription}> {
	const now = options.now ?? Date.now;
	const outcome = await limiter.run(url, async () => fetchFeed(url, undefined, {now, ...timeout(options)}));
	if (outcome.status !== 'ok' || outcome.feed === undefined) {
		return {report: {url, status: 'failed', new: 0, updated: 0, removed: 0, ms: outcome.ms, ...status(outcome), error: outcome.error ?? 'The feed sent nothing.'}};
	}

	const subscription: Subscription = {
		url: outcome.feedUrl,
		title: outcome.feed.title,
		...(settings.section === undefined ? {} : {section: settings.section}),
		fullText: settings.fullText,
		...(outcome.feed.link === undefined ? {} : {link: outcome.feed.link}),
		added: new Date(now()).toISOString(),
		...(settings.keepArticles === undefined ? {} : {keepArticles: settings.keepArticles}),
		...(settings.keepDays === undefined ? {} : {keepDays: settings.keepDays}),
	};
	const retention: Retention = {settings: readFeedSettings(subscriptionsFile(options.env))};
	await updateSubscriptions(subscriptionsFile(options.env), feeds => withSubscription(feeds, subscription));
	const report = await storeOutcome(subscription, outcome, retention, options);
	return {report, subscription};
}

async function refreshOne(subscription: Subscription, state: FeedFetchState | undefined, retention: Retention, options: RefreshOptions): Promise<FeedReport> {
	const now = options.now ?? Date.now;
	// A feed named by the user is fetched even before its ttl or max-age runs out, but never before the
	// end of a wait its server asked for when it refused (429 or 503 with Retry-After).
	const refusedUntilLater = state?.lastError !== undefined;
	if ((!options.force || refusedUntilLater) && !isDue(state, now())) {
		return {url: subscription.url, ...title(subscription), status: 'skipped', new: 0, updated: 0, removed: 0, ms: 0};
	}

	try {
		const outcome = await limiter.run(subscription.url, async () => fetchFeed(subscription.url, state, {now, ...timeout(options)}));
		return await storeOutcome(subscription, outcome, retention, options);
	} catch (error) {
		// A store that cannot be written (a full disk) is this feed's failure, not the others'.
		return {url: subscription.url, ...title(subscription), status: 'failed', new: 0, updated: 0, removed: 0, ms: 0, error: (error as Error).message};
	}
}

/** Stores what a fetch brought: the articles, the fetch state, and a moved or newly titled subscription; fetches the full text items still wait for. */
async function storeOutcome(subscription: Subscription, outcome: FeedFetchOutcome, retention: Retention, options: RefreshOptions): Promise<FeedReport> {
	let current = subscription;
	if (outcome.feedUrl !== subscription.url || (outcome.feed !== undefined && subscription.title === undefined)) {
		// A permanent redirect (or a page that named its feed) moves the subscription to the feed's address.
		current = {...subscription, url: outcome.feedUrl, ...(subscription.title === undefined && outcome.feed ? {title: outcome.feed.title} : {})};
		await updateSubscriptions(subscriptionsFile(options.env), feeds => withSubscription(feeds.filter(feed => feed.url !== subscription.url), current));
	}

	let waiting: string[] = [];
	await updateFeedStates(feedStateFile(options.env), states => {
		// The items waiting for their full text are not the fetch's to forget.
		waiting = states[subscription.url]?.pendingFullText ?? states[current.url]?.pendingFullText ?? [];
		const next = {...states, [current.url]: {...outcome.newState, ...(waiting.length > 0 ? {pendingFullText: waiting} : {})}};
		if (current.url !== subscription.url) {
			delete next[subscription.url];
		}

		return next;
	});

	const base = {url: current.url, ...title(current), ms: outcome.ms, ...status(outcome)};
	if (outcome.status === 'failed') {
		return {...base, status: outcome.status, new: 0, updated: 0, removed: 0, ...(outcome.error === undefined ? {} : {error: outcome.error})};
	}

	const folder = feedArticlesFolder(options.env);
	// One walk of the folder serves all: which items need their page, and where each stored one is.
	retention.items ??= readStoredItems(folder, options.now ? {now: options.now} : {});
	const storedItems = retention.items;
	const budget = {pages: MAX_FULL_TEXT_PAGES};
	let stored = {added: 0, updated: 0};
	let removed = 0;
	let nowWaiting: string[] = [];
	if (outcome.status === 'ok' && outcome.feed !== undefined) {
		const items = await storableItems(current, outcome.feed.items, storedItems, budget, options);
		const formerUrls = current.url === subscription.url ? [] : [subscription.url];
		stored = storeFeedItems(folder, {url: current.url, section: current.section ?? outcome.feed.title}, items, {formerUrls, stored: storedItems, ...(options.now ? {now: options.now} : {})});
		nowWaiting = items.filter(item => item.fullTextPending).map(item => guidHash(item.guid, current.url));
		// Every item the feed lists, stored now or before: retention must not remove what the next refresh would store again.
		const listed = outcome.feed.items.flatMap(item => {
			const relative = [current.url, ...formerUrls].map(url => storedItems.get(guidHash(item.guid, url))).find(found => found !== undefined);
			return relative === undefined ? [] : [{relative, date: item.date}];
		});
		removed = applyRetention(current, listed, folder, retention, options);
	}

	const retried = current.fullText === 'never' ? {completed: 0, settled: []} : await fetchWaitingFullText(waiting, storedItems, folder, budget, options);
	// Once every item is stored, the same body again can be known unchanged (see fetchFeed); not before,
	// so a refresh that fails to store (a full disk) is not taken for one that did.
	const {bodyHash} = outcome;
	if (nowWaiting.length > 0 || retried.settled.length > 0 || bodyHash !== undefined) {
		await updateFeedStates(feedStateFile(options.env), states => {
			const pending = new Set(states[current.url]?.pendingFullText);
			for (const hash of retried.settled) {
				pending.delete(hash);
			}

			for (const hash of nowWaiting) {
				pending.add(hash);
			}

			const {pendingFullText: _pending, ...state} = states[current.url] ?? {};
			return {...states, [current.url]: {...state, ...(bodyHash === undefined ? {} : {bodyHash}), ...(pending.size > 0 ? {pendingFullText: [...pending]} : {})}};
		});
	}

	return {...base, status: outcome.status, new: stored.added, updated: stored.updated + retried.completed, removed};
}

/**
 * What the feeds of one refresh share, each read once: the stored items (which this refresh adds to),
 * and what retention needs: the settings, the feed articles and the comments.
 */
type Retention = {
	settings: FeedSettings;
	/** Every stored item's file, read at the first feed that stores items. */
	items?: StoredItems;
	/** Every feed's articles, read at the first feed that has a limit. */
	articles?: Map<string, StoredFeedArticle[]>;
	comments?: CommentLog;
};

/**
 * Removes the feed's articles past its limits (its own `keepArticles`/`keepDays`, else the settings'),
 * never one the feed still lists, a saved one or one with comments; nothing when either of those
 * cannot be read. Returns how many were removed.
 */
function applyRetention(feed: Subscription, listed: ReadonlyArray<{relative: string; date?: string}>, folder: string, retention: Retention, options: RefreshOptions): number {
	const keepCount = feed.keepArticles ?? retention.settings.keepArticles;
	const keepDays = feed.keepDays ?? retention.settings.keepDays;
	if (keepCount === undefined && keepDays === undefined) {
		return 0;
	}

	// Read each time: the reader may have saved an article since the refresh began.
	const saved = readSavedIds(stateDir(options.env));
	retention.comments ??= openCommentLog({file: commentsFile(options.env)});
	const comments = retention.comments.problem() === undefined ? retention.comments.list() : undefined;
	if (saved === undefined || comments === undefined) {
		return 0;
	}

	const now = options.now?.() ?? Date.now();
	retention.articles ??= readFeedArticles(folder);
	const articles = new Map((retention.articles.get(feed.url) ?? []).map(article => [article.id, article]));
	const listedIds = new Set<string>();
	for (const {relative, date} of listed) {
		const id = articleIdFromPath(relative);
		listedIds.add(id);
		if (!articles.has(id)) {
			// Stored after the folder was read (by this refresh).
			const time = date === undefined ? Number.NaN : Date.parse(date);
			articles.set(id, {id, file: path.join(folder, relative), time: Number.isNaN(time) ? now : time});
		}
	}

	const commented = new Set(comments.map(comment => comment.articleId));
	const removed = new Set(pruneFeedArticles(folder, feed, {
		...(keepCount === undefined ? {} : {keepCount}),
		...(keepDays === undefined ? {} : {keepDays}),
		protect: id => listedIds.has(id) || saved.has(id) || commented.has(id),
		now: () => now,
		articles: [...articles.values()],
	}));
	retention.articles.set(feed.url, [...articles.values()].filter(article => !removed.has(article.id)));
	return removed.size;
}

/**
 * The items as articles to store. An item whose feed gives only a teaser (or every item, with
 * `fullText: always`) gets the article of its linked page, fetched once: an item stored before is
 * left as it is, so its full text is not fetched again nor replaced by the teaser. An item whose page
 * could not be had this time (no pages left, or a passing failure) is stored as its teaser, marked to
 * wait for its full text.
 */
async function storableItems(subscription: Subscription, items: readonly FeedItem[], stored: StoredItems, budget: {pages: number}, options: RefreshOptions): Promise<StorableFeedItem[]> {
	const wanted = (item: FeedItem) => item.link !== undefined && subscription.fullText !== 'never'
		&& (subscription.fullText === 'always' || isTeaser(item.contentHtml, item.summary));
	// By position, so the feed's order is kept whatever order the pages come back in.
	const result: Array<StorableFeedItem | undefined> = Array.from({length: items.length});
	await Promise.all(items.map(async (item, index) => {
		const own = feedMarkdown(item);
		if (!wanted(item)) {
			result[index] = {...item, markdown: own};
		} else if (!stored.has(guidHash(item.guid, subscription.url))) {
			let page: PageText = {retry: true};
			if (budget.pages > 0) {
				budget.pages--;
				page = await fullText(item.link!, options);
			}

			result[index] = 'markdown' in page
				? {...item, markdown: withoutTitleHeading(page.markdown, item.title)}
				: {...item, markdown: own, ...(page.retry ? {fullTextPending: true} : {})};
		}
	}));
	return result.filter(item => item !== undefined);
}

/**
 * Fetches the pages of items stored before as teasers to wait for them (see storableItems), newest
 * first while pages are left, and puts each full text in place of its teaser. `settled`: the items
 * that no longer wait (completed, gone, or whose page will never give an article).
 */
async function fetchWaitingFullText(hashes: readonly string[], stored: StoredItems, folder: string, budget: {pages: number}, options: RefreshOptions): Promise<{completed: number; settled: string[]}> {
	const settled: string[] = [];
	const waiting: Array<{hash: string; relative: string; link: string; title: string; time: number}> = [];
	for (const hash of hashes) {
		const relative = stored.get(hash);
		const item = relative === undefined ? undefined : readPendingItem(folder, relative);
		if (relative === undefined || item?.link === undefined) {
			settled.push(hash);
			if (relative !== undefined) {
				settlePendingItem(folder, relative);
			}
		} else {
			const time = item.date === undefined ? Number.NaN : Date.parse(item.date);
			waiting.push({hash, relative, link: item.link, title: item.title, time: Number.isNaN(time) ? -Infinity : time});
		}
	}

	waiting.sort((a, b) => b.time - a.time);
	let completed = 0;
	await Promise.all(waiting.slice(0, Math.max(0, budget.pages)).map(async item => {
		budget.pages--;
		const page = await fullText(item.link, options);
		if ('markdown' in page) {
			completed += settlePendingItem(folder, item.relative, withoutTitleHeading(page.markdown, item.title)) ? 1 : 0;
			settled.push(item.hash);
		} else if (!page.retry) {
			settlePendingItem(folder, item.relative);
			settled.push(item.hash);
		}
	}));
	return {completed, settled};
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

/** A linked page's article as Markdown, or whether to fetch the page again at a later refresh. */
type PageText = {markdown: string} | {retry: boolean};

/**
 * The article of a linked page as Markdown; else whether to try again at a later refresh: yes after a
 * passing failure (no answer in time, no connection, 429, a server error), no when the page is gone
 * (404, 410, another refusal) or holds no article.
 */
async function fullText(link: string, options: RefreshOptions): Promise<PageText> {
	const page = await limiter.run(link, async () => fetchResource(link, {kind: 'page', ...timeout(options), ...(options.now ? {now: options.now} : {})}));
	if (page.status === 'failed') {
		const {httpStatus} = page;
		return {retry: httpStatus === undefined ? isWebAddress(page.finalUrl) : httpStatus === 429 || httpStatus >= 500};
	}

	if (page.status !== 'ok') {
		return {retry: false};
	}

	try {
		const markdown = extractArticle(decodeBody(page.body, page.contentType), page.finalUrl)?.markdown;
		return markdown === undefined ? {retry: false} : {markdown};
	} catch {
		return {retry: false};
	}
}

/** Whether a failure without an answer was the network's (a timeout, no connection), not an address that cannot be fetched. */
function isWebAddress(url: string): boolean {
	try {
		const {protocol} = new URL(url);
		return protocol === 'http:' || protocol === 'https:';
	} catch {
		return false;
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
