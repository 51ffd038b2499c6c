// The one key table: every key, the action it triggers on which screen, and its help text.
// The help screen, the status-bar hints and what a key does are all read from it, so they cannot disagree.
import type {Key} from 'ink';
import type {PagerMove, Screen} from './navigation.js';
import {glyphs} from './theme.js';

/** A group of bindings: one screen, or one mode of a screen (the comment form), or `global`. */
export type Scope = 'global' | 'list' | 'sections' | 'headlines' | 'pager' | 'outline' | 'help' | 'find' | 'search' | 'add-feed' | 'comments' | 'form' | 'confirm';
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
	| 'cursor-half-page-down'
	| 'cursor-half-page-up'
	| 'open'
	| 'toggle-read'
	| 'outline'
	| 'next-article'
	| 'next-unread'
	| 'undo'
	| 'previous-article'
	| 'next-related'
	| 'open-source'
	| 'comments'
	| 'save'
	| 'find'
	| 'clear-find'
	| 'mark-all-read'
	| 'refresh'
	| 'refresh-all'
	| 'add-feed'
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
	| 'keep-draft'
	| 'history-previous'
	| 'history-next';

/** What a screen reports about itself with each key, for bindings that depend on it. */
export type Flag = 'finding';

/** The flags that hold now; a missing flag is false. */
export type Flags = Readonly<Partial<Record<Flag, boolean>>>;

/** A binding's condition: a flag that must hold (`finding`) or must not (`!finding`). */
export type Condition = Flag | `!${Flag}`;

export type Binding = {
	scope: Scope;
	action: Action;
	/** Key names as produced by `keyName`: `j`, `space`, `pagedown`, `ctrl+c`, `enter`, `escape`. */
	keys: readonly string[];
	/** One line for the help screen. */
	help: string;
	/** A short label for the status bar; bindings without one are only in the help. */
	hint?: string;
	/** The binding applies only while this holds. @default always */
	when?: Condition;
};

/** How a scope is titled in the help, and which global keys work in it. */
export type ScopeInfo = {
	title: string;
	/** `all` global keys, `none` (text is typed here), or all but these actions. */
	global: 'all' | 'none' | {except: readonly Action[]};
};

export const scopeInfo: Readonly<Record<Scope, ScopeInfo>> = {
	list: {title: 'Lists', global: 'all'},
	sections: {title: 'Sections', global: 'all'},
	headlines: {title: 'Headlines', global: 'all'},
	pager: {title: 'Reading an article', global: 'all'},
	outline: {title: 'Outline', global: 'all'},
	// The help of the help would only list these same keys again.
	help: {title: 'Help', global: {except: ['help']}},
	find: {title: 'Finding in the article', global: 'none'},
	search: {title: 'Typing a search', global: 'none'},
	'add-feed': {title: 'Typing a feed address', global: 'none'},
	// The comments screen never searched (it used to drop / after the table resolved it): now the table says so.
	comments: {title: 'Comments', global: {except: ['search']}},
	form: {title: 'Writing a comment', global: 'none'},
	confirm: {title: 'Questions', global: 'none'},
	global: {title: 'Everywhere', global: 'all'},
};

/** The scopes a screen (or a mode of one) resolves its keys with; screens take theirs from here. */
export const screenScopes = {
	sections: ['list', 'sections'],
	headlines: ['list', 'headlines'],
	article: ['pager'],
	outline: ['outline'],
	help: ['help'],
	search: ['search'],
	addFeed: ['add-feed'],
	find: ['find'],
	comments: ['comments'],
	commentForm: ['form'],
	commentQuestion: ['confirm'],
} as const satisfies Record<string, readonly Scope[]>;

/**
 * The modes of each screen, for its help: the comments screen shows its list, its form or a question.
 */
export const screenModes: Readonly<Record<Screen['name'], ReadonlyArray<readonly Scope[]>>> = {
	sections: [screenScopes.sections],
	headlines: [screenScopes.headlines],
	article: [screenScopes.article],
	outline: [screenScopes.outline],
	help: [screenScopes.help],
	search: [screenScopes.search],
	'add-feed': [screenScopes.addFeed],
	find: [screenScopes.find],
	comments: [screenScopes.comments, screenScopes.commentForm, screenScopes.commentQuestion],
};

const conditionText: Record<Condition, string> = {
	finding: 'while a find is active',
	'!finding': 'when no find is active',
};

/** The help line of a binding, with its condition: `next match (while a find is active)`. */
export function helpText(binding: Binding): string {
	return binding.when ? `${binding.help} (${conditionText[binding.when]})` : binding.help;
}

/** Names of keys that are not a single printable character. */
const namedKeys = new Set(['space', 'enter', 'escape', 'tab', 'shift+tab', 'backspace', 'up', 'down', 'left', 'right', 'pageup', 'pagedown', 'home', 'end']);

/** True for a name `keyName` can produce: a named key, `ctrl+` a letter, or one printable character. */
export function isKeyName(name: string): boolean {
	return namedKeys.has(name) || /^ctrl\+[a-z]$/.test(name) || /^[\u0021-\u007E]$/.test(name);
}

function canHoldTogether(a: Condition | undefined, b: Condition | undefined): boolean {
	return a === undefined || b === undefined || a === b || (a !== `!${b}` && b !== `!${a}`);
}

/**
 * Checks a key table and returns it: every key name must be one `keyName` produces (a typo such as
 * `pagedwn` would otherwise be a key nobody can press), and no key may mean two things in one scope
 * at the same time.
 */
export function defineBindings(table: readonly Binding[]): readonly Binding[] {
	for (const [index, binding] of table.entries()) {
		const where = `${binding.scope} binding for ${binding.action}`;
		for (const name of binding.keys) {
			if (!isKeyName(name)) {
				throw new Error(`Unknown key name "${name}" in the ${where}`);
			}
		}

		if (binding.keys.length === 0 || new Set(binding.keys).size !== binding.keys.length) {
			throw new Error(`The ${where} needs its keys, each once`);
		}

		for (const other of table.slice(0, index)) {
			const shared = other.keys.find(name => binding.keys.includes(name));
			if (other.scope === binding.scope && shared !== undefined && canHoldTogether(other.when, binding.when)) {
				throw new Error(`Key "${shared}" is bound to both ${other.action} and ${binding.action} in the ${binding.scope} scope`);
			}
		}
	}

	return table;
}

export const bindings: readonly Binding[] = defineBindings([
	{scope: 'list', action: 'open', keys: ['enter', 'l', 'right'], help: 'open the highlighted item', hint: 'open'},
	{scope: 'list', action: 'cursor-down', keys: ['j', 'down'], help: 'move down', hint: 'move'},
	{scope: 'list', action: 'cursor-up', keys: ['k', 'up'], help: 'move up'},
	{scope: 'list', action: 'cursor-first', keys: ['g', 'home'], help: 'first item'},
	{scope: 'list', action: 'cursor-last', keys: ['G', 'end'], help: 'last item'},
	{scope: 'list', action: 'cursor-page-down', keys: ['pagedown', 'space', 'ctrl+f'], help: 'next screenful'},
	{scope: 'list', action: 'cursor-page-up', keys: ['pageup', 'b', 'ctrl+b'], help: 'previous screenful'},
	{scope: 'list', action: 'cursor-half-page-down', keys: ['ctrl+d'], help: 'half a screenful down'},
	{scope: 'list', action: 'cursor-half-page-up', keys: ['ctrl+u'], help: 'half a screenful up'},

	{scope: 'list', action: 'refresh', keys: ['r'], help: 'refresh the feeds of this section now'},
	{scope: 'list', action: 'refresh-all', keys: ['R'], help: 'refresh every feed that is due', hint: 'refresh'},
	{scope: 'list', action: 'add-feed', keys: ['a'], help: 'add a feed (its address, or a page naming one)'},

	{scope: 'sections', action: 'mark-all-read', keys: ['M'], help: 'mark every article of the highlighted entry read'},
	// The first screen: q leaves it as on every screen, and that quits, so its hint says so.
	{scope: 'sections', action: 'leave', keys: ['q'], help: 'quit', hint: 'quit'},

	{scope: 'headlines', action: 'back', keys: ['h', 'left', 'escape'], help: 'back'},
	{scope: 'headlines', action: 'toggle-read', keys: ['m'], help: 'mark the highlighted article read or unread'},
	{scope: 'headlines', action: 'mark-all-read', keys: ['M'], help: 'mark every article of the list read'},
	{scope: 'headlines', action: 'next-unread', keys: ['U'], help: 'open the next unread article (from the highlighted one)'},
	{scope: 'headlines', action: 'save', keys: ['s'], help: 'save the highlighted article for later (or unsave it)'},
	{scope: 'headlines', action: 'undo', keys: ['u'], help: 'undo: put the article just unsaved back in Saved'},

	{scope: 'pager', action: 'page-down', keys: ['space', 'f', 'pagedown', 'ctrl+f'], help: 'next page', hint: 'page'},
	{scope: 'pager', action: 'page-up', keys: ['b', 'pageup', 'ctrl+b'], help: 'previous page'},
	{scope: 'pager', action: 'line-down', keys: ['j', 'down'], help: 'one line down'},
	{scope: 'pager', action: 'line-up', keys: ['k', 'up'], help: 'one line up'},
	{scope: 'pager', action: 'half-page-down', keys: ['d', 'ctrl+d'], help: 'half a page down'},
	{scope: 'pager', action: 'half-page-up', keys: ['u', 'ctrl+u'], help: 'half a page up'},
	{scope: 'pager', action: 'top', keys: ['g', 'home'], help: 'top of the article'},
	{scope: 'pager', action: 'bottom', keys: ['G', 'end'], help: 'end of the article'},
	{scope: 'pager', action: 'next-subheading', keys: [']'], help: 'next subheading', hint: 'section'},
	{scope: 'pager', action: 'previous-subheading', keys: ['['], help: 'previous subheading'},
	{scope: 'pager', action: 'outline', keys: ['t'], help: 'outline: the subheadings', hint: 'outline'},
	{scope: 'pager', action: 'next-article', keys: ['n'], help: 'next article in the list', when: '!finding'},
	{scope: 'pager', action: 'previous-article', keys: ['p'], help: 'previous article in the list'},
	// newsboat's J and K, which work while a find is active too.
	{scope: 'pager', action: 'next-article', keys: ['J'], help: 'next article in the list'},
	{scope: 'pager', action: 'previous-article', keys: ['K'], help: 'previous article in the list'},
	{scope: 'pager', action: 'next-unread', keys: ['U'], help: 'next unread article in the list'},
	{scope: 'pager', action: 'next-match', keys: ['n'], help: 'next match', when: 'finding'},
	{scope: 'pager', action: 'previous-match', keys: ['N'], help: 'previous match', when: 'finding'},
	{scope: 'pager', action: 'find', keys: ['/'], help: 'find text in this article', hint: 'find'},
	{scope: 'pager', action: 'clear-find', keys: ['escape'], help: 'clear the find', when: 'finding'},
	{scope: 'pager', action: 'next-related', keys: ['tab'], help: 'highlight the next related article (at the end)'},
	{scope: 'pager', action: 'open', keys: ['enter'], help: 'open the highlighted related article'},
	{scope: 'pager', action: 'open-source', keys: ['o'], help: 'open the original page in the browser'},
	{scope: 'pager', action: 'comments', keys: ['c'], help: 'comments: read them and leave a reply', hint: 'comments'},
	{scope: 'pager', action: 'save', keys: ['s'], help: 'save the article for later (or unsave it)'},
	{scope: 'pager', action: 'toggle-read', keys: ['m'], help: 'mark the article read or unread'},
	{scope: 'pager', action: 'back', keys: ['h', 'left'], help: 'back to the list'},
	{scope: 'pager', action: 'back', keys: ['escape'], help: 'back to the list', when: '!finding'},

	{scope: 'outline', action: 'open', keys: ['enter', 'l', 'right'], help: 'jump to the subheading', hint: 'jump'},
	{scope: 'outline', action: 'cursor-down', keys: ['j', 'down'], help: 'move down'},
	{scope: 'outline', action: 'cursor-up', keys: ['k', 'up'], help: 'move up'},
	{scope: 'outline', action: 'cursor-first', keys: ['g', 'home'], help: 'first subheading'},
	{scope: 'outline', action: 'cursor-last', keys: ['G', 'end'], help: 'last subheading'},
	{scope: 'outline', action: 'back', keys: ['h', 'left', 'escape', 't'], help: 'back to the article'},

	{scope: 'help', action: 'back', keys: ['escape', 'h', 'left', 'enter'], help: 'close the help'},
	{scope: 'help', action: 'line-down', keys: ['j', 'down'], help: 'scroll down'},
	{scope: 'help', action: 'line-up', keys: ['k', 'up'], help: 'scroll up'},
	{scope: 'help', action: 'page-down', keys: ['space', 'f', 'pagedown', 'ctrl+f'], help: 'next page'},
	{scope: 'help', action: 'page-up', keys: ['b', 'pageup', 'ctrl+b'], help: 'previous page'},
	{scope: 'help', action: 'half-page-down', keys: ['d', 'ctrl+d'], help: 'half a page down'},
	{scope: 'help', action: 'half-page-up', keys: ['u', 'ctrl+u'], help: 'half a page up'},
	{scope: 'help', action: 'top', keys: ['g', 'home'], help: 'top of the help'},
	{scope: 'help', action: 'bottom', keys: ['G', 'end'], help: 'end of the help'},

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

	{scope: 'find', action: 'open', keys: ['enter'], help: 'find the text', hint: 'find'},
	{scope: 'find', action: 'back', keys: ['escape'], help: 'cancel', hint: 'cancel'},
	{scope: 'find', action: 'history-previous', keys: ['up'], help: 'the text found before (this session)'},
	{scope: 'find', action: 'history-next', keys: ['down'], help: 'the text found after it, or back to what you typed'},

	{scope: 'search', action: 'open', keys: ['enter'], help: 'list the articles that match', hint: 'search'},
	{scope: 'search', action: 'back', keys: ['escape'], help: 'cancel', hint: 'cancel'},
	{scope: 'search', action: 'history-previous', keys: ['up'], help: 'the search before (this session)'},
	{scope: 'search', action: 'history-next', keys: ['down'], help: 'the search after it, or back to what you typed'},

	{scope: 'add-feed', action: 'open', keys: ['enter'], help: 'subscribe (the feed is fetched in the background)', hint: 'subscribe'},
	{scope: 'add-feed', action: 'back', keys: ['escape'], help: 'cancel', hint: 'cancel'},

	{scope: 'global', action: 'help', keys: ['?'], help: 'help: the keys of this screen', hint: 'help'},
	{scope: 'global', action: 'leave', keys: ['q'], help: 'back (quit from the sections screen)', hint: 'back'},
	{scope: 'global', action: 'quit', keys: ['Q', 'ctrl+c'], help: 'quit at once'},
	{scope: 'global', action: 'search', keys: ['/'], help: 'search every article', hint: 'search'},
]);

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

/** True when a global binding works on a screen in these scopes: every one of them lets it through. */
function globalApplies(scopes: readonly Scope[], binding: Binding): boolean {
	return scopes.every(scope => {
		const {global} = scopeInfo[scope];
		return global === 'all' || (global !== 'none' && !global.except.includes(binding.action));
	});
}

function holds(condition: Condition | undefined, flags: Flags): boolean {
	if (condition === undefined) {
		return true;
	}

	return condition.startsWith('!') ? !flags[condition.slice(1) as Flag] : Boolean(flags[condition as Flag]);
}

/**
 * The binding a key triggers on a screen in these scopes, with these flags: the screen's own scopes
 * first (in order), then the global keys that apply there.
 */
export function resolveBinding(scopes: readonly Scope[], name: string, flags: Flags = {}): Binding | undefined {
	for (const scope of [...scopes, 'global' as const]) {
		const binding = bindings.find(candidate => candidate.scope === scope && candidate.keys.includes(name) && holds(candidate.when, flags));
		if (binding && (scope !== 'global' || globalApplies(scopes, binding))) {
			return binding;
		}
	}

	return undefined;
}

/** The action a key triggers on a screen in these scopes (see resolveBinding). */
export function resolveKey(scopes: readonly Scope[], name: string, flags: Flags = {}): Action | undefined {
	return resolveBinding(scopes, name, flags)?.action;
}

/** Every way the flags can be set that meets a condition. */
function flagsMeeting(condition: Condition | undefined): Flags[] {
	return [{finding: false}, {finding: true}].filter(flags => holds(condition, flags));
}

/**
 * The bindings of a screen in these scopes, then the global ones that apply there, each with only the
 * keys that really trigger it (a global key the screen uses for something else is left out).
 */
export function helpFor(scopes: readonly Scope[]): Binding[] {
	const candidates = [...scopes, 'global' as const].flatMap(scope => bindings.filter(binding => binding.scope === scope));
	return candidates
		.map(binding => ({...binding, keys: binding.keys.filter(name => flagsMeeting(binding.when).some(flags => resolveBinding(scopes, name, flags) === binding))}))
		.filter(binding => binding.keys.length > 0);
}

/** Status-bar hints for a screen with these flags: `Space page`, `? help`. */
export function hintsFor(scopes: readonly Scope[], flags: Flags = {}): string[] {
	return hintBindings(scopes, flags).map(binding => `${keyLabel(binding.keys[0] ?? '')} ${binding.hint}`);
}

// The table never changes: each screen's hints are looked up once, not on every frame (a list draws one per key).
const hintCache = new WeakMap<readonly Scope[], Map<string, ReturnType<typeof helpFor>>>();

function hintBindings(scopes: readonly Scope[], flags: Flags): ReturnType<typeof helpFor> {
	const flagsKey = JSON.stringify(Object.entries(flags).sort());
	let byFlags = hintCache.get(scopes);
	if (!byFlags) {
		byFlags = new Map();
		hintCache.set(scopes, byFlags);
	}

	let hinted = byFlags.get(flagsKey);
	if (!hinted) {
		hinted = helpFor(scopes)
			.filter(binding => binding.hint && holds(binding.when, flags))
			.filter((binding, index, all) => all.findIndex(other => other.hint === binding.hint) === index);
		byFlags.set(flagsKey, hinted);
	}

	return hinted;
}

const keyLabels: Record<string, string> = {
	space: 'Space',
	enter: 'Enter',
	escape: 'Esc',
	backspace: 'Backspace',
	pagedown: 'PgDn',
	pageup: 'PgUp',
	home: 'Home',
	end: 'End',
	tab: 'Tab',
	'shift+tab': 'Shift+Tab',
};

/** An arrow key as the locale can show it (`↑`, or `Up`). */
function arrowLabel(name: string): string | undefined {
	return name === 'up' || name === 'down' || name === 'left' || name === 'right' ? glyphs[name] : undefined;
}

/** How a key is written for people: `Space`, `PgDn`, `Ctrl+C`, `j`. */
export function keyLabel(name: string): string {
	const ctrl = /^ctrl\+([a-z])$/.exec(name);
	return ctrl ? `Ctrl+${ctrl[1]!.toUpperCase()}` : (arrowLabel(name) ?? keyLabels[name] ?? name);
}
