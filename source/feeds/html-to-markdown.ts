// HTML from the web (a feed item's content, an extracted article) -> Markdown that core/parse-markdown
// shows well: subheadings, quotes, lists, absolute links, images as their alt text and a link, and
// nothing that runs (scripts, forms, frames) or reaches the terminal (escape sequences).
import {parseHTML} from 'linkedom';
import {NodeHtmlMarkdown, PostProcessResult, type TranslatorConfigObject} from 'node-html-markdown';
import {sanitizeLine, sanitizeText} from '../core/sanitize.js';
import {
	COMMENT_NODE,
	type DomCharacterData,
	type DomDocument,
	type DomElement,
	type DomNode,
	ELEMENT_NODE,
	TEXT_NODE,
} from './dom.js';

/** HTML longer than this many characters is cut to it before it is parsed (a page of megabytes is not an article). */
export const MAX_HTML_CHARS = 5 * 1024 * 1024;

/** Elements that never come through, text included: they run, ask for input, or draw. */
const removedElements = [
	'script', 'style', 'noscript', 'template', 'form', 'input', 'button', 'select', 'textarea', 'option', 'datalist',
	'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'svg', 'math', 'canvas', 'audio', 'video', 'dialog',
	'head', 'title', 'link', 'meta',
];

/** Elements hidden from a reader of the page, whose text a reader of the article should not see either. */
const hiddenElements = '[hidden], [aria-hidden="true"], [style*="display"], [style*="visibility"]';
const hiddenStyle = /display\s*:\s*none|visibility\s*:\s*hidden/i;

/** Parents in which an image stands on its own line rather than inside running text. */
const blockParents = new Set(['BODY', 'DIV', 'FIGURE', 'SECTION', 'ARTICLE', 'MAIN', 'HEADER', 'FOOTER', 'ASIDE', 'CENTER']);

const linkProtocols = new Set(['http:', 'https:', 'mailto:']);
const imageProtocols = new Set(['http:', 'https:']);

// A link target written inside `(...)`: the characters that would end it or break it are encoded.
const targetEscapes: Record<string, string> = {'(': '%28', ')': '%29', ' ': '%20', '<': '%3C', '>': '%3E'};

/** An element as node-html-markdown hands it to a translator (its types name the DOM library's too). */
type ParsedElement = {tagName: string; getAttribute(name: string): string | undefined};

const translators: TranslatorConfigObject = {
	// Headings are renumbered to h2-h4 before this (see rankHeadings); a heading is one line.
	'h1,h2,h3,h4,h5,h6': ({node}) => ({
		prefix: `${'#'.repeat(Number((node as ParsedElement).tagName.charAt(1)) || 2)} `,
		postprocess: ({content}) => content.replace(/\s+/g, ' ').trim() || PostProcessResult.RemoveNode,
	}),
	// Targets are made absolute and checked before this (see cleanLinks); a link with no text is left out.
	a({node, visitor}) {
		const href = (node as ParsedElement).getAttribute('href');
		if (!href) {
			return {};
		}

		const target = href.replace(/[()<> ]/g, (character: string) => targetEscapes[character] ?? character);
		return {
			childTranslators: visitor.instance.aTagTranslators,
			postprocess({content}) {
				const text = content.replace(/\s+/g, ' ').trim();
				return text ? `[${text}](${target})` : PostProcessResult.RemoveNode;
			},
		};
	},
	// A list is a block of its own (node-html-markdown's own rule gives a list after a list no blank line).
	'ol,ul': ({indentLevel}) => ({surroundingNewlines: indentLevel ? 1 : 2}),
	// Images are replaced by their alt text and a link before this (see replaceImages).
	img: {ignore: true, recurse: false},
};

const converter = new NodeHtmlMarkdown(
	{
		bulletMarker: '-',
		// Four spaces: a list nested in a numbered item (`10. `) must be indented past the number to stay nested.
		indent: '    ',
		codeFence: '```',
		maxConsecutiveNewlines: 2,
		ignore: removedElements.map(name => name.toUpperCase()),
		keepDataImages: false,
		// node-html-markdown's own pattern escapes `1858. ` anywhere in a line: only a line's start is escaped.
		lineStartEscape: [/^(\s*?)((?:\+\s)|(?:[=>-])|(?:#{1,6}\s))|^(\s*?)(\d+)(\.\s)/gm, '$1$3$4\\$2$5'],
		// Text that looks like an HTML tag or entity stays text: core/parse-markdown drops inline HTML and
		// decodes entities, so `<` and `&` are written as entities.
		textReplace: [[/&/g, '&amp;'], [/</g, '&lt;']],
	},
	translators,
);

/**
 * Converts HTML (a whole page or a fragment) to Markdown for a newsread article body: headings become
 * `##`-`####` subheadings (the highest level used becomes `##`, since the title is in the frontmatter),
 * links absolute (resolved against `baseUrl`; any but http, https and mailto kept as text), images
 * `[Image: alt](src)` (tracking pixels left out), tables simple Markdown tables. Scripts, styles,
 * forms, frames, embedded objects and hidden elements never come through; nor do escape sequences or
 * control characters. HTML over MAX_HTML_CHARS is cut first.
 */
export function htmlToMarkdown(html: string, baseUrl?: string): string {
	const document = parseHtmlDocument(cutHtml(html));
	const root = document.body ?? document.documentElement;
	return root ? elementToMarkdown(root, baseUrl) : '';
}

/** The first MAX_HTML_CHARS characters of the HTML, never half a surrogate pair. */
export function cutHtml(html: string): string {
	if (html.length <= MAX_HTML_CHARS) {
		return html;
	}

	const code = html.charCodeAt(MAX_HTML_CHARS - 1);
	return html.slice(0, code >= 0xD8_00 && code <= 0xDB_FF ? MAX_HTML_CHARS - 1 : MAX_HTML_CHARS);
}

// What may come before a page's first tag: an XML declaration, a doctype, comments.
const prolog = /^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[^]*?-->\s*)*(?:<!doctype[^>]*>\s*)?(?:<!--[^]*?-->\s*)*/i;

/**
 * A linkedom document of the HTML. linkedom makes the first element it meets the document element:
 * a page without its `<html>` tag is given one, and a fragment becomes the body of an empty page.
 */
export function parseHtmlDocument(html: string): DomDocument {
	const rest = html.slice(prolog.exec(html)?.[0].length ?? 0);
	const page = /^<html[\s>]/i.test(rest)
		? html
		: /^<(?:head|body)[\s>]/i.test(rest)
			? `<!doctype html><html>${rest}</html>`
			: `<!doctype html><html><head></head><body>${rest}</body></html>`;
	return (parseHTML(page) as {document: DomDocument}).document;
}

/**
 * Converts an element of a linkedom document (its content, not the element itself) to Markdown as
 * htmlToMarkdown does. The element is changed on the way (elements removed, links resolved).
 */
export function elementToMarkdown(root: DomElement, baseUrl?: string): string {
	cleanElement(root, baseUrl);
	let markdown: string;
	try {
		markdown = htmlPieces(root).map(piece => converter.translate(piece)).filter(Boolean).join('\n\n');
	} catch (error) {
		// node-html-markdown visits the tree recursively: elements nested thousands deep exhaust the stack.
		if (!(error instanceof RangeError)) {
			throw error;
		}

		markdown = plainText(root);
	}

	// Trailing spaces (node-html-markdown's hard breaks) are dropped: newsread shows a line break as a space.
	return sanitizeText(markdown).replace(/[ \t]+$/gm, '').trim();
}

/**
 * HTML is converted in pieces of about this many characters. node-html-markdown looks at the end of
 * its growing output after each piece of text it adds, which copies it whole: its time grows with the
 * square of the Markdown's length (a 275 KB article took 7 s in one piece).
 */
const PIECE_CHARS = 16 * 1024;

/** Containers split into pieces at most this deep (each level serializes its content again). */
const MAX_SPLIT_DEPTH = 8;

/** Elements that only group blocks: their content can be converted in pieces without changing it. */
const containers = new Set(['DIV', 'SECTION', 'ARTICLE', 'MAIN', 'HEADER', 'FOOTER', 'ASIDE', 'CENTER', 'BODY']);

/** The root's content as pieces of HTML of about PIECE_CHARS each, split only between blocks. */
function htmlPieces(root: DomElement): string[] {
	const pieces: string[] = [];
	let piece = '';
	const visit = (parent: DomNode, depth: number): void => {
		for (let node = parent.firstChild; node !== null; node = node.nextSibling) {
			const html = node.toString();
			if (html.length > PIECE_CHARS && depth < MAX_SPLIT_DEPTH && node.nodeType === ELEMENT_NODE && containers.has((node as DomElement).tagName)) {
				pieces.push(piece);
				piece = '';
				visit(node, depth + 1);
				pieces.push(piece);
				piece = '';
				continue;
			}

			if (piece !== '' && piece.length + html.length > PIECE_CHARS) {
				pieces.push(piece);
				piece = '';
			}

			piece += html;
		}
	};

	visit(root, 0);
	pieces.push(piece);
	return pieces.filter(html => html.trim() !== '');
}

/** Removes what must not come through and rewrites what core/parse-markdown would show badly. */
function cleanElement(root: DomElement, baseUrl: string | undefined): void {
	for (const element of [...root.querySelectorAll(removedElements.join(','))]) {
		element.remove();
	}

	for (const element of [...root.querySelectorAll(hiddenElements)]) {
		const style = element.getAttribute('style');
		if (style === null || hiddenStyle.test(style)) {
			element.remove();
		}
	}

	cleanText(root);
	cleanLinks(root, baseUrl);
	replaceImages(root, baseUrl);
	rankHeadings(root);
	fencePreformatted(root);
}

/** Removes comments, and escape sequences and control characters from text (entities are decoded by now). */
function cleanText(root: DomElement): void {
	for (const comment of descendants(root, COMMENT_NODE)) {
		comment.remove();
	}

	// The parser ends a text node at each entity: `&#27;[31m` would be two nodes, each harmless alone.
	root.normalize();
	for (const node of descendants(root, TEXT_NODE)) {
		const text = node as DomCharacterData;
		const clean = sanitizeText(text.data);
		if (clean !== text.data) {
			text.data = clean;
		}
	}
}

/**
 * The root's descendants of one node type, in document order, walked by sibling links: no recursion
 * (pages nest deep), and no `childNodes` (linkedom builds a new list on every read).
 */
function descendants(root: DomNode, nodeType: number): DomNode[] {
	const found: DomNode[] = [];
	let node = root.firstChild;
	while (node !== null) {
		if (node.nodeType === nodeType) {
			found.push(node);
		}

		if (node.firstChild !== null) {
			node = node.firstChild;
			continue;
		}

		while (node !== null && node !== root && node.nextSibling === null) {
			node = node.parentNode;
		}

		node = node === null || node === root ? null : node.nextSibling;
	}

	return found;
}

/** The URL as an absolute address with one of the protocols, or undefined. */
function absoluteUrl(url: string | null, baseUrl: string | undefined, protocols: ReadonlySet<string>): string | undefined {
	const trimmed = url?.trim();
	if (!trimmed) {
		return undefined;
	}

	try {
		const absolute = new URL(trimmed, baseUrl);
		return protocols.has(absolute.protocol) ? sanitizeLine(absolute.href) : undefined;
	} catch {
		return undefined;
	}
}

/** Makes each link's target absolute; a link that cannot be (`javascript:`, `data:`, relative with no base) becomes its text. */
function cleanLinks(root: DomElement, baseUrl: string | undefined): void {
	for (const link of root.querySelectorAll('a[href]')) {
		const target = absoluteUrl(link.getAttribute('href'), baseUrl, linkProtocols);
		if (target === undefined) {
			link.removeAttribute('href');
		} else {
			link.setAttribute('href', target);
		}
	}
}

/** The image's size attribute as a number of pixels, when it is one. */
function pixels(image: DomElement, name: string): number | undefined {
	const value = Number.parseFloat(image.getAttribute(name) ?? '');
	return Number.isNaN(value) ? undefined : value;
}

/**
 * Replaces each image by `Image: alt` linked to its address (text only inside a link, which cannot
 * hold another). Tracking pixels (1 × 1 or smaller) and images with neither alt text nor an address
 * are removed.
 */
function replaceImages(root: DomElement, baseUrl: string | undefined): void {
	const document = root.ownerDocument;
	for (const image of [...root.querySelectorAll('img')]) {
		const width = pixels(image, 'width');
		const height = pixels(image, 'height');
		const source = absoluteUrl(image.getAttribute('src'), baseUrl, imageProtocols)
			?? absoluteUrl(image.getAttribute('data-src'), baseUrl, imageProtocols);
		const alt = sanitizeLine(image.getAttribute('alt') ?? '');
		if ((width !== undefined && width <= 1) || (height !== undefined && height <= 1) || (!alt && source === undefined)) {
			image.remove();
			continue;
		}

		const label = alt ? `Image: ${alt}` : 'Image';
		let replacement: DomNode;
		if (source === undefined || image.closest('a') !== null) {
			replacement = document.createTextNode(label);
		} else {
			const link = document.createElement('a');
			link.setAttribute('href', source);
			link.append(label);
			replacement = link;
		}

		const parent = image.parentNode as DomElement | null;
		if (parent !== null && blockParents.has(parent.tagName)) {
			const paragraph = document.createElement('p');
			paragraph.append(replacement);
			image.replaceWith(paragraph);
		} else {
			// Images side by side in running text stay apart.
			image.replaceWith(replacement, document.createTextNode(' '));
		}
	}
}

/**
 * Renumbers the headings so the highest level used becomes h2, the next h3, any deeper h4: the
 * levels core/parse-markdown tells apart (the article's title is in its frontmatter, not its body).
 */
function rankHeadings(root: DomElement): void {
	const headings = [...root.querySelectorAll('h1, h2, h3, h4, h5, h6')];
	const levels = [...new Set(headings.map(heading => heading.tagName.charAt(1)))].sort();
	const document = root.ownerDocument;
	for (const heading of headings) {
		const level = Math.min(2 + levels.indexOf(heading.tagName.charAt(1)), 4);
		if (heading.tagName === `H${level}`) {
			continue;
		}

		const renamed = document.createElement(`h${level}`);
		while (heading.firstChild) {
			renamed.append(heading.firstChild);
		}

		heading.replaceWith(renamed);
	}
}

/**
 * Makes every `pre` hold one `code` with its text, which node-html-markdown writes as a fenced code
 * block (a bare `pre`, or one with highlighting spans around its `code`, would come out as paragraphs).
 */
function fencePreformatted(root: DomElement): void {
	const document = root.ownerDocument;
	for (const pre of [...root.querySelectorAll('pre')]) {
		const language = pre.querySelector('code')?.getAttribute('class');
		const code = document.createElement('code');
		if (language) {
			code.setAttribute('class', language);
		}

		code.append(pre.textContent ?? '');
		pre.textContent = '';
		pre.append(code);
	}
}

/** The element's text as paragraphs, for a tree too deep to convert. */
function plainText(root: DomElement): string {
	return (root.textContent ?? '')
		.split(/\n\s*\n/)
		.map(paragraph => paragraph.replace(/\s+/g, ' ').trim())
		.filter(Boolean)
		.join('\n\n');
}
