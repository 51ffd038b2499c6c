import {describe, expect, it} from 'vitest';
import {decodeBody, decodeBodyDetailed} from '../../source/feeds/decode-body.js';
import {parseFeed} from '../../source/feeds/parse-feed.js';

// Bodies built from known byte sequences: ASCII text around the bytes of one encoding.
function body(...parts: Array<string | number[]>): Uint8Array {
	const chunks = parts.map(part => (typeof part === 'string' ? [...Buffer.from(part, 'latin1')] : part));
	return Uint8Array.from(chunks.flat());
}

const declared = (encoding: string) => `<?xml version="1.0" encoding="${encoding}"?>`;
// "Café “quoted” €5" in windows-1252.
const cafe1252 = [0x43, 0x61, 0x66, 0xE9, 0x20, 0x93, 0x71, 0x75, 0x6F, 0x74, 0x65, 0x64, 0x94, 0x20, 0x80, 0x35];
// 東京 in Shift_JIS, Привет in KOI8-R, 中文 in GB18030 and in Big5.
const tokyoShiftJis = [0x93, 0x8C, 0x8B, 0x9E];
const privetKoi8 = [0xF0, 0xD2, 0xC9, 0xD7, 0xC5, 0xD4];
const chineseGb18030 = [0xD6, 0xD0, 0xCE, 0xC4];
const chineseBig5 = [0xA4, 0xA4, 0xA4, 0xE5];

describe('decodeBody', () => {
	it('reads the encoding from the XML declaration', () => {
		expect(decodeBody(body(declared('windows-1252'), '<t>', cafe1252, '</t>'))).toContain('<t>Café “quoted” €5</t>');
		expect(decodeBody(body(declared('Shift_JIS'), '<t>', tokyoShiftJis, '</t>'))).toContain('<t>東京</t>');
		expect(decodeBody(body(declared('KOI8-R'), '<t>', privetKoi8, '</t>'))).toContain('<t>Привет</t>');
		expect(decodeBody(body(declared('GB18030'), '<t>', chineseGb18030, '</t>'))).toContain('<t>中文</t>');
		expect(decodeBody(body(declared('big5'), '<t>', chineseBig5, '</t>'))).toContain('<t>中文</t>');
		expect(decodeBody(body(declared('ISO-8859-2'), '<t>', [0xB3, 0xF3, 0xBF, 0xEA], '</t>'))).toContain('<t>łóżę</t>');
	});

	it('prefers the HTTP charset to the declaration', () => {
		const bytes = body(declared('utf-8'), '<t>', privetKoi8, '</t>');
		expect(decodeBody(bytes, 'application/rss+xml; charset="koi8-r"')).toContain('<t>Привет</t>');
	});

	it('prefers a BOM to the HTTP charset and the declaration', () => {
		const utf8 = body([0xEF, 0xBB, 0xBF], declared('koi8-r'), '<t>', [...Buffer.from('Привет')], '</t>');
		expect(decodeBody(utf8, 'text/xml; charset=windows-1252')).toBe('<?xml version="1.0" encoding="koi8-r"?><t>Привет</t>');
		const utf16le = Uint8Array.from([0xFF, 0xFE, ...Buffer.from('<t>é</t>', 'utf16le')]);
		expect(decodeBody(utf16le, 'text/xml; charset=utf-8')).toBe('<t>é</t>');
		const utf16be = Uint8Array.from([0xFE, 0xFF, ...Buffer.from('<t>é</t>', 'utf16le').swap16()]);
		expect(decodeBody(utf16be)).toBe('<t>é</t>');
	});

	it('reads UTF-16 without a BOM from the shape of its first characters', () => {
		expect(decodeBody(Uint8Array.from(Buffer.from('<?xml version="1.0"?><t>é</t>', 'utf16le')))).toBe('<?xml version="1.0"?><t>é</t>');
	});

	it('reads an HTML page\'s <meta charset>', () => {
		const page = body('<!doctype html><html><head><meta charset="windows-1252"><title>', cafe1252, '</title>');
		expect(decodeBody(page)).toContain('<title>Café “quoted” €5</title>');
		const old = body('<html><head><meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS"><title>', tokyoShiftJis, '</title>');
		expect(decodeBody(old)).toContain('<title>東京</title>');
	});

	it('reads UTF-8 when nothing says otherwise', () => {
		expect(decodeBodyDetailed(Uint8Array.from(Buffer.from('<t>Grüße</t>')))).toEqual({text: '<t>Grüße</t>', encoding: 'utf-8', warnings: []});
	});

	it('reads an unknown charset as UTF-8 with a warning, without failing', () => {
		const decoded = decodeBodyDetailed(Uint8Array.from(Buffer.from('<t>Grüße</t>')), 'text/xml; charset=x-martian');
		expect(decoded.text).toBe('<t>Grüße</t>');
		expect(decoded.warnings).toEqual(['The feed\'s character set "x-martian" is not one newsread knows; it was read as UTF-8.']);
	});

	it('reads undeclared bytes that are not UTF-8 as windows-1252, with a warning', () => {
		const decoded = decodeBodyDetailed(body('<t>', cafe1252, '</t>'));
		expect(decoded.text).toBe('<t>Café “quoted” €5</t>');
		expect(decoded.warnings).toEqual(['The feed does not say which character set it uses and is not UTF-8; it was read as windows-1252.']);
	});

	it('reads a feed labelled UTF-8 none of whose bytes are UTF-8 as windows-1252, with a warning', () => {
		const labelled = decodeBodyDetailed(body(declared('utf-8'), '<t>', cafe1252, '</t>'));
		expect(labelled.text).toBe(`${declared('utf-8')}<t>Café “quoted” €5</t>`);
		expect(labelled.warnings).toEqual(['The feed says it is UTF-8, but none of its bytes are; it was read as windows-1252.']);
		expect(decodeBody(body('<t>', cafe1252, '</t>'), 'text/xml; charset=UTF-8')).toBe('<t>Café “quoted” €5</t>');
	});

	it('keeps a UTF-8 feed with one stray byte as UTF-8, the stray byte shown as U+FFFD', () => {
		const decoded = decodeBodyDetailed(body(declared('utf-8'), '<t>', [...Buffer.from('Grüße')], ' ', [0x93], '</t>'));
		expect(decoded.text).toBe(`${declared('utf-8')}<t>Grüße \uFFFD</t>`);
		expect(decoded.warnings).toEqual(['Some of the feed\'s bytes are not UTF-8, as it says they are; they show as \uFFFD.']);
	});

	it('reads a declaration of UTF-16 in single-byte text as UTF-8', () => {
		expect(decodeBody(body(declared('UTF-16'), '<t>', [...Buffer.from('é')], '</t>'))).toBe(`${declared('UTF-16')}<t>é</t>`);
	});
});

describe('parseFeed with other encodings', () => {
	it('reads a windows-1252 feed', () => {
		const feed = parseFeed(body(declared('windows-1252'), '<rss version="2.0"><channel><title>', cafe1252, '</title><item><title>Cr', [0xE8], 'me br', [0xFB, 0x6C, 0xE9, 0x65], '</title><link>https://x.example/1</link></item></channel></rss>'), {});
		expect(feed.title).toBe('Café “quoted” €5');
		expect(feed.items[0]?.title).toBe('Crème brûlée');
	});

	it('reads a Shift_JIS feed', () => {
		const feed = parseFeed(body(declared('Shift_JIS'), '<rss version="2.0"><channel><title>', tokyoShiftJis, '</title><item><title>', tokyoShiftJis, ' news</title><link>https://x.example/1</link></item></channel></rss>'), {});
		expect(feed.title).toBe('東京');
		expect(feed.items[0]?.title).toBe('東京 news');
	});

	it('reads a KOI8-R feed whose charset is only in the HTTP header', () => {
		const feed = parseFeed(body('<rss version="2.0"><channel><title>', privetKoi8, '</title><item><title>', privetKoi8, '!</title><link>https://x.example/1</link></item></channel></rss>'), {contentType: 'application/xml; charset=KOI8-R'});
		expect(feed.title).toBe('Привет');
		expect(feed.items[0]?.title).toBe('Привет!');
	});

	it('passes an unknown charset\'s warning on with the feed', () => {
		const feed = parseFeed(body('<rss version="2.0"><channel><title>T</title></channel></rss>'), {contentType: 'text/xml; charset=klingon'});
		expect(feed.warnings).toEqual(['The feed\'s character set "klingon" is not one newsread knows; it was read as UTF-8.']);
	});
});
