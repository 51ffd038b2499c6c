// Writes a whole file or nothing: a temporary file beside it, written to the last byte (a short write is
// retried, and fails with the error the next write gives), flushed to disk, then renamed over the old one.
import {randomBytes} from 'node:crypto';
import {closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync} from 'node:fs';
import path from 'node:path';
import process from 'node:process';

// A write past a file-size limit (RLIMIT_FSIZE) fails with EFBIG and raises SIGXFSZ. Node ignores that
// signal, but signal-exit (used by proper-lockfile and Ink) listens for it and, being the only listener,
// sends it again to end the process: with a listener of our own the write's error is reported instead.
process.on('SIGXFSZ', () => undefined);

/**
 * When the temporary file a writeFileAtomicSync made for `<name>` was started (ms since 1970), for a
 * clean-up of those a killed writer left behind; undefined for any other name.
 */
export function temporaryFileStart(name: string): number | undefined {
	const match = /\.tmp-(\d{13})[\da-f]{12}$/.exec(name);
	return match ? Number(match[1]) : undefined;
}

/** Writes `data` to `file` atomically; on any failure the temporary file is removed, `file` is as it was, and the error is thrown. */
export function writeFileAtomicSync(file: string, data: string | Uint8Array, {mode = 0o600}: {mode?: number} = {}): void {
	const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
	// The name that removeLeftoverTemporaryFiles and temporaryFileStart know: `<name>.tmp-<time><random>`.
	const temporary = `${file}.tmp-${Date.now()}${randomBytes(6).toString('hex')}`;
	const fd = openSync(temporary, 'wx', mode);
	let closed = false;
	try {
		writeFully(fd, bytes);
		fsyncSync(fd);
		closed = true;
		closeSync(fd);
		renameSync(temporary, file);
	} catch (error) {
		if (!closed) {
			try {
				closeSync(fd);
			} catch {
				// The write's error is the one worth reporting.
			}
		}

		rmSync(temporary, {force: true});
		throw error;
	}

	syncFolder(path.dirname(file));
}

/**
 * Writes every byte at the file's position, looping over short writes; a write that makes no progress
 * is an error, not a loop. `progress.written` counts the bytes written so far, also when it throws, so
 * a caller can cut a partial write off again (store/comments.ts).
 */
export function writeFully(fd: number, bytes: Uint8Array, progress: {written: number} = {written: 0}): void {
	progress.written = 0;
	while (progress.written < bytes.length) {
		const written = writeSync(fd, bytes, progress.written, bytes.length - progress.written);
		if (written <= 0) {
			throw Object.assign(new Error(`EIO: a write made no progress (${progress.written} of ${bytes.length} bytes written)`), {code: 'EIO'});
		}

		progress.written += written;
	}
}

/** Makes the rename itself durable; a folder that cannot be opened or synced (some file systems) is not an error. */
function syncFolder(folder: string): void {
	let fd: number | undefined;
	try {
		fd = openSync(folder, 'r');
		fsyncSync(fd);
	} catch {
		// Best effort: the file's own bytes are on disk already.
	}

	if (fd !== undefined) {
		try {
			closeSync(fd);
		} catch {
			// As above.
		}
	}
}
