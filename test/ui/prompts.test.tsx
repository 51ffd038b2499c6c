// The text fields behave like a shell line: the readline keys edit, Ctrl letters never type, and the
// find and search prompts start empty with ↑/↓ bringing back what was submitted before.
import {describe, expect, it} from 'vitest';
import {type Reader, renderReader, statusOf} from '../helpers/render.js';

const ALT_B = '\u001Bb';
const ALT_F = '\u001Bf';
const ALT_D = '\u001Bd';
const ALT_BACKSPACE = '\u001B\u007F';
const CTRL_LEFT = '\u001B[1;5D';
const CTRL_RIGHT = '\u001B[1;5C';
const ctrl = (letter: string) => String.fromCodePoint(letter.codePointAt(0)! - 0x60);

async function openSearch(reader: Reader, text: string): Promise<void> {
	await reader.waitForText('Saved');
	await reader.press('/');
	await reader.waitForText('Search: ');
	await reader.type(text);
	await reader.waitForText(`Search: ${text}`);
}

/** The text of the search prompt (the cursor's cell after it is a space in a plain frame). */
function searchText(reader: Reader): string {
	return /^Search: (.*?) {2}Enter search/.exec(statusOf(reader.frame()))?.[1]?.trimEnd() ?? '';
}

describe('readline keys in a text field', () => {
	it('Ctrl+A goes to the start of the line and Ctrl+E to the end, typing nothing', async () => {
		const reader = renderReader();
		await openSearch(reader, 'harbour vote');
		await reader.press(ctrl('a'), 'X', ctrl('e'), 'Y');
		expect(searchText(reader)).toBe('Xharbour voteY');
	});

	it('Home and End go to the start and end of the line', async () => {
		const reader = renderReader();
		await openSearch(reader, 'harbour vote');
		await reader.press('home', '<', 'end', '>');
		expect(searchText(reader)).toBe('<harbour vote>');
	});

	it('Ctrl+U deletes to the start of the line and Ctrl+K to its end', async () => {
		const reader = renderReader();
		await openSearch(reader, 'old harbour vote');
		await reader.press('left', 'left', 'left', 'left', ctrl('k'));
		expect(searchText(reader)).toBe('old harbour');
		await reader.press(CTRL_LEFT, ctrl('u'));
		expect(searchText(reader)).toBe('harbour');
	});

	it('Ctrl+W deletes the word before the cursor, up to the space before it', async () => {
		const reader = renderReader();
		await openSearch(reader, 'ferry time-table');
		await reader.press(ctrl('w'));
		expect(searchText(reader)).toBe('ferry');
		await reader.press(ctrl('w'));
		expect(searchText(reader)).toBe('');
	});

	it('Alt+B and Ctrl+← go back a word, Alt+F and Ctrl+→ forward a word', async () => {
		const reader = renderReader();
		await openSearch(reader, 'one two three');
		await reader.press(ALT_B, '1');
		expect(searchText(reader)).toBe('one two 1three');
		await reader.press(CTRL_LEFT, CTRL_LEFT, '2');
		expect(searchText(reader)).toBe('one 2two 1three');
		await reader.press(ALT_F, '3');
		expect(searchText(reader)).toBe('one 2two3 1three');
		await reader.press(CTRL_RIGHT, '4');
		expect(searchText(reader)).toBe('one 2two3 1three4');
	});

	it('Alt+Backspace deletes the word before the cursor and Alt+D the word after it', async () => {
		const reader = renderReader();
		await openSearch(reader, 'one two.three');
		await reader.press(ALT_BACKSPACE);
		expect(searchText(reader)).toBe('one two.');
		await reader.press(ctrl('a'), ALT_D);
		expect(searchText(reader)).toBe(' two.');
	});

	it('a Ctrl letter without a meaning in a field types nothing', async () => {
		const reader = renderReader();
		await openSearch(reader, 'vote');
		await reader.press(ctrl('t'), ctrl('g'), ctrl('y'), ctrl('o'));
		expect(searchText(reader)).toBe('vote');
	});

	it('Ctrl+A and Ctrl+K edit a line of the comment, and Ctrl+E still opens the editor there', async () => {
		const edited: string[] = [];
		const reader = renderReader({
			async editText(text) {
				edited.push(text);
				return text;
			},
		});
		await reader.press('enter', 'enter');
		await reader.waitForText('page 1/');
		await reader.press('c');
		await reader.waitForText('No comments yet');
		await reader.press('r');
		await reader.waitForText('Leave a reply');
		await reader.type('Good report');
		await reader.press(ctrl('a'), 'Very ', ctrl('e'));
		await reader.waitForText('Very Good report');
		expect(edited).toEqual(['Very Good report']);
	});
});

describe('the find prompt', () => {
	async function openCensus(reader: Reader): Promise<void> {
		await reader.press('enter', 'enter');
		await reader.waitForText('page 1/');
	}

	async function find(reader: Reader, text: string): Promise<void> {
		await reader.press('/');
		await reader.waitForText('Enter find');
		await reader.type(text);
		await reader.press('enter');
		await reader.waitForText(`find "${text}"`);
	}

	it('starts empty after a find: /ferry then /zzqx finds "zzqx", not "ferryzzqx"', async () => {
		const reader = renderReader();
		await openCensus(reader);
		await find(reader, 'ferry');
		await reader.press('/');
		const prompt = await reader.waitForText('Enter find');
		expect(statusOf(prompt)).toMatch(/^\/ {2,}Enter find/);
		await reader.type('zzqx');
		await reader.press('enter');
		const frame = await reader.waitForText('find "zzqx"');
		expect(frame).not.toContain('ferryzzqx');
	});

	it('↑ brings back the finds of this session, newest first, and ↓ goes back to what was typed', async () => {
		const reader = renderReader();
		await openCensus(reader);
		await find(reader, 'ferry');
		await find(reader, 'census');
		await reader.press('/');
		await reader.waitForText('Enter find');
		await reader.type('isl');
		await reader.press('up');
		expect(statusOf(await reader.waitForText('/census'))).toMatch(/^\/census /);
		await reader.press('up');
		expect(statusOf(await reader.waitForText('/ferry'))).toMatch(/^\/ferry /);
		await reader.press('up');
		expect(statusOf(reader.frame())).toMatch(/^\/ferry /);
		await reader.press('down', 'down');
		expect(statusOf(await reader.waitForText('/isl'))).toMatch(/^\/isl /);
		// A text brought back is edited from its end.
		await reader.press('up', 'e');
		expect(statusOf(await reader.waitForText('/censuse'))).toMatch(/^\/censuse /);
	});
});

describe('the search prompt', () => {
	it('starts empty and ↑ brings back the search before', async () => {
		const reader = renderReader();
		await openSearch(reader, 'harbour');
		await reader.press('enter');
		await reader.waitForText('newsread › Search');
		await reader.press('/');
		await reader.waitForText('Enter search');
		expect(searchText(reader)).toBe('');
		await reader.press('up');
		await reader.waitForText('Search: harbour');
		expect(searchText(reader)).toBe('harbour');
	});
});
