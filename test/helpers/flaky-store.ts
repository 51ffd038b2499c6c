// A reading-state file in memory whose writes can be made to fail the way the real one fails: for
// the tests of saving that is retried, and of what the reader says while it keeps failing.
import {emptyState, type StateData, type StateStore} from '../../source/store/state-file.js';

/** An error as proper-lockfile gives it when another newsread held the lock for the whole wait. */
export function lockBusy(): Error {
	return Object.assign(new Error('Lock file is already being held'), {code: 'ELOCKED'});
}

/** An error as a write to a full disk gives it. */
export function diskFull(): Error {
	return Object.assign(new Error('ENOSPC: no space left on device, write'), {code: 'ENOSPC'});
}

/** A state file in memory whose writes fail with `failWith` while it is set; `tries` holds the (fake) time of every try. */
export function flakyStore() {
	let data = emptyState();
	const control = {
		failWith: undefined as Error | undefined,
		tries: [] as number[],
		saved: () => data,
		store: {
			read: () => structuredClone(data),
			async update(change: (state: StateData) => void) {
				control.tries.push(Date.now());
				if (control.failWith) {
					throw control.failWith;
				}

				const next = structuredClone(data);
				change(next);
				data = next;
				return structuredClone(data);
			},
		} satisfies StateStore,
	};
	return control;
}
