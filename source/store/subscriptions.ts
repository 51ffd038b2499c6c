// The subscriptions file (feeds.json in the config folder, for a person to read and edit) and the fetch
// state beside it (feeds-state.json, a cache): each change a read-modify-write under a file lock, each
// write whole or nothing. A broken subscriptions file is reported and left alone; a broken cache starts over.
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {sanitizeLine} from '../core/sanitize.js';
import {writeFileAtomicSync} from './atomic-write.js';
import {type Environment, makePrivateFolder, stateDir} from './paths.js';
import {lockStoreFile, removeLeftoverTemporaryFiles, type StateFileOptions} from './state-file.js';

/** When a feed's items are completed with the article fetched from their link. */
export type FullTextMode = 'auto' | 'always' | 'never';
export const FULL_TEXT_MODES: readonly FullTextMode[] = ['auto', 'always', 'never'];

/** One feed in feeds.json. Keys a person added by hand are kept when the file is written again. */
export type Subscription = {
	/** The subscription's address, as stored (a permanent redirect replaces it). */
	url: string;
	/** The feed's own title, one line of plain text. */
	title?: string;
	/** The section its articles are listed in; none: the feed's title. */
	section?: string;
	/** @default 'auto' */
	fullText: FullTextMode;
	/** The site's address. */
	link?: string;
	/** When it was subscribed (ISO 8601). */
	added?: string;
	/** Keep at most this many of its articles, in place of the settings' `keepArticles`. */
	keepArticles?: number;
	/** Keep its articles of the last this many days, in place of the settings' `keepDays`. */
	keepDays?: number;
};

/** The top-level `"settings"` object of feeds.json, for a person to edit; each key has a default when it is absent. */
export type FeedSettings = {
	/** Refresh every feed when the reader starts. @default false */
	refreshOnStart: boolean;
	/** While the reader is open, refresh every this many minutes (each feed still waits for its own ttl, Cache-Control or Retry-After); 0: never. @default 0 */
	refreshEveryMinutes: number;
	/** Keep at most this many articles per feed, the newest (saved ones and ones with comments always kept). */
	keepArticles?: number;
	/** Keep the articles of the last this many days per feed (same exceptions). */
	keepDays?: number;
};

export const DEFAULT_FEED_SETTINGS: Readonly<FeedSettings> = {refreshOnStart: false, refreshEveryMinutes: 0};

/** What a fetch remembers of one feed, for the next one. Times are ISO 8601. */
export type FeedFetchState = {
	etag?: string;
	lastModified?: string;
	lastChecked?: string;
	/** Why the last fetch failed, a sentence; none when it worked. */
	lastError?: string;
	/** No fetch before this time (the feed's ttl, Cache-Control or Retry-After). */
	nextFetchAfter?: string;
	/** The address a permanent redirect pointed to. */
	permanentRedirect?: string;
	/**
	 * The SHA-256 of the last feed body whose items were all stored: the same bytes again (a server
	 * that ignores ETag and Last-Modified) are not converted and compared item by item once more.
	 */
	bodyHash?: string;
	/**
	 * Items stored as the feed's teaser, by the hash in their file name, whose page is fetched again
	 * at a later refresh: the refresh reached its cap of pages, or the page failed for a passing reason.
	 */
	pendingFullText?: string[];
};

/** Subscription URL -> its fetch state. */
export type FeedStates = Record<string, FeedFetchState>;

export type StoreFileOptions = Pick<StateFileOptions, 'lockWaitMs' | 'onLockCompromised'> & {
	/** The clock (ms), for the age of temporary files left by killed writers. @default Date.now */
	now?: () => number;
};

/** The section a subscription's articles are listed in: its own, else the feed's title. */
export function subscriptionSection(feed: Pick<Subscription, 'section' | 'title'>): string | undefined {
	return feed.section ?? feed.title;
}

/** The subscriptions file: `feeds.json` in the config folder (beside config.json). */
export function subscriptionsFile(env: Environment = process.env): string {
	return path.join(stateDir(env), 'feeds.json');
}

/** The fetch state file, beside the subscriptions. */
export function feedStateFile(env: Environment = process.env): string {
	return path.join(stateDir(env), 'feeds-state.json');
}

/** A subscriptions file that cannot be read or is not what newsread writes; the message names the file and what is wrong. */
export class SubscriptionsFileError extends Error {
	override name = 'SubscriptionsFileError';

	constructor(readonly file: string, problem: string, options?: ErrorOptions) {
		super(`The subscriptions file ${file} cannot be used: ${problem}. Fix it or move it away; newsread does not change it until then.`, options);
	}
}

/** Files the user owns are theirs alone, as config.json is. */
const FILE_MODE = 0o600;

/** The subscriptions in the file; none when it does not exist. @throws SubscriptionsFileError when it is broken. */
export function readSubscriptions(file: string): Subscription[] {
	return readSubscriptionsDocument(file).feeds;
}

/**
 * Applies `change` to the file's current subscriptions under its lock and writes the result whole
 * (nothing is written when it is unchanged); resolves to what the file now holds. A broken file is
 * not replaced: SubscriptionsFileError. Rejects with ELOCKED when another newsread held the lock all
 * of lockWaitMs, or with the write's error, the file left as it was.
 */
export async function updateSubscriptions(file: string, change: (feeds: Subscription[]) => Subscription[], options: StoreFileOptions = {}): Promise<Subscription[]> {
	return underLock(file, options, () => {
		const {feeds, rest, text} = readSubscriptionsDocument(file);
		const changed = change(feeds.map(feed => ({...feed})));
		const written = `${JSON.stringify({...rest, feeds: changed.map(feed => orderedKeys(feed))}, undefined, 2)}\n`;
		if (written !== text) {
			writeFileAtomicSync(file, written, {mode: FILE_MODE});
		}

		return changed;
	});
}

/** The feeds with `feed` in place of the one with its URL (keeping when it was added), else added at the end. */
export function withSubscription(feeds: readonly Subscription[], feed: Subscription): Subscription[] {
	const index = feeds.findIndex(existing => existing.url === feed.url);
	if (index === -1) {
		return [...feeds, feed];
	}

	const existing = feeds[index]!;
	return feeds.map((item, at) => (at === index ? {...existing, ...feed, added: existing.added ?? feed.added} : item));
}

/** The feeds without the one with this URL. */
export function withoutSubscription(feeds: readonly Subscription[], url: string): Subscription[] {
	return feeds.filter(feed => feed.url !== url);
}

/** The settings in the file, with the defaults for keys it leaves out. @throws SubscriptionsFileError when the file, or a setting, is broken. */
export function readFeedSettings(file: string): FeedSettings {
	const {rest} = readSubscriptionsDocument(file);
	return settingsFrom(file, rest['settings']);
}

/**
 * Applies `change` to the file's settings under its lock and writes them (every known key, the limits
 * only when set; keys a person added kept), the subscriptions left as they are; resolves to the
 * settings now in the file. Fails as updateSubscriptions does, and on a broken setting.
 */
export async function updateFeedSettings(file: string, change: (settings: FeedSettings) => FeedSettings, options: StoreFileOptions = {}): Promise<FeedSettings> {
	return underLock(file, options, () => {
		const {feeds, rest, text} = readSubscriptionsDocument(file);
		const {settings: stored, ...others} = rest;
		const changed = change(settingsFrom(file, stored));
		const problem = settingsProblem(changed);
		if (problem !== undefined) {
			throw new TypeError(`The setting ${problem}.`);
		}

		const {keepArticles, keepDays, refreshOnStart, refreshEveryMinutes, ...unknown} = {...(isRecord(stored) ? stored : {}), ...changed} as FeedSettings & Record<string, unknown>;
		// Settings first, where a person opening the file sees them.
		const settings = {refreshOnStart, refreshEveryMinutes, keepArticles: changed.keepArticles, keepDays: changed.keepDays, ...unknown};
		const written = `${JSON.stringify({settings, ...others, feeds: feeds.map(feed => orderedKeys(feed))}, undefined, 2)}\n`;
		if (written !== text) {
			writeFileAtomicSync(file, written, {mode: FILE_MODE});
		}

		return changed;
	});
}

const settingKinds = {
	refreshOnStart: 'true or false',
	refreshEveryMinutes: 'a whole number of minutes, 0 for never',
	keepArticles: 'a whole number of articles, 1 or more (leave it out to keep all)',
	keepDays: 'a whole number of days, 1 or more (leave it out to keep all)',
} as const;

/** The settings of a `"settings"` value, defaults for the keys it leaves out (null is left out). */
function settingsFrom(file: string, value: unknown): FeedSettings {
	if (value === undefined || value === null) {
		return {...DEFAULT_FEED_SETTINGS};
	}

	if (!isRecord(value)) {
		throw new SubscriptionsFileError(file, '"settings" is not an object');
	}

	const settings: FeedSettings = {...DEFAULT_FEED_SETTINGS};
	for (const key of Object.keys(settingKinds) as Array<keyof FeedSettings>) {
		if (value[key] !== undefined && value[key] !== null) {
			(settings as Record<string, unknown>)[key] = value[key];
		}
	}

	const problem = settingsProblem(settings);
	if (problem !== undefined) {
		throw new SubscriptionsFileError(file, `the setting ${problem}`);
	}

	return settings;
}

/** Which setting is wrong and what it should be, as the end of a sentence, or undefined. */
function settingsProblem(settings: FeedSettings): string | undefined {
	const wrong = (key: keyof FeedSettings) => `"${key}" is ${JSON.stringify(settings[key]) ?? String(settings[key])}, not ${settingKinds[key]}`;
	if (typeof settings.refreshOnStart !== 'boolean') {
		return wrong('refreshOnStart');
	}

	if (!Number.isSafeInteger(settings.refreshEveryMinutes) || settings.refreshEveryMinutes < 0) {
		return wrong('refreshEveryMinutes');
	}

	for (const key of ['keepArticles', 'keepDays'] as const) {
		if (settings[key] !== undefined && !isLimit(settings[key])) {
			return wrong(key);
		}
	}

	return undefined;
}

/** A retention limit: a whole number, 1 or more. */
function isLimit(value: unknown): value is number {
	return typeof value === 'number' && Number.isSafeInteger(value) && value >= 1;
}

/** The fetch state of every feed; a missing file is none, a damaged one is said to `onWarning` and started over. */
export function readFeedStates(file: string, onWarning?: (message: string) => void): FeedStates {
	return readFeedStatesDocument(file, onWarning).states;
}

/**
 * Applies `change` to the current fetch states under the file's lock and writes them whole; resolves
 * to what was written. Two refreshes at once each change their own feeds and lose neither's.
 */
export async function updateFeedStates(
	file: string,
	change: (states: FeedStates) => FeedStates,
	options: StoreFileOptions & {onWarning?: (message: string) => void} = {},
): Promise<FeedStates> {
	return underLock(file, options, () => {
		const {states, text} = readFeedStatesDocument(file, options.onWarning);
		const changed = change(structuredClone(states));
		const written = `${JSON.stringify({feeds: changed}, undefined, 2)}\n`;
		if (written !== text) {
			writeFileAtomicSync(file, written, {mode: FILE_MODE});
		}

		return changed;
	});
}

/**
 * Per file, the last change of this process in line for its lock. A refresh stores many feeds at once:
 * they take turns here instead of each polling the file lock, where a crowd of one process's own
 * changes starves (a turn comes only between its synchronous work) and gives up after lockWaitMs.
 */
const queues = new Map<string, Promise<unknown>>();

async function underLock<T>(file: string, options: StoreFileOptions, work: () => T): Promise<T> {
	const key = path.resolve(file);
	const turn = (queues.get(key) ?? Promise.resolve()).then(async () => underFileLock(file, options, work));
	const done = turn.catch(() => undefined);
	queues.set(key, done);
	void done.then(() => {
		if (queues.get(key) === done) {
			queues.delete(key);
		}
	});
	return turn;
}

async function underFileLock<T>(file: string, options: StoreFileOptions, work: () => T): Promise<T> {
	const dir = path.dirname(file);
	makePrivateFolder(dir);
	removeLeftoverTemporaryFiles(dir, file, options.now?.() ?? Date.now());
	const release = await lockStoreFile(file, options);
	try {
		return work();
	} finally {
		await release();
	}
}

/** The file's text, or undefined when it does not exist; other errors are thrown. */
function readText(file: string): string | undefined {
	try {
		return readFileSync(file, 'utf8');
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
			return undefined;
		}

		throw error;
	}
}

const BOM = '\uFEFF';

type SubscriptionsDocument = {
	feeds: Subscription[];
	/** The file's other top-level keys, kept as they are. */
	rest: Record<string, unknown>;
	/** The file's text as read, or undefined when it did not exist. */
	text: string | undefined;
};

function readSubscriptionsDocument(file: string): SubscriptionsDocument {
	let text: string | undefined;
	try {
		text = readText(file);
	} catch (error) {
		throw new SubscriptionsFileError(file, `it cannot be read (${sanitizeLine((error as Error).message)})`, {cause: error});
	}

	const json = text?.startsWith(BOM) ? text.slice(BOM.length) : text;
	// A file emptied by hand is an empty list.
	if (json === undefined || json.trim() === '') {
		return {feeds: [], rest: {}, text};
	}

	let value: unknown;
	try {
		value = JSON.parse(json);
	} catch (error) {
		throw new SubscriptionsFileError(file, `it is not valid JSON (${jsonProblem((error as Error).message, json)})`, {cause: error});
	}

	if (!isRecord(value)) {
		throw new SubscriptionsFileError(file, 'it is not a JSON object with a "feeds" list');
	}

	const {feeds, ...rest} = value;
	if (!Array.isArray(feeds)) {
		throw new SubscriptionsFileError(file, feeds === undefined ? 'it has no "feeds" list' : '"feeds" is not a list');
	}

	const problems: string[] = [];
	const seen = new Set<string>();
	const read: Subscription[] = [];
	for (const [index, entry] of feeds.entries()) {
		const problem = subscriptionProblem(entry);
		if (problem) {
			problems.push(`feed ${index + 1}${isRecord(entry) && typeof entry['url'] === 'string' ? ` (${sanitizeLine(entry['url'])})` : ''} ${problem}`);
			continue;
		}

		const feed = cleanSubscription(entry as Record<string, unknown>);
		// The same feed listed twice by hand is fetched once; the first entry is the one kept.
		if (!seen.has(feed.url)) {
			seen.add(feed.url);
			read.push(feed);
		}
	}

	if (problems.length > 0) {
		const shown = problems.slice(0, 3).join('; ');
		throw new SubscriptionsFileError(file, problems.length > 3 ? `${shown}; and ${problems.length - 3} more` : shown);
	}

	return {feeds: read, rest, text};
}

const textKeys = ['title', 'section', 'link', 'added'] as const;

/** What is wrong with one entry of "feeds", as the end of a sentence, or undefined. */
function subscriptionProblem(entry: unknown): string | undefined {
	if (!isRecord(entry)) {
		return 'is not an object';
	}

	const {url, fullText} = entry;
	if (typeof url !== 'string' || url.trim() === '') {
		return 'has no "url"';
	}

	if (!isWebAddress(url)) {
		return 'has a "url" that is not an http or https address';
	}

	for (const key of textKeys) {
		if (entry[key] !== undefined && entry[key] !== null && typeof entry[key] !== 'string') {
			return `has a "${key}" that is not text`;
		}
	}

	if (fullText !== undefined && !FULL_TEXT_MODES.includes(fullText as FullTextMode)) {
		return `has "fullText" ${JSON.stringify(fullText)}, not "auto", "always" or "never"`;
	}

	for (const key of ['keepArticles', 'keepDays'] as const) {
		if (entry[key] !== undefined && entry[key] !== null && !isLimit(entry[key])) {
			return `has "${key}" ${JSON.stringify(entry[key])}, not ${settingKinds[key]}`;
		}
	}

	return undefined;
}

/** An entry that passed subscriptionProblem, its text sanitized (a hand edit may hold escape sequences), empty values dropped. */
function cleanSubscription(entry: Record<string, unknown>): Subscription {
	const feed: Record<string, unknown> = {...entry, url: (entry['url'] as string).trim(), fullText: entry['fullText'] ?? 'auto'};
	for (const key of ['keepArticles', 'keepDays']) {
		if (feed[key] === null) {
			delete feed[key];
		}
	}

	for (const key of textKeys) {
		const value = typeof entry[key] === 'string' ? sanitizeLine(entry[key]) : '';
		if (value === '') {
			delete feed[key];
		} else {
			feed[key] = value;
		}
	}

	return feed as Subscription;
}

/** The keys in the order a person reads them, the ones newsread does not know after them. */
function orderedKeys(feed: Subscription): Record<string, unknown> {
	const {url, title, section, fullText, link, added, keepArticles, keepDays, ...others} = feed as Subscription & Record<string, unknown>;
	return {url, title, section, fullText, link, added, keepArticles, keepDays, ...others};
}

function isWebAddress(text: string): boolean {
	if (/[\s\u0000-\u001F\u007F-\u009F]/.test(text.trim())) {
		return false;
	}

	try {
		const {protocol} = new URL(text.trim());
		return protocol === 'http:' || protocol === 'https:';
	} catch {
		return false;
	}
}

/** JSON.parse's message with the position as a line and column, for a person with an editor. */
function jsonProblem(message: string, text: string): string {
	const line = sanitizeLine(message);
	// Node 20 says `at position 52`, Node 22 adds `(line 3 column 5)`: both become `at line 3, column 5`.
	const match = /at position (\d+)(?: \(line \d+ column \d+\))?/.exec(line);
	if (!match) {
		return line;
	}

	const before = text.slice(0, Number(match[1]));
	const lineNumber = before.split('\n').length;
	const column = before.length - before.lastIndexOf('\n');
	return line.replace(match[0], `at line ${lineNumber}, column ${column}`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const stateKeys = ['etag', 'lastModified', 'lastChecked', 'lastError', 'nextFetchAfter', 'permanentRedirect', 'bodyHash'] as const;

function readFeedStatesDocument(file: string, onWarning?: (message: string) => void): {states: FeedStates; text: string | undefined} {
	let text: string | undefined;
	try {
		text = readText(file);
	} catch (error) {
		onWarning?.(`The feed fetch state ${file} cannot be read (${sanitizeLine((error as Error).message)}); every feed is fetched as new.`);
		return {states: {}, text: undefined};
	}

	if (text === undefined) {
		return {states: {}, text};
	}

	let value: unknown;
	try {
		value = JSON.parse(text.startsWith(BOM) ? text.slice(BOM.length) : text);
	} catch (error) {
		onWarning?.(`The feed fetch state ${file} was damaged (${jsonProblem((error as Error).message, text)}); it starts over, and every feed is fetched as new.`);
		return {states: {}, text};
	}

	const feeds = isRecord(value) ? value['feeds'] : undefined;
	if (!isRecord(feeds)) {
		onWarning?.(`The feed fetch state ${file} was damaged (it has no "feeds" object); it starts over, and every feed is fetched as new.`);
		return {states: {}, text};
	}

	let dropped = 0;
	const states = Object.fromEntries(Object.entries(feeds).flatMap(([url, entry]) => {
		if (!isRecord(entry)) {
			dropped++;
			return [];
		}

		const state: FeedFetchState = {};
		for (const key of stateKeys) {
			if (typeof entry[key] === 'string') {
				state[key] = entry[key];
			} else if (entry[key] !== undefined) {
				dropped++;
			}
		}

		const pending = entry['pendingFullText'];
		if (Array.isArray(pending) && pending.every(hash => typeof hash === 'string')) {
			state.pendingFullText = pending;
		} else if (pending !== undefined) {
			dropped++;
		}

		return [[url, state]];
	}));
	if (dropped > 0) {
		onWarning?.(`The feed fetch state ${file} had ${dropped === 1 ? 'a bad value' : `${dropped} bad values`}; ${dropped === 1 ? 'it was' : 'they were'} left out.`);
	}

	return {states, text};
}
