// The bottom line: where you are on the left, key hints (from the key table) on the right.
import {Box, Text} from 'ink';
import {fitToWidth} from '../text.js';
import {theme} from '../theme.js';

export type StatusBarProps = {
	/** Position text: `page 3/9 · 27%` or `4/17`. */
	left: string;
	/** Key hints, most important first; as many as fit are shown. */
	hints: readonly string[];
	/** A message that replaces the hints (an error or a confirmation). */
	message?: string;
	/** The terminal's width in columns: the bar fills it. */
	width: number;
};

export function StatusBar({left, hints, message, width}: StatusBarProps) {
	const leftText = fitToWidth(left, Math.max(0, width - 2));
	const room = Math.max(0, width - leftText.length - 3);
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
		const next = text ? `${text} · ${hint}` : hint;
		if (next.length > room) {
			break;
		}

		text = next;
	}

	return text;
}
