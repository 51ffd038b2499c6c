// The first screen: "Continue reading", every section with its article and unread counts, All, Saved.
import {Text} from 'ink';
import SelectInput from 'ink-select-input';
import {useCallback, useEffect} from 'react';
import {useApp, useReadingState} from '../app-context.js';
import {Frame} from '../components/Frame.js';
import {visibleItems} from '../components/List.js';
import {handleCommonAction} from '../common-actions.js';
import {useKeymap} from '../hooks/use-keymap.js';
import {type Action, hintsFor, type Scope, screenScopes} from '../keymap.js';
import {articlesOf, entryKey, type SectionEntry, sectionEntries} from '../list-sources.js';
import {displayWidth, fitToWidth, padToWidth, plural} from '../text.js';
import {theme} from '../theme.js';

const scopes: readonly Scope[] = screenScopes.sections;

export type SectionsScreenProps = {
	cursor: number;
	/** The entry opened last (see navigation). */
	openedKey?: string;
	isActive: boolean;
};

export function SectionsScreen({cursor, openedKey, isActive}: SectionsScreenProps) {
	const {library, reading: readingStore, dispatch, body, notify} = useApp();
	const reading = useReadingState(readingStore);
	const entries = sectionEntries(library, reading);
	const openedIndex = openedKey === undefined ? -1 : entries.findIndex(entry => entryKey(entry) === openedKey);
	const selected = Math.min(openedIndex === -1 ? cursor : openedIndex, entries.length - 1);
	useEffect(() => {
		if (openedKey !== undefined && isActive) {
			dispatch({type: 'replace', screen: {name: 'sections', cursor: selected}});
		}
	}, [openedKey, isActive, selected, dispatch]);
	const onAction = useCallback(
		(action: Action) => {
			const entry = entries[selected];
			switch (action) {
				case 'open': {
					if (entry) {
						dispatch({type: 'replace', screen: {name: 'sections', cursor: selected, openedKey: entryKey(entry)}});
					}

					if (entry?.kind === 'continue') {
						dispatch({type: 'push', screen: {name: 'article', id: entry.id, relatedCursor: 0}});
					} else if (entry) {
						dispatch({type: 'push', screen: {name: 'headlines', source: entry.source, cursor: 0}});
					}

					break;
				}

				case 'mark-all-read': {
					if (entry?.kind === 'list') {
						const ids = articlesOf(entry.source, library, reading).map(article => article.id);
						reading.setManyRead(ids, true);
						notify(`Marked ${plural(ids.length, 'article')} in ${entry.label} read`);
					}

					break;
				}

				default: {
					handleCommonAction(action, dispatch, {screen: 'sections', count: entries.length, pageSize: visibleItems(body.rows)});
				}
			}
		},
		[entries, selected, dispatch, body.rows, library, reading, notify],
	);
	useKeymap(scopes, onAction, {isActive});

	const all = entries.find(entry => entry.kind === 'list' && entry.source.kind === 'all');
	const unreadTotal = all?.kind === 'list' ? all.unread : 0;
	const countsWidth = Math.max(0, ...entries.map(entry => countsText(entry).length));
	return (
		<Frame title="newsread" aside={`${plural(library.articles.length, 'article')} · ${unreadTotal} unread`} status={`${selected + 1}/${entries.length}`} hints={hintsFor(scopes)}>
			<SectionsList entries={entries} selected={selected} width={body.columns} height={body.rows} countsWidth={countsWidth} />
		</Frame>
	);
}

type SectionsListProps = {
	entries: SectionEntry[];
	selected: number;
	width: number;
	height: number;
	countsWidth: number;
};

/**
 * The entries drawn by ink-select-input. Its own keys are off (it selects on digits 1-9 at once):
 * the key table moves the cursor, and the list is drawn again from the cursor when it moves.
 */
function SectionsList({entries, selected, width, height, countsWidth}: SectionsListProps) {
	const byKey = new Map(entries.map(entry => [entryKey(entry), entry]));
	const items = entries.map(entry => ({key: entryKey(entry), label: entryKey(entry), value: entryKey(entry)}));
	const Row = ({isSelected = false, label}: {isSelected?: boolean; label: string}) => renderEntry(byKey.get(label), isSelected, width, countsWidth);
	return (
		<SelectInput
			key={`${selected}:${items.map(item => item.key).join(',')}`}
			items={items}
			initialIndex={selected}
			limit={Math.max(1, height)}
			isFocused={false}
			indicatorComponent={NoIndicator}
			itemComponent={Row}
		/>
	);
}

/** The pointer is part of each row (renderEntry), so ink-select-input's own indicator is empty. */
function NoIndicator() {
	return null;
}

function countsText(entry: SectionEntry): string {
	if (entry.kind === 'continue') {
		return '';
	}

	return `${plural(entry.count, 'article')}${entry.unread > 0 ? ` · ${entry.unread} unread` : ''}`;
}

function renderEntry(entry: SectionEntry | undefined, selected: boolean, width: number, countsWidth: number) {
	if (!entry) {
		return null;
	}

	const pointer = selected ? '❯ ' : '  ';
	if (entry.kind === 'continue') {
		const prefix = `${pointer}Continue reading: `;
		const suffix = ` (${entry.percent}%)`;
		const title = fitToWidth(entry.title, Math.max(1, width - displayWidth(prefix) - displayWidth(suffix)));
		return <Text {...theme.selected} inverse={selected}>{padToWidth(`${prefix}${title}${suffix}`, width)}</Text>;
	}

	const counts = countsText(entry).padEnd(countsWidth);
	const nameWidth = Math.max(10, Math.min(40, width - countsWidth - 4));
	return (
		<Text {...(selected ? theme.selected : {})}>
			{pointer}
			{padToWidth(entry.label, nameWidth)}
			<Text {...(entry.unread > 0 ? theme.unread : theme.dim)}>{counts}</Text>
		</Text>
	);
}
