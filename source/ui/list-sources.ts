// The articles behind each kind of headline list, and the entries of the sections screen.
import type {ArticleMeta} from '../core/article.js';
import type {Library} from '../core/library.js';
import {searchLibrary} from '../core/search.js';
import type {ReadingState} from '../store/reading-state.js';
import {type FeedListing, sectionProblems} from './feed-activity.js';
import type {ListSource} from './navigation.js';

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
			return searchLibrary(library, source.query, {readBody: article => library.body(article.id)}).map(hit => hit.article);
		}
	}
}

/**
 * The first unread article from `start` on, going round to the top of the list; never `except` (the
 * article being read, which may have been marked unread again).
 */
export function nextUnread<T extends {id: string}>(list: readonly T[], start: number, isRead: (id: string) => boolean, except?: string): T | undefined {
	const from = Math.min(Math.max(0, start), list.length);
	return [...list.slice(from), ...list.slice(0, from)].find(article => article.id !== except && !isRead(article.id));
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
	const unreadIn = (articles: readonly ArticleMeta[]) => articles.filter(article => !reading.isRead(article.id)).length;
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
