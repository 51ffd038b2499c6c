// One entry of the sections screen: "Continue reading: <title> (N%)", or a list with its counts.
import {Text} from 'ink';
import type {SectionEntry} from '../../list-sources.js';
import {displayWidth, fitToWidth, padToWidth, plural} from '../../text.js';
import {glyphs, theme} from '../../theme.js';

export type SectionRowProps = {
	/** The entry to draw. */
	entry: SectionEntry;
	/** Whether the cursor is on it. */
	selected: boolean;
	/** Columns available. */
	width: number;
	/** Width of the counts column, the same for every entry (see countsText). */
	countsWidth: number;
	/** Width of the widest name, the same for every entry. */
	labelWidth: number;
};

/** `4 articles · 3 unread`; nothing for "Continue reading". */
export function countsText(entry: SectionEntry): string {
	if (entry.kind === 'continue') {
		return '';
	}

	return `${plural(entry.count, 'article')}${entry.unread > 0 ? ` ${glyphs.separator} ${entry.unread} unread` : ''}`;
}

export function SectionRow({entry, selected, width, countsWidth, labelWidth}: SectionRowProps) {
	const pointer = selected ? `${glyphs.pointer} ` : '  ';
	if (entry.kind === 'continue') {
		const prefix = `${pointer}Continue reading: `;
		const suffix = ` (${entry.percent}%)`;
		const title = fitToWidth(entry.title, Math.max(1, width - displayWidth(prefix) - displayWidth(suffix)));
		// Bold, not the selection's style: only the row under the cursor looks selected.
		return <Text {...(selected ? theme.selected : theme.title)}>{padToWidth(`${prefix}${title}${suffix}`, width)}</Text>;
	}

	const counts = countsText(entry).padEnd(countsWidth);
	const nameWidth = Math.max(10, Math.min(labelWidth + 2, 40, width - countsWidth - 4));
	// Why the section's feed last failed, in what is left of the row.
	const problemRoom = width - displayWidth(pointer) - nameWidth - countsWidth - 2;
	const problem = entry.problem === undefined || problemRoom < 8 ? '' : fitToWidth(`${glyphs.warning} ${entry.problem}`, problemRoom);
	return (
		<Text {...(selected ? theme.selected : {})}>
			{pointer}
			{padToWidth(entry.label, nameWidth)}
			<Text {...(entry.unread > 0 ? theme.unread : theme.dim)}>{counts}</Text>
			{problem === '' ? '' : <Text {...theme.error}>{`  ${problem}`}</Text>}
		</Text>
	);
}
