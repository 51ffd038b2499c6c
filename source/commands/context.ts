// What subcommands share: their type, how they write lines and decide on colour, and the read marks.
import {visibleControls} from '../core/sanitize.js';
import type {CommandContext, Output} from '../context.js';
import {noColourRequested} from '../theme.js';
import {readReadIds} from '../store/state-data.js';

/** A subcommand: does its work with the context and returns the exit code. */
export type Command = (context: CommandContext) => number | Promise<number>;

/** Writes lines to an output, each ending in a newline (nothing for no lines). */
export function writeLines(output: Output, lines: readonly string[]): void {
	if (lines.length > 0) {
		output.write(`${lines.join('\n')}\n`);
	}
}

/** True when bold, underline and inverse may be used on this output (a terminal, and not TERM=dumb). */
export function attributesWanted(output: Output, env: Record<string, string | undefined>): boolean {
	return Boolean(output.isTTY) && env['TERM'] !== 'dumb';
}

/** True when colour may be used on this output (a terminal, and neither NO_COLOR nor TERM=dumb set). */
export function colourWanted(output: Output, env: Record<string, string | undefined>): boolean {
	return Boolean(output.isTTY) && !noColourRequested(env) && env['TERM'] !== 'dumb';
}

// JSON.stringify escapes C0 controls in strings but writes DEL, C1 controls and bidirectional overrides as they are.
const unescapedInJson = /[\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

/** Writes a value as indented JSON with every control character escaped (`\u009b`): still the same value, safe on a terminal. */
export function writeJson(output: Output, value: unknown): void {
	output.write(`${safeJson(JSON.stringify(value, null, 2))}\n`);
}

export type JsonArrayOptions<T> = {
	/**
	 * Whether an item may hold a character JSON.stringify leaves as it is (DEL, C1 controls, bidirectional
	 * overrides); the JSON of the items around one that may is escaped. @default every item may
	 */
	mayHoldControls?: (item: T) => boolean;
};

/** Whether text holds a character JSON.stringify leaves unescaped that writeJson escapes. */
export function holdsUnescapedControls(text: string): boolean {
	unescapedInJson.lastIndex = 0;
	return unescapedInJson.test(text);
}

/** How many items `writeJsonArray` turns into JSON at a time. */
const JSON_CHUNK_ITEMS = 500;

/**
 * Writes an array as `writeJson` does, byte for byte, a few hundred items at a time: a list of 10,000
 * articles is never one string of megabytes (nor a copy of it with controls escaped).
 */
export function writeJsonArray<T>(output: Output, items: readonly T[], json: (item: T) => unknown, {mayHoldControls = () => true}: JsonArrayOptions<T> = {}): void {
	if (items.length === 0) {
		output.write('[]\n');
		return;
	}

	for (let start = 0; start < items.length; start += JSON_CHUNK_ITEMS) {
		// `[\n  item,\n  item\n]`: the items as the whole array's JSON has them, between its first and last line.
		const slice = items.slice(start, start + JSON_CHUNK_ITEMS);
		const text = JSON.stringify(slice.map(item => json(item)), null, 2);
		const chunk = slice.some(item => mayHoldControls(item)) ? safeJson(text) : text;
		const last = start + JSON_CHUNK_ITEMS >= items.length;
		output.write(`${start === 0 ? '[\n' : ',\n'}${chunk.slice(2, -2)}${last ? '\n]\n' : ''}`);
	}
}

/**
 * Writes an array whose items are already JSON (`listJson`'s pieces: UTF-8, items indented as
 * JSON.stringify(array, null, 2) has them, joined by `,\n`): the bytes of `writeJsonArray`, control
 * characters escaped. A piece with none is written as it is, never made a string.
 */
export function writeJsonPieces(output: Output, pieces: readonly Uint8Array[]): void {
	if (pieces.length === 0) {
		output.write('[]\n');
		return;
	}

	for (const [index, piece] of pieces.entries()) {
		output.write(index === 0 ? '[\n' : ',\n');
		const bytes = Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength);
		output.write(holdsUtf8Unescaped(bytes) ? safeJson(bytes.toString('utf8')) : bytes);
	}

	output.write('\n]\n');
}

const c2 = Buffer.from([0xC2]);
const e280 = Buffer.from([0xE2, 0x80]);
const e281 = Buffer.from([0xE2, 0x81]);

/**
 * Whether UTF-8 holds a character writeJson escapes (`unescapedInJson`): DEL, a C1 control (C2 80-9F),
 * a bidirectional override (E2 80 AA-AE, E2 81 A6-A9). Searched in the bytes, with no copy as a string
 * (a Latin-1 copy of every piece took 30-40 ms at 10,000 articles).
 */
function holdsUtf8Unescaped(bytes: Buffer): boolean {
	return bytes.includes(0x7F)
		|| followedByIn(bytes, c2, 0x80, 0x9F)
		|| followedByIn(bytes, e280, 0xAA, 0xAE)
		|| followedByIn(bytes, e281, 0xA6, 0xA9);
}

/** Whether `lead` occurs in `bytes` followed by a byte from `low` to `high`. */
function followedByIn(bytes: Buffer, lead: Buffer, low: number, high: number): boolean {
	for (let at = bytes.indexOf(lead); at !== -1; at = bytes.indexOf(lead, at + 1)) {
		const next = bytes[at + lead.length];
		if (next !== undefined && next >= low && next <= high) {
			return true;
		}
	}

	return false;
}

/** A value as one line of JSON (for `--json-lines`), control characters escaped as by writeJson. */
export function jsonLine(value: unknown): string {
	return safeJson(JSON.stringify(value));
}

function safeJson(json: string): string {
	// Most text has none of them: tested first, so that no copy is made.
	if (!holdsUnescapedControls(json)) {
		return json;
	}

	unescapedInJson.lastIndex = 0;
	return json.replace(unescapedInJson, character => `\\u${character.codePointAt(0)?.toString(16).padStart(4, '0')}`);
}

/**
 * An output for messages: any control character in what is written (a typed id, a path in a system
 * error) is shown as a visible escape; newlines still end lines.
 */
export function messageOutput(output: Output): Output {
	return {
		write: text => output.write(visibleControls(typeof text === 'string' ? text : Buffer.from(text).toString('utf8'), {keepNewlines: true})),
		isTTY: output.isTTY,
		columns: output.columns,
	};
}

/**
 * The ids of the articles read, from the state file without locking or writing it; when it cannot be
 * read, a line on stderr says so and every article counts as unread.
 */
export function readArticleIds(context: Pick<CommandContext, 'stateDir' | 'stderr'>): ReadonlySet<string> {
	const ids = readReadIds(context.stateDir);
	if (ids === undefined) {
		context.stderr.write(`newsread: the reading state in ${context.stateDir} cannot be read; every article is shown as unread\n`);
	}

	return ids ?? new Set();
}
