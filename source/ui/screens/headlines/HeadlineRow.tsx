// One headline: read mark, title, progress and comment count, date, author; on a wide terminal the
// summary on a second, dimmer line, on a narrow one the rest of a long title.
import {Box, Text} from 'ink';
import type {ArticleMeta} from '../../../core/article.js';
import {formatListDate, LIST_DATE_WIDTH, type ListDateStyle} from '../../../core/dates.js';
import type {ReadingState} from '../../../store/reading-state.js';
import {displayWidth, fitToWidth, padToWidth, wrapText} from '../../text.js';
import {glyphs, theme} from '../../theme.js';

/** Below this width the author is left out: the title has the room first. */
export const BYLINE_MIN_COLUMNS = 100;

/** What the second line of a row shows: nothing, the summary, or the rest of a title too long for one line. */
export type SecondLine = 'none' | 'summary' | 'title';

export type HeadlineRowProps = {
	/** The article to draw. */
	article: ArticleMeta;
	/** Whether the cursor is on it. */
	selected: boolean;
	/** Columns available. */
	width: number;
	/** What the second line shows. */
	secondLine: SecondLine;
	/** Read marks and reading positions. */
	reading: ReadingState;
	/** The clock, for relative dates. */
	now: Date;
	/** The list's one date style. */
	dateStyle: ListDateStyle;
	/** Comments on the article. */
	commentCount: number;
};

/** Columns of a headline row: mark, title (the rest), date, byline (only from BYLINE_MIN_COLUMNS on). */
export function headlineColumns(width: number, extra = 0, dateStyle: ListDateStyle = 'calendar'): {title: number; date: number; byline: number} {
	const date = LIST_DATE_WIDTH[dateStyle] + 1;
	const byline = width >= BYLINE_MIN_COLUMNS ? Math.min(22, Math.floor(width / 5)) : 0;
	return {title: Math.max(8, width - 4 - extra - date - byline - (byline > 0 ? 2 : 0)), date, byline};
}

export function HeadlineRow({article, selected, width, secondLine, reading, now, dateStyle, commentCount}: HeadlineRowProps) {
	const isRead = reading.isRead(article.id);
	const percent = reading.position(article.id)?.percent;
	const inProgress = isRead && percent !== undefined && percent < 100;
	const extras = `${inProgress ? ` ${percent}%` : ''}${commentCount > 0 ? ` ${glyphs.comments}${commentCount}` : ''}`;
	const columns = headlineColumns(width, displayWidth(extras), dateStyle);
	const mark = isRead ? (inProgress ? glyphs.inProgress : ' ') : glyphs.unread;
	const byline = article.author ?? sourceHost(article.source) ?? '';
	const titleStyle = selected ? theme.selected : isRead ? {} : theme.title;
	// A title too long for its column goes on over the second line, indented two more so it reads as
	// the same headline (cut there only if it needs a third).
	const first = secondLine === 'title' ? wrapText(article.title, columns.title)[0] ?? '' : article.title;
	const rest = secondLine === 'title' ? fitToWidth(article.title.slice(first.length).trim(), columns.title - 2) : '';
	return (
		<Box flexDirection="column">
			<Text>
				<Text {...theme.unread}>{selected ? glyphs.pointer : ' '}{mark} </Text>
				<Text {...titleStyle} inverse={selected}>{padToWidth(first, columns.title)}</Text>
				<Text {...theme.dim}>{extras}</Text>
				<Text {...theme.dim}> {padToWidth(formatListDate(article.date, dateStyle, now), columns.date - 1)}</Text>
				{columns.byline > 0 ? <Text {...theme.dim}> {fitToWidth(byline, columns.byline)}</Text> : null}
			</Text>
			{secondLine === 'summary' ? <Text {...theme.dim}>{`    ${fitToWidth(article.summary, width - 4)}`}</Text> : null}
			{secondLine === 'title' ? (
				<Text>
					{'     '}
					{rest === '' ? null : <Text {...titleStyle} inverse={selected}>{padToWidth(rest, columns.title - 2)}</Text>}
				</Text>
			) : null}
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
