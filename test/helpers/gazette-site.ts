// The Marrowick Gazette and the Upper Thorn Weekly as a local feed server serves them to the tests of
// feeds in the reader (in process and in a pty): a home page that names its feed, a teaser whose page
// holds the whole article with a subheading, and one more item to publish.
import type {FeedServer} from './feed-server.js';
import {body} from './feed-server.js';

/** The page of the teaser item: the whole article, with a subheading, among navigation and a footer. */
export const articlePage = `<!doctype html><html><head><title>Pier vote - Marrowick Gazette</title></head><body>
<nav><a href="/">Home</a> Subscribe to our newsletter</nav>
<article><h1>Council votes to close the old pier</h1>
<p>${'The harbour council voted seven to two on Tuesday night to close the old pier to the public from January. '.repeat(8)}</p>
<h2>Why the pier is closing</h2>
<p>${'Engineers found that the timber piles under the eastern end had rotted through in several places. '.repeat(8)}</p>
<p>${'Repairs would cost more than the harbour earns from the pier in a decade, the report said. '.repeat(6)}</p>
</article><footer>Cookie settings</footer></body></html>`;

const ferryItem = `<item><title>Ferry timetable changes for winter</title><link>https://example.invalid/ferry</link>
<guid>gazette-ferry-1</guid><pubDate>Tue, 17 Nov 2026 09:30:00 GMT</pubDate>
<description><![CDATA[<p>${'The winter timetable brings fewer crossings on weekdays and one more on Saturdays. '.repeat(20)}</p>]]></description></item>`;

const lighthouseItem = `<item><title>Lighthouse keeper retires after forty years</title><link>https://example.invalid/lighthouse</link>
<guid>gazette-lighthouse-3</guid><pubDate>Thu, 19 Nov 2026 08:00:00 GMT</pubDate>
<description><![CDATA[<p>${'Agnes Penhallow climbed the hundred and twelve steps for the last time on Wednesday. '.repeat(20)}</p>]]></description></item>`;

/** A one-item RSS feed, "Upper Thorn Weekly", whose item has its whole text. */
export const thornFeed = `<?xml version="1.0"?><rss version="2.0"><channel><title>Upper Thorn Weekly</title><link>https://thorn.example/</link>
<item><title>Bridge reopens</title><guid>thorn-1</guid><link>https://thorn.example/bridge</link><description><![CDATA[<p>${'The bridge reopened on Friday after repairs. '.repeat(30)}</p>]]></description></item></channel></rss>`;

/**
 * Serves the Marrowick Gazette under `prefix`: its home page (naming the feed), the feed (a whole item
 * and a teaser whose page is `/articles/pier.html`, served here too), and `publish` to add one more item.
 */
export function serveGazette(server: FeedServer, prefix: string) {
	server.route('/articles/pier.html', body(articlePage, {'content-type': 'text/html; charset=utf-8'}));
	const pierItem = `<item><title>Council votes to close the old pier</title><link>${server.url('/articles/pier.html')}</link>
<guid>gazette-pier-2</guid><pubDate>Wed, 18 Nov 2026 18:00:00 +0000</pubDate>
<description>The council voted on Tuesday night. Read more…</description></item>`;
	const items = [ferryItem, pierItem];
	const feedUrl = server.url(`${prefix}/feed.xml`);
	server.route(`${prefix}/feed.xml`, (_request, response) => {
		response.writeHead(200, {'content-type': 'application/rss+xml'}).end(`<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Marrowick Gazette</title><link>${server.url(`${prefix}/`)}</link><description>News of the harbour</description>
${items.join('\n')}
</channel></rss>`);
	});
	server.route(`${prefix}/`, body(`<!doctype html><html><head><title>The Gazette</title>
<link rel="alternate" type="application/rss+xml" title="Gazette" href="${prefix}/feed.xml"></head><body>Welcome to the Gazette</body></html>`, {'content-type': 'text/html'}));
	return {
		homeUrl: server.url(`${prefix}/`),
		feedUrl,
		publish() {
			items.unshift(lighthouseItem);
		},
	};
}
