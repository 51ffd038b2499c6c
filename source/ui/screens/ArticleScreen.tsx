// The pager: the article laid out to the terminal, only the visible lines drawn, subheadings
// highlighted, related articles and the comments entry at the end. State, keys and reading marks
// live in ./article/.
import {Box} from 'ink';
import {type ReactNode, useEffect, useMemo, useRef} from 'react';
import type {ArticleText} from '../../core/article.js';
import {formatDate} from '../../core/dates.js';
import {findInLayout} from '../../core/search.js';
import {useReader, useReadingState} from '../app-context.js';
import {Frame} from '../components/Frame.js';
import {usePagerModel} from '../hooks/use-pager-model.js';
import {hintsFor} from '../keymap.js';
import type {ListSource, PagerPosition} from '../navigation.js';
import {topLineFor} from '../pager-model.js';
import {type ArticleView, highlightedRelatedLine, pagerStatus, pagerView} from './article/article-state.js';
import {matchesByLine, PagerLine} from './article/PagerLine.js';
import {articleFlags, articleScopes, useArticleInput} from './article/use-article-input.js';
import {useReadingMarks} from './article/use-reading-marks.js';
import {glyphs} from '../theme.js';

export type ArticleScreenProps = {
	/** The article to show. */
	article: ArticleText;
	/** The list it was opened from: n and p go through it. */
	source?: ListSource;
	/** Where it is scrolled to. @default where it was left, else the top */
	position?: PagerPosition;
	/** The active find: its matches are highlighted, n and N go through them. */
	find?: string;
	/** Which related article Tab has highlighted (it wraps). */
	relatedCursor: number;
	/** Only the showing screen takes keys. */
	isActive: boolean;
	/** Drawn instead of the status bar (the find prompt). */
	prompt?: ReactNode;
};

export function ArticleScreen({article, source, position, find, relatedCursor, isActive, prompt}: ArticleScreenProps) {
	const {reading: readingStore, body} = useReader();
	const reading = useReadingState(readingStore);
	const {dispatch} = useReader();
	const resume = reading.position(article.id);
	// The lines the first frame needs: the first page, or the page where the reader left off.
	const wanted = (position?.width === body.columns ? position.line : (resume?.width === body.columns ? resume.line ?? 0 : 0)) + body.rows;
	// G before the layout is done shows the end laid out so far and follows it as it grows.
	const followEnd = useRef(false);
	const {model, related, commentCount, layoutAt} = usePagerModel(article, followEnd.current ? Number.POSITIVE_INFINITY : wanted);
	// Space on the last page said which unread article comes next: Space again opens it.
	const goOn = useRef(false);
	const following = followEnd.current && model.complete === false;
	const top = following ? Math.max(0, model.lines.length - body.rows) : topLineFor(layoutAt, model, body.columns, body.rows, position, resume);
	// While a long body is still being laid out, a find searches what is laid out, and again once it all is.
	const matches = useMemo(() => (find ? findInLayout(model.layout, find) : []), [model.layout, find, model.complete]); // eslint-disable-line react-hooks/exhaustive-deps
	const view: ArticleView = {id: article.id, source, find, model, width: body.columns, height: body.rows, top, matches, related, relatedCursor};
	useReadingMarks({reading, id: article.id, model, top, height: body.rows, width: body.columns});
	useArticleInput({article, view, reading, isActive, followEnd, goOn});
	// Once it is all laid out, the end followed is the article's end: one move there.
	const complete = model.complete !== false;
	useEffect(() => {
		if (complete && followEnd.current) {
			followEnd.current = false;
			dispatch({type: 'pager-move', move: 'bottom', view: pagerView(view)});
		}
	}, [complete]); // eslint-disable-line react-hooks/exhaustive-deps

	const ranges = matchesByLine(matches);
	const selectedLine = highlightedRelatedLine(view);
	const margin = Math.max(0, Math.floor((body.columns - model.layout.textWidth) / 2));
	const byline = [formatDate(article.date), article.author, reading.isSaved(article.id) ? 'saved' : undefined].filter(Boolean).join(` ${glyphs.separator} `);
	return (
		<Frame title={`${article.section} ${glyphs.crumb} ${article.title}`} aside={byline} status={pagerStatus(view, commentCount)} hints={hintsFor(articleScopes, articleFlags(view.find))} prompt={prompt} clip={false}>
			{model.lines.slice(top, top + body.rows).map((line, offset) => (
				<Box key={top + offset} marginLeft={margin} height={1} flexShrink={0}>
					<PagerLine line={line} ranges={ranges.get(top + offset)} selected={top + offset === selectedLine} />
				</Box>
			))}
		</Frame>
	);
}
