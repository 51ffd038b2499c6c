import {readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import {OpmlError, parseOpmlSubscriptions, subscriptionsToOpml} from '../../source/feeds/opml.js';

function fixture(name: string): string {
	return readFileSync(fileURLToPath(new URL(`../fixtures/opml/${name}`, import.meta.url)), 'utf8');
}

/** The error parseOpmlSubscriptions throws for the text. */
function failure(text: string): Error {
	try {
		parseOpmlSubscriptions(text);
	} catch (error) {
		return error as Error;
	}

	throw new Error('the text was read as OPML');
}

const now = new Date('2026-12-06T10:00:00.000Z');

describe('reading an OPML 1.0 list', () => {
	const list = parseOpmlSubscriptions(fixture('subscriptions-1.0.opml'));

	it('finds every feed, in the order of the file, with its folder as its section', () => {
		expect(list.title).toBe('Harbour reading list');
		expect(list.subscriptions).toEqual([
			{url: 'http://pier.example.org/weather.rss', title: 'Weather from the pier', link: 'http://pier.example.org/'},
			{url: 'https://gazette.example.com/feed.xml', title: 'Marrowick Gazette', section: 'Local'},
			// xmlURL and HTMLURL in other cases, and no type: still a feed.
			{url: 'https://ferries.example.net/times.atom', title: 'Ferry times', section: 'Local', link: 'https://ferries.example.net/'},
			// A folder named only by its title; type "RSS" in capitals.
			{url: 'https://knots.example.org/rss', title: 'Knots & Splices', section: 'Hobbies'},
		]);
		expect(list.warnings).toEqual([]);
	});
});

describe('reading an OPML 2.0 list', () => {
	const list = parseOpmlSubscriptions(fixture('subscriptions-2.0.opml'));
	const byUrl = new Map(list.subscriptions.map(subscription => [subscription.url, subscription]));

	it('decodes entities in the list title and in feed titles', () => {
		expect(list.title).toBe('Dora’s feeds & more');
		expect(byUrl.get('https://cafe.example.com/rss?lang=en&full=1')?.title).toBe('Café <Society> & Letters');
		expect(byUrl.get('https://chipwire.example.io/feed.rss')?.title).toBe('Chip & Wire weekly');
	});

	it('names the section of a nested feed by its folders, outermost first', () => {
		expect(list.subscriptions.map(({url, section}) => [url, section])).toEqual([
			['https://tides.example.org/atom.xml', undefined],
			['https://cafe.example.com/rss?lang=en&full=1', 'News'],
			['https://ledger.example.com/world.xml', 'News / World'],
			['https://rink.example.net/feed/', 'News / Sport'],
			// Another folder called World, under Tech: not merged with the news one.
			['https://chipwire.example.io/feed.rss', 'Tech / World'],
			['https://alert.example.org/feed', undefined],
		]);
	});

	it('keeps a feed listed twice once, the first time it appears, and says so', () => {
		expect(list.subscriptions.filter(subscription => subscription.url === 'https://tides.example.org/atom.xml')).toEqual([
			{url: 'https://tides.example.org/atom.xml', title: 'Tide tables', link: 'https://tides.example.org/'},
		]);
		expect(list.subscriptions.filter(subscription => subscription.url === 'https://ledger.example.com/world.xml')).toEqual([
			{url: 'https://ledger.example.com/world.xml', title: 'Northern Ledger', section: 'News / World'},
		]);
		expect(list.warnings).toContain('Left out a second outline for https://ledger.example.com/world.xml: a feed is subscribed once.');
		expect(list.warnings).toContain('Left out a second outline for https://tides.example.org/atom.xml: a feed is subscribed once.');
	});

	it('leaves out outlines that are not feeds, saying why for those that name a feed address', () => {
		expect(byUrl.has('https://tech.example.io/about')).toBe(false);
		expect(byUrl.has('https://tech.example.io/more.opml')).toBe(false);
		expect([...byUrl.keys()].some(url => url.startsWith('gopher:'))).toBe(false);
		expect(list.warnings).toContain('Left out "Podcast index": its type is "include", not rss or atom.');
		expect(list.warnings).toContain('Left out "Gopher hole": its address "gopher://tech.example.io/1/news" is not an http or https URL.');
		expect(list.warnings).toHaveLength(4);
	});

	it('removes terminal escape sequences from titles', () => {
		expect(byUrl.get('https://alert.example.org/feed')?.title).toBe('Red alert wire');
	});
});

describe('OPML with feed: addresses', () => {
	it('subscribes to the web address a feed: address stands for', () => {
		const feeds = parseOpmlSubscriptions(`<?xml version="1.0"?><opml version="1.0"><head><title>Old reader</title></head><body>
			<outline text="Harbour news" type="rss" xmlUrl="feed://harbour.example/rss"/>
			<outline text="Quay wire" type="rss" xmlUrl="feed:https://quay.example/atom.xml"/>
		</body></opml>`);
		expect(feeds.subscriptions).toEqual([
			{url: 'http://harbour.example/rss', title: 'Harbour news'},
			{url: 'https://quay.example/atom.xml', title: 'Quay wire'},
		]);
		expect(feeds.warnings).toEqual([]);
	});
});

describe('OPML that cannot be read', () => {
	it('says in one sentence that a cut-off file is not well-formed', () => {
		const error = failure(fixture('broken-head.opml'));
		expect(error).toBeInstanceOf(OpmlError);
		expect(error.message).toBe('The OPML file is not well-formed XML (Unexpected end of title).');
	});

	it('says that a feed is not an OPML list', () => {
		const error = failure(fixture('not-opml.xml'));
		expect(error).toBeInstanceOf(OpmlError);
		expect(error.message).toBe('This is not an OPML file: it has no <opml> element with a head or body.');
	});

	it('says that an empty file is empty', () => {
		expect(failure(' \n').message).toBe('The OPML file is empty.');
	});

	it('says that a list with a head and no body names no feeds', () => {
		expect(failure('<opml version="2.0"><head><title>Only a head</title></head></opml>').message).toBe('The OPML file has no <body> that could be read, so it names no feeds.');
	});

	it('reads folders nested 90 deep, and says a list nested deeper than the XML reader goes is too deep', () => {
		const nested = (depth: number) => `<opml version="2.0"><body>${'<outline text="d">'.repeat(depth)}<outline text="Deep" xmlUrl="https://deep.example.org/feed"/>${'</outline>'.repeat(depth)}</body></opml>`;
		const {subscriptions} = parseOpmlSubscriptions(nested(90));
		expect(subscriptions).toHaveLength(1);
		expect(subscriptions[0]?.section).toBe(Array.from({length: 90}, () => 'd').join(' / '));
		const error = failure(nested(5000));
		expect(error).toBeInstanceOf(OpmlError);
		expect(error.message).toBe('The OPML file nests its outlines too deeply to be read.');
	});
});

describe('writing OPML 2.0', () => {
	const subscriptions = [
		{url: 'https://tides.example.org/atom.xml', title: 'Tide tables', link: 'https://tides.example.org/'},
		{url: 'https://cafe.example.com/rss?lang=en&full=1', title: 'Café <Society> & "Letters"', section: 'News'},
		{url: 'https://ledger.example.com/world.xml', title: 'Northern Ledger', section: 'News / World'},
		{url: 'https://untitled.example.net/feed'},
		{url: 'https://rink.example.net/feed/', title: 'Rink Report', section: 'News'},
	];
	const text = subscriptionsToOpml(subscriptions, {title: 'newsread subscriptions', now});

	it('groups the feeds of a section in one outline, with the feed attributes OPML 2.0 names', () => {
		expect(text).toContain('<opml version="2.0">');
		expect(text).toContain('<dateCreated>Sun, 06 Dec 2026 10:00:00 GMT</dateCreated>');
		const newsFolder = /<outline text="News" title="News">([^]*?)<\/outline>/.exec(text)?.[1] ?? '';
		expect(newsFolder).toContain('xmlUrl="https://cafe.example.com/rss?lang=en&amp;full=1"');
		expect(newsFolder).toContain('text="Café &lt;Society&gt; &amp; &quot;Letters&quot;"');
		expect(newsFolder).toContain('xmlUrl="https://rink.example.net/feed/"');
		expect(newsFolder).not.toContain('ledger');
		expect(text).toContain('<outline text="Tide tables" type="rss" xmlUrl="https://tides.example.org/atom.xml" htmlUrl="https://tides.example.org/" title="Tide tables"/>');
		// OPML needs a text: a feed without a title shows its address.
		expect(text).toContain('<outline text="https://untitled.example.net/feed" type="rss" xmlUrl="https://untitled.example.net/feed"/>');
	});

	it('reads back as the same feeds, titles, sections and sites', () => {
		const back = parseOpmlSubscriptions(text);
		expect(back.title).toBe('newsread subscriptions');
		expect(back.warnings).toEqual([]);
		// Grouped: the second News feed comes back with the first.
		expect(back.subscriptions).toEqual([
			{url: 'https://tides.example.org/atom.xml', title: 'Tide tables', link: 'https://tides.example.org/'},
			{url: 'https://cafe.example.com/rss?lang=en&full=1', title: 'Café <Society> & "Letters"', section: 'News'},
			{url: 'https://rink.example.net/feed/', title: 'Rink Report', section: 'News'},
			{url: 'https://ledger.example.com/world.xml', title: 'Northern Ledger', section: 'News / World'},
			{url: 'https://untitled.example.net/feed'},
		]);
	});

	it('round-trips an imported nested list: exported and imported again, nothing changes', () => {
		const imported = parseOpmlSubscriptions(fixture('subscriptions-2.0.opml'));
		const again = parseOpmlSubscriptions(subscriptionsToOpml(imported.subscriptions, {title: imported.title ?? '', now}));
		expect(again.title).toBe('Dora’s feeds & more');
		expect(again.subscriptions).toEqual(imported.subscriptions);
	});

	it('writes no escape sequence from a title into the file', () => {
		const written = subscriptionsToOpml([{url: 'https://x.example.org/feed', title: 'Bell\u0007 and \u001B]0;owned\u0007title', section: 'Sec\u001B[2Jtion'}], {title: 'List\u009B31m', now});
		expect(written).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/);
		expect(parseOpmlSubscriptions(written).subscriptions).toEqual([{url: 'https://x.example.org/feed', title: 'Bell and title', section: 'Section'}]);
	});
});
