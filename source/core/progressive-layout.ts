// An article body parsed and laid out a chunk at a time, so a 10 MB body shows its first page at once
// and the rest follows between keys. Pure: no timers; the reader calls `step` in slices of its own.
import type {Block} from './article.js';
import {type ArticleHead, type Layout, LayoutBuilder, type Line, MIN_WIDTH} from './layout.js';
import {type ParsedChunk, parseMarkdownChunks} from './parse-markdown.js';

/** How many widths are laid out per body (a drag-resize must not keep every intermediate layout). */
const MAX_WIDTHS = 4;

/** The body's blocks, parsed a chunk at a time and shared by the layouts at every width. */
export class ProgressiveArticle {
	/** The blocks parsed so far, in order. */
	readonly blocks: Block[] = [];
	/** `blocks.length` after each parsed chunk. */
	private readonly chunkEnds: number[] = [];
	private readonly chunks: Generator<ParsedChunk>;
	private finished = false;
	private readonly layouts = new Map<number, ProgressiveLayout>();

	constructor(
		body: string,
		/** The headline, standfirst and byline laid out before the body. */
		readonly head?: ArticleHead,
	) {
		this.chunks = parseMarkdownChunks(body);
	}

	/** Whether every chunk has been parsed. */
	get parsed(): boolean {
		return this.finished;
	}

	/** How many chunks are parsed. */
	get chunkCount(): number {
		return this.chunkEnds.length;
	}

	/** The blocks of parsed chunk `index` (parsing the next one if it is the next), or undefined past the end. */
	chunk(index: number): readonly Block[] | undefined {
		if (index === this.chunkEnds.length && !this.finished) {
			const next = this.chunks.next();
			if (next.done === true) {
				this.finished = true;
			} else {
				for (const block of next.value.blocks) {
					this.blocks.push(block);
				}

				this.chunkEnds.push(this.blocks.length);
				this.finished = next.value.last;
			}
		}

		if (index >= this.chunkEnds.length) {
			return undefined;
		}

		return this.blocks.slice(index === 0 ? 0 : this.chunkEnds[index - 1], this.chunkEnds[index]);
	}

	/** The layout at a terminal width, continued where it was left (the last few widths are kept). */
	layoutAt(width: number): ProgressiveLayout {
		const key = Number.isNaN(width) ? MIN_WIDTH : Math.max(MIN_WIDTH, Math.floor(width));
		let layout = this.layouts.get(key);
		if (layout === undefined) {
			layout = new ProgressiveLayout(this, key);
			if (this.layouts.size >= MAX_WIDTHS) {
				const oldest = this.layouts.keys().next();
				if (oldest.done !== true) {
					this.layouts.delete(oldest.value);
				}
			}
		} else {
			this.layouts.delete(key);
		}

		this.layouts.set(key, layout);
		return layout;
	}

	/** The layout at a width if one was started, however far it has come. */
	startedLayout(width: number): ProgressiveLayout | undefined {
		return this.layouts.get(width);
	}
}

/** One width's layout of a ProgressiveArticle, growing a chunk per `step`. */
export class ProgressiveLayout {
	private readonly builder: LayoutBuilder;
	private next = 0;
	private finished = false;

	constructor(
		private readonly article: ProgressiveArticle,
		width: number,
	) {
		this.builder = new LayoutBuilder(width, article.head);
	}

	/** The layout so far: its lines grow with each step. */
	get layout(): Layout {
		return this.builder.layout;
	}

	/** The lines so far (the same array as `layout.lines`). */
	get lines(): Line[] {
		return this.builder.layout.lines;
	}

	/** First line of each subheading laid out so far. */
	get subheadings(): readonly number[] {
		return this.builder.subheadings;
	}

	/** How many blocks are laid out. */
	get blockCount(): number {
		return this.builder.blockCount;
	}

	/** Whether the whole body is laid out. */
	get done(): boolean {
		return this.finished;
	}

	/** Lays out the next chunk (parsing it first when no other width has); returns whether more is left. */
	step(): boolean {
		if (this.finished) {
			return false;
		}

		const blocks = this.article.chunk(this.next);
		if (blocks === undefined) {
			this.finished = true;
			return false;
		}

		this.next++;
		this.builder.add(blocks);
		// Done as soon as the last chunk is known to be the last, so the count shows without one more slice.
		if (this.article.parsed && this.next >= this.article.chunkCount) {
			this.finished = true;
		}

		return !this.finished;
	}

	/** Steps until `enough()` holds or the layout is done, but for at most `budgetMs` of `now()`. */
	advance(budgetMs: number, now: () => number, enough: () => boolean = () => false): void {
		const start = now();
		while (!this.finished && !enough()) {
			this.step();
			if (now() - start >= budgetMs) {
				break;
			}
		}
	}
}
