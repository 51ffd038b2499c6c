import {styledCharsToString} from '@alcalzone/ansi-tokenize';
import chalk, {Chalk} from 'chalk';
import sliceAnsi from 'slice-ansi';
import stripAnsi from 'strip-ansi';
import {beforeEach, describe, expect, it} from 'vitest';
// Ink's own output stage, as it is in node_modules (its package exports only its entry point).
import Output from '../../node_modules/ink/build/output.js';
import {forgetOutputRows, type InkOutput, outputRows} from '../../source/ui/ink-output-rows.js';

const helpers = {sliceAnsi, styledCharsToString};
const styled = new Chalk({level: 3});

type Write = {x: number; y: number; text: string; transformers?: Array<(line: string, index: number) => string>};
type Step = Write | {clip: {x1?: number; x2?: number; y1?: number; y2?: number}} | 'unclip';

/** A frame of `width` × `height` with these writes and clips, as Ink's Output is given them. */
function frame(width: number, height: number, steps: readonly Step[]): Output {
	const output = new Output({width, height});
	for (const step of steps) {
		if (step === 'unclip') {
			output.unclip();
		} else if ('clip' in step) {
			output.clip({x1: undefined, x2: undefined, y1: undefined, y2: undefined, ...step.clip});
		} else {
			output.write(step.x, step.y, step.text, {transformers: step.transformers ?? []});
		}
	}

	return output;
}

/** The frame drawn by newsread's rows and by Ink 6.8's own get(): they must be the same string. */
function both(width: number, height: number, steps: readonly Step[]): string {
	const rows = outputRows(frame(width, height, steps) as unknown as InkOutput, helpers).output;
	expect(rows).toBe(frame(width, height, steps).get().output);
	return rows;
}

/** A list of `count` headlines with the cursor on one, two columns of text per row and a status line. */
function listFrame(cursor: number, count = 8): Step[] {
	const steps: Step[] = [{x: 0, y: 0, text: styled.bold('newsread › All articles')}];
	for (let index = 0; index < count; index++) {
		const selected = index === cursor;
		steps.push(
			{x: 0, y: index + 1, text: styled.cyan(`${selected ? '❯' : ' '}● `)},
			{x: 3, y: index + 1, text: selected ? styled.inverse(`Headline ${index} about a harbour    `) : styled.bold(`Headline ${index} about a harbour`)},
			{x: 40, y: index + 1, text: styled.dim(`${index + 1} Nov 2026`)},
		);
	}

	steps.push({x: 0, y: count + 1, text: styled.bold(`${cursor + 1}/${count}`)});
	return steps;
}

beforeEach(() => {
	forgetOutputRows();
});

describe('outputRows: Ink 6.8 frames drawn a row at a time', () => {
	it('draws a frame as Ink does: columns, blank rows, trailing blanks trimmed', () => {
		expect(both(12, 4, [
			{x: 0, y: 0, text: 'Top'},
			{x: 4, y: 0, text: 'right'},
			{x: 2, y: 2, text: 'two\nlines'},
		])).toBe('Top right\n\n  two\n  lines');
	});

	it('keeps styles, and a later write over an earlier one in the same row', () => {
		const row = both(10, 1, [
			{x: 0, y: 0, text: styled.red('abcdef')},
			{x: 2, y: 0, text: styled.bold('XY')},
		]);
		expect(stripAnsi(row)).toBe('abXYef');
		expect(row.startsWith(`\u001B[31mab`)).toBe(true);
		expect(row).toContain('\u001B[1mXY');
	});

	it('gives the frame after a cursor move, row for row, as Ink draws it', () => {
		const first = both(60, 10, listFrame(0));
		const second = both(60, 10, listFrame(1));
		const back = both(60, 10, listFrame(0));
		expect(back).toBe(first);
		expect(second).not.toBe(first);
		expect(first.split('\n')[1]).toBe(`${styled.cyan('❯● ')}${styled.inverse('Headline 0 about a harbour    ')}       ${styled.dim('1 Nov 2026')}`);
		expect(second.split('\n')[1]).toBe(`${styled.cyan(' ● ')}${styled.bold('Headline 0 about a harbour')}           ${styled.dim('1 Nov 2026')}`);
		expect(second.split('\n')[2]).toBe(`${styled.cyan('❯● ')}${styled.inverse('Headline 1 about a harbour    ')}       ${styled.dim('2 Nov 2026')}`);
	});

	it('draws a row again when the same text lands at another column or in a frame of another width', () => {
		expect(both(20, 1, [{x: 0, y: 0, text: 'moved'}])).toBe('moved');
		expect(both(20, 1, [{x: 3, y: 0, text: 'moved'}])).toBe('   moved');
		expect(both(4, 1, [{x: 0, y: 0, text: 'moved'}])).toBe('moved');
		expect(both(20, 2, [{x: 0, y: 0, text: 'moved'}, {x: 1, y: 0, text: 'x'}])).toBe('mxved\n');
	});

	it('lays wide characters, emoji and hyperlinks out as Ink does', () => {
		const link = '\u001B]8;;https://example.com/\u0007link\u001B]8;;\u0007';
		both(30, 3, [
			{x: 0, y: 0, text: '日本語のニュース'},
			{x: 1, y: 1, text: `💬 2 ${styled.green('ok')} ${link}`},
			{x: 3, y: 0, text: 'ab'},
			{x: 0, y: 2, text: 'e\u0301te\u0301 👩‍👩‍👧'},
		]);
	});

	it('clips as Ink does: text outside the clip dropped, text across it cut', () => {
		both(20, 6, [
			{x: 0, y: 0, text: 'header'},
			{clip: {x1: 2, x2: 10, y1: 1, y2: 4}},
			{x: 0, y: 0, text: 'one\ntwo\nthree\nfour\nfive\nsix'},
			{x: 5, y: 2, text: styled.underline('a long underlined line')},
			{x: 12, y: 2, text: 'right of the clip'},
			{x: 0, y: 5, text: 'below the clip'},
			'unclip',
			{x: 0, y: 5, text: 'status'},
		]);
		both(20, 4, [
			{clip: {x1: 0, x2: 20}},
			{x: -3, y: 1, text: 'starts left of the frame'},
			'unclip',
			{clip: {y1: 1, y2: 2}},
			{x: 0, y: 0, text: 'a\nb\nc\nd'},
		]);
	});

	it('applies transformers per line, and drops text written below or above the frame as Ink does', () => {
		const upper = (line: string, index: number) => `${index}:${chalk.level > 0 ? styled.blue(line.toUpperCase()) : line.toUpperCase()}`;
		both(20, 3, [
			{x: 0, y: 1, text: 'first\nsecond\nthird', transformers: [upper]},
			{x: 0, y: -1, text: 'gone\nalso gone'},
			{x: 30, y: 0, text: 'past the width'},
		]);
	});
});
