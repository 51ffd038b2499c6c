// The stdin filter: keys reach Ink as they are, other control sequences (ink#901) do not.
import {describe, expect, it} from 'vitest';
import {dropUnknownSequences, filterRead} from '../../source/ui/keyboard-input.js';

const ESC = '\u001B';

describe('dropUnknownSequences', () => {
	it.each([
		['PgUp', `${ESC}[5~`],
		['PgDn', `${ESC}[6~`],
		['Delete', `${ESC}[3~`],
		['Insert', `${ESC}[2~`],
		['F5', `${ESC}[15~`],
		['Ctrl+PgDn', `${ESC}[6;5~`],
		['↓', `${ESC}[B`],
		['Ctrl+→', `${ESC}[1;5C`],
		['Home', `${ESC}[H`],
		['Shift+Tab', `${ESC}[Z`],
	])('keeps %s', (_name, sequence) => {
		expect(dropUnknownSequences(`a${sequence}b`)).toBe(`a${sequence}b`);
	});

	it('drops a colour code and a window title from pasted text, keeping the text', () => {
		expect(dropUnknownSequences(`Red ${ESC}[31malert${ESC}[0m ${ESC}]0;PWNED\u0007here`)).toBe('Red alert here');
	});

	it('drops a Ctrl+F1 that would crash Ink 6.8', () => {
		expect(dropUnknownSequences(`${ESC}[1;5P`)).toBe('');
	});

	it('keeps a key cut off at the end of a chunk, for Ink to complete with the next one', () => {
		expect(dropUnknownSequences(`j${ESC}[6`)).toBe(`j${ESC}[6`);
		expect(dropUnknownSequences(`j${ESC}[`)).toBe(`j${ESC}[`);
	});

	it('keeps text without escapes as it is, control characters included (they are keys)', () => {
		expect(dropUnknownSequences('\u007F\u007F\u007F')).toBe('\u007F\u007F\u007F');
	});
});

describe('filterRead', () => {
	it('filters each chunk and passes null (nothing to read) through', () => {
		const chunks = [`${ESC}[31mx`, null];
		const read = filterRead(() => chunks.shift() ?? null);
		expect(read()).toBe('x');
		expect(read()).toBeNull();
	});
});
