// Comments: an append-only JSON Lines log of add / edit / delete events. Each record is appended on an
// O_APPEND handle until every byte is written, and fsynced, before the caller is told it is saved; an
// append that cannot complete is cut back off and reported. The log is read as a stream of lines, only
// what was appended since the last read; a torn last line (a crash mid-write) or a damaged line is
// skipped when reading, never fatal, and a log that cannot be read leaves the reader without comments. Every event enters the store through
// eventFromRecord, the one place comment text is sanitized: events read from the log (which may have
// been edited by hand) and events made by add and edit alike.
import {closeSync, constants, fstatSync, fsyncSync, ftruncateSync, openSync, readSync, statSync} from 'node:fs';
import path from 'node:path';
import {sanitizeLine, sanitizeText} from '../core/sanitize.js';
import {writeFully} from './atomic-write.js';
import {makePrivateFolder, NotAFolderError} from './paths.js';

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
	/** Every article's comment count as the log is now: one look at the file for a screenful of rows. */
	counts(): (articleId: string) => number;
	/** Validates, appends, fsyncs: when it returns, every byte of the comment is on disk. Throws CommentSaveError when it cannot be. */
	add(articleId: string, input: CommentInput): Comment;
	edit(id: string, body: string): Comment;
	delete(id: string): void;
	/** Lines that could not be read (a torn last line after a crash, a damaged or overlong line). */
	skippedLines(): number;
	/** Why the log cannot be read (it is a folder, it may not be read), or undefined when it can. */
	problem(): string | undefined;
};

/** A comment that could not be written completely: the log was put back as it was before. */
export class CommentSaveError extends Error {
	override name = 'CommentSaveError';
}

/** A line longer than this is damaged (a real record is at most ~70 KB): it is skipped without being built as a string. */
export const MAX_RECORD_BYTES = 1024 * 1024;
/** How much of the log is read at a time. */
const READ_CHUNK_BYTES = 1024 * 1024;

/** Receives the log's lines as they are read. */
type LineVisitor = {
	/** What was read before is void (the file was replaced, shortened or rewritten): start again. */
	restart(): void;
	/** One complete line, without its newline (possibly blank). */
	line(text: string): void;
	/** One complete line that was too long to be a record. */
	damaged(): void;
};

/** Where the log's records live: a file, or memory for tests. */
type LogStorage = {
	/** Hands what was written since the last call to `visitor` (nothing when the log did not change). Throws when the log cannot be read. */
	update(visitor: LineVisitor): void;
	/** Whether the log ends in an unfinished line (a torn record, or one still being written). */
	endsTorn(): boolean;
	append(event: CommentEvent): void;
};

export function openCommentLog({file, now, newId}: CommentLogOptions): CommentLog {
	return createCommentLog(file, fileStorage(file), now, newId);
}

/** A comment log in memory only: for tests, and screens that are shown without a data folder. */
export function createMemoryCommentLog(options: Omit<CommentLogOptions, 'file'> = {}): CommentLog {
	const lines: string[] = [];
	let read = 0;
	return createCommentLog(
		'(memory)',
		{
			update(visitor) {
				for (; read < lines.length; read++) {
					visitor.line(lines[read]!);
				}
			},
			endsTorn: () => false,
			append(event) {
				lines.push(JSON.stringify(event));
			},
		},
		options.now,
		options.newId,
	);
}

/**
 * The log on disk, read as a stream of lines in chunks: memory stays bounded whatever the file's size,
 * and after the first read only the bytes appended since are read. What was read is reused only while
 * the file is the same file, at least as long, with the same bytes just before where reading stopped.
 */
function fileStorage(file: string): LogStorage {
	let version: string | undefined;
	let splitter = new LineSplitter(MAX_RECORD_BYTES);
	/** The file read, how far, and the bytes just before that point. */
	let position: {device: number; inode: number; offset: number; before: Buffer} | undefined;
	return {
		update(visitor) {
			let current: string;
			let failure: unknown;
			try {
				const stats = statSync(file);
				current = `${stats.dev}:${stats.ino}:${stats.size}:${stats.mtimeMs}`;
			} catch (error) {
				const {code} = error as NodeJS.ErrnoException;
				current = code === 'ENOENT' ? 'missing' : `failed:${code}`;
				failure = error;
			}

			// Unchanged: what was read stands, and so does a reason it could not be read.
			if (current === version) {
				return;
			}

			// A failed read is tried again when the file changes; what follows a failure starts from the top.
			version = current;
			const previous = position;
			position = undefined;
			if (current !== 'missing' && failure !== undefined) {
				throw new Error(unreadableReason(file, failure), {cause: failure});
			}

			if (current === 'missing') {
				splitter = new LineSplitter(MAX_RECORD_BYTES);
				visitor.restart();
				return;
			}

			let fd: number;
			try {
				// Non-blocking, so a FIFO in the log's place cannot hold the reader up.
				fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
			} catch (error) {
				throw new Error(unreadableReason(file, error), {cause: error});
			}

			try {
				const stats = fstatSync(fd);
				if (!stats.isFile()) {
					throw new Error(sanitizeLine(stats.isDirectory() ? `${file} is a folder, not the comment log` : `${file} is not a regular file`));
				}

				let offset = previous?.offset ?? 0;
				if (!previous || previous.device !== stats.dev || previous.inode !== stats.ino || stats.size < previous.offset || !startsWith(fd, previous)) {
					offset = 0;
					splitter = new LineSplitter(MAX_RECORD_BYTES);
					visitor.restart();
				}

				const chunk = Buffer.allocUnsafe(READ_CHUNK_BYTES);
				for (;;) {
					const bytes = readSync(fd, chunk, 0, chunk.length, offset);
					if (bytes === 0) {
						break;
					}

					splitter.push(chunk.subarray(0, bytes), visitor);
					offset += bytes;
				}

				const keep = Math.min(offset, 64);
				const before = Buffer.alloc(keep);
				readFully(fd, before, offset - keep);
				position = {device: stats.dev, inode: stats.ino, offset, before};
			} catch (error) {
				throw error instanceof Error && !('code' in error) ? error : new Error(unreadableReason(file, error), {cause: error});
			} finally {
				closeSync(fd);
			}
		},
		endsTorn: () => splitter.pending(),
		append(event) {
			appendRecord(file, event);
		},
	};
}

/** Whether the file still has, just before `offset`, the bytes that were there when it was read. */
function startsWith(fd: number, {offset, before}: {offset: number; before: Buffer}): boolean {
	const now = Buffer.alloc(before.length);
	return readFully(fd, now, offset - before.length) === before.length && now.equals(before);
}

function readFully(fd: number, buffer: Buffer, position: number): number {
	let done = 0;
	while (done < buffer.length) {
		const bytes = readSync(fd, buffer, done, buffer.length - done, position + done);
		if (bytes === 0) {
			break;
		}

		done += bytes;
	}

	return done;
}

/** One line on why the log cannot be read. */
function unreadableReason(file: string, error: unknown): string {
	return sanitizeLine(unreadableText(file, error));
}

function unreadableText(file: string, error: unknown): string {
	const {code, message} = error as NodeJS.ErrnoException;
	switch (code) {
		case 'EISDIR': {
			return `${file} is a folder, not the comment log`;
		}

		case 'EACCES':
		case 'EPERM': {
			return `${file} may not be read (permission denied)`;
		}

		default: {
			return `${file} cannot be read: ${message}`;
		}
	}
}

/** Splits bytes into lines across chunks; a line over `limit` bytes is reported damaged and never kept. */
class LineSplitter {
	private parts: Buffer[] = [];
	private length = 0;
	private overlong = false;

	constructor(private readonly limit: number) {}

	push(chunk: Buffer, visitor: LineVisitor): void {
		let start = 0;
		for (;;) {
			const end = chunk.indexOf(0x0A, start);
			this.take(chunk.subarray(start, end === -1 ? chunk.length : end));
			if (end === -1) {
				return;
			}

			this.finishLine(visitor);
			start = end + 1;
		}
	}

	/** Whether an unfinished line is waiting for its newline. */
	pending(): boolean {
		return this.overlong || this.length > 0;
	}

	private take(piece: Buffer): void {
		if (this.overlong || piece.length === 0) {
			return;
		}

		if (this.length + piece.length > this.limit) {
			this.overlong = true;
			this.parts = [];
			this.length = 0;
			return;
		}

		// Copied: the chunk's buffer is read into again.
		this.parts.push(Buffer.from(piece));
		this.length += piece.length;
	}

	private finishLine(visitor: LineVisitor): void {
		if (this.overlong) {
			visitor.damaged();
		} else {
			visitor.line(Buffer.concat(this.parts, this.length).toString('utf8'));
		}

		this.parts = [];
		this.length = 0;
		this.overlong = false;
	}
}

/** A random UUID from the global Web Crypto, which Node loads on first use: node:crypto costs ~40 ms to load, and most runs write no comment. */
function newCommentId(): string {
	return globalThis.crypto.randomUUID();
}

function createCommentLog(file: string, storage: LogStorage, now = () => new Date(), newId: () => string = newCommentId): CommentLog {
	let comments = new Map<string, Comment>();
	let skipped = 0;
	let problem: string | undefined;
	// Counts are asked for every headline on every frame: counted once per change of the log.
	let counts: Map<string, number> | undefined;
	const visitor: LineVisitor = {
		restart() {
			counts = undefined;
			comments = new Map();
			skipped = 0;
			problem = undefined;
		},
		line(text) {
			counts = undefined;
			if (!applyLine(comments, text)) {
				skipped++;
			}
		},
		damaged() {
			skipped++;
		},
	};

	const load = () => {
		try {
			storage.update(visitor);
		} catch (error) {
			// The reader keeps working without comments, and says why.
			counts = undefined;
			comments = new Map();
			skipped = 0;
			problem = (error as Error).message;
		}

		return comments;
	};

	/** The counts by article of the log as it is now (a new map when the log has changed, never changed in place). */
	const currentCounts = (): Map<string, number> => {
		const all = load();
		if (!counts) {
			counts = new Map();
			for (const comment of all.values()) {
				counts.set(comment.articleId, (counts.get(comment.articleId) ?? 0) + 1);
			}
		}

		return counts;
	};

	const find = (id: string) => {
		const comment = load().get(id);
		if (!comment) {
			throw new Error(problem ? `no comment with id ${id} (${problem})` : `no comment with id ${id}`);
		}

		return comment;
	};

	return {
		file,
		list(articleId) {
			const all = [...load().values()];
			return (articleId === undefined ? all : all.filter(comment => comment.articleId === articleId)).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
		},
		count(articleId) {
			return currentCounts().get(articleId) ?? 0;
		},
		counts() {
			const now = currentCounts();
			return articleId => now.get(articleId) ?? 0;
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
		skippedLines() {
			load();
			return skipped + (storage.endsTorn() ? 1 : 0);
		},
		problem() {
			load();
			return problem;
		},
	};
}

/**
 * Appends one record after a newline if a crash left the last line torn, writing until every byte is
 * written and fsynced. If that fails (a full disk, a file-size limit, an I/O error), the file is cut
 * back to its length before the append and a CommentSaveError says why: a comment is either wholly in
 * the log or not at all.
 */
export function appendRecord(file: string, event: CommentEvent): void {
	let fd: number;
	try {
		makePrivateFolder(path.dirname(file));
		fd = openSync(file, 'a+', 0o600);
	} catch (error) {
		throw new CommentSaveError(saveFailure(file, error), {cause: error});
	}

	try {
		const {size: before} = fstatSync(fd);
		const record = Buffer.from(`${endsTorn(fd, before) ? '\n' : ''}${JSON.stringify(event)}\n`);
		const progress = {written: 0};
		try {
			writeFully(fd, record, progress);
			fsyncSync(fd);
		} catch (error) {
			putBack(fd, before, progress.written);
			throw new CommentSaveError(saveFailure(file, error), {cause: error});
		}
	} finally {
		closeSync(fd);
	}
}

/**
 * Cuts a failed append off again. Only when the file holds exactly the log as it was plus this
 * append's bytes: another newsread's record that arrived meanwhile is never cut off.
 */
function putBack(fd: number, before: number, written: number): void {
	try {
		if (fstatSync(fd).size === before + written) {
			ftruncateSync(fd, before);
			fsyncSync(fd);
		}
	} catch {
		// The reader skips a torn line; the failure is reported either way.
	}
}

function saveFailure(file: string, error: unknown): string {
	if (error instanceof NotAFolderError) {
		return sanitizeLine(error.message);
	}

	const {code, message} = error as NodeJS.ErrnoException;
	return sanitizeLine(code === 'EISDIR' ? `could not write ${file}: it is a folder` : `could not write ${file} (${message})`);
}

function endsTorn(fd: number, size: number): boolean {
	if (size === 0) {
		return false;
	}

	const last = Buffer.alloc(1);
	readSync(fd, last, 0, 1, size - 1);
	return last[0] !== 0x0A;
}

/** Applies one line of the log; false when it is not a record (blank lines count as read). */
function applyLine(comments: Map<string, Comment>, line: string): boolean {
	if (line.trim() === '') {
		return true;
	}

	const event = parseEvent(line);
	if (!event) {
		return false;
	}

	applyEvent(comments, event);
	return true;
}

/** Folds the log's events into the current comments. */
export function replay(text: string): {comments: Map<string, Comment>; skipped: number} {
	const comments = new Map<string, Comment>();
	let skipped = 0;
	for (const line of text.split('\n')) {
		if (!applyLine(comments, line)) {
			skipped++;
		}
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
