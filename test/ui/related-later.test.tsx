// An article opened before the library's related-articles index is built (the reader's first second
// at 50,000 articles): its text shows at once, the end matter and page count once the index is there.
// And in a large library: an article's first page is drawn before its related articles are looked up.
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

	it('in a large library, draws the article before it looks its related articles up, and looks them up once for the article and its outline', async () => {
		const bundled = bundledLibrary();
		const framesWhenAsked: string[] = [];
		const library: Library = {
			...bundled,
			// As large as a library whose related articles take tens of milliseconds to find.
			count: 50_000,
			related(id, count) {
				framesWhenAsked.push(reader.frame());
				return bundled.related(id, count);
			},
		};
		const reader = renderReader({library, realTime: true});
		await reader.waitForText('World');
		await reader.press('enter');
		await reader.waitForText('newsread › World');
		await reader.press('j', 'j', 'enter');
		await reader.waitForText('page 1/');
		const deadline = Date.now() + 10_000;
		while (!/^page 1\/\d+ · \d+%/.test(statusOf(reader.frame())) && Date.now() < deadline) {
			await new Promise(resolve => {
				setTimeout(resolve, 20);
			});
		}

		expect(framesWhenAsked).toHaveLength(1);
		expect(framesWhenAsked[0]).toContain('Marrowick harbour');
		expect(statusOf(framesWhenAsked[0]!)).toMatch(/^page 1\/…/);

		await reader.press('t');
		await reader.waitForText('Outline › Marrowick harbour');
		await reader.press('q');
		await reader.waitForText('World › Marrowick harbour');
		await reader.press('G');
		await reader.waitForText('Related articles');
		expect(framesWhenAsked).toHaveLength(1);
		reader.unmount();
	});
});
