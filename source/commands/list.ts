// `newsread list [--section S] [--unread] [--json]`: the headlines, newest first, unread ones marked N.
import type {ArticleMeta} from '../core/article.js';
import {isoDay} from '../core/dates.js';
import type {Section} from '../core/library.js';
import {visibleControls} from '../core/sanitize.js';
import {exitCode} from '../context.js';
import {type Command, holdsUnescapedControls, readArticleIds, writeJsonArray, writeJsonPieces, writeLines} from './context.js';

/**
 * `newsread list [--section S] [--unread] [--json]`: read mark (N for unread), date, id and title of each
 * article, newest first (exit 2 for an unknown section).
 */
export const listCommand: Command = context => {
	const {library, flags, stdout, stderr} = context;
	const {sections, listJson} = library();
	let section: Section | undefined;
	if (flags.section !== undefined) {
		const wanted = flags.section.toLowerCase();
		section = sections.find(({name}) => name.toLowerCase() === wanted);
		if (!section) {
			stderr.write(`newsread: no section "${visibleControls(flags.section)}". Sections: ${sections.map(({name}) => name).join(', ')}\n`);
			return exitCode.usage;
		}
	}

	const read = readArticleIds(context);
	if (flags.json && listJson) {
		// An indexed library: the items built by SQLite, the same bytes as below.
		writeJsonPieces(stdout, listJson({section: section?.name, read, unread: Boolean(flags.unread)}));
		return exitCode.ok;
	}

	let chosen: readonly ArticleMeta[] = section ? section.articles : library().articles;
	if (flags.unread) {
		chosen = chosen.filter(({id}) => !read.has(id));
	}

	if (flags.json) {
		// Titles, summaries and the other fields were sanitized as the files were read (and ids show controls
		// as escapes): only a path can hold a control character, and then its part of the output is escaped.
		writeJsonArray(stdout, chosen, article => articleJson(article, read.has(article.id)), {mayHoldControls: article => holdsUnescapedControls(article.file)});
		return exitCode.ok;
	}

	const idWidth = Math.max(0, ...chosen.map(({id}) => id.length));
	writeLines(stdout, chosen.map(({id, date, title}) => `${read.has(id) ? ' ' : 'N'} ${isoDay(date).padEnd(10)}  ${id.padEnd(idWidth)}  ${title}`));
	return exitCode.ok;
};

function articleJson(article: ArticleMeta, read: boolean) {
	const {id, title, section, date, author, summary, tags, related, source, feed, guid, file} = article;
	return {id, title, section, date: date ?? null, author: author ?? null, summary, tags, related, source: source ?? null, feed: feed ?? null, guid: guid ?? null, file, read};
}
