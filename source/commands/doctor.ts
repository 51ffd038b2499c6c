// `newsread doctor`: every article file that could not be loaded, and why; what was ignored in those that were.
import {visibleControls} from '../core/sanitize.js';
import {exitCode} from '../context.js';
import {type Command, writeLines} from './context.js';

/**
 * `newsread doctor`: each file that could not be loaded and why, each that loaded with something ignored
 * (`warning:`), then a count (exit 1 when there is either).
 */
export const doctorCommand: Command = ({library, stdout}) => {
	const {articles, problems, warnings} = library();
	const line = (file: string, reason: string) => visibleControls(`${file}: ${reason}`);
	writeLines(stdout, [
		...problems.map(({file, reason}) => line(file, reason)),
		...warnings.map(({file, reason}) => line(file, `warning: ${reason}`)),
	]);
	const counts = [`${articles.length} articles loaded`, `${problems.length} ${problems.length === 1 ? 'problem' : 'problems'}`];
	if (warnings.length > 0) {
		counts.push(`${warnings.length} ${warnings.length === 1 ? 'warning' : 'warnings'}`);
	}

	stdout.write(`${counts.join(', ')}\n`);
	return problems.length === 0 && warnings.length === 0 ? exitCode.ok : exitCode.failure;
};
