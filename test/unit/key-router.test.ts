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

/** What Ink hands over for the bracketed-paste markers ESC[200~ and ESC[201~: the sequence without its ESC. */
const PASTE_START = '[200~';
const PASTE_END = '[201~';

describe('pasted text', () => {
	it('reaches the comment field as one insertion, its line breaks as \\n, however many chunks the paste spans', () => {
		const {router, drawAll} = routerWithFrames();
		const log: string[] = [];
		router.register(recorder(log, 'form'));
		router.register(recorder(log, 'field'), {text: true, multiline: true});
		router.dispatch(PASTE_START, noKey);
		router.dispatch('Dear editor,\rthe ferry', noKey);
		router.dispatch('\r', {...noKey, return: true});
		router.dispatch(' left at dawn.\tAnn', noKey);
		router.dispatch(PASTE_END, noKey);
		router.dispatch('!', noKey);
		drawAll();
		expect(log).toEqual(['field:Dear editor,\nthe ferry\n left at dawn.\tAnn', 'field:!']);
	});

	it('reaches a one-line field (the search) with spaces for its line breaks, and no Enter', () => {
		const {router, drawAll} = routerWithFrames();
		const log: string[] = [];
		router.register(recorder(log, 'search'));
		router.register(
			recorder(log, 'field', (_input, key) => !key.return),
			{text: true},
		);
		router.dispatch(PASTE_START, noKey);
		router.dispatch('harbour\rferry\r\nvote', noKey);
		router.dispatch(PASTE_END, noKey);
		drawAll();
		expect(log).toEqual(['field:harbour ferry vote']);
	});

	it('ends at an end marker that Ink handed over in two pieces', () => {
		const {router, drawAll} = routerWithFrames();
		const log: string[] = [];
		router.register(recorder(log, 'form'));
		router.register(recorder(log, 'field'), {text: true});
		router.dispatch(PASTE_START, noKey);
		router.dispatch('pasted words', noKey);
		// Ink gave up waiting for the rest of `ESC [ 2 0` and handed it over as text.
		router.dispatch('[20', noKey);
		router.dispatch('1~', noKey);
		router.dispatch('x', noKey);
		drawAll();
		expect(log).toEqual(['field:pasted words', 'field:x']);
	});

	it('is left out on a screen without a text field, with a word to the reader, and the keys after it still work', () => {
		const {router, drawAll} = routerWithFrames();
		const log: string[] = [];
		let told = 0;
		router.listen({
			pasteIgnored() {
				told++;
			},
		});
		router.register(recorder(log, 'headlines'));
		router.dispatch(PASTE_START, noKey);
		router.dispatch('jjjjQ', noKey);
		router.dispatch(PASTE_END, noKey);
		router.dispatch('j', noKey);
		drawAll();
		expect(log).toEqual(['headlines:j']);
		expect(told).toBe(1);
	});

	it('without brackets, text chunks that wait one after another reach the comment field as one insertion', () => {
		const {router, drawn, drawAll} = routerWithFrames();
		const log: string[] = [];
		router.register(recorder(log, 'form'));
		router.register(recorder(log, 'field'), {text: true, multiline: true});
		router.dispatch('Dear', noKey);
		// The rest of the paste arrives while the frame of the first chunk is being drawn.
		router.dispatch(' editor,\rthe ferry', noKey);
		router.dispatch(' left.\r', noKey);
		drawn();
		drawAll();
		expect(log).toEqual(['field:Dear', 'field: editor,\nthe ferry left.\n']);
	});

	it('without brackets and without a text field, over 64 letters in one chunk are left out instead of becoming as many keys', () => {
		const {router, drawAll} = routerWithFrames();
		const log: string[] = [];
		let told = 0;
		router.listen({
			pasteIgnored() {
				told++;
			},
		});
		router.register(recorder(log, 'headlines'));
		router.dispatch('a'.repeat(100_000), noKey);
		router.dispatch('j', noKey);
		drawAll();
		expect(log).toEqual(['headlines:j']);
		expect(told).toBe(1);
	});
});

describe('quitting while keys wait', () => {
	it('Ctrl+C among keys drops every key still waiting and quits at once', () => {
		const {router, drawn, drawAll} = routerWithFrames();
		const log: string[] = [];
		let interrupted = 0;
		router.listen({
			interrupt() {
				interrupted++;
			},
		});
		router.register(recorder(log, 'headlines'));
		for (let index = 0; index < 10_000; index++) {
			router.dispatch('', down);
		}

		drawn();
		router.dispatch('jk\u0003', noKey);
		expect(interrupted).toBe(1);
		drawAll();
		expect(log).toEqual(['headlines:down', 'headlines:down']);
		expect(router.isBusy()).toBe(false);
	});

	/** The keys the headlines screen gets when `backlog` is typed ahead and Q after it, before a frame is drawn. */
	function keysBeforeQuitting(backlog: ReadonlyArray<[string, Key]>, times: number): string[] {
		const {router, drawn} = routerWithFrames();
		const log: string[] = [];
		router.register(recorder(log, 'headlines'));
		for (let index = 0; index < times; index++) {
			for (const [input, key] of backlog) {
				router.dispatch(input, key);
			}
		}

		router.dispatch('Q', {...noKey, shift: true});
		drawn();
		return log;
	}

	it('Q goes ahead of arrows typed ahead on a screen without a text field', () => {
		expect(keysBeforeQuitting([['', down]], 10_000)).toEqual(['headlines:down', 'headlines:Q']);
	});

	it('Q goes ahead of a backlog of any keys on a screen without a text field', () => {
		expect(keysBeforeQuitting([['[', noKey], ['', down]], 1000)).toEqual(['headlines:[', 'headlines:Q']);
	});

	it('takes a backlog of 200,000 held-down keys and a Q after it (each key queued without looking through the queue)', () => {
		// Looking through the queue for each key is 2·10¹⁰ steps here: the test's timeout, not an answer.
		expect(keysBeforeQuitting([['', down]], 200_000)).toEqual(['headlines:down', 'headlines:Q']);
	});

	it('Q waits its turn behind a key that may open a text field (/ then Q is a search for Q)', () => {
		const {router, drawAll} = routerWithFrames();
		const log: string[] = [];
		router.register(recorder(log, 'headlines'));
		router.dispatch('', down);
		router.dispatch('/', noKey);
		router.dispatch('Q', {...noKey, shift: true});
		drawAll();
		expect(log).toEqual(['headlines:down', 'headlines:/', 'headlines:Q']);
	});

	it('clear() drops the keys still waiting', () => {
		const {router, drawAll} = routerWithFrames();
		const log: string[] = [];
		router.register(recorder(log, 'headlines'));
		router.dispatch('', down);
		router.dispatch('', down);
		router.dispatch('', down);
		router.clear();
		drawAll();
		expect(log).toEqual(['headlines:down']);
	});
});
