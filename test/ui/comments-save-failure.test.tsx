// The comment form when the comment log on disk cannot take the comment (node:fs mocked with faults: a
// full disk part-way through the record, an I/O error at fsync, a file that may not be written): the
// reader says "Not saved" and why, the text stays in the form, the log is as it was, and the next
// Ctrl+S once the disk works saves it. A folder in the log's place: the screen says comments are unavailable.
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {afterEach, describe, expect, it, vi} from 'vitest';
import {type CommentLog, openCommentLog} from '../../source/store/comments.js';
import {diskFaults, faults} from '../helpers/faulty-fs.js';
import {bodyOf, FIXED_NOW, headerOf, type Reader, renderReader} from '../helpers/render.js';
import {temporaryFolder} from '../helpers/temporary-folder.js';

vi.mock('node:fs', async importOriginal => (await import('../helpers/faulty-fs.js')).faultyFs(await importOriginal()));

afterEach(() => {
	faults.reset();
});

const harbourVote = 'world/harbour-vote';
const ann = {name: 'Ann Reader', email: 'ann@example.org'};
const earlier = JSON.stringify({type: 'add', id: 'earlier', articleId: 'arts/mural', at: '2026-11-20T10:00:00.000Z', ...ann, body: 'On another article.'});

/** The harbour vote's comments (empty), on a log in a file. */
async function openComments(comments: CommentLog): Promise<Reader> {
	const reader = renderReader({comments});
	await reader.press('enter');
	await reader.waitForText('newsread › World');
	await reader.press('j', 'j', 'enter');
	await reader.waitForText('page 1/');
	expect(headerOf(reader.frame())).toContain('World › Marrowick harbour');
	await reader.press('c');
	await reader.waitForText('Comments ›');
	return reader;
}

/** The harbour vote's comment form, on a log in a file. */
async function openForm(comments: CommentLog): Promise<Reader> {
	const reader = await openComments(comments);
	await reader.press('r');
	await reader.waitForText('Leave a reply');
	return reader;
}

async function fillForm(reader: Reader, text: string): Promise<void> {
	await reader.type(text);
	await reader.press('tab');
	await reader.type(ann.name);
	await reader.press('tab');
	await reader.type(ann.email);
}

describe.each(diskFaults)('posting a comment on $name', ({code, arm}) => {
	it('says "Not saved" and why, keeps the text in the form, leaves the log as it was, and saves on the next try', async () => {
		const file = path.join(temporaryFolder('comments'), 'comments.jsonl');
		writeFileSync(file, `${earlier}\n`);
		const before = readFileSync(file);
		const reader = await openForm(openCommentLog({file, now: () => FIXED_NOW}));
		await fillForm(reader, 'Worth keeping.');
		arm(file);
		await reader.press('ctrlS');
		const frame = (await reader.waitForText('Not saved')).replaceAll(/\s+/g, ' ');
		expect(frame).toContain(`(${code}: `);
		expect(frame).toContain('Your text is still here');
		expect(reader.frame()).toContain('Leave a reply');
		expect(bodyOf(reader.frame()).join('\n')).toContain('Worth keeping.');
		expect(readFileSync(file).equals(before)).toBe(true);
		expect(openCommentLog({file}).list().map(comment => comment.id)).toEqual(['earlier']);

		faults.reset();
		await reader.press('ctrlS');
		await reader.waitForText('Saved: your comment is stored on this computer.');
		expect(openCommentLog({file}).list(harbourVote).map(comment => comment.body)).toEqual(['Worth keeping.']);
		reader.unmount();
	});
});

describe('a folder in place of comments.jsonl', () => {
	it('c says the comments are unavailable and why; the reader keeps working', async () => {
		const file = path.join(temporaryFolder('comments'), 'comments.jsonl');
		mkdirSync(file);
		const reader = await openComments(openCommentLog({file}));
		const frame = (await reader.waitForText('Comments are unavailable')).replaceAll(/\s+/g, ' ');
		expect(frame).toContain(`${file} is a folder, not the comment log.`);
		await reader.press('r');
		await reader.waitForText('Leave a reply');
		await fillForm(reader, 'Nowhere to go.');
		await reader.press('ctrlS');
		const after = (await reader.waitForText('Not saved')).replaceAll(/\s+/g, ' ');
		expect(after).toContain(`could not write ${file}: it is a folder`);
		expect(bodyOf(reader.frame()).join('\n')).toContain('Nowhere to go.');
		reader.unmount();
	});
});
