// The choices made for the terminal at start: the glyph table by locale, colour by environment and
// chalk's level, the theme without colour, and text cut with an ASCII ellipsis.
import {describe, expect, it} from 'vitest';
import {truncateToWidth} from '../../source/core/layout.js';
import {asciiGlyphs, glyphsFor, unicodeGlyphs, utf8Locale, withLayoutMarks} from '../../source/glyphs.js';
import {colourOnTerminal, monochromeTheme} from '../../source/theme.js';

describe('the locale', () => {
	it('is UTF-8 when the first of LC_ALL, LC_CTYPE, LANG that is set names UTF-8', () => {
		expect(utf8Locale({LANG: 'en_GB.UTF-8'})).toBe(true);
		expect(utf8Locale({LANG: 'C.utf8'})).toBe(true);
		expect(utf8Locale({LC_CTYPE: 'de_DE.UTF-8', LANG: 'C'})).toBe(true);
		expect(utf8Locale({LC_ALL: '', LC_CTYPE: '', LANG: 'en_US.UTF-8'})).toBe(true);
	});

	it('is not UTF-8 for C, POSIX, a Latin-1 locale, or LC_ALL=C over a UTF-8 LANG', () => {
		expect(utf8Locale({LANG: 'C'})).toBe(false);
		expect(utf8Locale({LANG: 'POSIX'})).toBe(false);
		expect(utf8Locale({LANG: 'de_DE.ISO-8859-1'})).toBe(false);
		expect(utf8Locale({LC_ALL: 'C', LANG: 'en_US.UTF-8'})).toBe(false);
		expect(utf8Locale({LC_CTYPE: 'C', LANG: 'en_US.UTF-8'})).toBe(false);
	});

	it('counts as UTF-8 when no locale variable is set', () => {
		expect(utf8Locale({})).toBe(true);
	});
});

describe('the glyph table', () => {
	it('is all ASCII for a locale that is not UTF-8, and Unicode otherwise', () => {
		expect(glyphsFor({LANG: 'C'})).toBe(asciiGlyphs);
		expect(glyphsFor({LANG: 'C.UTF-8'})).toBe(unicodeGlyphs);
		expect(Object.values(asciiGlyphs).join('')).toMatch(/^[\x20-\x7E]+$/);
	});

	it('falls back as a person would read it', () => {
		expect(asciiGlyphs).toMatchObject({pointer: '>', unread: '*', inProgress: 'o', crumb: '>', ellipsis: '...', separator: '-', comments: '[c]', warning: '!', bullet: '*', quoteBar: '|', rule: '-'});
		expect(unicodeGlyphs).toMatchObject({pointer: '❯', unread: '●', inProgress: '◐', crumb: '›', ellipsis: '…', separator: '·', comments: '💬', warning: '⚠', bullet: '•', quoteBar: '│', rule: '─'});
	});

	it('draws the layout\'s bullets, quote bars and rules in ASCII, each one column as before', () => {
		expect(withLayoutMarks('• ', asciiGlyphs)).toBe('* ');
		expect(withLayoutMarks('│ ', asciiGlyphs)).toBe('| ');
		expect(withLayoutMarks('─────', asciiGlyphs)).toBe('-----');
		expect(withLayoutMarks('• ', unicodeGlyphs)).toBe('• ');
	});

	it('cuts text with a three-dot ellipsis within the same width', () => {
		expect(truncateToWidth('Farrowsey census finds island population rising', 20, '...')).toBe('Farrowsey census ...');
		expect(truncateToWidth('Farrowsey census finds island population rising', 20)).toBe('Farrowsey census fi…');
		expect(truncateToWidth('短い見出しが長く続く', 9, '...')).toBe('短い見...');
		expect(truncateToWidth('Farrowsey', 2, '...')).toBe('..');
		expect(truncateToWidth('Farrowsey', 9, '...')).toBe('Farrowsey');
	});
});

describe('colour on a terminal', () => {
	it('is used when the terminal has colours and nothing turns it off', () => {
		expect(colourOnTerminal({TERM: 'xterm-256color'}, 2)).toBe(true);
		expect(colourOnTerminal({TERM: 'xterm', NO_COLOR: ''}, 1)).toBe(true);
	});

	it('is not used with NO_COLOR (any value but empty), TERM=dumb, or a terminal chalk finds no colours in', () => {
		expect(colourOnTerminal({TERM: 'xterm-256color', NO_COLOR: '1'}, 2)).toBe(false);
		expect(colourOnTerminal({TERM: 'xterm-256color', NO_COLOR: 'false'}, 2)).toBe(false);
		expect(colourOnTerminal({TERM: 'dumb'}, 1)).toBe(false);
		expect(colourOnTerminal({TERM: 'vt52'}, 0)).toBe(false);
	});

	it('has a theme without colour where subheadings are bold and underlined and the selection inverse', () => {
		expect(Object.values(monochromeTheme).filter(style => 'color' in style)).toEqual([]);
		expect(monochromeTheme.subheading).toEqual({bold: true, underline: true});
		expect(monochromeTheme.selected).toEqual({bold: true, inverse: true});
		expect(monochromeTheme.match).toEqual({inverse: true});
	});
});

describe("an article's head without colour", () => {
	it('draws the headline bold, the standfirst italic and the byline dim, so each stands out from body text', () => {
		expect(monochromeTheme.headline).toEqual({bold: true});
		expect(monochromeTheme.standfirst).toEqual({italic: true});
		expect(monochromeTheme.byline).toEqual({dimColor: true});
		expect(monochromeTheme.plain).toEqual({});
	});
});
