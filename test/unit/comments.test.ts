// The comment log: validation like a news site's form, control characters removed, add / edit /
// delete, and a log that survives a torn last line and hand edits.
import {appendFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {
	type CommentLog,
	CommentValidationError,
	cleanCommentInput,
	createMemoryCommentLog,
	MAX_BODY_LENGTH,
	MAX_RECORD_BYTES,
	openCommentLog,
	replay,
	validateComment,
} from '../../source/store/comments.js';
import {temporaryFolder} from '../helpers/temporary-folder.js';

const ESC = '\u001B';
const ann = {name: 'Ann Reader', email: 'ann@example.org'};

/** A clock that moves one second per call, so creation order is the listing order. */
function steppingClock(start = Date.parse('2026-03-04T10:00:00Z')): () => Date {
	let time = start;
	return () => new Date((time += 1000));
}

/** Ids c1, c2, ... so tests can name them. */
function countingIds(): () => string {
	let next = 0;
	return () => `c${++next}`;
}

function errorsOf(action: () => unknown): Record<string, string> {
	try {
		action();
	} catch (error) {
		expect(error).toBeInstanceOf(CommentValidationError);
		return {...(error as CommentValidationError).errors};
	}

	throw new Error('expected a CommentValidationError');
}

describe('validation, as the reply form shows it', () => {
	it('asks for each required field', () => {
		expect(validateComment({name: '', email: '', body: ''})).toEqual({
			body: 'Please write a comment.',
			name: 'Please give your name.',
			email: 'Please give your email address (it is not published).',
		});
	});

	it('treats a field of only spaces or control characters as missing', () => {
		const clean = cleanCommentInput({name: ` ${ESC}[31m\u0007 `, email: '  ', body: ' \n\t\n '});
		expect(validateComment(clean)).toEqual({
			body: 'Please write a comment.',
			name: 'Please give your name.',
			email: 'Please give your email address (it is not published).',
		});
	});

	it.each(['a@b', 'a b@c.d', '@c.d', 'a@', 'a@b.', 'a@.b.c', 'a@b..c', 'a@@b.c', 'ann.example.org'])('rejects %j as an email address', email => {
		expect(validateComment({...ann, email, body: 'Hello'})).toEqual({email: 'That does not look like an email address (name@example.org).'});
	});

	it.each(['a@b.c', 'ann.o+news@mail.example.org', 'ÿ@example.org'])('accepts %j as an email address', email => {
		expect(validateComment({...ann, email, body: 'Hello'})).toEqual({});
	});

	it('accepts a body of exactly 10,000 characters and refuses one more, saying how long it is', () => {
		expect(validateComment({...ann, body: 'x'.repeat(MAX_BODY_LENGTH)})).toEqual({});
		expect(validateComment({...ann, body: 'x'.repeat(MAX_BODY_LENGTH + 1)})).toEqual({
			body: 'The comment is 10,001 characters; the limit is 10,000.',
		});
	});

	it('accepts a name of exactly 100 characters and refuses one of 101', () => {
		expect(validateComment({...ann, name: 'N'.repeat(100), body: 'Hello'})).toEqual({});
		expect(validateComment({...ann, name: 'N'.repeat(101), body: 'Hello'})).toEqual({name: 'Names are at most 100 characters.'});
	});

	it('counts the name as shown: 100 characters and an escape sequence are accepted', () => {
		const log = createMemoryCommentLog();
		const comment = log.add('world/a', {...ann, name: `${ESC}[1m${'N'.repeat(100)}${ESC}[0m`, body: 'Hello'});
		expect(comment.name).toBe('N'.repeat(100));
		expect(errorsOf(() => log.add('world/a', {...ann, name: `${'N'.repeat(101)}${ESC}[0m`, body: 'Hello'}))).toEqual({name: 'Names are at most 100 characters.'});
	});

	it('gives every problem at once in the error that add throws', () => {
		const log = createMemoryCommentLog();
		const error = (() => {
			try {
				log.add('world/a', {name: '', email: 'a b@c.d', body: 'x'.repeat(MAX_BODY_LENGTH + 5)});
			} catch (caught) {
				return caught as CommentValidationError;
			}

			return undefined;
		})();
		expect(error).toBeInstanceOf(CommentValidationError);
		expect(error?.errors).toEqual({
			body: 'The comment is 10,005 characters; the limit is 10,000.',
			name: 'Please give your name.',
			email: 'That does not look like an email address (name@example.org).',
		});
		expect(error?.message).toContain('Please give your name.');
	});
});

describe('control characters and escape sequences', () => {
	it('removes them from the name and the body, and keeps the body\'s line breaks', () => {
		const clean = cleanCommentInput({
			name: ` Ann${ESC}[31m Reader\u0007${ESC}]0;owned${ESC}\\ `,
			email: ' ann@example.org ',
			body: `First line  \r\n${ESC}]8;;https://evil.example${ESC}\\a link${ESC}]8;;${ESC}\\\n\nThird\u009B2J line\u202E\u0000\n\n`,
		});
		expect(clean).toEqual({name: 'Ann Reader', email: 'ann@example.org', body: 'First line\na link\n\nThird line'});
	});

	it('gives back from add exactly what a newsread started later reads from the log', () => {
		const file = path.join(temporaryFolder(), 'comments.jsonl');
		const log = openCommentLog({file, now: steppingClock(), newId: countingIds()});
		const added = log.add('world/a', {name: ` Eve${ESC}]0;title\u0007 `, email: 'eve@example.org', body: `  Hi${ESC}[1;1H there  \n\tsecond\u202E line  \n\n`});
		expect(added).toMatchObject({name: 'Eve', body: 'Hi there\n    second line'});
		expect(openCommentLog({file}).list()).toEqual([added]);
	});

	it('stores only the cleaned text', () => {
		const dir = temporaryFolder();
		const file = path.join(dir, 'comments.jsonl');
		const log = openCommentLog({file});
		log.add('world/a', {name: `Eve${ESC}[2J`, email: 'eve@example.org', body: `Hi${ESC}[1;1H there\nsecond line`});
		const text = readFileSync(file, 'utf8');
		expect(text).not.toContain(ESC);
		expect(text).not.toContain('\\u001b');
		expect(log.list()[0]).toMatchObject({name: 'Eve', body: 'Hi there\nsecond line'});
	});
});

const logKinds: Array<[string, (options: {now: () => Date; newId: () => string}) => CommentLog]> = [
	['a comment log file', options => openCommentLog({file: path.join(temporaryFolder(), 'data', 'comments.jsonl'), ...options})],
	['a comment log in memory', options => createMemoryCommentLog(options)],
];

describe.each(logKinds)('%s', (_kind, create) => {
	it('adds, lists oldest first, and counts per article', () => {
		const log = create({now: steppingClock(), newId: countingIds()});
		expect(log.list()).toEqual([]);
		expect(log.count('world/a')).toBe(0);

		const first = log.add('world/a', {...ann, body: 'First!'});
		log.add('world/b', {name: 'Bo', email: 'bo@example.org', body: 'Elsewhere'});
		log.add('world/a', {name: 'Cy', email: 'cy@example.org', body: 'Second\nwith two lines'});

		expect(first).toEqual({id: 'c1', articleId: 'world/a', name: 'Ann Reader', email: 'ann@example.org', body: 'First!', createdAt: '2026-03-04T10:00:01.000Z'});
		expect(log.list('world/a').map(comment => comment.body)).toEqual(['First!', 'Second\nwith two lines']);
		expect(log.list().map(comment => comment.id)).toEqual(['c1', 'c2', 'c3']);
		expect(log.count('world/a')).toBe(2);
		expect(log.count('world/b')).toBe(1);
		expect(log.count('world/none')).toBe(0);
		expect(log.skippedLines()).toBe(0);
	});

	it('keeps the email with each comment (for export) without needing it to list', () => {
		const log = create({now: steppingClock(), newId: countingIds()});
		log.add('world/a', {...ann, body: 'Hello'});
		const [comment] = log.list('world/a');
		expect(comment?.email).toBe('ann@example.org');
		expect(comment).toMatchObject({name: 'Ann Reader', body: 'Hello'});
	});

	it('edits a comment: new body, edited time, same id and author', () => {
		const log = create({now: steppingClock(), newId: countingIds()});
		const comment = log.add('world/a', {...ann, body: 'Frist'});
		const edited = log.edit(comment.id, `First, I meant.${ESC}[5m\n`);
		expect(edited).toEqual({...comment, body: 'First, I meant.', editedAt: '2026-03-04T10:00:02.000Z'});
		expect(log.list('world/a')).toEqual([edited]);
		expect(log.count('world/a')).toBe(1);
	});

	it('refuses an edit to an empty or too long body and keeps the old one', () => {
		const log = create({now: steppingClock(), newId: countingIds()});
		const comment = log.add('world/a', {...ann, body: 'Keep me'});
		expect(errorsOf(() => log.edit(comment.id, '  '))).toEqual({body: 'Please write a comment.'});
		expect(errorsOf(() => log.edit(comment.id, 'y'.repeat(MAX_BODY_LENGTH + 1)))).toEqual({body: 'The comment is 10,001 characters; the limit is 10,000.'});
		expect(log.list('world/a')[0]?.body).toBe('Keep me');
	});

	it('deletes a comment', () => {
		const log = create({now: steppingClock(), newId: countingIds()});
		const keep = log.add('world/a', {...ann, body: 'Keep'});
		const drop = log.add('world/a', {...ann, body: 'Drop'});
		log.delete(drop.id);
		expect(log.list('world/a')).toEqual([keep]);
		expect(log.count('world/a')).toBe(1);
	});

	it('says which comment it cannot find on edit or delete', () => {
		const log = create({now: steppingClock(), newId: countingIds()});
		const comment = log.add('world/a', {...ann, body: 'Gone soon'});
		log.delete(comment.id);
		expect(() => log.edit(comment.id, 'again')).toThrow(`no comment with id ${comment.id}`);
		expect(() => log.delete(comment.id)).toThrow(`no comment with id ${comment.id}`);
		expect(() => log.edit('nope', 'x')).toThrow('no comment with id nope');
	});

	it('writes nothing for an invalid comment', () => {
		const log = create({now: steppingClock(), newId: countingIds()});
		expect(errorsOf(() => log.add('world/a', {...ann, email: '@c.d', body: 'Hi'}))).toEqual({
			email: 'That does not look like an email address (name@example.org).',
		});
		expect(log.list()).toEqual([]);
		if (log.file !== '(memory)') {
			expect(existsSync(log.file)).toBe(false);
		}
	});

	it('gives random ids by default', () => {
		const log = create({now: steppingClock(), newId: countingIds()});
		expect(log.add('world/a', {...ann, body: 'x'}).id).toBe('c1');
		const random = logKinds[1]![1] === create ? createMemoryCommentLog() : openCommentLog({file: path.join(temporaryFolder(), 'comments.jsonl')});
		const ids = new Set(Array.from({length: 20}, () => random.add('world/a', {...ann, body: 'y'}).id));
		expect(ids.size).toBe(20);
		for (const id of ids) {
			expect(id).toMatch(/^[0-9a-f-]{36}$/);
		}
	});
});

describe('the comments.jsonl file', () => {
	it('is created with mode 0600, with its folder, one JSON record a line', () => {
		const file = path.join(temporaryFolder(), 'deep', 'data', 'comments.jsonl');
		const log = openCommentLog({file, now: steppingClock(), newId: countingIds()});
		const comment = log.add('world/a', {...ann, body: 'Two\nlines'});
		log.edit(comment.id, 'Edited');
		log.delete(comment.id);
		expect(statSync(file).mode & 0o777).toBe(0o600);

		const lines = readFileSync(file, 'utf8').split('\n');
		expect(lines.at(-1)).toBe('');
		const records = lines.slice(0, -1).map(line => JSON.parse(line) as Record<string, unknown>);
		expect(records).toEqual([
			{type: 'add', id: 'c1', articleId: 'world/a', at: '2026-03-04T10:00:01.000Z', name: 'Ann Reader', email: 'ann@example.org', body: 'Two\nlines'},
			{type: 'edit', id: 'c1', articleId: 'world/a', at: '2026-03-04T10:00:02.000Z', body: 'Edited'},
			{type: 'delete', id: 'c1', articleId: 'world/a', at: '2026-03-04T10:00:03.000Z'},
		]);
	});

	it('is read back by a newsread started later', () => {
		const file = path.join(temporaryFolder(), 'comments.jsonl');
		const first = openCommentLog({file, now: steppingClock()});
		first.add('world/a', {...ann, body: 'One'});
		const second = openCommentLog({file});
		expect(second.list('world/a').map(comment => comment.body)).toEqual(['One']);
		// And sees what another newsread adds while it runs.
		first.add('world/a', {...ann, body: 'Two'});
		expect(second.list('world/a').map(comment => comment.body)).toEqual(['One', 'Two']);
		expect(second.count('world/a')).toBe(2);
	});

	it('counts the comments of every article at once, and a count taken after another newsread adds one includes it', () => {
		const file = path.join(temporaryFolder(), 'comments.jsonl');
		const first = openCommentLog({file, now: steppingClock()});
		first.add('world/a', {...ann, body: 'One'});
		first.add('world/b', {...ann, body: 'Other'});
		const second = openCommentLog({file});
		const before = second.counts();
		expect([before('world/a'), before('world/b'), before('world/none')]).toEqual([1, 1, 0]);
		first.add('world/a', {...ann, body: 'Two'});
		const after = second.counts();
		expect([after('world/a'), after('world/b')]).toEqual([2, 1]);
	});

	it('skips a torn last line (a crash mid-write), counts it, and puts the next comment on its own line', () => {
		const file = path.join(temporaryFolder(), 'comments.jsonl');
		const writer = openCommentLog({file, now: steppingClock(), newId: countingIds()});
		writer.add('world/a', {...ann, body: 'Before the crash'});
		writer.add('world/b', {...ann, body: 'Also before'});
		const whole = JSON.stringify({type: 'add', id: 'torn', articleId: 'world/a', at: '2026-03-04T11:00:00.000Z', ...ann, body: 'Lost in the crash'});
		appendFileSync(file, whole.slice(0, Math.floor(whole.length / 2)));

		const afterCrash = openCommentLog({file, now: steppingClock(Date.parse('2026-03-04T12:00:00Z')), newId: () => 'after'});
		expect(afterCrash.list().map(comment => comment.body)).toEqual(['Before the crash', 'Also before']);
		expect(afterCrash.skippedLines()).toBe(1);

		afterCrash.add('world/a', {...ann, body: 'After the crash'});
		const lines = readFileSync(file, 'utf8').split('\n');
		expect(lines).toHaveLength(5);
		expect(lines[2]).toBe(whole.slice(0, Math.floor(whole.length / 2)));
		expect(JSON.parse(lines[3] ?? '')).toMatchObject({id: 'after', body: 'After the crash'});
		expect(lines[4]).toBe('');

		const reread = openCommentLog({file});
		expect(reread.list('world/a').map(comment => comment.body)).toEqual(['Before the crash', 'After the crash']);
		expect(reread.skippedLines()).toBe(1);
		expect(replay(readFileSync(file, 'utf8')).skipped).toBe(1);
	});

	it('skips a line longer than MAX_RECORD_BYTES as one damaged line and reads the records around it', () => {
		const file = path.join(temporaryFolder('comments'), 'comments.jsonl');
		const record = (id: string) => JSON.stringify({type: 'add', id, articleId: 'world/harbour-vote', at: '2026-03-04T10:00:00.000Z', ...ann, body: `Comment ${id}.`});
		writeFileSync(file, `${record('before')}\n${'\u0000'.repeat(MAX_RECORD_BYTES + 10)}\n${record('after')}\n`);
		const log = openCommentLog({file});
		expect(log.list().map(comment => comment.id)).toEqual(['before', 'after']);
		expect(log.skippedLines()).toBe(1);
	});

	it('reads records appended after the first read, and a torn line that another newsread finishes', () => {
		const file = path.join(temporaryFolder('comments'), 'comments.jsonl');
		const record = (id: string) => JSON.stringify({type: 'add', id, articleId: 'world/harbour-vote', at: '2026-03-04T10:00:00.000Z', ...ann, body: `Comment ${id}.`});
		writeFileSync(file, `${record('one')}\n${record('two').slice(0, 20)}`);
		const log = openCommentLog({file});
		expect(log.list().map(comment => comment.id)).toEqual(['one']);
		expect(log.skippedLines()).toBe(1);
		// Another newsread puts the next record on its own line after the torn one.
		openCommentLog({file}).add('world/harbour-vote', {...ann, body: 'From another newsread.'});
		appendFileSync(file, `${record('three')}\n`);
		// Listed oldest first: the two records written by hand are dated March, the added one today.
		expect(log.list().map(comment => comment.body)).toEqual(['Comment one.', 'Comment three.', 'From another newsread.']);
		expect(log.skippedLines()).toBe(1);
	});

	it('starts again from the top when the file is replaced by a shorter one', () => {
		const file = path.join(temporaryFolder('comments'), 'comments.jsonl');
		const record = (id: string) => JSON.stringify({type: 'add', id, articleId: 'world/harbour-vote', at: '2026-03-04T10:00:00.000Z', ...ann, body: `Comment ${id}.`});
		writeFileSync(file, `${record('one')}\n${record('two')}\n`);
		const log = openCommentLog({file});
		expect(log.count('world/harbour-vote')).toBe(2);
		writeFileSync(file, `${record('three')}\n`);
		expect(log.list().map(comment => comment.id)).toEqual(['three']);
	});

	it('is unavailable, with the reason, when comments.jsonl is a folder: no comments, no crash, and adding says why', () => {
		const file = path.join(temporaryFolder('comments'), 'comments.jsonl');
		mkdirSync(file);
		const log = openCommentLog({file});
		expect(log.list()).toEqual([]);
		expect(log.count('world/harbour-vote')).toBe(0);
		expect(log.problem()).toBe(`${file} is a folder, not the comment log`);
		expect(() => log.add('world/harbour-vote', {...ann, body: 'Where to?'})).toThrow(`could not write ${file}: it is a folder`);
		// Once the folder is gone, the log works again.
		rmSync(file, {recursive: true});
		expect(log.problem()).toBeUndefined();
		log.add('world/harbour-vote', {...ann, body: 'Here.'});
		expect(log.list().map(comment => comment.body)).toEqual(['Here.']);
	});

	it('skips lines that are not records without failing: blank lines, other JSON, records missing fields', () => {
		const file = path.join(temporaryFolder(), 'comments.jsonl');
		const good = JSON.stringify({type: 'add', id: 'g', articleId: 'world/a', at: '2026-03-04T10:00:00.000Z', ...ann, body: 'Good'});
		writeFileSync(file, [
			good,
			'',
			'   ',
			'null',
			'42',
			'"text"',
			'[1,2]',
			'{"type":"add","id":"x","articleId":"world/a","at":"t"}',
			'{"type":"vote","id":"g","articleId":"world/a","at":"t"}',
			'{"type":"edit","id":"g","articleId":"world/a","at":"t","body":7}',
			'{"type":"edit","id":"unknown","articleId":"world/a","at":"t","body":"orphan edit"}',
			'{"type":"delete","id":"unknown","articleId":"world/a","at":"t"}',
			'',
		].join('\n'));
		const log = openCommentLog({file});
		expect(log.list().map(comment => comment.body)).toEqual(['Good']);
		expect(log.skippedLines()).toBe(7);
	});

	it('removes control characters from a hand-edited name and body when reading', () => {
		const file = path.join(temporaryFolder(), 'comments.jsonl');
		writeFileSync(file, `${JSON.stringify({
			type: 'add',
			id: 'h',
			articleId: 'world/a',
			at: '2026-03-04T10:00:00.000Z',
			name: `Mallory${ESC}[2J\u0007`,
			email: 'm@example.org',
			body: `Line one${ESC}]52;c;ZXZpbA==\u0007\nLine two\u009B31m`,
		})}\n${JSON.stringify({type: 'edit', id: 'h', articleId: 'world/a', at: '2026-03-04T10:01:00.000Z', body: `Edited${ESC}[8m\nby hand\u0000`})}\n`);
		const [comment] = openCommentLog({file}).list();
		expect(comment).toMatchObject({name: 'Mallory', body: 'Edited\nby hand'});
		expect(replay(readFileSync(file, 'utf8').split('\n')[0] ?? '').comments.get('h')).toMatchObject({name: 'Mallory', body: 'Line one\nLine two'});
	});

	it('removes control characters from a hand-edited email and article id too', () => {
		const file = path.join(temporaryFolder(), 'comments.jsonl');
		writeFileSync(file, `${JSON.stringify({
			type: 'add',
			id: 'h',
			articleId: `world/a${ESC}]0;pwned\u0007`,
			at: '2026-03-04T10:00:00.000Z',
			name: 'Mallory',
			email: `m@example.org${ESC}[2J`,
			body: 'Hi',
		})}\n`);
		const [comment] = openCommentLog({file}).list();
		expect(comment?.email).toBe('m@example.org');
		expect(comment?.articleId).toBe('world/a');
	});
});
