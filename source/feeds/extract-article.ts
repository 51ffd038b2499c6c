// A web page -> its article as Markdown (the full text of a feed item that gave only a teaser):
// @mozilla/readability finds the article in a linkedom document, html-to-markdown writes it.
import {isProbablyReaderable, Readability} from '@mozilla/readability';
import {sanitizeLine} from '../core/sanitize.js';
import type {DomDocument, DomElement} from './dom.js';
import {cutHtml, elementToMarkdown, parseHtmlDocument} from './html-to-markdown.js';
import {countWords} from './teaser.js';

/** An article found in a page. */
export type ExtractedArticle = {
	/** The article's title as the page gives it, one line. */
	title?: string;
	/** Its author line as the page gives it ("By Ines Calloway"), one line. */
	byline?: string;
	/** The body as Markdown (see htmlToMarkdown); never empty. */
	markdown: string;
	/** Words in the body's text. */
	wordCount: number;
};

/** A page Readability does not think readable gives no article when what it finds is shorter than this. */
export const MIN_UNREADABLE_WORDS = 100;

/** Readability gives up on a page with more elements than this (it would take seconds). */
export const MAX_ELEMENTS = 200_000;

/**
 * Finds the article in a web page and converts it to Markdown, links resolved against the page's
 * `<base href>` or else its address. Undefined when the page has no article: Readability finds none,
 * what it finds is mostly links (an index page), or the page does not look readable (a login form)
 * and what it finds is short. HTML over MAX_HTML_CHARS is cut first.
 */
export function extractArticle(html: string, pageUrl: string): ExtractedArticle | undefined {
	const document = parseHtmlDocument(cutHtml(html));
	if (document.documentElement === null) {
		return undefined;
	}

	const baseUrl = baseUrlOf(document, pageUrl);
	// linkedom leaves these undefined; Readability resolves relative links and images with them.
	Object.defineProperty(document, 'documentURI', {value: pageUrl, configurable: true});
	Object.defineProperty(document, 'baseURI', {value: baseUrl, configurable: true});

	let readable: boolean;
	let found: ReturnType<Readability<DomElement>['parse']>;
	try {
		readable = isProbablyReaderable(document);
		found = new Readability<DomElement>(document, {
			// The article element itself, not its HTML: it is converted without being parsed again.
			serializer: (node: DomElement) => node,
			maxElemsToParse: MAX_ELEMENTS,
		}).parse();
	} catch {
		// Readability throws on a page with more than MAX_ELEMENTS elements.
		return undefined;
	}

	const content = found?.content;
	if (!found || !content) {
		return undefined;
	}

	const linkText = [...content.querySelectorAll('a')].reduce((length, link) => length + visibleLength(link.textContent), 0);
	const mostlyLinks = linkText > visibleLength(content.textContent) * 0.5;
	const markdown = elementToMarkdown(content, baseUrl);
	const wordCount = countWords(content.textContent ?? '');
	if (markdown === '' || wordCount === 0 || mostlyLinks || (!readable && wordCount < MIN_UNREADABLE_WORDS)) {
		return undefined;
	}

	const title = sanitizeLine(found.title ?? '');
	const byline = sanitizeLine(found.byline ?? '');
	return {
		...(title ? {title} : {}),
		...(byline ? {byline} : {}),
		markdown,
		wordCount,
	};
}

/** The number of characters in a text that are not whitespace. */
function visibleLength(text: string | null): number {
	return text?.replace(/\s+/g, '').length ?? 0;
}

/** The page's `<base href>` resolved against its address, else its address. */
function baseUrlOf(document: DomDocument, pageUrl: string): string {
	const base = document.querySelector('base[href]')?.getAttribute('href');
	if (base) {
		try {
			return new URL(base, pageUrl).href;
		} catch {
			// A base that is not a URL is ignored, as a browser does.
		}
	}

	return pageUrl;
}
