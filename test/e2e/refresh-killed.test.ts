// `newsread refresh` killed with SIGKILL half way through storing, as a shutdown or the OOM killer
// would: no article is left half written, feeds.json and the fetch state still read, and the next
// refresh stores every item once. Real processes (the built bundle) against a local HTTP server.
import {spawn} from 'node:child_process';
import {readdirSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {loadLibrary} from '../../source/core/library.js';
import {body, type FeedServer, startFeedServer} from '../helpers/feed-server.js';
import {childEnvironment, makeTempHome, newsreadBin, removeTempHomes} from '../helpers/run-cli.js';

const feedCount = 2;
const itemsPerFeed = 300;
let server: FeedServer;

/** An Atom feed whose items carry their whole text (no page is fetched), each a few KB. */
function feed(index: number): string {
	const entries = Array.from({length: itemsPerFeed}, (_, item) => `<entry><id>tag:killed.example,2026:${index}-${item}</id>
<title>Dispatch ${item} from station ${index}</title><link href="https://killed.example/${index}/${item}"/>
<updated>2026-11-${String(1 + (item % 28)).padStart(2, '0')}T08:00:00Z</updated>
<content type="html">&lt;p&gt;${`The tide at station ${index} rose early on the day of dispatch ${item}, and the keepers wrote it down. `.repeat(30)}&lt;/p&gt;&lt;h2&gt;Readings&lt;/h2&gt;&lt;p&gt;Calm.&lt;/p&gt;</content></entry>`).join('\n');
	return `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Station ${index}</title><id>tag:killed.example,2026:${index}</id><updated>2026-11-28T08:00:00Z</updated>${entries}</feed>`;
}

beforeAll(async () => {
	server = await startFeedServer();
	for (let index = 0; index < feedCount; index++) {
		server.route(`/station-${index}.xml`, body(feed(index), {'content-type': 'application/atom+xml'}));
	}
});

afterAll(async () => {
	await server.close();
	removeTempHomes();
});

function subscribeAll(home: string): void {
	const feeds = Array.from({length: feedCount}, (_, index) => ({url: server.url(`/station-${index}.xml`), title: `Station ${index}`, fullText: 'never'}));
	writeFileSync(path.join(home, 'feeds.json'), `${JSON.stringify({feeds}, undefined, 2)}\n`);
}

/** Starts `newsread refresh` and kills it with SIGKILL as soon as `after` articles are on disk: while it is storing. */
async function refreshKilledWhenStored(home: string, after: number): Promise<void> {
	const child = spawn(process.execPath, [newsreadBin, 'refresh'], {env: childEnvironment(home), stdio: 'ignore'});
	const watch = setInterval(() => {
		if (articleFiles(home).length >= after) {
			child.kill('SIGKILL');
		}
	}, 2);
	try {
		await new Promise((resolve, reject) => {
			child.on('error', reject);
			child.on('close', resolve);
		});
	} finally {
		clearInterval(watch);
	}
}

/** `newsread refresh --json` to its end; not spawnSync, which would stop this process's server from answering. */
async function refresh(home: string): Promise<{status: number | null; stdout: string; stderr: string}> {
	const child = spawn(process.execPath, [newsreadBin, 'refresh', '--json'], {env: childEnvironment(home), stdio: ['ignore', 'pipe', 'pipe']});
	let stdout = '';
	let stderr = '';
	child.stdout.on('data', (chunk: Buffer) => {
		stdout += chunk.toString();
	});
	child.stderr.on('data', (chunk: Buffer) => {
		stderr += chunk.toString();
	});
	return new Promise((resolve, reject) => {
		child.on('error', reject);
		child.on('close', status => {
			resolve({status, stdout, stderr});
		});
	});
}

function articleFiles(home: string): string[] {
	try {
		return readdirSync(path.join(home, 'feeds'), {recursive: true, encoding: 'utf8'}).filter(name => name.endsWith('.md'));
	} catch {
		return [];
	}
}

describe('a refresh killed half way', () => {
	it('leaves every stored article whole, the subscription files readable, and the next refresh completes without duplicates', {timeout: 300_000}, async () => {
		// A machine fast enough to store them all between two looks is given another try, in a new home.
		let home = '';
		let afterKill: string[] = [];
		for (let attempt = 0; attempt < 5 && (afterKill.length === 0 || afterKill.length >= feedCount * itemsPerFeed); attempt++) {
			home = makeTempHome();
			subscribeAll(home);
			await refreshKilledWhenStored(home, 40);
			afterKill = articleFiles(home);
		}

		// Killed while storing: some articles stored, not all of them.
		expect(afterKill.length).toBeGreaterThanOrEqual(40);
		expect(afterKill.length).toBeLessThan(feedCount * itemsPerFeed);

		// Every file there is a whole article: each loads, with its text to the end.
		const library = loadLibrary([{path: path.join(home, 'feeds')}]);
		expect(library.problems).toEqual([]);
		expect(library.articles).toHaveLength(afterKill.length);
		for (const article of library.articles) {
			expect(library.body(article.id)).toContain('## Readings\n\nCalm.');
		}

		expect((JSON.parse(readFileSync(path.join(home, 'feeds.json'), 'utf8')) as {feeds: unknown[]}).feeds).toHaveLength(feedCount);
		expect(() => JSON.parse(readFileSync(path.join(home, 'feeds-state.json'), 'utf8')) as unknown).not.toThrow();

		const again = await refresh(home);
		expect(again.stderr).toBe('');
		const reports = JSON.parse(again.stdout) as Array<{new: number; error: string | null}>;
		expect(reports.map(report => report.error)).toEqual(Array.from({length: feedCount}, () => null));
		expect(again.status).toBe(0);
		expect(reports.reduce((sum, report) => sum + report.new, 0)).toBe((feedCount * itemsPerFeed) - afterKill.length);
		expect(articleFiles(home)).toHaveLength(feedCount * itemsPerFeed);
	});
});
