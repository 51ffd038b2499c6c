// The pager model of the article being read, as the article screen and its outline both draw it. A long
// body is parsed and laid out a chunk at a time: the first page synchronously, the rest in slices of
// at most SLICE_MS between which Ink handles keys; leaving the screen stops the slices at once.
import {performance} from 'node:perf_hooks';
import {useEffect, useRef, useState} from 'react';
import type {ArticleMeta, ArticleText} from '../../core/article.js';
import {formatDate} from '../../core/dates.js';
import type {Library} from '../../core/library.js';
import type {ArticleHead, Layout} from '../../core/layout.js';
import {ProgressiveArticle, type ProgressiveLayout} from '../../core/progressive-layout.js';
import {useReader} from '../app-context.js';
import {type PagerModel, progressivePagerModel} from '../pager-model.js';
import {plural} from '../text.js';
import {glyphs} from '../theme.js';
import {eachTurn} from '../each-turn.js';

/** The longest run of layout work between two chances for a key to be handled. */
export const SLICE_MS = 16;

/**
 * While the rest of a long body is laid out behind lines already on screen, nothing there changes
 * (the status says `page N/…`): a frame at most this often (the outline's growing list of
 * subheadings), instead of one per slice, each a full redraw by Ink.
 */
export const LAYOUT_FRAME_MS = 250;

/** Articles indexed for related() in one idle slice: a few milliseconds, so a key waits no longer. */
export const RELATED_SLICE_ARTICLES = 300;

export type ArticlePager = {
	/** The article's lines at the terminal's width, end matter included once the layout is done. */
	model: PagerModel;
	/** The related articles listed at the end. */
	related: ArticleMeta[];
	/** Comments on the article. */
	commentCount: number;
	/** The layout at another width, as far as it has come (to keep the reading place over a resize). */
	layoutAt: (width: number) => Layout | undefined;
};

// The parse is shared by the article screen, its outline and the find prompt over it (each mounts
// anew), and kept for the article text object the library caches.
const progressiveArticles = new WeakMap<ArticleText, ProgressiveArticle>();

const firstPages = new WeakSet<ProgressiveLayout>();

function progressiveArticle(article: ArticleText): ProgressiveArticle {
	let progressive = progressiveArticles.get(article);
	if (progressive === undefined) {
		progressive = new ProgressiveArticle(article.body, articleHead(article));
		progressiveArticles.set(article, progressive);
	}

	return progressive;
}

/**
 * The pager model of `article`; `linesWanted` lines (the first page, or down to a saved place) are
 * laid out before the first frame when that takes at most one slice, and while fewer are laid out
 * each slice is followed by a frame (Infinity: the screen follows the end as it grows).
 */
export function usePagerModel(article: ArticleText, linesWanted = 0): ArticlePager {
	const {library, comments, body} = useReader();
	const relatedReady = useRelatedIndex(library);
	// Similarity runs over the whole library: once per article, after its first page is on screen,
	// not before its index is built (in the reader's first second at 50,000 articles); the end matter
	// and the page count wait for it.
	const related = useRelated(library, article.id, relatedReady);
	const commentCount = comments.count(article.id);
	const progressive = progressiveArticle(article);
	const layout = progressive.layoutAt(body.columns);
	// The first page before the first frame (a short body is laid out whole here, as it always was);
	// only once per layout, so later frames never do layout work and keys keep their turn.
	if (!firstPages.has(layout)) {
		firstPages.add(layout);
		layout.advance(SLICE_MS, () => performance.now(), () => layout.lines.length > linesWanted);
	}

	useLayoutSlices(layout, linesWanted);
	return {
		model: progressivePagerModel(layout, related, commentsEntry(commentCount)),
		related: related ?? [],
		commentCount,
		layoutAt: width => progressive.startedLayout(width)?.layout,
	};
}

/** Related articles found, per library and article id: the article's outline and find prompt mount it again. */
const relatedFound = new WeakMap<Library, Map<string, ArticleMeta[]>>();

/** Articles whose related articles are kept per library. */
const RELATED_KEPT = 32;

/**
 * Up to this many articles, related articles are found before the first frame (well under a
 * millisecond), so the page count is there at once; in a larger library after it (at 50,000 articles
 * the query takes tens of milliseconds, which the first page does not wait for: `page 1/…` meanwhile).
 */
export const RELATED_AT_ONCE_UP_TO = 2000;

/** The article's related articles; undefined until found (not before the library's index is ready). */
function useRelated(library: Library, id: string, ready: boolean): ArticleMeta[] | undefined {
	const find = () => {
		const found = relatedFound.get(library) ?? new Map<string, ArticleMeta[]>();
		relatedFound.set(library, found);
		const related = library.related(id);
		found.set(id, related);
		if (found.size > RELATED_KEPT) {
			found.delete(found.keys().next().value!);
		}

		return related;
	};

	const known = ready ? relatedFound.get(library)?.get(id) ?? (library.count <= RELATED_AT_ONCE_UP_TO ? find() : undefined) : undefined;
	const [, setFound] = useState(0);
	useEffect(() => {
		if (!ready || known) {
			return;
		}

		const handle = setImmediate(() => {
			find();
			setFound(count => count + 1);
		});
		return () => {
			clearImmediate(handle);
		};
	}, [library, id, ready, known]); // eslint-disable-line react-hooks/exhaustive-deps
	return known;
}

/**
 * Whether the library's related-articles index is built. When little is left it is finished at once;
 * else it goes on in slices (as the reader's own idle slices do) and the screen is drawn again when it is.
 */
function useRelatedIndex(library: Library): boolean {
	const [ready, setReady] = useState(() => library.prepareRelated(RELATED_SLICE_ARTICLES));
	useEffect(() => {
		if (ready) {
			return;
		}

		return buildRelatedInSlices(library, () => {
			setReady(true);
		});
	}, [library, ready]);
	return ready;
}

/**
 * Builds the library's related-articles index a slice of RELATED_SLICE_ARTICLES at a time, each on its
 * own turn of the event loop (keys are handled between them); `onDone` once it is built. Returns the
 * function that stops it.
 */
export function buildRelatedInSlices(library: Library, onDone?: () => void): () => void {
	return eachTurn(() => {
		const done = library.prepareRelated(RELATED_SLICE_ARTICLES);
		if (done) {
			onDone?.();
		}

		return done;
	});
}

/**
 * Lays out the rest in slices; stops when the screen goes or the width changes. A slice is followed by
 * a frame when the screen was waiting for its lines, when the layout is done, and at most every
 * LAYOUT_FRAME_MS otherwise (a key draws its own frame, from the lines laid out so far).
 */
function useLayoutSlices(layout: ProgressiveLayout, linesWanted: number): void {
	const [, setLaidOut] = useState(0);
	const wanted = useRef(linesWanted);
	wanted.current = linesWanted;
	useEffect(() => {
		if (layout.done) {
			return;
		}

		let handle: NodeJS.Immediate | undefined;
		let lastFrame = performance.now();
		const slice = () => {
			const waiting = layout.lines.length < wanted.current;
			layout.advance(SLICE_MS, () => performance.now());
			const now = performance.now();
			if (waiting || layout.done || now - lastFrame >= LAYOUT_FRAME_MS) {
				lastFrame = now;
				setLaidOut(layout.lines.length + (layout.done ? 0.5 : 0));
			}

			handle = layout.done ? undefined : setImmediate(slice);
		};

		handle = setImmediate(slice);
		return () => {
			if (handle !== undefined) {
				clearImmediate(handle);
			}
		};
	}, [layout]);
}

/** The article's head as a news page has it: headline, standfirst, then byline and date. */
export function articleHead(article: ArticleMeta): ArticleHead {
	const byline = [article.author ? `By ${article.author}` : undefined, formatDate(article.date) || undefined].filter(Boolean).join(` ${glyphs.separator} `);
	return {title: article.title, summary: article.summary.replace(teaserLink, ''), byline};
}

/** A feed teaser's closing link text (`… Read more…`): the standfirst is followed by the whole article, not a link to it. */
const teaserLink = /\s*\b(?:read more|continue reading)\s*(?:…|\.\.\.|»|›|→)?\s*$/i;

function commentsEntry(count: number): string {
	return count === 0 ? 'No comments yet: press c to leave a reply' : `${plural(count, 'comment')}: press c to read them and reply`;
}
