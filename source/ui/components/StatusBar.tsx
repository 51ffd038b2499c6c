// The bottom line: where you are on the left, key hints (from the key table) on the right.
import {Box, Text} from 'ink';
import {displayWidth, fitToWidth} from '../text.js';
import {glyphs, theme} from '../theme.js';

export type StatusBarProps = {
	/** Position text: `page 3/9 · 27%` or `4/17`. */
	left: string;
	/** Key hints, most important first; as many as fit are shown. */
	hints: readonly string[];
	/** A message that replaces the hints (an error or a confirmation). */
	message?: string;
	/** Work under way (a feed refresh), shown before the hints that still fit. */
	progress?: string;
	/** The terminal's width in columns: the bar fills it. */
	width: number;
};

export function StatusBar({left, hints, message, progress, width}: StatusBarProps) {
	const leftText = fitToWidth(left, Math.max(0, width - 2));
	const room = Math.max(0, width - leftText.length - 3);
	if (message === undefined && progress !== undefined) {
		const progressText = fitToWidth(progress, room);
		const hintsText = fitHints(hints, room - displayWidth(progressText) - 3);
		return (
			<Box width={width} justifyContent="space-between">
				<Text {...theme.statusLeft}>{leftText}</Text>
				<Text>
					<Text {...theme.progress}>{progressText}</Text>
					<Text {...theme.dim}>{hintsText === '' ? '' : ` ${glyphs.separator} ${hintsText}`}</Text>
				</Text>
			</Box>
		);
	}

	const right = message ?? fitHints(hints, room);
	return (
		<Box width={width} justifyContent="space-between">
			<Text {...theme.statusLeft}>{leftText}</Text>
			<Text {...(message ? theme.warning : theme.dim)}>{fitToWidth(right, room)}</Text>
		</Box>
	);
}

function fitHints(hints: readonly string[], room: number): string {
	let text = '';
	for (const hint of hints) {
		const next = text ? `${text} ${glyphs.separator} ${hint}` : hint;
		if (next.length > room) {
			break;
		}

		text = next;
	}

	return text;
}
