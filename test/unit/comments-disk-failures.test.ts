// The comment log when the disk fails it (node:fs mocked with faults: a full disk part-way through a
// record, an I/O error at fsync, a file that may not be opened): a comment is saved whole or not at all,
// the log stays as it was and loads, and `newsread comments add` says why in one line (exit 1). Also:
// after the first read, only what was appended is read again.
import {appendFileSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {afterEach, describe, expect, it, vi} from 'vitest';
import {commentsCommand} from '../../source/commands/comments.js';
import {CommentSaveError, openCommentLog} from '../../source/store/comments.js';
import {commandContext} from '../helpers/command-context.js';
import {diskFaults, faults} from '../helpers/faulty-fs.js';
import {temporaryFolder} from '../helpers/temporary-folder.js';

vi.mock('node:fs', async importOriginal => (await import('../helpers/faulty-fs.js')).faultyFs(await importOriginal()));

afterEach(() => {
	faults.reset();
});

const harbourVote = 'world/harbour-vote';
const ann = {name: 'Ann Reader', email: 'ann@example.org'};

/** A log file with one comment already in it. */
function logWithOneComment() {
	const file = path.join(temporaryFolder('comments'), 'comments.jsonl');
	let ids = 0;
	const log = openCommentLog({file, now: () => new Date('2026-11-03T11:05:00.000Z'), newId: () => `c${++ids}`});
	log.add(harbourVote, {...ann, body: 'The first comment.'});
	return {file, log};
}


describe.each(diskFaults)('$name', ({code, arm}) => {
	it('add fails with the file and the reason, and the log is byte for byte as before and still loads', () => {
		const {file, log} = logWithOneComment();
		const before = readFileSync(file);
		arm(file);
		let thrown: unknown;
		try {
			log.add(harbourVote, {...ann, body: `A long second comment. ${'x'.repeat(5000)}`});
		} catch (error) {
			thrown = error;
		}

		faults.reset();
		expect(thrown).toBeInstanceOf(CommentSaveError);
		expect((thrown as Error).message).toMatch(new RegExp(`^could not write ${file.replaceAll(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(${code}: `));
		expect(readFileSync(file).equals(before)).toBe(true);
		expect(log.list().map(comment => comment.body)).toEqual(['The first comment.']);
		const reopened = openCommentLog({file});
		expect(reopened.list().map(comment => comment.body)).toEqual(['The first comment.']);
		expect(reopened.skippedLines()).toBe(0);

		// Once the disk works again, the next comment goes in whole, on its own line.
		log.add(harbourVote, {...ann, body: 'Saved later.'});
		expect(openCommentLog({file}).list().map(comment => comment.body)).toEqual(['The first comment.', 'Saved later.']);
	});

	it('an edit fails the same way and the comment keeps its text', () => {
		const {file, log} = logWithOneComment();
		const before = readFileSync(file);
		arm(file);
		expect(() => log.edit('c1', 'Changed my mind.')).toThrow(CommentSaveError);
		faults.reset();
		expect(readFileSync(file).equals(before)).toBe(true);
		expect(openCommentLog({file}).list()[0]?.body).toBe('The first comment.');
	});

	it('`newsread comments add` prints no id, says why in one line and exits 1', async () => {
		const {file, log} = logWithOneComment();
		const before = readFileSync(file);
		const {context, stdout, stderr} = commandContext({args: ['add', harbourVote], flags: {...ann, text: 'From the command line.'}, comments: log});
		arm(file);
		const exit = await commentsCommand(context);
		faults.reset();
		expect(exit).toBe(1);
		expect(stdout.text).toBe('');
		// One line: the file and the system's reason.
		expect(stderr.text).toMatch(new RegExp(`^newsread: the comment was not saved: could not write \\S*comments\\.jsonl \\(${code}: [^\\n]*\\)\n$`));
		expect(readFileSync(file).equals(before)).toBe(true);
	});
});

describe('reading the log again', () => {
	it('reads only the bytes appended since the last read', () => {
		const file = path.join(temporaryFolder('comments'), 'comments.jsonl');
		const record = (n: number) => JSON.stringify({type: 'add', id: `r${n}`, articleId: harbourVote, at: '2026-11-03T11:05:00.000Z', ...ann, body: `Comment ${n}. ${'y'.repeat(5000)}`});
		writeFileSync(file, Array.from({length: 400}, (_, n) => `${record(n)}\n`).join(''));
		const log = openCommentLog({file});
		expect(log.count(harbourVote)).toBe(400);

		// Another newsread appends one comment.
		faults.bytesRead = 0;
		const added = `${record(400)}\n`;
		appendFileSync(file, added);
		expect(log.count(harbourVote)).toBe(401);
		expect(log.list(harbourVote).at(-1)?.id).toBe('r400');
		// The new record, and a few bytes to check the file is the one read before; not the 2 MB before it.
		expect(faults.bytesRead).toBeGreaterThanOrEqual(added.length);
		expect(faults.bytesRead).toBeLessThan(added.length + 1024);
	});
});
