// Feeds and article pages for `npm run bench -- --only feeds`, all generated here (seeded, original
// text): 200 feeds of 50 items (RSS 2.0, Atom 1.0 and JSON Feed in turn) served by test/helpers/feed-server.ts
// with ETag and Last-Modified, and about 40 news pages of 20 to 300 KB around an article of known length.
// Bundled by bench.mjs with source/build.mjs, so plain node runs it. As a program it times parseFeed
// (`node feed-bench.mjs parse ROUNDS`) or extractArticle (`node feed-bench.mjs extract RUNS`) in a
// process of its own and prints the times as JSON.
import {Buffer} from 'node:buffer';
import {performance} from 'node:perf_hooks';
import process from 'node:process';
import {fileURLToPath} from 'node:url';
import {extractArticle} from '../../source/feeds/extract-article.js';
import {parseFeed} from '../../source/feeds/parse-feed.js';
import {body, conditional, type FeedServer, startFeedServer} from '../helpers/feed-server.js';

export type FeedFormat = 'rss' | 'atom' | 'json';

export const FEED_FORMATS: readonly FeedFormat[] = ['rss', 'atom', 'json'];

/** One generated feed, as served. */
export type BenchFeed = {
	/** Its path on the server: `/feeds/7.xml`, `/feeds/8.json`. */
	path: string;
	format: FeedFormat;
	title: string;
	contentType: string;
	body: string;
	etag: string;
	lastModified: string;
	items: number;
};

/** A generated news page and the number of words of its article, counted as it was written. */
export type BenchPage = {name: string; html: string; articleWords: number};

// ---------------------------------------------------------------------------------------------
// Text

/** A small seeded generator (mulberry32): the same feeds and pages on every run. */
function seeded(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6D_2B_79_F5) >>> 0;
		let value = state;
		value = Math.imul(value ^ (value >>> 15), value | 1);
		value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
		return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
	};
}

const vocabulary = [
	'harbour', 'council', 'residents', 'meeting', 'morning', 'village', 'plans', 'water', 'road', 'station',
	'ferry', 'bridge', 'market', 'school', 'teachers', 'budget', 'library', 'orchard', 'weather', 'storm',
	'fishermen', 'quay', 'lighthouse', 'tenants', 'landlord', 'rents', 'housing', 'clinic', 'nurses', 'doctors',
	'bakery', 'festival', 'choir', 'museum', 'archive', 'letters', 'mayor', 'vote', 'ballot', 'petition',
	'railway', 'timetable', 'buses', 'cyclists', 'pavement', 'lanterns', 'gardens', 'allotment', 'beekeepers', 'honey',
	'quarry', 'workers', 'union', 'wages', 'factory', 'mill', 'river', 'flood', 'embankment', 'engineers',
	'survey', 'report', 'figures', 'estimate', 'spring', 'summer', 'autumn', 'winter', 'evening', 'week',
	'said', 'agreed', 'decided', 'asked', 'wrote', 'argued', 'found', 'opened', 'closed', 'repaired',
	'expected', 'promised', 'questioned', 'welcomed', 'measured', 'counted', 'delayed', 'approved', 'rejected', 'planned',
	'new', 'old', 'local', 'small', 'long', 'quiet', 'busy', 'narrow', 'public', 'private',
	'early', 'late', 'careful', 'steady', 'sudden', 'modest', 'costly', 'cheaper', 'wider', 'safer',
	'the', 'the', 'the', 'a', 'a', 'of', 'of', 'in', 'to', 'and', 'and', 'for', 'on', 'with', 'by', 'after', 'before', 'near',
];

const people = ['Ines Calloway', 'Tomas Brightwater', 'Odile Marsh', 'Ravi Penhallow', 'Greta Ashdown', 'Lukas Fenwright', 'Mira Oakhurst', 'Samuel Tregarne'];

class TextMaker {
	private readonly random: () => number;

	constructor(seed: number) {
		this.random = seeded(seed);
	}

	pick<T>(list: readonly T[]): T {
		return list[Math.floor(this.random() * list.length)]!;
	}

	between(low: number, high: number): number {
		return low + Math.floor(this.random() * (high - low + 1));
	}

	/** `count` words, lower case, separated by spaces. */
	words(count: number): string {
		return Array.from({length: count}, () => this.pick(vocabulary)).join(' ');
	}

	/** A sentence of `count` words (8 to 18 when not given). */
	sentence(count = this.between(8, 18)): {text: string; words: number} {
		const text = this.words(count);
		return {text: `${text[0]!.toUpperCase()}${text.slice(1)}.`, words: count};
	}

	/** A paragraph of `sentences` sentences. */
	paragraph(sentences = this.between(3, 5)): {text: string; words: number} {
		const parts = Array.from({length: sentences}, () => this.sentence());
		return {text: parts.map(part => part.text).join(' '), words: parts.reduce((sum, part) => sum + part.words, 0)};
	}

	/** A title of `count` words, each capitalised. */
	title(count = this.between(4, 8)): string {
		return this.words(count).split(' ').map(word => `${word[0]!.toUpperCase()}${word.slice(1)}`).join(' ');
	}
}

const escapeXml = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

// ---------------------------------------------------------------------------------------------
// Feeds

type BenchItem = {title: string; link: string; id: string; date: Date; author: string; summary: string; html: string; tags: string[]};

/** An item's full content: over 150 words in paragraphs, with a subheading (never a teaser). */
function itemContent(text: TextMaker): {html: string; summary: string} {
	const paragraphs = Array.from({length: 5}, () => text.paragraph(3));
	const html = [
		...paragraphs.slice(0, 3).map(paragraph => `<p>${paragraph.text}</p>`),
		`<h2>${text.title(4)}</h2>`,
		...paragraphs.slice(3).map(paragraph => `<p>${paragraph.text}</p>`),
	].join('\n');
	return {html, summary: text.sentence(14).text};
}

function benchItems(feed: number, itemCount: number, base: string, text: TextMaker): BenchItem[] {
	const newest = Date.UTC(2025, 4, 20, 9, 0, 0);
	return Array.from({length: itemCount}, (_, index) => {
		const {html, summary} = itemContent(text);
		return {
			title: text.title(),
			link: `${base}/pages/${feed}/${index}.html`,
			id: `tag:bench.newsread.test,2025:feed-${feed}-item-${index}`,
			date: new Date(newest - (((feed * 7) + (index * 90)) * 60_000)),
			author: text.pick(people),
			summary,
			html,
			tags: [text.pick(vocabulary.slice(0, 70)), text.pick(vocabulary.slice(0, 70))],
		};
	});
}

function rssFeed(title: string, base: string, items: BenchItem[]): string {
	return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
<title>${escapeXml(title)}</title>
<link>${base}/</link>
<description>News from ${escapeXml(title)}</description>
<language>en</language>
${items.map(item => `<item>
<title>${escapeXml(item.title)}</title>
<link>${item.link}</link>
<guid isPermaLink="false">${item.id}</guid>
<pubDate>${item.date.toUTCString()}</pubDate>
<dc:creator>${item.author}</dc:creator>
${item.tags.map(tag => `<category>${tag}</category>`).join('')}
<description>${escapeXml(item.summary)}</description>
<content:encoded><![CDATA[${item.html}]]></content:encoded>
</item>`).join('\n')}
</channel>
</rss>
`;
}

function atomFeed(title: string, base: string, feedUrl: string, items: BenchItem[]): string {
	return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>${escapeXml(title)}</title>
<id>${feedUrl}</id>
<link rel="alternate" href="${base}/"/>
<link rel="self" href="${feedUrl}"/>
<updated>${items[0]?.date.toISOString() ?? new Date(0).toISOString()}</updated>
${items.map(item => `<entry>
<title>${escapeXml(item.title)}</title>
<link rel="alternate" type="text/html" href="${item.link}"/>
<id>${item.id}</id>
<published>${item.date.toISOString()}</published>
<updated>${item.date.toISOString()}</updated>
<author><name>${item.author}</name></author>
${item.tags.map(tag => `<category term="${tag}"/>`).join('')}
<summary>${escapeXml(item.summary)}</summary>
<content type="html">${escapeXml(item.html)}</content>
</entry>`).join('\n')}
</feed>
`;
}

function jsonFeed(title: string, base: string, feedUrl: string, items: BenchItem[]): string {
	return `${JSON.stringify({
		version: 'https://jsonfeed.org/version/1.1',
		title,
		home_page_url: `${base}/`,
		feed_url: feedUrl,
		items: items.map(item => ({
			id: item.id,
			url: item.link,
			title: item.title,
			summary: item.summary,
			content_html: item.html,
			date_published: item.date.toISOString(),
			authors: [{name: item.author}],
			tags: item.tags,
		})),
	}, undefined, 2)}\n`;
}

const contentTypes: Record<FeedFormat, string> = {
	rss: 'application/rss+xml; charset=utf-8',
	atom: 'application/atom+xml; charset=utf-8',
	json: 'application/feed+json; charset=utf-8',
};

/** `feedCount` feeds of `itemCount` items, their links under `base` (the server's address). */
export function benchFeeds(base: string, feedCount = 200, itemCount = 50): BenchFeed[] {
	return Array.from({length: feedCount}, (_, feed) => {
		const text = new TextMaker(1000 + feed);
		const format = FEED_FORMATS[feed % FEED_FORMATS.length]!;
		const path = `/feeds/${feed}.${format === 'json' ? 'json' : 'xml'}`;
		const title = `${text.title(2)} Gazette ${feed}`;
		const items = benchItems(feed, itemCount, base, text);
		const content = format === 'rss' ? rssFeed(title, base, items) : (format === 'atom' ? atomFeed(title, base, `${base}${path}`, items) : jsonFeed(title, base, `${base}${path}`, items));
		return {
			path,
			format,
			title,
			contentType: contentTypes[format],
			body: content,
			etag: `"bench-${feed}-v1"`,
			lastModified: new Date(Date.UTC(2025, 4, 20, 9, 0, 0)).toUTCString(),
			items: itemCount,
		};
	});
}

/** The generated feeds on a local server, and a switch between honouring the validators (304) and ignoring them (200, the same bytes). */
export type BenchFeedServer = {
	server: FeedServer;
	feeds: BenchFeed[];
	/** Each feed's absolute URL. */
	urls: string[];
	honourValidators(honour: boolean): void;
	/** Requests for article pages so far (a refresh that fetched full text). */
	pageRequests(): number;
};

export async function serveBenchFeeds(feedCount = 200, itemCount = 50): Promise<BenchFeedServer> {
	const server = await startFeedServer();
	const base = server.url('').replace(/\/$/, '');
	const feeds = benchFeeds(base, feedCount, itemCount);
	const honourValidators = (honour: boolean) => {
		for (const feed of feeds) {
			server.route(feed.path, honour
				? conditional(feed.body, feed.etag, feed.lastModified, feed.contentType)
				: body(feed.body, {'content-type': feed.contentType, etag: feed.etag, 'last-modified': feed.lastModified}));
		}
	};

	honourValidators(true);
	return {
		server,
		feeds,
		urls: feeds.map(feed => server.url(feed.path)),
		honourValidators,
		pageRequests: () => server.requests.filter(request => request.path.startsWith('/pages/')).length,
	};
}

// ---------------------------------------------------------------------------------------------
// Article pages

/** Bytes of the smallest and the largest page. */
const PAGE_SIZES = [20 * 1024, 300 * 1024] as const;

function cssRules(text: TextMaker, count: number): string {
	const properties = ['margin', 'padding', 'color', 'background', 'font-size', 'line-height', 'border-bottom', 'max-width'];
	return Array.from({length: count}, (_, index) => `.${text.pick(vocabulary.slice(0, 70))}-${index} .${text.pick(vocabulary.slice(0, 70))}{${text.pick(properties)}:${text.between(0, 40)}px;${text.pick(properties)}:${text.between(0, 40)}px}`).join('\n');
}

/** A script of about `bytes`: the page's state as JSON, as news sites inline it. */
function stateScript(text: TextMaker, bytes: number): string {
	const entries: string[] = [];
	let size = 0;
	for (let index = 0; size < bytes; index++) {
		const entry = `{"id":${index},"slug":"${text.words(4).replaceAll(' ', '-')}","headline":"${text.title()}","section":"${text.pick(vocabulary.slice(0, 70))}","weight":${text.between(1, 999)}}`;
		entries.push(entry);
		size += entry.length + 1;
	}

	return `<script id="__STATE__" type="application/json">{"stories":[${entries.join(',')}]}</script>`;
}

function linkList(text: TextMaker, count: number, prefix: string): string {
	return Array.from({length: count}, (_, index) => `<li class="nav-item"><a href="/${prefix}/${index}" style="color:#222;text-decoration:none">${text.title(text.between(1, 3))}</a></li>`).join('');
}

/** The article's body: paragraphs, subheadings, a figure, a quote, a list and a table; returns its words as written. */
function articleBody(text: TextMaker, targetWords: number): {html: string; words: number} {
	const parts: string[] = [];
	let words = 0;
	const add = (html: string, count: number) => {
		parts.push(html);
		words += count;
	};

	let section = 0;
	while (words < targetWords) {
		if (section > 0) {
			const heading = text.title(text.between(3, 6));
			add(`<h2 id="part-${section}">${heading}</h2>`, heading.split(' ').length);
		}

		for (let index = text.between(2, 4); index > 0; index--) {
			const paragraph = text.paragraph();
			add(`<p>${paragraph.text}</p>`, paragraph.words);
		}

		if (section === 1) {
			const caption = text.sentence(12);
			add(`<figure class="inline-figure" style="margin:1em 0"><img src="/images/${section}.jpg" srcset="/images/${section}-2x.jpg 2x" alt="${text.words(5)}" width="800" height="450" loading="lazy"><figcaption>${caption.text}</figcaption></figure>`, caption.words);
		} else if (section === 2) {
			const quote = text.sentence(20);
			add(`<blockquote><p>${quote.text}</p></blockquote>`, quote.words);
		} else if (section === 3) {
			const items = Array.from({length: 4}, () => text.sentence(8));
			add(`<ul>${items.map(item => `<li>${item.text}</li>`).join('')}</ul>`, items.reduce((sum, item) => sum + item.words, 0));
		} else if (section === 4) {
			const caption = text.sentence(6);
			const head = ['Ward', 'Turnout', 'Change'];
			const rows = Array.from({length: 6}, () => [text.title(1), `${text.between(20, 80)}`, `${text.between(1, 9)}`].map(cell => `<td>${cell}</td>`).join(''));
			// Words: the caption, the three headings, and three per row (a word and two numbers).
			add(`<table class="results"><caption>${caption.text}</caption><thead><tr>${head.map(cell => `<th>${cell}</th>`).join('')}</tr></thead><tbody>${rows.map(row => `<tr>${row}</tr>`).join('')}</tbody></table>`, caption.words + head.length + (rows.length * 3));
		}

		section++;
	}

	return {html: parts.join('\n'), words};
}

/**
 * `count` news pages from 20 KB to 300 KB (sizes spread evenly on a log scale): a header with a nav
 * menu, the article (a headline, a byline, about 300 to 2,500 words), a sidebar, comments, a
 * newsletter form, a footer, inline styles and scripts (the bulk of the larger pages).
 */
export function benchPages(count = 40): BenchPage[] {
	return Array.from({length: count}, (_, index) => {
		const text = new TextMaker(50_000 + index);
		const share = count === 1 ? 0 : index / (count - 1);
		const target = Math.round(PAGE_SIZES[0] * ((PAGE_SIZES[1] / PAGE_SIZES[0]) ** share));
		const article = articleBody(text, Math.round(300 + (share * 2200) + text.between(0, 200)));
		const headline = text.title(text.between(6, 10));
		const comments = Array.from({length: 3 + Math.round(share * 12)}, (_, comment) => `<li class="comment" id="c${comment}"><p class="comment-author">${text.pick(people)}</p><p>${text.paragraph(text.between(1, 2)).text}</p><button class="reply">Reply</button></li>`).join('');
		const sidebar = Array.from({length: 8 + Math.round(share * 12)}, (_, story) => `<li><a href="/story/${story}"><img src="/thumbs/${story}.jpg" alt="" width="80" height="60">${text.title()}</a><span class="teaser">${text.sentence(10).text}</span></li>`).join('');
		const chrome = `<header class="site-header" style="background:#fff;border-bottom:1px solid #ddd">
<a class="logo" href="/"><img src="/logo.svg" alt="The Marrowick Gazette"></a>
<nav class="main-nav" aria-label="Sections"><ul>${linkList(text, 20 + Math.round(share * 120), 'section')}</ul></nav>
<form class="search" action="/search"><input type="search" name="q" placeholder="Search"><button>Search</button></form>
</header>`;
		const page = (filler: string) => `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${headline} | The Marrowick Gazette</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta property="og:title" content="${headline}">
<link rel="stylesheet" href="/assets/site.css">
<style>${cssRules(text, 40)}</style>
<script>window.dataLayer=window.dataLayer||[];function track(){dataLayer.push(arguments)}track('page','${index}');</script>
</head>
<body class="story-page">
${chrome}
<div class="layout" style="display:flex;gap:24px">
<main id="main">
<article class="story">
<header class="story-header"><p class="kicker"><a href="/section/local">Local</a></p><h1>${headline}</h1>
<p class="byline">By <a rel="author" href="/people/${index}">${text.pick(people)}</a></p>
<time datetime="2025-05-${String(1 + (index % 28)).padStart(2, '0')}T08:30:00Z">May ${1 + (index % 28)}, 2025</time>
<div class="share"><a href="/share/mail">Email</a> <a href="/share/print">Print</a></div></header>
<div class="story-body">
${article.html}
</div>
</article>
<section class="newsletter"><h3>Sign up for the morning briefing</h3><form action="/subscribe"><input type="email" name="email"><button>Subscribe</button></form></section>
<section id="comments" class="comments"><h3>Comments</h3><ol>${comments}</ol></section>
</main>
<aside class="sidebar" style="width:300px"><h3>Most read</h3><ol>${sidebar}</ol><div class="ad" style="height:250px"><script>track('ad','sidebar')</script></div></aside>
</div>
<footer class="site-footer"><ul>${linkList(text, 30, 'about')}</ul><p>© 2025 The Marrowick Gazette</p></footer>
<img src="/pixel.gif?page=${index}" width="1" height="1" alt="">
${filler}
<script src="/assets/site.js" defer></script>
</body>
</html>
`;
		const bare = page('');
		const filler = stateScript(text, Math.max(0, target - bare.length - 80));
		return {name: `page-${String(index).padStart(2, '0')}`, html: page(filler), articleWords: article.words};
	});
}

// ---------------------------------------------------------------------------------------------
// Timings (run in a process of their own)

/** Items parsed per second, one figure per round, for one format. */
export type ParseTime = {format: FeedFormat; feeds: number; items: number; bytes: number; itemsPerSecond: number[]; error?: string};

/** Parses every generated feed of each format `rounds` times after one untimed round (which checks the item count). */
export function timeParsing(rounds: number, feedCount = 200, itemCount = 50): ParseTime[] {
	const base = 'http://127.0.0.1:8080';
	const feeds = benchFeeds(base, feedCount, itemCount);
	const encoder = new TextEncoder();
	return FEED_FORMATS.map(format => {
		const chosen = feeds.filter(feed => feed.format === format).map(feed => ({...feed, bytes: encoder.encode(feed.body), url: `${base}${feed.path}`}));
		const items = chosen.reduce((sum, feed) => sum + feed.items, 0);
		const bytes = chosen.reduce((sum, feed) => sum + feed.bytes.length, 0);
		const result: ParseTime = {format, feeds: chosen.length, items, bytes, itemsPerSecond: []};
		for (const feed of chosen) {
			const parsed = parseFeed(feed.bytes, {contentType: feed.contentType, url: feed.url});
			if (parsed.format !== format || parsed.items.length !== feed.items) {
				result.error = `${feed.path} parsed as ${parsed.format} with ${parsed.items.length} items, not ${format} with ${feed.items}`;
				return result;
			}
		}

		for (let round = 0; round < rounds; round++) {
			const start = performance.now();
			let parsedItems = 0;
			for (const feed of chosen) {
				parsedItems += parseFeed(feed.bytes, {contentType: feed.contentType, url: feed.url}).items.length;
			}

			result.itemsPerSecond.push(parsedItems / ((performance.now() - start) / 1000));
		}

		return result;
	});
}

/** One page's extraction: its size, the median of `runs` timings, and the words found against the words written. */
export type ExtractTime = {name: string; bytes: number; ms: number[]; articleWords: number; foundWords: number; headings: number};

/** Extracts the article of every generated page `runs` times, after an untimed pass over the first three pages. */
export function timeExtraction(runs: number, count = 40): ExtractTime[] {
	const pages = benchPages(count);
	for (const page of pages.slice(0, 3)) {
		extractArticle(page.html, `https://gazette.example/news/${page.name}`);
	}

	return pages.map(page => {
		const url = `https://gazette.example/news/${page.name}`;
		const ms: number[] = [];
		let found: ReturnType<typeof extractArticle>;
		for (let run = 0; run < runs; run++) {
			const start = performance.now();
			found = extractArticle(page.html, url);
			ms.push(performance.now() - start);
		}

		return {
			name: page.name,
			bytes: Buffer.byteLength(page.html),
			ms,
			articleWords: page.articleWords,
			foundWords: found?.wordCount ?? 0,
			headings: found?.markdown.match(/^#{1,6} /gm)?.length ?? 0,
		};
	});
}

// Run as a program: `node feed-bench.mjs parse ROUNDS` or `node feed-bench.mjs extract RUNS`.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
	const [what, times] = process.argv.slice(2);
	const result = what === 'parse' ? timeParsing(Number(times)) : timeExtraction(Number(times));
	process.stdout.write(`${JSON.stringify(result)}\n`);
}
