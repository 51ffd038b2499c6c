// The one list component: the highlight stays on its item when the list changes under it.
import {describe, expect, it} from 'vitest';
import {createMemoryReadingState} from '../../source/store/reading-state.js';
import {bodyOf, bundledLibrary, renderReader, statusOf} from '../helpers/render.js';

/** The highlighted row of a list (the one with the pointer). */
function highlighted(frame: string): string | undefined {
	return bodyOf(frame).find(line => line.startsWith('❯'));
}

describe('lists', () => {
	it('keeps World highlighted when "Continue reading" appears above it, though the cursor never moved', async () => {
		const reader = renderReader();
		await reader.waitForText('Saved');
		expect(highlighted(reader.frame())).toMatch(/^❯ World /);

		await reader.press('enter', 'enter');
		await reader.waitForText('World › ');
		await reader.press('q', 'q');
		const frame = await reader.waitForText('Continue reading');

		expect(bodyOf(frame)[0]).toMatch(/^ {2}Continue reading: /);
		expect(highlighted(frame)).toMatch(/^❯ World /);
		expect(statusOf(frame)).toMatch(/^2\/9 /);
	});

	it('keeps the cursor in place in Saved when the article under it is unsaved, on the one that took its place', async () => {
		const library = bundledLibrary();
		const [first, second, third] = library.articles;
		const reading = createMemoryReadingState();
		for (const article of [first, second, third]) {
			reading.setSaved(article!.id, true);
		}

		const reader = renderReader({reading});
		await reader.press('G', 'enter');
		const list = await reader.waitForText('newsread › Saved');
		// Headline rows only (a long title goes on over a second row at 80 columns).
		const titles = bodyOf(list)
			.filter(line => /^[ ❯][● ◐] \S/.test(line))
			.map(line => line.slice(3).trim().split(/ {2,}/)[0]);
		await reader.press('j', 'enter');
		await reader.waitForText('page 1/');
		await reader.press('s');
		await reader.waitForText('Removed from Saved');
		await reader.press('h');
		const after = await reader.waitForText('2 articles');

		// The article listed third before is now second, and highlighted.
		expect(statusOf(after)).toMatch(/^2\/2 /);
		expect(highlighted(after)).toContain(titles[2]!.slice(0, 20));
		expect(highlighted(after)).not.toContain(titles[1]!.slice(0, 20));
	});
});
