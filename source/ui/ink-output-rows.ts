// Ink 6.8's output stage, row by row with a cache: Ink's `Output.get()` splits every line of every frame
// into styled characters (@alcalzone/ansi-tokenize), lays them into a grid of cells as wide as the
// terminal and joins each row back into a string, though a cursor move changes two rows of a list.
// Here each row of the frame is known by what was written into it (the column and text of each write,
// in order, and the frame's width), and a row written as in an earlier frame is that frame's string,
// not drawn again. A row is drawn as Ink draws it: a row's string depends only on what was written
// into that row, so the frame is the same string. source/build.mjs puts this in place of `get()` in
// Ink's output.js, for newsread's bundle.

// Ink's tokenizer: only its type here; Ink passes its functions in.
import type {StyledChar} from '@alcalzone/ansi-tokenize';

type Clip = {x1?: number; x2?: number; y1?: number; y2?: number};

type Operation =
	| {type: 'write'; x: number; y: number; text: string; transformers: ReadonlyArray<(line: string, index: number) => string>}
	| {type: 'clip'; clip: Clip}
	| {type: 'unclip'};

/** What `get()` reads of Ink's Output: its size, the writes and clips of the frame, and its per-frame caches. */
export type InkOutput = {
	width: number;
	height: number;
	operations: readonly Operation[];
	caches: {
		getStyledChars: (line: string) => readonly StyledChar[];
		getStringWidth: (text: string) => number;
		getWidestLine: (text: string) => number;
	};
};

/** Ink's own helpers, passed in by the patched output.js. */
export type InkOutputHelpers = {
	sliceAnsi: (text: string, from: number, to: number) => string;
	styledCharsToString: (chars: StyledChar[]) => string;
};

/** Rows kept: a few screens of every width seen; past it the cache starts again. */
const MAX_ROWS = 4096;
const rows = new Map<string, string>();

/** Forgets every row drawn (for tests). */
export function forgetOutputRows(): void {
	rows.clear();
}

/** The frame as Ink 6.8's `Output.get()` makes it, each row drawn only when not drawn before. */
export function outputRows(output: InkOutput, {sliceAnsi, styledCharsToString}: InkOutputHelpers): {output: string; height: number} {
	const {width, height, operations, caches} = output;
	// What is written into each row, in order: its column, then its text (a row of the frame is empty when nothing is).
	const writes: Array<Array<number | string>> = Array.from({length: height}, () => []);
	const clips: Clip[] = [];
	for (const operation of operations) {
		if (operation.type === 'clip') {
			clips.push(operation.clip);
		}

		if (operation.type === 'unclip') {
			clips.pop();
		}

		if (operation.type === 'write') {
			// As Ink 6.8's get(), clipping included, up to where it writes the characters.
			const {text, transformers} = operation;
			let {x, y} = operation;
			let lines = text.split('\n');
			const clip = clips.at(-1);
			if (clip) {
				const clipHorizontally = typeof clip.x1 === 'number' && typeof clip.x2 === 'number';
				const clipVertically = typeof clip.y1 === 'number' && typeof clip.y2 === 'number';
				if (clipHorizontally) {
					const width = caches.getWidestLine(text);
					if (x + width < clip.x1! || x > clip.x2!) {
						continue;
					}
				}

				if (clipVertically) {
					const height = lines.length;
					if (y + height < clip.y1! || y > clip.y2!) {
						continue;
					}
				}

				if (clipHorizontally) {
					lines = lines.map(line => {
						const from = x < clip.x1! ? clip.x1! - x : 0;
						const width = caches.getStringWidth(line);
						const to = x + width > clip.x2! ? clip.x2! - x : width;
						return sliceAnsi(line, from, to);
					});
					if (x < clip.x1!) {
						x = clip.x1!;
					}
				}

				if (clipVertically) {
					const from = y < clip.y1! ? clip.y1! - y : 0;
					const height = lines.length;
					const to = y + height > clip.y2! ? clip.y2! - y : height;
					lines = lines.slice(from, to);
					if (y < clip.y1!) {
						y = clip.y1!;
					}
				}
			}

			let offsetY = 0;
			for (const [index, text] of lines.entries()) {
				const row = writes[y + offsetY];
				// Ink's quirk kept: past a row outside the frame, the rest of the text is dropped too.
				if (!row) {
					continue;
				}

				let line = text;
				for (const transformer of transformers) {
					line = transformer(line, index);
				}

				row.push(x, line);
				offsetY++;
			}
		}
	}

	return {output: writes.map(row => rowString(row, width, caches, styledCharsToString)).join('\n'), height};
}

function rowString(row: ReadonlyArray<number | string>, width: number, caches: InkOutput['caches'], styledCharsToString: InkOutputHelpers['styledCharsToString']): string {
	if (row.length === 0) {
		return '';
	}

	let key = String(width);
	for (let index = 0; index < row.length; index += 2) {
		const line = row[index + 1] as string;
		key += `\u0000${row[index] as number}\u0000${line.length}\u0000${line}`;
	}

	let drawn = rows.get(key);
	if (drawn === undefined) {
		drawn = drawRow(row, width, caches, styledCharsToString);
		if (rows.size >= MAX_ROWS) {
			rows.clear();
		}

		rows.set(key, drawn);
	}

	return drawn;
}

/** One row as Ink 6.8 draws it: blank cells, each write's characters laid in from its column, joined and trimmed. */
function drawRow(row: ReadonlyArray<number | string>, width: number, caches: InkOutput['caches'], styledCharsToString: InkOutputHelpers['styledCharsToString']): string {
	const cells: Array<StyledChar | undefined> = [];
	for (let x = 0; x < width; x++) {
		cells.push({type: 'char', value: ' ', fullWidth: false, styles: []});
	}

	for (let index = 0; index < row.length; index += 2) {
		let offsetX = row[index] as number;
		for (const character of caches.getStyledChars(row[index + 1] as string)) {
			cells[offsetX] = character;
			const characterWidth = Math.max(1, caches.getStringWidth(character.value));
			for (let cell = 1; cell < characterWidth; cell++) {
				cells[offsetX + cell] = {type: 'char', value: '', fullWidth: false, styles: character.styles};
			}

			offsetX += characterWidth;
		}
	}

	return styledCharsToString(cells.filter(cell => cell !== undefined)).trimEnd();
}
