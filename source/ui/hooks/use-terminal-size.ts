// The terminal's size, updated (debounced) on resize: Ink 6.8 has no useWindowSize.
import {useStdout} from 'ink';
import {useEffect, useState} from 'react';
import {REAL_ROWS} from '../full-height-stdout.js';

/** A size in character cells. */
export type TerminalSize = {
	columns: number;
	rows: number;
	/** Rows the frame may fill: all of them through `fullHeightStdout`, else one less (Ink 6.8 would redraw the whole screen). */
	frameRows: number;
};

/** How long a resize must settle before the screen is laid out again. */
export const RESIZE_DEBOUNCE_MS = 40;

function readSize(stdout: NodeJS.WriteStream): TerminalSize {
	// Through fullHeightStdout, Ink is told of one row more than the terminal has: the real count here.
	const realRows = (stdout as unknown as Record<symbol, number | undefined>)[REAL_ROWS];
	const rows = realRows ?? (stdout.rows || 24);
	return {columns: stdout.columns || 80, rows, frameRows: realRows === undefined ? rows - 1 : rows};
}

export function useTerminalSize(): TerminalSize {
	const {stdout} = useStdout();
	const [size, setSize] = useState(() => readSize(stdout));
	useEffect(() => {
		let timer: NodeJS.Timeout | undefined;
		const onResize = () => {
			clearTimeout(timer);
			timer = setTimeout(() => {
				setSize(readSize(stdout));
			}, RESIZE_DEBOUNCE_MS);
		};

		stdout.on('resize', onResize);
		return () => {
			clearTimeout(timer);
			stdout.off('resize', onResize);
		};
	}, [stdout]);
	return size;
}
