// The sections screen's keys: open an entry (remembering it, so the cursor comes back to it), mark a
// whole list read, and the common list moves.
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

export function useSectionsInput({entries, selected, reading, isActive}: SectionsInput): void {
	const {library, dispatch, body, notify, feeds} = useReader();
	const onAction = (action: Action) => {
		const entry = entries[selected];
		if (action === 'open' && entry) {
			// The cursor stays on the entry opened, also when "Continue reading" appears above it.
			dispatch({type: 'set-cursor', cursor: selected, key: entryKey(entry)});
			dispatch({type: 'push', screen: entry.kind === 'continue' ? {name: 'article', id: entry.id, relatedCursor: 0} : {name: 'headlines', source: entry.source, cursor: 0}});
		} else if (action === 'mark-all-read') {
			if (entry?.kind === 'list') {
				const ids = articlesOf(entry.source, library, reading).map(article => article.id);
				reading.setManyRead(ids, true);
				notify(`Marked ${plural(ids.length, 'article')} in ${entry.label} read`);
			}
		} else if (!handleFeedAction(action, entry?.kind === 'list' ? entry.source : undefined, {feeds, dispatch, notify})) {
			handleCommonAction(action, dispatch, {screen: 'sections', keys: entries.map(entry => entryKey(entry)), pageSize: visibleItems(body.rows)});
		}
	};

	useKeymap(sectionsScopes, onAction, {isActive});
}
