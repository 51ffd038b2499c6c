// The one key table: every key, the action it triggers on which screen, and its help text.
// The help screen and the status-bar hints are generated from it, so they cannot disagree.
import type {Key} from 'ink';
import type {PagerMove} from './navigation.js';

/** Where a binding applies. `global` applies on every screen except text entry. */
export type Scope = 'global' | 'list' | 'pager' | 'outline' | 'help' | 'find' | 'comments' | 'form' | 'confirm';

export type Action =
	| PagerMove
	| 'help'
	| 'back'
	| 'leave'
	| 'quit'
	| 'search'
	| 'cursor-down'
	| 'cursor-up'
	| 'cursor-first'
	| 'cursor-last'
	| 'cursor-page-down'
	| 'cursor-page-up'
	| 'open'
	| 'toggle-read'
	| 'outline'
	| 'next-article'
	| 'previous-article'
	| 'next-related'
	| 'open-source'
	| 'comments'
	| 'save'
	| 'find'
	| 'clear-find'
	| 'mark-all-read'
	| 'reply'
	| 'edit'
	| 'delete'
	| 'submit'
	| 'next-field'
	| 'previous-field'
	| 'new-line'
	| 'editor'
	| 'confirm'
	| 'cancel'
	| 'delete-back'
	| 'keep-draft';

export type Binding = {
	scope: Scope;
	action: Action;
	/** Key names as produced by `keyName`: `j`, `space`, `pagedown`, `ctrl+c`, `enter`, `escape`. */
	keys: readonly string[];
	/** One line for the help screen. */
	help: string;
	/** A short label for the status bar; bindings without one are only in the help. */
	hint?: string;
};

export const bindings: readonly Binding[] = [
	{scope: 'list', action: 'open', keys: ['enter', 'l', 'right'], help: 'open the highlighted item', hint: 'open'},
	{scope: 'list', action: 'cursor-down', keys: ['j', 'down'], help: 'move down', hint: 'move'},
	{scope: 'list', action: 'cursor-up', keys: ['k', 'up'], help: 'move up'},
	{scope: 'list', action: 'cursor-first', keys: ['g', 'home'], help: 'first item'},
	{scope: 'list', action: 'cursor-last', keys: ['G', 'end'], help: 'last item'},
	{scope: 'list', action: 'cursor-page-down', keys: ['pagedown', 'space'], help: 'next screenful'},
	{scope: 'list', action: 'cursor-page-up', keys: ['pageup', 'b'], help: 'previous screenful'},
	{scope: 'list', action: 'back', keys: ['h', 'left', 'escape'], help: 'back'},
	{scope: 'list', action: 'toggle-read', keys: ['m'], help: 'mark the highlighted article read or unread'},
	{scope: 'list', action: 'mark-all-read', keys: ['M'], help: 'mark every article of the list read'},

	{scope: 'pager', action: 'page-down', keys: ['space', 'f', 'pagedown'], help: 'next page', hint: 'page'},
	{scope: 'pager', action: 'page-up', keys: ['b', 'pageup'], help: 'previous page'},
	{scope: 'pager', action: 'line-down', keys: ['j', 'down'], help: 'one line down'},
	{scope: 'pager', action: 'line-up', keys: ['k', 'up'], help: 'one line up'},
	{scope: 'pager', action: 'half-page-down', keys: ['d'], help: 'half a page down'},
	{scope: 'pager', action: 'half-page-up', keys: ['u'], help: 'half a page up'},
	{scope: 'pager', action: 'top', keys: ['g', 'home'], help: 'top of the article'},
	{scope: 'pager', action: 'bottom', keys: ['G', 'end'], help: 'end of the article'},
	{scope: 'pager', action: 'next-subheading', keys: [']'], help: 'next subheading', hint: 'section'},
	{scope: 'pager', action: 'previous-subheading', keys: ['['], help: 'previous subheading'},
	{scope: 'pager', action: 'outline', keys: ['t'], help: 'outline: the subheadings', hint: 'outline'},
	{scope: 'pager', action: 'next-article', keys: ['n'], help: 'next article in the list'},
	{scope: 'pager', action: 'previous-article', keys: ['p'], help: 'previous article in the list'},
	{scope: 'pager', action: 'next-match', keys: ['n'], help: 'next match (while a find is active)'},
	{scope: 'pager', action: 'previous-match', keys: ['N'], help: 'previous match (while a find is active)'},
	{scope: 'pager', action: 'find', keys: ['/'], help: 'find text in this article', hint: 'find'},
	{scope: 'pager', action: 'clear-find', keys: ['escape'], help: 'clear the find (when one is active)'},
	{scope: 'pager', action: 'next-related', keys: ['tab'], help: 'highlight the next related article (at the end)'},
	{scope: 'pager', action: 'open', keys: ['enter'], help: 'open the highlighted related article'},
	{scope: 'pager', action: 'open-source', keys: ['o'], help: 'open the original page in the browser'},
	{scope: 'pager', action: 'comments', keys: ['c'], help: 'comments: read them and leave a reply', hint: 'comments'},
	{scope: 'pager', action: 'save', keys: ['s'], help: 'save the article for later (or unsave it)'},
	{scope: 'pager', action: 'toggle-read', keys: ['m'], help: 'mark the article read or unread'},
	{scope: 'pager', action: 'back', keys: ['h', 'left', 'escape'], help: 'back to the list'},

	{scope: 'outline', action: 'open', keys: ['enter', 'l', 'right'], help: 'jump to the subheading', hint: 'jump'},
	{scope: 'outline', action: 'cursor-down', keys: ['j', 'down'], help: 'move down'},
	{scope: 'outline', action: 'cursor-up', keys: ['k', 'up'], help: 'move up'},
	{scope: 'outline', action: 'cursor-first', keys: ['g', 'home'], help: 'first subheading'},
	{scope: 'outline', action: 'cursor-last', keys: ['G', 'end'], help: 'last subheading'},
	{scope: 'outline', action: 'back', keys: ['h', 'left', 'escape', 't'], help: 'back to the article'},

	{scope: 'help', action: 'back', keys: ['escape', 'h', 'left', 'enter'], help: 'close the help'},
	{scope: 'help', action: 'line-down', keys: ['j', 'down', 'space'], help: 'scroll down'},
	{scope: 'help', action: 'line-up', keys: ['k', 'up', 'b'], help: 'scroll up'},

	{scope: 'comments', action: 'reply', keys: ['r', 'c', 'enter'], help: 'leave a reply', hint: 'reply'},
	{scope: 'comments', action: 'cursor-down', keys: ['j', 'down'], help: 'next comment'},
	{scope: 'comments', action: 'cursor-up', keys: ['k', 'up'], help: 'previous comment'},
	{scope: 'comments', action: 'cursor-first', keys: ['g', 'home'], help: 'first comment'},
	{scope: 'comments', action: 'cursor-last', keys: ['G', 'end'], help: 'last comment'},
	{scope: 'comments', action: 'edit', keys: ['e'], help: 'edit the highlighted comment', hint: 'edit'},
	{scope: 'comments', action: 'delete', keys: ['d'], help: 'delete the highlighted comment', hint: 'delete'},
	{scope: 'comments', action: 'back', keys: ['h', 'left', 'escape'], help: 'back to the article'},

	{scope: 'form', action: 'submit', keys: ['ctrl+s'], help: 'post the comment', hint: 'post'},
	{scope: 'form', action: 'next-field', keys: ['tab'], help: 'next field', hint: 'next field'},
	{scope: 'form', action: 'previous-field', keys: ['shift+tab'], help: 'previous field'},
	{scope: 'form', action: 'line-down', keys: ['down'], help: 'next line of the comment, then the next field'},
	{scope: 'form', action: 'line-up', keys: ['up'], help: 'previous line of the comment, or the previous field'},
	{scope: 'form', action: 'new-line', keys: ['enter'], help: 'a new line in the comment; next field in Name; post in Email'},
	{scope: 'form', action: 'delete-back', keys: ['backspace'], help: 'on an empty line of the comment: remove the line'},
	{scope: 'form', action: 'editor', keys: ['ctrl+e'], help: 'write the comment in $VISUAL or $EDITOR', hint: 'editor'},
	{scope: 'form', action: 'cancel', keys: ['escape'], help: 'cancel (asks first when something is written)', hint: 'cancel'},

	{scope: 'confirm', action: 'confirm', keys: ['y', 'Y'], help: 'yes', hint: 'yes'},
	{scope: 'confirm', action: 'cancel', keys: ['n', 'N', 'escape', 'q'], help: 'no', hint: 'no'},
	{scope: 'confirm', action: 'keep-draft', keys: ['k', 'K'], help: 'leave the form, keeping what you wrote as a draft'},

	{scope: 'find', action: 'open', keys: ['enter'], help: 'find the text'},
	{scope: 'find', action: 'back', keys: ['escape'], help: 'cancel'},

	{scope: 'global', action: 'help', keys: ['?'], help: 'help: the keys of this screen', hint: 'help'},
	{scope: 'global', action: 'leave', keys: ['q'], help: 'back (quit from the sections screen)', hint: 'back'},
	{scope: 'global', action: 'quit', keys: ['Q', 'ctrl+c'], help: 'quit at once'},
	{scope: 'global', action: 'search', keys: ['/'], help: 'search every article', hint: 'search'},
];

/** The key name of an Ink key event, in the vocabulary of the table. */
export function keyName(input: string, key: Key): string {
	const named: Array<[boolean, string]> = [
		[key.upArrow, 'up'],
		[key.downArrow, 'down'],
		[key.leftArrow, 'left'],
		[key.rightArrow, 'right'],
		[key.pageDown, 'pagedown'],
		[key.pageUp, 'pageup'],
		[key.home, 'home'],
		[key.end, 'end'],
		[key.return, 'enter'],
		[key.tab && !key.shift, 'tab'],
		[key.tab && key.shift, 'shift+tab'],
		[key.backspace || key.delete, 'backspace'],
	];
	const match = named.find(([pressed]) => pressed);
	if (match) {
		return match[1];
	}

	if (key.escape) {
		return 'escape';
	}

	if (key.ctrl && input) {
		return `ctrl+${input.toLowerCase()}`;
	}

	return input === ' ' ? 'space' : input;
}

/**
 * The action for a key on a screen: the screen's own scopes first, then the global keys.
 * `isActive` lets a screen skip a binding that does not apply now (`n` is next-match only while finding).
 */
export function resolveKey(
	scopes: readonly Scope[],
	name: string,
	isActive: (action: Action) => boolean = () => true,
	includeGlobal = true,
): Action | undefined {
	for (const scope of includeGlobal ? [...scopes, 'global' as const] : scopes) {
		const binding = bindings.find(candidate => candidate.scope === scope && candidate.keys.includes(name) && isActive(candidate.action));
		if (binding) {
			return binding.action;
		}
	}

	return undefined;
}

const keyLabels: Record<string, string> = {
	space: 'Space',
	enter: 'Enter',
	escape: 'Esc',
	pagedown: 'PgDn',
	pageup: 'PgUp',
	home: 'Home',
	end: 'End',
	up: '↑',
	down: '↓',
	left: '←',
	right: '→',
	tab: 'Tab',
	'shift+tab': 'Shift+Tab',
	'ctrl+c': 'Ctrl+C',
	'ctrl+s': 'Ctrl+S',
	'ctrl+e': 'Ctrl+E',
};

/** How a key is written for people: `Space`, `PgDn`, `Ctrl+C`, `j`. */
export function keyLabel(name: string): string {
	return keyLabels[name] ?? name;
}

/** The bindings of a screen followed by the global ones, for the help screen. */
export function helpFor(scopes: readonly Scope[]): Binding[] {
	const own = bindings.filter(binding => scopes.includes(binding.scope));
	const ownKeys = new Set(own.flatMap(binding => binding.keys));
	// A global key the screen uses for something else (`/` finds in the pager) is not listed.
	const global = bindings.filter(binding => binding.scope === 'global' && !binding.keys.every(key => ownKeys.has(key)));
	return [...scopes.flatMap(scope => own.filter(binding => binding.scope === scope)), ...global];
}

/** Status-bar hints for a screen: `Space page`, `? help`. */
export function hintsFor(scopes: readonly Scope[], includeGlobal = true): string[] {
	return helpFor(scopes)
		.filter(binding => includeGlobal || binding.scope !== 'global')
		.filter(binding => binding.hint)
		.filter((binding, index, all) => all.findIndex(other => other.hint === binding.hint) === index)
		.map(binding => `${keyLabel(binding.keys[0] ?? '')} ${binding.hint}`);
}
