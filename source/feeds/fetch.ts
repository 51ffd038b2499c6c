// One HTTP GET as a good citizen of the web, by Node's fetch: conditional (ETag, Last-Modified),
// redirects followed by hand (at most 5), a timeout over the whole exchange, the body capped as it
// streams (a gzip bomb is refused, not unpacked), Retry-After read. Never throws: a failure is a sentence.
import {STATUS_CODES} from 'node:http';
import process from 'node:process';
import packageJson from '../../package.json' with {type: 'json'};
import {sanitizeLine} from '../core/sanitize.js';
import {parseFeedDate} from './feed-dates.js';

/** The User-Agent newsread sends: its name and version (read from package.json when it is built), what it is, and the Node it runs on. */
export const USER_AGENT = `newsread/${packageJson.version} (a terminal news reader; Node ${process.versions.node})`;

/** Options of `fetchResource`. */
export type FetchOptions = {
	/** The ETag of the copy the caller has: sent as If-None-Match. */
	etag?: string;
	/** The Last-Modified of the copy the caller has: sent as If-Modified-Since. */
	lastModified?: string;
	/** The whole exchange (redirects and body included) must end within this. @default 20_000 */
	timeoutMs?: number;
	/** The largest body taken, counted after decompression; a declared Content-Length over it is refused unread. @default 10 MB */
	maxBytes?: number;
	/** The Accept header. @default feed types, then any XML, then anything */
	accept?: string;
	/** @default USER_AGENT */
	userAgent?: string;
	/** Redirects followed before giving up. @default 5 */
	maxRedirects?: number;
	/** What is fetched, for the sentences. @default 'feed' */
	kind?: 'feed' | 'page';
	/** Cancels the request (a refresh stopped by the user). */
	signal?: AbortSignal;
	/** The clock (ms), for a Retry-After given as a date. @default Date.now */
	now?: () => number;
};

type Answer = {
	/** The address asked for. */
	url: string;
	/** The address that answered, after redirects. */
	finalUrl: string;
	/** Every redirect on the way was permanent (301, 308), so the caller may store `finalUrl` instead; false when there were none. */
	permanentRedirect: boolean;
	httpStatus: number;
	/** How long it took, in ms. */
	ms: number;
};

/** What the server sent besides the body, for the next fetch. */
type Validators = {
	etag?: string;
	lastModified?: string;
	/** Cache-Control max-age, in seconds. */
	cacheControlMaxAge?: number;
};

export type FetchOk = Answer & Validators & {
	status: 'ok';
	/** The Content-Type header, or '' when there was none. */
	contentType: string;
	/** The body, decompressed. */
	body: Uint8Array;
};

export type FetchNotModified = Answer & Validators & {status: 'not-modified'};

export type FetchFailed = {
	status: 'failed';
	url: string;
	/** The address that failed, after the redirects followed. */
	finalUrl: string;
	/** The server's status, when it answered. */
	httpStatus?: number;
	/** What went wrong, one plain sentence. */
	error: string;
	/** How long the server asks to be left alone (429, 503 with Retry-After), in ms. */
	retryAfterMs?: number;
	ms: number;
};

export type FetchResult = FetchOk | FetchNotModified | FetchFailed;

const DEFAULT_TIMEOUT_MS = 20_000;
const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
const DEFAULT_MAX_REDIRECTS = 5;
const FEED_ACCEPT = 'application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml;q=0.9, application/xml;q=0.8, text/xml;q=0.8, application/json;q=0.7, text/html;q=0.5, */*;q=0.1';

const redirectStatuses = new Set([301, 302, 303, 307, 308]);
const permanentStatuses = new Set([301, 308]);

/** Fetches `url` with GET. Resolves to the body, to not-modified, or to a failure in one sentence; never rejects. */
export async function fetchResource(url: string, options: FetchOptions = {}): Promise<FetchResult> {
	const started = performance.now();
	const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
	const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
	const maxRedirects = options.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
	const kind = options.kind ?? 'feed';
	const now = options.now ?? Date.now;
	const timeout = AbortSignal.timeout(timeoutMs);
	const signal = options.signal ? AbortSignal.any([timeout, options.signal]) : timeout;
	const elapsed = () => Math.round(performance.now() - started);

	let current = url;
	let permanent = true;
	const visited = new Set<string>();
	const fail = (error: string, extra: {httpStatus?: number; retryAfterMs?: number} = {}): FetchFailed =>
		({status: 'failed', url, finalUrl: current, ...extra, error, ms: elapsed()});

	try {
		for (let redirects = 0; ; redirects++) {
			const problem = addressProblem(current);
			if (problem) {
				return fail(problem);
			}

			visited.add(current);
			const headers: Record<string, string> = {
				accept: options.accept ?? FEED_ACCEPT,
				'user-agent': options.userAgent ?? USER_AGENT,
				// Node 20's fetch asks for gzip and deflate only, though it decodes brotli too.
				'accept-encoding': 'gzip, deflate, br',
			};
			if (options.etag) {
				headers['if-none-match'] = options.etag;
			}

			if (options.lastModified) {
				headers['if-modified-since'] = options.lastModified;
			}

			const response = await fetch(current, {headers, redirect: 'manual', signal});
			const httpStatus = response.status;

			if (redirectStatuses.has(httpStatus)) {
				const location = response.headers.get('location');
				await discard(response);
				const next = location === null ? undefined : resolve(location, current);
				if (next === undefined) {
					return fail(`The server answered ${statusName(httpStatus)} without saying where to.`, {httpStatus});
				}

				if (visited.has(next)) {
					current = next;
					return fail('The address redirects in a loop.', {httpStatus});
				}

				if (redirects >= maxRedirects) {
					return fail(`Too many redirects (over ${maxRedirects}).`, {httpStatus});
				}

				permanent &&= permanentStatuses.has(httpStatus);
				current = next;
				continue;
			}

			const answer: Answer = {url, finalUrl: current, permanentRedirect: permanent && current !== url, httpStatus, ms: 0};
			if (httpStatus === 304) {
				await discard(response);
				return {...answer, status: 'not-modified', ...validators(response.headers), ms: elapsed()};
			}

			if (httpStatus < 200 || httpStatus > 299) {
				await discard(response);
				const retryAfterMs = httpStatus === 429 || httpStatus === 503 ? retryAfter(response.headers.get('retry-after'), now()) : undefined;
				const wait = retryAfterMs === undefined ? '' : ` (it asks to wait ${duration(retryAfterMs)})`;
				return fail(`The server answered ${statusName(httpStatus, response.statusText)}${wait}.`, retryAfterMs === undefined ? {httpStatus} : {httpStatus, retryAfterMs});
			}

			const tooBig = `The ${kind} is larger than ${size(maxBytes)}.`;
			const declared = Number(response.headers.get('content-length') ?? Number.NaN);
			if (Number.isFinite(declared) && declared > maxBytes) {
				await discard(response);
				return fail(tooBig, {httpStatus});
			}

			const body = await readCapped(response, maxBytes);
			if (body === undefined) {
				return fail(tooBig, {httpStatus});
			}

			return {
				...answer,
				status: 'ok',
				contentType: sanitizeLine(response.headers.get('content-type') ?? ''),
				body,
				...validators(response.headers),
				ms: elapsed(),
			};
		}
	} catch (error) {
		if (timeout.aborted) {
			return fail(`No answer within ${seconds(timeoutMs)}.`);
		}

		if (options.signal?.aborted) {
			return fail('The fetch was stopped.');
		}

		return fail(networkProblem(error));
	}
}

/** The body up to `maxBytes` (decoded bytes, counted as they stream), or undefined when there is more: the rest is never read. */
async function readCapped(response: Response, maxBytes: number): Promise<Uint8Array | undefined> {
	if (!response.body) {
		return new Uint8Array(0);
	}

	const reader = (response.body as ReadableStream<Uint8Array>).getReader();
	const chunks: Uint8Array[] = [];
	let length = 0;
	for (;;) {
		const {done, value} = await reader.read();
		if (done) {
			break;
		}

		length += value.byteLength;
		if (length > maxBytes) {
			// Cancelling stops the decompression and closes the connection.
			await reader.cancel().catch(() => undefined);
			return undefined;
		}

		chunks.push(value);
	}

	const body = new Uint8Array(length);
	let offset = 0;
	for (const chunk of chunks) {
		body.set(chunk, offset);
		offset += chunk.byteLength;
	}

	return body;
}

/** Drops a body not wanted, so the connection is freed. */
async function discard(response: Response): Promise<void> {
	await response.body?.cancel().catch(() => undefined);
}

function validators(headers: Headers): Validators {
	const found: Validators = {};
	const etag = sanitizeLine(headers.get('etag') ?? '');
	if (etag) {
		found.etag = etag;
	}

	const lastModified = sanitizeLine(headers.get('last-modified') ?? '');
	if (lastModified) {
		found.lastModified = lastModified;
	}

	const maxAge = /(?:^|,)\s*max-age\s*=\s*"?(\d+)"?\s*(?:,|$)/i.exec(headers.get('cache-control') ?? '');
	if (maxAge) {
		found.cacheControlMaxAge = Number(maxAge[1]);
	}

	return found;
}

/** Retry-After, seconds or an HTTP date, as ms from now; undefined when absent or unreadable. */
export function retryAfter(value: string | null, now: number): number | undefined {
	const text = value?.trim() ?? '';
	if (/^\d+$/.test(text)) {
		return Number(text) * 1000;
	}

	const date = parseFeedDate(text);
	return date === undefined ? undefined : Math.max(0, Date.parse(date) - now);
}

function addressProblem(url: string): string | undefined {
	let protocol: string;
	try {
		protocol = new URL(url).protocol;
	} catch {
		return `This is not a web address: ${sanitizeLine(url).slice(0, 200)}.`;
	}

	return protocol === 'http:' || protocol === 'https:' ? undefined : `Only http and https addresses can be fetched, not ${sanitizeLine(protocol.replace(/:$/, ''))}.`;
}

function resolve(location: string, base: string): string | undefined {
	try {
		return new URL(location, base).href;
	} catch {
		return undefined;
	}
}

/** `404 Not Found`: the standard name, else what the server said, else the number alone. */
function statusName(status: number, statusText = ''): string {
	const name = STATUS_CODES[status] ?? sanitizeLine(statusText).slice(0, 80);
	return name ? `${status} ${name}` : String(status);
}

const networkCodes: Record<string, string> = {
	ENOTFOUND: 'The address could not be found (DNS).',
	EAI_AGAIN: 'The address could not be found (DNS).',
	ECONNREFUSED: 'Connection refused.',
	ECONNRESET: 'The connection was cut off.',
	EPIPE: 'The connection was cut off.',
	UND_ERR_SOCKET: 'The connection was cut off.',
	ETIMEDOUT: 'The connection timed out.',
	UND_ERR_CONNECT_TIMEOUT: 'The connection timed out.',
	EHOSTUNREACH: 'The server cannot be reached.',
	ENETUNREACH: 'The network cannot be reached.',
	Z_DATA_ERROR: 'The answer could not be decompressed.',
	Z_BUF_ERROR: 'The answer could not be decompressed.',
	ERR_INVALID_URL: 'This is not a web address.',
};

/** A network error as a sentence: the cause's code when it is a known one. */
function networkProblem(error: unknown): string {
	let cause = error as {code?: unknown; cause?: unknown} | null | undefined;
	for (let depth = 0; cause && depth < 5; cause = cause.cause as typeof cause, depth++) {
		const {code} = cause;
		if (typeof code === 'string') {
			if (networkCodes[code]) {
				return networkCodes[code];
			}

			if (/CERT|SSL|TLS/.test(code)) {
				return `The site's certificate is not valid (${sanitizeLine(code)}).`;
			}
		}
	}

	const message = sanitizeLine(error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error));
	return `The fetch failed: ${message.replace(/\.$/, '').slice(0, 200)}.`;
}

function size(bytes: number): string {
	const units: Array<[number, string]> = [[1024 * 1024, 'MB'], [1024, 'KB']];
	for (const [unit, name] of units) {
		if (bytes >= unit) {
			return `${Number((bytes / unit).toFixed(1))} ${name}`;
		}
	}

	return `${bytes} bytes`;
}

function seconds(ms: number): string {
	return `${Number((ms / 1000).toFixed(1))} s`;
}

function duration(ms: number): string {
	const minutes = Math.round(ms / 60_000);
	if (ms < 90_000) {
		const whole = Math.round(ms / 1000);
		return whole === 1 ? '1 second' : `${whole} seconds`;
	}

	if (minutes < 90) {
		return `${minutes} minutes`;
	}

	const hours = Math.round(ms / 3_600_000);
	return hours < 36 ? `${hours} hours` : `${Math.round(ms / 86_400_000)} days`;
}
