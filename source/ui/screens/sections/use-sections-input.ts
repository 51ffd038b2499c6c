// The sections screen's keys: open an entry (remembering it, so the cursor comes back to it), mark a
// whole list read (after a y/n question), and the common list moves.
import {useState} from 'react';
import {useReader} from '../../app-context.js';
import {handleCommonAction} from '../../common-actions.js';
import {handleFeedAction} from '../../feed-keys.js';
import {visibleItems} from '../../components/List.js';
import {useKeymap} from '../../hooks/use-keymap.js';
import {type Action, type Scope, screenScopes} from '../../keymap.js';
import {articlesOf, entryKey, type SectionEntry} from '../../list-sources.js';
import type {ReadingState} from '../../../store/reading-state.js';
import {plural} from '../../text.js';

/** The key scopes of the sections screen. */
export const sectionsScopes: readonly Scope[] = screenScopes.sections;

/** The key scopes while a question (M: mark all read?) waits for y or n. */
export const questionScopes: readonly Scope[] = screenScopes.commentQuestion;

export type SectionsInput = {
	/** The entries as shown. */
	entries: readonly SectionEntry[];
	/** Index of the highlighted entry. */
	selected: number;
	/** The reading state the counts come from. */
	reading: ReadingState;
	/** Only the showing screen listens. */
	isActive: boolean;
};

type MarkQuestion = {label: string; ids: readonly string[]};

/** Returns the question asked before marking a whole list read, or undefined. */
export function useSectionsInput({entries, selected, reading, isActive}: SectionsInput): string | undefined {
	const {library, dispatch, body, notify, feeds} = useReader();
	// M marks a whole section read, which no key takes back: it asks first (as newsboat does).
	const [asking, setAsking] = useState<MarkQuestion | undefined>(undefined);
	const onAction = (action: Action) => {
		const entry = entries[selected];
		if (action === 'open' && entry) {
			// The cursor stays on the entry opened, also when "Continue reading" appears above it.
			// An article continued is read in its section: n and p walk it.
			dispatch({type: 'set-cursor', cursor: selected, key: entryKey(entry)});
			dispatch({type: 'push', screen: entry.kind === 'continue' ? {name: 'article', id: entry.id, source: {kind: 'section', name: entry.section}, relatedCursor: 0} : {name: 'headlines', source: entry.source, cursor: 0}});
		} else if (action === 'mark-all-read') {
			if (entry?.kind === 'list') {
				const ids = articlesOf(entry.source, library, reading).map(article => article.id).filter(id => !reading.isRead(id));
				if (ids.length === 0) {
					notify(`Every article in ${entry.label} is read already`);
				} else {
					setAsking({label: entry.label, ids});
				}
			}
		} else if (!handleFeedAction(action, entry?.kind === 'list' ? entry.source : undefined, {feeds, dispatch, notify})) {
			handleCommonAction(action, dispatch, {screen: 'sections', keys: entries.map(entry => entryKey(entry)), pageSize: visibleItems(body.rows)});
		}
	};

	const onAnswer = (action: Action) => {
		if (action === 'confirm' && asking) {
			reading.setManyRead(asking.ids, true);
			notify(`Marked ${plural(asking.ids.length, 'article')} in ${asking.label} read`);
		} else {
			notify('Nothing marked');
		}

		setAsking(undefined);
	};

	useKeymap(sectionsScopes, onAction, {isActive: isActive && asking === undefined});
	useKeymap(questionScopes, onAnswer, {isActive: isActive && asking !== undefined});
	return asking ? `Mark ${plural(asking.ids.length, 'unread article')} in ${asking.label} read? y/n` : undefined;
}
