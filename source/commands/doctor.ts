// `newsread doctor`: every article file that could not be loaded, and why.
import {exitCode} from '../context.js';
import {type Command, writeLines} from './context.js';

/** `newsread doctor`: each file that could not be loaded and why, then a count (exit 1 when there are problems). */
export const doctorCommand: Command = ({library, stdout}) => {
	const {articles, problems} = library();
	writeLines(stdout, problems.map(({file, reason}) => `${file}: ${reason}`));
	const summary = `${articles.length} articles loaded, ${problems.length} ${problems.length === 1 ? 'problem' : 'problems'}`;
	stdout.write(`${summary}\n`);
	return problems.length === 0 ? exitCode.ok : exitCode.failure;
};
