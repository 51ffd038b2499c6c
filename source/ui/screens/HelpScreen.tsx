// The help (?): every key of the screen it was opened from and the global keys, from the key table.
import {Text} from 'ink';
import {useCallback} from 'react';
import {useApp} from '../app-context.js';
import {handleCommonAction} from '../common-actions.js';
import {Frame} from '../components/Frame.js';
import {useKeymap} from '../hooks/use-keymap.js';
import {type Action, type Binding, helpFor, hintsFor, keyLabel, type Scope} from '../keymap.js';
import type {Screen} from '../navigation.js';
import {fitToWidth, padToWidth} from '../text.js';
import {theme} from '../theme.js';

const scopes: readonly Scope[] = ['help'];

/** The key scopes of each screen, for its help. */
export const screenScopes: Record<Screen['name'], readonly Scope[]> = {
	sections: ['list'],
	headlines: ['list'],
	article: ['pager'],
	outline: ['outline'],
	help: ['help'],
	search: ['find'],
	find: ['find'],
	comments: ['comments', 'form'],
};

const scopeTitles: Record<Scope, string> = {
	list: 'Lists',
	pager: 'Reading an article',
	outline: 'Outline',
	help: 'Help',
	find: 'Typing a search',
	comments: 'Comments',
	form: 'Writing a comment',
	confirm: 'Questions',
	global: 'Everywhere',
};

export type HelpScreenProps = {
	of: Screen['name'];
	scroll: number;
	isActive: boolean;
};

type HelpRow = {heading: string} | {keys: string; help: string};

export function helpRows(of: Screen['name']): HelpRow[] {
	const rows: HelpRow[] = [];
	let scope: Scope | undefined;
	for (const binding of helpFor(screenScopes[of])) {
		if (binding.scope !== scope) {
			scope = binding.scope;
			rows.push({heading: scopeTitles[scope]});
		}

		rows.push({keys: keysText(binding), help: binding.help});
	}

	return rows;
}

function keysText(binding: Binding): string {
	return binding.keys.map(key => keyLabel(key)).join(' ');
}

export function HelpScreen({of, scroll, isActive}: HelpScreenProps) {
	const {dispatch, body} = useApp();
	const rows = helpRows(of);
	const maxScroll = Math.max(0, rows.length - body.rows);
	const top = Math.min(scroll, maxScroll);
	const onAction = useCallback(
		(action: Action) => {
			if (action === 'line-down' || action === 'line-up') {
				dispatch({type: 'replace', screen: {name: 'help', of, scroll: Math.min(maxScroll, Math.max(0, top + (action === 'line-down' ? 1 : -1)))}});
			} else if (action !== 'help') {
				handleCommonAction(action, dispatch, {screen: 'help'});
			}
		},
		[dispatch, of, top, maxScroll],
	);
	useKeymap(scopes, onAction, {isActive});

	const keyWidth = Math.min(24, Math.floor(body.columns / 3));
	return (
		<Frame title="Help: keys" aside={scopeTitles[screenScopes[of][0] ?? 'global']} status={rows.length > body.rows ? `${top + 1}-${Math.min(rows.length, top + body.rows)} of ${rows.length}` : ''} hints={hintsFor(scopes)}>
			{rows.slice(top, top + body.rows).map((row, index) =>
				'heading' in row ? (
					<Text key={index} {...theme.subheading}>
						{row.heading}
					</Text>
				) : (
					<Text key={index}>
						<Text {...theme.strong}>{padToWidth(`  ${row.keys}`, keyWidth)}</Text>
						{fitToWidth(row.help, Math.max(0, body.columns - keyWidth - 1))}
					</Text>
				),
			)}
		</Frame>
	);
}
