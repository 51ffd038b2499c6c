// The comments screen's questions answer only to their own keys: k keeps a draft when leaving the
// form, and means nothing when the question is whether to delete a comment.
import {describe, expect, it} from 'vitest';
import {createMemoryCommentLog} from '../../source/store/comments.js';
import {FIXED_NOW, renderReader, statusOf} from '../helpers/render.js';

const harbourVote = 'world/harbour-vote';

describe('comment questions', () => {
	it('k on "Delete this comment? y/n" neither deletes the comment nor keeps a draft, and n still answers', async () => {
		const comments = createMemoryCommentLog({now: () => FIXED_NOW});
		comments.add(harbourVote, {name: 'Bo Tern', email: 'bo@example.org', body: 'Keep the slip open.'});
		const reader = renderReader({comments});
		await reader.press('enter');
		await reader.waitForText('newsread › World');
		await reader.press('j', 'j', 'enter');
		await reader.waitForText('page 1/');
		await reader.press('c');
		await reader.waitForText('❯ Bo Tern');
		await reader.press('d');
		await reader.waitForText('Delete this comment? y/n');

		await reader.press('k');
		expect(statusOf(reader.frame())).toMatch(/^Delete this comment\? y\/n/);
		expect(reader.reading.draft(harbourVote)).toBeUndefined();
		expect(reader.frame()).not.toContain('Kept as a draft');

		await reader.press('n');
		await reader.waitForText('1/1');
		expect(comments.list(harbourVote)).toHaveLength(1);
	});
});
