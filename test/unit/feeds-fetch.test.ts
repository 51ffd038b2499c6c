import {brotliCompressSync, deflateSync, gzipSync} from 'node:zlib';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {fetchResource} from '../../source/feeds/fetch.js';
import {fetchFeed, isDue} from '../../source/feeds/fetch-feed.js';
import {createHostLimiter} from '../../source/feeds/host-limiter.js';
import {
	body, conditional, type FeedServer, hugeBody, redirect, slow, stalledBody, startFeedServer, status, type StreamRecord,
} from '../helpers/feed-server.js';

const MB = 1024 * 1024;

function rss(title: string, itemTitles: string[], extra = ''): string {
	const items = itemTitles.map((item, index) => `<item><title>${item}</title><link>https://gazette.example/${index + 1}</link><guid>g${index + 1}</guid></item>`);
	return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>${title}</title><link>https://gazette.example/</link>${extra}${items.join('')}</channel></rss>`;
}

const gazette = rss('Marrowick Gazette', ['Harbour reopens', 'Bridge vote delayed']);
const etag = '"v1-gazette"';
const lastModified = 'Sun, 01 Mar 2026 08:00:00 GMT';
const huge: StreamRecord = {bytesSent: 0, clientHungUp: false, finished: false};
// 50 MB of spaces inside a feed, gzipped to a few tens of KB.
const bomb = gzipSync(Buffer.concat([Buffer.from('<rss version="2.0"><channel><title>'), Buffer.alloc(50 * MB, ' '), Buffer.from('</title></channel></rss>')]));
const clock = Date.parse('2026-03-01T12:00:00Z');
const now = () => clock;

let server: FeedServer;

beforeAll(async () => {
	server = await startFeedServer({
		'/feed.xml': body(gazette),
		'/conditional.xml': conditional(gazette, etag, lastModified),
		'/modified-only.xml': conditional(gazette, '"other"', lastModified),
		'/moved-permanently': redirect(301, '/moved-again'),
		'/moved-again': redirect(308, '/feed.xml'),
		'/moved-for-now': redirect(301, '/temporarily'),
		'/temporarily': redirect(302, '/feed.xml'),
		'/see-other': redirect(307, '/feed.xml'),
		'/hop/1': redirect(302, '/hop/2'),
		'/hop/2': redirect(302, '/hop/3'),
		'/hop/3': redirect(302, '/hop/4'),
		'/hop/4': redirect(302, '/hop/5'),
		'/hop/5': redirect(302, '/hop/6'),
		'/hop/6': redirect(302, '/feed.xml'),
		'/loop/a': redirect(301, '/loop/b'),
		'/loop/b': redirect(301, '/loop/a'),
		'/no-location': status(302),
		'/slow.xml': slow(5000, body(gazette)),
		'/stalled.xml': stalledBody(5000, '<rss version="2.0"><channel>', '</channel></rss>'),
		'/missing.xml': status(404),
		'/broken.xml': status(500),
		'/busy.xml': status(429, {'retry-after': '120'}),
		'/down.xml': status(503, {'retry-after': 'Sun, 01 Mar 2026 12:30:00 GMT'}),
		'/bomb.xml': body(bomb, {'content-type': 'application/rss+xml', 'content-encoding': 'gzip'}),
		'/huge.xml': hugeBody(30 * MB, huge),
		'/declared-huge.xml'(_request, response) {
			response.writeHead(200, {'content-type': 'application/rss+xml', 'content-length': String(11 * MB)});
			response.write('<rss version="2.0">');
		},
		'/gzip.xml': body(gzipSync(gazette), {'content-type': 'application/rss+xml', 'content-encoding': 'gzip'}),
		'/deflate.xml': body(deflateSync(gazette), {'content-type': 'application/rss+xml', 'content-encoding': 'deflate'}),
		'/brotli.xml': body(brotliCompressSync(gazette), {'content-type': 'application/rss+xml', 'content-encoding': 'br'}),
		'/plain-text.xml': body(gazette, {'content-type': 'text/plain'}),
		'/served-as-html.xml': body(gazette, {'content-type': 'text/html'}),
		'/not-a-feed.txt': body('Hello, this is a plain text file.', {'content-type': 'text/plain'}),
		'/page.html': body('<!DOCTYPE html><html><head><title>Gazette</title><link rel="alternate" type="application/rss+xml" title="Gazette" href="/feed.xml"></head><body>News</body></html>', {'content-type': 'text/html; charset=utf-8'}),
		'/page-without-feed.html': body('<!DOCTYPE html><html><head><title>Gazette</title></head><body>News</body></html>', {'content-type': 'text/html'}),
		'/page-with-gone-feed.html': body('<html><head><link rel="alternate" type="application/atom+xml" href="/missing.xml"></head></html>', {'content-type': 'text/html'}),
		'/ttl.xml': body(rss('Slow news', ['One'], '<ttl>60</ttl>')),
		'/max-age.xml': body(rss('Cached news', ['One'], '<ttl>60</ttl>'), {'content-type': 'application/rss+xml', 'cache-control': 'public, max-age=7200'}),
	});
});

afterAll(async () => {
	await server.close();
});

describe('fetchResource', () => {
	it('returns the body, its type and the server\'s validators, naming newsread and asking for every compression', async () => {
		const result = await fetchResource(server.url('/conditional.xml'));
		expect(result).toMatchObject({
			status: 'ok', url: server.url('/conditional.xml'), finalUrl: server.url('/conditional.xml'), permanentRedirect: false,
			httpStatus: 200, contentType: 'application/rss+xml', etag, lastModified,
		});
		expect(result.status === 'ok' && new TextDecoder().decode(result.body)).toBe(gazette);
		const {headers} = server.requestsFor('/conditional.xml').at(-1)!;
		expect(headers['user-agent']).toMatch(/^newsread\/\d+\.\d+\.\d+ \(a terminal news reader; Node \d+\.\d+\.\d+\)$/);
		expect(headers['accept-encoding']).toBe('gzip, deflate, br');
		expect(headers.accept).toContain('application/rss+xml');
	});

	it('gets not-modified and no body when the stored ETag still matches', async () => {
		const result = await fetchResource(server.url('/conditional.xml'), {etag});
		expect(result).toMatchObject({status: 'not-modified', httpStatus: 304, etag});
		expect(result).not.toHaveProperty('body');
		expect(server.requestsFor('/conditional.xml').at(-1)!.headers['if-none-match']).toBe(etag);
	});

	it('gets not-modified with the stored Last-Modified alone', async () => {
		const result = await fetchResource(server.url('/modified-only.xml'), {lastModified});
		expect(result.status).toBe('not-modified');
		expect(server.requestsFor('/modified-only.xml').at(-1)!.headers['if-modified-since']).toBe(lastModified);
	});

	it('follows permanent redirects and says the address moved for good', async () => {
		const result = await fetchResource(server.url('/moved-permanently'));
		expect(result).toMatchObject({status: 'ok', finalUrl: server.url('/feed.xml'), permanentRedirect: true});
	});

	it('says the move is not permanent when any hop was temporary', async () => {
		expect(await fetchResource(server.url('/moved-for-now'))).toMatchObject({status: 'ok', finalUrl: server.url('/feed.xml'), permanentRedirect: false});
		expect(await fetchResource(server.url('/see-other'))).toMatchObject({status: 'ok', finalUrl: server.url('/feed.xml'), permanentRedirect: false});
	});

	it('follows five redirects but not six', async () => {
		expect(await fetchResource(server.url('/hop/2'))).toMatchObject({status: 'ok', finalUrl: server.url('/feed.xml')});
		expect(await fetchResource(server.url('/hop/1'))).toMatchObject({status: 'failed', error: 'Too many redirects (over 5).'});
	});

	it('stops at a redirect loop', async () => {
		expect(await fetchResource(server.url('/loop/a'))).toMatchObject({status: 'failed', error: 'The address redirects in a loop.'});
	});

	it('fails on a redirect that names no address', async () => {
		expect(await fetchResource(server.url('/no-location'))).toMatchObject({status: 'failed', httpStatus: 302, error: 'The server answered 302 Found without saying where to.'});
	});

	it('gives up on a server that does not answer in time', async () => {
		expect(await fetchResource(server.url('/slow.xml'), {timeoutMs: 300})).toMatchObject({status: 'failed', error: 'No answer within 0.3 s.'});
	});

	it('gives up on a body that stops coming', async () => {
		expect(await fetchResource(server.url('/stalled.xml'), {timeoutMs: 300})).toMatchObject({status: 'failed', error: 'No answer within 0.3 s.'});
	});

	it('says what the server answered for 404 and 500', async () => {
		expect(await fetchResource(server.url('/missing.xml'))).toEqual(expect.objectContaining({status: 'failed', httpStatus: 404, error: 'The server answered 404 Not Found.'}));
		expect(await fetchResource(server.url('/broken.xml'))).toEqual(expect.objectContaining({status: 'failed', httpStatus: 500, error: 'The server answered 500 Internal Server Error.'}));
	});

	it('reads Retry-After in seconds and as a date', async () => {
		expect(await fetchResource(server.url('/busy.xml'), {now})).toMatchObject({
			status: 'failed', httpStatus: 429, retryAfterMs: 120_000, error: 'The server answered 429 Too Many Requests (it asks to wait 2 minutes).',
		});
		expect(await fetchResource(server.url('/down.xml'), {now})).toMatchObject({
			status: 'failed', httpStatus: 503, retryAfterMs: 1_800_000, error: 'The server answered 503 Service Unavailable (it asks to wait 30 minutes).',
		});
	});

	it('refuses a gzip bomb instead of unpacking it', async () => {
		expect(bomb.length).toBeLessThan(MB);
		expect(await fetchResource(server.url('/bomb.xml'))).toMatchObject({status: 'failed', httpStatus: 200, error: 'The feed is larger than 10 MB.'});
	});

	it('stops reading a huge body at the cap', async () => {
		expect(await fetchResource(server.url('/huge.xml'), {maxBytes: MB})).toMatchObject({status: 'failed', error: 'The feed is larger than 1 MB.'});
		await expect.poll(() => huge.clientHungUp).toBe(true);
		expect(huge.bytesSent).toBeLessThan(30 * MB);
	});

	it('refuses a body whose Content-Length is over the cap without reading it', async () => {
		expect(await fetchResource(server.url('/declared-huge.xml'))).toMatchObject({status: 'failed', error: 'The feed is larger than 10 MB.'});
	});

	it.each(['/gzip.xml', '/deflate.xml', '/brotli.xml'])('decompresses %s', async path => {
		const result = await fetchResource(server.url(path));
		expect(result.status === 'ok' && new TextDecoder().decode(result.body)).toBe(gazette);
	});

	it('says when the connection is refused', async () => {
		const closed = await startFeedServer();
		const url = closed.url('/feed.xml');
		await closed.close();
		expect(await fetchResource(url)).toMatchObject({status: 'failed', error: 'Connection refused.'});
	});

	it('says when the address cannot be found', async () => {
		expect(await fetchResource('http://no-such-host.invalid/feed.xml')).toMatchObject({status: 'failed', error: 'The address could not be found (DNS).'});
	});

	it('fetches only web addresses', async () => {
		expect(await fetchResource('ftp://gazette.example/feed.xml')).toMatchObject({status: 'failed', error: 'Only http and https addresses can be fetched, not ftp.'});
	});
});

describe('fetchFeed', () => {
	it('reads the feed and remembers its validators and when it was checked', async () => {
		const outcome = await fetchFeed(server.url('/conditional.xml'), undefined, {now});
		expect(outcome).toMatchObject({status: 'ok', feedUrl: server.url('/conditional.xml'), httpStatus: 200, feed: {title: 'Marrowick Gazette'}});
		expect(outcome.feed?.items.map(item => item.title)).toEqual(['Harbour reopens', 'Bridge vote delayed']);
		expect(outcome.newState).toEqual({etag, lastModified, lastChecked: '2026-03-01T12:00:00.000Z'});
		expect(outcome.error).toBeUndefined();
	});

	it('gets not-modified on the second fetch with the stored state, with no feed, keeping the validators', async () => {
		const later = () => clock + 60_000;
		const stored = {etag, lastModified, lastChecked: '2026-03-01T12:00:00.000Z', lastError: 'The server answered 500 Internal Server Error.'};
		const outcome = await fetchFeed(server.url('/conditional.xml'), stored, {now: later});
		expect(outcome).toMatchObject({status: 'not-modified', httpStatus: 304});
		expect(outcome.feed).toBeUndefined();
		expect(outcome.newState).toEqual({etag, lastModified, lastChecked: '2026-03-01T12:01:00.000Z'});
	});

	it('waits as long as the feed\'s ttl asks', async () => {
		const outcome = await fetchFeed(server.url('/ttl.xml'), undefined, {now});
		expect(outcome.newState.nextFetchAfter).toBe('2026-03-01T13:00:00.000Z');
		expect(isDue(outcome.newState, Date.parse('2026-03-01T12:59:00Z'))).toBe(false);
		expect(isDue(outcome.newState, Date.parse('2026-03-01T13:00:00Z'))).toBe(true);
	});

	it('waits for the longer of ttl and Cache-Control max-age', async () => {
		const outcome = await fetchFeed(server.url('/max-age.xml'), undefined, {now});
		expect(outcome.newState.nextFetchAfter).toBe('2026-03-01T14:00:00.000Z');
	});

	it('finds the feed a web page names, and returns its address to store', async () => {
		const outcome = await fetchFeed(server.url('/page.html'), undefined, {now});
		expect(outcome).toMatchObject({status: 'ok', feedUrl: server.url('/feed.xml'), discoveredFrom: server.url('/page.html'), feed: {title: 'Marrowick Gazette'}});
	});

	it('says so when a web page names no feed', async () => {
		expect(await fetchFeed(server.url('/page-without-feed.html'), undefined, {now})).toMatchObject({
			status: 'failed', httpStatus: 200, error: 'This is a web page, and it names no feed.',
		});
	});

	it('fails with the named feed\'s problem when it cannot be fetched', async () => {
		expect(await fetchFeed(server.url('/page-with-gone-feed.html'), undefined, {now})).toMatchObject({
			status: 'failed', feedUrl: server.url('/missing.xml'), httpStatus: 404, error: 'The server answered 404 Not Found.',
		});
	});

	it('reads a feed served with the wrong content type', async () => {
		expect(await fetchFeed(server.url('/plain-text.xml'), undefined, {now})).toMatchObject({status: 'ok', feed: {title: 'Marrowick Gazette'}});
		expect(await fetchFeed(server.url('/served-as-html.xml'), undefined, {now})).toMatchObject({status: 'ok', feed: {title: 'Marrowick Gazette'}});
	});

	it('says what is wrong with a body that is not a feed, keeping the old validators', async () => {
		const outcome = await fetchFeed(server.url('/not-a-feed.txt'), {etag: '"old"'}, {now});
		expect(outcome).toMatchObject({status: 'failed', httpStatus: 200, error: 'This is neither XML nor JSON, so not a feed.'});
		expect(outcome.newState).toEqual({etag: '"old"', lastChecked: '2026-03-01T12:00:00.000Z', lastError: 'This is neither XML nor JSON, so not a feed.'});
	});

	it('records a permanent redirect so the stored address can be updated', async () => {
		const outcome = await fetchFeed(server.url('/moved-permanently'), undefined, {now});
		expect(outcome).toMatchObject({status: 'ok', feedUrl: server.url('/feed.xml')});
		expect(outcome.newState.permanentRedirect).toBe(server.url('/feed.xml'));
	});

	it('does not record a temporary redirect', async () => {
		const outcome = await fetchFeed(server.url('/moved-for-now'), undefined, {now});
		expect(outcome).toMatchObject({status: 'ok', feedUrl: server.url('/moved-for-now')});
		expect(outcome.newState.permanentRedirect).toBeUndefined();
	});

	it('waits as long as Retry-After asks, and says why it failed', async () => {
		const outcome = await fetchFeed(server.url('/busy.xml'), {etag: '"old"'}, {now});
		expect(outcome).toMatchObject({status: 'failed', httpStatus: 429, error: 'The server answered 429 Too Many Requests (it asks to wait 2 minutes).'});
		expect(outcome.newState).toEqual({
			etag: '"old"',
			lastChecked: '2026-03-01T12:00:00.000Z',
			lastError: 'The server answered 429 Too Many Requests (it asks to wait 2 minutes).',
			nextFetchAfter: '2026-03-01T12:02:00.000Z',
		});
	});

	it('fetches several feeds at once, each failure its own', async () => {
		const limiter = createHostLimiter();
		const paths = ['/missing.xml', '/feed.xml', '/slow.xml', '/bomb.xml', '/brotli.xml'];
		// Only the slow one has a short timeout: the others must not run out of time on a busy machine.
		const outcomes = await Promise.all(paths.map(async path => limiter.run(server.url(path), async () => fetchFeed(server.url(path), undefined, {now, timeoutMs: path === '/slow.xml' ? 300 : 60_000}))));
		expect(outcomes.map(outcome => [outcome.status, outcome.error])).toEqual([
			['failed', 'The server answered 404 Not Found.'],
			['ok', undefined],
			['failed', 'No answer within 0.3 s.'],
			['failed', 'The feed is larger than 10 MB.'],
			['ok', undefined],
		]);
	});
});

describe('createHostLimiter', () => {
	type Deferred = {resolve: () => void; promise: Promise<void>};
	function deferred(): Deferred {
		let resolve!: () => void;
		const promise = new Promise<void>(done => {
			resolve = done;
		});
		return {resolve, promise};
	}

	it('runs at most two requests per host and a bounded total, and every task finishes', async () => {
		const limiter = createHostLimiter({perHost: 2, total: 3});
		const running = new Map<string, number>();
		let most = 0;
		const mostPerHost = new Map<string, number>();
		const gates: Deferred[] = [];
		const tasks = ['a', 'a', 'a', 'a', 'b', 'b', 'b', 'c', 'c'].map(async (host, index) => limiter.run(`https://${host}.example/feed/${index}`, async () => {
			running.set(host, (running.get(host) ?? 0) + 1);
			mostPerHost.set(host, Math.max(mostPerHost.get(host) ?? 0, running.get(host)!));
			most = Math.max(most, [...running.values()].reduce((sum, count) => sum + count, 0));
			const gate = deferred();
			gates.push(gate);
			await gate.promise;
			running.set(host, running.get(host)! - 1);
			return index;
		}));
		// Let tasks in as slots free up, one at a time.
		for (let released = 0; released < 9; released++) {
			await expect.poll(() => gates.length).toBeGreaterThan(released);
			gates[released]!.resolve();
		}

		expect(await Promise.all(tasks)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
		expect(most).toBe(3);
		expect(Math.max(...mostPerHost.values())).toBe(2);
	});

	it('lets another host\'s request start while one host has many waiting', async () => {
		const limiter = createHostLimiter();
		const gate = deferred();
		const started: string[] = [];
		const busy = Array.from({length: 10}, async (_, index) => limiter.run(`https://busy.example/${index}`, async () => {
			started.push(`busy ${index}`);
			await gate.promise;
		}));
		const other = limiter.run('https://quiet.example/feed', async () => {
			started.push('quiet');
		});
		await other;
		expect(started).toEqual(['busy 0', 'busy 1', 'quiet']);
		expect(limiter.pendingCount).toBe(8);
		gate.resolve();
		await Promise.all(busy);
		expect(started).toHaveLength(11);
	});

	it('passes a task\'s failure to its caller and goes on with the others', async () => {
		const limiter = createHostLimiter({perHost: 1});
		const failing = limiter.run('https://a.example/1', async () => {
			throw new Error('broken');
		});
		const next = limiter.run('https://a.example/2', async () => 'done');
		await expect(failing).rejects.toThrow('broken');
		expect(await next).toBe('done');
	});
});
