// Feed autodiscovery: the feeds a web page names in <link rel="alternate" type="…">, absolute.

import {parseHTML} from 'linkedom';
import {sanitizeLine} from '../core/sanitize.js';
import {resolveWebUrl, withoutFeedScheme} from './feed-text.js';

/** A feed a page names. */
export type DiscoveredFeed = {
	/** Absolute http or https URL. */
	url: string;
	/** The link's `title`, plain text. */
	title?: string;
	/** The media type, lowercase (`application/rss+xml`). */
	type: string;
};

// The feed types looked for. Plain `application/json` comes last in the answer, since many sites
// (WordPress's REST API) name JSON that is not a feed that way.
const feedTypes = ['application/rss+xml', 'application/atom+xml', 'application/feed+json', 'application/json'];

type AttributeOwner = {attributes: ArrayLike<{name: string; value: string}>};
// The little of linkedom's document used here (its types need the DOM lib, which newsread does not load).
type PageDocument = {querySelectorAll(selector: string): ArrayLike<AttributeOwner>};

// linkedom keeps attribute names as written (`REL`, `Href`), and HTML's are not case-sensitive.
function attribute(element: AttributeOwner, name: string): string | undefined {
	for (const candidate of Array.from(element.attributes)) {
		if (candidate.name.toLowerCase() === name) {
			return candidate.value;
		}
	}

	return undefined;
}

/** The feeds named by `<link rel="alternate">` in a page, resolved against the page URL and its `<base href>`, in the page's order (plain JSON last). */
export function discoverFeeds(html: string, pageUrl: string): DiscoveredFeed[] {
	const {document} = parseHTML(html) as unknown as {document: PageDocument};
	let base = pageUrl;
	for (const element of Array.from(document.querySelectorAll('base'))) {
		const href = attribute(element, 'href');
		if (href !== undefined) {
			base = resolveWebUrl(href, pageUrl) ?? pageUrl;
			break;
		}
	}

	const found: DiscoveredFeed[] = [];
	for (const element of Array.from(document.querySelectorAll('link'))) {
		const rel = (attribute(element, 'rel') ?? '').toLowerCase().split(/\s+/);
		const type = (attribute(element, 'type') ?? '').split(';')[0]!.trim().toLowerCase();
		if (!rel.includes('alternate') || !feedTypes.includes(type)) {
			continue;
		}

		const href = attribute(element, 'href');
		const url = resolveWebUrl(href === undefined ? undefined : withoutFeedScheme(href), base);
		if (url === undefined || found.some(feed => feed.url === url)) {
			continue;
		}

		const title = sanitizeLine(attribute(element, 'title') ?? '');
		found.push(title === '' ? {url, type} : {url, title, type});
	}

	// The page's own order, but plain JSON after the rest (a stable sort).
	const rank = (feed: DiscoveredFeed) => (feed.type === 'application/json' ? 1 : 0);
	return found.sort((a, b) => rank(a) - rank(b));
}
