// The pager: the article laid out to the terminal, only the visible lines drawn, subheadings
// highlighted, related articles and the comments entry at the end.
import {Box, Text} from 'ink';
import {type ReactNode, useCallback, useEffect, useMemo} from 'react';
import type {Article} from '../../core/article.js';
import {formatDate} from '../../core/dates.js';
import type {Line} from '../../core/layout.js';
import {findInLayout, highlightSegments, type HighlightedSegment} from '../../core/search.js';
import {useApp, useReadingState} from '../app-context.js';
import {handleCommonAction} from '../common-actions.js';
import {Frame} from '../components/Frame.js';
import {useKeymap} from '../hooks/use-keymap.js';
import {usePagerModel} from '../hooks/use-pager-model.js';
import {type Action, hintsFor, type Scope, screenScopes} from '../keymap.js';
import {articlesOf} from '../list-sources.js';
import {isPagerMove, type ListSource, type PagerPosition, type PagerView} from '../navigation.js';
import {currentSubheading, pageInfo, topBlock, topLineFor} from '../pager-model.js';
import {type TextStyle, theme} from '../theme.js';

const scopes: readonly Scope[] = screenScopes.article;


export type ArticleScreenProps = {
	article: Article;
	source?: ListSource;
	position?: PagerPosition;
	find?: string;
	relatedCursor: number;
	isActive: boolean;
	/** Drawn instead of the status bar (the find prompt). */
	prompt?: ReactNode;
};

export function ArticleScreen({article, source, position, find, relatedCursor, isActive, prompt}: ArticleScreenProps) {
	const {library, reading: readingStore, dispatch, body, notify, openUrl} = useApp();
	const reading = useReadingState(readingStore);
	const {model, related, commentCount} = usePagerModel(article);
	const height = body.rows;
	const top = topLineFor(article, model, body.columns, height, position, reading.position(article.id));
	const matches = useMemo(() => (find ? findInLayout(model.layout, find) : []), [model.layout, find]);
	const info = pageInfo(top, height, model.lines.length);
	const visibleRelated = model.relatedLines.filter(line => line >= top && line < top + height);
	const selectedRelated = related.length > 0 ? relatedCursor % related.length : -1;

	useEffect(() => {
		reading.setRead(article.id, true);
		// Leaving the article writes its position at once instead of within the second.
		return () => {
			void reading.flush();
		};
	}, [reading, article.id]);
	useEffect(() => {
		reading.setPosition(article.id, {block: topBlock(model, top), percent: info.percent, line: top, width: body.columns});
	}, [reading, article.id, model, top, info.percent, body.columns]);

	const onAction = useCallback(
		(action: Action) => {
			const view: PagerView = {
				width: body.columns,
				height,
				lineCount: model.lines.length,
				top,
				subheadings: model.subheadings,
				matches: [...new Set(matches.map(match => match.line))],
			};
			if (isPagerMove(action)) {
				dispatch({type: 'pager-move', move: action, view});
				return;
			}

			switch (action) {
				case 'outline': {
					dispatch({type: 'push', screen: {name: 'outline', id: article.id, cursor: Math.max(0, model.subheadings.findLastIndex(line => line <= top))}});
					break;
				}

				case 'find': {
					dispatch({type: 'push', screen: {name: 'find', id: article.id, query: find ?? ''}});
					break;
				}

				case 'clear-find': {
					dispatch({type: 'set-find', query: undefined});
					break;
				}

				case 'next-article':
				case 'previous-article': {
					openNeighbour(action === 'next-article' ? 1 : -1);
					break;
				}

				case 'next-related': {
					dispatch({type: 'set-related-cursor', cursor: selectedRelated + 1});
					break;
				}

				case 'open': {
					const other = related[selectedRelated];
					if (other && visibleRelated.length > 0) {
						dispatch({type: 'push', screen: {name: 'article', id: other.id, relatedCursor: 0}});
					}

					break;
				}

				case 'open-source': {
					openSource();
					break;
				}

				case 'save': {
					const saved = !reading.isSaved(article.id);
					reading.setSaved(article.id, saved);
					notify(saved ? 'Saved: find it under "Saved" on the sections screen' : 'Removed from Saved');
					break;
				}

				case 'toggle-read': {
					const read = !reading.isRead(article.id);
					reading.setRead(article.id, read);
					notify(read ? 'Marked read' : 'Marked unread');
					break;
				}

				case 'comments': {
					dispatch({type: 'push', screen: {name: 'comments', id: article.id, cursor: 0}});
					break;
				}

				default: {
					handleCommonAction(action, dispatch, {screen: 'article'});
				}
			}

			function openNeighbour(step: number) {
				const list = source ? articlesOf(source, library, reading) : [];
				const index = list.findIndex(other => other.id === article.id);
				const neighbour = index === -1 ? undefined : list[index + step];
				if (neighbour) {
					dispatch({type: 'replace', screen: {name: 'article', id: neighbour.id, source, relatedCursor: 0}});
				} else {
					notify(step > 0 ? 'This is the last article in the list' : 'This is the first article in the list');
				}
			}

			function openSource() {
				if (!article.source) {
					notify('This article has no source link');
					return;
				}

				notify(`Opening ${article.source}`);
				openUrl(article.source).catch((error: unknown) => {
					notify(`Could not open a browser (${(error as Error).message}): ${article.source}`);
				});
			}
		},
		[body.columns, height, model, top, matches, dispatch, article, find, selectedRelated, related, visibleRelated.length, source, library, reading, notify, openUrl],
	);
	const flags = {finding: find !== undefined};
	useKeymap(scopes, onAction, {isActive, flags});

	const matchesByLine = groupMatches(matches);
	const margin = Math.max(0, Math.floor((body.columns - model.layout.textWidth) / 2));
	const selectedRelatedLine = visibleRelated.length > 0 ? model.relatedLines[selectedRelated] : undefined;
	const subheading = currentSubheading(model, top);
	const status = [`page ${info.page}/${info.pages} · ${info.percent}%`, commentCount > 0 ? `${commentCount} 💬` : undefined, find ? `find "${find}": ${matches.length}` : subheading]
		.filter(Boolean)
		.join(' · ');
	const byline = [formatDate(article.date), article.author, reading.isSaved(article.id) ? 'saved' : undefined].filter(Boolean).join(' · ');
	return (
		<Frame title={`${article.section} › ${article.title}`} aside={byline} status={status} hints={hintsFor(scopes, flags)} prompt={prompt} clip={false}>
			{model.lines.slice(top, top + height).map((line, offset) => (
				<Box key={top + offset} marginLeft={margin} height={1} flexShrink={0}>
					<PagerLine line={line} ranges={matchesByLine.get(top + offset)} selected={top + offset === selectedRelatedLine} />
				</Box>
			))}
		</Frame>
	);
}

function groupMatches(matches: ReadonlyArray<{line: number; start: number; end: number}>): Map<number, Array<{start: number; end: number}>> {
	const byLine = new Map<number, Array<{start: number; end: number}>>();
	for (const {line, start, end} of matches) {
		byLine.set(line, [...(byLine.get(line) ?? []), {start, end}]);
	}

	return byLine;
}

type PagerLineProps = {
	line: Line;
	ranges?: Array<{start: number; end: number}>;
	selected: boolean;
};

function PagerLine({line, ranges, selected}: PagerLineProps) {
	const segments: HighlightedSegment[] = ranges ? highlightSegments(line.segments, ranges) : line.segments;
	if (segments.length === 0 || line.kind === 'blank') {
		return <Text> </Text>;
	}

	return (
		<Text inverse={selected}>
			{segments.map((segment, index) => {
				const style: TextStyle = segment.match ? {...theme[segment.style], ...theme.match} : theme[segment.style];
				return (
					<Text key={index} {...style}>
						{segment.text}
					</Text>
				);
			})}
		</Text>
	);
}
