// Comments under an article (c), as the reader shows them: the "Leave a reply" form and its
// messages, posting, the list (never the email), counts, remembered name and email, drafts, the Esc
// question, editing and deleting, the editor (Ctrl+E), and control characters.
import {describe, expect, it, vi} from 'vitest';
import {type CommentLog, createMemoryCommentLog} from '../../source/store/comments.js';
import {createMemoryReadingState, type ReadingState} from '../../source/store/reading-state.js';
import {DRAFT_DELAY_MS} from '../../source/ui/screens/CommentsScreen.js';
import {bodyOf, type EditText, FIXED_NOW, headerOf, type Reader, renderReader, statusOf} from '../helpers/render.js';

const harbourVote = 'world/harbour-vote';
const ann = {name: 'Ann Reader', email: 'ann@example.org'};
const emailNote = 'Your email address will not be published. Required fields are marked *';

const messages = {
	body: 'Please write a comment.',
	name: 'Please give your name.',
	email: 'Please give your email address (it is not published).',
	badEmail: 'That does not look like an email address (name@example.org).',
	fix: 'Please fix the marked fields; nothing was posted yet.',
	saved: 'Saved: your comment is stored on this computer.',
	restored: 'Your unfinished comment was restored.',
	discard: 'Discard what you wrote? y/n',
	delete: 'Delete this comment? y/n',
};

type Setup = {reading?: ReadingState; comments?: CommentLog; editText?: EditText};

/** Opens the World article "harbour vote" (the third headline) on page 1. */
async function openHarbourVote(setup: Setup = {}): Promise<Reader> {
	const reader = renderReader({comments: setup.comments ?? createMemoryCommentLog({now: () => FIXED_NOW}), ...setup});
	// A reading state that has read something starts with "Continue reading" above World.
	if (reader.frame().includes('Continue reading')) {
		await reader.press('j');
	}

	await reader.press('enter');
	await reader.waitForText('newsread › World');
	await reader.press('j', 'j', 'enter');
	await reader.waitForText('page 1/');
	expect(headerOf(reader.frame())).toContain('World › Marrowick harbour');
	return reader;
}

/** Opens the article and presses c; with no comments and no draft that is the empty form. */
/** An injected $EDITOR that fails with this message. */
function failingEditor(message: string): EditText {
	return vi.fn<EditText>(async () => {
		throw new Error(message);
	});
}

/** Ctrl+E (the injected editor gives the text), then Name and Email, then Ctrl+S. */
async function takeTextFromEditorAndPost(reader: Reader): Promise<void> {
	await reader.press('ctrlE');
	await reader.waitForText('Comment text taken from the editor.');
	await reader.press('tab');
	await reader.type(ann.name);
	await reader.press('tab');
	await reader.type(ann.email);
	await reader.press('ctrlS');
}

async function openForm(setup: Setup = {}): Promise<Reader> {
	const reader = await openHarbourVote(setup);
	await reader.press('c');
	await reader.waitForText('No comments yet: r to write one.');
	await reader.press('r');
	await reader.waitForText('Leave a reply');
	return reader;
}

/** Types a whole comment: the comment (lines joined by Enter), Tab, the name, Tab, the email. */
async function fillForm(reader: Reader, {lines, name, email}: {lines: string[]; name: string; email: string}): Promise<void> {
	for (const [index, line] of lines.entries()) {
		if (index > 0) {
			await reader.press('enter');
		}

		await reader.type(line);
	}

	await reader.press('tab');
	await reader.type(name);
	await reader.press('tab');
	await reader.type(email);
}

async function postComment(reader: Reader, comment: {lines: string[]; name: string; email: string} = {lines: ['A fine piece.'], ...ann}): Promise<void> {
	await fillForm(reader, comment);
	await reader.press('ctrlS');
	await reader.waitForText(messages.saved);
}

/** The form as drawn: each label line (with its message), the comment's lines, the name and the email. */
function formOf(frame: string) {
	const lines = bodyOf(frame).map(line => line.trimEnd());
	const at = (label: string) => lines.findIndex(line => / {2}|❯ /.test(line.slice(0, 2)) && line.slice(2).startsWith(label));
	const comment = at('Comment *');
	const name = at('Name *');
	const email = at('Email *');
	const value = (line: string | undefined) => (line ?? '').replace(/^ {2}/, '').trimEnd();
	const label = (index: number) => lines[index] ?? '';
	return {
		heading: lines[0] ?? '',
		commentLabel: label(comment),
		nameLabel: label(name),
		emailLabel: label(email),
		comment: commentLines(lines.slice(comment + 1, name === -1 ? undefined : name).map(value), name === -1),
		name: name === -1 ? undefined : value(lines[name + 1]),
		email: email === -1 ? undefined : value(lines[email + 1]),
		/** The field with the cursor (its label starts with ❯). */
		focused: [label(comment), label(name), label(email)].find(line => line.startsWith('❯'))?.slice(2).split(' *')[0],
	};
}

/** The comment's lines; without Name and Email below (editing), the empty rows after the last line are not lines. */
function commentLines(lines: string[], untilEnd: boolean): string[] {
	if (!untilEnd) {
		return lines;
	}

	const last = lines.findLastIndex(line => line !== '');
	return lines.slice(0, Math.max(1, last + 1));
}

describe('the "Leave a reply" form', () => {
	it('c in an article without comments opens "Leave a reply": the note about the email, Comment *, Name *, Email *', async () => {
		const reader = await openForm();
		const frame = reader.frame();
		expect(headerOf(frame)).toMatch(/^Comments › Marrowick harbour.*0 comments$/);
		const form = formOf(frame);
		expect(form.heading).toBe('Leave a reply');
		expect(bodyOf(frame)[1]?.trim()).toBe(emailNote);
		expect(form.commentLabel).toBe('❯ Comment *');
		expect(form.nameLabel).toBe('  Name *');
		expect(form.emailLabel).toBe('  Email *');
		expect(form).toMatchObject({comment: [''], name: '', email: '', focused: 'Comment'});
		expect(statusOf(frame)).toMatch(/^New comment .*Ctrl\+S post.*Tab next field.*Ctrl\+E editor.*Esc cancel/);
	});

	it('letters that are keys elsewhere (q, ?, /, c, j) are text in the form', async () => {
		const reader = await openForm();
		await reader.type('q?/cj k');
		const frame = reader.frame();
		expect(headerOf(frame)).toContain('Comments ›');
		expect(formOf(frame).comment).toEqual(['q?/cj k']);
	});
});

describe('posting', () => {
	it('posting an empty form shows each field\'s message next to it and posts nothing', async () => {
		const reader = await openForm();
		await reader.press('ctrlS');
		const frame = await reader.waitForText(messages.body);
		const form = formOf(frame);
		expect(form.commentLabel).toBe(`❯ Comment *  ${messages.body}`);
		expect(form.nameLabel).toBe(`  Name *  ${messages.name}`);
		expect(form.emailLabel).toBe(`  Email *  ${messages.email}`);
		expect(statusOf(frame)).toContain(messages.fix);
		expect(reader.comments.list()).toEqual([]);
	});

	it('a message keeps everything typed, and the cursor goes to the first field with a message', async () => {
		const reader = await openForm();
		await reader.press('tab');
		await reader.type('Ann Reader');
		await reader.press('ctrlS');
		const form = formOf(await reader.waitForText(messages.body));
		expect(form.name).toBe('Ann Reader');
		expect(form.nameLabel).toBe('  Name *');
		expect(form.emailLabel).toBe(`  Email *  ${messages.email}`);
		expect(form.focused).toBe('Comment');

		// The cursor is in the comment: typing goes there and clears its message, not the others.
		await reader.type('Now with text');
		const after = formOf(reader.frame());
		expect(after.comment).toEqual(['Now with text']);
		expect(after.commentLabel).toBe('❯ Comment *');
		expect(after.emailLabel).toBe(`  Email *  ${messages.email}`);
		expect(reader.comments.list()).toEqual([]);
	});

	it('an invalid email shows its message next to Email *, keeps the text, and typing clears the message', async () => {
		const reader = await openForm();
		await fillForm(reader, {lines: ['Good news for the town.'], name: 'Ann Reader', email: 'ann.example.org'});
		await reader.press('ctrlS');
		const form = formOf(await reader.waitForText(messages.badEmail));
		expect(form.emailLabel).toBe(`❯ Email *  ${messages.badEmail}`);
		expect(form).toMatchObject({comment: ['Good news for the town.'], name: 'Ann Reader', email: 'ann.example.org', focused: 'Email'});
		expect(reader.comments.list()).toEqual([]);

		await reader.type('x');
		expect(formOf(reader.frame())).toMatchObject({email: 'ann.example.orgx', emailLabel: '❯ Email *'});
	});

	it('after Ctrl+S or Ctrl+E the cursor is still drawn at the end of the field and the first Backspace deletes a character', async () => {
		const cursor = '\u001B[7m \u001B[27m';
		const reader = await openForm();
		await reader.type('Hello');
		const commentRow = () => reader.rawFrame().split('\n').find(line => line.includes('Hell')) ?? '';
		expect(commentRow()).toContain(`Hello${cursor}`);

		await reader.press('ctrlE');
		await reader.waitForText('No editor');
		expect(commentRow()).toContain(`Hello${cursor}`);
		await reader.press('backspace');
		expect(formOf(reader.frame()).comment).toEqual(['Hell']);

		await reader.press('tab', 'tab');
		await reader.type('ann@example');
		await reader.press('ctrlS');
		await reader.waitForText(messages.name);
		// The email is wrong too, so the cursor stays in it.
		expect(formOf(reader.frame()).focused).toBe('Email');
		await reader.press('ctrlS');
		await reader.waitForText(messages.badEmail);
		await reader.press('backspace');
		expect(formOf(reader.frame()).email).toBe('ann@exampl');
	});

	it('a valid comment (Enter for a second line, Tab between fields, Ctrl+S) shows "Saved", then the list shows the name and text, never the email', async () => {
		const reader = await openForm();
		await fillForm(reader, {lines: ['First line of my comment.', 'Second line.'], ...ann});
		expect(formOf(reader.frame())).toMatchObject({comment: ['First line of my comment.', 'Second line.'], name: ann.name, email: ann.email});

		await reader.press('ctrlS');
		const frame = await reader.waitForText(messages.saved);
		expect(headerOf(frame)).toMatch(/1 comment$/);
		expect(statusOf(frame)).toMatch(/^1\/1 /);
		const body = bodyOf(frame).map(line => line.trimEnd());
		expect(body).toContain('❯ Ann Reader · just now');
		expect(body).toContain('    First line of my comment.');
		expect(body).toContain('    Second line.');
		expect(frame).not.toContain(ann.email);
		expect(frame).not.toContain('Leave a reply');

		expect(reader.comments.list(harbourVote)).toEqual([
			expect.objectContaining({articleId: harbourVote, name: ann.name, email: ann.email, body: 'First line of my comment.\nSecond line.', createdAt: FIXED_NOW.toISOString()}),
		]);
	});

	it('Shift+Tab moves to the previous field, and typing goes there', async () => {
		const reader = await openForm();
		await reader.type('Body');
		await reader.press('tab', 'tab');
		expect(formOf(reader.frame()).focused).toBe('Email');

		await reader.press('shiftTab');
		expect(formOf(reader.frame()).focused).toBe('Name');
		await reader.type('Ann');
		await reader.press('shiftTab');
		expect(formOf(reader.frame()).focused).toBe('Comment');
		await reader.type('!');
		expect(formOf(reader.frame())).toMatchObject({comment: ['Body!'], name: 'Ann', email: ''});
	});

	it('Enter in Email posts; Enter in Name moves to Email', async () => {
		const reader = await openForm();
		await reader.type('Posted with Enter.');
		await reader.press('tab');
		await reader.type(ann.name);
		await reader.press('enter');
		expect(formOf(reader.frame()).focused).toBe('Email');
		expect(formOf(reader.frame()).name).toBe(ann.name);
		await reader.type(ann.email);
		await reader.press('enter');
		await reader.waitForText(messages.saved);
		expect(reader.comments.list(harbourVote).map(comment => comment.body)).toEqual(['Posted with Enter.']);
	});

	it('Backspace on an empty comment line removes it; ↑ and ↓ move between the lines', async () => {
		const reader = await openForm();
		await reader.type('one');
		await reader.press('enter', 'enter');
		expect(formOf(reader.frame()).comment).toEqual(['one', '', '']);
		await reader.press('backspace');
		expect(formOf(reader.frame()).comment).toEqual(['one', '']);
		await reader.type('two');
		await reader.press('up');
		await reader.type('!');
		await reader.press('down', 'down');
		expect(formOf(reader.frame()).focused).toBe('Name');
		expect(formOf(reader.frame()).comment).toEqual(['one!', 'two']);
	});

	it('a paste of several lines becomes several lines of the comment', async () => {
		const reader = await openForm();
		await reader.press('Dear editor,\rThank you.');
		expect(formOf(reader.frame()).comment).toEqual(['Dear editor,', 'Thank you.']);
	});

	it('the comment count shows in the pager status and in the headline list', async () => {
		const reader = await openForm();
		await postComment(reader);

		await reader.press('escape');
		const article = await reader.waitForText('page ');
		expect(statusOf(article)).toMatch(/^page 1\/\d+ · \d+% · 1 💬/);

		await reader.press('escape');
		const headlines = await reader.waitForText('newsread › World');
		const row = headlines.split('\n').find(line => line.includes('Marrowick harbour')) ?? '';
		expect(row).toContain('💬1');
		// Only this article has a comment.
		expect(headlines.split('💬').length).toBe(2);
	});

	it('the name and email are filled in the next time, on this and on another article', async () => {
		const reader = await openForm();
		await postComment(reader);
		expect(reader.reading.commenter()).toEqual(ann);

		await reader.press('r');
		let form = formOf(await reader.waitForText('Leave a reply'));
		expect(form).toMatchObject({comment: [''], name: ann.name, email: ann.email, focused: 'Comment'});

		// Esc on a form with nothing written leaves without asking (the name and email do not count).
		await reader.press('escape');
		await reader.waitForText('❯ Ann Reader');
		await reader.press('escape', 'escape');
		await reader.waitForText('newsread › World');
		await reader.press('j', 'enter');
		await reader.waitForText('page 1/');
		await reader.press('c', 'r');
		form = formOf(await reader.waitForText('Leave a reply'));
		expect(headerOf(reader.frame())).not.toContain('Marrowick harbour');
		expect(form).toMatchObject({comment: [''], name: ann.name, email: ann.email});
	});

	it('Ctrl+S and Ctrl+E do not type an "s" or an "e" into any field', async () => {
		const editText = failingEditor('vi exited with code 1');
		const reader = await openForm({editText});
		await reader.type('Hello');
		await reader.press('ctrlS');
		let form = formOf(await reader.waitForText(messages.name));
		expect(form).toMatchObject({comment: ['Hello'], name: '', focused: 'Name'});

		await reader.type('Ann');
		await reader.press('ctrlS');
		form = formOf(await reader.waitForText(messages.email));
		expect(form).toMatchObject({comment: ['Hello'], name: 'Ann', email: '', focused: 'Email'});

		await reader.type('ann@example');
		await reader.press('ctrlS');
		form = formOf(await reader.waitForText(messages.badEmail));
		expect(form).toMatchObject({comment: ['Hello'], name: 'Ann', email: 'ann@example'});

		await reader.press('ctrlE');
		await reader.waitForText('No editor');
		form = formOf(reader.frame());
		expect(form).toMatchObject({comment: ['Hello'], name: 'Ann', email: 'ann@example', focused: 'Comment'});
		await reader.press('ctrlE');
		await reader.waitForText('No editor');
		expect(formOf(reader.frame()).comment).toEqual(['Hello']);
		expect(editText).toHaveBeenCalledTimes(2);

		await reader.press('tab', 'tab');
		await reader.type('.org');
		await reader.press('ctrlS');
		await reader.waitForText(messages.saved);
		expect(reader.comments.list()).toEqual([expect.objectContaining({body: 'Hello', name: 'Ann', email: 'ann@example.org'})]);
	});
});

describe('drafts', () => {
	it('keeps an unfinished comment as a draft once typing pauses for DRAFT_DELAY_MS, not on every key', async () => {
		const reader = await openForm();
		vi.useFakeTimers({toFake: ['setTimeout', 'clearTimeout']});
		await reader.type('Half a thought');
		expect(reader.reading.draft(harbourVote)).toBeUndefined();
		await reader.advanceTimers(DRAFT_DELAY_MS - 1);
		expect(reader.reading.draft(harbourVote)).toBeUndefined();
		await reader.type(',');
		await reader.advanceTimers(DRAFT_DELAY_MS - 1);
		// Typing again started the wait again.
		expect(reader.reading.draft(harbourVote)).toBeUndefined();
		await reader.advanceTimers(1);
		expect(reader.reading.draft(harbourVote)).toMatchObject({body: 'Half a thought,', name: '', email: ''});
	});

	it('after a crash (a new reader on the same reading state) c restores the draft: "Your unfinished comment was restored." and the text is there', async () => {
		const reading = createMemoryReadingState();
		const comments = createMemoryCommentLog({now: () => FIXED_NOW});
		const first = await openForm({reading, comments});
		vi.useFakeTimers({toFake: ['setTimeout', 'clearTimeout']});
		await fillForm(first, {lines: ['The slip is older than the church,', 'and it should stay.'], name: 'Ann Reader', email: ''});
		await first.advanceTimers(DRAFT_DELAY_MS);
		expect(reading.draft(harbourVote)).toMatchObject({body: 'The slip is older than the church,\nand it should stay.', name: 'Ann Reader', email: ''});
		first.unmount();

		const second = await openHarbourVote({reading, comments});
		await second.press('c');
		const frame = await second.waitForText(messages.restored);
		const form = formOf(frame);
		expect(form).toMatchObject({comment: ['The slip is older than the church,', 'and it should stay.'], name: 'Ann Reader', email: ''});

		// It can be finished and posted; then the draft is gone and not offered again.
		await second.press('tab', 'tab');
		await second.type(ann.email);
		await second.press('ctrlS');
		await second.waitForText(messages.saved);
		expect(reading.draft(harbourVote)).toBeUndefined();
		expect(comments.list(harbourVote).map(comment => comment.body)).toEqual(['The slip is older than the church,\nand it should stay.']);
		await second.press('escape');
		await second.waitForText('page ');
		await second.press('c');
		await second.waitForText('❯ Ann Reader');
		expect(second.frame()).not.toContain(messages.restored);
	});

	it('closing the reader with the form open keeps what was typed even before the delay', async () => {
		const reading = createMemoryReadingState();
		const first = await openForm({reading});
		await first.type('Typed just before quitting');
		first.unmount();
		expect(reading.draft(harbourVote)).toMatchObject({body: 'Typed just before quitting'});
	});

	it('a draft opens the form even when the article has comments', async () => {
		const reading = createMemoryReadingState();
		const comments = createMemoryCommentLog({now: () => FIXED_NOW});
		comments.add(harbourVote, {body: 'An earlier comment.', name: 'Bo', email: 'bo@example.org'});
		reading.setDraft(harbourVote, {body: 'My reply', name: 'Ann Reader', email: ann.email});
		const reader = await openHarbourVote({reading, comments});
		await reader.press('c');
		const frame = await reader.waitForText(messages.restored);
		expect(headerOf(frame)).toMatch(/1 comment$/);
		expect(formOf(frame)).toMatchObject({comment: ['My reply'], name: 'Ann Reader', email: ann.email});
	});
});

describe('Esc in the form', () => {
	it('on a form with writing asks "Discard what you wrote? y/n"; n keeps the text', async () => {
		const reader = await openForm();
		await reader.type('Something worth keeping');
		await reader.press('escape');
		const question = await reader.waitForText(messages.discard);
		expect(statusOf(question)).toContain(messages.discard);
		// The keys of the question are not typed into the comment.
		await reader.press('n');
		const frame = await reader.waitForNoText(messages.discard);
		expect(formOf(frame)).toMatchObject({comment: ['Something worth keeping'], focused: 'Comment'});
		await reader.type('!');
		expect(formOf(reader.frame()).comment).toEqual(['Something worth keeping!']);
	});

	it('k keeps what was written as a draft and goes back to the (empty) list; c brings it back', async () => {
		const reader = await openForm();
		await reader.type('Half written');
		await reader.press('tab');
		await reader.type('Ann');
		await reader.press('escape');
		await reader.waitForText(messages.discard);
		await reader.press('k');
		const list = await reader.waitForText('Kept as a draft: it comes back when you open these comments again.');
		expect(headerOf(list)).toContain('Comments › Marrowick harbour');
		expect(bodyOf(list)[0]).toBe('No comments yet: r to write one.');
		expect(reader.reading.draft(harbourVote)).toMatchObject({body: 'Half written', name: 'Ann', email: ''});
		expect(reader.comments.list()).toEqual([]);

		await reader.press('q');
		await reader.waitForText('page 1/');
		await reader.press('c');
		const form = formOf(await reader.waitForText(messages.restored));
		expect(form).toMatchObject({comment: ['Half written'], name: 'Ann', email: ''});
	});

	it('y discards the text and the draft and goes back to the (empty) list', async () => {
		const reader = await openForm();
		vi.useFakeTimers({toFake: ['setTimeout', 'clearTimeout']});
		await reader.type('Never mind');
		await reader.advanceTimers(DRAFT_DELAY_MS);
		expect(reader.reading.draft(harbourVote)).toBeDefined();
		await reader.press('escape');
		await reader.waitForText(messages.discard);
		await reader.press('y');
		const list = await reader.waitForText('No comments yet: r to write one.');
		expect(headerOf(list)).toContain('Comments › Marrowick harbour');
		expect(reader.reading.draft(harbourVote)).toBeUndefined();
		expect(reader.comments.list()).toEqual([]);

		await reader.press('r');
		const form = formOf(await reader.waitForText('Leave a reply'));
		expect(form.comment).toEqual(['']);
		expect(reader.frame()).not.toContain(messages.restored);
	});

	it('on an empty form leaves at once without asking', async () => {
		const reader = await openForm();
		await reader.press('escape');
		const frame = await reader.waitForText('No comments yet: r to write one.');
		expect(frame).not.toContain(messages.discard);
		expect(headerOf(frame)).toContain('Comments › Marrowick harbour');
	});

	it('goes back to the list when the article has comments', async () => {
		const reader = await openForm();
		await postComment(reader);
		await reader.press('r');
		await reader.waitForText('Leave a reply');
		await reader.press('escape');
		const frame = await reader.waitForText('❯ Ann Reader');
		expect(headerOf(frame)).toMatch(/^Comments ›/);
	});
});

describe('editing and deleting', () => {
	it('e edits the highlighted comment (only its text) and the list then shows "edited"', async () => {
		const reader = await openForm();
		await postComment(reader, {lines: ['Frist post.'], ...ann});
		await reader.press('e');
		const frame = await reader.waitForText('Edit your comment');
		const form = formOf(frame);
		expect(form).toMatchObject({comment: ['Frist post.'], name: undefined, email: undefined});
		expect(statusOf(frame)).toMatch(/^Editing /);

		for (let index = 0; index < 'Frist post.'.length; index++) {
			await reader.press('backspace');
		}

		await reader.type('First post, corrected.');
		await reader.press('ctrlS');
		const list = await reader.waitForText('Saved your changes.');
		const body = bodyOf(list).map(line => line.trimEnd());
		expect(body).toContain('❯ Ann Reader · just now · edited');
		expect(body).toContain('    First post, corrected.');
		expect(list).not.toContain('Frist');
		expect(reader.comments.list(harbourVote)).toEqual([expect.objectContaining({body: 'First post, corrected.', name: ann.name, email: ann.email, editedAt: FIXED_NOW.toISOString()})]);
	});

	it('Esc while editing leaves without asking when nothing changed, and asks when the text changed', async () => {
		const reader = await openForm();
		await postComment(reader);
		await reader.press('e');
		await reader.waitForText('Edit your comment');
		await reader.press('escape');
		await reader.waitForText('❯ Ann Reader');
		expect(reader.frame()).not.toContain(messages.discard);

		await reader.press('e');
		await reader.waitForText('Edit your comment');
		await reader.type(' More.');
		await reader.press('escape');
		await reader.waitForText('Discard your changes? y/n');
		await reader.press('y');
		await reader.waitForText('❯ Ann Reader');
		expect(reader.comments.list()[0]?.body).toBe('A fine piece.');
		expect(reader.comments.list()[0]?.editedAt).toBeUndefined();
	});

	it('d asks "Delete this comment? y/n"; n keeps it, y removes it', async () => {
		const reader = await openForm();
		await postComment(reader);
		await reader.press('d');
		let frame = await reader.waitForText(messages.delete);
		expect(frame).toContain('A fine piece.');
		await reader.press('n');
		frame = await reader.waitForNoText(messages.delete);
		expect(frame).toContain('A fine piece.');
		expect(reader.comments.list()).toHaveLength(1);

		await reader.press('d');
		await reader.waitForText(messages.delete);
		await reader.press('y');
		frame = await reader.waitForText('Deleted the comment.');
		expect(frame).not.toContain('A fine piece.');
		expect(headerOf(frame)).toMatch(/0 comments$/);
		expect(reader.comments.list()).toEqual([]);
	});

	it('j and k choose the comment that e and d act on', async () => {
		const comments = createMemoryCommentLog({now: () => FIXED_NOW, newId: (() => {
			let next = 0;
			return () => `c${++next}`;
		})()});
		comments.add(harbourVote, {body: 'First comment.', name: 'Bo', email: 'bo@example.org'});
		comments.add(harbourVote, {body: 'Second comment.', name: 'Cy', email: 'cy@example.org'});
		const reader = await openHarbourVote({comments});
		await reader.press('c');
		await reader.waitForText('❯ Bo');
		await reader.press('j');
		await reader.waitForText('❯ Cy');
		expect(statusOf(reader.frame())).toMatch(/^2\/2 /);
		await reader.press('d');
		await reader.waitForText(messages.delete);
		await reader.press('y');
		await reader.waitForText('Deleted the comment.');
		expect(comments.list().map(comment => comment.id)).toEqual(['c1']);
		expect(reader.frame()).not.toContain('bo@example.org');
	});
});

describe('the editor (Ctrl+E)', () => {
	it('hands the comment to the editor and puts the text it returns in the Comment field', async () => {
		const editText = vi.fn<EditText>(async () => 'Written in the editor.\n\nWith a second paragraph.\n');
		const reader = await openForm({editText});
		await reader.type('Started here');
		await reader.press('enter');
		await reader.type('and here');
		await reader.press('ctrlE');
		const frame = await reader.waitForText('Comment text taken from the editor.');
		expect(editText).toHaveBeenCalledWith('Started here\nand here');
		// The editor's last newline is not an empty line of the comment.
		expect(formOf(frame).comment).toEqual(['Written in the editor.', '', 'With a second paragraph.']);

		await reader.press('tab');
		await reader.type(ann.name);
		await reader.press('tab');
		await reader.type(ann.email);
		await reader.press('ctrlS');
		await reader.waitForText(messages.saved);
		expect(reader.comments.list()[0]?.body).toBe('Written in the editor.\n\nWith a second paragraph.');
	});

	it('an editor that fails shows a "No editor" message and keeps the text', async () => {
		const reader = await openForm({editText: failingEditor('nano: not found')});
		await reader.type('Keep me');
		await reader.press('ctrlE');
		const frame = await reader.waitForText('No editor');
		expect(statusOf(frame)).toContain('No editor: nano: not found');
		expect(formOf(frame).comment).toEqual(['Keep me']);
	});

	it('without an editor the default says so and keeps the text', async () => {
		const reader = await openForm();
		await reader.type('Keep me too');
		await reader.press('ctrlE');
		const frame = await reader.waitForText('No editor');
		expect(formOf(frame).comment).toEqual(['Keep me too']);
	});

	it('a comment over 10,000 characters is refused with its message and not saved', async () => {
		const reader = await openForm({editText: async () => 'x'.repeat(10_001)});
		await takeTextFromEditorAndPost(reader);
		const frame = await reader.waitForText('10,000');
		expect(formOf(frame).commentLabel).toBe('❯ Comment *  The comment is 10,001 characters; the limit is 10,000.');
		expect(statusOf(frame)).toContain(messages.fix);
		expect(reader.comments.list()).toEqual([]);
	});

	it('exactly 10,000 characters are accepted', async () => {
		const reader = await openForm({editText: async () => 'y'.repeat(10_000)});
		await takeTextFromEditorAndPost(reader);
		await reader.waitForText(messages.saved);
		expect(reader.comments.list()[0]?.body).toHaveLength(10_000);
	});
});

describe('control characters', () => {
	const ESC = '\u001B';
	const BEL = '\u0007';

	it('a bell, a title (OSC) sequence and a bidi override typed or pasted never reach the saved comment, name or email', async () => {
		const reader = await openForm();
		await reader.type('Ring');
		await reader.press(BEL);
		await reader.press(`ing ${ESC}]0;PWNED${BEL}end`);
		await reader.press(`\u202Edone`);
		await reader.press('tab');
		await reader.press(`Ann${BEL} Reader`);
		await reader.press('tab');
		await reader.type(ann.email);
		await reader.press('ctrlS');
		await reader.waitForText(messages.saved);
		const [comment] = reader.comments.list();
		expect(comment).toBeDefined();
		for (const text of [comment!.body, comment!.name, comment!.email]) {
			expect(text).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/);
		}

		expect(comment!.body).toMatch(/^Ring.*done$/);
		expect(comment!.name).toBe('Ann Reader');
		expect(comment!.email).toBe(ann.email);
	});

	it('a pasted colour sequence (ESC [31m) does not break the form and never reaches the saved comment', async () => {
		const reader = await openForm();
		await reader.type('Red ');
		// In one chunk, as a terminal delivers a paste.
		await reader.press(`${ESC}[31malert${ESC}[0m`);
		await reader.type(' here');
		expect(formOf(reader.frame()).comment).toEqual(['Red alert here']);
		await reader.press('tab');
		await reader.type(ann.name);
		await reader.press('tab');
		await reader.type(ann.email);
		await reader.press('ctrlS');
		await reader.waitForText(messages.saved);
		expect(reader.comments.list()[0]?.body).toBe('Red alert here');
	});

	it('the form never draws a pasted bell or bidi override to the terminal', async () => {
		const reader = await openForm();
		await reader.press(`Ding${BEL}dong \u202Ereversed`);
		await reader.press('tab');
		const raw = reader.rawFrame();
		expect(raw).not.toContain(BEL);
		expect(raw).not.toContain('\u202E');
	});
});
