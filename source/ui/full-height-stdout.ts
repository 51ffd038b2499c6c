// The reader's stdout as Ink sees it, so the frame can use every row of the terminal. Ink 6.8 clears
// the whole screen (ESC[2J) on every update once its output is as tall as `stdout.rows`, and below
// that it ends each frame with a newline, which on the last row would scroll the screen. Ink is told
// the terminal is one row taller than it is, and that newline is dropped from each frame it writes:
// log-update's erase of the previous frame moves up one row more than it needs, which the top of
// the screen absorbs (the reader draws from the top-left of the alternate screen).

/** Set on a stream made by `fullHeightStdout`: the terminal's real row count. */
export const REAL_ROWS = Symbol('newsread.realRows');

/** A stdout for Ink that reports one row more than the terminal has and never ends a write with a newline. */
export function fullHeightStdout(stdout: NodeJS.WriteStream): NodeJS.WriteStream {
	const write = (chunk: unknown, ...rest: unknown[]): boolean => {
		const text = typeof chunk === 'string' && chunk.endsWith('\n') ? chunk.slice(0, -1) : chunk;
		return (stdout.write as (...arguments_: unknown[]) => boolean)(text, ...rest);
	};

	return new Proxy(stdout, {
		get(target, property) {
			if (property === 'rows') {
				return (target.rows || 24) + 1;
			}

			if (property === REAL_ROWS) {
				return target.rows || 24;
			}

			if (property === 'write') {
				return write;
			}

			const value: unknown = Reflect.get(target, property, target);
			return typeof value === 'function' ? (value as (...arguments_: unknown[]) => unknown).bind(target) : value;
		},
	});
}
