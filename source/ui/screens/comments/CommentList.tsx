// The comments under an article: name, relative date, text (never the email), the highlighted one
// pointed at. Comments differ in height, so the window starts as far back as still shows the cursor's.
import {Box, Text} from 'ink';
import {formatRelativeDate} from '../../../core/dates.js';
import type {Comment} from '../../../store/comments.js';
import {fitToWidth, wrapText} from '../../text.js';
import {glyphs, theme} from '../../theme.js';

export type CommentListProps = {
	/** The comments, oldest first. */
	comments: readonly Comment[];
	/** Index of the highlighted comment. */
	selected: number;
	/** Columns available. */
	width: number;
	/** Rows available. */
	height: number;
	/** The clock, for relative dates. */
	now: Date;
};

export function CommentList({comments, selected, width, height, now}: CommentListProps) {
	if (comments.length === 0) {
		return <Text {...theme.dim}>No comments yet: r to write one.</Text>;
	}

	const textWidth = Math.min(width, 100) - 4;
	const rendered = comments.map(comment => ({comment, lines: wrapText(comment.body, textWidth)}));
	// Start far enough back that the selected comment fits, as many comments above it as there is room.
	let start = selected;
	let used = (rendered[selected]?.lines.length ?? 0) + 2;
	while (start > 0 && used + (rendered[start - 1]?.lines.length ?? 0) + 2 <= height) {
		start--;
		used += (rendered[start]?.lines.length ?? 0) + 2;
	}

	return (
		<Box flexDirection="column" height={height} overflow="hidden">
			{rendered.slice(start).map(({comment, lines}, offset) => {
				const isSelected = start + offset === selected;
				const when = `${formatRelativeDate(comment.createdAt, now)}${comment.editedAt ? ` ${glyphs.separator} edited` : ''}`;
				return (
					<Box key={comment.id} flexDirection="column" marginBottom={1}>
						<Text>
							<Text {...theme.unread}>{isSelected ? `${glyphs.pointer} ` : '  '}</Text>
							<Text {...(isSelected ? theme.selected : theme.strong)}>{fitToWidth(comment.name, Math.max(1, width - when.length - 6))}</Text>
							<Text {...theme.dim}>{` ${glyphs.separator} ${when}`}</Text>
						</Text>
						{lines.map((line, index) => (
							<Text key={index}>{`    ${line}`}</Text>
						))}
					</Box>
				);
			})}
		</Box>
	);
}
