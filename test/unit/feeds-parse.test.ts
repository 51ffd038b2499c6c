import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {FeedParseError, parseFeed} from '../../source/feeds/parse-feed.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/feeds/${name}`, import.meta.url));
const bytes = (text: string) => new TextEncoder().encode(text);

function parseError(body: Uint8Array, contentType?: string): string {
	try {
		parseFeed(body, {contentType});
	} catch (error) {
		expect(error).toBeInstanceOf(FeedParseError);
		return (error as Error).message;
	}

	throw new Error('parseFeed did not throw');
}

describe('parseFeed: RSS 2.0', () => {
	const feed = parseFeed(fixture('rss2.xml'), {url: 'https://gazette.example/feed.xml'});

	it('reads the channel: title, link, description as plain text, ttl', () => {
		expect(feed.format).toBe('rss');
		expect(feed.title).toBe('Marrowick Gazette');
		expect(feed.link).toBe('https://gazette.example/');
		expect(feed.description).toBe('News from Marrowick & around');
		expect(feed.ttlMinutes).toBe(45);
		expect(feed.items.map(item => item.title)).toEqual([
			'Harbour bridge reopens', 'Council meeting notes', 'Podcast: the week in Marrowick', 'Letters',
		]);
	});

	it('keeps the guid, takes the body from content:encoded with links made absolute, the summary from the description', () => {
		const [bridge] = feed.items;
		expect(bridge?.guid).toBe('gazette-1001');
		expect(bridge?.link).toBe('https://gazette.example/news/bridge');
		expect(bridge?.summary).toBe('The bridge is open again after two years of repairs.');
		expect(bridge?.contentHtml).toBe('<p>The bridge is open again. <a href="https://gazette.example/news/bridge/photos">Photos</a> and <img src="https://gazette.example/images/bridge.jpg" alt="The bridge"></p>');
		expect(bridge?.date).toBe('2025-06-03T07:30:00.000Z');
	});

	it('reads authors as "email (name)", "name (email)", itunes:author and dc:creator', () => {
		expect(feed.items.map(item => item.author)).toEqual(['Ada Quill', 'Bo Tanner', 'Cal Marsh', 'Dee Ward']);
	});

	it('turns categories into tags without duplicates (case-insensitive, first spelling kept)', () => {
		expect(feed.items[0]?.tags).toEqual(['Local', 'Transport']);
		expect(feed.items[1]?.tags).toEqual([]);
	});

	it('resolves a relative item link against the feed URL', () => {
		expect(feed.items[1]?.link).toBe('https://gazette.example/news/council');
	});

	it('reads an RFC 822 date with a two-digit year, no seconds and a named zone', () => {
		// Wed, 4 Jun 25 18:00 EST = 23:00 UTC.
		expect(feed.items[1]?.date).toBe('2025-06-04T23:00:00.000Z');
	});

	it('keeps enclosures with absolute URLs, type and length', () => {
		expect(feed.items[2]?.enclosures).toEqual([
			{url: 'https://gazette.example/audio/week12.mp3', type: 'audio/mpeg', length: 24_986_239},
		]);
	});

	it('leaves out a date that is not one and says so once', () => {
		expect(feed.items[2]?.date).toBeUndefined();
		expect(feed.warnings).toEqual(['One article has a date that could not be read.']);
	});

	it('uses dc:date when there is no pubDate', () => {
		expect(feed.items[3]?.date).toBe('2025-06-05T07:00:00.000Z');
	});
});

describe('parseFeed: other formats', () => {
	it('reads RSS 0.91 with its doctype and Latin-1 declaration', () => {
		const feed = parseFeed(fixture('rss091.xml'), {});
		expect(feed.format).toBe('rss');
		expect(feed.title).toBe('Old Town Weekly');
		expect(feed.items).toEqual([
			{guid: 'http://oldtown.example/fair.html', title: 'Fair opens Saturday', link: 'http://oldtown.example/fair.html', summary: 'Rides, food and music.', contentHtml: 'Rides, food and music.', tags: [], enclosures: []},
			{guid: 'http://oldtown.example/library.html', title: 'Library hours change', link: 'http://oldtown.example/library.html', tags: [], enclosures: []},
		]);
	});

	it('reads RSS 1.0 (RDF): rdf:about as guid, dc:creator, dc:date, dc:subject, sy:updatePeriod', () => {
		const feed = parseFeed(fixture('rdf.xml'), {url: 'http://science.example/rss'});
		expect(feed.format).toBe('rdf');
		expect(feed.title).toBe('Science Notes');
		// Twice an hour.
		expect(feed.ttlMinutes).toBe(30);
		expect(feed.items[0]).toMatchObject({
			guid: 'http://science.example/notes/1',
			title: 'Comets and their tails',
			author: 'Mira Holt',
			date: '2024-03-01T11:00:00.000Z',
			tags: ['Astronomy'],
		});
		expect(feed.items[1]?.date).toBe('2024-03-02T00:00:00.000Z');
	});

	it('reads Atom 0.3: issued as the date, escaped HTML content, the feed author for the entry', () => {
		const feed = parseFeed(fixture('atom03.xml'), {});
		expect(feed.format).toBe('atom');
		expect(feed.link).toBe('http://hillside.example/');
		expect(feed.items).toEqual([{
			guid: 'tag:hillside.example,2004:frost',
			title: 'First frost',
			link: 'http://hillside.example/2004/05/frost',
			date: '2004-05-01T12:00:00.000Z',
			author: 'Rowan Pike',
			summary: 'The garden woke up white.',
			contentHtml: '<p>The garden woke up <b>white</b>.</p>',
			tags: [],
			enclosures: [],
		}]);
	});

	it('reads Atom 1.0: xml:base on feed and entry, the alternate link among several, HTML and XHTML titles as text', () => {
		const feed = parseFeed(fixture('atom10.xml'), {url: 'https://lanterns.example/feeds/main'});
		expect(feed.title).toBe('Lantern & Lamp Blog');
		expect(feed.link).toBe('https://lanterns.example/blog/');
		expect(feed.description).toBe('Notes on light');
		const [wicks, oil] = feed.items;
		expect(wicks).toEqual({
			guid: 'urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a',
			title: 'Wicks, old and new',
			link: 'https://lanterns.example/blog/posts/2024/wicks.html',
			date: '2024-08-31T03:15:00.000Z',
			author: 'Omar Flint',
			summary: 'Wicks & how they changed.',
			contentHtml: '<p>See <a href="https://lanterns.example/blog/wicks/gallery.html">the gallery</a>.</p>',
			tags: ['Wicks', 'history'],
			enclosures: [{url: 'https://lanterns.example/blog/posts/2024/wicks.jpg', type: 'image/jpeg', length: 5120}],
		});
		// type="text": what looks like a tag is text.
		expect(oil?.title).toBe('A text title with <tags> kept');
		expect(oil?.link).toBe('https://elsewhere.example/oil');
		expect(oil?.author).toBe('Lena Wick');
		expect(oil?.contentHtml).toBe('<p>Oil lamps.</p>\n<p>Two paragraphs &amp; an ampersand.</p>');
		expect(oil?.summary).toBe('Oil lamps. Two paragraphs & an ampersand.');
	});

	it('reads JSON Feed 1.0: the feed author for items, content_text, a title made from a note without one', () => {
		const feed = parseFeed(fixture('jsonfeed10.json'), {url: 'https://quay.example/feed.json'});
		expect(feed.format).toBe('json');
		expect(feed.title).toBe('Quay Notes');
		expect(feed.link).toBe('https://quay.example/');
		expect(feed.items[0]).toEqual({
			guid: '2',
			title: 'Boats in winter',
			link: 'https://quay.example/2',
			date: '2023-12-01T08:00:00.000Z',
			author: 'Nell Harbour',
			summary: 'Most boats leave the water. Some stay.',
			contentHtml: '<p>Most boats leave the water.</p>\n<p>Some stay.</p>',
			tags: ['boats', 'Winter'],
			enclosures: [],
		});
		expect(feed.items[1]).toMatchObject({
			guid: '1',
			title: 'Short note with no title about tides.',
			link: 'https://quay.example/1',
			contentHtml: '<p>Short note with no title about <a href="https://quay.example/tides">tides</a>.</p>',
		});
	});

	it('reads JSON Feed 1.1: several authors, summary, attachments', () => {
		const feed = parseFeed(fixture('jsonfeed11.json'), {});
		expect(feed.description).toBe('Harbour life');
		expect(feed.items).toEqual([{
			guid: 'https://quay.example/3',
			title: 'Nets',
			link: 'https://quay.example/3',
			date: '2024-01-10T15:00:00.000Z',
			author: 'Ivo Reed, Pia Moss',
			summary: 'Mending nets by hand.',
			contentHtml: '<p>Mending nets <em>by hand</em>.</p>',
			tags: [],
			enclosures: [{url: 'https://quay.example/nets.mp3', type: 'audio/mpeg', length: 1200}],
		}]);
	});
});

describe('parseFeed: text in titles', () => {
	const feed = parseFeed(fixture('entities.xml'), {});

	it('decodes named HTML entities, numeric ones and a non-breaking space in titles', () => {
		expect(feed.title).toBe('Café & Crème — news');
		expect(feed.items[0]?.title).toBe('Naïve “quotes” & … more text €5 ☺');
	});

	it('reads a CDATA title as it is and a CDATA description as HTML', () => {
		expect(feed.items[1]?.title).toBe('Fish & chips <3 in CDATA');
		expect(feed.items[1]?.summary).toBe('Served hot & fresh');
		expect(feed.items[1]?.contentHtml).toBe('<p>Served <b>hot</b> &amp; fresh</p>');
	});

	it('reduces HTML in a title to its text, and keeps what only looks like a tag', () => {
		expect(feed.items[2]?.title).toBe('Bold move for the café');
		expect(feed.items[3]?.title).toBe('Templates like Vector<int> stay');
	});

	it('removes escape sequences and control characters from titles, authors, tags and bodies', () => {
		const hostile = parseFeed(bytes(`<rss version="2.0"><channel><title>A\u0007 feed</title><item>
			<title>Red &#x1b;[31mALERT&#x1b;[0m now</title><author>Eve\u001B]0;pwned\u0007 Doe</author>
			<category>ta\u009B2Jg</category><description>&lt;p&gt;Hi &#x1b;]8;;http://x&#x7;there&lt;/p&gt;</description>
			<link>https://x.example/1</link></item></channel></rss>`), {});
		expect(hostile.title).toBe('A feed');
		const [item] = hostile.items;
		expect(item?.title).toBe('Red ALERT now');
		expect(item?.author).toBe('Eve Doe');
		expect(item?.tags).toEqual(['tag']);
		expect(item?.summary).toBe('Hi there');
		expect(item?.contentHtml).toBe('<p>Hi there</p>');
	});

	it('cuts a long summary to about 300 characters at a word', () => {
		const words = Array.from({length: 100}, (_, index) => `word${index}`).join(' ');
		const long = parseFeed(bytes(`<rss version="2.0"><channel><title>T</title><item><link>https://x.example/1</link><description>${words}</description></item></channel></rss>`), {});
		const summary = long.items[0]?.summary ?? '';
		// word0 to word9 take 59 characters, each word after them 7: word0 to word43 are 297, and the
		// next space is past the 299 before the ellipsis.
		expect(summary).toHaveLength(298);
		expect(summary.startsWith('word0 word1 word2')).toBe(true);
		expect(summary.endsWith(' word43…')).toBe(true);
	});
});

describe('parseFeed: markup in titles and names, as real feeds write it', () => {
	it('reduces an Atom 0.3 title typed application/xhtml+xml to its text, as it does type="xhtml"', () => {
		const feed = parseFeed(bytes(`<feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>Ferry log</title>
			<entry><title type="application/xhtml+xml" mode="xml"><div xmlns="http://www.w3.org/1999/xhtml">Tides &amp; <b>times</b></div></title>
			<link rel="alternate" type="text/html" href="https://ferry.example/tides"/></entry></feed>`), {});
		expect(feed.items[0]?.title).toBe('Tides & times');
	});

	it('leaves a script in a title out with its content', () => {
		const feed = parseFeed(bytes(`<rss version="2.0"><channel><title>T</title><item>
			<title>&lt;script&gt;track('x')&lt;/script&gt;Quay &lt;b&gt;works&lt;/b&gt; finish</title>
			<link>https://quay.example/1</link></item></channel></rss>`), {});
		expect(feed.items[0]?.title).toBe('Quay works finish');
	});

	it('reduces HTML in an RSS author (dc:creator with a link or bold) to the name', () => {
		const feed = parseFeed(bytes(`<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>T</title>
			<item><title>One</title><link>https://quay.example/1</link><dc:creator>&lt;a href="/people/orla"&gt;Orla Penhale&lt;/a&gt;</dc:creator></item>
			<item><title>Two</title><link>https://quay.example/2</link><dc:creator><![CDATA[<b>Tam</b> Ferrers]]></dc:creator></item>
			<item><title>Three</title><link>https://quay.example/3</link><author>desk@quay.example (News &amp;amp; Weather desk)</author></item>
			</channel></rss>`), {});
		expect(feed.items.map(item => item.author)).toEqual(['Orla Penhale', 'Tam Ferrers', 'News & Weather desk']);
	});

	it('decodes entities in JSON Feed titles, which generators escape as HTML though the spec says plain text', () => {
		const feed = parseFeed(bytes(JSON.stringify({
			version: 'https://jsonfeed.org/version/1.1',
			title: 'Quay &amp; Harbour',
			items: [{id: '1', url: 'https://quay.example/1', title: 'The harbourmaster&#8217;s <em>last</em> day'}],
		})), {});
		expect(feed.title).toBe('Quay & Harbour');
		expect(feed.items[0]?.title).toBe('The harbourmaster’s last day');
	});
});

describe('parseFeed: ids', () => {
	it('uses the link as the id of an item without a guid, else a hash of title and date that is the same every time', () => {
		const first = parseFeed(fixture('missing-guid.xml'), {});
		const again = parseFeed(fixture('missing-guid.xml'), {});
		expect(first.items[0]?.guid).toBe('https://noids.example/a');
		expect(first.items[1]?.guid).toMatch(/^sha256:[\da-f]{32}$/);
		expect(again.items[1]?.guid).toBe(first.items[1]?.guid);
	});

	it('gives items that differ only in date different ids', () => {
		const feed = parseFeed(bytes(`<rss version="2.0"><channel><title>T</title>
			<item><title>Same</title><pubDate>Mon, 01 Jan 2024 00:00:00 GMT</pubDate></item>
			<item><title>Same</title><pubDate>Tue, 02 Jan 2024 00:00:00 GMT</pubDate></item></channel></rss>`), {});
		expect(feed.items).toHaveLength(2);
		expect(feed.items[0]?.guid).not.toBe(feed.items[1]?.guid);
	});

	it('keeps the first of two items with one guid and says so', () => {
		const feed = parseFeed(bytes(`<rss version="2.0"><channel><title>T</title>
			<item><title>First</title><guid>x</guid></item><item><title>Second</title><guid>x</guid></item></channel></rss>`), {});
		expect(feed.items.map(item => item.title)).toEqual(['First']);
		expect(feed.warnings).toEqual(['One article has the same id as another and was left out.']);
	});
});

describe('parseFeed: broken input', () => {
	it('reads the items before the point where a cut-off feed ends, with a warning', () => {
		const feed = parseFeed(fixture('broken-truncated.xml'), {});
		expect(feed.title).toBe('Cut Off');
		expect(feed.items.map(item => item.title)).toEqual(['One', 'Two']);
		expect(feed.warnings).toEqual(['The feed\'s XML is broken: it ends before <title> is closed; the 2 articles before it were read.']);
	});

	it('reads the items on either side of one broken in the middle, and leaves the broken one out', () => {
		const items = (middle: string) => `<rss version="2.0"><channel><title>Tide tables</title>
			<item><title>Monday</title><link>https://tides.example/mon</link></item>
			${middle}
			<item><title>Wednesday</title><link>https://tides.example/wed</link></item></channel></rss>`;
		const mismatched = parseFeed(bytes(items('<item><title>Tuesday</titel><link>https://tides.example/tue</link></item>')), {});
		expect(mismatched.items.map(item => item.title)).toEqual(['Monday', 'Wednesday']);
		expect(mismatched.warnings).toEqual(['The feed\'s XML is broken at line 3: expected closing tag \'title\' (opened in line 3, col 10) instead of closing tag \'titel\'; 2 articles were read and one broken one was left out.']);
		const cdata = parseFeed(bytes(items('<item><title><![CDATA[Tuesday</title><link>https://tides.example/tue</link></item>')), {});
		expect(cdata.items.map(item => item.title)).toEqual(['Monday', 'Wednesday']);
	});

	it('does not read an item inside a comment that is never closed', () => {
		const feed = parseFeed(bytes(`<rss version="2.0"><channel><title>Tide tables</title>
			<item><title>Monday</title><link>https://tides.example/mon</link></item>
			<!-- <item><title>Draft</title><link>https://tides.example/draft</link></item></channel></rss>`), {});
		expect(feed.items.map(item => item.title)).toEqual(['Monday']);
	});

	it('says where the XML is broken when nothing can be read', () => {
		expect(parseError(fixture('broken-attribute.xml'))).toBe('The feed\'s XML is broken at line 6: attributes for \'title\' have open quote.');
	});

	it('says an HTML page is not a feed, whatever its content type', () => {
		expect(parseError(fixture('page.html'), 'application/rss+xml')).toBe('This is an HTML page, not a feed.');
		expect(parseError(bytes('<html><body>hi</body></html>'))).toBe('This is an HTML page, not a feed.');
	});

	it('reads a feed served as text/html', () => {
		expect(parseFeed(fixture('rss091.xml'), {contentType: 'text/html; charset=iso-8859-1'}).title).toBe('Old Town Weekly');
	});

	it('says an empty body is empty', () => {
		expect(parseError(new Uint8Array())).toBe('The feed is empty.');
		expect(parseError(bytes(' \n\t '))).toBe('The feed is empty.');
	});

	it('says what other XML and JSON are', () => {
		expect(parseError(bytes('<?xml version="1.0"?><catalog><book/></catalog>'))).toBe('This is XML, but not a feed: its root element is <catalog>.');
		expect(parseError(bytes('{"name": "not a feed"}'))).toBe('This is JSON, but not a JSON Feed.');
		expect(parseError(bytes('{"version": "https://jsonfeed.org/version/1.1", "items": ['))).toMatch(/^The feed's JSON is broken: .+\.$/);
		expect(parseError(bytes('just some words'))).toBe('This is neither XML nor JSON, so not a feed.');
	});
});
