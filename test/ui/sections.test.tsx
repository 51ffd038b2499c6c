// The first screen: sections with their counts, All, Saved, "Continue reading", moving and quitting.
import {describe, expect, it, vi} from 'vitest';
import {createMemoryReadingState} from '../../source/store/reading-state.js';
import {bodyOf, headerOf, renderReader, statusOf} from '../helpers/render.js';

/** The sample articles: 19 in six sections. */
const total = 19;
const sectionCounts = {World: 4, Science: 3, Business: 3, Culture: 3, Technology: 3, Sport: 3};

/** The body line that starts with a section entry's name (after the cursor column). */
function entryLine(frame: string, label: string): string {
	const line = bodyOf(frame).find(candidate => candidate.slice(2).startsWith(`${label} `));
	if (!line) {
		throw new Error(`No "${label}" entry in:\n${frame}`);
	}

	return line;
}

describe('sections screen', () => {
	it('lists every section with its article and unread counts, in the order of sections.yaml, then All and Saved', async () => {
		const reader = renderReader();
		const frame = await reader.waitForText('Saved');

		expect(headerOf(frame)).toMatch(new RegExp(`^newsread .* ${total} articles · ${total} unread$`));
		const labels = bodyOf(frame)
			.filter(line => line.trim() !== '')
			.map(line => line.slice(2).split(/ {2,}/)[0]);
		expect(labels).toEqual(['World', 'Science', 'Business', 'Culture', 'Technology', 'Sport', 'All', 'Saved']);
		for (const [name, count] of Object.entries(sectionCounts)) {
			expect(entryLine(frame, name)).toMatch(new RegExp(`${count} articles · ${count} unread\\s*$`));
		}

		expect(entryLine(frame, 'All')).toMatch(new RegExp(`${total} articles · ${total} unread\\s*$`));
		expect(entryLine(frame, 'Saved')).toMatch(/0 articles\s*$/);
		expect(statusOf(frame)).toMatch(/^1\/8 /);
	});

	it('shows one unread article fewer in the section and in All after an article was opened and closed', async () => {
		const reader = renderReader();
		await reader.waitForText('World');
		expect(entryLine(reader.frame(), 'World')).toContain('4 articles · 4 unread');

		await reader.press('enter', 'enter');
		await reader.waitForText('page 1/');
		await reader.press('q', 'q');
		const frame = await reader.waitForText('Continue reading');

		expect(entryLine(frame, 'World')).toContain('4 articles · 3 unread');
		expect(entryLine(frame, 'Science')).toContain('3 articles · 3 unread');
		expect(entryLine(frame, 'All')).toContain(`${total} articles · ${total - 1} unread`);
		expect(headerOf(frame)).toContain(`${total - 1} unread`);
	});

	it('offers "Continue reading: <title> (N%)" after reading, and Enter resumes the article where it was left', async () => {
		const reader = renderReader();
		// Sport is the sixth section; its newest article is the hockey cup report.
		await reader.press('j', 'j', 'j', 'j', 'j', 'enter');
		await reader.waitForText('newsread › Sport');
		await reader.press('enter');
		await reader.waitForText('Sport › Late equaliser');
		await reader.press(']', ']');
		const left = statusOf(await reader.waitForText('The comeback'));
		const percent = /^page \d+\/\d+ · (\d+)%/.exec(left)?.[1];
		expect(percent).toBeDefined();

		await reader.press('q', 'q');
		const sections = await reader.waitForText('Continue reading');
		expect(bodyOf(sections)[0]).toContain(`Continue reading: Late equaliser keeps Saltmere in the county hockey cup (${percent}%)`);

		await reader.press('g', 'enter');
		const resumed = await reader.waitForText('Sport › Late equaliser');
		expect(bodyOf(resumed).find(line => line.trim() !== '')?.trim()).toBe('The comeback');
	});

	// Guards resuming on the block's first text line, not the blank spacer above it.
	it('resumes on the same page, percentage and subheading as the reader left', async () => {
		const reader = renderReader();
		await reader.press('j', 'j', 'j', 'j', 'j', 'enter', 'enter');
		await reader.waitForText('Sport › Late equaliser');
		await reader.press(']', ']');
		const left = statusOf(await reader.waitForText('The comeback'));
		await reader.press('q', 'q');
		await reader.waitForText('Continue reading');
		await reader.press('g', 'enter');
		const resumed = await reader.waitForText('Sport › Late equaliser');

		expect(statusOf(resumed).split('  ')[0]).toBe(left.split('  ')[0]);
	});

	it('keeps the percentage of "Continue reading" visible when the title is too long for the line', async () => {
		const reader = renderReader({columns: 80});
		await reader.press('enter', 'enter');
		await reader.waitForText('World › Farrowsey census');
		await reader.press('q', 'q');
		const frame = await reader.waitForText('Continue reading');

		expect(bodyOf(frame)[0]).toMatch(/^[❯ ] Continue reading: Farrowsey census[^(]*… \(\d+%\)\s*$/);
	});

	// Guards the cursor against "Continue reading" appearing above the sections.
	it('keeps the cursor on the section the reader came back from', async () => {
		const reader = renderReader();
		await reader.press('j', 'j', 'j', 'j', 'j', 'enter', 'enter');
		await reader.waitForText('Sport › ');
		await reader.press('q', 'q');
		const frame = await reader.waitForText('Continue reading');

		expect(entryLine(frame, 'Sport').startsWith('❯ ')).toBe(true);
	});

	it('marks the highlighted section read with M, leaving the other sections unread', async () => {
		const reader = renderReader();
		await reader.waitForText('Saved');
		await reader.press('j', 'M', 'y');
		const frame = await reader.waitForText('Marked 3 articles in Science read');
		expect(entryLine(frame, 'Science')).not.toContain('unread');
		expect(entryLine(frame, 'World')).toContain('4 unread');
		expect(headerOf(frame)).toMatch(/19 articles · 16 unread$/);
	});

	it('does not open anything when a digit 1-9 is pressed', async () => {
		const reader = renderReader();
		const before = await reader.waitForText('Saved');
		await reader.press('1', '2', '3', '4', '5', '6', '7', '8', '9');

		expect(headerOf(reader.frame())).toBe(headerOf(before));
		expect(bodyOf(reader.frame())).toEqual(bodyOf(before));
		expect(statusOf(reader.frame())).toContain('9 does nothing here: press ? for help');
		expect(reader.hasExited()).toBe(false);
	});

	it('moves the highlight with j and k and with the arrow keys', async () => {
		const reader = renderReader();
		await reader.waitForText('World');
		expect(entryLine(reader.frame(), 'World').startsWith('❯ ')).toBe(true);

		await reader.press('j');
		expect(entryLine(reader.frame(), 'Science').startsWith('❯ ')).toBe(true);
		expect(entryLine(reader.frame(), 'World').startsWith('  ')).toBe(true);
		expect(statusOf(reader.frame())).toMatch(/^2\/8 /);

		await reader.press('down', 'down');
		expect(entryLine(reader.frame(), 'Culture').startsWith('❯ ')).toBe(true);

		await reader.press('k');
		expect(entryLine(reader.frame(), 'Business').startsWith('❯ ')).toBe(true);

		await reader.press('up', 'up', 'up');
		expect(entryLine(reader.frame(), 'World').startsWith('❯ ')).toBe(true);
		expect(statusOf(reader.frame())).toMatch(/^1\/8 /);

		await reader.press('down', 'enter');
		await reader.waitForText('newsread › Science');
	});

	it('jumps to the last entry with End and back to the first with Home', async () => {
		const reader = renderReader();
		await reader.waitForText('Saved');

		await reader.press('end');
		expect(entryLine(reader.frame(), 'Saved').startsWith('❯ ')).toBe(true);
		expect(statusOf(reader.frame())).toMatch(/^8\/8 /);

		await reader.press('home');
		expect(entryLine(reader.frame(), 'World').startsWith('❯ ')).toBe(true);
		expect(statusOf(reader.frame())).toMatch(/^1\/8 /);
	});

	it('opens the highlighted section with l and with →', async () => {
		const reader = renderReader();
		await reader.waitForText('Saved');
		await reader.press('j', 'l');
		await reader.waitForText('newsread › Science');

		await reader.press('h');
		await reader.waitForText('Saved');
		await reader.press('j', 'right');
		await reader.waitForText('newsread › Business');
	});

	it('exits on q, writing the reading state, and draws nothing more', async () => {
		const reading = createMemoryReadingState();
		const flush = vi.spyOn(reading, 'flush');
		const reader = renderReader({reading});
		await reader.waitForText('Saved');

		await reader.press('q');
		expect(reader.hasExited()).toBe(true);
		expect(flush).toHaveBeenCalled();

		// Ink's last output differs with CI set (it writes only the final frame), so compare with itself.
		const frames = reader.frameCount();
		const last = reader.frame();
		await reader.press('j', 'enter');
		expect(reader.frameCount()).toBe(frames);
		expect(reader.frame()).toBe(last);
	});

	it('goes back to the sections screen on q from a list instead of exiting', async () => {
		const reader = renderReader();
		await reader.press('enter');
		await reader.waitForText('newsread › World');
		await reader.press('q');

		await reader.waitForText('Saved');
		expect(reader.hasExited()).toBe(false);
	});
});
