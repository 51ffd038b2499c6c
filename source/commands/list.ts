// `newsread list [--section S] [--json]`: the headlines, newest first.
import type {ArticleMeta} from '../core/article.js';
import {isoDay} from '../core/dates.js';
import {visibleControls} from '../core/sanitize.js';
import {exitCode} from '../context.js';
import {type Command, writeJson, writeLines} from './context.js';

/** `newsread list [--section S] [--json]`: date, id and title of each article, newest first (exit 1 for an unknown section). */
export const listCommand: Command = ({library, flags, stdout, stderr}) => {
	const {articles, sections} = library();
	let chosen: readonly ArticleMeta[] = articles;
	if (flags.section !== undefined) {
		const wanted = flags.section.toLowerCase();
		const section = sections.find(({name}) => name.toLowerCase() === wanted);
		if (!section) {
			stderr.write(`newsread: no section "${visibleControls(flags.section)}". Sections: ${sections.map(({name}) => name).join(', ')}\n`);
			return exitCode.failure;
		}

		chosen = section.articles;
	}

	if (flags.json) {
		writeJson(stdout, chosen.map(article => articleJson(article)));
		return exitCode.ok;
	}

	const idWidth = Math.max(0, ...chosen.map(({id}) => id.length));
	writeLines(stdout, chosen.map(({id, date, title}) => `${isoDay(date).padEnd(10)}  ${id.padEnd(idWidth)}  ${title}`));
	return exitCode.ok;
};

function articleJson(article: ArticleMeta) {
	const {id, title, section, date, author, summary, tags, related, source, feed, guid, file} = article;
	return {id, title, section, date: date ?? null, author: author ?? null, summary, tags, related, source: source ?? null, feed: feed ?? null, guid: guid ?? null, file};
}
