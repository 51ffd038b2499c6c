// `newsread refresh [url...] [--json]`: fetches the subscribed feeds and stores their articles; the command for cron.
import {exitCode} from '../context.js';
import {glyphsFor} from '../glyphs.js';
import {type FeedReport, refreshFeeds, type RefreshEvent, reportJson} from '../feed-refresh.js';
import {readSubscriptions, subscriptionsFile} from '../store/subscriptions.js';
import {type Command, jsonLine, writeJson, writeLines} from './context.js';

/**
 * Refreshes every feed, or those named. On a terminal, progress goes to stderr; in a pipe it is quiet
 * but for failures. `--json` prints every feed's report at the end, `--json-lines` one line as each
 * feed is done (after a first line with their number): what the reader follows. Exit 0 when every
 * feed was fetched (or asked to wait), 1 when some failed.
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
	const progress = Boolean(stderr.isTTY) && !flags.json && !flags.jsonLines;
	const event = (value: RefreshEvent) => {
		if (flags.jsonLines) {
			stdout.write(`${jsonLine(value)}\n`);
		}
	};

	const reports = await refreshFeeds({
		env,
		...(args.length > 0 ? {urls: args, force: true} : {}),
		onStart(total) {
			event({type: 'start', total});
		},
		onFeed(report, done, total) {
			fresh += report.new;
			failed += report.status === 'failed' ? 1 : 0;
			event({type: 'feed', done, total, ...reportJson(report)});
			if (progress) {
				const {separator} = glyphsFor(env);
				stderr.write(`\r${done}/${total} feeds ${separator} ${fresh} new ${separator} ${failed} failed`);
			}
		},
	});
	if (progress && reports.length > 0) {
		stderr.write('\n');
	}

	if (flags.json) {
		writeJson(stdout, reports.map(report => reportJson(report)));
	} else if (!flags.jsonLines) {
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
