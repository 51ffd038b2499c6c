// The one list of the reader: the window of items around the cursor (it scrolls, never rotates), so a
// 10,000-item list costs no more than a screenful. ink-select-input draws the rows with its own keys
// off: the key table moves the cursor, and the navigation reducer keeps it on its item by key.
import {Box} from 'ink';
import SelectInput from 'ink-select-input';
import {createContext, type ReactNode, useContext} from 'react';

export type ListProps<Item> = {
	/** Every item of the list, in order; only the window around the cursor is drawn. */
	items: readonly Item[];
	/** The stable key of an item (an article id): rows are kept by it, not by their position. */
	itemKey: (item: Item) => string;
	/** Index of the highlighted item (navigation's `listCursor`). */
	cursor: number;
	/** Rows available. */
	height: number;
	/** Rows each item takes. @default 1 */
	rowsPerItem?: number;
	/** Draws one item; the pointer or highlight of the selected one is part of what it draws. */
	renderItem: (item: Item, isSelected: boolean) => ReactNode;
};

/** The first visible item for a cursor: the cursor stays on screen, paging by whole windows. */
export function windowStart(cursor: number, count: number, visible: number): number {
	if (count <= visible) {
		return 0;
	}

	const start = cursor - (cursor % visible);
	return Math.min(start, count - visible);
}

/** Items that fit on one screen of the list: the page size for PgDn/PgUp. */
export function visibleItems(height: number, rowsPerItem = 1): number {
	return Math.max(1, Math.floor(height / rowsPerItem));
}

type DrawnRows = {rows: ReadonlyMap<string, ReactNode>; rowsPerItem: number};

// ink-select-input takes one item component for every row: the rows drawn this frame reach it here,
// so that component stays the same and React keeps each row from frame to frame.
const DrawnRowsContext = createContext<DrawnRows>({rows: new Map(), rowsPerItem: 1});

export function List<Item>({items, itemKey, cursor, height, rowsPerItem = 1, renderItem}: ListProps<Item>) {
	const visible = visibleItems(height, rowsPerItem);
	const start = windowStart(cursor, items.length, visible);
	const shown = items.slice(start, start + visible).map((item, offset) => ({item, key: itemKey(item), selected: start + offset === cursor}));
	const rows = new Map(shown.map(({item, key, selected}) => [key, renderItem(item, selected)]));
	return (
		<Box flexDirection="column" height={height}>
			<DrawnRowsContext.Provider value={{rows, rowsPerItem}}>
				<SelectInput items={shown.map(({key}) => ({key, label: key, value: key}))} isFocused={false} indicatorComponent={NoIndicator} itemComponent={DrawnRow} />
			</DrawnRowsContext.Provider>
		</Box>
	);
}

/** The pointer is part of each row (renderItem), so ink-select-input's own indicator is empty. */
function NoIndicator() {
	return null;
}

/** One row as renderItem drew it; ink-select-input's label is the item's key. */
function DrawnRow({label}: {label: string}) {
	const {rows, rowsPerItem} = useContext(DrawnRowsContext);
	return (
		<Box height={rowsPerItem} flexDirection="column">
			{rows.get(label)}
		</Box>
	);
}
