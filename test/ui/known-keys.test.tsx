// Keys people bring from less, vi and newsboat (Ctrl+D/U/F/B, J/K), the help paging like the pager,
// q at a too-small terminal, hints that say what q does, and a word for a key that does nothing.
import {describe, expect, it} from 'vitest';
import {bodyOf, headerOf, type Reader, renderReader, statusOf} from '../helpers/render.js';

const ctrl = (letter: string) => String.fromCodePoint(letter.codePointAt(0)! - 0x60);

async function openCensus(reader: Reader): Promise<void> {
	await reader.press('enter');
	await reader.waitForText('newsread › World');
	await reader.press('enter');
	await reader.waitForText('page 1/4');
}

describe('less and vi keys in the pager', () => {
	it('Ctrl+F shows page 2 of 4 and Ctrl+B page 1 again', async () => {
		const reader = renderReader();
		await openCensus(reader);
		await reader.press(ctrl('f'));
		expect(statusOf(reader.frame())).toMatch(/^page 2\/4 /);
		await reader.press(ctrl('b'));
		expect(statusOf(reader.frame())).toMatch(/^page 1\/4 /);
	});

	it('Ctrl+D scrolls half of the 21 rows down and Ctrl+U back up', async () => {
		const reader = renderReader();
		await openCensus(reader);
		const first = bodyOf(reader.frame());
		await reader.press(ctrl('d'));
		expect(bodyOf(reader.frame())[0]).toBe(first[10]);
		await reader.press(ctrl('u'));
		expect(bodyOf(reader.frame())[0]).toBe(first[0]);
	});

	it('J opens the next article and K the one before, also while a find is active', async () => {
		const reader = renderReader();
		await openCensus(reader);
		await reader.press('/');
		await reader.type('Morag');
		await reader.press('enter');
		await reader.waitForText('find "Morag"');
		await reader.press('J');
		expect(headerOf(await reader.waitForText('World › Three coastal towns'))).toContain('World › Three coastal towns');
		await reader.press('K');
		expect(headerOf(await reader.waitForText('World › Farrowsey census'))).toContain('World › Farrowsey census');
	});
});

describe('half and whole screenfuls in lists', () => {
	it('Ctrl+D moves half a screenful down the list of all articles, Ctrl+U back; Ctrl+F and Ctrl+B a whole one', async () => {
		const reader = renderReader({rows: 12});
		await reader.press('G', 'k', 'enter');
		await reader.waitForText('newsread › All');
		// 9 rows at 80×12 hold 4 headlines of two rows (All has titles too long for one): a screenful is 4.
		await reader.press(ctrl('f'));
		expect(statusOf(reader.frame())).toMatch(/^5\/19 /);
		await reader.press(ctrl('b'));
		expect(statusOf(reader.frame())).toMatch(/^1\/19 /);
		// Half of the 4 headlines shown is 2.
		await reader.press(ctrl('d'));
		expect(statusOf(reader.frame())).toMatch(/^3\/19 /);
		await reader.press(ctrl('u'));
		expect(statusOf(reader.frame())).toMatch(/^1\/19 /);
	});
});

describe('the help pages like everything else', () => {
	it('Space and PgDn page down, PgUp back, G to the end and g to the top', async () => {
		const reader = renderReader();
		await openCensus(reader);
		await reader.press('?');
		await reader.waitForText('Help: keys');
		await reader.press('space');
		expect(statusOf(reader.frame())).toMatch(/^13-33 of 33 /);
		await reader.press('pageUp');
		expect(statusOf(reader.frame())).toMatch(/^1-21 of 33 /);
		await reader.press('pageDown');
		expect(statusOf(reader.frame())).toMatch(/^13-33 of 33 /);
		await reader.press('g');
		expect(statusOf(reader.frame())).toMatch(/^1-21 of 33 /);
		await reader.press('G');
		expect(statusOf(reader.frame())).toMatch(/^13-33 of 33 /);
	});
});

describe('a key that does nothing', () => {
	it('says "x does nothing here: press ? for help" in the status line, and goes at the next key', async () => {
		const reader = renderReader();
		await openCensus(reader);
		await reader.press('x');
		expect(statusOf(await reader.waitForText('does nothing'))).toContain('x does nothing here: press ? for help');
		await reader.press('space');
		expect(statusOf(reader.frame())).toMatch(/^page 2\/4 /);
		expect(reader.frame()).not.toContain('does nothing');
	});

	it('names a Ctrl key as Ctrl+T', async () => {
		const reader = renderReader();
		await reader.waitForText('Saved');
		await reader.press(ctrl('t'));
		expect(statusOf(await reader.waitForText('does nothing'))).toContain('Ctrl+T does nothing here: press ? for help');
	});

	it('says nothing for letters pasted on a screen without a text field', async () => {
		const reader = renderReader();
		await openCensus(reader);
		const before = reader.frame();
		await reader.press('xyz');
		expect(reader.frame()).toBe(before);
		await reader.press('\u001B[200~xyz\u001B[201~');
		expect(reader.frame()).not.toContain('does nothing');
	});
});

describe('q', () => {
	it('quits at a 30×8 terminal, and the message says so', async () => {
		const reader = renderReader({columns: 30, rows: 8});
		const frame = await reader.waitForText('Make the terminal larger');
		expect(frame.replaceAll(/\s+/g, ' ')).toContain('Press q to quit.');
		await reader.press('q');
		expect(reader.hasExited()).toBe(true);
	});

	it('is hinted as "q quit" on the first screen and "q back" on the next', async () => {
		const reader = renderReader({columns: 160});
		const sections = await reader.waitForText('Saved');
		expect(statusOf(sections)).toMatch(/ q quit\b/);
		expect(statusOf(sections)).not.toContain('q back');
		await reader.press('enter');
		const headlines = await reader.waitForText('newsread › World');
		expect(statusOf(headlines)).toMatch(/ q back\b/);
	});
});
