// A separate refresh that stores the same feed's items, for test/unit/feed-articles.test.ts (bundled
// with esbuild there so plain `node` runs it).
//
//   feed-articles-worker <folder> <count> <tag>   stores items 0..count-1 of one feed, titled `<tag> item <i>`, three times
//
// It prints `ready`, waits for a line on standard input (so both workers start writing together),
// and prints `done` at the end.
import process from 'node:process';
import {readyThenWait} from './start-signal.js';
import {storeFeedItems} from '../../source/store/feed-articles.js';

const [folder, count, tag] = process.argv.slice(2);
if (!folder || !count || !tag) {
	process.stderr.write('usage: feed-articles-worker <folder> <count> <tag>\n');
	process.exit(2);
}

await readyThenWait();

const items = Array.from({length: Number(count)}, (_, index) => ({
	guid: `https://gazette.example/items/${index}`,
	title: `${tag} item ${index}`,
	link: `https://gazette.example/items/${index}`,
	tags: [],
	enclosures: [],
	markdown: `Item ${index}, as the ${tag} refresh read it.`,
}));
for (let round = 0; round < 3; round++) {
	storeFeedItems(folder, {url: 'https://gazette.example/feed.xml', section: 'Gazette'}, items);
}

process.stdout.write('done\n');
