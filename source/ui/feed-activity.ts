// What the reader shows of feed work: the refresh or subscription under way (for the status line), its
// summary when it ends, and why each feed last failed (for the sections screen). A pure reducer.
import type {RefreshEvent} from '../feed-refresh.js';
import {plural} from './text.js';
import {glyphs} from './theme.js';

/** A subscription as the sections screen needs it: where its articles are listed, and why it last failed. */
export type FeedListing = {
	url: string;
	/** The section its articles are listed in. */
	section: string;
	/** Why its last fetch failed, one sentence; none when it worked. */
	problem?: string;
};

/** A refresh (r, R, automatic) or a new subscription (a) under way. */
export type FeedJob = {
	kind: 'refresh' | 'add';
	/** For `add`: the address typed. */
	url?: string;
	/** Feeds to refresh (known once the refresh has started). */
	total?: number;
	done: number;
	/** Articles stored for the first time. */
	fresh: number;
	/** Articles changed in place. */
	updated: number;
	failed: number;
	/** Feeds that asked not to be fetched again yet. */
	skipped: number;
};

export type FeedActivity = {
	/** The work under way, if any. */
	job?: FeedJob;
	/** The subscriptions, in the order of feeds.json, with their last problems. */
	feeds: readonly FeedListing[];
};

export type FeedActivityAction =
	| {type: 'started'; kind: FeedJob['kind']; url?: string}
	| {type: 'event'; event: RefreshEvent}
	| {type: 'finished'}
	| {type: 'feeds'; feeds: readonly FeedListing[]};

export const idleActivity: FeedActivity = {feeds: []};

export function feedActivity(state: FeedActivity, action: FeedActivityAction): FeedActivity {
	switch (action.type) {
		case 'started': {
			return {...state, job: {kind: action.kind, ...(action.url === undefined ? {} : {url: action.url}), done: 0, fresh: 0, updated: 0, failed: 0, skipped: 0}};
		}

		case 'event': {
			const {event} = action;
			const job = state.job ?? {kind: 'refresh', done: 0, fresh: 0, updated: 0, failed: 0, skipped: 0};
			if (event.type === 'start') {
				return {...state, job: {...job, total: event.total}};
			}

			const failed = event.status === 'failed';
			return {
				feeds: state.feeds.map(feed => {
					if (feed.url !== event.url || event.status === 'skipped') {
						return feed;
					}

					const {problem, ...rest} = feed;
					return failed ? {...rest, problem: event.error ?? 'The feed could not be fetched.'} : rest;
				}),
				job: {
					...job,
					total: event.total,
					done: event.done,
					fresh: job.fresh + event.new,
					updated: job.updated + event.updated,
					failed: job.failed + (failed ? 1 : 0),
					skipped: job.skipped + (event.status === 'skipped' ? 1 : 0),
				},
			};
		}

		case 'finished': {
			const {job, ...rest} = state;
			return rest;
		}

		case 'feeds': {
			return {...state, feeds: action.feeds};
		}
	}
}

/** The status line while work is under way: `Refreshing feeds 3/10 · 12 new · 1 failed`. */
export function jobProgress(job: FeedJob): string {
	if (job.kind === 'add') {
		return `Adding ${job.url ?? 'a feed'}${glyphs.ellipsis}`;
	}

	const counted = job.total === undefined ? glyphs.ellipsis : ` ${job.done}/${job.total}`;
	return [`Refreshing feeds${counted}`, `${job.fresh} new`, ...(job.failed > 0 ? [`${job.failed} failed`] : [])].join(` ${glyphs.separator} `);
}

/** What a finished refresh says: `Refreshed 10 feeds: 12 new articles, 1 failed (see the sections screen).` */
export function refreshSummary(job: FeedJob): string {
	const total = job.total ?? job.done;
	if (total === 0) {
		return 'No feeds to refresh: press a to add one, or run "newsread feeds add <url>".';
	}

	const fetched = total - job.skipped;
	const parts = [`${plural(job.fresh, 'new article')}`];
	if (job.updated > 0) {
		parts.push(`${job.updated} updated`);
	}

	if (job.failed > 0) {
		parts.push(`${job.failed} failed (the sections screen says why)`);
	}

	if (job.skipped > 0) {
		parts.push(`${plural(job.skipped, 'feed')} not due yet (${job.skipped === 1 ? 'it asks' : 'they ask'} to be fetched less often)`);
	}

	return `Refreshed ${plural(fetched, 'feed')}: ${parts.join(', ')}.`;
}

/** The problem shown beside a section: its feed's reason, or how many of its feeds failed and the first reason. */
export function sectionProblems(feeds: readonly FeedListing[]): Map<string, string> {
	const bySection = new Map<string, string[]>();
	for (const feed of feeds) {
		if (feed.problem !== undefined) {
			bySection.set(feed.section, [...(bySection.get(feed.section) ?? []), feed.problem]);
		}
	}

	return new Map([...bySection].map(([section, problems]) => [section, problems.length === 1 ? problems[0]! : `${problems.length} feeds failed: ${problems[0]}`]));
}
