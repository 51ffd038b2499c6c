// The changes the reader makes to its state, as functions of the state file's data: applied to the
// snapshot in memory at once, and again to the file's fresh copy when they are written.
import type {Commenter, Draft, Position, StateData} from './state-file.js';

export type Change = (data: StateData) => void;

/**
 * Sets an entry as the record's own property: an id is a file name, and `constructor` or `__proto__`
 * would otherwise read the prototype's property or set the prototype.
 */
function setEntry<T>(record: Record<string, T>, key: string, value: T): void {
	Object.defineProperty(record, key, {value, enumerable: true, writable: true, configurable: true});
}

export function markRead(ids: readonly string[], read: boolean, at: number): Change {
	return data => {
		for (const id of ids) {
			if (read) {
				if (!Object.hasOwn(data.read, id)) {
					setEntry(data.read, id, at);
				}
			} else {
				delete data.read[id];
			}
		}
	};
}

export function markSaved(id: string, saved: boolean, at: number): Change {
	return data => {
		if (saved) {
			setEntry(data.saved, id, at);
		} else {
			delete data.saved[id];
		}
	};
}

/** Also makes the article the one read last, for "Continue reading". */
export function putPosition(id: string, position: Omit<Position, 'at'>, at: number): Change {
	return data => {
		setEntry(data.positions, id, {...position, at});
		data.lastRead = id;
	};
}

export function putCommenter(commenter: Commenter): Change {
	return data => {
		data.commenter = {...commenter};
	};
}

/** Keeps (or, with undefined, drops) the unfinished comment of an article. */
export function putDraft(articleId: string, draft: Omit<Draft, 'updatedAt'> | undefined, at: number): Change {
	return data => {
		if (draft) {
			setEntry(data.drafts, articleId, {...draft, updatedAt: at});
		} else {
			delete data.drafts[articleId];
		}
	};
}
