// The help (?): every key of the screen it was opened from and the global keys, from the key table.
import {Text} from 'ink';
import {useCallback} from 'react';
import {useReader} from '../app-context.js';
import {handleCommonAction} from '../common-actions.js';
import {Frame} from '../components/Frame.js';
import {useKeymap} from '../hooks/use-keymap.js';
import {type Action, type Binding, helpFor, helpText, hintsFor, keyLabel, type Scope, scopeInfo, screenModes, screenScopes} from '../keymap.js';
import type {Screen} from '../navigation.js';
import {fitToWidth, padToWidth} from '../text.js';
import {theme} from '../theme.js';

const scopes: readonly Scope[] = screenScopes.help;

export type HelpScreenProps = {
	/** The screen whose keys are listed. */
	of: Screen['name'];
	/** The first help line shown. */
	scroll: number;
	/** Only the showing screen takes keys. */
	isActive: boolean;
};

type HelpRow = {heading: string} | {keys: string; help: string};

/**
 * The keys of a screen as the table resolves them: the bindings of each of its modes, then the
 * global keys of its first mode (the one it is in when ? can be pressed).
 */
export function helpBindings(of: Screen['name']): Binding[] {
	const [first = [], ...others] = screenModes[of];
	const own = [first, ...others].flatMap(mode => helpFor(mode).filter(binding => binding.scope !== 'global'));
	return [...own, ...helpFor(first).filter(binding => binding.scope === 'global')];
}

export function helpRows(of: Screen['name']): HelpRow[] {
	const rows: HelpRow[] = [];
	let scope: Scope | undefined;
	for (const binding of helpBindings(of)) {
		if (binding.scope !== scope) {
			scope = binding.scope;
			rows.push({heading: scopeInfo[scope].title});
		}

		rows.push({keys: keysText(binding), help: helpText(binding)});
	}

	return rows;
}

function keysText(binding: Binding): string {
	return binding.keys.map(key => keyLabel(key)).join(' ');
}

/** The first row shown after a scrolling key of the help, as in the pager; undefined for other keys. */
function helpMove(action: Action, top: number, rows: number, maxScroll: number): number | undefined {
	const moves: Partial<Record<Action, number>> = {
		'line-down': top + 1,
		'line-up': top - 1,
		'page-down': top + rows,
		'page-up': top - rows,
		'half-page-down': top + Math.max(1, Math.floor(rows / 2)),
		'half-page-up': top - Math.max(1, Math.floor(rows / 2)),
		top: 0,
		bottom: maxScroll,
	};
	return moves[action];
}

export function HelpScreen({of, scroll, isActive}: HelpScreenProps) {
	const {dispatch, body} = useReader();
	const rows = helpRows(of);
	const maxScroll = Math.max(0, rows.length - body.rows);
	const top = Math.min(scroll, maxScroll);
	const onAction = useCallback(
		(action: Action) => {
			const move = helpMove(action, top, body.rows, maxScroll);
			if (move !== undefined) {
				dispatch({type: 'replace', screen: {name: 'help', of, scroll: Math.min(maxScroll, Math.max(0, move))}});
			} else {
				handleCommonAction(action, dispatch, {screen: 'help'});
			}
		},
		[dispatch, of, top, maxScroll, body.rows],
	);
	useKeymap(scopes, onAction, {isActive});

	const keyWidth = Math.min(24, Math.floor(body.columns / 3));
	return (
		<Frame title="Help: keys" aside={scopeInfo[screenModes[of][0]?.[0] ?? 'global'].title} status={rows.length > body.rows ? `${top + 1}-${Math.min(rows.length, top + body.rows)} of ${rows.length}` : ''} hints={hintsFor(scopes)}>
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
