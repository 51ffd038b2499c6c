// The headlines of a section (or All, Saved, a search): read mark, title, date, author, and the
// summary on a second, dimmer line when the terminal is wide enough.
import {Box, Text} from 'ink';
import {useCallback, useMemo} from 'react';
import type {ArticleMeta} from '../../core/article.js';
import {formatRelativeDate} from '../../core/dates.js';
import {useApp, useReadingState} from '../app-context.js';
import {handleCommonAction} from '../common-actions.js';
import {Frame} from '../components/Frame.js';
import {List, visibleItems} from '../components/List.js';
import {useKeymap} from '../hooks/use-keymap.js';
import {type Action, hintsFor, type Scope} from '../keymap.js';
import {articlesOf, sourceTitle} from '../list-sources.js';
import type {ListSource} from '../navigation.js';
import type {ReadingState} from '../../store/reading-state.js';
import {displayWidth, fitToWidth, padToWidth, plural} from '../text.js';
import {theme} from '../theme.js';

const scopes: readonly Scope[] = ['list'];

/** From this width on, each headline shows its summary on a second line. */
export const SUMMARY_MIN_COLUMNS = 100;

export type HeadlinesScreenProps = {
	source: ListSource;
	cursor: number;
	isActive: boolean;
};

export function HeadlinesScreen({source, cursor, isActive}: HeadlinesScreenProps) {
	const {library, reading: readingStore, comments, dispatch, body, now, notify} = useApp();
	const reading = useReadingState(readingStore);
	// Saved lists change with the reading state; other lists only with the source.
	const savedVersion = source.kind === 'saved' ? reading.version() : 0;
	// eslint-disable-next-line react-hooks/exhaustive-deps -- savedVersion is the memo's key for saved lists: `reading` itself never changes.
	const articles = useMemo(() => articlesOf(source, library, reading), [source, library, reading, savedVersion]);
	const selected = Math.min(cursor, Math.max(0, articles.length - 1));
	const rowsPerItem = body.columns >= SUMMARY_MIN_COLUMNS ? 2 : 1;
	const pageSize = visibleItems(body.rows, rowsPerItem);

	const onAction = useCallback(
		(action: Action) => {
			const article = articles[selected];
			if (action === 'open' && article) {
				dispatch({type: 'push', screen: {name: 'article', id: article.id, source, relatedCursor: 0}});
			} else if (action === 'toggle-read' && article) {
				reading.setRead(article.id, !reading.isRead(article.id));
			} else if (action === 'mark-all-read') {
				reading.setManyRead(articles.map(other => other.id), true);
				notify(`Marked ${plural(articles.length, 'article')} read`);
			} else {
				handleCommonAction(action, dispatch, {screen: 'headlines', count: articles.length, pageSize});
			}
		},
		[articles, selected, dispatch, source, reading, pageSize, notify],
	);
	useKeymap(scopes, onAction, {isActive});

	const unread = articles.filter(article => !reading.isRead(article.id)).length;
	const clock = now();
	return (
		<Frame title={`newsread › ${sourceTitle(source)}`} aside={`${plural(articles.length, 'article')} · ${unread} unread`} status={articles.length === 0 ? '0/0' : `${selected + 1}/${articles.length}`} hints={hintsFor(scopes)}>
			{articles.length === 0 ? (
				<Text {...theme.dim}>{emptyMessage(source)}</Text>
			) : (
				<List
					count={articles.length}
					cursor={selected}
					height={body.rows}
					rowsPerItem={rowsPerItem}
					renderItem={(index, isSelected) => {
						const article = articles[index];
						return article ? <Headline article={article} selected={isSelected} width={body.columns} withSummary={rowsPerItem === 2} reading={reading} now={clock} commentCount={comments.count(article.id)} /> : null;
					}}
				/>
			)}
		</Frame>
	);
}

function emptyMessage(source: ListSource): string {
	switch (source.kind) {
		case 'saved': {
			return 'No saved articles yet: press s in an article to save it for later.';
		}

		case 'search': {
			return `Nothing matches "${source.query}". Press / to search again.`;
		}

		default: {
			return 'No articles here.';
		}
	}
}

type HeadlineProps = {
	article: ArticleMeta;
	selected: boolean;
	width: number;
	withSummary: boolean;
	reading: ReadingState;
	now: Date;
	commentCount: number;
};

/** Columns of a headline row: mark, title (the rest), date, byline. */
export function headlineColumns(width: number, extra = 0): {title: number; date: number; byline: number} {
	const date = 12;
	const byline = width >= 70 ? Math.min(22, Math.floor(width / 5)) : 0;
	return {title: Math.max(8, width - 4 - extra - date - byline - (byline > 0 ? 2 : 0)), date, byline};
}

function Headline({article, selected, width, withSummary, reading, now, commentCount}: HeadlineProps) {
	const isRead = reading.isRead(article.id);
	const percent = reading.position(article.id)?.percent;
	const inProgress = isRead && percent !== undefined && percent < 100;
	const extras = `${inProgress ? ` ${percent}%` : ''}${commentCount > 0 ? ` 💬${commentCount}` : ''}`;
	const columns = headlineColumns(width, displayWidth(extras));
	const mark = isRead ? (inProgress ? '◐' : ' ') : '●';
	const byline = article.author ?? sourceHost(article.source) ?? '';
	const titleStyle = selected ? theme.selected : isRead ? {} : theme.title;
	return (
		<Box flexDirection="column">
			<Text>
				<Text {...theme.unread}>{selected ? '❯' : ' '}{mark} </Text>
				<Text {...titleStyle} inverse={selected}>{padToWidth(article.title, columns.title)}</Text>
				<Text {...theme.dim}>{extras}</Text>
				<Text {...theme.dim}> {padToWidth(formatRelativeDate(article.date, now), columns.date - 1)}</Text>
				{columns.byline > 0 ? <Text {...theme.dim}> {fitToWidth(byline, columns.byline)}</Text> : null}
			</Text>
			{withSummary ? <Text {...theme.dim}>{`    ${fitToWidth(article.summary, width - 4)}`}</Text> : null}
		</Box>
	);
}

function sourceHost(source: string | undefined): string | undefined {
	if (!source) {
		return undefined;
	}

	try {
		return new URL(source).hostname;
	} catch {
		return undefined;
	}
}
