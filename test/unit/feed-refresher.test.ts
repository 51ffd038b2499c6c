// The reader's feed work as its status line shows it when a subscription and a refresh overlap: the
// subscription still under way shows again when the refresh ends, and each ends with its own message.
import {afterEach, describe, expect, it, vi} from 'vitest';
import type {RefreshEvent} from '../../source/feed-refresh.js';
import {type AddOutcome, createFeedRefresher, type FeedRunner} from '../../source/ui/feed-refresher.js';

type Deferred<T> = {promise: Promise<T>; resolve: (value: T) => void};

function deferred<T>(): Deferred<T> {
	let resolve: (value: T) => void = () => {};
	const promise = new Promise<T>(done => {
		resolve = done;
	});
	return {promise, resolve};
}

const gazette = 'https://gazette.example/';
const thorn = 'https://thorn.example/rss';

/** A runner whose every refresh and subscription ends when the test says. */
function heldRunner() {
	const adds = new Map<string, Deferred<AddOutcome>>();
	const refreshes: Array<{onEvent: (event: RefreshEvent) => void; done: Deferred<void>}> = [];
	const runner: FeedRunner = {
		async refresh(_urls, onEvent) {
			const done = deferred<void>();
			refreshes.push({onEvent, done});
			return done.promise;
		},
		async add(url) {
			const done = deferred<AddOutcome>();
			adds.set(url, done);
			return done.promise;
		},
	};
	const subscribed = (url: string, title: string, fresh: number): AddOutcome => ({
		subscribed: {url, title, section: title},
		report: {url, title, status: 'ok', new: fresh, updated: 0, removed: 0, httpStatus: 200, ms: 30, error: null},
	});
	return {runner, adds, refreshes, subscribed};
}

async function settle(): Promise<void> {
	await new Promise(resolve => {
		setImmediate(resolve);
	});
}

describe('a subscription and a refresh at once', () => {
	it('shows the subscription again when the refresh ends before it', async () => {
		const {runner, adds, refreshes, subscribed} = heldRunner();
		const messages: string[] = [];
		const refresher = createFeedRefresher({runner, readFeeds: () => [], onArticlesChanged() {}, notify: message => messages.push(message), reloadEveryMs: 0});

		refresher.add(gazette);
		expect(refresher.progress()).toBe(`Adding ${gazette}…`);
		refresher.refresh();
		expect(refresher.progress()).toBe('Refreshing feeds… · 0 new');

		refreshes[0]!.onEvent({type: 'start', total: 0});
		refreshes[0]!.done.resolve();
		await settle();
		expect(messages).toEqual(['No feeds to refresh: press a to add one, or run "newsread feeds add <url>".']);
		expect(refresher.progress()).toBe(`Adding ${gazette}…`);

		adds.get(gazette)!.resolve(subscribed(`${gazette}feed.xml`, 'Marrowick Gazette', 5));
		await settle();
		expect(messages.at(-1)).toBe('Subscribed to Marrowick Gazette: 5 articles.');
		expect(refresher.progress()).toBeUndefined();
		refresher.dispose();
	});

	it('names the subscription still under way when the later one ends first', async () => {
		const {runner, adds, subscribed} = heldRunner();
		const messages: string[] = [];
		const refresher = createFeedRefresher({runner, readFeeds: () => [], onArticlesChanged() {}, notify: message => messages.push(message), reloadEveryMs: 0});

		refresher.add(thorn);
		refresher.add(gazette);
		expect(refresher.progress()).toBe(`Adding ${gazette}…`);
		adds.get(gazette)!.resolve(subscribed(`${gazette}feed.xml`, 'Marrowick Gazette', 1));
		await settle();
		expect(messages).toEqual(['Subscribed to Marrowick Gazette: 1 article.']);
		expect(refresher.progress()).toBe(`Adding ${thorn}…`);

		adds.get(thorn)!.resolve(subscribed(thorn, 'Upper Thorn Weekly', 2));
		await settle();
		expect(messages.at(-1)).toBe('Subscribed to Upper Thorn Weekly: 2 articles.');
		expect(refresher.progress()).toBeUndefined();
		refresher.dispose();
	});
});

describe('new articles while a refresh goes on', () => {
	afterEach(() => {
		vi.useRealTimers();
	});

	it('loads the library again at most once a second, and ten times as seldom as a reload takes', () => {
		vi.useFakeTimers();
		const {runner, refreshes} = heldRunner();
		let now = 0;
		const reloads: number[] = [];
		const refresher = createFeedRefresher({
			runner,
			readFeeds: () => [],
			onArticlesChanged() {
				reloads.push(now);
				// A library that takes half a second to load.
				now += 500;
			},
			notify() {},
			clock: () => now,
		});
		const feed = (done: number): RefreshEvent => ({type: 'feed', done, total: 9, url: `${thorn}${done}`, title: null, status: 'ok', new: 2, updated: 0, removed: 0, httpStatus: 200, ms: 5, error: null});
		refresher.refresh();
		refreshes[0]!.onEvent({type: 'start', total: 9});
		refreshes[0]!.onEvent(feed(1));
		refreshes[0]!.onEvent(feed(2));
		vi.advanceTimersByTime(999);
		expect(reloads).toEqual([]);
		vi.advanceTimersByTime(1);
		expect(reloads).toEqual([0]);

		// The reload took 500 ms: the next waits 5 s.
		refreshes[0]!.onEvent(feed(3));
		vi.advanceTimersByTime(4999);
		expect(reloads).toEqual([0]);
		vi.advanceTimersByTime(1);
		expect(reloads).toEqual([0, 500]);
		refresher.dispose();
	});
});
