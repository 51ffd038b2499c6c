// What a parsed feed is, whatever its format: the shape the rest of newsread stores as articles.

/** One item (RSS), entry (Atom) or item (JSON Feed), normalised and sanitized. */
export type FeedItem = {
	/** The item's id from the feed; else its link; else a hash of its title and date (`sha256:…`). */
	guid: string;
	/** Plain text on one line: entities decoded, HTML tags removed. */
	title: string;
	/** The item's page (http or https), absolute. */
	link?: string;
	/** ISO 8601 in UTC, or undefined when the feed gives no date or one that cannot be read. */
	date?: string;
	/** Plain text on one line; several authors joined with `, `. */
	author?: string;
	/** Plain text: HTML stripped, entities decoded, whitespace collapsed, at most about 300 characters. */
	summary?: string;
	/** The item's HTML body as given, links made absolute (control sequences removed). */
	contentHtml?: string;
	/** Categories, deduplicated (case-insensitively, the first spelling kept). */
	tags: string[];
	/** Attached files (podcasts, images), URLs absolute. */
	enclosures: Array<{url: string; type?: string; length?: number}>;
};

/** A feed as newsread reads it. */
export type ParsedFeed = {
	format: 'rss' | 'rdf' | 'atom' | 'json';
	/** Plain text on one line; the feed URL's host name when the feed has no title. */
	title: string;
	/** The site's address, absolute. */
	link?: string;
	/** Plain text. */
	description?: string;
	/** How long the feed asks readers to wait between fetches (RSS `ttl`, `sy:updatePeriod`). */
	ttlMinutes?: number;
	items: FeedItem[];
	/** Sentences about what was read in spite of a problem (an unknown charset, a cut-off feed). */
	warnings: string[];
};
