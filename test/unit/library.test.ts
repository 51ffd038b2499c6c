import {cpSync, mkdirSync, truncateSync, unlinkSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import {type ArticleProblem} from '../../source/core/article.js';
import {type Library, loadLibrary, MAX_ARTICLE_BYTES, newestFirst, readArticleText} from '../../source/core/library.js';
import {ArticleFormatError} from '../../source/core/parse-markdown.js';
import {bundledArticlesDir} from '../../source/store/paths.js';
import {temporaryFolder} from '../helpers/temporary-folder.js';

const fixtureLibrary = fileURLToPath(new URL('../fixtures/library/news', import.meta.url));

/** The ids of the fixture library's articles, newest first, undated last by title. */
const fixtureIdsNewestFirst = [
	'world/harbour-vote',
	'business/ferry-bid',
	'science/tide-gauge',
	'world/flood-drill',
	'business/pier-cafe',
	'science/moth-survey',
	'culture/film-festival',
	'arts/mural',
];

/** A temporary copy of the fixture library that a test may add broken files to. */
function copyOfFixtures(): string {
	const folder = temporaryFolder();
	cpSync(fixtureLibrary, folder, {recursive: true});
	return folder;
}

/** Writes a file below a folder (creating its parent folders) and returns its absolute path. */
function put(folder: string, relativePath: string, content: string | Uint8Array): string {
	const file = path.join(folder, relativePath);
	mkdirSync(path.dirname(file), {recursive: true});
	writeFileSync(file, content);
	return file;
}

function articleText(frontmatter: string, body = 'A paragraph.\n'): string {
	return `---\n${frontmatter}\n---\n\n${body}`;
}

function ids(articles: ReadonlyArray<{id: string}>): string[] {
	return articles.map(article => article.id);
}

/** Loads the folder and expects exactly one problem, for the file, with a reason matching `reason`. */
function expectOneProblem(library: Library, file: string, reason: string | RegExp): ArticleProblem {
	expect(library.problems).toHaveLength(1);
	const problem = library.problems[0]!;
	expect(problem.file).toBe(file);
	if (typeof reason === 'string') {
		expect(problem.reason).toBe(reason);
	} else {
		expect(problem.reason).toMatch(reason);
	}

	return problem;
}

/** Every fixture article still loads next to the broken file. */
function expectFixturesLoaded(library: Library): void {
	expect(ids(library.articles)).toEqual(fixtureIdsNewestFirst);
}

describe('loading a folder', () => {
	it('loads every article of the fixture library without problems', () => {
		const library = loadLibrary([{path: fixtureLibrary}]);
		expect(library.problems).toEqual([]);
		expect(library.articles).toHaveLength(fixtureIdsNewestFirst.length);
	});

	it('names articles by their path in the folder without .md', () => {
		const library = loadLibrary([{path: fixtureLibrary}]);
		const article = library.get('world/harbour-vote');
		expect(article?.id).toBe('world/harbour-vote');
		expect(article?.file).toBe(path.join(fixtureLibrary, 'world', 'harbour-vote.md'));
		expect(article?.title).toBe('Marrowick harbour council votes to close the old ferry slip');
		expect(article?.tags).toEqual(['harbour', 'council', 'ferries']);
		expect(ids(library.articles).every(id => !id.endsWith('.md') && !id.includes('\\'))).toBe(true);
	});

	it('names articles in nested folders by their whole relative path', () => {
		const folder = temporaryFolder();
		put(folder, 'world/europe/ports/harbour-vote.md', articleText('title: Nested\nsection: World'));
		put(folder, 'top-level.MD', articleText('title: Top\nsection: World'));
		const library = loadLibrary([{path: folder}]);
		expect(library.problems).toEqual([]);
		expect(ids(library.articles).sort()).toEqual(['top-level', 'world/europe/ports/harbour-vote']);
	});

	it('ignores files that are not Markdown and hidden files and folders', () => {
		const folder = copyOfFixtures();
		put(folder, 'world/.hidden.md', articleText('title: Hidden\nsection: World'));
		put(folder, 'world/notes.txt', 'not an article');
		const library = loadLibrary([{path: folder}]);
		expect(library.problems).toEqual([]);
		expectFixturesLoaded(library);
		expect(library.get('world/.drafts/unfinished')).toBeUndefined();
	});

	it('returns nothing for an unknown id', () => {
		const library = loadLibrary([{path: fixtureLibrary}]);
		expect(library.get('world/nowhere')).toBeUndefined();
		expect(library.related('world/nowhere')).toEqual([]);
	});

	it('loads an empty folder as an empty library', () => {
		const library = loadLibrary([{path: temporaryFolder()}]);
		expect(library.articles).toEqual([]);
		expect(library.sections).toEqual([]);
		expect(library.problems).toEqual([]);
	});
});

describe('headlines and sections', () => {
	it('lists headlines newest first with undated articles last, by title', () => {
		const library = loadLibrary([{path: fixtureLibrary}]);
		expect(ids(library.articles)).toEqual(fixtureIdsNewestFirst);
		expect(library.get('culture/film-festival')?.date).toBeUndefined();
		expect(library.get('arts/mural')?.date).toBeUndefined();
	});

	it('orders sections as listed in sections.yaml, then the rest by name, skipping listed sections without articles', () => {
		const library = loadLibrary([{path: fixtureLibrary}]);
		expect(library.sections.map(section => section.name)).toEqual(['World', 'Science', 'Business', 'Arts', 'Culture']);
	});

	it('lists each section\'s articles newest first', () => {
		const library = loadLibrary([{path: fixtureLibrary}]);
		const section = (name: string) => ids(library.sections.find(candidate => candidate.name === name)?.articles ?? []);
		expect(section('World')).toEqual(['world/harbour-vote', 'world/flood-drill']);
		expect(section('Science')).toEqual(['science/tide-gauge', 'science/moth-survey']);
		expect(section('Business')).toEqual(['business/ferry-bid', 'business/pier-cafe']);
	});

	it('groups articles by their section field, not by their folder', () => {
		const folder = copyOfFixtures();
		put(folder, 'world/misfiled.md', articleText('title: Misfiled\nsection: Science\ndate: 2026-12-01'));
		const library = loadLibrary([{path: folder}]);
		expect(library.sections.find(section => section.name === 'Science')?.articles[0]?.id).toBe('world/misfiled');
	});

	it('orders sections by name when there is no sections.yaml', () => {
		const folder = copyOfFixtures();
		unlinkSync(path.join(folder, 'sections.yaml'));
		const library = loadLibrary([{path: folder}]);
		expect(library.problems).toEqual([]);
		expect(library.sections.map(section => section.name)).toEqual(['Arts', 'Business', 'Culture', 'Science', 'World']);
	});

	it('reports a sections.yaml without a sections list and falls back to names', () => {
		const folder = copyOfFixtures();
		const file = put(folder, 'sections.yaml', 'order: [World]\n');
		const library = loadLibrary([{path: folder}]);
		expectOneProblem(library, file, /^section order ignored: /);
		expect(library.sections.map(section => section.name)).toEqual(['Arts', 'Business', 'Culture', 'Science', 'World']);
	});

	it('reports a sections.yaml with bad YAML and still loads every article', () => {
		const folder = copyOfFixtures();
		const file = put(folder, 'sections.yaml', 'sections: [World\n');
		const library = loadLibrary([{path: folder}]);
		expectOneProblem(library, file, /^section order ignored: \S/);
		expectFixturesLoaded(library);
	});

	it('breaks a tie between two articles with the same date by title', () => {
		const a = {id: 'a', title: 'Beta', section: 'S', summary: '', tags: [], related: [], file: '', date: '2026-01-01T00:00:00.000Z'};
		const b = {...a, id: 'b', title: 'Alpha'};
		expect([a, b].sort(newestFirst).map(article => article.id)).toEqual(['b', 'a']);
	});
});

describe('problems: a broken file is reported and everything else still loads', () => {
	it('skips a file without a title and names the file and the reason', () => {
		const folder = copyOfFixtures();
		const file = put(folder, 'world/untitled.md', articleText('section: World'));
		const library = loadLibrary([{path: folder}]);
		expectOneProblem(library, file, 'missing "title" in the frontmatter');
		expectFixturesLoaded(library);
	});

	it('skips a file without a section and names the file and the reason', () => {
		const folder = copyOfFixtures();
		const file = put(folder, 'world/sectionless.md', articleText('title: No section'));
		const library = loadLibrary([{path: folder}]);
		expectOneProblem(library, file, 'missing "section" in the frontmatter');
		expectFixturesLoaded(library);
	});

	it('skips a file with bad YAML and says it is the YAML', () => {
		const folder = copyOfFixtures();
		const file = put(folder, 'world/bad-yaml.md', articleText('title: [unclosed\nsection: World'));
		const library = loadLibrary([{path: folder}]);
		expectOneProblem(library, file, /^bad YAML in the frontmatter: /);
		expectFixturesLoaded(library);
	});

	it('skips a file without frontmatter', () => {
		const folder = copyOfFixtures();
		const file = put(folder, 'world/plain.md', '# Just a heading\n\nAnd text.\n');
		const library = loadLibrary([{path: folder}]);
		expectOneProblem(library, file, /frontmatter/);
		expectFixturesLoaded(library);
	});

	it('skips a binary file', () => {
		const folder = copyOfFixtures();
		const bytes = Buffer.concat([Buffer.from(articleText('title: Binary\nsection: World')), Buffer.from([0, 1, 2, 0, 255, 0])]);
		const file = put(folder, 'world/binary.md', bytes);
		const library = loadLibrary([{path: folder}]);
		expectOneProblem(library, file, 'binary file, not Markdown text');
		expectFixturesLoaded(library);
	});

	it('skips a file that is not UTF-8 and says to save it as UTF-8', () => {
		const folder = copyOfFixtures();
		const file = put(folder, 'world/latin1.md', Buffer.from(articleText('title: Caf\u00E9 opens\nsection: World'), 'latin1'));
		const library = loadLibrary([{path: folder}]);
		expectOneProblem(library, file, /not UTF-8.*UTF-8/);
		expectFixturesLoaded(library);
	});

	it('skips an empty file', () => {
		const folder = copyOfFixtures();
		const file = put(folder, 'world/empty.md', '');
		const library = loadLibrary([{path: folder}]);
		expectOneProblem(library, file, 'empty file');
		expectFixturesLoaded(library);
	});

	it('skips a file of only blank lines as empty', () => {
		const folder = copyOfFixtures();
		const file = put(folder, 'world/blank.md', '\n  \n\t\n');
		const library = loadLibrary([{path: folder}]);
		expectOneProblem(library, file, 'empty file');
	});

	it('skips a 50 MB file without reading it and says how big it is', () => {
		const folder = copyOfFixtures();
		const file = put(folder, 'world/huge.md', articleText('title: Huge\nsection: World'));
		truncateSync(file, 50 * 1024 * 1024);
		const library = loadLibrary([{path: folder}]);
		expectOneProblem(library, file, 'file is 50.0 MB; articles over 10.0 MB are skipped');
		expectFixturesLoaded(library);
	});

	it('loads an article of exactly 10 MB and skips one a single byte larger', () => {
		// 10 MB written out by hand, not taken from the code under test.
		const limit = 10_485_760;
		const folder = temporaryFolder();
		const header = articleText('title: Long read\nsection: World', '');
		put(folder, 'world/at-limit.md', header + 'x'.repeat(limit - Buffer.byteLength(header)));
		const over = put(folder, 'world/over-limit.md', header + 'x'.repeat(limit + 1 - Buffer.byteLength(header)));
		const library = loadLibrary([{path: folder}]);
		expect(ids(library.articles)).toEqual(['world/at-limit']);
		expect(library.problems).toEqual([{file: over, reason: 'file is 10.0 MB; articles over 10.0 MB are skipped'}]);
	});

	it('skips a file over the size limit it is given and reads one under it', () => {
		expect(MAX_ARTICLE_BYTES).toBe(10 * 1024 * 1024);
		const folder = temporaryFolder();
		const file = put(folder, 'small.md', articleText('title: Small\nsection: World', 'x'.repeat(100)));
		expect(readArticleText(file, 200)).toContain('title: Small');
		expect(() => readArticleText(file, 50)).toThrow(ArticleFormatError);
	});

	it('keeps the first of two articles with the same id and names both files', () => {
		const first = copyOfFixtures();
		const second = temporaryFolder();
		const duplicate = put(second, 'world/harbour-vote.md', articleText('title: The second copy\nsection: World'));
		put(second, 'world/only-here.md', articleText('title: Only in the second folder\nsection: World'));
		const library = loadLibrary([{path: first}, {path: second}]);
		expect(library.get('world/harbour-vote')?.title).toBe('Marrowick harbour council votes to close the old ferry slip');
		expect(library.get('world/harbour-vote')?.file).toBe(path.join(first, 'world', 'harbour-vote.md'));
		expect(library.get('world/only-here')?.title).toBe('Only in the second folder');
		const problem = expectOneProblem(library, duplicate, /duplicate id "world\/harbour-vote"/);
		expect(problem.reason).toContain(path.join(first, 'world', 'harbour-vote.md'));
	});

	it('reports a missing required folder and still loads the others', () => {
		const missing = path.join(temporaryFolder(), 'no-such-folder');
		const library = loadLibrary([{path: fixtureLibrary}, {path: missing}]);
		expectOneProblem(library, missing, 'folder not found');
		expect(library.articles).toHaveLength(fixtureIdsNewestFirst.length);
	});

	it('treats a folder as required unless it says otherwise', () => {
		const missing = path.join(temporaryFolder(), 'no-such-folder');
		expect(loadLibrary([{path: missing, required: true}]).problems).toEqual([{file: missing, reason: 'folder not found'}]);
	});

	it('does not report a missing optional folder', () => {
		const missing = path.join(temporaryFolder(), 'not-imported-yet');
		const library = loadLibrary([{path: fixtureLibrary}, {path: missing, required: false}]);
		expect(library.problems).toEqual([]);
		expect(library.articles).toHaveLength(fixtureIdsNewestFirst.length);
	});

	it('reports every broken file at once, each with its own reason, and loads all the good ones', () => {
		const folder = copyOfFixtures();
		const broken = {
			untitled: put(folder, 'broken/untitled.md', articleText('section: World')),
			sectionless: put(folder, 'broken/sectionless.md', articleText('title: T')),
			badYaml: put(folder, 'broken/bad-yaml.md', articleText('title: "unclosed\nsection: World')),
			binary: put(folder, 'broken/binary.md', Buffer.from([0x2D, 0x2D, 0x2D, 0x0A, 0x00, 0x00])),
			latin1: put(folder, 'broken/latin1.md', Buffer.from('---\ntitle: R\u00E9sum\u00E9\nsection: World\n---\n', 'latin1')),
			empty: put(folder, 'broken/empty.md', ''),
			huge: put(folder, 'broken/huge.md', ''),
		};
		truncateSync(broken.huge, 50 * 1024 * 1024);
		const library = loadLibrary([{path: folder}]);
		expectFixturesLoaded(library);
		const reasons = new Map(library.problems.map(problem => [problem.file, problem.reason]));
		expect([...reasons.keys()].sort()).toEqual(Object.values(broken).sort());
		expect(reasons.get(broken.untitled)).toContain('"title"');
		expect(reasons.get(broken.sectionless)).toContain('"section"');
		expect(reasons.get(broken.badYaml)).toContain('YAML');
		expect(reasons.get(broken.binary)).toContain('binary');
		expect(reasons.get(broken.latin1)).toContain('UTF-8');
		expect(reasons.get(broken.empty)).toBe('empty file');
		expect(reasons.get(broken.huge)).toContain('50.0 MB');
	});
});

describe('untrusted text', () => {
	it('removes escape sequences from a title', () => {
		const folder = temporaryFolder();
		put(folder, 'world/pwned.md', articleText('title: "\u001B[31mRed\u001B[0m alert\u001B]0;pwned\u0007 now"\nsection: World\nsummary: "\u001B[2Jcleared"'));
		const library = loadLibrary([{path: folder}]);
		expect(library.problems).toEqual([]);
		const article = library.get('world/pwned');
		expect(article?.title).toBe('Red alert now');
		expect(article?.title).not.toContain('\u001B');
		expect(article?.summary).toBe('cleared');
	});

	it('removes escape sequences written as YAML escapes in a title', () => {
		const folder = temporaryFolder();
		put(folder, 'world/yaml-escape.md', articleText('title: "\\e]0;pwned\\a\\e[31mRed"\nsection: World'));
		const library = loadLibrary([{path: folder}]);
		expect(library.get('world/yaml-escape')?.title).toBe('Red');
	});

	it('removes escape sequences from the body', () => {
		const folder = temporaryFolder();
		put(folder, 'world/body.md', articleText('title: Body\nsection: World', 'Safe \u001B]52;c;ZXZpbA==\u0007text \u001B[2Jhere.\n'));
		const library = loadLibrary([{path: folder}]);
		const text = JSON.stringify(library.article('world/body').blocks);
		expect(text).not.toMatch(/\\u001b/i);
		expect(library.article('world/body').blocks).toEqual([{kind: 'paragraph', inlines: [{text: 'Safe text here.', style: 'plain'}]}]);
	});

	it('reads an article with Windows line endings', () => {
		const folder = temporaryFolder();
		put(folder, 'world/crlf.md', articleText('title: CRLF\nsection: World', 'One.\n\nTwo.\n').replaceAll('\n', '\r\n'));
		const library = loadLibrary([{path: folder}]);
		expect(library.problems).toEqual([]);
		expect(library.article('world/crlf').blocks.map(block => block.kind)).toEqual(['paragraph', 'paragraph']);
	});
});

describe('opening an article', () => {
	it('parses the body into blocks', () => {
		const library = loadLibrary([{path: fixtureLibrary}]);
		const article = library.article('world/harbour-vote');
		expect(article.title).toBe('Marrowick harbour council votes to close the old ferry slip');
		expect(article.blocks.map(block => block.kind)).toEqual([
			'paragraph',
			'subheading',
			'paragraph',
			'quote',
			'subheading',
			'list-item',
			'list-item',
			'list-item',
			'paragraph',
		]);
		expect(article.blocks.filter(block => block.kind === 'subheading').map(block => block.text))
			.toEqual(['A tied first ballot', 'The case from the engineers']);
	});

	it('says there is no such article for an unknown id', () => {
		const library = loadLibrary([{path: fixtureLibrary}]);
		expect(() => library.article('world/nowhere')).toThrow(ArticleFormatError);
		expect(() => library.article('world/nowhere')).toThrow('no article with id "world/nowhere"');
	});

	it('throws when the file has become invalid since the library loaded', () => {
		const folder = copyOfFixtures();
		const library = loadLibrary([{path: folder}]);
		put(folder, 'world/flood-drill.md', articleText('section: World'));
		expect(() => library.article('world/flood-drill')).toThrow(ArticleFormatError);
	});

	it('throws when the file has been deleted since the library loaded', () => {
		const folder = copyOfFixtures();
		const library = loadLibrary([{path: folder}]);
		unlinkSync(path.join(folder, 'world', 'flood-drill.md'));
		expect(() => library.article('world/flood-drill')).toThrow();
	});
});

describe('article bodies for search', () => {
	it('gives the Markdown body without the frontmatter, again after the file changes, and nothing once it is gone', () => {
		const folder = temporaryFolder();
		const file = put(folder, 'world/note.md', articleText('title: Note\nsection: World', 'First *draft*.\n'));
		const library = loadLibrary([{path: folder}]);
		expect(library.body('world/note')).toBe('\nFirst *draft*.\n');
		writeFileSync(file, articleText('title: Note\nsection: World', 'A longer second draft.\n'));
		expect(library.body('world/note')).toBe('\nA longer second draft.\n');
		unlinkSync(file);
		expect(library.body('world/note')).toBeUndefined();
		expect(library.body('world/nowhere')).toBeUndefined();
	});
});

describe('related articles', () => {
	it('lists explicit related ids first, in order, skipping unknown ids and the article itself, then similar ones', () => {
		const library = loadLibrary([{path: fixtureLibrary}]);
		// Explicit: science/tide-gauge, (world/nowhere), (world/harbour-vote), business/ferry-bid.
		// Similar: business/pier-cafe shares the harbour tag; nothing else shares a word or tag.
		expect(ids(library.related('world/harbour-vote'))).toEqual(['science/tide-gauge', 'business/ferry-bid', 'business/pier-cafe']);
	});

	it('ranks similar articles by shared words and tags and never lists one twice', () => {
		const library = loadLibrary([{path: fixtureLibrary}]);
		// pier-cafe shares the harbour tag and the word "pier"; ferry-bid shares only the tag.
		expect(ids(library.related('science/tide-gauge'))).toEqual(['world/harbour-vote', 'business/pier-cafe', 'business/ferry-bid']);
	});

	it('lists nothing for an article that shares nothing', () => {
		const library = loadLibrary([{path: fixtureLibrary}]);
		expect(library.related('science/moth-survey')).toEqual([]);
	});

	it('adds at most three similar articles, most similar first, never the article itself', () => {
		const folder = temporaryFolder();
		put(folder, 'base.md', articleText('title: Lighthouse keepers return\nsection: World\ntags: [lighthouse, coast, history]'));
		put(folder, 'three-tags.md', articleText('title: Alpha\nsection: Culture\ntags: [lighthouse, coast, history]'));
		put(folder, 'two-tags.md', articleText('title: Beta\nsection: Culture\ntags: [lighthouse, coast]'));
		put(folder, 'three-words.md', articleText('title: Lighthouse keepers return home\nsection: Culture\ntags: [other]'));
		put(folder, 'one-tag.md', articleText('title: Gamma\nsection: Culture\ntags: [history]'));
		put(folder, 'unrelated.md', articleText('title: Delta\nsection: World\ntags: [sport]'));
		const library = loadLibrary([{path: folder}]);
		expect(library.problems).toEqual([]);
		expect(ids(library.related('base'))).toEqual(['three-tags', 'two-tags', 'three-words']);
		expect(ids(library.related('base', 10))).toEqual(['three-tags', 'two-tags', 'three-words', 'one-tag']);
		expect(ids(library.related('base', 0))).toEqual([]);
	});

	it('gives the same related articles when the lookup was built ahead in steps, and counts a tag the base lists twice twice', () => {
		const folder = temporaryFolder();
		// Scores by hand: base has tags [alpha, alpha, beta] and the words harbour, report.
		put(folder, 'base.md', articleText('title: Harbour report\nsection: World\ntags: [alpha, alpha, beta]'));
		put(folder, 'alpha.md', articleText('title: Gamma\nsection: Culture\ndate: 2024-01-01\ntags: [alpha]')); // 2 + 2 = 4
		put(folder, 'beta-words.md', articleText('title: Harbour report again\nsection: Culture\ndate: 2024-01-02\ntags: [beta]')); // 2 + 1 + 1 = 4, newer
		put(folder, 'word.md', articleText('title: Harbour\nsection: World\ndate: 2024-01-03\ntags: [omega]')); // 1 + 0.5
		put(folder, 'nothing.md', articleText('title: Zeta\nsection: World\ndate: 2024-01-04\ntags: [omega]'));
		const expected = ['beta-words', 'alpha', 'word'];
		const stepped = loadLibrary([{path: folder}]);
		expect(stepped.prepareRelated(2)).toBe(false);
		expect(stepped.prepareRelated(2)).toBe(false);
		expect(stepped.prepareRelated(2)).toBe(true);
		expect(ids(stepped.related('base', 10))).toEqual(expected);
		// Half built ahead, the rest on the first related().
		const half = loadLibrary([{path: folder}]);
		half.prepareRelated(3);
		expect(ids(half.related('base', 10))).toEqual(expected);
		expect(ids(loadLibrary([{path: folder}]).related('base', 10))).toEqual(expected);
		expect(ids(loadLibrary([{path: folder}]).related('base', 2))).toEqual(['beta-words', 'alpha']);
	});

	it('breaks a tie between equally similar articles by section, and only a tie', () => {
		const folder = temporaryFolder();
		// Scores by hand: 2 per shared tag, 1 per shared title or summary word, and half a point for the
		// base's section (World) only when something is shared. Newest first where scores are equal.
		put(folder, 'base.md', articleText('title: Harbour report\nsection: World\ntags: [alpha, beta]'));
		put(folder, 'two-tags.md', articleText('title: Gamma\nsection: Culture\ndate: 2024-01-01\ntags: [alpha, beta]'));
		put(folder, 'tag-and-word.md', articleText('title: Harbour diary\nsection: Culture\ndate: 2024-01-02\ntags: [alpha]'));
		put(folder, 'tag-same-section.md', articleText('title: Delta\nsection: World\ndate: 2024-01-03\ntags: [alpha]'));
		put(folder, 'tag-other-section.md', articleText('title: Epsilon\nsection: Culture\ndate: 2024-01-04\ntags: [alpha]'));
		put(folder, 'nothing-same-section.md', articleText('title: Zeta\nsection: World\ndate: 2024-01-05\ntags: [omega]'));
		const library = loadLibrary([{path: folder}]);
		expect(ids(library.related('base', 10))).toEqual([
			'two-tags', // 4
			'tag-and-word', // 3
			'tag-same-section', // 2.5, older than tag-other-section
			'tag-other-section', // 2
		]);
	});

	it('does not count the explicit related articles among the similar ones', () => {
		const folder = temporaryFolder();
		put(folder, 'base.md', articleText('title: Base\nsection: World\ntags: [shared]\nrelated: [b]'));
		for (const name of ['a', 'b', 'c', 'd', 'e']) {
			put(folder, `${name}.md`, articleText(`title: ${name.toUpperCase()}\nsection: World\ntags: [shared]`));
		}

		const related = ids(loadLibrary([{path: folder}]).related('base'));
		expect(related[0]).toBe('b');
		expect(related).toHaveLength(4);
		expect(new Set(related).size).toBe(4);
		expect(related).not.toContain('base');
	});

	it('never lists the article itself, even when it names itself and shares every word', () => {
		const folder = temporaryFolder();
		put(folder, 'self.md', articleText('title: Mirror mirror\nsection: World\ntags: [glass]\nrelated: [self, self]'));
		put(folder, 'other.md', articleText('title: Mirror glass\nsection: World\ntags: [glass]'));
		expect(ids(loadLibrary([{path: folder}]).related('self'))).toEqual(['other']);
	});
});

describe('suggesting ids for a mistyped one', () => {
	it('suggests world/harbour-vote for the American spelling', () => {
		const library = loadLibrary([{path: fixtureLibrary}]);
		expect(library.closestIds('world/harbor-vote')[0]).toBe('world/harbour-vote');
	});

	it('suggests world/harbour-vote for a word of its name', () => {
		const library = loadLibrary([{path: fixtureLibrary}]);
		expect(library.closestIds('harbour')[0]).toBe('world/harbour-vote');
	});

	it('suggests an article for its name without the section', () => {
		const library = loadLibrary([{path: fixtureLibrary}]);
		expect(library.closestIds('tide-gauge')[0]).toBe('science/tide-gauge');
	});

	it('ignores case', () => {
		const library = loadLibrary([{path: fixtureLibrary}]);
		expect(library.closestIds('WORLD/FLOOD-DRILL')[0]).toBe('world/flood-drill');
	});

	it('suggests three ids unless asked for another number', () => {
		const library = loadLibrary([{path: fixtureLibrary}]);
		expect(library.closestIds('mural')).toHaveLength(3);
		expect(library.closestIds('mural', 1)).toEqual(['arts/mural']);
	});

	it('suggests nothing in an empty library', () => {
		expect(loadLibrary([{path: temporaryFolder()}]).closestIds('harbour')).toEqual([]);
	});
});

describe('the bundled articles', () => {
	// The sample articles that ship with newsread: they must all load and show off the reader.
	const library = loadLibrary([{path: bundledArticlesDir()}]);

	it('load without problems', () => {
		expect(library.problems).toEqual([]);
	});

	it('have at least 16 articles in at least 5 sections', () => {
		expect(library.articles.length).toBeGreaterThanOrEqual(16);
		expect(library.sections.length).toBeGreaterThanOrEqual(5);
	});

	it('all have a summary', () => {
		expect(library.articles.filter(article => !article.summary).map(article => article.id)).toEqual([]);
	});

	it('all have at least two subheadings', () => {
		const tooFew = library.articles
			.map(article => ({id: article.id, count: library.article(article.id).blocks.filter(block => block.kind === 'subheading').length}))
			.filter(({count}) => count < 2);
		expect(tooFew).toEqual([]);
	});

	it('only name related articles that exist', () => {
		const dangling = library.articles.flatMap(article =>
			article.related.filter(id => !library.get(id)).map(id => `${article.id} -> ${id}`));
		expect(dangling).toEqual([]);
	});
});
