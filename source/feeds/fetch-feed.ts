// One feed fetched and read: a conditional GET from its stored state, the body parsed, a web page
// searched for the feed it names (once), and the state to store for next time. Never throws.
import {createHash} from 'node:crypto';
import {decodeBody} from './decode-body.js';
import {discoverFeeds} from './discover.js';
import {type FetchOptions, type FetchResult, fetchResource} from './fetch.js';
import type {ParsedFeed} from './feed-types.js';
import {FeedParseError, parseFeed} from './parse-feed.js';
import type {FeedFetchState} from '../store/subscriptions.js';

/** Options of `fetchFeed`: those of the request, and the clock. */
export type FetchFeedOptions = Omit<FetchOptions, 'etag' | 'lastModified' | 'kind'> & {
	/** The clock (ms) for lastChecked and nextFetchAfter. @default Date.now */
	now?: () => number;
	/** The longest wait a feed may ask for (ttl, Cache-Control, Retry-After), in ms, so a feed that asks for a year is still read. @default one day */
	maxWaitMs?: number;
};

/** What came of fetching one feed. */
export type FeedFetchOutcome = {
	status: 'ok' | 'not-modified' | 'failed';
	/**
	 * The address to store for the feed: the feed a web page named (`discoveredFrom` is then the page),
	 * else where a permanent redirect led, else the address asked for.
	 */
	feedUrl: string;
	/** The web page whose `<link rel="alternate">` named `feedUrl`. */
	discoveredFrom?: string;
	/** The feed read, when status is ok. */
	feed?: ParsedFeed;
	/** The SHA-256 of the feed's body, when status is ok: to store as the state's bodyHash once its items are. */
	bodyHash?: string;
	/** The fetch state to store for the feed, under `feedUrl` (its validators are that address's). */
	newState: FeedFetchState;
	httpStatus?: number;
	/** How long it took in all, in ms. */
	ms: number;
	/** Why it failed, one sentence. */
	error?: string;
};

const DAY_MS = 24 * 60 * 60 * 1000;

/** Fetches and reads the feed at `url`, conditionally when `state` has an ETag or Last-Modified. */
export async function fetchFeed(url: string, state: FeedFetchState | undefined, options: FetchFeedOptions = {}): Promise<FeedFetchOutcome> {
	const now = options.now ?? Date.now;
	const maxWaitMs = options.maxWaitMs ?? DAY_MS;
	const {now: _now, maxWaitMs: _maxWaitMs, ...requestOptions} = options;
	const previous = state ?? {};
	const first = await fetchResource(url, {...requestOptions, now, etag: previous.etag, lastModified: previous.lastModified});
	let ms = first.ms;

	const checked = () => new Date(now()).toISOString();
	const failed = (result: {error: string; httpStatus?: number; retryAfterMs?: number}, feedUrl: string, discoveredFrom?: string): FeedFetchOutcome => {
		const {lastError: _lastError, nextFetchAfter: _next, ...kept} = previous;
		const newState: FeedFetchState = {...kept, lastChecked: checked(), lastError: result.error};
		if (result.retryAfterMs !== undefined) {
			newState.nextFetchAfter = new Date(now() + Math.min(result.retryAfterMs, maxWaitMs)).toISOString();
		}

		return {
			status: 'failed',
			feedUrl,
			...(discoveredFrom === undefined ? {} : {discoveredFrom}),
			newState,
			...(result.httpStatus === undefined ? {} : {httpStatus: result.httpStatus}),
			ms,
			error: result.error,
		};
	};

	if (first.status === 'failed') {
		return failed(first, url);
	}

	const movedTo = first.permanentRedirect ? first.finalUrl : undefined;
	if (first.status === 'not-modified') {
		const {lastError: _lastError, nextFetchAfter: _next, permanentRedirect: _moved, ...kept} = previous;
		const newState: FeedFetchState = {
			...kept,
			...definedValidators(first),
			lastChecked: checked(),
			...nextFetch(now(), waitAsked(first.cacheControlMaxAge, undefined), maxWaitMs),
			...(movedTo === undefined ? {} : {permanentRedirect: movedTo}),
		};
		return {status: 'not-modified', feedUrl: movedTo ?? url, newState, httpStatus: first.httpStatus, ms};
	}

	let feed: ParsedFeed;
	try {
		feed = parseFeed(first.body, {contentType: first.contentType, url: first.finalUrl});
	} catch (error) {
		if (!(error instanceof FeedParseError)) {
			return failed({error: 'The feed could not be read.', httpStatus: first.httpStatus}, url);
		}

		if (!isWebPage(first)) {
			return failed({error: error.message, httpStatus: first.httpStatus}, url);
		}

		// A web page: the feed it names, fetched once (a page naming another page is not followed further).
		const named = discoverFeeds(decodeBody(first.body, first.contentType), first.finalUrl)[0];
		if (!named) {
			return failed({error: 'This is a web page, and it names no feed.', httpStatus: first.httpStatus}, url);
		}

		const second = await fetchResource(named.url, {...requestOptions, now});
		ms += second.ms;
		const feedUrl = second.status !== 'failed' && second.permanentRedirect ? second.finalUrl : named.url;
		if (second.status !== 'ok') {
			// A 304 cannot happen without validators; it is read as a failure all the same.
			return failed(second.status === 'failed' ? second : {error: 'The feed the page names sent nothing.', httpStatus: second.httpStatus}, feedUrl, url);
		}

		try {
			feed = parseFeed(second.body, {contentType: second.contentType, url: second.finalUrl});
		} catch (secondError) {
			const reason = secondError instanceof FeedParseError ? secondError.message : 'The feed could not be read.';
			return failed({error: `The page names the feed ${named.url}, but: ${lowerFirst(reason)}`, httpStatus: second.httpStatus}, feedUrl, url);
		}

		return succeeded(second, feed, feedUrl, url);
	}

	const outcome = succeeded(first, feed, movedTo ?? url);
	if (outcome.bodyHash === previous.bodyHash) {
		// The same bytes as the last time their items were all stored (a server that ignores the validators): nothing changed.
		const {bodyHash: _bodyHash, feed: _feed, ...unchanged} = outcome;
		return {...unchanged, status: 'not-modified', newState: {...outcome.newState, bodyHash: outcome.bodyHash}};
	}

	return outcome;

	function succeeded(result: Extract<FetchResult, {status: 'ok'}>, parsed: ParsedFeed, feedUrl: string, discoveredFrom?: string): FeedFetchOutcome {
		const moved = result.permanentRedirect ? result.finalUrl : undefined;
		const newState: FeedFetchState = {
			...definedValidators(result),
			lastChecked: checked(),
			...nextFetch(now(), waitAsked(result.cacheControlMaxAge, parsed.ttlMinutes), maxWaitMs),
			...(moved === undefined ? {} : {permanentRedirect: moved}),
		};
		return {
			status: 'ok',
			feedUrl,
			...(discoveredFrom === undefined ? {} : {discoveredFrom}),
			feed: parsed,
			bodyHash: createHash('sha256').update(result.body).digest('hex'),
			newState,
			httpStatus: result.httpStatus,
			ms,
		};
	}
}

/** Whether a feed may be fetched now: its state asks for no wait, or the wait is over. */
export function isDue(state: FeedFetchState | undefined, now: number): boolean {
	const after = state?.nextFetchAfter === undefined ? Number.NaN : Date.parse(state.nextFetchAfter);
	return Number.isNaN(after) || now >= after;
}

function definedValidators(result: {etag?: string; lastModified?: string}): Pick<FeedFetchState, 'etag' | 'lastModified'> {
	return {
		...(result.etag === undefined ? {} : {etag: result.etag}),
		...(result.lastModified === undefined ? {} : {lastModified: result.lastModified}),
	};
}

/** The longer of what Cache-Control and the feed's ttl ask for, in ms. */
function waitAsked(maxAgeSeconds: number | undefined, ttlMinutes: number | undefined): number {
	return Math.max((maxAgeSeconds ?? 0) * 1000, (ttlMinutes ?? 0) * 60_000);
}

function nextFetch(now: number, waitMs: number, maxWaitMs: number): Pick<FeedFetchState, 'nextFetchAfter'> {
	return waitMs > 0 ? {nextFetchAfter: new Date(now + Math.min(waitMs, maxWaitMs)).toISOString()} : {};
}

/** Whether a body that is not a feed is a web page, to look in for the feed it names. */
function isWebPage(result: {contentType: string; body: Uint8Array}): boolean {
	const start = decodeBody(result.body.subarray(0, 4096), result.contentType);
	if (/^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[^]*?-->\s*)*(?:<!DOCTYPE\s+html|<html[\s>])/i.test(start)) {
		return true;
	}

	// Served as HTML but not opening like a feed (a broken feed served as text/html is a broken feed).
	return /^\s*(?:text\/html|application\/xhtml\+xml)\b/i.test(result.contentType)
		&& !/^\s*(?:\uFEFF)?\s*(?:<\?xml|<rss|<feed|<rdf|[{[])/i.test(start);
}

function lowerFirst(sentence: string): string {
	// `This is…` becomes `this is…`; `RSS…` stays.
	return /^[A-Z][a-z]/.test(sentence) ? sentence.charAt(0).toLowerCase() + sentence.slice(1) : sentence;
}
