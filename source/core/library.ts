// Loads article folders into an index: sections, headlines newest first, related articles, and a
// problem per file that could not be loaded. Only frontmatter is parsed here; bodies load on demand.
import {closeSync, constants, type Dir, type Dirent, fstatSync, opendirSync, openSync, readSync, type Stats, statSync} from 'node:fs';
import path from 'node:path';
import {distance} from 'fastest-levenshtein';
import {parseDocument} from 'yaml';
import {type Article, type ArticleMeta, type ArticleProblem, type ArticleText, articleIdFromPath} from './article.js';
import {ArticleFormatError, parseArticle, parseArticleMeta, parseArticleText, splitFrontmatter} from './parse-markdown.js';
import {sanitizeLine, sanitizeText, visibleControls} from './sanitize.js';
import {type BodyReader, type SearchHit, searchLibrary} from './search.js';

/** Articles larger than this are skipped: no news article is, and reading one would stall the reader. */
export const MAX_ARTICLE_BYTES = 10 * 1024 * 1024;

/** A folder of articles to load. */
export type LibraryFolder = {
	path: string;
	/** When false, a missing folder is not a problem (the user's own folder before the first import). @default true */
	required?: boolean;
};

export type Section = {
	name: string;
	/** How many articles the section has (without listing them). */
	count: number;
	/** The section's articles newest first (an indexed library lists them when first asked). */
	readonly articles: ArticleMeta[];
};

export type Library = {
	/** Every loaded article, newest first (an indexed library lists them when first asked). */
	readonly articles: ArticleMeta[];
	/** How many articles there are (without listing them). */
	count: number;
	/** Of these ids, how many are articles of each section (the sections screen's unread counts). */
	countBySection(ids: Iterable<string>): Map<string, number>;
	/** Sections in display order, each with its articles newest first. */
	sections: Section[];
	/** Files (or folders) that could not be loaded, and why. */
	problems: ArticleProblem[];
	/** Articles that loaded with something in their file ignored (a YAML tag, a very large frontmatter), and what. */
	warnings: ArticleProblem[];
	get(id: string): ArticleMeta | undefined;
	/** Reads and parses the body of an article; throws ArticleFormatError when the file no longer loads. */
	article(id: string): Article;
	/**
	 * Reads an article and parses its frontmatter, keeping the body as Markdown for the reader to parse
	 * a chunk at a time; throws ArticleFormatError when the file no longer loads.
	 */
	articleText(id: string): ArticleText;
	/**
	 * The article's Markdown body (no frontmatter) for searching, or undefined when it cannot be read.
	 * Kept until the file changes (size or modification time).
	 */
	body(id: string): string | undefined;
	/**
	 * Articles holding every word of `query` in their title, summary, tags, author or body, best first
	 * (core/search.ts's rules; an indexed library finds them in the index, see index/indexed-library.ts).
	 */
	search(query: string): SearchHit[];
	/**
	 * How many articles `search(query)` matched: its hits' count, or more when an index listed only the
	 * best (SEARCH_RESULT_LIMIT in index/indexed-library.ts); `exact` false when that count is an upper bound.
	 */
	searchMatches(query: string): SearchMatches;
	/** The article's explicit `related` ids, then the most similar articles by words and tags. */
	related(id: string, similarCount?: number): ArticleMeta[];
	/**
	 * Builds part of what related() looks similar articles up in: the next `articleCount` articles;
	 * true once it is all built. related() builds what is left itself, so this is only for idle time.
	 */
	prepareRelated(articleCount: number): boolean;
	/** The ids closest to a mistyped one, best first. */
	closestIds(query: string, count?: number): string[];
	/** `list --json`'s items built by the index without an object per article; absent for a library loaded from the files. */
	listJson?: ListJson;
};

/**
 * The articles (of `section`, else all; unread ones only with `unread`), newest first, as the items of
 * `newsread list --json`'s array (commands/list.ts `articleJson` as JSON.stringify(list, null, 2) writes
 * them, `read` from `read`): UTF-8 text in pieces of a few hundred items, each joined by `,\n`.
 */
export type ListJson = (options: {section?: string; read: ReadonlySet<string>; unread: boolean}) => Uint8Array[];

/** Why a file is left out: another file with its id was loaded first (the index says the same). */
export function duplicateIdReason(id: string, loadedFile: string): string {
	return `duplicate id "${id}": already loaded from ${visibleControls(loadedFile)}`;
}

/** Loads every `.md` file below each folder, in order; on a duplicate id the first one wins. */
export function loadLibrary(folders: readonly LibraryFolder[]): Library {
	const byId = new Map<string, ArticleMeta>();
	const problems: ArticleProblem[] = [];
	const warnings: ArticleProblem[] = [];
	const sectionOrder: string[] = [];

	for (const folder of folders) {
		const root = path.resolve(folder.path);
		if (!isDirectory(root)) {
			if (folder.required !== false) {
				problems.push({file: visibleControls(root), reason: 'folder not found'});
			}

			continue;
		}

		sectionOrder.push(...readSectionOrder(root, problems, warnings));
		for (const file of markdownFiles(root, problems)) {
			const id = articleIdFromPath(path.relative(root, file));
			const shown = visibleControls(file);
			const existing = byId.get(id);
			if (existing) {
				problems.push({file: shown, reason: duplicateIdReason(id, existing.file)});
				continue;
			}

			try {
				const fileWarnings: string[] = [];
				byId.set(id, parseArticleMeta(readArticleText(file), {id, file}, fileWarnings));
				warnings.push(...fileWarnings.map(reason => ({file: shown, reason})));
			} catch (error) {
				problems.push({file: shown, reason: problemReason(error)});
			}
		}
	}

	const articles = [...byId.values()].sort(newestFirst);
	return createLibrary({
		articles: () => articles,
		get: id => byId.get(id),
		count: articles.length,
		sections: groupSections(articles, sectionOrder),
		problems,
		warnings,
		countBySection(ids) {
			const counts = new Map<string, number>();
			for (const id of ids) {
				const section = byId.get(id)?.section;
				if (section !== undefined) {
					counts.set(section, (counts.get(section) ?? 0) + 1);
				}
			}

			return counts;
		},
	});
}

/** How many articles a search matched: `count`, or at most `count` when not `exact`. */
export type SearchMatches = {count: number; exact: boolean};

/** What a library is made of: loaded here from the files, or read from the index (source/index/). */
export type LibraryContents = Pick<Library, 'count' | 'sections' | 'problems' | 'warnings' | 'get' | 'countBySection'> & {
	/** Every article, newest first; called when the list is needed (not at start). */
	articles: () => ArticleMeta[];
	/**
	 * Search without reading every article (an index); absent: core/search.ts over every article and
	 * body. `matches` when the hits are not all there are (the index's best); absent: the hits are all.
	 */
	search?: (query: string, readBody: BodyReader) => {hits: SearchHit[]; matches?: SearchMatches};
	/**
	 * The `count` articles most similar to `article` (never one whose id is in `skip`), as `rankSimilar`
	 * orders them, without listing every article (an index); absent: an inverted index of every article.
	 */
	similar?: (article: ArticleMeta, count: number, skip: ReadonlySet<string>) => ArticleMeta[];
	listJson?: ListJson;
};

/** A library over its contents: opening, reading bodies, related articles and close ids are the same whichever made it. */
export function createLibrary(contents: LibraryContents): Library {
	const {get} = contents;
	const cache = new Map<string, Article>();
	let listed: ArticleMeta[] | undefined;
	const allArticles = () => (listed ??= contents.articles());
	const texts = new Map<string, ArticleText>();
	const bodies = new Map<string, {mtimeMs: number; size: number; body: string | undefined}>();
	// Not kept per article: the index holds the words, and a Set per article of 50,000 would be tens of MB.
	const wordsOf = (article: ArticleMeta) => significantWords(`${article.title} ${article.summary}`);
	// Built once per library (in idle steps, else on the first related()): each related() then costs
	// what the article's words share, not the library's size.
	const index = relatedIndexBuilder(allArticles, wordsOf);

	/** An article's file parsed one way, kept among the recently parsed until asked again. */
	const parsedOnce = <T>(recent: Map<string, T>, id: string, parse: (meta: ArticleMeta) => T): T => {
		const cached = recent.get(id);
		if (cached) {
			return cached;
		}

		const meta = get(id);
		if (!meta) {
			throw new ArticleFormatError(`no article with id "${visibleControls(id)}"`);
		}

		const parsed = parse(meta);
		rememberRecent(recent, id, parsed);
		return parsed;
	};

	let lastSearch: {query: string; hits: SearchHit[]; matches?: SearchMatches} | undefined;
	const searched = (query: string) => {
		// The last search is kept: the article screen asks for its list again (next article, next unread).
		if (lastSearch?.query !== query) {
			const readBody: BodyReader = article => library.body(article.id);
			lastSearch = {query, ...(contents.search ? contents.search(query, readBody) : {hits: searchLibrary(library, query, {readBody})})};
		}

		return lastSearch;
	};

	const library: Library = {
		get articles() {
			return allArticles();
		},
		count: contents.count,
		countBySection: ids => contents.countBySection(ids),
		sections: contents.sections,
		problems: contents.problems,
		warnings: contents.warnings,
		listJson: contents.listJson,
		get,
		article: id => parsedOnce(cache, id, meta => parseArticle(articleFileText(meta), {id, file: meta.file})),
		articleText: id => parsedOnce(texts, id, meta => parseArticleText(articleFileText(meta), {id, file: meta.file})),
		body(id) {
			const meta = get(id);
			const stats = meta && fileStamp(meta.file);
			if (!meta || !stats) {
				bodies.delete(id);
				return undefined;
			}

			const {mtimeMs, size} = stats;
			const cached = bodies.get(id);
			if (cached?.mtimeMs === mtimeMs && cached.size === size) {
				return cached.body;
			}

			let body: string | undefined;
			try {
				body = splitFrontmatter(readArticleText(meta.file)).body;
			} catch {
				// Unreadable now: remembered too, so a search does not retry it until the file changes.
			}

			bodies.set(id, {mtimeMs, size, body});
			return body;
		},
		related(id, similarCount = 3) {
			const article = get(id);
			if (!article) {
				return [];
			}

			const explicit = [...new Set(article.related)]
				.filter(other => other !== id)
				.map(other => get(other))
				.filter((other): other is ArticleMeta => other !== undefined);
			const taken = new Set([id, ...explicit.map(other => other.id)]);
			if (contents.similar) {
				return [...explicit, ...(similarCount > 0 ? contents.similar(article, similarCount, taken) : [])];
			}

			index.build(Number.POSITIVE_INFINITY);
			return [...explicit, ...similarArticles(article, index, similarCount, taken)];
		},
		// An index finds similar articles itself: nothing to build.
		prepareRelated: articleCount => contents.similar !== undefined || index.build(articleCount),
		search: query => searched(query).hits,
		searchMatches(query) {
			const {hits, matches} = searched(query);
			return matches ?? {count: hits.length, exact: true};
		},
		closestIds(query, count = 3) {
			const needle = query.toLowerCase();
			return allArticles()
				.map(({id}) => ({id, score: idDistance(needle, id.toLowerCase())}))
				.sort((a, b) => a.score - b.score)
				.slice(0, count)
				.map(({id}) => id);
		},
	};
	return library;
}

/**
 * Reads an article file as sanitized text, or throws an ArticleFormatError saying why it cannot be read.
 * Only a regular file is read (a FIFO would block, a device never ends), and never more than
 * `maxBytes` + 1 bytes of it, whatever its size said.
 */
export function readArticleText(file: string, maxBytes = MAX_ARTICLE_BYTES): string {
	return decodeArticleBytes(readRegularFile(file, maxBytes));
}

/** Article bytes (UTF-8, or UTF-16 with a byte-order mark) as sanitized text; throws an ArticleFormatError saying why they are not text. */
export function decodeArticleBytes(bytes: Uint8Array): string {
	const text = decodeText(bytes);
	if (text.trim() === '') {
		throw new ArticleFormatError('empty file');
	}

	return sanitizeText(text);
}

/** An indexed article's file as sanitized text; an ArticleFormatError when it can no longer be read. */
function articleFileText(meta: ArticleMeta): string {
	try {
		return readArticleText(meta.file);
	} catch (error) {
		throw error instanceof ArticleFormatError ? error : new ArticleFormatError(`${visibleControls(meta.file)}: ${problemReason(error)}`);
	}
}

/** The error for an article over the size limit. */
export function tooLargeError(maxBytes: number, size?: number): ArticleFormatError {
	return new ArticleFormatError(size === undefined
		? `over ${formatMegabytes(maxBytes)}, the limit for an article: not read any further`
		: `file is ${formatMegabytes(size)}; articles over ${formatMegabytes(maxBytes)} are skipped`);
}

// Opening never waits: a FIFO opened for reading without O_NONBLOCK blocks until a writer comes.
const openForReading = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);
const scratch = Buffer.alloc(64 * 1024);

function readRegularFile(file: string, maxBytes: number): Buffer {
	const descriptor = openSync(file, openForReading);
	try {
		const stats = fstatSync(descriptor);
		if (!stats.isFile()) {
			throw new ArticleFormatError(`${fileKind(stats)}, not a regular file`);
		}

		if (stats.size > maxBytes) {
			throw tooLargeError(maxBytes, stats.size);
		}

		// The size is only where to start: a file can grow while it is read, and some report 0. What
		// follows the expected size is read into one scratch buffer, so the usual read that finds the
		// end allocates nothing.
		const first = Buffer.allocUnsafe(Math.min(stats.size, maxBytes) + 1);
		let total = readSync(descriptor, first, 0, first.length, null);
		const chunks = [first.subarray(0, total)];
		for (let count = total; count > 0 && total <= maxBytes; total += count) {
			count = readSync(descriptor, scratch, 0, Math.min(scratch.length, maxBytes + 1 - total), null);
			chunks.push(Buffer.from(scratch.subarray(0, count)));
		}

		if (total > maxBytes) {
			throw tooLargeError(maxBytes);
		}

		return Buffer.concat(chunks, total);
	} finally {
		closeSync(descriptor);
	}
}

function decodeText(bytes: Uint8Array): string {
	// UTF-16 as Windows tools save it, recognised by its byte-order mark (which the decoder drops).
	const utf16 = bytes[0] === 0xFF && bytes[1] === 0xFE ? 'utf-16le' : bytes[0] === 0xFE && bytes[1] === 0xFF ? 'utf-16be' : undefined;
	if (utf16) {
		try {
			return new TextDecoder(utf16, {fatal: true}).decode(bytes);
		} catch {
			throw new ArticleFormatError(`starts as ${utf16.toUpperCase()} text but is not (save the file as UTF-8)`);
		}
	}

	if (bytes.includes(0)) {
		throw new ArticleFormatError('binary file, not Markdown text');
	}

	try {
		return new TextDecoder('utf-8', {fatal: true}).decode(bytes);
	} catch {
		throw new ArticleFormatError('not UTF-8 text (save the file as UTF-8)');
	}
}

/** What kind of file system entry it is, in words: "a FIFO (named pipe)". */
export function fileKind(stats: Stats | Dirent): string {
	if (stats.isDirectory()) {
		return 'a folder';
	}

	if (stats.isFIFO()) {
		return 'a FIFO (named pipe)';
	}

	if (stats.isSocket()) {
		return 'a socket';
	}

	if (stats.isCharacterDevice() || stats.isBlockDevice()) {
		return 'a device';
	}

	return stats.isSymbolicLink() ? 'a symbolic link' : 'a file';
}

/** A file's size and modification time, or undefined when it is gone. */
/**
 * A file's size and modification time, or undefined when it cannot be stat'ed; a file gone meanwhile
 * costs no exception (a walk can meet many: a feed refresh pruning). The one stamp by which the library
 * and the index tell a file changed.
 */
export function fileStamp(file: string): {size: number; mtimeMs: number} | undefined {
	try {
		const stats = statSync(file, {throwIfNoEntry: false});
		return stats && {size: stats.size, mtimeMs: stats.mtimeMs};
	} catch {
		return undefined;
	}
}

function formatMegabytes(bytes: number): string {
	return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Why a file could not be read, in words, as one line (a system error's message would repeat the path). */
export function problemReason(error: unknown): string {
	if (error instanceof ArticleFormatError) {
		return error.message;
	}

	const {code, message} = error as NodeJS.ErrnoException;
	switch (code) {
		case 'EACCES':
		case 'EPERM': {
			return 'permission denied';
		}

		case 'ELOOP': {
			return 'a symbolic link loop';
		}

		case 'ENOENT': {
			return 'not found';
		}

		case 'ENOTDIR': {
			return 'not found (a part of the path is a file)';
		}

		default: {
			return `cannot read: ${visibleControls(message)}`;
		}
	}
}

export function isDirectory(folder: string): boolean {
	try {
		return statSync(folder).isDirectory();
	} catch {
		return false;
	}
}

/**
 * Every `.md` file below a folder, sorted, skipping hidden files and folders. What is named like an
 * article but cannot be one (a folder, a FIFO, a symbolic link loop), and each folder that cannot be
 * read, is a problem; the walk goes on.
 */
function markdownFiles(root: string, problems: ArticleProblem[]): string[] {
	const files: string[] = [];
	const skipped: ArticleProblem[] = [];
	for (const found of walkMarkdownFiles(root, skipped)) {
		files.push(...found);
	}

	problems.push(...sortProblems(skipped));
	return files.sort();
}

/** Problems sorted by file: readdir's order is the file system's, sorted the report is the same on every machine. */
export function sortProblems(problems: ArticleProblem[]): ArticleProblem[] {
	return problems.sort((a, b) => compareCodeUnits(a.file, b.file));
}

/** Orders strings by their UTF-16 code units (the same on every machine and locale, and quick). */
export function compareCodeUnits(a: string, b: string): number {
	return a < b ? -1 : (a > b ? 1 : 0);
}

/**
 * A folder and a name or path below it, both normalized already: path.join without its normalizing,
 * which was a tenth of a large library's check and of listing it from the index.
 */
export function joinNormalized(folder: string, below: string): string {
	return folder.endsWith(path.sep) ? folder + below : folder + path.sep + below;
}

/**
 * The walk of `loadLibrary`, a folder at a time (so a caller can pause between folders): yields the
 * article files of each folder read, in no order; what is skipped (and why) goes to `skipped`.
 */
export function * walkMarkdownFiles(root: string, skipped: ArticleProblem[]): Generator<string[]> {
	const folders = [root];
	for (let folder = folders.pop(); folder !== undefined; folder = folders.pop()) {
		// Read a batch of entries at a time: a folder of 50,000 files read whole costs tens of MB of memory
		// the process then keeps, and a pause between batches keeps the reader's keys quick.
		let entries: Dir;
		try {
			entries = opendirSync(folder, {bufferSize: 256});
		} catch (error) {
			skipped.push({file: visibleControls(folder), reason: `folder skipped: ${problemReason(error)}`});
			continue;
		}

		try {
			let files: string[] = [];
			for (let entry = entries.readSync(); entry !== null; entry = entries.readSync()) {
				if (entry.name.startsWith('.')) {
					continue;
				}

				const file = joinNormalized(folder, entry.name);
				const named = entry.name.toLowerCase().endsWith('.md');
				if (entry.isDirectory()) {
					// Symbolic links to folders are not followed (no loops); a real folder is, whatever its name.
					folders.push(file);
					if (named) {
						skipped.push({file: visibleControls(file), reason: 'a folder, not an article file (the articles in it are read)'});
					}
				} else if (named) {
					const notArticle = entry.isFile() ? undefined : whyNotAFile(file);
					if (notArticle) {
						skipped.push({file: visibleControls(file), reason: notArticle});
					} else {
						files.push(file);
					}
				}

				if (files.length >= 256) {
					yield files;
					files = [];
				}
			}

			yield files;
		} catch (error) {
			skipped.push({file: visibleControls(folder), reason: `folder skipped: ${problemReason(error)}`});
		} finally {
			entries.closeSync();
		}
	}
}

/** Undefined when the path (a symbolic link, or what readdir could not type) leads to a regular file; else why it is skipped. */
function whyNotAFile(file: string): string | undefined {
	let stats: Stats;
	try {
		stats = statSync(file);
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'a symbolic link to nothing' : problemReason(error);
	}

	return stats.isFile() ? undefined : `${fileKind(stats)}, not a regular file`;
}

const maxSectionOrderBytes = 1024 * 1024;

/** The section order of a folder's sections.yaml (none when it has none); its problems and warnings go to the lists given. */
export function readSectionOrder(root: string, problems: ArticleProblem[], warnings: ArticleProblem[]): string[] {
	const file = path.join(root, 'sections.yaml');
	let text: string;
	try {
		text = readArticleText(file, maxSectionOrderBytes);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
			problems.push({file: visibleControls(file), reason: `section order ignored: ${problemReason(error)}`});
		}

		return [];
	}

	try {
		const document = parseDocument(text, {logLevel: 'silent'});
		const [yamlError] = document.errors;
		if (yamlError) {
			throw yamlError;
		}

		for (const warning of document.warnings) {
			warnings.push({file: visibleControls(file), reason: `YAML: ${sanitizeLine(warning.message.split('\n')[0] ?? '')}`});
		}

		const value = document.toJS() as {sections?: unknown} | null;
		const sections = value?.sections;
		if (!Array.isArray(sections)) {
			throw new TypeError('expected a "sections:" list');
		}

		return sections.map(name => sanitizeLine(String(name)));
	} catch (error) {
		problems.push({file: visibleControls(file), reason: `section order ignored: ${sanitizeLine((error as Error).message.split('\n')[0] ?? '')}`});
		return [];
	}
}

function groupSections(articles: readonly ArticleMeta[], order: readonly string[]): Section[] {
	const bySection = new Map<string, ArticleMeta[]>();
	for (const article of articles) {
		const list = bySection.get(article.section) ?? [];
		list.push(article);
		bySection.set(article.section, list);
	}

	return orderSections([...bySection.keys()], order).map(name => {
		const list = bySection.get(name) ?? [];
		return {name, count: list.length, articles: list};
	});
}

/** Section names in display order: those sections.yaml lists, in its order, then the rest alphabetically. */
export function orderSections(names: readonly string[], order: readonly string[]): string[] {
	const present = new Set(names);
	const listed = [...new Set(order)].filter(name => present.has(name));
	const taken = new Set(listed);
	const rest = names.filter(name => !taken.has(name)).sort((a, b) => a.localeCompare(b));
	return [...listed, ...rest];
}

/** Newest first; undated articles last, then by title. */
export function newestFirst(a: ArticleMeta, b: ArticleMeta): number {
	// Dates are ISO 8601 in UTC (parse-markdown.ts), so their characters sort as the dates do: no collation needed.
	const byDate = compareCodeUnits(b.date ?? '', a.date ?? '');
	return byDate === 0 ? a.title.localeCompare(b.title) : byDate;
}

const stopWords = new Set(
	'the and for are but not you all any can had her was one our out has his how its may new now old see two who did get let say she too use with from that this have will what when where which their there they them than then into over also been more most some such only other about after before being could would should said says while just very'.split(' '),
);

/** The lower-cased words of 3 letters or digits or more, without stop words, that similar articles share. */
export function significantWords(text: string): Set<string> {
	const words = text.toLowerCase().match(/[\p{L}\p{N}]{3,}/gu) ?? [];
	return new Set(words.filter(word => !stopWords.has(word)));
}

/** The articles (by their place in the library, newest first) that have each significant word and each tag. */
type RelatedIndex = {
	articles: readonly ArticleMeta[];
	words: Map<string, number[]>;
	tags: Map<string, number[]>;
	wordsOf: (article: ArticleMeta) => Set<string>;
};

/** A RelatedIndex filled in steps of some articles each: `build` returns true when every article is in. */
function relatedIndexBuilder(list: () => readonly ArticleMeta[], wordsOf: (article: ArticleMeta) => Set<string>): RelatedIndex & {build: (articleCount: number) => boolean} {
	const words = new Map<string, number[]>();
	const tags = new Map<string, number[]>();
	const add = (map: Map<string, number[]>, key: string, position: number) => {
		const list = map.get(key);
		if (list) {
			list.push(position);
		} else {
			map.set(key, [position]);
		}
	};

	let next = 0;
	const build = (articleCount: number) => {
		const articles = list();
		const end = Math.min(articles.length, next + Math.max(0, articleCount));
		for (; next < end; next++) {
			const article = articles[next]!;
			for (const word of wordsOf(article)) {
				add(words, word, next);
			}

			for (const tag of new Set(article.tags)) {
				add(tags, tag, next);
			}
		}

		return next === articles.length;
	};

	return {
		// The library's list, made when first needed (an indexed library lists no article at start).
		get articles() {
			return list();
		},
		words,
		tags,
		wordsOf,
		build,
	};
}

/**
 * The `count` articles most similar to `article` (never one whose id is in `skip`): a shared word (of
 * title and summary) counts 1, each of the article's tags the other has 2, and the same section breaks
 * ties between articles that already share something; of equal scores the newest first. Only the
 * articles that share something are looked at, and only the best `count` kept while going through them.
 */
function similarArticles(article: ArticleMeta, {articles, words, tags, wordsOf}: RelatedIndex, count: number, skip: ReadonlySet<string>): ArticleMeta[] {
	if (count <= 0) {
		return [];
	}

	const scores = new Float64Array(articles.length);
	const add = (positions: readonly number[] | undefined, points: number) => {
		if (positions) {
			for (let index = 0; index < positions.length; index++) {
				scores[positions[index]!]! += points;
			}
		}
	};

	for (const word of wordsOf(article)) {
		add(words.get(word), 1);
	}

	// Each of the article's tags (as often as it lists it) that the other has.
	for (const tag of article.tags) {
		add(tags.get(tag), 2);
	}

	// The best so far, best first; going newest first, an equal score never goes ahead of one kept.
	const best: Array<{other: ArticleMeta; score: number}> = [];
	for (let position = 0; position < scores.length; position++) {
		const shared = scores[position]!;
		if (shared === 0) {
			continue;
		}

		const other = articles[position]!;
		const score = other.section === article.section ? shared + 0.5 : shared;
		if ((best.length === count && score <= best.at(-1)!.score) || other === article || skip.has(other.id)) {
			continue;
		}

		let place = best.length;
		while (place > 0 && best[place - 1]!.score < score) {
			place--;
		}

		best.splice(place, 0, {other, score});
		if (best.length > count) {
			best.pop();
		}
	}

	return best.map(({other}) => other);
}

/**
 * Of `candidates` (any order), the `count` most similar to `article` by the rules of `similarArticles`
 * (a shared word of title and summary 1, each of the article's tags the other has 2, the same section
 * 0.5 more for one that shares something; of equal scores the newest first): for an index that found
 * the candidates.
 */
export function rankSimilar(article: ArticleMeta, candidates: readonly ArticleMeta[], count: number, skip: ReadonlySet<string>): ArticleMeta[] {
	const words = significantWords(`${article.title} ${article.summary}`);
	const scored: Array<{other: ArticleMeta; score: number}> = [];
	for (const other of candidates) {
		if (other.id === article.id || skip.has(other.id)) {
			continue;
		}

		let shared = 0;
		for (const word of significantWords(`${other.title} ${other.summary}`)) {
			shared += words.has(word) ? 1 : 0;
		}

		const tags = new Set(other.tags);
		for (const tag of article.tags) {
			shared += tags.has(tag) ? 2 : 0;
		}

		if (shared > 0) {
			scored.push({other, score: other.section === article.section ? shared + 0.5 : shared});
		}
	}

	return scored
		.sort((a, b) => (b.score - a.score) || newestFirst(a.other, b.other))
		.slice(0, Math.max(0, count))
		.map(({other}) => other);
}

function idDistance(query: string, id: string): number {
	const name = id.slice(id.lastIndexOf('/') + 1);
	const containment = id.includes(query) || query.includes(name) ? -100 : 0;
	return containment + Math.min(distance(query, id), distance(query, name));
}

const recentArticleCount = 8;

function rememberRecent<T>(cache: Map<string, T>, id: string, article: T): void {
	cache.set(id, article);
	if (cache.size > recentArticleCount) {
		const oldest = cache.keys().next().value;
		if (oldest !== undefined) {
			cache.delete(oldest);
		}
	}
}
