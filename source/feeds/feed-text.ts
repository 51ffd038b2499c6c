// Text and links from a feed's HTML: plain text for titles and summaries, bodies with absolute links.

import {decodeHTML} from 'entities';
import {sanitizeLine} from '../core/sanitize.js';

// Elements whose content is not text a reader sees.
const hiddenElements = /<(script|style|noscript|template|iframe|object|svg|math|head|title|textarea|select)\b[^>]*>[^]*?<\/\1\s*>/gi;
const comments = /<!--[^]*?(?:-->|$)/g;
const cdata = /<!\[CDATA\[([^]*?)\]\]>/g;
// Block tags part words; inline ones (`<b>`, `<a>`) do not (`<i>changed</i>.` is `changed.`).
const blockTag = /<\/?(?:address|article|aside|blockquote|br|dd|div|dl|dt|figcaption|figure|footer|h[1-6]|header|hr|img|li|main|nav|ol|p|pre|section|table|td|th|tr|ul)\b[^<>]*>/gi;
const anyTag = /<\/?[a-zA-Z][^<>]*>|<![^<>]*>|<\?[^<>]*>/g;

// Only these tags are removed from an RSS title, where markup and text that looks like it
// (`Vector<int>`) cannot be told apart otherwise.
const htmlTagNames = 'a|abbr|acronym|b|big|blockquote|br|cite|code|del|dfn|div|em|font|h[1-6]|hr|i|img|ins|kbd|mark|p|q|s|samp|small|span|strike|strong|sub|sup|time|tt|u|var|wbr';
const knownHtmlTag = new RegExp(`</?(?:${htmlTagNames})(?:\\s[^<>]*)?/?>`, 'gi');

/** HTML -> plain text on one line: hidden elements and tags removed, entities decoded, sanitized. */
export function htmlToText(html: string): string {
	const text = html
		.replace(cdata, '$1')
		.replace(comments, ' ')
		.replace(hiddenElements, ' ')
		.replace(blockTag, ' ')
		.replace(anyTag, '');
	return sanitizeLine(decodeHTML(text));
}

// Scripts and styles in a title are left out with their content, not shown as text.
const scriptOrStyle = /<(script|style)\b[^<>]*>[^]*?<\/\1\s*>/gi;

/**
 * A title given as HTML, which RSS titles may be: the usual inline and block tags removed (scripts and
 * styles with their content), entities decoded once more (a title escaped twice, `&amp;eacute;`,
 * comes out as `é`).
 */
export function looseHtmlTitle(title: string): string {
	return sanitizeLine(decodeHTML(title.replace(scriptOrStyle, ' ').replace(knownHtmlTag, ' ')));
}

/** Cuts plain text to at most `max` characters at a word boundary, with `…` when cut. */
export function cutText(text: string, max: number): string {
	if (text.length <= max) {
		return text;
	}

	const cut = text.slice(0, max - 1);
	const space = cut.lastIndexOf(' ');
	return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** Plain text -> HTML paragraphs (blank lines between them), for a body given as text. */
export function textToHtml(text: string): string {
	return text
		.split(/\n\s*\n/)
		.map(paragraph => paragraph.trim())
		.filter(paragraph => paragraph !== '')
		.map(paragraph => `<p>${escapeHtml(paragraph).replace(/\n/g, '<br>')}</p>`)
		.join('\n');
}

function escapeHtml(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** `relative` resolved against `base`, any scheme; undefined when it is not a URL. */
export function resolveUrl(relative: string | undefined, base: string | undefined): string | undefined {
	const value = relative?.trim();
	if (!value) {
		return undefined;
	}

	try {
		return new URL(value, base).href;
	} catch {
		return undefined;
	}
}

/**
 * A `feed:` address (the old scheme that handed a feed to a reader) as the web address it stands for:
 * `feed://host/path` is `http://host/path`, `feed:https://host/path` is `https://host/path`. Any
 * other text is returned as it is.
 */
export function withoutFeedScheme(address: string): string {
	const text = address.trim();
	const wrapped = /^feed:(https?:\/\/.*)$/i.exec(text);
	if (wrapped) {
		return wrapped[1]!;
	}

	return /^feed:\/\//i.test(text) ? `http://${text.slice(7)}` : text;
}

/** `relative` resolved against `base`, when it is an http or https address. */
export function resolveWebUrl(relative: string | undefined, base: string | undefined): string | undefined {
	const url = resolveUrl(relative, base);
	return url && /^https?:/i.test(url) ? url : undefined;
}

const tagWithLinks = /<[a-zA-Z][^<>]*\s(?:href|src|poster|srcset)\s*=[^<>]*>/g;
const linkAttribute = /(\s(?:href|src|poster)\s*=\s*)(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/gi;
const srcsetAttribute = /(\ssrcset\s*=\s*)(?:"([^"]*)"|'([^']*)')/gi;

/** The HTML with each link and image address (href, src, poster, srcset) made absolute against `base`. */
export function absoluteLinks(html: string, base: string | undefined): string {
	if (base === undefined) {
		return html;
	}

	return html.replace(tagWithLinks, tag => tag
		.replace(linkAttribute, (whole, prefix: string, double?: string, single?: string, bare?: string) => {
			const value = double ?? single ?? bare ?? '';
			if (value.startsWith('#')) {
				return whole;
			}

			const url = resolveUrl(decodeHTML(value), base);
			return url === undefined ? whole : `${prefix}"${url.replace(/&/g, '&amp;').replace(/"/g, '%22')}"`;
		})
		.replace(srcsetAttribute, (whole, prefix: string, double?: string, single?: string) => {
			const candidates = (double ?? single ?? '').split(',').map(candidate => {
				const [address, ...descriptor] = candidate.trim().split(/\s+/);
				const url = resolveUrl(decodeHTML(address ?? ''), base);
				return url === undefined ? candidate.trim() : [url.replace(/&/g, '&amp;').replace(/"/g, '%22'), ...descriptor].join(' ');
			});
			return `${prefix}"${candidates.join(', ')}"`;
		}));
}
