// Comments: an append-only JSON Lines log of add / edit / delete events. Each record is one write on
// an O_APPEND handle, fsynced before the caller is told it is saved; a torn last line (a crash
// mid-write) is skipped when reading, never fatal. Every event enters the store through
// eventFromRecord, the one place comment text is sanitized: events read from the log (which may have
// been edited by hand) and events made by add and edit alike.
import {randomUUID} from 'node:crypto';
import {closeSync, fstatSync, fsyncSync, openSync, readFileSync, readSync, statSync, writeSync} from 'node:fs';
import path from 'node:path';
import {sanitizeLine, sanitizeText} from '../core/sanitize.js';
import {makePrivateFolder} from './paths.js';

export type Comment = {
	id: string;
	articleId: string;
	name: string;
	/** Kept, never shown. */
	email: string;
	body: string;
	createdAt: string;
	editedAt?: string;
};

export type CommentEvent =
	| {type: 'add'; id: string; articleId: string; at: string; name: string; email: string; body: string}
	| {type: 'edit'; id: string; articleId: string; at: string; body: string}
	| {type: 'delete'; id: string; articleId: string; at: string};

export type CommentInput = {name: string; email: string; body: string};

/** Field name -> what is wrong with it. Empty when the comment can be posted. */
export type CommentErrors = Partial<Record<keyof CommentInput, string>>;

export const MAX_BODY_LENGTH = 10_000;
export const MAX_NAME_LENGTH = 100;
const emailPattern = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/;

/** Removes control characters and surrounding spaces; keeps line breaks in the body. */
export function cleanCommentInput(input: CommentInput): CommentInput {
	return {name: sanitizeLine(input.name), email: sanitizeLine(input.email), body: cleanBody(input.body)};
}

function cleanBody(body: string): string {
	return sanitizeText(body).replace(/[ \t]+$/gm, '').trim();
}

/** Checks a (cleaned) comment the way a news site's form does. */
export function validateComment(input: CommentInput): CommentErrors {
	const errors: CommentErrors = {};
	if (input.body === '') {
		errors.body = 'Please write a comment.';
	} else if (input.body.length > MAX_BODY_LENGTH) {
		errors.body = `The comment is ${input.body.length.toLocaleString('en')} characters; the limit is ${MAX_BODY_LENGTH.toLocaleString('en')}.`;
	}

	if (input.name === '') {
		errors.name = 'Please give your name.';
	} else if (input.name.length > MAX_NAME_LENGTH) {
		errors.name = `Names are at most ${MAX_NAME_LENGTH} characters.`;
	}

	if (input.email === '') {
		errors.email = 'Please give your email address (it is not published).';
	} else if (!emailPattern.test(input.email)) {
		errors.email = 'That does not look like an email address (name@example.org).';
	}

	return errors;
}

export class CommentValidationError extends Error {
	override name = 'CommentValidationError';
	readonly errors: CommentErrors;

	constructor(errors: CommentErrors) {
		super(Object.values(errors).join(' '));
		this.errors = errors;
	}
}

export type CommentLogOptions = {
	/** The log file (comments.jsonl); created with its folder on the first comment. */
	file: string;
	/** The clock for each event's time. @default () => new Date() */
	now?: () => Date;
	/** Makes the id of a new comment. @default crypto.randomUUID */
	newId?: () => string;
};

export type CommentLog = {
	readonly file: string;
	/** Comments of one article, oldest first (every article's when `articleId` is undefined). */
	list(articleId?: string): Comment[];
	count(articleId: string): number;
	/** Validates, appends, fsyncs: when it returns, the comment is on disk. */
	add(articleId: string, input: CommentInput): Comment;
	edit(id: string, body: string): Comment;
	delete(id: string): void;
	/** Lines that could not be read (a torn last line after a crash). */
	skippedLines(): number;
};

/** Where the log's records live: a file, or memory for tests. */
type LogStorage = {
	/** The whole log, or undefined when nothing changed since `version`. */
	readIfChanged(version: string | undefined): {text: string; version: string} | undefined;
	append(event: CommentEvent): void;
};

export function openCommentLog({file, now, newId}: CommentLogOptions): CommentLog {
	return createCommentLog(file, fileStorage(file), now, newId);
}

/** A comment log in memory only: for tests, and screens that are shown without a data folder. */
export function createMemoryCommentLog(options: Omit<CommentLogOptions, 'file'> = {}): CommentLog {
	const lines: string[] = [];
	return createCommentLog(
		'(memory)',
		{
			readIfChanged: version => (version === String(lines.length) ? undefined : {text: lines.join('\n'), version: String(lines.length)}),
			append(event) {
				lines.push(JSON.stringify(event));
			},
		},
		options.now,
		options.newId,
	);
}

function fileStorage(file: string): LogStorage {
	return {
		readIfChanged(version) {
			let current: string;
			try {
				const {size, mtimeMs} = statSync(file);
				current = `${size}:${mtimeMs}`;
			} catch {
				return version === 'missing' ? undefined : {text: '', version: 'missing'};
			}

			return current === version ? undefined : {text: readFileSync(file, 'utf8'), version: current};
		},
		append(event) {
			appendRecord(file, event);
		},
	};
}

function createCommentLog(file: string, storage: LogStorage, now = () => new Date(), newId: () => string = randomUUID): CommentLog {
	let version: string | undefined;
	let state = {comments: new Map<string, Comment>(), skipped: 0};
	// Counts are asked for every headline on every frame: counted once per change of the log.
	let counts: Map<string, number> | undefined;

	const load = () => {
		const changed = storage.readIfChanged(version);
		if (changed) {
			version = changed.version;
			state = replay(changed.text);
			counts = undefined;
		}

		return state;
	};

	const find = (id: string) => {
		const comment = load().comments.get(id);
		if (!comment) {
			throw new Error(`no comment with id ${id}`);
		}

		return comment;
	};

	return {
		file,
		list(articleId) {
			const all = [...load().comments.values()];
			return (articleId === undefined ? all : all.filter(comment => comment.articleId === articleId)).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
		},
		count(articleId) {
			const {comments} = load();
			if (!counts) {
				counts = new Map();
				for (const comment of comments.values()) {
					counts.set(comment.articleId, (counts.get(comment.articleId) ?? 0) + 1);
				}
			}

			return counts.get(articleId) ?? 0;
		},
		add(articleId, input) {
			// Cleaned the way the log is read, so what is checked is what will be shown.
			const event = eventFromRecord({type: 'add', id: newId(), articleId, at: now().toISOString(), ...input}) as Extract<CommentEvent, {type: 'add'}>;
			const errors = validateComment(event);
			if (Object.keys(errors).length > 0) {
				throw new CommentValidationError(errors);
			}

			storage.append(event);
			return commentFromAdd(event);
		},
		edit(id, body) {
			const comment = find(id);
			const event = eventFromRecord({type: 'edit', id, articleId: comment.articleId, at: now().toISOString(), body}) as Extract<CommentEvent, {type: 'edit'}>;
			const errors = validateComment({name: comment.name, email: comment.email, body: event.body});
			if (errors.body) {
				throw new CommentValidationError({body: errors.body});
			}

			storage.append(event);
			return {...comment, body: event.body, editedAt: event.at};
		},
		delete(id) {
			const comment = find(id);
			storage.append({type: 'delete', id, articleId: comment.articleId, at: now().toISOString()});
		},
		skippedLines: () => load().skipped,
	};
}

/** Appends one record as a single write, after a newline if a crash left the last line torn. */
export function appendRecord(file: string, event: CommentEvent): void {
	makePrivateFolder(path.dirname(file));
	const fd = openSync(file, 'a+', 0o600);
	try {
		const prefix = endsTorn(fd) ? '\n' : '';
		writeSync(fd, `${prefix}${JSON.stringify(event)}\n`);
		fsyncSync(fd);
	} finally {
		closeSync(fd);
	}
}

function endsTorn(fd: number): boolean {
	const {size} = fstatSync(fd);
	if (size === 0) {
		return false;
	}

	const last = Buffer.alloc(1);
	readSync(fd, last, 0, 1, size - 1);
	return last[0] !== 0x0A;
}

/** Folds the log's events into the current comments. */
export function replay(text: string): {comments: Map<string, Comment>; skipped: number} {
	const comments = new Map<string, Comment>();
	let skipped = 0;
	for (const line of text.split('\n')) {
		if (line.trim() === '') {
			continue;
		}

		const event = parseEvent(line);
		if (!event) {
			skipped++;
			continue;
		}

		applyEvent(comments, event);
	}

	return {comments, skipped};
}

function applyEvent(comments: Map<string, Comment>, event: CommentEvent): void {
	switch (event.type) {
		case 'add': {
			comments.set(event.id, commentFromAdd(event));
			break;
		}

		case 'edit': {
			const comment = comments.get(event.id);
			if (comment) {
				comments.set(event.id, {...comment, body: event.body, editedAt: event.at});
			}

			break;
		}

		case 'delete': {
			comments.delete(event.id);
			break;
		}
	}
}

function commentFromAdd(event: Extract<CommentEvent, {type: 'add'}>): Comment {
	return {id: event.id, articleId: event.articleId, name: event.name, email: event.email, body: event.body, createdAt: event.at};
}

function parseEvent(line: string): CommentEvent | undefined {
	let value: unknown;
	try {
		value = JSON.parse(line);
	} catch {
		return undefined;
	}

	return typeof value === 'object' && value !== null ? eventFromRecord(value as Record<string, unknown>) : undefined;
}

/**
 * The event a record stands for, with every text field sanitized, or undefined when it is not one.
 * The one entrance of comment text into the store: the log may have been edited by hand, so what is
 * read is cleaned here, and add and edit clean what they are given here too, before they check it.
 */
function eventFromRecord(record: Record<string, unknown>): CommentEvent | undefined {
	const strings = (...keys: string[]) => keys.every(key => typeof record[key] === 'string');
	if (!strings('type', 'id', 'articleId', 'at')) {
		return undefined;
	}

	const common = {id: sanitizeLine(record['id'] as string), articleId: sanitizeLine(record['articleId'] as string), at: sanitizeLine(record['at'] as string)};
	switch (record['type']) {
		case 'add': {
			return strings('name', 'email', 'body')
				? {type: 'add', ...common, ...cleanCommentInput({name: record['name'] as string, email: record['email'] as string, body: record['body'] as string})}
				: undefined;
		}

		case 'edit': {
			return strings('body') ? {type: 'edit', ...common, body: cleanBody(record['body'] as string)} : undefined;
		}

		case 'delete': {
			return {type: 'delete', ...common};
		}

		default: {
			return undefined;
		}
	}
}
