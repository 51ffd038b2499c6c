// What the reader says of feed work: the progress in the status line while a refresh or a new
// subscription runs, the summary when it ends, and why a feed last failed beside its section.
import {describe, expect, it} from 'vitest';
import type {RefreshEvent} from '../../source/feed-refresh.js';
import {type FeedActivity, type FeedActivityAction, feedActivity, type FeedJob, idleActivity, jobProgress, refreshSummary, sectionProblems} from '../../source/ui/feed-activity.js';

const gazette = 'https://gazette.example/feed.xml';
const thorn = 'https://thorn.example/rss';
const mill = 'https://mill.example/atom.xml';

/** A feed's line of `refresh --json-lines`. */
function feedDone(url: string, done: number, total: number, report: Partial<Extract<RefreshEvent, {type: 'feed'}>> = {}): FeedActivityAction {
	return {type: 'event', event: {type: 'feed', done, total, url, title: null, status: 'ok', new: 0, updated: 0, removed: 0, httpStatus: 200, ms: 40, error: null, ...report}};
}

function run(actions: FeedActivityAction[], from: FeedActivity = idleActivity): FeedActivity {
	return actions.reduce(feedActivity, from);
}

function job(partial: Partial<FeedJob>): FeedJob {
	return {kind: 'refresh', done: 0, fresh: 0, updated: 0, failed: 0, skipped: 0, ...partial};
}

describe('the progress in the status line', () => {
	it('says a refresh is starting before it knows how many feeds there are, then counts them', () => {
		const started = run([{type: 'started', kind: 'refresh'}]);
		expect(jobProgress(started.job!)).toBe('Refreshing feeds… · 0 new');

		const counted = run([{type: 'event', event: {type: 'start', total: 10}}], started);
		expect(jobProgress(counted.job!)).toBe('Refreshing feeds 0/10 · 0 new');
	});

	it('adds up new articles and failures as each feed is done', () => {
		const state = run([
			{type: 'started', kind: 'refresh'},
			{type: 'event', event: {type: 'start', total: 10}},
			feedDone(gazette, 1, 10, {new: 5}),
			feedDone(thorn, 2, 10, {status: 'failed', new: 0, httpStatus: 500, error: 'The server answered 500 Internal Server Error.'}),
			feedDone(mill, 3, 10, {new: 7}),
		]);
		expect(jobProgress(state.job!)).toBe('Refreshing feeds 3/10 · 12 new · 1 failed');
	});

	it('names the address being added', () => {
		const state = run([{type: 'started', kind: 'add', url: 'https://gazette.example/'}]);
		expect(jobProgress(state.job!)).toBe('Adding https://gazette.example/…');
	});

	it('has no work under way once finished, and keeps the feeds', () => {
		const feeds = [{url: gazette, section: 'Marrowick Gazette'}];
		const state = run([{type: 'feeds', feeds}, {type: 'started', kind: 'refresh'}, feedDone(gazette, 1, 1, {new: 2}), {type: 'finished'}]);
		expect(state.job).toBeUndefined();
		expect(state.feeds).toEqual(feeds);
	});
});

describe('the summary of a finished refresh', () => {
	it('counts the feeds, the new articles and the failures, and says where to look', () => {
		const state = run([
			{type: 'started', kind: 'refresh'},
			{type: 'event', event: {type: 'start', total: 2}},
			feedDone(gazette, 1, 2, {new: 5}),
			feedDone(thorn, 2, 2, {status: 'failed', error: 'Connection refused.'}),
		]);
		expect(refreshSummary(state.job!)).toBe('Refreshed 2 feeds: 5 new articles, 1 failed (the sections screen says why).');
	});

	it('says one new article and one feed in the singular', () => {
		expect(refreshSummary(job({total: 1, done: 1, fresh: 1}))).toBe('Refreshed 1 feed: 1 new article.');
	});

	it('says how many articles changed in place', () => {
		const state = run([{type: 'started', kind: 'refresh'}, {type: 'event', event: {type: 'start', total: 1}}, feedDone(gazette, 1, 1, {updated: 2})]);
		expect(refreshSummary(state.job!)).toBe('Refreshed 1 feed: 0 new articles, 2 updated.');
	});

	it('does not count the feeds that asked to wait as refreshed, and says why they were left', () => {
		const state = run([
			{type: 'started', kind: 'refresh'},
			{type: 'event', event: {type: 'start', total: 3}},
			feedDone(gazette, 1, 3, {status: 'skipped', httpStatus: null, ms: 0}),
			feedDone(thorn, 2, 3, {new: 1}),
			feedDone(mill, 3, 3, {status: 'skipped', httpStatus: null, ms: 0}),
		]);
		expect(refreshSummary(state.job!)).toBe('Refreshed 1 feed: 1 new article, 2 feeds not due yet (they ask to be fetched less often).');
		expect(refreshSummary(job({total: 2, done: 2, fresh: 3, skipped: 1}))).toBe('Refreshed 1 feed: 3 new articles, 1 feed not due yet (it asks to be fetched less often).');
	});

	it('tells how to add a feed when there are none', () => {
		const state = run([{type: 'started', kind: 'refresh'}, {type: 'event', event: {type: 'start', total: 0}}]);
		expect(refreshSummary(state.job!)).toBe('No feeds to refresh: press a to add one, or run "newsread feeds add <url>".');
	});
});

describe('why a feed last failed', () => {
	const feeds = [
		{url: gazette, section: 'Marrowick Gazette'},
		{url: thorn, section: 'Upper Thorn Weekly'},
	];

	it('is set by a failed fetch, on that feed only', () => {
		const state = run([{type: 'feeds', feeds}, feedDone(thorn, 1, 1, {status: 'failed', httpStatus: 500, error: 'The server answered 500 Internal Server Error.'})]);
		expect(state.feeds).toEqual([
			{url: gazette, section: 'Marrowick Gazette'},
			{url: thorn, section: 'Upper Thorn Weekly', problem: 'The server answered 500 Internal Server Error.'},
		]);
	});

	it('is a plain sentence when the failure came without one', () => {
		const state = run([{type: 'feeds', feeds}, feedDone(gazette, 1, 1, {status: 'failed', error: null})]);
		expect(state.feeds[0]).toEqual({url: gazette, section: 'Marrowick Gazette', problem: 'The feed could not be fetched.'});
	});

	it('is cleared by the next fetch that works, and kept by one that was not due', () => {
		const failing = [{url: gazette, section: 'Marrowick Gazette', problem: 'Connection refused.'}];
		const waited = run([{type: 'feeds', feeds: failing}, feedDone(gazette, 1, 1, {status: 'skipped', httpStatus: null})]);
		expect(waited.feeds).toEqual(failing);

		const worked = run([{type: 'feeds', feeds: failing}, feedDone(gazette, 1, 1, {status: 'not-modified', httpStatus: 304})]);
		expect(worked.feeds).toEqual([{url: gazette, section: 'Marrowick Gazette'}]);
	});
});

describe('the problem beside a section', () => {
	it('is the reason of its one failing feed; a section whose feeds work has none', () => {
		const problems = sectionProblems([
			{url: gazette, section: 'Marrowick Gazette', problem: 'The server answered 404 Not Found.'},
			{url: thorn, section: 'Upper Thorn Weekly'},
		]);
		expect([...problems]).toEqual([['Marrowick Gazette', 'The server answered 404 Not Found.']]);
	});

	it('counts the failing feeds of a section that has several, with the first reason', () => {
		const problems = sectionProblems([
			{url: gazette, section: 'Local', problem: 'Connection refused.'},
			{url: thorn, section: 'Local'},
			{url: mill, section: 'Local', problem: 'The connection timed out.'},
			{url: 'https://far.example/feed', section: 'Abroad', problem: 'The address could not be found (DNS).'},
		]);
		expect(problems.get('Local')).toBe('2 feeds failed: Connection refused.');
		expect(problems.get('Abroad')).toBe('The address could not be found (DNS).');
		expect(problems.size).toBe(2);
	});
});
