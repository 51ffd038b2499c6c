// The first screen: "Continue reading", every section with its article and unread counts, All, Saved.
import {useReader, useReadingState} from '../app-context.js';
import {Frame} from '../components/Frame.js';
import {List} from '../components/List.js';
import {hintsFor} from '../keymap.js';
import {entryKey, sectionEntries} from '../list-sources.js';
import {type ListCursor, listCursor} from '../navigation.js';
import {plural} from '../text.js';
import {countsText, SectionRow} from './sections/SectionRow.js';
import {sectionsScopes, useSectionsInput} from './sections/use-sections-input.js';

export type SectionsScreenProps = ListCursor & {
	/** Only the showing screen takes keys. */
	isActive: boolean;
};

export function SectionsScreen({cursor, cursorKey, isActive}: SectionsScreenProps) {
	const {library, reading: readingStore, body} = useReader();
	const reading = useReadingState(readingStore);
	const entries = sectionEntries(library, reading);
	const selected = listCursor({cursor, cursorKey}, entries.map(entry => entryKey(entry)));
	useSectionsInput({entries, selected, reading, isActive});

	const all = entries.find(entry => entry.kind === 'list' && entry.source.kind === 'all');
	const unreadTotal = all?.kind === 'list' ? all.unread : 0;
	const countsWidth = Math.max(0, ...entries.map(entry => countsText(entry).length));
	return (
		<Frame title="newsread" aside={`${plural(library.articles.length, 'article')} · ${unreadTotal} unread`} status={`${selected + 1}/${entries.length}`} hints={hintsFor(sectionsScopes)}>
			<List
				items={entries}
				itemKey={entryKey}
				cursor={selected}
				height={body.rows}
				renderItem={(entry, isSelected) => <SectionRow entry={entry} selected={isSelected} width={body.columns} countsWidth={countsWidth} />}
			/>
		</Frame>
	);
}
