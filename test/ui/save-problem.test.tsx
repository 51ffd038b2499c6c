// Saving reading state that keeps failing is said in the status line, stays there through key presses,
// and goes once a write succeeds.
import {act} from 'react';
import {describe, expect, it} from 'vitest';
import {createReadingState} from '../../source/store/reading-state.js';
import {flakyStore, lockBusy} from '../helpers/flaky-store.js';
import {renderReader, statusOf} from '../helpers/render.js';

const problem = 'Reading state not saved: another newsread holds the lock. Retrying.';

describe('saving that keeps failing', () => {
	it('shows in the status line after 30 seconds of failed tries, stays through key presses, and goes when a write succeeds', async () => {
		const busy = flakyStore();
		busy.failWith = lockBusy();
		let clock = 0;
		const reading = createReadingState({file: busy.store, now: () => clock});
		const reader = renderReader({reading, columns: 100});
		await reader.waitForText('Saved');
		act(() => {
			reading.setSaved('world/island-census', true);
		});

		// Three tries over 20 seconds: not yet worth a message.
		for (const at of [0, 10_000, 20_000]) {
			clock = at;
			await act(async () => {
				await reading.flush();
			});
		}

		expect(reader.frame()).not.toContain('not saved');

		clock = 31_000;
		await act(async () => {
			await reading.flush();
		});
		expect(statusOf(await reader.waitForText(problem))).toContain(problem);

		// Other messages go at the next key; this one stays while saving fails.
		await reader.press('down');
		expect(reader.frame()).toContain(problem);

		busy.failWith = undefined;
		clock = 40_000;
		await act(async () => {
			await reading.flush();
		});
		await reader.waitForNoText('not saved');
		expect(Object.keys(busy.saved().saved)).toEqual(['world/island-census']);
	});
});
