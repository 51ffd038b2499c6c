// How many requests run at once: a few per host (a site is never hammered) and a bounded total,
// by p-limit: one limiter per host in front of one shared by all.
import pLimit, {type LimitFunction} from 'p-limit';

/** Options of `createHostLimiter`. */
export type HostLimiterOptions = {
	/** Requests to one host at once. @default 2 */
	perHost?: number;
	/** Requests at once in all. @default 8 */
	total?: number;
};

/** Runs tasks, each for a URL, within the limits. */
export type HostLimiter = {
	/** Runs `task` once a slot for the URL's host and one in the total are free; resolves or rejects as it does. */
	run<T>(url: string, task: () => Promise<T>): Promise<T>;
	/** Tasks running now. */
	readonly activeCount: number;
	/** Tasks waiting for a slot. */
	readonly pendingCount: number;
};

/** A limiter of requests per host and in all. */
export function createHostLimiter(options: HostLimiterOptions = {}): HostLimiter {
	const perHost = options.perHost ?? 2;
	const all = pLimit(options.total ?? 8);
	const hosts = new Map<string, LimitFunction>();
	let waiting = 0;

	return {
		async run<T>(url: string, task: () => Promise<T>): Promise<T> {
			const host = hostOf(url);
			let limit = hosts.get(host);
			if (!limit) {
				limit = pLimit(perHost);
				hosts.set(host, limit);
			}

			// The host's slot is taken first, so a host with many feeds waits in its own queue and
			// never fills the shared one: the other hosts' feeds go on.
			waiting++;
			try {
				return await limit(async () => all(async () => {
					waiting--;
					try {
						return await task();
					} finally {
						waiting++;
					}
				}));
			} finally {
				waiting--;
				if (limit.activeCount === 0 && limit.pendingCount === 0) {
					hosts.delete(host);
				}
			}
		},
		get activeCount() {
			return all.activeCount;
		},
		get pendingCount() {
			return waiting;
		},
	};
}

/** The host and port a request goes to; a URL that cannot be read is a host of its own. */
function hostOf(url: string): string {
	try {
		return new URL(url).host.toLowerCase();
	} catch {
		return url;
	}
}
