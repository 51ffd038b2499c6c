// `newsread refresh [url...] [--json]`: fetches the subscribed feeds and stores their articles; the command for cron.
import {exitCode} from '../context.js';
import {type FeedReport, refreshFeeds} from '../feed-refresh.js';
import {readSubscriptions, subscriptionsFile} from '../store/subscriptions.js';
import {type Command, writeJson, writeLines} from './context.js';

/**
 * Refreshes every feed, or those named. On a terminal, progress goes to stderr; in a pipe it is quiet
 * but for failures. Exit 0 when every feed was fetched (or asked to wait), 1 when some failed.
 */
export const refreshCommand: Command = async ({args, flags, env, stdout, stderr}) => {
	if (args.length > 0) {
		const known = new Set(readSubscriptions(subscriptionsFile(env)).map(feed => feed.url));
		const unknown = args.filter(url => !known.has(url));
		if (unknown.length > 0) {
			stderr.write(`newsread: not subscribed: ${unknown.join(', ')}. "newsread feeds" lists the subscriptions.\n`);
			return exitCode.failure;
		}
	}

	let fresh = 0;
	let failed = 0;
	const progress = Boolean(stderr.isTTY) && !flags.json;
	const reports = await refreshFeeds({
		env,
		...(args.length > 0 ? {urls: args, force: true} : {}),
		onFeed(report, done, total) {
			fresh += report.new;
			failed += report.status === 'failed' ? 1 : 0;
			if (progress) {
				stderr.write(`\r${done}/${total} feeds · ${fresh} new · ${failed} failed`);
			}
		},
	});
	if (progress && reports.length > 0) {
		stderr.write('\n');
	}

	if (flags.json) {
		writeJson(stdout, reports.map(report => ({
			url: report.url,
			status: report.status,
			new: report.new,
			updated: report.updated,
			removed: report.removed,
			httpStatus: report.httpStatus ?? null,
			ms: Math.round(report.ms),
			error: report.error ?? null,
		})));
	} else {
		writeLines(stderr, reports.filter(report => report.status === 'failed').map(report => `newsread: ${report.title ?? report.url}: ${report.error}`));
		if (progress || stdout.isTTY) {
			writeLines(stdout, [summary(reports)]);
		}
	}

	return reports.some(report => report.status === 'failed') ? exitCode.failure : exitCode.ok;
};

function summary(reports: readonly FeedReport[]): string {
	const fresh = reports.reduce((sum, report) => sum + report.new, 0);
	const failed = reports.filter(report => report.status === 'failed').length;
	return `${reports.length} ${reports.length === 1 ? 'feed' : 'feeds'} refreshed: ${fresh} new ${fresh === 1 ? 'article' : 'articles'}${failed > 0 ? `, ${failed} failed` : ''}.`;
}
