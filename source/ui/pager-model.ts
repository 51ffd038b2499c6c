// The pager's model, plain functions over the core layout: the lines to scroll (body, then related
// articles and the comments entry), where the top is after a resize, and the page numbers.
import type {Article, ArticleMeta} from '../core/article.js';
import {formatDate} from '../core/dates.js';
import {blockAtLine, firstLineOfBlock, type Layout, layoutArticle, type Line, lineText, subheadingLines} from '../core/layout.js';
import type {ReadingPosition} from '../store/reading-state.js';
import type {ProgressiveLayout} from '../core/progressive-layout.js';
import {maxTopLine, type PagerPosition} from './navigation.js';
import {displayWidth, fitToWidth} from './text.js';
import {glyphs} from './theme.js';

export type PagerModel = {
	layout: Layout;
	/** Body lines followed by the end matter (while the layout is still growing: the body lines so far). */
	lines: Line[];
	/** Line index of each related article in `lines`. */
	relatedLines: number[];
	/** Line indices of subheadings. */
	subheadings: readonly number[];
	/**
	 * False while the body is still being laid out a chunk at a time: there is no end matter yet and
	 * the page count is unknown. @default true
	 */
	complete?: boolean;
};

const endMatterCache = new WeakMap<Layout, Map<string, PagerModel>>();

/** The scrollable lines for an article at a width, memoised by layout and related list. */
export function pagerModel(article: Article, width: number, related: readonly ArticleMeta[], commentsLabel: string): PagerModel {
	const layout = layoutArticle(article, width);
	return withEndMatter(layout, article.blocks.length, () => subheadingLines(layout), related, commentsLabel);
}

/**
 * The scrollable lines of a layout made a chunk at a time: the lines so far while it grows (the same
 * array, never copied), then, once it is done and the related articles are known (`related` not
 * undefined), the body with its end matter.
 */
export function progressivePagerModel(progressive: ProgressiveLayout, related: readonly ArticleMeta[] | undefined, commentsLabel: string): PagerModel {
	const {layout} = progressive;
	if (!progressive.done || related === undefined) {
		return {layout, lines: layout.lines, relatedLines: [], subheadings: progressive.subheadings, complete: false};
	}

	return withEndMatter(layout, progressive.blockCount, () => [...progressive.subheadings], related, commentsLabel);
}

function withEndMatter(layout: Layout, endBlock: number, subheadingsOf: () => number[], related: readonly ArticleMeta[], commentsLabel: string): PagerModel {
	const key = `${related.map(other => other.id).join('\n')}\n${commentsLabel}`;
	const cached = endMatterCache.get(layout)?.get(key);
	if (cached) {
		return cached;
	}

	const line = (text: string, style: Line['segments'][number]['style'], kind: Line['kind'] = 'text'): Line => ({segments: [{text, style}], block: endBlock, kind});
	const lines = [...layout.lines];
	const relatedLines: number[] = [];
	lines.push(line('', 'plain', 'blank'), line(glyphs.rule.repeat(layout.textWidth), 'rule', 'rule'));
	if (related.length > 0) {
		lines.push(line('Related articles', 'subheading', 'subheading'));
		for (const other of related) {
			relatedLines.push(lines.length);
			const meta = [other.section, formatDate(other.date)].filter(Boolean).join(', ');
			// The title gives way first, so the section and date stay readable.
			const suffix = ` (${meta})`;
			const title = fitToWidth(other.title, Math.max(8, layout.textWidth - 4 - displayWidth(suffix)));
			lines.push(line(fitToWidth(`  ${glyphs.crumb} ${title}${suffix}`, layout.textWidth), 'link'));
		}

		lines.push(line('', 'plain', 'blank'));
	}

	lines.push(line(fitToWidth(commentsLabel, layout.textWidth), 'marker'));
	const model = {layout, lines, relatedLines, subheadings: subheadingsOf(), complete: true};
	const forLayout = endMatterCache.get(layout) ?? new Map<string, PagerModel>();
	forLayout.set(key, model);
	endMatterCache.set(layout, forLayout);
	return model;
}

/**
 * The top line to draw: the stored position when it was made at this width; after a resize, the
 * first line of the block that was at the top, so the same paragraph stays at the top.
 */
export function topLineFor(article: Article | ((width: number) => Layout | undefined), model: PagerModel, width: number, height: number, position: PagerPosition | undefined, resume: ReadingPosition | undefined): number {
	let line = 0;
	if (position && position.width === width) {
		line = position.line;
	} else if (position) {
		// The layout at the old width (for a body laid out a chunk at a time: as far as it had come).
		const previous = typeof article === 'function' ? article(position.width) : layoutArticle(article, position.width);
		line = previous === undefined ? 0 : firstTextLineOfBlock(model.layout, blockAtLine(previous, Math.min(position.line, previous.lines.length - 1)));
	} else if (resume?.line !== undefined && resume.width === width) {
		line = resume.line;
	} else if (resume) {
		line = firstTextLineOfBlock(model.layout, resume.block);
	}

	return Math.min(Math.max(0, line), maxTopLine({lineCount: model.lines.length, height}));
}

/** The first line of a block's own text, past the blank line that separates it from the block before. */
function firstTextLineOfBlock(layout: Layout, block: number): number {
	let line = firstLineOfBlock(layout, block);
	while (layout.lines[line]?.kind === 'blank' && layout.lines[line + 1]?.block === layout.lines[line]?.block) {
		line++;
	}

	return line;
}

export type PageInfo = {page: number; pages: number; percent: number};

/**
 * `page 3 of 9`, and how much of the article has been on screen. Both count to the bottom line shown
 * (as less does), so they agree: the page is the one that line is on, 100% only at the end.
 */
export function pageInfo(top: number, height: number, lineCount: number): PageInfo {
	const pages = Math.max(1, Math.ceil(lineCount / height));
	const atEnd = top >= maxTopLine({lineCount, height});
	const bottom = Math.min(top + height, lineCount);
	const page = atEnd ? pages : Math.min(pages, Math.max(1, Math.ceil(bottom / height)));
	const percent = atEnd ? 100 : Math.min(99, Math.round((bottom / lineCount) * 100));
	return {page, pages, percent};
}

/** The subheading the reader is in: the last one at or above the top line (or on the first visible line). */
export function currentSubheading(model: PagerModel, top: number): string | undefined {
	const index = model.subheadings.findLast(line => line <= top);
	return index === undefined ? undefined : subheadingText(model, index);
}

/** The whole text of the subheading starting at a line, also when it wraps over several lines. */
export function subheadingText(model: PagerModel, firstLine: number): string {
	const block = model.lines[firstLine]?.block;
	const parts: string[] = [];
	for (let index = firstLine; model.lines[index]?.kind === 'subheading' && model.lines[index]?.block === block; index++) {
		parts.push(lineText(model.lines[index]!));
	}

	return parts.join(' ');
}

/** The block at the top line, for the saved reading position. */
export function topBlock(model: PagerModel, top: number): number {
	return top < model.layout.lines.length ? blockAtLine(model.layout, top) : Math.max(0, (model.layout.lines.at(-1)?.block ?? 0));
}
