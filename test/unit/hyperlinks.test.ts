import {describe, expect, it} from 'vitest';
import {hyperlink, hyperlinksWanted, linkTarget} from '../../source/hyperlinks.js';

const tty = {isTTY: true};

describe('the OSC 8 sequence of a link', () => {
	it('wraps the text in OSC 8 with the address', () => {
		expect(hyperlink('the minutes', 'https://news.example.org/minutes?id=4#vote')).toBe('\u001B]8;;https://news.example.org/minutes?id=4#vote\u0007the minutes\u001B]8;;\u0007');
	});

	it('takes http, https and mailto only', () => {
		expect(linkTarget('http://example.org/')).toBe('http://example.org/');
		expect(linkTarget('mailto:desk@example.org')).toBe('mailto:desk@example.org');
		expect(linkTarget('javascript:alert(1)')).toBeUndefined();
		expect(linkTarget('JavaScript:alert(1)')).toBeUndefined();
		expect(linkTarget('file:///etc/passwd')).toBeUndefined();
		expect(linkTarget('data:text/html,hi')).toBeUndefined();
		expect(linkTarget('/relative/path')).toBeUndefined();
		expect(hyperlink('run me', 'javascript:alert(1)')).toBe('run me');
	});

	it('refuses addresses with control characters, so none can end the sequence or start another', () => {
		for (const hostile of [
			'https://example.org/\u001B]8;;https://evil.example/\u0007',
			'https://example.org/a\u0007b',
			'https://example.org/a\u009Cb',
			'https://example.org/a\u009D8;;x',
			'https://example.org/a\nb',
			'https://example.org/a\rb',
			'https://example.org/a\u007Fb',
			'https://example.org/a\u001B\\b',
		]) {
			expect(linkTarget(hostile)).toBeUndefined();
			expect(hyperlink('text', hostile)).toBe('text');
		}
	});

	it('percent-encodes what is not printable ASCII', () => {
		expect(linkTarget('https://example.org/café and more')).toBe('https://example.org/caf%C3%A9%20and%20more');
		expect(linkTarget('https://bücher.example/')).toBe('https://xn--bcher-kva.example/');
		expect(linkTarget('mailto:desk@example.org?subject=a b')).toBe('mailto:desk@example.org?subject=a%20b');
	});

	it('leaves an address longer than 2083 characters as text', () => {
		// `https://example.org/` is 20 characters.
		expect(linkTarget(`https://example.org/${'a'.repeat(2063)}`)).toHaveLength(2083);
		expect(linkTarget(`https://example.org/${'a'.repeat(2064)}`)).toBeUndefined();
	});
});

describe('when links are drawn as hyperlinks', () => {
	it('follows FORCE_HYPERLINK, on or off, whatever the terminal', () => {
		expect(hyperlinksWanted({isTTY: false}, {FORCE_HYPERLINK: '1'})).toBe(true);
		expect(hyperlinksWanted(tty, {FORCE_HYPERLINK: '1', TMUX: '/tmp/tmux-0/default,1,0'})).toBe(true);
		expect(hyperlinksWanted(tty, {FORCE_HYPERLINK: '0', TERM: 'xterm-kitty'})).toBe(false);
	});

	it('is off where it cannot be known to work: a pipe, TERM=dumb, tmux, screen', () => {
		expect(hyperlinksWanted({isTTY: false}, {TERM: 'xterm-kitty'})).toBe(false);
		expect(hyperlinksWanted(tty, {TERM: 'dumb'})).toBe(false);
		expect(hyperlinksWanted(tty, {TERM: 'xterm-kitty', TMUX: '/tmp/tmux-0/default,1,0'})).toBe(false);
		expect(hyperlinksWanted(tty, {TERM: 'screen-256color', VTE_VERSION: '7600'})).toBe(false);
		expect(hyperlinksWanted(tty, {TERM: 'xterm-256color', STY: '1234.pts-0.host'})).toBe(false);
	});
});
