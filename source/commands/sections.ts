// `newsread sections`: every section with its article count and how many are unread.
import {exitCode} from '../context.js';
import {type Command, readArticleIds, writeJson, writeLines} from './context.js';

/** `newsread sections [--json]`: each section, its number of articles and of unread ones, in display order. */
export const sectionsCommand: Command = context => {
	const {library, flags, stdout} = context;
	const {sections} = library();
	const read = readArticleIds(context);
	const rows = sections.map(({name, articles}) => ({name, articles: articles.length, unread: articles.filter(({id}) => !read.has(id)).length}));
	if (flags.json) {
		writeJson(stdout, rows);
		return exitCode.ok;
	}

	const nameWidth = Math.max(0, ...rows.map(({name}) => name.length));
	const countWidth = Math.max(0, ...rows.map(({articles}) => String(articles).length));
	writeLines(stdout, rows.map(({name, articles, unread}) => `${name.padEnd(nameWidth)}  ${String(articles).padStart(countWidth)}  ${unread} unread`));
	return exitCode.ok;
};
