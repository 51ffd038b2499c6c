// An article opened before the library's related-articles index is built (the reader's first second
// at 50,000 articles): its text shows at once, the end matter and page count once the index is there.
import {describe, expect, it} from 'vitest';
import type {Library} from '../../source/core/library.js';
import {bundledLibrary, renderReader, statusOf} from '../helpers/render.js';

describe('related articles not indexed yet', () => {
	it('shows the article at once with its page count unknown, then its related articles and page count', async () => {
		let indexed = false;
		const bundled = bundledLibrary();
		const library: Library = {...bundled, prepareRelated: () => indexed};
		const reader = renderReader({library, realTime: true});
		await reader.waitForText('World');
		await reader.press('enter');
		await reader.waitForText('newsread › World');
		await reader.press('enter');
		await reader.waitForText('page 1/');
		const before = reader.frame();
		expect(statusOf(before)).toMatch(/^page 1\/…/);
		expect(before).not.toContain('Related articles');

		indexed = true;
		const deadline = Date.now() + 10_000;
		while (!/^page 1\/\d+ · \d+%/.test(statusOf(reader.frame())) && Date.now() < deadline) {
			await new Promise(resolve => {
				setTimeout(resolve, 20);
			});
		}

		expect(statusOf(reader.frame())).toMatch(/^page 1\/\d+ · \d+%/);
		await reader.press('G');
		const end = await reader.waitForText('Related articles');
		expect(end).toContain('No comments yet');
		reader.unmount();
	});
});
