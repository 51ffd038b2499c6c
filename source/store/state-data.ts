// What the reading-state file holds and how it is read without conf: its types, the checks of its
// entries (the schema, by hand), and the read-only look at its read and saved ids that commands and feed
// refreshes take (so they load neither conf nor the lock). state-file.ts opens it for changes.
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {sanitizeLine} from '../core/sanitize.js';

/** Where the reader stopped: a block (survives any resize), how far, and the exact top line at the width it was read at. */
export type Position = {block: number; percent: number; at: number; line?: number; width?: number};
export type Draft = {body: string; name: string; email: string; updatedAt: number};
export type Commenter = {name: string; email: string};

/** What the state file holds. Ids are keys, so conf's dot notation is off (ids and URLs have dots). */
export type StateData = {
	/** Article id -> when it was marked read (ms). */
	read: Record<string, number>;
	positions: Record<string, Position>;
	/** Article id -> when it was saved (ms). */
	saved: Record<string, number>;
	lastRead: string | null;
	commenter: Commenter | null;
	/** Article id -> an unfinished comment. */
	drafts: Record<string, Draft>;
};

/** The state file's format version, for conf migrations. */
export const STATE_VERSION = '1.0.0';

/**
 * The checks of one value of each kind, by hand: what a JSON schema would say, without compiling one
 * at every start (ajv took a fifth of the start-up). Each returns the problems with the value, in the
 * words of JSON Schema validators (`percent must be <= 100`), or none.
 */
type Check = (value: unknown) => string[];

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

type FieldRule = {type: 'number' | 'integer' | 'string'; minimum?: number; maximum?: number};

function fieldProblems(name: string, value: unknown, rule: FieldRule): string[] {
	if (rule.type === 'string') {
		return typeof value === 'string' ? [] : [`${name} must be string`];
	}

	if (typeof value !== 'number' || (rule.type === 'integer' && !Number.isInteger(value))) {
		return [`${name} must be ${rule.type}`];
	}

	return [
		...(rule.minimum !== undefined && value < rule.minimum ? [`${name} must be >= ${rule.minimum}`] : []),
		...(rule.maximum !== undefined && value > rule.maximum ? [`${name} must be <= ${rule.maximum}`] : []),
	];
}

/** An object with these fields (`required` ones must be there; others are free). */
function objectCheck(fields: Record<string, FieldRule>, required: readonly string[], {nullable = false} = {}): Check {
	return value => {
		if (nullable && value === null) {
			return [];
		}

		if (!isObject(value)) {
			return [`value must be object${nullable ? ',null' : ''}`];
		}

		return [
			...required.filter(name => !Object.hasOwn(value, name)).map(name => `value must have required property '${name}'`),
			...Object.entries(fields).flatMap(([name, rule]) => (Object.hasOwn(value, name) ? fieldProblems(name, value[name], rule) : [])),
		];
	};
}

const timestamp: Check = value => fieldProblems('value', value, {type: 'number'});
const entryChecks = {
	read: timestamp,
	saved: timestamp,
	positions: objectCheck({
		block: {type: 'integer', minimum: 0},
		percent: {type: 'number', minimum: 0, maximum: 100},
		at: {type: 'number'},
		line: {type: 'integer', minimum: 0},
		width: {type: 'integer', minimum: 1},
	}, ['block', 'percent']),
	drafts: objectCheck({body: {type: 'string'}, name: {type: 'string'}, email: {type: 'string'}, updatedAt: {type: 'number'}}, ['body', 'name', 'email']),
} satisfies Record<string, Check>;
const valueChecks = {
	lastRead: (value: unknown) => (value === null || typeof value === 'string' ? [] : ['value must be string,null']),
	commenter: objectCheck({name: {type: 'string'}, email: {type: 'string'}}, ['name', 'email'], {nullable: true}),
} satisfies Record<string, Check>;

/** Every problem of a whole state (as conf's schema check would report it), or none. */
export function stateProblems(value: unknown): string[] {
	if (!isObject(value)) {
		return ['value must be object'];
	}

	return [
		...Object.entries(entryChecks).flatMap(([key, check]) => {
			const items = value[key];
			if (items === undefined) {
				return [];
			}

			return isObject(items) ? Object.entries(items).flatMap(([id, item]) => check(item).map(problem => `${key}[${JSON.stringify(shownId(id))}]: ${problem}`)) : [`${key}: not an object`];
		}),
		...Object.entries(valueChecks).flatMap(([key, check]) => (value[key] === undefined ? [] : check(value[key]).map(problem => `${key}: ${problem}`))),
	];
}

/**
 * Why the file's text cannot be a state file at all (not JSON, not an object), or undefined. conf
 * would turn an array into an object and accept it; everything else stateProblems checks when conf opens it.
 */
export function stateFileProblem(text: string): string | undefined {
	let value: unknown;
	try {
		value = JSON.parse(withoutBom(text));
	} catch (error) {
		return `not valid JSON: ${(error as Error).message}`;
	}

	return value === null || typeof value !== 'object' || Array.isArray(value) ? 'not a JSON object' : undefined;
}

export function emptyState(): StateData {
	return {read: {}, positions: {}, saved: {}, lastRead: null, commenter: null, drafts: {}};
}
/**
 * The ids of the saved articles in `dir`'s state file, read without the lock and without writing
 * anything: for a process that only must not remove them. None when there is no file; undefined when
 * it cannot be read or is not a state file, so a caller removes nothing it cannot tell is unsaved.
 */
export function readSavedIds(dir: string): Set<string> | undefined {
	return readIdsOf(dir, 'saved');
}

/**
 * The ids of the articles marked read in `dir`'s state file, read as `readSavedIds` does (no lock, no
 * write): for the commands that show read marks. Empty when there is no file; undefined when it cannot be read.
 */
export function readReadIds(dir: string): Set<string> | undefined {
	return readIdsOf(dir, 'read');
}

function readIdsOf(dir: string, key: 'read' | 'saved'): Set<string> | undefined {
	let text: string;
	try {
		text = readFileSync(path.join(dir, 'config.json'), 'utf8');
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'ENOENT' ? new Set() : undefined;
	}

	if (stateFileProblem(text) !== undefined) {
		return undefined;
	}

	const ids = repairState(JSON.parse(withoutBom(text)) as Record<string, unknown>).state[key];
	return new Set(typeof ids === 'object' && ids !== null ? Object.keys(ids) : []);
}

export const BOM = '\uFEFF';

export function withoutBom(text: string): string {
	return text.startsWith(BOM) ? text.slice(BOM.length) : text;
}

/**
 * The file's value with each entry the schema refuses left out (a value that is not even an object
 * becomes empty, a bad last-read or commenter null, a format version conf cannot read is dropped so
 * conf writes its own), and a description of each entry left out. Other keys are kept as they are.
 */
export function repairState(value: Record<string, unknown>): {state: Record<string, unknown>; dropped: string[]} {
	const state: Record<string, unknown> = {...value};
	const dropped: string[] = [];
	for (const [key, check] of Object.entries(entryChecks)) {
		const items = value[key];
		if (items === undefined) {
			continue;
		}

		if (!isObject(items)) {
			dropped.push(`${key}: not an object`);
			state[key] = {};
			continue;
		}

		const kept = Object.entries(items).filter(([id, item]) => {
			const problems = check(item);
			if (problems.length === 0) {
				return true;
			}

			dropped.push(`${key}[${JSON.stringify(shownId(id))}]: ${problems.join(', ')}`);
			return false;
		});
		// fromEntries: an id such as "__proto__" stays an entry.
		state[key] = Object.fromEntries(kept);
	}

	for (const [key, check] of Object.entries(valueChecks)) {
		const problems = value[key] === undefined ? [] : check(value[key]);
		if (problems.length > 0) {
			dropped.push(`${key}: ${problems.join(', ')}`);
			state[key] = null;
		}
	}

	const internal = value['__internal__'];
	const version = isObject(internal) && isObject(internal['migrations']) ? internal['migrations']['version'] : undefined;
	if (internal !== undefined && (typeof version !== 'string' || !/^\d+\.\d+\.\d+$/.test(version))) {
		dropped.push('the format version');
		delete state['__internal__'];
	}

	return {state, dropped};
}

/** An id as it may be shown in a message: sanitized, and cut short. */
function shownId(id: string): string {
	const line = sanitizeLine(id);
	return line.length > 60 ? `${line.slice(0, 59)}…` : line;
}
