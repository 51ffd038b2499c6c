// Work done a piece per turn of the event loop, so that a key pressed meanwhile waits for one piece at most.

/**
 * Runs `piece` on each turn of the event loop (setImmediate), the first on the next, until it returns
 * true; the function returned stops it.
 */
export function eachTurn(piece: () => boolean): () => void {
	let handle: NodeJS.Immediate | undefined;
	const turn = () => {
		handle = piece() ? undefined : setImmediate(turn);
	};

	handle = setImmediate(turn);
	return () => {
		if (handle !== undefined) {
			clearImmediate(handle);
		}
	};
}
