// What was typed into the find and search prompts, for ↑ and ↓ to bring back: this session only
// (queries are not reading state, and a reader on a shared machine need not leave them on disk).

/** The prompts that keep a history. */
export type HistoryKind = 'find' | 'search';

export type PromptHistory = {
	/** What was submitted in a prompt, oldest first, each text once. */
	entries(kind: HistoryKind): readonly string[];
	/** Remembers a submitted text as the newest (an empty one is not kept). */
	add(kind: HistoryKind, text: string): void;
};

/** At most this many texts are kept per prompt. */
export const HISTORY_LIMIT = 100;

export function createPromptHistory(): PromptHistory {
	const lists: Record<HistoryKind, string[]> = {find: [], search: []};
	return {
		entries: kind => lists[kind],
		add(kind, text) {
			if (text.trim() === '') {
				return;
			}

			lists[kind] = [...lists[kind].filter(entry => entry !== text), text].slice(-HISTORY_LIMIT);
		},
	};
}

/** Where ↑ and ↓ are in a history: which entry shows, and what was typed before ↑ (↓ past the newest brings it back). */
export type Browsing = {index: number; draft: string};

/**
 * ↑ (`step` -1) or ↓ (+1) in a history, from the text showing now: the text to show and where the
 * browsing is; undefined when there is nothing further that way.
 */
export function browseHistory(entries: readonly string[], browsing: Browsing | undefined, value: string, step: -1 | 1): {value: string; browsing: Browsing | undefined} | undefined {
	const index = (browsing?.index ?? entries.length) + step;
	const draft = browsing?.draft ?? value;
	if (index < 0 || (browsing === undefined && step > 0)) {
		return undefined;
	}

	if (index >= entries.length) {
		return {value: draft, browsing: undefined};
	}

	return {value: entries[index]!, browsing: {index, draft}};
}
