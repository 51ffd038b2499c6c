// node:fs with faults a test can switch on, for tests that mock it:
//   vi.mock('node:fs', async importOriginal => (await import('../helpers/faulty-fs.js')).faultyFs(await importOriginal()));
// Only the calls the comment log makes are wrapped; the faults are off until a test sets them.
import type * as Fs from 'node:fs';

export type FaultCode = 'ENOSPC' | 'EIO' | 'EACCES';

const descriptions: Record<FaultCode, string> = {
	ENOSPC: 'no space left on device',
	EIO: 'i/o error',
	EACCES: 'permission denied',
};

export function fsError(code: FaultCode, syscall: string): NodeJS.ErrnoException {
	return Object.assign(new Error(`${code}: ${descriptions[code]}, ${syscall}`), {code, syscall});
}

export const faults = {
	/** writeSync writes at most `allow` more bytes (short writes), then fails with `code`. */
	write: undefined as {allow: number; code: FaultCode} | undefined,
	/** fsyncSync fails with this code. */
	fsync: undefined as FaultCode | undefined,
	/** openSync of this path for writing fails with `code` (a file that may be read, not written). */
	open: undefined as {path: string; code: FaultCode} | undefined,
	/** Bytes read through readSync and readFileSync since the last reset. */
	bytesRead: 0,
	reset(): void {
		this.write = undefined;
		this.fsync = undefined;
		this.open = undefined;
		this.bytesRead = 0;
	},
};

type WriteSync = (fd: number, buffer: Uint8Array, offset?: number, length?: number) => number;

export function faultyFs(fs: typeof Fs): typeof Fs {
	// writeSync(fd, buffer, offset, length) and writeSync(fd, string): a fault cuts either short.
	const faultyWrite = (fd: number, data: Uint8Array | string, offsetOrPosition?: unknown, lengthOrEncoding?: unknown): number => {
		const fault = faults.write;
		if (!fault) {
			return (fs.writeSync as (...all: unknown[]) => number)(fd, data, offsetOrPosition, lengthOrEncoding);
		}

		const buffer = typeof data === 'string' ? Buffer.from(data, typeof lengthOrEncoding === 'string' ? (lengthOrEncoding as BufferEncoding) : 'utf8') : data;
		const offset = typeof data === 'string' ? 0 : ((offsetOrPosition as number | undefined) ?? 0);
		const length = typeof data === 'string' ? buffer.length : ((lengthOrEncoding as number | undefined) ?? buffer.length - offset);
		if (fault.allow === 0) {
			throw fsError(fault.code, 'write');
		}

		const written = (fs.writeSync as WriteSync)(fd, buffer, offset, Math.min(length, fault.allow));
		fault.allow -= written;
		return written;
	};
	const writeSync = faultyWrite as unknown as typeof fs.writeSync;
	const fsyncSync: typeof fs.fsyncSync = fd => {
		if (faults.fsync) {
			throw fsError(faults.fsync, 'fsync');
		}

		fs.fsyncSync(fd);
	};

	const openSync = ((file: Fs.PathLike, ...rest: Parameters<typeof fs.openSync> extends [unknown, ...infer R] ? R : never) => {
		const [flags] = rest;
		const forWriting = typeof flags === 'string' ? /[wa+]/.test(flags) : ((flags ?? 0) & (fs.constants.O_WRONLY | fs.constants.O_RDWR)) !== 0;
		if (faults.open && String(file) === faults.open.path && forWriting) {
			throw fsError(faults.open.code, 'open');
		}

		return fs.openSync(file, ...rest);
	}) as typeof fs.openSync;
	const readSync = ((...args: Parameters<typeof fs.readSync>) => {
		const bytes = (fs.readSync as (...all: unknown[]) => number)(...args);
		faults.bytesRead += bytes;
		return bytes;
	}) as typeof fs.readSync;
	const readFileSync = ((...args: Parameters<typeof fs.readFileSync>) => {
		const content = fs.readFileSync(...args);
		faults.bytesRead += typeof content === 'string' ? Buffer.byteLength(content) : content.length;
		return content;
	}) as typeof fs.readFileSync;
	return {...fs, writeSync, fsyncSync, openSync, readSync, readFileSync};
}

/** The disk failures a write is tested against: each arms its fault for the file about to be written. */
export const diskFaults: Array<{name: string; code: FaultCode; arm: (file: string) => void}> = [
	{
		name: 'a full disk after the first 40 bytes of the record (ENOSPC)',
		code: 'ENOSPC',
		arm() {
			faults.write = {allow: 40, code: 'ENOSPC'};
		},
	},
	{
		name: 'an I/O error when the record is fsynced (EIO)',
		code: 'EIO',
		arm() {
			faults.fsync = 'EIO';
		},
	},
	{
		name: 'a log that may not be opened for writing (EACCES)',
		code: 'EACCES',
		arm(file) {
			faults.open = {path: file, code: 'EACCES'};
		},
	},
];
