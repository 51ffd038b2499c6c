// Work the first frame no longer waits for (marked's rules, ICU's grapheme break rules: see
// source/build.mjs) is done just after it, while the reader waits for the first key, so that opening the
// first article of a session does not pay for it either (30-50 ms). One piece per turn of the event loop:
// a key pressed meanwhile waits for at most one.
import {useEffect} from 'react';
import {wrapPlain} from '../../core/layout.js';
import {parseMarkdownBlocks} from '../../core/parse-markdown.js';
import {eachTurn} from '../each-turn.js';

const warmUps: ReadonlyArray<() => unknown> = [
	// Loads marked and makes the tokenizer; lexes the common blocks once.
	() => parseMarkdownBlocks('## A subheading\n\nA *short* paragraph with a [link](https://example.org).\n\n- an item\n\n> a quote\n'),
	// Makes the layout's grapheme segmenter (a word that is not narrow text).
	() => wrapPlain('café naïve “quoted” 日本語', 12),
];

export function useIdleWarmUp(): void {
	useEffect(() => {
		let next = 0;
		return eachTurn(() => {
			warmUps[next++]!();
			return next === warmUps.length;
		});
	}, []);
}
