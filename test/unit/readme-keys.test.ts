// The README's key table is the help screen in short: every key a screen's help lists is in the
// README row for that screen, so the two cannot drift apart.
import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {bindings, keyLabel, type Scope} from '../../source/ui/keymap.js';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

/** The README's key-table rows by their "where" cell. */
function readmeRows(): Map<string, string> {
	const rows = new Map<string, string>();
	const table = readme.slice(readme.indexOf('| where | keys |'));
	for (const line of table.split('\n').slice(2)) {
		const cells = /^\| ([^|]+) \| (.+) \|$/.exec(line);
		if (!cells) {
			break;
		}

		rows.set(cells[1]!, `${rows.get(cells[1]!) ?? ''} ${cells[2]!}`);
	}

	return rows;
}

// Where each screen's keys are described in the README.
const readmeRowOf: Partial<Record<Scope, string>> = {
	global: 'everywhere',
	list: 'lists',
	sections: 'lists',
	headlines: 'lists',
	pager: 'article',
	help: 'help',
	comments: 'comments',
	form: 'comments',
};

/** How the README writes a key: `q`, `Ctrl+D`, Space, PgDn, ←. */
function written(name: string): RegExp {
	const label = keyLabel(name);
	const escaped = label.replaceAll(/[.*+?^${}()|[\]\\]/g, String.raw`\$&`);
	return /^[\p{L}\p{N}]$|^[[\]/?]$/u.test(label) ? new RegExp(`\`${escaped}\``, 'u') : new RegExp(`(?:^|[\\s/\`(])\`?${escaped}\`?(?:$|[\\s/\`),·])`, 'u');
}

describe('the README key table', () => {
	const rows = readmeRows();

	it('has a row for every screen whose keys it describes', () => {
		expect([...new Set(Object.values(readmeRowOf))].filter(where => !rows.has(where))).toEqual([]);
	});

	it('names every key of the help screens in the row for that screen', () => {
		const missing = bindings
			.filter(binding => readmeRowOf[binding.scope] !== undefined)
			.flatMap(binding => binding.keys.map(name => ({where: readmeRowOf[binding.scope]!, name, action: binding.action})))
			.filter(({where, name}) => !written(name).test(rows.get(where) ?? ''))
			.map(({where, name, action}) => `${where}: ${keyLabel(name)} (${String(action)})`);
		expect(missing).toEqual([]);
	});
});
