// `newsread comments` (export) and `newsread comments add` run in the test process: a memory comment
// log with a fixed clock, a fake output, and the standard input each test gives.
import {mkdirSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {Readable} from 'node:stream';
import {describe, expect, it} from 'vitest';
import {commentsCommand} from '../../source/commands/comments.js';
import {type CommentLog, createMemoryCommentLog, openCommentLog} from '../../source/store/comments.js';
import {commandContext, type ContextOptions} from '../helpers/command-context.js';
import {temporaryFolder} from '../helpers/temporary-folder.js';

/** A log with two comments on the harbour vote and one on the mural, at fixed ids and times (near midday UTC,
 * so the calendar day is the same in any time zone from UTC-11 to UTC+12). */
function logWithComments(): CommentLog {
	let now = new Date(0);
	let ids = 0;
	const log = createMemoryCommentLog({now: () => now, newId: () => `c${++ids}`});
	now = new Date('2026-11-03T11:05:00.000Z');
	log.add('world/harbour-vote', {name: 'Ann Example', email: 'ann@example.org', body: 'First line\nsecond line'});
	now = new Date('2026-11-03T11:40:00.000Z');
	log.add('world/harbour-vote', {name: 'Bo', email: 'bo@example.org', body: 'Agreed.'});
	now = new Date('2026-11-04T11:15:00.000Z');
	log.add('arts/mural', {name: 'Cy', email: 'cy@example.org', body: 'Lovely colours.'});
	return log;
}

function run(options: ContextOptions) {
	const result = commandContext(options);
	return {...result, code: commentsCommand(result.context)};
}

describe('newsread comments: export', () => {
	it('prints one line per comment: time, article, name and the text on one line', async () => {
		const {code, stdout} = run({comments: logWithComments()});
		expect(await code).toBe(0);
		expect(stdout.text).toBe([
			'2026-11-03 11:05  world/harbour-vote  Ann Example: First line second line',
			'2026-11-03 11:40  world/harbour-vote  Bo: Agreed.',
			'2026-11-04 11:15  arts/mural  Cy: Lovely colours.',
			'',
		].join('\n'));
	});

	it('prints only one article\'s comments with --article', async () => {
		const {code, stdout} = run({comments: logWithComments(), flags: {article: 'arts/mural'}});
		expect(await code).toBe(0);
		expect(stdout.text).toBe('2026-11-04 11:15  arts/mural  Cy: Lovely colours.\n');
	});

	it('suggests the closest ids for an unknown --article', async () => {
		const {code, stderr} = run({comments: logWithComments(), flags: {article: 'arts/murals'}});
		expect(await code).toBe(1);
		expect(stderr.text).toMatch(/^newsread: no article "arts\/murals"\.\nDid you mean:\n {2}arts\/mural\n/);
	});

	it('exports Markdown with --markdown: a heading per article, each comment quoted under its author', async () => {
		const {code, stdout} = run({comments: logWithComments(), flags: {markdown: true}});
		expect(await code).toBe(0);
		expect(stdout.text).toBe([
			'## Marrowick harbour council votes to close the old ferry slip',
			'',
			'Article: `world/harbour-vote`',
			'',
			'**Ann Example**, 3 Nov 2026',
			'',
			'> First line',
			'> second line',
			'',
			'**Bo**, 3 Nov 2026',
			'',
			'> Agreed.',
			'',
			'',
			'## Mural restored on the library wall',
			'',
			'Article: `arts/mural`',
			'',
			'**Cy**, 4 Nov 2026',
			'',
			'> Lovely colours.',
			'',
			'',
		].join('\n'));
	});

	it('adds the email addresses to the Markdown only with --with-email', async () => {
		const {code, stdout} = run({comments: logWithComments(), flags: {markdown: true, withEmail: true, article: 'arts/mural'}});
		expect(await code).toBe(0);
		expect(stdout.text).toContain('\n**Cy <cy@example.org>**, 4 Nov 2026\n');
	});

	it('exports JSON without the email addresses', async () => {
		const {code, stdout} = run({comments: logWithComments(), flags: {json: true, article: 'world/harbour-vote'}});
		expect(await code).toBe(0);
		expect(JSON.parse(stdout.text)).toEqual([
			{id: 'c1', articleId: 'world/harbour-vote', name: 'Ann Example', body: 'First line\nsecond line', createdAt: '2026-11-03T11:05:00.000Z'},
			{id: 'c2', articleId: 'world/harbour-vote', name: 'Bo', body: 'Agreed.', createdAt: '2026-11-03T11:40:00.000Z'},
		]);
	});

	it('exports JSON with the email addresses with --with-email', async () => {
		const {code, stdout} = run({comments: logWithComments(), flags: {json: true, withEmail: true, article: 'arts/mural'}});
		expect(await code).toBe(0);
		expect(JSON.parse(stdout.text)).toEqual([
			{id: 'c3', articleId: 'arts/mural', name: 'Cy', email: 'cy@example.org', body: 'Lovely colours.', createdAt: '2026-11-04T11:15:00.000Z'},
		]);
	});

	it('is a usage error to ask for both --json and --markdown, or for an unknown subcommand', async () => {
		const both = run({flags: {json: true, markdown: true}});
		expect(await both.code).toBe(2);
		expect(both.stderr.text).toBe('newsread: choose one of --json and --markdown\n');
		const unknown = run({args: ['remove']});
		expect(await unknown.code).toBe(2);
		expect(unknown.stderr.text).toContain('unknown comments command "remove"');
	});

	it('shows a comment whose date is not one ("9999-99-99") with the date as written, in --markdown as in the list and JSON', async () => {
		const file = path.join(temporaryFolder('comments'), 'comments.jsonl');
		const record = (id: string, at: string, body: string) => JSON.stringify({type: 'add', id, articleId: 'world/harbour-vote', at, name: 'Ann Example', email: 'ann@example.org', body});
		writeFileSync(file, `${record('good', '2026-11-03T11:05:00.000Z', 'A good date.')}\n${record('bad', '9999-99-99', 'A bad date.')}\n`);
		const markdown = run({comments: openCommentLog({file}), flags: {markdown: true}});
		expect(await markdown.code).toBe(0);
		expect(markdown.stderr.text).toBe('');
		expect(markdown.stdout.text).toContain('**Ann Example**, 3 Nov 2026\n\n> A good date.\n');
		expect(markdown.stdout.text).toContain('**Ann Example**, 9999-99-99\n\n> A bad date.\n');
		const list = run({comments: openCommentLog({file})});
		expect(await list.code).toBe(0);
		expect(list.stdout.text).toContain('9999-99-99  world/harbour-vote  Ann Example: A bad date.');
		const json = run({comments: openCommentLog({file}), flags: {json: true}});
		expect(JSON.parse(json.stdout.text)).toContainEqual(expect.objectContaining({id: 'bad', createdAt: '9999-99-99'}));
	});

	it('says in one line that the comments cannot be read when comments.jsonl is a folder, and exits 1', async () => {
		const file = path.join(temporaryFolder('comments'), 'comments.jsonl');
		mkdirSync(file);
		for (const flags of [{}, {json: true}, {markdown: true}]) {
			const {code, stdout, stderr} = run({comments: openCommentLog({file}), flags});
			expect(await code).toBe(1);
			expect(stdout.text).toBe('');
			expect(stderr.text).toBe(`newsread: the comments cannot be read: ${file} is a folder, not the comment log\n`);
		}
	});

	it('prints nothing, successfully, when there are no comments', async () => {
		const {code, stdout} = run({});
		expect(await code).toBe(0);
		expect(stdout.text).toBe('');
	});
});

describe('newsread comments add', () => {
	const fields = {name: 'Ann Example', email: 'ann@example.org'};

	function add(options: ContextOptions & {comments: CommentLog}) {
		return run({args: ['add', 'world/harbour-vote'], ...options, flags: {...fields, ...options.flags}});
	}

	it('saves the --text and prints the new comment\'s id', async () => {
		const comments = createMemoryCommentLog({newId: () => 'new-id'});
		const {code, stdout, stderr} = add({comments, flags: {text: 'From a flag'}});
		expect(await code).toBe(0);
		expect(stdout.text).toBe('new-id\n');
		expect(stderr.text).toBe('');
		expect(comments.list('world/harbour-vote')).toMatchObject([{id: 'new-id', ...fields, body: 'From a flag'}]);
	});

	it('reads the text from standard input to its end, however it arrives in pieces', async () => {
		const comments = createMemoryCommentLog();
		const stdin = Readable.from([Buffer.from('From a '), Buffer.from('pipe\nwith two lines, caf'), Buffer.from([0xC3]), Buffer.from([0xA9, 0x0A])]);
		const {code} = add({comments, stdin});
		expect(await code).toBe(0);
		expect(comments.list('world/harbour-vote').map(comment => comment.body)).toEqual(['From a pipe\nwith two lines, café']);
	});

	it('reports a standard input that cannot be read as an error (exit 1), and saves nothing', async () => {
		const comments = createMemoryCommentLog();
		const stdin = new Readable({
			read() {
				this.destroy(Object.assign(new Error('EAGAIN: resource temporarily unavailable, read'), {code: 'EAGAIN'}));
			},
		});
		const {code, stderr} = add({comments, stdin});
		expect(await code).toBe(1);
		expect(stderr.text).toBe('newsread: could not read the comment from standard input: EAGAIN: resource temporarily unavailable, read\n');
		expect(comments.list()).toEqual([]);
	});

	it('asks for a comment (exit 2) when standard input is empty', async () => {
		const comments = createMemoryCommentLog();
		const {code, stderr} = add({comments, stdin: Readable.from([])});
		expect(await code).toBe(2);
		expect(stderr.text).toBe('newsread: body: Please write a comment.\n');
		expect(comments.list()).toEqual([]);
	});

	it('at a terminal without --text, says how to end and saves what is typed until Ctrl+D', async () => {
		const comments = createMemoryCommentLog({newId: () => 'typed-id'});
		const {code, stdout, stderr} = add({comments, stdinIsTTY: true, stdin: Readable.from(['Typed at the terminal\n', 'over two lines\n'])});
		expect(await code).toBe(0);
		expect(stderr.text).toBe('Type your comment; end with Ctrl+D on a new line.\n');
		expect(stdout.text).toBe('typed-id\n');
		expect(comments.list('world/harbour-vote')).toMatchObject([{...fields, body: 'Typed at the terminal\nover two lines'}]);
	});

	it('at a terminal, refuses a missing name or email before anything is typed (exit 2)', async () => {
		const comments = createMemoryCommentLog();
		const stdin = new Readable({
			read() {
				throw new Error('standard input was read');
			},
		});
		const {code, stderr} = run({args: ['add', 'world/harbour-vote'], comments, stdinIsTTY: true, stdin, flags: {name: 'Ann Example'}});
		expect(await code).toBe(2);
		expect(stderr.text).toBe('newsread: email: Please give your email address (it is not published).\n');
		expect(comments.list()).toEqual([]);
	});

	it('at a terminal, asks for a comment (exit 2) when Ctrl+D comes before any text', async () => {
		const comments = createMemoryCommentLog();
		const {code, stderr} = add({comments, stdinIsTTY: true, stdin: Readable.from(['  \n'])});
		expect(await code).toBe(2);
		expect(stderr.text).toBe('Type your comment; end with Ctrl+D on a new line.\nnewsread: body: Please write a comment.\n');
		expect(comments.list()).toEqual([]);
	});

	it('names every field that is wrong and exits 2', async () => {
		const comments = createMemoryCommentLog();
		const {code, stderr} = add({comments, flags: {name: '', email: 'not an address', text: 'Fine text'}});
		expect(await code).toBe(2);
		expect(stderr.text).toBe([
			'newsread: name: Please give your name.',
			'newsread: email: That does not look like an email address (name@example.org).',
			'',
		].join('\n'));
		expect(comments.list()).toEqual([]);
	});

	it('suggests the closest ids for an unknown article (exit 1), and is a usage error without an id', async () => {
		const comments = createMemoryCommentLog();
		const unknown = run({args: ['add', 'world/harbor-vote'], comments, flags: {...fields, text: 'x'}});
		expect(await unknown.code).toBe(1);
		expect(unknown.stderr.text).toMatch(/^newsread: no article "world\/harbor-vote"\.\nDid you mean:\n {2}world\/harbour-vote\n/);
		const noId = run({args: ['add'], comments, flags: {...fields, text: 'x'}});
		expect(await noId.code).toBe(2);
		expect(noId.stderr.text).toMatch(/^newsread: usage: newsread comments add <id>/);
		expect(comments.list()).toEqual([]);
	});
});
