// OSC 8 hyperlinks: the one place a link's address goes to the terminal (only http, https and mailto,
// printable ASCII, so nothing in it can end the sequence or start another), and whether it may.
import process from 'node:process';
import {createSupportsHyperlinks} from 'supports-hyperlinks';

/** Addresses longer than this are shown as text only (terminals such as VTE ignore longer ones). */
export const MAX_LINK_TARGET = 2083;

const schemes = new Set(['http:', 'https:', 'mailto:']);

/** C0 controls (ESC, BEL, newline…), DEL and C1 controls (ST, CSI, OSC…). */
const controlCharacters = /[\u0000-\u001F\u007F-\u009F]/;

/** Anything outside printable ASCII but the space, for percent-encoding. */
const notPrintable = /[^\u0021-\u007E]/g;

/**
 * The address a link may send to the terminal, or undefined when it must stay text: an http, https
 * or mailto URL without control characters, as the URL standard writes it (host in punycode, the
 * rest percent-encoded), anything else outside printable ASCII percent-encoded too.
 */
export function linkTarget(href: string): string | undefined {
	if (controlCharacters.test(href)) {
		return undefined;
	}

	let url: URL;
	try {
		url = new URL(href);
	} catch {
		return undefined;
	}

	if (!schemes.has(url.protocol)) {
		return undefined;
	}

	const target = url.href.replaceAll(notPrintable, character => encodeURIComponent(character));
	return target.length <= MAX_LINK_TARGET ? target : undefined;
}

/**
 * `text` as a link to `href` (OSC 8, ended by BEL, the form Ink's output stage reads as one code of no
 * width), or `text` alone when the address is not safe to send (see `linkTarget`).
 */
export function hyperlink(text: string, href: string): string {
	const target = linkTarget(href);
	return target === undefined ? text : `\u001B]8;;${target}\u0007${text}\u001B]8;;\u0007`;
}

/**
 * Whether to draw links as OSC 8 hyperlinks on this output. `FORCE_HYPERLINK=1` turns them on and
 * `FORCE_HYPERLINK=0` off (supports-hyperlinks' convention); otherwise only on a terminal that is
 * not TERM=dumb, not inside tmux or screen (which may not pass them on), and that supports-hyperlinks
 * knows to show them. It reads the process's own environment: a made-up one (tests) gets no.
 */
export function hyperlinksWanted(output: {isTTY?: boolean}, env: Record<string, string | undefined>): boolean {
	const forced = env['FORCE_HYPERLINK'];
	if (forced) {
		return Number.parseInt(forced, 10) !== 0;
	}

	const term = env['TERM'] ?? '';
	if (output.isTTY !== true || term === 'dumb' || env['TMUX'] || env['STY'] || /^(?:screen|tmux)/.test(term)) {
		return false;
	}

	return env === process.env && createSupportsHyperlinks(output);
}
