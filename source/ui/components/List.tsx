// A windowed list: renders only the rows that fit, keeping the cursor in view (scrolls, never
// rotates), so a 10,000-item list costs no more than a screenful.
import {Box} from 'ink';
import type {ReactNode} from 'react';

export type ListProps = {
	count: number;
	cursor: number;
	/** Rows available. */
	height: number;
	/** Rows each item takes. @default 1 */
	rowsPerItem?: number;
	renderItem: (index: number, selected: boolean) => ReactNode;
};

/** The first visible item for a cursor: the cursor stays on screen, paging by whole windows. */
export function windowStart(cursor: number, count: number, visible: number): number {
	if (count <= visible) {
		return 0;
	}

	const start = cursor - (cursor % visible);
	return Math.min(start, count - visible);
}

export function List({count, cursor, height, rowsPerItem = 1, renderItem}: ListProps) {
	const visible = Math.max(1, Math.floor(height / rowsPerItem));
	const start = windowStart(cursor, count, visible);
	const indices = Array.from({length: Math.min(visible, count - start)}, (_, offset) => start + offset);
	return (
		<Box flexDirection="column" height={height}>
			{indices.map(index => (
				<Box key={index} height={rowsPerItem} flexDirection="column">
					{renderItem(index, index === cursor)}
				</Box>
			))}
		</Box>
	);
}

/** Items that fit on one screen of the list: the page size for PgDn/PgUp. */
export function visibleItems(height: number, rowsPerItem = 1): number {
	return Math.max(1, Math.floor(height / rowsPerItem));
}
