// The headlines of a section (or All, Saved, a search), one article a row.
import {Text} from 'ink';
import {dateStyleOfRange, formatListDate} from '../../core/dates.js';
import {useMemo} from 'react';
import {useReader, useReadingState} from '../app-context.js';
import {Frame} from '../components/Frame.js';
import {List, visibleItems} from '../components/List.js';
import {hintsFor} from '../keymap.js';
import {articlesOf, factsOfList, listCountText, sourceTitle, unreadCount} from '../list-sources.js';
import {type ListCursor, listCursor, type ListSource} from '../navigation.js';
import {glyphs, theme} from '../theme.js';
import {headlineColumns, HeadlineRow, type SecondLine} from './headlines/HeadlineRow.js';
import {headlinesScopes, questionScopes, useHeadlinesInput} from './headlines/use-headlines-input.js';

/** From this width on, each headline shows its summary on a second line. */
export const SUMMARY_MIN_COLUMNS = 100;

export type HeadlinesScreenProps = ListCursor & {
	/** What the list shows. */
	source: ListSource;
	/** Only the showing screen takes keys. */
	isActive: boolean;
};

export function HeadlinesScreen({source, cursor, cursorKey, isActive}: HeadlinesScreenProps) {
	const {library, reading: readingStore, comments, body, now} = useReader();
	const reading = useReadingState(readingStore);
	// Saved lists change with the reading state; other lists only with the source.
	const savedVersion = source.kind === 'saved' ? reading.version() : 0;
	// eslint-disable-next-line react-hooks/exhaustive-deps -- savedVersion is the memo's key for saved lists: `reading` itself never changes.
	const articles = useMemo(() => articlesOf(source, library, reading), [source, library, reading, savedVersion]);
	const keys = useMemo(() => articles.map(article => article.id), [articles]);
	const selected = listCursor({cursor, cursorKey}, keys);
	const clock = now();
	// One date style per list, and one row height: from facts found once per list, not per frame or per visit.
	const {dateStyle, secondLine} = useMemo(() => {
		const facts = factsOfList(articles);
		const dateStyle = dateStyleOfRange(facts.dates, clock);
		// Wide: the summary under each title. Narrow: one line each, unless a title of the list needs two to be read whole.
		const secondLine: SecondLine = body.columns >= SUMMARY_MIN_COLUMNS
			? 'summary'
			: (facts.widestTitle > headlineColumns(body.columns, 0, dateStyle).title ? 'title' : 'none');
		return {dateStyle, secondLine};
	}, [articles, body.columns]); // eslint-disable-line react-hooks/exhaustive-deps -- the clock is read when the list changes, not per frame
	const rowsPerItem = secondLine === 'none' ? 1 : 2;
	const question = useHeadlinesInput({source, articles, keys, selected, pageSize: visibleItems(body.rows, rowsPerItem), reading, isActive});

	// Counted again only when a read mark has changed: a cursor move changes none.
	const unread = unreadCount(articles, reading);
	// The comment log is looked at once per frame, not once per row.
	const commentCount = comments.counts();
	// The list draws exactly the rows that fit: the frame does not clip them (which costs Ink a slice of every line on every frame).
	return (
		<Frame title={`newsread ${glyphs.crumb} ${sourceTitle(source)}`} aside={`${listCountText(source, library, articles.length)} ${glyphs.separator} ${unread} unread`} status={question ?? (articles.length === 0 ? '0/0' : `${selected + 1}/${articles.length}`)} hints={hintsFor(question ? questionScopes : headlinesScopes)} clip={false}>
			{articles.length === 0 ? (
				<Text {...theme.dim}>{emptyMessage(source)}</Text>
			) : (
				<List
					items={articles}
					itemKey={article => article.id}
					cursor={selected}
					height={body.rows}
					rowsPerItem={rowsPerItem}
					renderItem={(article, isSelected) => (
						<HeadlineRow article={article} selected={isSelected} width={body.columns} secondLine={secondLine} isRead={reading.isRead(article.id)} percent={reading.position(article.id)?.percent} date={formatListDate(article.date, dateStyle, clock)} dateStyle={dateStyle} commentCount={commentCount(article.id)} />
					)}
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
