// The articles behind each kind of headline list, and the entries of the sections screen.
import type {ArticleMeta} from '../core/article.js';
import {type ListDateRange, listDateRange} from '../core/dates.js';
import type {Library} from '../core/library.js';
import type {ReadingState} from '../store/reading-state.js';
import {type FeedListing, sectionProblems} from './feed-activity.js';
import type {ListSource} from './navigation.js';
import {displayWidth, plural} from './text.js';

/** The articles a headline list shows, in order. */
export function articlesOf(source: ListSource, library: Library, reading: ReadingState): ArticleMeta[] {
	switch (source.kind) {
		case 'section': {
			return library.sections.find(section => section.name === source.name)?.articles ?? [];
		}

		case 'all': {
			return library.articles;
		}

		case 'saved': {
			return reading.savedIds().map(id => library.get(id)).filter((article): article is ArticleMeta => article !== undefined);
		}

		case 'search': {
			return library.search(source.query).map(hit => hit.article);
		}
	}
}

/**
 * The first unread article from `start` on, going round to the top of the list; never `except` (the
 * article being read, which may have been marked unread again).
 */
export function nextUnread<T extends {id: string}>(list: readonly T[], start: number, isRead: (id: string) => boolean, except?: string): T | undefined {
	const from = Math.min(Math.max(0, start), list.length);
	for (let offset = 0; offset < list.length; offset++) {
		const article = list[(from + offset) % list.length]!;
		if (article.id !== except && !isRead(article.id)) {
			return article;
		}
	}

	return undefined;
}

/**
 * How many articles the list has, for its header: `12 articles`; a search that lists only the best
 * of its matches (an indexed library) says of how many: `1000 of 4210 articles` (`of up to` when
 * the index can only say at most how many match). Short: the header gives it half the width.
 */
export function listCountText(source: ListSource, library: Library, listed: number): string {
	const matches = source.kind === 'search' ? library.searchMatches(source.query) : undefined;
	if (matches === undefined || matches.count <= listed) {
		return plural(listed, 'article');
	}

	return `${listed} of ${matches.exact ? '' : 'up to '}${plural(matches.count, 'article')}`;
}

/** The list's name in headers: `World`, `All articles`, `Saved`, `Search: harbour`. */
export function sourceTitle(source: ListSource): string {
	switch (source.kind) {
		case 'section': {
			return source.name;
		}

		case 'all': {
			return 'All articles';
		}

		case 'saved': {
			return 'Saved';
		}

		case 'search': {
			return `Search: ${source.query}`;
		}
	}
}

/** One entry of the sections screen. */
export type SectionEntry =
	| {kind: 'continue'; id: string; title: string; percent: number; section: string}
	| {kind: 'list'; source: ListSource; label: string; count: number; unread: number; problem?: string};

/** A stable name for an entry, whatever its position. */
export function entryKey(entry: SectionEntry): string {
	if (entry.kind === 'continue') {
		return 'continue';
	}

	return entry.source.kind === 'section' ? `section:${entry.source.name}` : entry.source.kind;
}

/**
 * The sections screen: "Continue reading", the sections (a subscribed feed's section before its first
 * articles arrive too, and why a section's feed last failed), All, Saved.
 */
export function sectionEntries(library: Library, reading: ReadingState, feeds: readonly FeedListing[] = []): SectionEntry[] {
	const unreadIn = (articles: readonly ArticleMeta[]) => unreadCount(articles, reading);
	// Counted from the read marks, not by going through every article: an indexed library lists none at start.
	const readBySection = library.countBySection(reading.readIds());
	let readTotal = 0;
	for (const count of readBySection.values()) {
		readTotal += count;
	}

	const entries: SectionEntry[] = [];
	// The most recent article not read to the end: one read to 100% has nothing left to continue.
	const last = reading.unfinished().map(id => library.get(id)).find(article => article !== undefined);
	if (last) {
		const percent = reading.position(last.id)?.percent ?? 0;
		entries.push({kind: 'continue', id: last.id, title: last.title, percent, section: last.section});
	}

	const problems = sectionProblems(feeds);
	const withProblem = (name: string) => {
		const problem = problems.get(name);
		return problem === undefined ? {} : {problem};
	};

	for (const {name, count} of library.sections) {
		entries.push({kind: 'list', source: {kind: 'section', name}, label: name, count, unread: count - (readBySection.get(name) ?? 0), ...withProblem(name)});
	}

	const listed = new Set(library.sections.map(section => section.name));
	for (const {section} of feeds) {
		if (!listed.has(section)) {
			listed.add(section);
			entries.push({kind: 'list', source: {kind: 'section', name: section}, label: section, count: 0, unread: 0, ...withProblem(section)});
		}
	}

	entries.push({kind: 'list', source: {kind: 'all'}, label: 'All', count: library.count, unread: library.count - readTotal});
	const saved = articlesOf({kind: 'saved'}, library, reading);
	entries.push({kind: 'list', source: {kind: 'saved'}, label: 'Saved', count: saved.length, unread: unreadIn(saved)});
	return entries;
}

/** What a headline list's look depends on, worked out once per list (the library's lists are kept as they are). */
export type ListFacts = {
	/** The dates' range, for the one date style of the list. */
	dates: ListDateRange;
	/** Columns of the widest title: whether a title needs two lines at a width. */
	widestTitle: number;
};

const listFacts = new WeakMap<readonly ArticleMeta[], ListFacts>();

export function factsOfList(articles: readonly ArticleMeta[]): ListFacts {
	let facts = listFacts.get(articles);
	if (!facts) {
		let widestTitle = 0;
		for (const article of articles) {
			widestTitle = Math.max(widestTitle, displayWidth(article.title));
		}

		facts = {dates: listDateRange(articles.map(article => article.date)), widestTitle};
		listFacts.set(articles, facts);
	}

	return facts;
}

const unreadCounts = new WeakMap<readonly ArticleMeta[], {reading: ReadingState; version: number; count: number}>();

/** Articles of a list not read, counted again only when a read mark has changed since. */
export function unreadCount(articles: readonly ArticleMeta[], reading: ReadingState): number {
	const known = unreadCounts.get(articles);
	if (known?.reading === reading && known.version === reading.version()) {
		return known.count;
	}

	let count = 0;
	for (const article of articles) {
		if (!reading.isRead(article.id)) {
			count++;
		}
	}

	unreadCounts.set(articles, {reading, version: reading.version(), count});
	return count;
}
