// The first screen: "Continue reading", every section with its article and unread counts, All, Saved.
import {useSyncExternalStore} from 'react';
import {useReader, useReadingState} from '../app-context.js';
import {Frame} from '../components/Frame.js';
import {List} from '../components/List.js';
import {hintsFor} from '../keymap.js';
import {entryKey, sectionEntries} from '../list-sources.js';
import {type ListCursor, listCursor} from '../navigation.js';
import {displayWidth, plural} from '../text.js';
import {countsText, SectionRow} from './sections/SectionRow.js';
import {questionScopes, sectionsScopes, useSectionsInput} from './sections/use-sections-input.js';
import {glyphs} from '../theme.js';

export type SectionsScreenProps = ListCursor & {
	/** Only the showing screen takes keys. */
	isActive: boolean;
};

export function SectionsScreen({cursor, cursorKey, isActive}: SectionsScreenProps) {
	const {library, reading: readingStore, body, feeds} = useReader();
	const reading = useReadingState(readingStore);
	const activity = useSyncExternalStore(feeds.subscribe, feeds.snapshot);
	const entries = sectionEntries(library, reading, activity.feeds);
	const selected = listCursor({cursor, cursorKey}, entries.map(entry => entryKey(entry)));
	const question = useSectionsInput({entries, selected, reading, isActive});

	const all = entries.find(entry => entry.kind === 'list' && entry.source.kind === 'all');
	const unreadTotal = all?.kind === 'list' ? all.unread : 0;
	const countsWidth = Math.max(0, ...entries.map(entry => countsText(entry).length));
	const labelWidth = Math.max(0, ...entries.map(entry => (entry.kind === 'list' ? displayWidth(entry.label) : 0)));
	const highlighted = entries[selected];
	// The whole reason, where the row has no room for it.
	const problem = highlighted?.kind === 'list' && highlighted.problem !== undefined ? ` ${glyphs.separator} ${glyphs.warning} ${highlighted.problem}` : '';
	return (
		<Frame title="newsread" aside={`${plural(library.count, 'article')} ${glyphs.separator} ${unreadTotal} unread`} status={question ?? `${selected + 1}/${entries.length}${problem}`} hints={hintsFor(question ? questionScopes : sectionsScopes)}>
			<List
				items={entries}
				itemKey={entryKey}
				cursor={selected}
				height={body.rows}
				renderItem={(entry, isSelected) => <SectionRow entry={entry} selected={isSelected} width={body.columns} countsWidth={countsWidth} labelWidth={labelWidth} />}
			/>
		</Frame>
	);
}
