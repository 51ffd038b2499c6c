// The few DOM shapes the feed code uses from linkedom: linkedom's own types name the DOM library's
// `Window`, which this project (lib ES2023, no DOM) does not load, so they would all be `any`.

/** A node of a linkedom document, as far as the feed code uses it. */
export type DomNode = {
	nodeType: number;
	parentNode: DomNode | null;
	firstChild: DomNode | null;
	nextSibling: DomNode | null;
	/** Built afresh by linkedom on every read (a walk over the children): read it once, not in a loop. */
	childNodes: ArrayLike<DomNode>;
	textContent: string | null;
	remove(): void;
	/** The node as HTML (linkedom's serializer; text escaped). */
	toString(): string;
	replaceWith(...nodes: DomNode[]): void;
};

/** A text or comment node. */
export type DomCharacterData = DomNode & {data: string};

/** An element of a linkedom document. */
export type DomElement = DomNode & {
	tagName: string;
	innerHTML: string;
	getAttribute(name: string): string | null;
	setAttribute(name: string, value: string): void;
	removeAttribute(name: string): void;
	querySelector(selectors: string): DomElement | null;
	querySelectorAll(selectors: string): Iterable<DomElement>;
	closest(selectors: string): DomElement | null;
	append(...nodes: Array<DomNode | string>): void;
	/** Joins adjacent text nodes, all the way down. */
	normalize(): void;
	ownerDocument: DomDocument;
};

/** A linkedom document. */
export type DomDocument = {
	documentElement: DomElement | null;
	body: DomElement | null;
	createElement(tagName: string): DomElement;
	createTextNode(text: string): DomNode;
	querySelector(selectors: string): DomElement | null;
};

/** Node types (the DOM's `Node.ELEMENT_NODE` and so on). */
export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;
export const COMMENT_NODE = 8;
