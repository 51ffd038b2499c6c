// `newsread feeds [--json]`, `feeds add <url>`, `feeds remove <url>`, `feeds import <file.opml>`,
// `feeds export`, `feeds settings`: the subscriptions and settings in feeds.json.
import {readFileSync} from 'node:fs';
import {visibleControls} from '../core/sanitize.js';
import {exitCode} from '../context.js';
import {glyphsFor} from '../glyphs.js';
import {decodeBody} from '../feeds/decode-body.js';
import {withoutFeedScheme} from '../feeds/feed-text.js';
import {OpmlError, parseOpmlSubscriptions, subscriptionsToOpml} from '../feeds/opml.js';
import {reportJson, subscribe} from '../feed-refresh.js';
import {
	type FeedSettings,
	feedStateFile,
	FULL_TEXT_MODES,
	type FullTextMode,
	readFeedSettings,
	readFeedStates,
	readSubscriptions,
	type Subscription,
	subscriptionSection,
	subscriptionsFile,
	updateFeedSettings,
	updateSubscriptions,
	withoutSubscription,
	withSubscription,
} from '../store/subscriptions.js';
import {type Command, writeJson, writeLines} from './context.js';

/** `newsread feeds …`: lists the subscriptions, or runs the subcommand named after `feeds`. */
export const feedsCommand: Command = async context => {
	const [action, ...rest] = context.args;
	switch (action) {
		case undefined:
		case 'list': {
			return listFeeds(context);
		}

		case 'add': {
			return addFeed(context, rest);
		}

		case 'remove': {
			return removeFeed(context, rest);
		}

		case 'import': {
			return importFeeds(context, rest);
		}

		case 'export': {
			return exportFeeds(context);
		}

		case 'settings': {
			return feedSettings(context);
		}

		default: {
			context.stderr.write(`newsread: unknown feeds command "${action}". Use: feeds, feeds add <url>, feeds remove <url>, feeds import <file.opml>, feeds export, feeds settings\n`);
			return exitCode.usage;
		}
	}
};

const listFeeds: Command = ({env, flags, stdout, library}) => {
	const feeds = readSubscriptions(subscriptionsFile(env));
	const states = readFeedStates(feedStateFile(env));
	const counts = new Map<string, number>();
	for (const article of library().articles) {
		if (article.feed !== undefined) {
			counts.set(article.feed, (counts.get(article.feed) ?? 0) + 1);
		}
	}

	const rows = feeds.map(feed => ({
		url: feed.url,
		title: feed.title ?? null,
		link: feed.link ?? null,
		section: subscriptionSection(feed) ?? null,
		fullText: feed.fullText,
		items: counts.get(feed.url) ?? 0,
		lastChecked: states[feed.url]?.lastChecked ?? null,
		lastError: states[feed.url]?.lastError ?? null,
	}));
	if (flags.json) {
		writeJson(stdout, rows);
		return exitCode.ok;
	}

	const {separator} = glyphsFor(env);
	writeLines(stdout, rows.map(row => {
		const checked = row.lastChecked === null ? 'never fetched' : `checked ${row.lastChecked.slice(0, 16).replace('T', ' ')}`;
		const error = row.lastError === null ? '' : ` ${separator} failed: ${row.lastError}`;
		return `${row.title ?? row.url}  ${row.url}  (${row.section ?? 'no section'}) ${separator} ${row.items} ${row.items === 1 ? 'article' : 'articles'} ${separator} ${checked}${error}`;
	}));
	return exitCode.ok;
};

async function addFeed(context: Parameters<Command>[0], args: readonly string[]): Promise<number> {
	const {flags, stdout, stderr, env} = context;
	const url = webAddress(args[0]);
	if (url === undefined) {
		stderr.write(`newsread: feeds add needs the address of a feed or of a page that names one (http or https)${args[0] === undefined ? '' : `, not "${args[0]}"`}.\n`);
		return exitCode.usage;
	}

	const fullText = flags.fullText ?? 'auto';
	if (!FULL_TEXT_MODES.includes(fullText as FullTextMode)) {
		stderr.write(`newsread: --full-text is auto, always or never, not "${fullText}".\n`);
		return exitCode.usage;
	}

	const limits = retentionFlags(context);
	if (limits === undefined) {
		return exitCode.usage;
	}

	const {report, subscription} = await subscribe(url, {
		...(flags.section === undefined ? {} : {section: flags.section}),
		fullText: fullText as FullTextMode,
		...(limits.keepArticles ? {keepArticles: limits.keepArticles} : {}),
		...(limits.keepDays ? {keepDays: limits.keepDays} : {}),
	}, {env});
	if (flags.json) {
		// For scripts and the reader: what was subscribed (null when nothing was) and what came of it.
		writeJson(stdout, {
			subscribed: subscription === undefined ? null : {url: subscription.url, title: subscription.title ?? null, section: subscriptionSection(subscription) ?? null},
			...reportJson(report),
		});
	} else if (subscription === undefined) {
		stderr.write(`newsread: ${url}: ${report.error ?? 'the feed could not be read.'} Not subscribed.\n`);
	} else {
		const moved = subscription.url === url ? '' : ` (the feed is at ${subscription.url})`;
		stdout.write(`${subscription.title ?? subscription.url}: ${report.new} ${report.new === 1 ? 'article' : 'articles'}${moved}\n`);
		if (report.status === 'failed') {
			stderr.write(`newsread: subscribed, but storing failed: ${report.error}\n`);
		}
	}

	return subscription === undefined || report.status === 'failed' ? exitCode.failure : exitCode.ok;
}

async function removeFeed({env, stdout, stderr}: Parameters<Command>[0], args: readonly string[]): Promise<number> {
	const url = args[0];
	const feeds = readSubscriptions(subscriptionsFile(env));
	const feed = feeds.find(candidate => candidate.url === url || candidate.url === webAddress(url));
	if (url === undefined || feed === undefined) {
		stderr.write(`newsread: no subscription ${url === undefined ? 'named' : `"${url}"`}. "newsread feeds" lists them.\n`);
		return url === undefined ? exitCode.usage : exitCode.failure;
	}

	await updateSubscriptions(subscriptionsFile(env), current => withoutSubscription(current, feed.url));
	stdout.write(`Unsubscribed from ${feed.title ?? feed.url}. Its stored articles are kept (with their reading state and comments).\n`);
	return exitCode.ok;
}

async function importFeeds(context: Parameters<Command>[0], args: readonly string[]): Promise<number> {
	const {env, stdout, stderr} = context;
	const file = args[0];
	if (file === undefined) {
		stderr.write('newsread: feeds import needs an OPML file.\n');
		return exitCode.usage;
	}

	let parsed: ReturnType<typeof parseOpmlSubscriptions>;
	try {
		parsed = parseOpmlSubscriptions(decodeBody(readFileSync(file)));
	} catch (error) {
		const reason = error instanceof OpmlError ? error.message : (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file.' : (error as Error).message;
		stderr.write(`newsread: ${file}: ${reason}\n`);
		return exitCode.failure;
	}

	const added = context.now().toISOString();
	let count = 0;
	await updateSubscriptions(subscriptionsFile(env), feeds => {
		let next = feeds;
		count = 0;
		for (const opml of parsed.subscriptions) {
			if (next.some(feed => feed.url === opml.url)) {
				continue;
			}

			const subscription: Subscription = {url: opml.url, fullText: 'auto', added};
			if (opml.title !== undefined) {
				subscription.title = opml.title;
			}

			if (opml.section !== undefined) {
				subscription.section = opml.section;
			}

			if (opml.link !== undefined) {
				subscription.link = opml.link;
			}

			next = withSubscription(next, subscription);
			count++;
		}

		return next;
	});
	for (const warning of parsed.warnings) {
		stderr.write(`newsread: ${file}: ${warning}\n`);
	}

	const already = parsed.subscriptions.length - count;
	stdout.write(`Imported ${count} ${count === 1 ? 'feed' : 'feeds'}${already > 0 ? ` (${already} already subscribed)` : ''}. Run "newsread refresh" to fetch them.\n`);
	return exitCode.ok;
}

const exportFeeds: Command = context => {
	const {env, stdout} = context;
	const feeds = readSubscriptions(subscriptionsFile(env));
	stdout.write(subscriptionsToOpml(feeds.map(feed => ({url: feed.url, ...(feed.title ? {title: feed.title} : {}), ...(feed.section ? {section: feed.section} : {}), ...(feed.link ? {link: feed.link} : {})})), {title: 'newsread subscriptions', now: context.now()}));
	return exitCode.ok;
};

/** `feeds settings`: prints the settings, after changing those the flags name. */
async function feedSettings(context: Parameters<Command>[0]): Promise<number> {
	const {env, flags, stdout, stderr} = context;
	const limits = retentionFlags(context);
	if (limits === undefined) {
		return exitCode.usage;
	}

	const change: Partial<FeedSettings> = {};
	if (flags.refreshOnStart !== undefined) {
		const answer = flags.refreshOnStart.toLowerCase();
		if (answer !== 'yes' && answer !== 'no') {
			stderr.write(`newsread: --refresh-on-start is yes or no, not "${flags.refreshOnStart}".\n`);
			return exitCode.usage;
		}

		change.refreshOnStart = answer === 'yes';
	}

	if (flags.refreshEvery !== undefined) {
		const minutes = wholeNumber(flags.refreshEvery);
		if (minutes === undefined) {
			stderr.write(`newsread: --refresh-every is a whole number of minutes (0: never), not "${flags.refreshEvery}".\n`);
			return exitCode.usage;
		}

		change.refreshEveryMinutes = minutes;
	}

	const file = subscriptionsFile(env);
	let settings: FeedSettings;
	if (Object.keys(change).length === 0 && Object.keys(limits).length === 0) {
		settings = readFeedSettings(file);
	} else {
		settings = await updateFeedSettings(file, current => {
			const next: FeedSettings = {...current, ...change};
			for (const key of ['keepArticles', 'keepDays'] as const) {
				if (limits[key] === 0) {
					delete next[key];
				} else if (limits[key] !== undefined) {
					next[key] = limits[key];
				}
			}

			return next;
		});
	}

	if (flags.json) {
		writeJson(stdout, {...settings, keepArticles: settings.keepArticles ?? null, keepDays: settings.keepDays ?? null});
		return exitCode.ok;
	}

	writeLines(stdout, [
		`refreshOnStart: ${settings.refreshOnStart ? 'yes' : 'no'}`,
		`refreshEveryMinutes: ${settings.refreshEveryMinutes}${settings.refreshEveryMinutes === 0 ? ' (never)' : ''}`,
		`keepArticles: ${settings.keepArticles ?? 'all'}`,
		`keepDays: ${settings.keepDays ?? 'all'}`,
	]);
	return exitCode.ok;
}

/** `--keep` and `--keep-days` as numbers (0: no limit), those given only; undefined after saying which is wrong. */
function retentionFlags({flags, stderr}: Parameters<Command>[0]): {keepArticles?: number; keepDays?: number} | undefined {
	const limits: {keepArticles?: number; keepDays?: number} = {};
	for (const [flag, value, key, unit] of [['--keep', flags.keep, 'keepArticles', 'articles'], ['--keep-days', flags.keepDays, 'keepDays', 'days']] as const) {
		if (value === undefined) {
			continue;
		}

		const count = wholeNumber(value);
		if (count === undefined) {
			stderr.write(`newsread: ${flag} is a whole number of ${unit} (0: no limit), not "${value}".\n`);
			return undefined;
		}

		limits[key] = count;
	}

	return limits;
}

/** A whole number 0 or more written in digits, else undefined. */
function wholeNumber(text: string): number | undefined {
	const value = Number(text.trim());
	return /^\d+$/.test(text.trim()) && Number.isSafeInteger(value) ? value : undefined;
}

/** The argument as an absolute http(s) address (`example.org/feed` is read as https), else undefined. */
function webAddress(argument: string | undefined): string | undefined {
	if (argument === undefined || visibleControls(argument) !== argument) {
		return undefined;
	}

	// `gazette.example/feed` is read as https; `feed://…` as the web address it stands for; any other scheme as written.
	const address = withoutFeedScheme(argument);
	const hasScheme = /^[a-z][a-z\d+.-]*:/i.test(address);
	for (const candidate of hasScheme ? [address] : [`https://${address}`]) {
		try {
			const url = new URL(candidate);
			if ((url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '') {
				return url.href;
			}
		} catch {
			// Not an address; try the next reading.
		}
	}

	return undefined;
}
