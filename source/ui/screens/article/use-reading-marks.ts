// Reading an article marks it read, and its place is written as it scrolls; leaving it writes the
// place at once instead of within the second.
import {useEffect} from 'react';
import type {ReadingState} from '../../../store/reading-state.js';
import {type PagerModel, pageInfo, topBlock} from '../../pager-model.js';

export type ReadingMarks = {
	/** The reading state to write to. */
	reading: ReadingState;
	/** The article read. */
	id: string;
	/** Its lines at this width. */
	model: PagerModel;
	/** The top line drawn. */
	top: number;
	/** Lines on a page. */
	height: number;
	/** Columns of the terminal: a position is for one width. */
	width: number;
};

export function useReadingMarks({reading, id, model, top, height, width}: ReadingMarks): void {
	const {percent} = pageInfo(top, height, model.lines.length);
	useEffect(() => {
		reading.setRead(id, true);
		return () => {
			void reading.flush();
		};
	}, [reading, id]);
	const complete = model.complete !== false;
	useEffect(() => {
		// Until a long body is laid out the percentage is unknown and a saved place may not be reached
		// yet: the place is written once it is (leaving before then keeps the place saved before).
		if (complete) {
			reading.setPosition(id, {block: topBlock(model, top), percent, line: top, width});
		}
	}, [reading, id, model, top, percent, width, complete]);
}
