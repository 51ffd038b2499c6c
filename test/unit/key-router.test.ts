// The key router: which handler a key reaches, and how keys that arrive together are handed out.
import type {Key} from 'ink';
import {describe, expect, it} from 'vitest';
import {createKeyRouter, type KeyHandler, noKey} from '../../source/ui/key-router.js';

/** A router whose "frame drawn" moments the test decides: `drawn()` lets the next held key through. */
function routerWithFrames() {
	const waiting: Array<() => void> = [];
	const router = createKeyRouter({afterRender: callback => waiting.push(callback)});
	return {
		router,
		drawn: () => {
			waiting.shift()?.();
		},
		drawAll: () => {
			for (let next = waiting.shift(); next; next = waiting.shift()) {
				next();
			}
		},
	};
}

/** A handler that writes down each key it gets, as `name` or the text. */
function recorder(log: string[], label: string, takes: (input: string, key: Key) => boolean = () => true): KeyHandler {
	return (input, key) => {
		log.push(`${label}:${nameOf(input, key)}`);
		return takes(input, key);
	};
}

function nameOf(input: string, key: Key): string {
	if (key.return) {
		return 'enter';
	}

	if (key.delete || key.backspace) {
		return 'backspace';
	}

	if (key.tab) {
		return 'tab';
	}

	if (key.downArrow) {
		return 'down';
	}

	return key.ctrl ? `ctrl+${input}` : input;
}

const down: Key = {...noKey, downArrow: true};

describe('the one active handler', () => {
	it('is the screen that registered last: the screen below it gets nothing', () => {
		const {router} = routerWithFrames();
		const log: string[] = [];
		router.register(recorder(log, 'sections'));
		router.register(recorder(log, 'headlines'));
		router.dispatch('j', noKey);
		expect(log).toEqual(['headlines:j']);
	});

	it('is the screen below again once the one on top has gone', () => {
		const {router} = routerWithFrames();
		const log: string[] = [];
		router.register(recorder(log, 'sections'));
		const remove = router.register(recorder(log, 'headlines'));
		remove();
		router.dispatch('j', noKey);
		expect(log).toEqual(['sections:j']);
	});

	it('is a focused text field first, even when its screen registered after it', () => {
		const {router} = routerWithFrames();
		const log: string[] = [];
		router.register(recorder(log, 'field'), {text: true});
		router.register(recorder(log, 'form'));
		router.dispatch('q', noKey);
		expect(log).toEqual(['field:q']);
	});

	it('passes a key the text field leaves (Enter) to the screen on top, and to no one else', () => {
		const {router} = routerWithFrames();
		const log: string[] = [];
		router.register(recorder(log, 'article'));
		router.register(recorder(log, 'prompt'));
		router.register(
			recorder(log, 'field', (_input, key) => !key.return),
			{text: true},
		);
		router.dispatch('\r', {...noKey, return: true});
		expect(log).toEqual(['field:enter', 'prompt:enter']);
	});
});

describe('keys that arrive together', () => {
	it('hands out three Backspaces in one chunk one at a time, each after the frame of the one before', () => {
		const {router, drawn} = routerWithFrames();
		const log: string[] = [];
		router.register(recorder(log, 'form'));
		router.dispatch('\u007F\u007F\u007F', noKey);
		expect(log).toEqual(['form:backspace']);
		expect(router.isBusy()).toBe(true);
		drawn();
		expect(log).toEqual(['form:backspace', 'form:backspace']);
		drawn();
		drawn();
		expect(log).toEqual(['form:backspace', 'form:backspace', 'form:backspace']);
		drawn();
		expect(router.isBusy()).toBe(false);
	});

	it('holds a key that arrives before the frame of the previous one (Down, then Right in the same chunk)', () => {
		const {router, drawn} = routerWithFrames();
		const log: string[] = [];
		router.register(recorder(log, 'sections'));
		router.dispatch('', down);
		router.dispatch('j', noKey);
		expect(log).toEqual(['sections:down']);
		// The screen the first key opened registers before its frame is done: the held key goes there.
		router.register(recorder(log, 'headlines'));
		drawn();
		expect(log).toEqual(['sections:down', 'headlines:j']);
	});

	it('hands typed letters one by one to a screen without a text field', () => {
		const {router, drawAll} = routerWithFrames();
		const log: string[] = [];
		router.register(recorder(log, 'list'));
		router.dispatch('jjk', noKey);
		drawAll();
		expect(log).toEqual(['list:j', 'list:j', 'list:k']);
	});

	it('hands pasted text whole to a text field, and Enter and Tab in it as keys', () => {
		const {router, drawAll} = routerWithFrames();
		const log: string[] = [];
		router.register(recorder(log, 'form'));
		router.register(
			recorder(log, 'field', (input, key) => !key.return && !key.tab),
			{text: true},
		);
		router.dispatch('Dear editor,\rThank you.\tAnn', noKey);
		drawAll();
		expect(log).toEqual(['field:Dear editor,', 'field:enter', 'form:enter', 'field:Thank you.', 'field:tab', 'form:tab', 'field:Ann']);
	});

	it('turns control characters inside text into their Ctrl keys (a bell is Ctrl+G, not text)', () => {
		const {router, drawAll} = routerWithFrames();
		const log: string[] = [];
		router.register(recorder(log, 'field'), {text: true});
		router.dispatch('Ding\u0007dong\u0013', noKey);
		drawAll();
		expect(log).toEqual(['field:Ding', 'field:ctrl+g', 'field:dong', 'field:ctrl+s']);
	});
});
