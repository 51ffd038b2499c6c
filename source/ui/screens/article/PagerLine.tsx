// One line of the pager, with the find's matches highlighted and the related article Tab chose in
// inverse video.
import {Text} from 'ink';
import type {Line} from '../../../core/layout.js';
import {highlightSegments, type HighlightedSegment, type LayoutMatch} from '../../../core/search.js';
import {withLayoutMarks} from '../../../glyphs.js';
import {hyperlink} from '../../../hyperlinks.js';
import {glyphs, hyperlinks, type TextStyle, theme} from '../../theme.js';

/** A match's columns on its line. */
export type MatchRange = {start: number; end: number};

export type PagerLineProps = {
	/** The laid-out line. */
	line: Line;
	/** The find's matches on this line. */
	ranges?: readonly MatchRange[];
	/** The related article highlighted with Tab. */
	selected: boolean;
};

/** The find's matches by line, for drawing. */
export function matchesByLine(matches: readonly LayoutMatch[]): Map<number, MatchRange[]> {
	const byLine = new Map<number, MatchRange[]>();
	for (const {line, start, end} of matches) {
		byLine.set(line, [...(byLine.get(line) ?? []), {start, end}]);
	}

	return byLine;
}

export function PagerLine({line, ranges, selected}: PagerLineProps) {
	const segments: readonly HighlightedSegment[] = ranges ? highlightSegments(line.segments, ranges) : line.segments;
	if (segments.length === 0 || line.kind === 'blank') {
		return <Text> </Text>;
	}

	return (
		<Text inverse={selected}>
			{segments.map((segment, index) => {
				const style: TextStyle = segment.match ? {...theme[segment.style], ...theme.match} : theme[segment.style];
				const text = segment.style === 'marker' || segment.style === 'quote' || segment.style === 'rule' || segment.style === 'continuation' ? withLayoutMarks(segment.text, glyphs) : segment.text;
				// Each piece of a link (each line of a cut address) opens the whole address.
				return (
					<Text key={index} {...style}>
						{hyperlinks && segment.href !== undefined ? hyperlink(text, segment.href) : text}
					</Text>
				);
			})}
		</Text>
	);
}
