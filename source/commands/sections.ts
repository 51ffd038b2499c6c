// `newsread sections`: every section with its article count.
import {exitCode} from '../context.js';
import {type Command, writeJson, writeLines} from './context.js';

/** `newsread sections [--json]`: each section and its number of articles, in display order. */
export const sectionsCommand: Command = ({library, flags, stdout}) => {
	const {sections} = library();
	if (flags.json) {
		writeJson(stdout, sections.map(({name, articles}) => ({name, articles: articles.length})));
		return exitCode.ok;
	}

	const nameWidth = Math.max(0, ...sections.map(({name}) => name.length));
	writeLines(stdout, sections.map(({name, articles}) => `${name.padEnd(nameWidth)}  ${articles.length}`));
	return exitCode.ok;
};
