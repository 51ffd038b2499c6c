// OPML subscription lists in and out (feedsmith reads and writes the XML): folders become sections,
// a feed appears once, and titles are sanitized where they enter newsread.
import {generateOpml, MalformedError, type Opml, parseOpml} from 'feedsmith';
import {sanitizeLine} from '../core/sanitize.js';
import {withoutFeedScheme} from './feed-text.js';

/** One feed named by an OPML file. */
export type OpmlSubscription = {
	/** The feed's address (`xmlUrl`), as the URL parser writes it. */
	url: string;
	/** The outline's `text`, else its `title`. */
	title?: string;
	/** The folders the feed is in, outermost first, joined with ` / `; none for a feed at the top level. */
	section?: string;
	/** The site's address (`htmlUrl`). */
	link?: string;
};

export type OpmlSubscriptions = {
	/** The list's own title (`<head><title>`). */
	title?: string;
	subscriptions: OpmlSubscription[];
	/** A sentence for each outline left out (a duplicate, an address that is not http or https, another kind of outline). */
	warnings: string[];
};

/** Text that is not an OPML subscription list; the message is one plain sentence. */
export class OpmlError extends Error {
	override name = 'OpmlError';
}

/** What joins nested folder names into one section name. */
export const SECTION_SEPARATOR = ' / ';

/** Outline types that are feeds; an outline with an `xmlUrl` and no type is one too. */
const feedTypes = new Set(['rss', 'atom']);

type Outline = Opml.Outline<string>;

/**
 * The feeds in an OPML 1.0 or 2.0 document. Nested folders become one section named by the path of
 * folders ("Tech / Programming"): two folders of the same name under different parents stay apart,
 * and export writes the same name back, so a list survives import and export unchanged.
 * @throws OpmlError when the text is not OPML or has no body.
 */
export function parseOpmlSubscriptions(text: string): OpmlSubscriptions {
	const document = readDocument(text);
	if (!document.body) {
		throw new OpmlError('The OPML file has no <body> that could be read, so it names no feeds.');
	}

	const title = cleanLine(document.head?.title);
	const subscriptions: OpmlSubscription[] = [];
	const warnings: string[] = [];
	const seen = new Set<string>();
	// Depth first, in document order.
	const pending: Array<{outline: Outline; folders: string[]}> = (document.body.outlines ?? []).map(outline => ({outline, folders: []})).reverse();
	for (let next = pending.pop(); next; next = pending.pop()) {
		const {outline, folders} = next;
		const name = cleanLine(outline.text) ?? cleanLine(outline.title);
		if (outline.xmlUrl === undefined) {
			// A folder (or a note): what is under it is in a section named by the folders so far.
			const inner = name === undefined ? folders : [...folders, name];
			pending.push(...(outline.outlines ?? []).map(child => ({outline: child, folders: inner})).reverse());
			continue;
		}

		const shown = name ?? cleanLine(outline.xmlUrl) ?? 'an outline';
		const type = outline.type?.trim().toLowerCase();
		if (type !== undefined && type !== '' && !feedTypes.has(type)) {
			warnings.push(`Left out "${shown}": its type is "${sanitizeLine(outline.type ?? '')}", not rss or atom.`);
			continue;
		}

		const url = webAddress(outline.xmlUrl);
		if (url === undefined) {
			warnings.push(`Left out "${shown}": its address "${sanitizeLine(outline.xmlUrl)}" is not an http or https URL.`);
			continue;
		}

		if (seen.has(url)) {
			warnings.push(`Left out a second outline for ${url}: a feed is subscribed once.`);
			continue;
		}

		seen.add(url);
		const link = outline.htmlUrl === undefined ? undefined : webAddress(outline.htmlUrl);
		subscriptions.push({
			url,
			// Exporters without a title write the address as the text: that is no title.
			...(name !== undefined && name !== url && name !== outline.xmlUrl.trim() ? {title: name} : {}),
			...(folders.length > 0 ? {section: folders.join(SECTION_SEPARATOR)} : {}),
			...(link === undefined ? {} : {link}),
		});
	}

	return {...(title === undefined ? {} : {title}), subscriptions, warnings};
}

/** A feed to export: what newsread knows of a subscription. */
export type ExportedSubscription = {url: string; title?: string; section?: string; link?: string};

export type OpmlExportOptions = {
	/** The list's title (`<head><title>`). */
	title: string;
	/** When the list is made (`<dateCreated>`). */
	now: Date;
};

/**
 * An OPML 2.0 document of the subscriptions: feeds without a section at the top level, each section
 * one folder outline (in the order each first appears) with its feeds in it.
 */
export function subscriptionsToOpml(subscriptions: readonly ExportedSubscription[], {title, now}: OpmlExportOptions): string {
	const outlines: Array<Opml.Outline<Date>> = [];
	const folders = new Map<string, Array<Opml.Outline<Date>>>();
	for (const subscription of subscriptions) {
		const feedTitle = cleanLine(subscription.title);
		const feed: Opml.Outline<Date> = {
			text: feedTitle ?? subscription.url,
			...(feedTitle === undefined ? {} : {title: feedTitle}),
			type: 'rss',
			xmlUrl: subscription.url,
			...(subscription.link ? {htmlUrl: subscription.link} : {}),
		};
		const section = cleanLine(subscription.section);
		if (section === undefined) {
			outlines.push(feed);
			continue;
		}

		let folder = folders.get(section);
		if (!folder) {
			folder = [];
			folders.set(section, folder);
			outlines.push({text: section, title: section, outlines: folder});
		}

		folder.push(feed);
	}

	return generateOpml({head: {title: sanitizeLine(title), dateCreated: now}, body: {outlines}});
}

function readDocument(text: string): Opml.Document<string> {
	if (text.trim() === '') {
		throw new OpmlError('The OPML file is empty.');
	}

	try {
		return parseOpml(text);
	} catch (error) {
		const reason = error instanceof MalformedError && error.cause instanceof Error ? sanitizeLine(error.cause.message) : '';
		// The XML reader stops at 100 levels (fast-xml-parser's maxNestedTags), far past any real list.
		if (error instanceof RangeError || /nested tags/i.test(reason)) {
			throw new OpmlError('The OPML file nests its outlines too deeply to be read.', {cause: error});
		}

		if (error instanceof MalformedError) {
			throw new OpmlError(`The OPML file is not well-formed XML${reason ? ` (${reason})` : ''}.`, {cause: error});
		}

		throw new OpmlError('This is not an OPML file: it has no <opml> element with a head or body.', {cause: error});
	}
}

/** A title or name as newsread shows it: one line, no control sequences; undefined when nothing is left. */
function cleanLine(text: string | undefined): string | undefined {
	const line = text === undefined ? '' : sanitizeLine(text);
	return line === '' ? undefined : line;
}

/** The address as the URL parser writes it when it is http or https (or `feed:` for one), else undefined. */
function webAddress(text: string): string | undefined {
	let url: URL;
	try {
		url = new URL(withoutFeedScheme(text));
	} catch {
		return undefined;
	}

	return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
}
