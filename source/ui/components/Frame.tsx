// Every screen's frame: a header line, the body, and the status bar. As tall as App allows (the whole
// terminal through ui/full-height-stdout.ts, else rows - 1: Ink 6.8 would clear the screen on each update).
import {Box, Text} from 'ink';
import type {ReactNode} from 'react';
import {useReader} from '../app-context.js';
import {displayWidth, fitToWidth, wrapText} from '../text.js';
import {theme} from '../theme.js';
import {StatusBar} from './StatusBar.js';

export type FrameProps = {
	/** Left of the header: where the reader is (`World › Harbour vote`). */
	title: string;
	/** Right of the header, dimmer (a date and author, a count). */
	aside?: string;
	/** Left of the status bar. */
	status: string;
	/** Key hints for the right of the status bar, from the key table. */
	hints: readonly string[];
	/** Replaces the status bar (a text prompt). */
	prompt?: ReactNode;
	/**
	 * Cut off what does not fit in the body. A screen that draws exactly what fits (the pager) turns it
	 * off: clipping makes Ink slice every line of text on every frame. @default true
	 */
	clip?: boolean;
	/** The screen's body. */
	children: ReactNode;
};

/** Lines the frame itself uses: header and status bar. */
export const FRAME_LINES = 2;

export function Frame({title, aside = '', status, hints, prompt, clip = true, children}: FrameProps) {
	const {body, message, progress} = useFrameState();
	// A message too long for the status bar (a damaged state file, say) takes lines from the body until the next key.
	const messageLines = message && displayWidth(message) > body.columns - displayWidth(status) - 3 ? wrapText(message, body.columns).slice(0, Math.max(1, body.rows - 1)) : [];
	const bodyRows = body.rows - Math.max(0, messageLines.length - 1);
	const asideText = fitToWidth(aside, Math.max(0, Math.floor(body.columns / 2) - 2));
	const titleText = fitToWidth(title, Math.max(0, body.columns - displayWidth(asideText) - 2));
	return (
		<Box flexDirection="column" width={body.columns} height={body.rows + FRAME_LINES}>
			<Box width={body.columns} justifyContent="space-between">
				<Text {...theme.header}>{titleText}</Text>
				<Text {...theme.dim}>{asideText}</Text>
			</Box>
			<Box height={bodyRows} flexDirection="column" overflow={clip || messageLines.length > 0 ? 'hidden' : 'visible'}>
				{children}
			</Box>
			{prompt ??
				(messageLines.length > 0 ? (
					<Box flexDirection="column" height={messageLines.length}>
						{messageLines.map((line, index) => (
							<Text key={index} {...theme.warning}>
								{line}
							</Text>
						))}
					</Box>
				) : (
					<StatusBar left={status} hints={hints} message={message} progress={progress} width={body.columns} />
				))}
		</Box>
	);
}

function useFrameState() {
	const {body, message, progress} = useReader();
	return {body, message, progress};
}
