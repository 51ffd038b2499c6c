// A local web server for feed tests: node:http on 127.0.0.1, a free port, each path a scripted
// behaviour (a body, conditional GET, redirects, slowness, errors, compression, endless bodies).
import {createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse} from 'node:http';
import type {AddressInfo} from 'node:net';

/** How one path answers. */
export type Route = (request: IncomingMessage, response: ServerResponse) => void;

/** A request the server saw. */
export type SeenRequest = {path: string; headers: IncomingHttpHeaders};

export type FeedServer = {
	/** The absolute URL of a path on the server. */
	url(path: string): string;
	/** Adds or replaces the route of a path. */
	route(path: string, handler: Route): void;
	/** Every request so far, in order. */
	readonly requests: SeenRequest[];
	/** The requests for one path. */
	requestsFor(path: string): SeenRequest[];
	/** Stops the server, cutting the connections still open (slow routes). */
	close(): Promise<void>;
};

/** Starts a server on 127.0.0.1 on a free port. An unknown path answers 404. */
export async function startFeedServer(routes: Record<string, Route> = {}): Promise<FeedServer> {
	const table = new Map(Object.entries(routes));
	const requests: SeenRequest[] = [];
	const server = createServer((request, response) => {
		const path = request.url ?? '/';
		requests.push({path, headers: request.headers});
		const handler = table.get(path);
		if (handler) {
			handler(request, response);
		} else {
			response.writeHead(404, {'content-type': 'text/plain'}).end('not here');
		}
	});
	await new Promise<void>(resolve => {
		server.listen(0, '127.0.0.1', resolve);
	});
	const {port} = server.address() as AddressInfo;
	return {
		url: path => `http://127.0.0.1:${port}${path}`,
		route(path, handler) {
			table.set(path, handler);
		},
		requests,
		requestsFor: path => requests.filter(request => request.path === path),
		async close() {
			server.closeAllConnections();
			await new Promise<void>((resolve, reject) => {
				server.close(error => {
					if (error) {
						reject(error);
					} else {
						resolve();
					}
				});
			});
		},
	};
}

/** Answers 200 with this body and headers. */
export function body(content: string | Uint8Array, headers: Record<string, string> = {'content-type': 'application/rss+xml'}): Route {
	return (_request, response) => {
		response.writeHead(200, headers).end(content);
	};
}

/** Answers 200 with the body, an ETag and a Last-Modified; 304 and no body when the request names either. */
export function conditional(content: string, etag: string, lastModified: string, contentType = 'application/rss+xml'): Route {
	return (request, response) => {
		const validators = {etag, 'last-modified': lastModified};
		if (request.headers['if-none-match'] === etag || request.headers['if-modified-since'] === lastModified) {
			response.writeHead(304, validators).end();
			return;
		}

		response.writeHead(200, {'content-type': contentType, ...validators}).end(content);
	};
}

/** Answers a redirect to `location`. */
export function redirect(status: 301 | 302 | 303 | 307 | 308, location: string): Route {
	return (_request, response) => {
		response.writeHead(status, {location}).end();
	};
}

/** Answers with this status and headers, and a short text body. */
export function status(code: number, headers: Record<string, string> = {}): Route {
	return (_request, response) => {
		response.writeHead(code, {'content-type': 'text/plain', ...headers}).end(`status ${code}`);
	};
}

/** Waits `ms` before answering with `then` (the wait ends early when the client goes away). */
export function slow(ms: number, then: Route): Route {
	return (request, response) => {
		const timer = setTimeout(() => {
			then(request, response);
		}, ms);
		response.on('close', () => {
			clearTimeout(timer);
		});
	};
}

/** Sends the headers and a first part of the body at once, then stalls for `ms` before ending it. */
export function stalledBody(ms: number, first: string, rest: string): Route {
	return (_request, response) => {
		response.writeHead(200, {'content-type': 'application/rss+xml'});
		response.write(first);
		const timer = setTimeout(() => response.end(rest), ms);
		response.on('close', () => {
			clearTimeout(timer);
		});
	};
}

/** What an endless route did: how much it sent, and whether the client hung up before the end. */
export type StreamRecord = {bytesSent: number; clientHungUp: boolean; finished: boolean};

/** Streams `total` bytes of text in 64 KB chunks with no Content-Length, recording whether the client stopped reading. */
export function hugeBody(total: number, record: StreamRecord): Route {
	const chunk = Buffer.alloc(64 * 1024, 'x');
	return (_request, response) => {
		response.writeHead(200, {'content-type': 'application/rss+xml'});
		const writeMore = () => {
			while (record.bytesSent < total && !response.destroyed) {
				record.bytesSent += chunk.length;
				if (!response.write(chunk)) {
					response.once('drain', writeMore);
					return;
				}
			}

			if (!response.destroyed) {
				record.finished = true;
				response.end();
			}
		};

		response.on('close', () => {
			record.clientHungUp = !record.finished;
		});
		writeMore();
	};
}

/** A gate a route waits at: `route` answers with `then` at once while the gate is open, else when it is opened. */
export type Gate = {
	route: Route;
	/** From now on requests wait; `waiting` counts those that do. */
	close(): void;
	/** Answers every waiting request and lets the next ones through. */
	open(): void;
	/** Requests waiting at the gate now. */
	readonly waiting: number;
};

/** A route held for as long as a test wants (a slow server whose slowness the test controls, not a clock). */
export function gate(then: Route): Gate {
	let held: Array<() => void> | undefined;
	return {
		route(request, response) {
			if (held === undefined) {
				then(request, response);
				return;
			}

			const answer = () => {
				if (!response.destroyed) {
					then(request, response);
				}
			};

			held.push(answer);
			response.on('close', () => {
				held = held?.filter(other => other !== answer);
			});
		},
		close() {
			held ??= [];
		},
		open() {
			const waiting = held ?? [];
			held = undefined;
			for (const answer of waiting) {
				answer();
			}
		},
		get waiting() {
			return held?.length ?? 0;
		},
	};
}
