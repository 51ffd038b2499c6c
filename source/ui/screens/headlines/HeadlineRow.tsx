// One headline: read mark, title, progress and comment count, date, author; on a wide terminal the
// summary on a second, dimmer line, on a narrow one the rest of a long title.
import {Box, Text} from 'ink';
import type {ArticleMeta} from '../../../core/article.js';
import {LIST_DATE_WIDTH, type ListDateStyle} from '../../../core/dates.js';
import {memo} from 'react';
import {displayWidth, fitToWidth, padToWidth, styleText, wrapText} from '../../text.js';
import {glyphs, type TextStyle, theme} from '../../theme.js';

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
	/** Whether it has been read. */
	isRead: boolean;
	/** How far it has been read, when a reading position is kept. */
	percent: number | undefined;
	/** Its date as the list shows it (in the list's one date style). */
	date: string;
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

/**
 * Each line of a row is drawn as few pre-styled strings, and a row is drawn again only when one of its
 * props changes: a cursor move redraws the two rows it leaves and reaches, not the whole window. The
 * marks are a text of their own, so the rest of a plain-ASCII row is measured by Ink's quick path.
 */
export const HeadlineRow = memo(function HeadlineRow(props: HeadlineRowProps) {
	const {marks, title, titleWidth, rest, second} = headlineRowText(props);
	return (
		<>
			<Box>
				<Text>{marks}</Text>
				<Box width={titleWidth} flexShrink={0}>
					<Text>{title}</Text>
				</Box>
				<Text>{rest}</Text>
			</Box>
			{second === undefined ? null : <Text>{second}</Text>}
		</>
	);
});

/** The styled strings of a headline row: the marks, the rest of its first line, and its second line if it has one. */
export function headlineRowText({article, selected, width, secondLine, isRead, percent, date, dateStyle, commentCount}: HeadlineRowProps): {marks: string; title: string; titleWidth: number; rest: string; second?: string} {
	const inProgress = isRead && percent !== undefined && percent < 100;
	const extras = `${inProgress ? ` ${percent}%` : ''}${commentCount > 0 ? ` ${glyphs.comments}${commentCount}` : ''}`;
	const columns = headlineColumns(width, displayWidth(extras), dateStyle);
	const mark = isRead ? (inProgress ? glyphs.inProgress : ' ') : glyphs.unread;
	const byline = article.author ?? sourceHost(article.source) ?? '';
	const titleStyle: TextStyle = selected ? {...theme.selected, inverse: true} : isRead ? {} : theme.title;
	// A title too long for its column goes on over the second line, indented two more so it reads as
	// the same headline (cut there only if it needs a third).
	const firstTitle = secondLine === 'title' ? wrapText(article.title, columns.title)[0] ?? '' : article.title;
	const rest = secondLine === 'title' ? fitToWidth(article.title.slice(firstTitle.length).trim(), columns.title - 2) : '';
	const marks = styleText(`${selected ? glyphs.pointer : ' '}${mark} `, theme.unread);
	// Only the selected title is padded (its inverse fills the column); the others leave the column's
	// blank to Ink, which then has fewer characters to draw.
	const first = {
		marks,
		title: styleText(selected ? padToWidth(firstTitle, columns.title) : fitToWidth(firstTitle, columns.title), titleStyle),
		titleWidth: columns.title,
		rest: styleText(`${extras} ${columns.byline > 0 ? padToWidth(date, columns.date - 1) : date}`, theme.dim)
			+ (columns.byline > 0 ? styleText(` ${fitToWidth(byline, columns.byline)}`, theme.dim) : ''),
	};
	if (secondLine === 'summary') {
		return {...first, second: styleText(`    ${fitToWidth(article.summary, width - 4)}`, theme.dim)};
	}

	if (secondLine === 'title') {
		return {...first, second: `     ${rest === '' ? '' : styleText(padToWidth(rest, columns.title - 2), titleStyle)}`};
	}

	return first;
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
