// Feed items stored as ordinary newsread articles (Markdown with YAML frontmatter) under the data
// folder's feeds/: one file per item, found again by a hash of its guid, each written whole.
import {createHash} from 'node:crypto';
import {type Dirent, readdirSync, rmSync, statSync} from 'node:fs';
import path from 'node:path';
import {stringify} from 'yaml';
import {articleIdFromPath} from '../core/article.js';
import {readArticleText} from '../core/library.js';
import {parseArticleMeta} from '../core/parse-markdown.js';
import {sanitizeLine, sanitizeText} from '../core/sanitize.js';
import type {FeedItem} from '../feeds/feed-types.js';
import {temporaryFileStart, writeFileAtomicSync} from './atomic-write.js';
import {makePrivateFolder} from './paths.js';

/** The feed the items come from. */
export type FeedRef = {
	/** The subscription URL, as the subscriptions file stores it (written as `feed:`). */
	url: string;
	/** The section its articles are listed in. */
	section: string;
};

/**
 * A feed item with its body already converted to Markdown. `fullTextPending`: the body is the feed's
 * teaser because the linked page could not be had this time; written as `fullText: pending`.
 */
export type StorableFeedItem = FeedItem & {markdown: string; fullTextPending?: boolean};

export type StoreFeedItemsOptions = {
	/**
	 * Addresses the feed had before (a permanent redirect): their articles become this feed's, and an
	 * item whose guid is not an address is found again under them.
	 */
	formerUrls?: readonly string[];
	/** The clock (ms), for the age of temporary files a killed refresh left. @default Date.now */
	now?: () => number;
	/**
	 * The folder's items as readStoredItems found them, so a caller that looked already does not make
	 * the folder be walked again; items added are put in it. @default the folder read now
	 */
	stored?: StoredItems;
};

/** Every stored item's file (relative to the folder) by the hash of its guid (see guidHash). */
export type StoredItems = Map<string, string>;

export type StoreFeedItemsResult = {
	/** Items stored for the first time. */
	added: number;
	/** Items whose file was rewritten in place because they changed. */
	updated: number;
	/** Items whose file already said the same: not written. */
	unchanged: number;
	/** The article id of every item, in the order given. */
	ids: string[];
};

/** Characters of a title (or section) kept in a file name: the name stays well under 255 bytes. */
const SLUG_LENGTH = 50;
/** Hex digits of the guid's hash in a file name: `harbour-vote-3f9a0c21be.md`. */
const HASH_LENGTH = 10;
const hashedName = new RegExp(`-([0-9a-f]{${HASH_LENGTH}})\\.md$`);
const leftoverAge = 60_000;

/**
 * Writes each item as an article under `folder`, at `<section>/<title>-<hash of guid>.md`. An item
 * stored before (the same guid; an item without one has its link as guid) maps to the same file,
 * wherever it is below `folder` (a title or section that changed keeps the file and so the article's
 * id, reading state and comments): rewritten when what it says changed, else left alone. Items no
 * longer in the feed are not touched. Two refreshes at once write the same files, never two for one
 * item. Throws the first write's error; the items before it are stored, none half.
 */
export function storeFeedItems(folder: string, feed: FeedRef, items: readonly StorableFeedItem[], options: StoreFeedItemsOptions = {}): StoreFeedItemsResult {
	const formerUrls = options.formerUrls ?? [];
	const result: StoreFeedItemsResult = {added: 0, updated: 0, unchanged: 0, ids: []};
	makePrivateFolder(folder);
	const stored = options.stored ?? readStoredItems(folder, options);
	const addedHashes = new Set<string>();
	const sectionFolder = slug(feed.section, 'feed');
	for (const item of items) {
		const hashes = [feed.url, ...formerUrls].map(url => guidHash(item.guid, url));
		const existing = hashes.map(hash => stored.get(hash)).find(file => file !== undefined);
		const hash = hashes[0]!;
		if (existing === undefined) {
			const relative = path.join(sectionFolder, `${slug(item.title, 'item')}-${hash}.md`);
			const file = path.join(folder, relative);
			makePrivateFolder(path.dirname(file));
			writeFileAtomicSync(file, articleText(item, feed.url, feed.section));
			stored.set(hash, relative);
			addedHashes.add(hash);
			result.added++;
			result.ids.push(articleIdFromPath(relative));
			continue;
		}

		const file = path.join(folder, existing);
		const current = readIfArticle(file);
		// An item two feeds share (the same address as guid) stays with the feed that stored it first.
		const owner = current?.feed !== undefined && current.feed !== feed.url && !formerUrls.includes(current.feed) ? current.feed : feed.url;
		const text = articleText(item, owner, feed.section);
		if (current?.text === text) {
			result.unchanged++;
		} else {
			writeFileAtomicSync(file, text);
			result.updated++;
		}

		result.ids.push(articleIdFromPath(existing));
	}

	if (addedHashes.size > 0) {
		removeRacedCopies(folder, sectionFolder, addedHashes);
	}

	return result;
}

/**
 * The hash in an item's file name. A guid that is an address (`https:`, `tag:`, `urn:`, the parser's
 * `sha256:`) names the item wherever it is found; any other (`42`) only within its feed.
 */
export function guidHash(guid: string, feedUrl: string): string {
	const key = /^[a-z][\w+.-]*:/i.test(guid) ? guid : `${feedUrl}\n${guid}`;
	return createHash('sha256').update(key).digest('hex').slice(0, HASH_LENGTH);
}

/** A file name part from text: lowercase letters and digits (accents dropped) joined by `-`. */
export function slug(text: string, fallback: string): string {
	const words = sanitizeLine(text)
		.normalize('NFKD')
		.replaceAll(/\p{M}/gu, '')
		.toLowerCase()
		.match(/[\p{L}\p{N}]+/gu) ?? [];
	const joined = [...words.join('-')].slice(0, SLUG_LENGTH).join('').replace(/-+$/, '');
	return joined || fallback;
}

/** The article file for an item: frontmatter written by yaml (so any text round-trips), then the body. */
function articleText(item: StorableFeedItem, feedUrl: string, section: string): string {
	const line = (text: string | undefined) => (text === undefined ? undefined : sanitizeLine(text) || undefined);
	const fields: Record<string, unknown> = {
		title: line(item.title) ?? 'Untitled',
		section: line(section) ?? 'Feeds',
		date: line(item.date),
		author: line(item.author),
		summary: line(item.summary),
		tags: item.tags.map(tag => sanitizeLine(tag)).filter(Boolean),
		source: line(item.link),
		feed: line(feedUrl),
		guid: line(item.guid),
		fullText: item.fullTextPending ? PENDING : undefined,
	};
	for (const [key, value] of Object.entries(fields)) {
		if (value === undefined || (Array.isArray(value) && value.length === 0)) {
			delete fields[key];
		}
	}

	// lineWidth 0: one line per value, never folded.
	const frontmatter = stringify(fields, {lineWidth: 0});
	const body = sanitizeText(item.markdown).trim();
	return `---\n${frontmatter}---\n\n${body}\n`;
}

const PENDING = 'pending';
/** The frontmatter line of an item waiting for its full text (yaml writes it so). */
const pendingMark = `fullText: ${PENDING}`;

/** A stored item still waiting for its page's full text, as its file says. */
export type PendingItem = {title: string; link?: string; date?: string};

/** The frontmatter (without its `---` lines) and the body of an article file newsread wrote, or undefined. */
function splitArticle(text: string): {frontmatter: string; body: string} | undefined {
	if (!text.startsWith('---\n')) {
		return undefined;
	}

	// Every value is written on one line (see articleText), so the first `---` line ends the frontmatter.
	const end = text.indexOf('\n---\n', 3);
	return end === -1 ? undefined : {frontmatter: text.slice(4, end + 1), body: text.slice(end + 5)};
}

/** The item stored at `relative` when it is still marked `fullText: pending`; undefined when it is gone or has its full text. */
export function readPendingItem(folder: string, relative: string): PendingItem | undefined {
	const file = path.join(folder, relative);
	try {
		const text = readArticleText(file);
		const parts = splitArticle(text);
		if (!parts?.frontmatter.split('\n').includes(pendingMark)) {
			return undefined;
		}

		const meta = parseArticleMeta(text, {id: '', file});
		return {title: meta.title, ...(meta.source === undefined ? {} : {link: meta.source}), ...(meta.date === undefined ? {} : {date: meta.date})};
	} catch {
		return undefined;
	}
}

/**
 * Ends the wait of the item stored at `relative`: its body replaced with `markdown` (its full text),
 * or kept when there is none (the page will never give it), and its `fullText: pending` mark dropped.
 * The same file, so the article keeps its id, reading state and comments. False when the file is gone
 * or no longer pending (another refresh completed it).
 */
export function settlePendingItem(folder: string, relative: string, markdown?: string): boolean {
	const file = path.join(folder, relative);
	let parts: ReturnType<typeof splitArticle>;
	try {
		parts = splitArticle(readArticleText(file));
	} catch {
		return false;
	}

	const lines = parts?.frontmatter.split('\n');
	if (parts === undefined || !lines?.includes(pendingMark)) {
		return false;
	}

	const frontmatter = lines.filter(line => line !== pendingMark).join('\n');
	const body = markdown === undefined ? parts.body.trim() : sanitizeText(markdown).trim();
	writeFileAtomicSync(file, `---\n${frontmatter}---\n\n${body}\n`);
	return true;
}

/** The stored file's text and feed, or undefined when it is gone or no longer an article (then it is written again). */
function readIfArticle(file: string): {text: string; feed?: string} | undefined {
	try {
		const text = readArticleText(file);
		const {feed} = parseArticleMeta(text, {id: '', file});
		return {text, feed};
	} catch {
		return undefined;
	}
}

/**
 * Every item stored under `folder`, found by the names of its files (none is read): whether an item is
 * stored already, and where. Leftovers of killed writes older than a minute are removed on the way.
 */
export function readStoredItems(folder: string, options: {now?: () => number} = {}): StoredItems {
	const now = options.now?.() ?? Date.now();
	const byHash: StoredItems = new Map();
	for (const {relative, name} of storedFiles(folder)) {
		const started = name.includes('.md.tmp-') ? temporaryFileStart(name) : undefined;
		if (started !== undefined) {
			if (now - started > leftoverAge) {
				rmSync(path.join(folder, relative), {force: true});
			}

			continue;
		}

		const hash = hashedName.exec(name)?.[1];
		if (hash === undefined) {
			continue;
		}

		// Of two files for one item (two refreshes raced, see removeRacedCopies), every process keeps the first by path.
		if (byHash.has(hash)) {
			rmSync(path.join(folder, relative), {force: true});
		} else {
			byHash.set(hash, relative);
		}
	}

	return byHash;
}

/** The files in `folder`'s section folders (or only in `only`), sorted by path. */
function storedFiles(folder: string, only?: string): Array<{relative: string; name: string}> {
	const files: Array<{relative: string; name: string}> = [];
	for (const section of entries(folder)) {
		if (!section.isDirectory() || section.name.startsWith('.') || (only !== undefined && section.name !== only)) {
			continue;
		}

		for (const entry of entries(path.join(folder, section.name))) {
			if (entry.isFile()) {
				files.push({relative: path.join(section.name, entry.name), name: entry.name});
			}
		}
	}

	return files.sort((a, b) => (a.relative < b.relative ? -1 : a.relative > b.relative ? 1 : 0));
}

function entries(folder: string): Dirent[] {
	try {
		return readdirSync(folder, {withFileTypes: true});
	} catch {
		return [];
	}
}

/**
 * Two refreshes at once can each add a new item under a different title (the feed changed it between
 * their fetches): both then keep the first file by path and remove the other, so one file remains.
 * Only the section folder the items were added to is looked at (not every feed's); a copy a race left
 * in another section is removed by the next readStoredItems.
 */
function removeRacedCopies(folder: string, section: string, hashes: ReadonlySet<string>): void {
	const kept = new Set<string>();
	for (const {relative, name} of storedFiles(folder, section)) {
		const hash = hashedName.exec(name)?.[1];
		if (hash === undefined || !hashes.has(hash)) {
			continue;
		}

		if (kept.has(hash)) {
			rmSync(path.join(folder, relative), {force: true});
		} else {
			kept.add(hash);
		}
	}
}

/** A stored feed article, as retention weighs it. */
export type StoredFeedArticle = {
	id: string;
	/** Its file (absolute). */
	file: string;
	/** Its date (ms), else when its file was last written. */
	time: number;
};

/** Every article under `folder` by the feed it came from (its `feed:`), each file's frontmatter read once. */
export function readFeedArticles(folder: string): Map<string, StoredFeedArticle[]> {
	const byFeed = new Map<string, StoredFeedArticle[]>();
	for (const {relative} of storedFiles(folder)) {
		if (!relative.endsWith('.md')) {
			continue;
		}

		const file = path.join(folder, relative);
		try {
			const meta = parseArticleMeta(readArticleText(file), {id: '', file});
			if (meta.feed !== undefined) {
				const time = meta.date === undefined ? Number.NaN : Date.parse(meta.date);
				const list = byFeed.get(meta.feed) ?? [];
				list.push({id: articleIdFromPath(relative), file, time: Number.isNaN(time) ? statSync(file).mtimeMs : time});
				byFeed.set(meta.feed, list);
			}
		} catch {
			// Not a feed article newsread can read: not retention's to remove.
		}
	}

	return byFeed;
}

export type RetentionOptions = {
	/** Keep at most this many of the feed's articles, the newest. */
	keepCount?: number;
	/** Keep only articles dated (else stored) within this many days. */
	keepDays?: number;
	/**
	 * Articles never removed, whatever their age: saved ones, ones with comments. Include the ids the
	 * last storeFeedItems returned, or items still in the feed are stored again at the next refresh.
	 */
	protect: (id: string) => boolean;
	/** The clock (ms). @default Date.now */
	now?: () => number;
	/** The feed's articles as readFeedArticles found them (for a caller pruning many feeds with one read of the folder). @default read now */
	articles?: readonly StoredFeedArticle[];
};

/**
 * Removes the feed's articles past `keepCount` (newest first) or older than `keepDays`, except
 * protected ones; returns the ids removed. Without either limit nothing is removed.
 */
export function pruneFeedArticles(folder: string, feed: Pick<FeedRef, 'url'>, options: RetentionOptions): string[] {
	const {keepCount, keepDays, protect} = options;
	if (keepCount === undefined && keepDays === undefined) {
		return [];
	}

	const now = options.now?.() ?? Date.now();
	const articles = [...(options.articles ?? readFeedArticles(folder).get(feed.url) ?? [])];
	articles.sort((a, b) => b.time - a.time);
	const oldest = keepDays === undefined ? -Infinity : now - (keepDays * 24 * 60 * 60 * 1000);
	const removed: string[] = [];
	for (const [index, article] of articles.entries()) {
		const kept = (keepCount === undefined || index < keepCount) && article.time >= oldest;
		if (!kept && !protect(article.id)) {
			rmSync(article.file, {force: true});
			removed.push(article.id);
		}
	}

	return removed;
}
