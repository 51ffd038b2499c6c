import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {discoverFeeds} from '../../source/feeds/discover.js';

const page = readFileSync(new URL('../fixtures/feeds/page.html', import.meta.url), 'utf8');

describe('discoverFeeds', () => {
	it('finds RSS, Atom and JSON feeds in rel="alternate" links, any case and order, resolved against <base href>, plain JSON last', () => {
		expect(discoverFeeds(page, 'https://gazette.example/news/today')).toEqual([
			{url: 'https://gazette.example/feed.xml', title: 'Gazette & more (RSS)', type: 'application/rss+xml'},
			{url: 'https://gazette.example/atom.xml', title: 'Gazette (Atom)', type: 'application/atom+xml'},
			{url: 'https://gazette.example/feed.json', type: 'application/feed+json'},
			{url: 'https://gazette.example/wp-json/wp/v2/posts/1', type: 'application/json'},
		]);
	});

	it('resolves against the page URL when there is no <base>', () => {
		const html = '<html><head><link rel="alternate" type="application/rss+xml" href="feed/"></head></html>';
		expect(discoverFeeds(html, 'https://blog.example/posts/hello')).toEqual([
			{url: 'https://blog.example/posts/feed/', type: 'application/rss+xml'},
		]);
	});

	it('ignores other links, other types, javascript: addresses and repeats', () => {
		const html = `<head>
			<link rel="stylesheet" type="application/rss+xml" href="/not-alternate.xml">
			<link rel="alternate" type="text/html" href="/fr/">
			<link rel="alternate" type="application/json+oembed" href="/oembed">
			<link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">
			<link rel="alternate" type="application/atom+xml; charset=utf-8" href="/a.xml">
			<link rel="alternate" type="application/atom+xml" href="https://site.example/a.xml">
		</head>`;
		expect(discoverFeeds(html, 'https://site.example/')).toEqual([
			{url: 'https://site.example/a.xml', type: 'application/atom+xml'},
		]);
	});

	it('reads a feed: address as the web address it stands for', () => {
		const html = `<head>
			<link rel="alternate" type="application/rss+xml" href="feed://site.example/rss.xml">
			<link rel="alternate" type="application/atom+xml" href="feed:https://site.example/atom.xml">
		</head>`;
		expect(discoverFeeds(html, 'https://site.example/')).toEqual([
			{url: 'http://site.example/rss.xml', type: 'application/rss+xml'},
			{url: 'https://site.example/atom.xml', type: 'application/atom+xml'},
		]);
	});

	it('sanitizes titles and finds nothing in a page without feeds', () => {
		const html = '<link rel="alternate" type="application/rss+xml" href="/f" title="News\u001B[2J &#x1b;]0;x&#7; feed">';
		expect(discoverFeeds(html, 'https://site.example/')).toEqual([{url: 'https://site.example/f', title: 'News feed', type: 'application/rss+xml'}]);
		expect(discoverFeeds('<html><body>No feeds here</body></html>', 'https://site.example/')).toEqual([]);
	});
});
