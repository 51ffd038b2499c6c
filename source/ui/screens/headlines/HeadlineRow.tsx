// One headline: read mark, title, progress and comment count, date, author; the summary on a second,
// dimmer line when the terminal is wide enough.
import {Box, Text} from 'ink';
import type {ArticleMeta} from '../../../core/article.js';
import {formatRelativeDate} from '../../../core/dates.js';
import type {ReadingState} from '../../../store/reading-state.js';
import {displayWidth, fitToWidth, padToWidth} from '../../text.js';
import {glyphs, theme} from '../../theme.js';

export type HeadlineRowProps = {
	/** The article to draw. */
	article: ArticleMeta;
	/** Whether the cursor is on it. */
	selected: boolean;
	/** Columns available. */
	width: number;
	/** Draw the summary on a second line. */
	withSummary: boolean;
	/** Read marks and reading positions. */
	reading: ReadingState;
	/** The clock, for relative dates. */
	now: Date;
	/** Comments on the article. */
	commentCount: number;
};

/** Columns of a headline row: mark, title (the rest), date, byline. */
export function headlineColumns(width: number, extra = 0): {title: number; date: number; byline: number} {
	const date = 12;
	const byline = width >= 70 ? Math.min(22, Math.floor(width / 5)) : 0;
	return {title: Math.max(8, width - 4 - extra - date - byline - (byline > 0 ? 2 : 0)), date, byline};
}

export function HeadlineRow({article, selected, width, withSummary, reading, now, commentCount}: HeadlineRowProps) {
	const isRead = reading.isRead(article.id);
	const percent = reading.position(article.id)?.percent;
	const inProgress = isRead && percent !== undefined && percent < 100;
	const extras = `${inProgress ? ` ${percent}%` : ''}${commentCount > 0 ? ` ${glyphs.comments}${commentCount}` : ''}`;
	const columns = headlineColumns(width, displayWidth(extras));
	const mark = isRead ? (inProgress ? glyphs.inProgress : ' ') : glyphs.unread;
	const byline = article.author ?? sourceHost(article.source) ?? '';
	const titleStyle = selected ? theme.selected : isRead ? {} : theme.title;
	return (
		<Box flexDirection="column">
			<Text>
				<Text {...theme.unread}>{selected ? glyphs.pointer : ' '}{mark} </Text>
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
