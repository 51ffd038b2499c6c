// React's act environment for the UI tests, and any act() warning fails the test that caused it.
import {afterEach, vi} from 'vitest';

(globalThis as {IS_REACT_ACT_ENVIRONMENT?: boolean}).IS_REACT_ACT_ENVIRONMENT = true;

const actWarnings: string[] = [];
const originalError = console.error.bind(console);
vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
	const message = args.map(String).join(' ');
	if (message.includes('not wrapped in act(')) {
		actWarnings.push(message);
	}

	originalError(...args);
});

afterEach(() => {
	// A test that faked the timers must not leave them fake for the next one.
	vi.useRealTimers();
	const warnings = actWarnings.splice(0);
	if (warnings.length > 0) {
		throw new Error(`React act() warning:\n${warnings.join('\n')}`);
	}
});
