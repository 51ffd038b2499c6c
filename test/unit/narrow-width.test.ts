import {describe, expect, it} from 'vitest';
import {narrowGraphemes, narrowWidth} from '../../source/core/narrow-width.js';

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

describe('narrowGraphemes', () => {
	const segments = (text: string) => {
		const graphemes = narrowGraphemes(text);
		return graphemes === undefined ? undefined : [...graphemes].map(({segment, index}) => [segment, index]);
	};

	it('gives each unit of narrow text, escape sequences included, as a grapheme at its index', () => {
		expect(segments('')).toEqual([]);
		expect(segments('❯ Wo')).toEqual([['❯', 0], [' ', 1], ['W', 2], ['o', 3]]);
		expect(segments('\u001B[1mé')).toEqual([['\u001B', 0], ['[', 1], ['1', 2], ['m', 3], ['é', 4]]);
		expect(segments('a\nb')).toEqual([['a', 0], ['\n', 1], ['b', 2]]);
	});

	it('finds the grapheme containing an index, as Intl.Segmenter does', () => {
		const graphemes = narrowGraphemes('ab─')!;
		expect(graphemes.containing(2)).toEqual({segment: '─', index: 2, input: 'ab─'});
		expect(graphemes.containing(1.5)).toEqual({segment: 'b', index: 1, input: 'ab─'});
		expect(graphemes.containing()).toEqual({segment: 'a', index: 0, input: 'ab─'});
		expect(graphemes.containing(3)).toBeUndefined();
		expect(graphemes.containing(-1)).toBeUndefined();
	});

	it('leaves to Intl.Segmenter text where a grapheme may span several units', () => {
		expect(narrowGraphemes('e\u0301')).toBeUndefined();
		expect(narrowGraphemes('line\r\n')).toBeUndefined();
		expect(narrowGraphemes('👍🏽')).toBeUndefined();
		expect(narrowGraphemes('🇫🇷')).toBeUndefined();
		expect(narrowGraphemes('a\u200Db')).toBeUndefined();
		expect(narrowGraphemes('日本')).toBeUndefined();
		expect(narrowGraphemes('각')).toBeUndefined();
	});
});
