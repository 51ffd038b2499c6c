// Search and related articles in a library read from the article index (source/index/): what the `/`
// search list and the pager's related articles show, found through FTS5 rather than by reading every file.
import {mkdirSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {type LibraryFolder, loadLibrary} from '../../source/core/library.js';
import {type LibraryIndex, openLibraryIndex} from '../../source/index/library-index.js';
import {temporaryFolder} from '../helpers/temporary-folder.js';

function put(folder: string, relativePath: string, content: string): void {
	const file = path.join(folder, relativePath);
	mkdirSync(path.dirname(file), {recursive: true});
	writeFileSync(file, content);
}

function article(fields: string, body: string): string {
	return `---\n${fields}\n---\n\n${body}\n`;
}

const opened: LibraryIndex[] = [];
afterEach(() => {
	for (const index of opened.splice(0)) {
		index.close();
	}
});

function indexedLibrary(folders: LibraryFolder[]) {
	const index = openLibraryIndex(folders, {file: path.join(temporaryFolder('index-cache'), 'index.sqlite')});
	opened.push(index);
	return {index, library: index.library()};
}

/** Five articles, newest first: pier-cafe, ferry-strike, harbour, fish-market, moth. */
function newsFolder(): string {
	const folder = temporaryFolder('index-search');
	put(folder, 'world/harbour.md', article('title: Harbour reopens\nsection: World\ndate: 2026-03-03\nsummary: Boats are back.', 'The ferry runs again from Monday.'));
	put(folder, 'world/ferry-strike.md', article('title: Ferry strike called off\nsection: World\ndate: 2026-03-04', 'Crews at the harbour accepted the offer.'));
	put(folder, 'business/pier-cafe.md', article('title: Café opens on the pier\nsection: Business\ndate: 2026-03-05\nauthor: Zoë Ferrier\ntags: [food]', 'Coffee and cake by the water.'));
	put(folder, 'business/fish-market.md', article('title: Fish market moves\nsection: Business\ndate: 2026-03-02', 'Traders said the harbour master and the cafe owners were consulted. The *Harbourside* stalls stay.'));
	put(folder, 'science/moth.md', article('title: Moth survey\nsection: Science\ndate: 2026-03-01\nsummary: Counting moths in the uplands.', 'Volunteers counted 40 species.'));
	return folder;
}

const ids = (hits: ReadonlyArray<{article: {id: string}}>) => hits.map(hit => hit.article.id);

describe('search in an indexed library', () => {
	it('ranks title matches first, then the rest newest first, and finds a word in bodies without reading them first', () => {
		const {library} = indexedLibrary([{path: newsFolder()}]);
		// Title: harbour. Body only, newest first: ferry-strike (03-04), fish-market (03-02, "harbour" and "Harbourside").
		expect(ids(library.search('harbour'))).toEqual(['world/harbour', 'world/ferry-strike', 'business/fish-market']);
	});

	it('ignores case and accents in titles and bodies: "CAFE" finds "Café" in a title and "cafe" in a body', () => {
		const {library} = indexedLibrary([{path: newsFolder()}]);
		expect(ids(library.search('CAFE'))).toEqual(['business/pier-cafe', 'business/fish-market']);
		expect(ids(library.search('café'))).toEqual(['business/pier-cafe', 'business/fish-market']);
	});

	it('finds the start of a word being typed, in the title first, then the author, then bodies', () => {
		const {library} = indexedLibrary([{path: newsFolder()}]);
		// "ferr": the title "Ferry strike…", the author "Zoë Ferrier", the body "The ferry runs…".
		expect(ids(library.search('ferr'))).toEqual(['world/ferry-strike', 'business/pier-cafe', 'world/harbour']);
	});

	it('needs every word: some in the title rank above none in the title', () => {
		const {library} = indexedLibrary([{path: newsFolder()}]);
		// ferry-strike and harbour each have one word in the title and the other in the body: newest first.
		expect(ids(library.search('harbour ferry'))).toEqual(['world/ferry-strike', 'world/harbour']);
		expect(ids(library.search('harbour volunteers'))).toEqual([]);
	});

	it('matches inside a word in titles, summaries, tags and authors, but in bodies only at the start of a word', () => {
		const {library} = indexedLibrary([{path: newsFolder()}]);
		// "bour" is inside "Harbour" of a title (found) and of the bodies of ferry-strike and fish-market (not found).
		expect(ids(library.search('bour'))).toEqual(['world/harbour']);
		// "oth" inside the summary's "moths" is found.
		expect(ids(library.search('oth'))).toEqual(['science/moth']);
	});

	it('gives a snippet from the body around the first match, or the summary', () => {
		const {library} = indexedLibrary([{path: newsFolder()}]);
		const [title, body] = library.search('harbour');
		expect(title?.snippet).toBe('Boats are back.');
		expect(body?.snippet).toBe('Crews at the harbour accepted the offer.');
	});

	it('reads a word with punctuation in a body as typed: "40 species." but not "40-species"', () => {
		const {library} = indexedLibrary([{path: newsFolder()}]);
		expect(ids(library.search('40 species.'))).toEqual(['science/moth']);
		expect(ids(library.search('40-species'))).toEqual([]);
	});

	it('takes FTS5 syntax typed by the user as plain text, without throwing', () => {
		const {library} = indexedLibrary([{path: newsFolder()}]);
		for (const query of ['"', '*', 'NEAR', '-', 'AND', 'OR', 'NOT', '"harbour', 'harbour"', 'harbour*', '(', ')', 'title:harbour', '{title}', '^', '+', '🎉', 'NEAR(harbour ferry)', 'harbour AND', '\'', '\\', '"" ""']) {
			expect(() => library.search(query), query).not.toThrow();
		}

		// The words are searched for as words: "AND" is "and" inside the summary's "uplands" (first) and a word of
		// two bodies ("Coffee and cake", "the harbour master and the cafe owners"); no article has "not", and
		// "harbour*" holds a "*" that none has.
		expect(ids(library.search('AND'))).toEqual(['science/moth', 'business/pier-cafe', 'business/fish-market']);
		expect(library.search('harbour NOT')).toEqual([]);
		expect(library.search('harbour*')).toEqual([]);
		expect(library.search('')).toEqual([]);
		expect(library.search('   ')).toEqual([]);
	});

	it('finds an edited body after the index is brought up to date, and no longer the old words', async () => {
		const folder = newsFolder();
		const {index} = indexedLibrary([{path: folder}]);
		put(folder, 'science/moth.md', article('title: Moth survey\nsection: Science\ndate: 2026-03-01', 'Volunteers counted beetles.'));
		const library = await index.check();
		expect(library && ids(library.search('beetles'))).toEqual(['science/moth']);
		expect(library && ids(library.search('species'))).toEqual([]);
	});

	it('lists the best 1,000 articles of a word nearly every article has, the title match first', () => {
		const folder = temporaryFolder('index-search-many');
		for (let number = 1; number <= 1002; number++) {
			const day = String((number % 28) + 1).padStart(2, '0');
			put(folder, `notes/note-${number}.md`, article(`title: Note ${number}\nsection: Notes\ndate: 2026-02-${day}`, 'The council met.'));
		}

		put(folder, 'notes/council.md', article('title: Council elections\nsection: Notes\ndate: 2025-01-01', 'Nothing else.'));
		const {library} = indexedLibrary([{path: folder}]);
		const hits = library.search('council');
		expect(hits).toHaveLength(1000);
		expect(hits[0]?.article.id).toBe('notes/council');
		// Then body matches newest first: the notes dated 2026-02-28 (numbers 27, 55, …).
		expect(hits[1]?.article.date).toBe('2026-02-28T00:00:00.000Z');
	});

	it('lists an article whose id is in two folders once, from the first folder', () => {
		const first = newsFolder();
		const second = temporaryFolder('index-search-second');
		put(second, 'world/harbour.md', article('title: Harbour closes\nsection: World\ndate: 2026-03-06', 'Storm.'));
		const {library} = indexedLibrary([{path: first}, {path: second}]);
		const hits = library.search('harbour');
		expect(ids(hits)).toEqual(['world/harbour', 'world/ferry-strike', 'business/fish-market']);
		expect(hits[0]?.article.title).toBe('Harbour reopens');
	});
});

describe('related articles in an indexed library', () => {
	it('lists explicit ids first, then the most similar by tags (2) and title and summary words (1), same section breaking ties', () => {
		const folder = temporaryFolder('index-related');
		put(folder, 'base.md', article('title: Lighthouse keepers return\nsection: World\ndate: 2026-01-10\ntags: [lighthouse, coast, history]\nrelated: [explicit, nowhere]', 'Body.'));
		put(folder, 'explicit.md', article('title: Zeta\nsection: Sport\ndate: 2026-01-01', 'Body.'));
		put(folder, 'three-tags.md', article('title: Alpha\nsection: Culture\ndate: 2026-01-02\ntags: [lighthouse, coast, history]', 'Body.'));
		put(folder, 'two-tags.md', article('title: Beta\nsection: Culture\ndate: 2026-01-03\ntags: [lighthouse, coast]', 'Body.'));
		put(folder, 'three-words.md', article('title: Lighthouse keepers return home\nsection: Culture\ndate: 2026-01-04\ntags: [other]', 'Body.'));
		put(folder, 'one-tag-world.md', article('title: Gamma\nsection: World\ndate: 2026-01-05\ntags: [history]', 'Body.'));
		put(folder, 'one-tag.md', article('title: Delta\nsection: Culture\ndate: 2026-01-06\ntags: [history]', 'Body.'));
		put(folder, 'body-only.md', article('title: Epsilon\nsection: World\ndate: 2026-01-07', 'The lighthouse keepers return.'));
		const {library} = indexedLibrary([{path: folder}]);
		const related = (id: string, count?: number) => library.related(id, count).map(other => other.id);
		// three-tags 6, two-tags 4, three-words 3 (lighthouse, keepers, return); one-tag-world 2.5 (same section),
		// one-tag 2; body-only shares nothing of the title, summary or tags.
		expect(related('base')).toEqual(['explicit', 'three-tags', 'two-tags', 'three-words']);
		expect(related('base', 10)).toEqual(['explicit', 'three-tags', 'two-tags', 'three-words', 'one-tag-world', 'one-tag']);
		expect(related('base', 0)).toEqual(['explicit']);
		// From one-tag (Culture, history): three-tags 2.5 (same section); base and one-tag-world 2 each (World): newest first.
		expect(related('one-tag')).toEqual(['three-tags', 'base', 'one-tag-world']);
	});

	it('has nothing to build ahead: prepareRelated is done at once', () => {
		const {library} = indexedLibrary([{path: newsFolder()}]);
		expect(library.prepareRelated(0)).toBe(true);
	});

	it('takes tags and words that look like FTS5 syntax as plain text', () => {
		const folder = temporaryFolder('index-related-syntax');
		put(folder, 'a.md', article('title: NEAR AND OR\nsection: World\ndate: 2026-01-02\ntags: [\'say "hi"\', \'*\', \'-\', \'x:y\']', 'Body.'));
		put(folder, 'b.md', article('title: Other\nsection: Culture\ndate: 2026-01-01\ntags: [\'say "hi"\']', 'Body.'));
		put(folder, 'c.md', article('title: Near the end\nsection: Culture\ndate: 2026-01-03', 'Body.'));
		const {library} = indexedLibrary([{path: folder}]);
		// b shares the tag (2), c the word "near" (1).
		expect(library.related('a').map(other => other.id)).toEqual(['b', 'c']);
	});

	it('lists related articles of the folders open only, when the index file also holds another folder read before', () => {
		const file = path.join(temporaryFolder('index-cache'), 'index.sqlite');
		const other = temporaryFolder('index-related-other');
		put(other, 'lighthouse-history.md', article('title: Lighthouse keepers remembered\nsection: World\ndate: 2026-01-09\ntags: [lighthouse, coast]', 'Body.'));
		const first = openLibraryIndex([{path: other}], {file});
		opened.push(first);
		expect(first.library().count).toBe(1);
		first.close();
		opened.pop();

		const folder = temporaryFolder('index-related-open');
		put(folder, 'base.md', article('title: Lighthouse keepers return\nsection: World\ndate: 2026-01-10\ntags: [lighthouse, coast]', 'Body.'));
		put(folder, 'coast.md', article('title: Alpha\nsection: Culture\ndate: 2026-01-02\ntags: [coast]', 'Body.'));
		const index = openLibraryIndex([{path: folder}], {file});
		opened.push(index);
		// The other folder's article would share two tags and two words (6); coast.md shares one tag (2).
		expect(index.library().related('base').map(article => article.id)).toEqual(['coast']);

		const both = openLibraryIndex([{path: folder}, {path: other}], {file});
		opened.push(both);
		expect(both.library().related('base').map(article => article.id)).toEqual(['lighthouse-history', 'coast']);
	});
});

/**
 * 1,150 World articles with "Harbour" in the title (body: "Boats left the harbour."), 30 Business
 * articles with it only in the body, and in a second folder a copy of one harbour article's path (a
 * duplicate id: the first folder's file is the article). "harbour" matches 1,180 articles.
 */
function manyHarbours(): LibraryFolder[] {
	const folder = temporaryFolder('index-search-many');
	for (let number = 1; number <= 1150; number++) {
		const day = String((number % 28) + 1).padStart(2, '0');
		put(folder, `world/harbour-${number}.md`, article(`title: Harbour report ${number}\nsection: World\ndate: 2026-02-${day}`, 'Boats left the harbour.'));
	}

	for (let number = 1; number <= 30; number++) {
		put(folder, `business/market-${number}.md`, article(`title: Market day ${number}\nsection: Business\ndate: 2026-01-01`, 'Stalls by the harbour wall.'));
	}

	const copies = temporaryFolder('index-search-copies');
	put(copies, 'world/harbour-7.md', article('title: Harbour report 7 again\nsection: World\ndate: 2026-03-01', 'Boats left the harbour.'));
	return [{path: folder}, {path: copies}];
}

describe('how many articles a search matched, past the best 1,000 it lists', () => {
	it('lists the best 1,000 and counts every article that matched, a duplicate once', () => {
		const {library} = indexedLibrary(manyHarbours());
		const hits = library.search('harbour');
		expect(hits).toHaveLength(1000);
		// The best are title matches: no body-only market among them.
		expect(hits.every(hit => hit.article.id.startsWith('world/harbour-'))).toBe(true);
		expect(library.searchMatches('harbour')).toEqual({count: 1180, exact: true});
	});

	it('says only "at most" when the index cannot vouch for a word (it has punctuation): the bodies not read may not hold it', () => {
		const {library} = indexedLibrary(manyHarbours());
		// Every harbour report's body holds "harbour."; the market bodies ("harbour wall") do not.
		expect(library.search('harbour.')).toHaveLength(1000);
		expect(library.searchMatches('harbour.')).toEqual({count: 1180, exact: false});
	});

	it('counts the hits when they are all listed', () => {
		const {library} = indexedLibrary(manyHarbours());
		expect(library.search('market')).toHaveLength(30);
		expect(library.searchMatches('market')).toEqual({count: 30, exact: true});
		expect(library.searchMatches('nothing-like-it')).toEqual({count: 0, exact: true});
	});

	it('lists every match without an index (the files only), so the count is the list\'s', () => {
		const library = loadLibrary(manyHarbours());
		expect(library.search('harbour')).toHaveLength(1180);
		expect(library.searchMatches('harbour')).toEqual({count: 1180, exact: true});
	});
});
