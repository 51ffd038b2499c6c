import {describe, expect, it} from 'vitest';
import {narrowWidth} from '../../source/core/narrow-width.js';

describe('narrowWidth', () => {
	it('counts the columns of ASCII, Latin, punctuation and the symbols newsread draws', () => {
		expect(narrowWidth('')).toBe(0);
		expect(narrowWidth('❯ World')).toBe(7);
		expect(narrowWidth('4 articles · 4 unread')).toBe(21);
		expect(narrowWidth('● ◐ › … • │ ─ ← ↑ → ↓ ×')).toBe(23);
		expect(narrowWidth('Ærø: “Ŋ” – ß')).toBe(12);
	});

	it('leaves colours and styles out of the count', () => {
		expect(narrowWidth('❯ World       \u001B[1m\u001B[36m4 articles · 4 unread  \u001B[39m\u001B[22m')).toBe(37);
		expect(narrowWidth('\u001B[38;2;10;20;30mred\u001B[0m')).toBe(3);
	});

	it('leaves to string-width what may be wide, zero-width or an escape sequence', () => {
		expect(narrowWidth('日本')).toBeUndefined();
		expect(narrowWidth('💬 2')).toBeUndefined();
		expect(narrowWidth('e\u0301')).toBeUndefined();
		expect(narrowWidth('soft\u00ADhyphen')).toBeUndefined();
		expect(narrowWidth('\u001B]8;;https://example.org\u0007link\u001B]8;;\u0007')).toBeUndefined();
		expect(narrowWidth('\u001B[2Jclear')).toBeUndefined();
		expect(narrowWidth('© 2026')).toBeUndefined();
		expect(narrowWidth('⚠ feed failed')).toBeUndefined();
		expect(narrowWidth('tab\there')).toBeUndefined();
	});
});
