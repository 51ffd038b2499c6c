// The terminal's size, updated (debounced) on resize: Ink 6.8 has no useWindowSize.
import {useStdout} from 'ink';
import {useEffect, useState} from 'react';

/** A size in character cells. */
export type TerminalSize = {columns: number; rows: number};

/** How long a resize must settle before the screen is laid out again. */
export const RESIZE_DEBOUNCE_MS = 40;

function readSize(stdout: NodeJS.WriteStream): TerminalSize {
	return {columns: stdout.columns || 80, rows: stdout.rows || 24};
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
