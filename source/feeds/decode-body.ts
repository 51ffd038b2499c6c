// A fetched body's bytes -> text, in the encoding it says it has: a BOM, else the HTTP charset, else the
// XML declaration (or an HTML page's <meta charset>), else UTF-8. Decoded by Node's TextDecoder (ICU).

import {visibleControls} from '../core/sanitize.js';

/** Decoded text, the encoding used (a WHATWG name) and sentences about anything that was guessed. */
export type DecodedBody = {text: string; encoding: string; warnings: string[]};

// Labels seen in feeds that the WHATWG list (and so TextDecoder) does not know, mapped to ones it does.
const aliases: Record<string, string> = {
	'shift-jis': 'shift_jis',
	cp932: 'shift_jis',
	ms932: 'shift_jis',
	'x-ms-cp932': 'shift_jis',
	cp936: 'gbk',
	cp950: 'big5',
	'cp-1252': 'windows-1252',
	'win-1252': 'windows-1252',
	cp1251: 'windows-1251',
	'win-1251': 'windows-1251',
	utf: 'utf-8',
	'utf-8y': 'utf-8',
};

// How far into the body the declaration or <meta> is looked for (the HTML prescan's 1024 bytes).
const prescanBytes = 1024;

/** Decodes a fetched body to text. Never throws: an unknown charset is read as UTF-8. */
export function decodeBody(bytes: Uint8Array, contentType?: string): string {
	return decodeBodyDetailed(bytes, contentType).text;
}

/** `decodeBody`, also saying which encoding was used and what was guessed (an unknown charset, bytes that are not UTF-8). */
export function decodeBodyDetailed(bytes: Uint8Array, contentType?: string): DecodedBody {
	const warnings: string[] = [];
	const bom = bomEncoding(bytes);
	if (bom) {
		return {text: decode(bytes, bom), encoding: bom, warnings};
	}

	let declared = charsetParameter(contentType);
	let fromDocument = false;
	if (declared === undefined) {
		const utf16 = utf16WithoutBom(bytes);
		if (utf16) {
			return {text: decode(bytes, utf16), encoding: utf16, warnings};
		}

		declared = documentCharset(bytes);
		fromDocument = declared !== undefined;
	}

	if (declared === undefined) {
		return decodeUndeclared(bytes, warnings);
	}

	let encoding = encodingFor(declared);
	if (encoding === undefined) {
		warnings.push(`The feed's character set "${visibleControls(declared.slice(0, 40))}" is not one newsread knows; it was read as UTF-8.`);
		encoding = 'utf-8';
	} else if (fromDocument && encoding.startsWith('utf-16')) {
		// A declaration that could be read a byte at a time is not in UTF-16, whatever it says.
		encoding = 'utf-8';
	}

	if (encoding === 'utf-8') {
		const text = decode(bytes, 'utf-8');
		if (text.includes('\uFFFD') && !isUtf8(bytes)) {
			if (!hasUtf8Sequence(bytes)) {
				// Not one of its bytes above ASCII is part of a UTF-8 character: a Latin-1 or windows-1252
				// feed labelled UTF-8 (an old server's default), where \uFFFD would replace every accent.
				warnings.push('The feed says it is UTF-8, but none of its bytes are; it was read as windows-1252.');
				return {text: decode(bytes, 'windows-1252'), encoding: 'windows-1252', warnings};
			}

			warnings.push('Some of the feed\'s bytes are not UTF-8, as it says they are; they show as \uFFFD.');
		}

		return {text, encoding, warnings};
	}

	return {text: decode(bytes, encoding), encoding, warnings};
}

// Nothing says what the encoding is: UTF-8 when the bytes are UTF-8, else windows-1252, the commonest
// encoding of a feed that does not say.
function decodeUndeclared(bytes: Uint8Array, warnings: string[]): DecodedBody {
	if (isUtf8(bytes)) {
		return {text: decode(bytes, 'utf-8'), encoding: 'utf-8', warnings};
	}

	warnings.push('The feed does not say which character set it uses and is not UTF-8; it was read as windows-1252.');
	return {text: decode(bytes, 'windows-1252'), encoding: 'windows-1252', warnings};
}

// windows-1252 at 0x80-0x9F (WHATWG Encoding); the five bytes it leaves undefined stay C1 controls.
const windows1252High = '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F'
	+ '\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

function decode(bytes: Uint8Array, encoding: string): string {
	let text = new TextDecoder(encoding).decode(bytes);
	if (encoding === 'windows-1252') {
		// Node 20 decodes windows-1252 (and its aliases, latin1 and ascii) as ISO-8859-1, so the
		// quotes, dashes and euro sign of 0x80-0x9F come out as C1 controls: mapped here.
		text = text.replace(/[\u0080-\u009F]/g, character => windows1252High[character.charCodeAt(0) - 0x80]!);
	}

	// TextDecoder drops a BOM of its own encoding; the stray U+FEFF of another is dropped here.
	return text.replace(/^\uFEFF/, '');
}

function isUtf8(bytes: Uint8Array): boolean {
	try {
		new TextDecoder('utf-8', {fatal: true}).decode(bytes);
		return true;
	} catch {
		return false;
	}
}

// Whether any bytes above ASCII form a UTF-8 character (a lead byte and its continuation bytes).
function hasUtf8Sequence(bytes: Uint8Array): boolean {
	for (let index = 0; index < bytes.length; index++) {
		const lead = bytes[index]!;
		const length = lead >= 0xC2 && lead <= 0xDF ? 2 : (lead >= 0xE0 && lead <= 0xEF ? 3 : (lead >= 0xF0 && lead <= 0xF4 ? 4 : 0));
		if (length === 0) {
			continue;
		}

		let continuation = 1;
		while (continuation < length && ((bytes[index + continuation] ?? 0) & 0xC0) === 0x80) {
			continuation++;
		}

		if (continuation === length) {
			return true;
		}
	}

	return false;
}

function bomEncoding(bytes: Uint8Array): string | undefined {
	if (bytes[0] === 0xEF && bytes[1] === 0xBB && bytes[2] === 0xBF) {
		return 'utf-8';
	}

	if (bytes[0] === 0xFF && bytes[1] === 0xFE) {
		return 'utf-16le';
	}

	if (bytes[0] === 0xFE && bytes[1] === 0xFF) {
		return 'utf-16be';
	}

	return undefined;
}

// XML 1.0 appendix F: `<?` in UTF-16 without a BOM.
function utf16WithoutBom(bytes: Uint8Array): string | undefined {
	if (bytes[0] === 0x3C && bytes[1] === 0x00 && bytes[2] === 0x3F && bytes[3] === 0x00) {
		return 'utf-16le';
	}

	if (bytes[0] === 0x00 && bytes[1] === 0x3C && bytes[2] === 0x00 && bytes[3] === 0x3F) {
		return 'utf-16be';
	}

	return undefined;
}

/** The charset parameter of a Content-Type header (`text/xml; charset="ISO-8859-1"`), if any. */
export function charsetParameter(contentType: string | undefined): string | undefined {
	const match = /;\s*charset\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s;]+))/i.exec(contentType ?? '');
	const label = (match?.[1] ?? match?.[2] ?? match?.[3])?.trim();
	return label === '' ? undefined : label;
}

// The XML declaration's encoding, else (in an HTML page) <meta charset> or <meta http-equiv
// content-type>, looked for in the first bytes read one byte to a character.
function documentCharset(bytes: Uint8Array): string | undefined {
	const head = new TextDecoder('windows-1252').decode(bytes.subarray(0, prescanBytes));
	const declaration = /^\s*<\?xml\s[^>]*?\bencoding\s*=\s*(?:"([^"]*)"|'([^']*)')/i.exec(head);
	if (declaration) {
		return (declaration[1] ?? declaration[2])?.trim() || undefined;
	}

	if (/^\s*<\?xml\s/i.test(head) || !/<meta\s/i.test(head)) {
		return undefined;
	}

	const meta = /<meta\s[^>]*?\bcharset\s*=\s*["']?\s*([\w:.-]+)/i.exec(head);
	return meta?.[1];
}

/** The TextDecoder encoding for a charset label, or undefined when Node does not have it. */
export function encodingFor(label: string): string | undefined {
	let name = label.trim().toLowerCase();
	name = aliases[name] ?? name.replace(/^iso[_ ]?8859[-_]?(\d+)$/, 'iso-8859-$1');
	try {
		return new TextDecoder(name).encoding;
	} catch {
		return undefined;
	}
}
