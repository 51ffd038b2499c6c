// A fetched feed's bytes -> ParsedFeed: RSS 0.9x/2.0, RSS 1.0 (RDF), Atom 0.3/1.0 and JSON Feed 1.0/1.1
// read by feedsmith, then normalised (plain-text titles, absolute links, ids, authors, tags, ISO dates)
// and sanitized. Pure: no network, no files.

import {createHash} from 'node:crypto';
import {XMLValidator} from 'fast-xml-parser';
import {DetectError, MalformedError, ParseError, parseFeed as feedsmithParse} from 'feedsmith';
import type {AnyFeed, AtomFeed, JsonFeed, RdfFeed, RssFeed} from 'feedsmith';
import {sanitizeLine, sanitizeText} from '../core/sanitize.js';
import {decodeBodyDetailed} from './decode-body.js';
import {parseFeedDate} from './feed-dates.js';
import type {FeedItem, ParsedFeed} from './feed-types.js';
import {
	absoluteLinks, cutText, htmlToText, looseHtmlTitle, resolveUrl, resolveWebUrl, textToHtml,
} from './feed-text.js';

/** A body that is not a feed newsread can read; the message is one sentence a person can act on. */
export class FeedParseError extends Error {
	override name = 'FeedParseError';
}

/** Options of `parseFeed`. */
export type ParseFeedOptions = {
	/** The response's Content-Type header (its charset is used; the type itself is not trusted). */
	contentType?: string;
	/** The feed's URL, against which relative links are resolved. */
	url?: string;
};

/** Longest summary, in characters. */
export const summaryLength = 300;
const titleFromSummaryLength = 80;

type AnyParsed = AnyFeed<string>;

/** Reads a feed. Throws `FeedParseError` for an empty body, an HTML page, broken XML or JSON, or anything else that is not a feed. */
export function parseFeed(body: Uint8Array, options: ParseFeedOptions = {}): ParsedFeed {
	const decoded = decodeBodyDetailed(body, options.contentType);
	const text = decoded.text;
	const warnings = [...decoded.warnings];
	if (text.trim() === '') {
		throw new FeedParseError('The feed is empty.');
	}

	if (looksLikeHtml(text)) {
		throw new FeedParseError('This is an HTML page, not a feed.');
	}

	const parsed = readFeed(text, warnings);
	const feed = normalise(parsed, options.url, warnings);
	return feed;
}

function readFeed(text: string, warnings: string[]): AnyParsed {
	try {
		return feedsmithParse<string>(text);
	} catch (error) {
		if (!(error instanceof DetectError || error instanceof MalformedError || error instanceof ParseError)) {
			throw error;
		}

		if (/^\s*[[{]/.test(text)) {
			throw new FeedParseError(jsonProblem(text));
		}

		if (!/^\s*</.test(text)) {
			throw new FeedParseError('This is neither XML nor JSON, so not a feed.');
		}

		const problem = xmlProblem(text);
		if (error instanceof DetectError && problem === undefined) {
			const root = rootElement(text);
			throw new FeedParseError(root === undefined
				? 'This is not a feed: it has no XML element.'
				: `This is XML, but not a feed: its root element is <${root}>.`);
		}

		const recovered = readUpToLastItem(text);
		const salvaged = readWholeItems(text);
		const where = (problem ?? 'The feed\'s XML is broken.').replace(/\.$/, '');
		if (salvaged && itemCount(salvaged.parsed) > (recovered ? itemCount(recovered) : 0)) {
			const count = itemCount(salvaged.parsed);
			const {left} = salvaged;
			const leftOut = left === 0 ? '' : ` and ${left === 1 ? 'one broken one was' : `${left} broken ones were`} left out`;
			warnings.push(`${where}; ${count === 1 ? 'one article was' : `${count} articles were`} read${leftOut}.`);
			return salvaged.parsed;
		}

		if (recovered) {
			const count = itemCount(recovered);
			warnings.push(`${where}; the ${count === 1 ? 'article' : `${count} articles`} before it ${count === 1 ? 'was' : 'were'} read.`);
			return recovered;
		}

		throw new FeedParseError(`${where}.`);
	}
}

// The start and end tags of items and entries (a namespace prefix allowed).
const itemTag = /<(\/?)((?:[\w.-]+:)?(?:item|entry))(?=[\s>])/gi;

// Each item or entry, from its start tag to the next end tag of its name (one pass, so a feed of
// start tags that never close takes no longer than any other).
function itemTexts(text: string): string[] {
	const found: string[] = [];
	let start: {index: number; name: string} | undefined;
	for (const match of text.matchAll(itemTag)) {
		const name = match[2]!.toLowerCase();
		if (match[1] === '') {
			start ??= {index: match.index, name};
		} else if (start?.name === name) {
			found.push(text.slice(start.index, text.indexOf('>', match.index) + 1));
			start = undefined;
		}
	}

	return found;
}

// A feed broken in the middle (one item with a tag left open, a mismatched end tag, a CDATA section
// never closed): the channel, and each item that is whole XML by itself; the broken ones are left out.
function readWholeItems(feedText: string): {parsed: AnyParsed; left: number} | undefined {
	// Items in comments (one never closed runs to the end) are not items.
	const text = feedText.replace(/<!--[^]*?(?:-->|$)/g, '');
	const root = rootElement(text);
	const items = itemTexts(text);
	const first = items[0];
	if (root === undefined || first === undefined) {
		return undefined;
	}

	const whole = items.filter(item => XMLValidator.validate(item, {allowBooleanAttributes: true}) === true);
	const closing = /^rss$/i.test(root) ? '</channel></rss>' : `</${root}>`;
	try {
		const parsed = feedsmithParse<string>(`${text.slice(0, text.indexOf(first))}${whole.join('\n')}${closing}`);
		return itemCount(parsed) > 0 ? {parsed, left: items.length - whole.length} : undefined;
	} catch {
		return undefined;
	}
}

// A feed cut off in the middle (a download that stopped): the items up to the last complete one.
function readUpToLastItem(text: string): AnyParsed | undefined {
	const root = rootElement(text);
	const lastEnd = Math.max(text.toLowerCase().lastIndexOf('</item>'), text.toLowerCase().lastIndexOf('</entry>'));
	if (root === undefined || lastEnd < 0) {
		return undefined;
	}

	const closeLength = text.startsWith('</item>', lastEnd) || text.toLowerCase().startsWith('</item>', lastEnd) ? 7 : 8;
	const head = text.slice(0, lastEnd + closeLength);
	const closing = /^rss$/i.test(root) ? '</channel></rss>' : `</${root}>`;
	try {
		const parsed = feedsmithParse<string>(head + closing);
		return itemCount(parsed) > 0 ? parsed : undefined;
	} catch {
		return undefined;
	}
}

function itemCount(parsed: AnyParsed): number {
	return parsed.format === 'atom' ? parsed.feed.entries?.length ?? 0 : parsed.feed.items?.length ?? 0;
}

function xmlProblem(text: string): string | undefined {
	const result = XMLValidator.validate(text, {allowBooleanAttributes: true, unpairedTags: ['br', 'hr', 'img']});
	if (result === true) {
		return undefined;
	}

	const {line, msg} = result.err;
	let what = msg;
	const unclosed = /^Invalid '\[(.*)\]' found\.$/s.exec(msg);
	if (unclosed) {
		const names = unclosed[1]!.split(',').map(name => name.trim().replace(/^"|"$/g, ''));
		what = `it ends before <${names.at(-1)}> is closed`;
		return `The feed's XML is broken: ${what}.`;
	}

	what = sanitizeLine(cutText(what, 120)).replace(/\.$/, '');
	return `The feed's XML is broken at line ${line}: ${what.charAt(0).toLowerCase()}${what.slice(1)}.`;
}

function jsonProblem(text: string): string {
	try {
		JSON.parse(text);
	} catch (error) {
		const message = sanitizeLine(cutText(error instanceof Error ? error.message : String(error), 120)).replace(/\.$/, '');
		return `The feed's JSON is broken: ${message}.`;
	}

	return 'This is JSON, but not a JSON Feed.';
}

// The first element's name, past the XML declaration, comments, processing instructions and a doctype.
function rootElement(text: string): string | undefined {
	const match = /^\s*(?:(?:<\?[^]*?\?>|<!--[^]*?-->|<!DOCTYPE[^>[]*(?:\[[^]*?\])?\s*>)\s*)*<([A-Za-z_][\w:.-]*)/i.exec(text);
	return match?.[1];
}

function looksLikeHtml(text: string): boolean {
	if (/^\s*(?:<!--[^]*?-->\s*)*<!DOCTYPE\s+html/i.test(text)) {
		return true;
	}

	const root = rootElement(text)?.toLowerCase();
	return root === 'html' || root === 'head' || root === 'body';
}

// Items whose date could not be read are counted and said once.
type Context = {warnings: string[]; unreadableDates: number};

function normalise(parsed: AnyParsed, url: string | undefined, warnings: string[]): ParsedFeed {
	const context: Context = {warnings, unreadableDates: 0};
	let feed: ParsedFeed;
	switch (parsed.format) {
		case 'rss': {
			feed = fromRss(parsed.feed, url, context);
			break;
		}

		case 'rdf': {
			feed = fromRdf(parsed.feed, url, context);
			break;
		}

		case 'atom': {
			feed = fromAtom(parsed.feed, url, context);
			break;
		}

		case 'json': {
			feed = fromJson(parsed.feed, url, context);
			break;
		}
	}

	if (context.unreadableDates > 0) {
		warnings.push(context.unreadableDates === 1
			? 'One article has a date that could not be read.'
			: `${context.unreadableDates} articles have dates that could not be read.`);
	}

	feed.items = uniqueItems(feed.items, warnings);
	return feed;
}

// The base for a feed's links: its xml:base against its URL, else its URL, else (in a feed read
// without one) its own absolute link.
function feedBase(url: string | undefined, xmlBase: string | undefined, rawLink: string | undefined): string | undefined {
	const base = resolveUrl(xmlBase, url) ?? url;
	return base ?? resolveWebUrl(rawLink, undefined);
}

function feedTitle(title: string, url: string | undefined): string {
	if (title !== '') {
		return title;
	}

	try {
		return url ? new URL(url).hostname : 'Untitled feed';
	} catch {
		return 'Untitled feed';
	}
}

function fromRss(feed: RssFeed.Feed<string>, url: string | undefined, context: Context): ParsedFeed {
	const base = feedBase(url, feed.xml?.base, feed.link);
	const feedAuthors = [...(feed.dc?.creators ?? []), feed.itunes?.author];
	return {
		format: 'rss',
		title: feedTitle(looseHtmlTitle(feed.title ?? ''), url),
		link: resolveWebUrl(feed.link, base),
		description: plainDescription(feed.description),
		ttlMinutes: positive(feed.ttl) ?? syndicationMinutes(feed.sy),
		items: (feed.items ?? []).map(item => {
			const itemBase = resolveUrl(item.xml?.base, base) ?? base;
			const guid = item.guid?.value?.trim();
			const link = resolveWebUrl(item.link, itemBase)
				?? (item.guid?.isPermaLink === false ? undefined : resolveWebUrl(guid, itemBase));
			const body = item.content?.encoded ?? item.description;
			const summarySource = item.description ?? item.content?.encoded ?? item.itunes?.summary ?? item.itunes?.subtitle;
			const authors = [
				...(item.authors ?? []).map(person => person.name ?? person.email),
				...(item.dc?.creators ?? []),
				item.itunes?.author,
			];
			return makeItem(context, {
				guid,
				title: looseHtmlTitle(item.title ?? item.dc?.titles?.[0] ?? ''),
				link,
				rawDate: item.pubDate ?? item.dc?.dates?.[0],
				authors: hasName(authors) ? authors : feedAuthors,
				summary: summarySource === undefined ? undefined : htmlSummary(summarySource),
				contentHtml: body === undefined ? undefined : absoluteLinks(body, itemBase),
				tags: [...(item.categories ?? []).map(category => category.name), ...(item.dc?.subjects ?? [])],
				enclosures: [
					...(item.enclosures ?? []).map(enclosure => ({url: enclosure.url, type: enclosure.type, length: enclosure.length})),
					...(item.media?.contents ?? []).map(content => ({url: content.url, type: content.type, length: content.fileSize})),
				],
				base: itemBase,
			});
		}),
		warnings: context.warnings,
	};
}

function fromRdf(feed: RdfFeed.Feed<string>, url: string | undefined, context: Context): ParsedFeed {
	const base = feedBase(url, feed.xml?.base, feed.link);
	const feedAuthors = feed.dc?.creators ?? [];
	return {
		format: 'rdf',
		title: feedTitle(looseHtmlTitle(feed.title ?? ''), url),
		link: resolveWebUrl(feed.link, base),
		description: plainDescription(feed.description),
		ttlMinutes: syndicationMinutes(feed.sy),
		items: (feed.items ?? []).map(item => {
			const itemBase = resolveUrl(item.xml?.base, base) ?? base;
			const body = item.content?.encoded ?? item.description;
			const summarySource = item.description ?? item.content?.encoded;
			const authors = item.dc?.creators ?? [];
			return makeItem(context, {
				guid: item.rdf?.about?.trim() ?? item.dc?.identifiers?.[0],
				title: looseHtmlTitle(item.title ?? item.dc?.titles?.[0] ?? ''),
				link: resolveWebUrl(item.link, itemBase) ?? resolveWebUrl(item.rdf?.about, itemBase),
				rawDate: item.dc?.dates?.[0] ?? item.dcterms?.modified?.[0],
				authors: hasName(authors) ? authors : feedAuthors,
				summary: summarySource === undefined ? undefined : htmlSummary(summarySource),
				contentHtml: body === undefined ? undefined : absoluteLinks(body, itemBase),
				tags: item.dc?.subjects ?? [],
				enclosures: [],
				base: itemBase,
			});
		}),
		warnings: context.warnings,
	};
}

function fromAtom(feed: AtomFeed.Feed<string>, url: string | undefined, context: Context): ParsedFeed {
	const rawLink = alternateLink(feed.links);
	const base = feedBase(url, feed.xml?.base, rawLink);
	const feedAuthors = (feed.authors ?? []).map(person => person.name ?? person.email);
	return {
		format: 'atom',
		title: feedTitle(atomText(feed.title), url),
		link: resolveWebUrl(rawLink, base),
		description: feed.subtitle ? atomText(feed.subtitle) || undefined : undefined,
		ttlMinutes: syndicationMinutes(feed.sy),
		items: (feed.entries ?? []).map(entry => {
			const entryBase = resolveUrl(entry.xml?.base, base) ?? base;
			const links = entry.links ?? [];
			const id = entry.id?.trim();
			const link = resolveWebUrl(alternateLink(links), entryBase)
				?? (links.length === 0 ? resolveWebUrl(id, undefined) : undefined);
			const contentBase = resolveUrl(entry.content?.xml?.base, entryBase) ?? entryBase;
			const contentHtml = atomHtml(entry.content);
			const summaryHtml = entry.summary ? atomHtml(entry.summary) : contentHtml;
			const authors = [
				...(entry.authors ?? []).map(person => person.name ?? person.email),
				...(entry.dc?.creators ?? []),
				entry.itunes?.author,
			];
			const sourceAuthors = (entry.source?.authors ?? []).map(person => person.name ?? person.email);
			return makeItem(context, {
				guid: id,
				title: atomText(entry.title),
				link,
				rawDate: entry.published ?? entry.updated ?? entry.dc?.dates?.[0],
				authors: hasName(authors) ? authors : (hasName(sourceAuthors) ? sourceAuthors : feedAuthors),
				summary: summaryHtml === undefined ? undefined : htmlSummary(summaryHtml),
				contentHtml: contentHtml === undefined ? undefined : absoluteLinks(contentHtml, contentBase),
				tags: (entry.categories ?? []).map(category => category.label ?? category.term),
				enclosures: links
					.filter(candidate => candidate.rel?.toLowerCase() === 'enclosure')
					.map(candidate => ({url: candidate.href, type: candidate.type, length: candidate.length})),
				base: entryBase,
			});
		}),
		warnings: context.warnings,
	};
}

function fromJson(feed: JsonFeed.Feed<string>, url: string | undefined, context: Context): ParsedFeed {
	const base = url ?? resolveWebUrl(feed.home_page_url, undefined);
	const feedAuthors = (feed.authors ?? []).map(author => author.name);
	return {
		format: 'json',
		// Plain text by the spec, but some generators escape titles as HTML (`It&#8217;s`).
		title: feedTitle(looseHtmlTitle(feed.title ?? ''), url),
		link: resolveWebUrl(feed.home_page_url, base),
		description: feed.description === undefined ? undefined : sanitizeLine(feed.description) || undefined,
		items: (feed.items ?? []).map(item => {
			const contentHtml = item.content_html ?? (item.content_text === undefined ? undefined : textToHtml(item.content_text));
			let summary: string | undefined;
			if (item.summary !== undefined) {
				summary = cutText(sanitizeLine(item.summary), summaryLength);
			} else if (item.content_html !== undefined) {
				summary = htmlSummary(item.content_html);
			} else if (item.content_text !== undefined) {
				summary = cutText(sanitizeLine(item.content_text), summaryLength);
			}

			const authors = (item.authors ?? []).map(author => author.name);
			return makeItem(context, {
				guid: item.id === undefined ? undefined : String(item.id).trim(),
				title: looseHtmlTitle(item.title ?? ''),
				link: resolveWebUrl(item.url, base) ?? resolveWebUrl(item.external_url, base),
				rawDate: item.date_published ?? item.date_modified,
				authors: hasName(authors) ? authors : feedAuthors,
				summary,
				contentHtml: contentHtml === undefined ? undefined : absoluteLinks(contentHtml, base),
				tags: item.tags ?? [],
				enclosures: (item.attachments ?? []).map(attachment => ({url: attachment.url, type: attachment.mime_type, length: attachment.size_in_bytes})),
				base,
			});
		}),
		warnings: context.warnings,
	};
}

type RawItem = {
	guid: string | undefined;
	title: string;
	link: string | undefined;
	rawDate: string | undefined;
	authors: Array<string | undefined>;
	summary: string | undefined;
	contentHtml: string | undefined;
	tags: Array<string | undefined>;
	enclosures: Array<{url?: string; type?: string; length?: number}>;
	base: string | undefined;
};

function makeItem(context: Context, raw: RawItem): FeedItem {
	const date = parseFeedDate(raw.rawDate);
	if (date === undefined && raw.rawDate !== undefined && raw.rawDate.trim() !== '') {
		context.unreadableDates++;
	}

	const summary = raw.summary || undefined;
	const title = raw.title || (summary ? cutText(summary, titleFromSummaryLength) : 'Untitled');
	const guid = sanitizeLine(raw.guid ?? '') || raw.link || hashId(title, date ?? raw.rawDate ?? '', summary ?? raw.contentHtml ?? '');
	const item: FeedItem = {guid, title, tags: uniqueTags(raw.tags), enclosures: enclosures(raw.enclosures, raw.base)};
	if (raw.link) {
		item.link = raw.link;
	}

	if (date) {
		item.date = date;
	}

	const author = authorLine(raw.authors);
	if (author) {
		item.author = author;
	}

	if (summary) {
		item.summary = summary;
	}

	if (raw.contentHtml !== undefined && raw.contentHtml.trim() !== '') {
		item.contentHtml = sanitizeText(raw.contentHtml);
	}

	return item;
}

// An item with neither id nor link: a hash of its title and date (its text too, should several items
// share a title and have no date).
function hashId(title: string, date: string, text: string): string {
	const hash = createHash('sha256').update(`${title}\n${date}${date === '' ? `\n${text}` : ''}`).digest('hex');
	return `sha256:${hash.slice(0, 32)}`;
}

// Two items with one id: the first is kept, as a reader keyed by id would show only one of them.
function uniqueItems(items: FeedItem[], warnings: string[]): FeedItem[] {
	const seen = new Set<string>();
	const kept = items.filter(item => {
		if (seen.has(item.guid)) {
			return false;
		}

		seen.add(item.guid);
		return true;
	});
	const dropped = items.length - kept.length;
	if (dropped > 0) {
		warnings.push(dropped === 1
			? 'One article has the same id as another and was left out.'
			: `${dropped} articles have the same id as others and were left out.`);
	}

	return kept;
}

function htmlSummary(html: string): string {
	// A summary needs only the start of a long body.
	return cutText(htmlToText(html.length > 65_536 ? html.slice(0, 65_536) : html), summaryLength);
}

function plainDescription(description: string | undefined): string | undefined {
	return description === undefined ? undefined : htmlSummary(description) || undefined;
}

function atomText(text: AtomFeed.Text | undefined): string {
	if (text === undefined) {
		return '';
	}

	return isMarkupType(text.type) ? htmlToText(text.value) : sanitizeLine(text.value);
}

// Atom 1.0's `html` and `xhtml`, and the media types Atom 0.3 wrote instead.
function isMarkupType(type: string | undefined): boolean {
	const name = type?.toLowerCase();
	return name === 'html' || name === 'xhtml' || name === 'text/html' || name === 'application/xhtml+xml';
}

// Atom content or summary as HTML: text escaped into paragraphs; other media types (or content
// only by reference, `src`) have no body here.
function atomHtml(content: AtomFeed.Content | AtomFeed.Text | undefined): string | undefined {
	if (content?.value === undefined) {
		return undefined;
	}

	const type = content.type?.toLowerCase() ?? 'text';
	if (isMarkupType(type)) {
		return content.value;
	}

	return type === 'text' || type === 'text/plain' ? textToHtml(content.value) : undefined;
}

// Atom's alternate link: rel="alternate" or no rel, an HTML one first.
function alternateLink(links: Array<{href?: string; rel?: string; type?: string}> | undefined): string | undefined {
	const alternates = (links ?? []).filter(link => link.href && (link.rel === undefined || link.rel.toLowerCase() === 'alternate'));
	const html = alternates.find(link => link.type === undefined || /html/i.test(link.type));
	return (html ?? alternates[0])?.href;
}

function hasName(names: Array<string | undefined>): boolean {
	return names.some(name => name !== undefined && name.trim() !== '');
}

// `jo@example.com (Jo Bloggs)`, `Jo Bloggs (jo@example.com)` and `Jo Bloggs <jo@example.com>` give
// `Jo Bloggs`; a bare address is kept, as the only name there is. HTML in a name (`<a href=…>Jo</a>`,
// as some feeds write dc:creator) is reduced to its text, as in a title.
function personName(raw: string): string {
	const text = looseHtmlTitle(raw);
	const bracketed = /^(.*?)\s*\(([^()]*)\)$/.exec(text);
	if (bracketed) {
		const [, outside = '', inside = ''] = bracketed;
		if (outside.includes('@') && !inside.includes('@') && inside !== '') {
			return inside;
		}

		if (inside.includes('@') && outside !== '') {
			return outside;
		}
	}

	const angled = /^(.+?)\s*<[^<>]*@[^<>]*>$/.exec(text);
	return (angled?.[1] ?? text).replace(/^"(.*)"$/, '$1');
}

function authorLine(authors: Array<string | undefined>): string | undefined {
	const names: string[] = [];
	for (const raw of authors) {
		const name = raw === undefined ? '' : personName(raw);
		if (name !== '' && !names.some(known => known.toLowerCase() === name.toLowerCase())) {
			names.push(name);
		}
	}

	return names.length === 0 ? undefined : cutText(names.join(', '), 200);
}

function uniqueTags(tags: Array<string | undefined>): string[] {
	const kept: string[] = [];
	const seen = new Set<string>();
	for (const raw of tags) {
		const tag = sanitizeLine(raw ?? '');
		if (tag !== '' && !seen.has(tag.toLowerCase())) {
			seen.add(tag.toLowerCase());
			kept.push(tag);
		}
	}

	return kept;
}

function enclosures(raw: RawItem['enclosures'], base: string | undefined): FeedItem['enclosures'] {
	const kept: FeedItem['enclosures'] = [];
	for (const enclosure of raw) {
		const url = resolveUrl(enclosure.url, base);
		if (url === undefined || !/^(?:https?|ftp|magnet):/i.test(url) || kept.some(known => known.url === url)) {
			continue;
		}

		const entry: FeedItem['enclosures'][number] = {url};
		const type = sanitizeLine(enclosure.type ?? '');
		if (type !== '') {
			entry.type = type;
		}

		const length = positive(enclosure.length);
		if (length !== undefined) {
			entry.length = length;
		}

		kept.push(entry);
	}

	return kept;
}

function positive(value: number | undefined): number | undefined {
	return typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.round(value) : undefined;
}

const periodMinutes: Record<string, number> = {hourly: 60, daily: 1440, weekly: 10_080, monthly: 43_200, yearly: 525_600};

// sy:updatePeriod and sy:updateFrequency (so many times per period) as minutes between fetches.
function syndicationMinutes(sy: {updatePeriod?: string; updateFrequency?: number} | undefined): number | undefined {
	const period = sy?.updatePeriod === undefined ? undefined : periodMinutes[sy.updatePeriod.trim().toLowerCase()];
	if (period === undefined) {
		return undefined;
	}

	return Math.max(1, Math.round(period / (positive(sy?.updateFrequency) ?? 1)));
}
