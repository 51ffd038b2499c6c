// A 10 MB article opens at once: the first page shows while the rest is still being laid out, keys
// are acted on meanwhile, and the page count and the end follow. The order of what the reader sees
// is asserted, never a time (the timings are in `npm run bench`).
import {mkdirSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {type Library, loadLibrary} from '../../source/core/library.js';
import {articleShapes, headingsBody} from '../generate-shapes.js';
import {bodyOf, type Reader, renderReader, statusOf} from '../helpers/render.js';
import {temporaryFolder} from '../helpers/temporary-folder.js';

// Many slices of work, however fast the machine: the headings shape at the full 10 MB limit.
const headings = headingsBody();
const lastIndex = Number(/Text (\d+)\.\n*$/.exec(headings)![1]);

const layingOut = /^page \d+\/…/;
const counted = /^page \d+\/\d+ · \d+%/;

/**
 * Opens `body` as the only article of a library of its own (nothing laid out by an earlier test),
 * titled `title`, and waits for `firstText` of its first page.
 */
async function openShape(name: string, title: string, body: string, firstText: string): Promise<Reader> {
	const folder = temporaryFolder(name);
	mkdirSync(path.join(folder, 'shapes'), {recursive: true});
	writeFileSync(path.join(folder, 'shapes', `${name}.md`), `---\ntitle: "${title}"\nsection: Shapes\n---\n\n${body}`);
	const library: Library = loadLibrary([{path: folder}]);
	const reader = renderReader({library, realTime: true});
	await reader.waitForText('Shapes');
	await reader.press('enter');
	await reader.waitForText(title);
	await reader.press('enter');
	await reader.waitForText(firstText);
	return reader;
}

async function openLongArticle(): Promise<Reader> {
	return openShape('headings', 'Many headings', headings, 'Heading 0');
}

describe('a 10 MB article of many headings', () => {
	it('shows its first page before the page count is known, and moves on j meanwhile', async () => {
		const reader = await openLongArticle();
		const first = reader.frame();
		expect(statusOf(first)).toMatch(layingOut);
		// The headline comes first, then the body.
		expect(bodyOf(first)[0]?.trim()).toBe('Many headings');
		const bodyStart = bodyOf(first).findIndex(line => line.trim() === 'Heading 0');
		expect(bodyOf(first).slice(bodyStart, bodyStart + 3).map(line => line.trim())).toEqual(['Heading 0', '', 'Text 0.']);

		await reader.press(...Array.from({length: bodyStart + 2}, () => 'j' as const));
		// The top moved by two lines while the layout was still going on.
		const afterKeys = await waitForFrame(reader, frame => bodyOf(frame)[0]?.trim() === 'Text 0.');
		expect(statusOf(afterKeys)).toMatch(layingOut);

		// Then the count appears, and G reaches the article's last line.
		await waitForStatus(reader, counted);
		await reader.press('G');
		await reader.waitForText(`Text ${lastIndex}.`, {timeout: 60_000});
		expect(statusOf(reader.frame())).toMatch(/^page (\d+)\/\1 · 100%/);
	}, 180_000);

	it('goes back to the list on q before the layout is done, and goes on where it stopped when opened again', async () => {
		const reader = await openLongArticle();
		expect(statusOf(reader.frame())).toMatch(layingOut);
		await reader.press('q');
		await reader.waitForText('1 article', {timeout: 60_000});
		await reader.waitForNoText('Heading 0', {timeout: 60_000});
		// Leaving stopped the layout: opened again, the count is still being made.
		await reader.press('enter');
		await reader.waitForText('Heading 0');
		expect(statusOf(reader.frame())).toMatch(layingOut);
	}, 180_000);

	it('quits on Q before the layout is done', async () => {
		const reader = await openLongArticle();
		expect(statusOf(reader.frame())).toMatch(layingOut);
		await reader.press('Q');
		await waitForFrame(reader, () => reader.hasExited());
	}, 180_000);

	it('goes to the last line on G pressed before the page count is known', async () => {
		const reader = await openLongArticle();
		expect(statusOf(reader.frame())).toMatch(layingOut);
		await reader.press('G');
		await reader.waitForText(`Text ${lastIndex}.`, {timeout: 120_000});
		const end = await waitForStatus(reader, counted);
		expect(statusOf(end)).toMatch(/^page (\d+)\/\1 · 100%/);
		expect(bodyOf(end).some(line => line.includes('No comments yet'))).toBe(true);
	}, 180_000);
});

describe('a 10 MB article of one paragraph', () => {
	// One block: the parser cuts it inside the paragraph, so keys are still answered between pieces.
	const paragraph = articleShapes(undefined, ['paragraph'])[0]!.body;

	async function openParagraph(): Promise<Reader> {
		return openShape('paragraph', 'One long paragraph', paragraph, 'harbour');
	}

	it('moves on j before its layout is done', async () => {
		const reader = await openParagraph();
		const first = reader.frame();
		expect(statusOf(first)).toMatch(layingOut);
		const bodyStart = bodyOf(first).findIndex(line => line.trim().startsWith(paragraph.slice(0, 20)));
		expect(bodyStart).toBeGreaterThan(0);
		const [line0, line1] = bodyOf(first).slice(bodyStart);
		expect(line0?.trim().startsWith(paragraph.slice(0, 20))).toBe(true);
		expect(line1?.trim()).not.toBe('');

		await reader.press(...Array.from({length: bodyStart + 1}, () => 'j' as const));
		// The second line is now at the top, while the page count is still being made.
		const afterKey = await waitForFrame(reader, frame => bodyOf(frame)[0] === line1);
		expect(statusOf(afterKey)).toMatch(layingOut);
		await waitForStatus(reader, counted);
	}, 180_000);

	it('goes back to the list on q before its layout is done', async () => {
		const reader = await openParagraph();
		expect(statusOf(reader.frame())).toMatch(layingOut);
		await reader.press('q');
		await reader.waitForText('1 article', {timeout: 60_000});
		await reader.waitForNoText('harbour', {timeout: 60_000});
		// Leaving stopped the layout: opened again, the count is still being made.
		await reader.press('enter');
		await reader.waitForText('harbour');
		expect(statusOf(reader.frame())).toMatch(layingOut);
	}, 180_000);
});

async function waitForStatus(reader: Reader, pattern: RegExp): Promise<string> {
	return waitForFrame(reader, frame => pattern.test(statusOf(frame)));
}

/** Polls the frame until `matches` holds (a guard of two minutes, for a machine at load 40). */
async function waitForFrame(reader: Reader, matches: (frame: string) => boolean): Promise<string> {
	const deadline = Date.now() + 120_000;
	for (;;) {
		const frame = reader.frame();
		if (matches(frame)) {
			return frame;
		}

		if (Date.now() > deadline) {
			throw new Error(`Timed out waiting; last frame:\n${frame}`);
		}

		await new Promise(resolve => {
			setTimeout(resolve, 10);
		});
	}
}
