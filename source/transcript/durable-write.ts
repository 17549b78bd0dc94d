import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { durableFs, type DurableFs } from './durable-fs.js';

/** What went wrong, in words a learner can act on, by the error's code. */
const REASONS: Readonly<Record<string, string>> = {
	ENOSPC: 'the disk is full',
	EDQUOT: 'the disk quota is used up',
	EROFS: 'the disk is read-only',
	EACCES: 'permission denied',
	EPERM: 'permission denied',
	EIO: 'the disk reported an input/output error',
	ENOENT: 'the folder is not there',
	ENOTDIR: 'a file is in the way, not a folder',
	EISDIR: 'a folder is in the way',
	EMFILE: 'too many files open',
	ENAMETOOLONG: 'the name is too long',
	ZERO_WRITE: 'the disk took no more bytes (it may be full)',
	NOT_REGULAR: 'it is a link, a device or a pipe, not a regular file: postsafe will not write through it',
};

/** A file that could not be written; the previous version of it (if any) is untouched. */
export class WriteFailure extends Error {
	constructor(
		readonly file: string,
		/** The error code (ENOSPC, EROFS, EACCES, EDQUOT, …), or ZERO_WRITE, NOT_REGULAR, LOCKED. */
		readonly kind: string,
		/** A few words on why, for the one line the learner reads. */
		readonly reason: string = REASONS[kind] ?? kind,
	) {
		super(`${file} can't be written (${reason})`);
		this.name = 'WriteFailure';
	}
}

/** Why an error from the file system happened, in words; undefined for an error that is not one. */
export function fileErrorReason(error: unknown): string | undefined {
	if (error instanceof WriteFailure) return error.reason;
	const code = (error as NodeJS.ErrnoException | undefined)?.code;
	return code === undefined ? undefined : REASONS[code];
}

/** Any error from a write, as a WriteFailure for `file`. */
export function asWriteFailure(file: string, error: unknown): WriteFailure {
	if (error instanceof WriteFailure) return error;
	const code = (error as NodeJS.ErrnoException | undefined)?.code;
	return new WriteFailure(file, code ?? 'EIO', code === undefined ? (error as Error).message : (REASONS[code] ?? code));
}

const TEMP_MARK = '.postsafe-tmp-';
const TEMP_NAME = /^\..*\.postsafe-tmp-(\d+)-[0-9a-f]{8}$/;

/** `.name.postsafe-tmp-<pid>-<random>`: hidden, ours, and never taken for a transcript (.json) by a reader. */
function tempName(file: string): string {
	return join(dirname(file), `.${basename(file)}${TEMP_MARK}${process.pid}-${randomBytes(4).toString('hex')}`);
}

/** Every byte, or an error: a short write is carried on from where it stopped, a write of nothing is a failure. */
export function writeAll(fs: DurableFs, fd: number, bytes: Uint8Array): void {
	let offset = 0;
	while (offset < bytes.length) {
		const written = fs.writeSync(fd, bytes, offset, bytes.length - offset);
		if (!(written > 0)) throw Object.assign(new Error('write took no bytes'), { code: 'ZERO_WRITE' });
		offset += written;
	}
}

/**
 * A folder's entry for a renamed file reaches the disk only when the folder is fsynced. The file is in
 * place by now, so only the disk failing (EIO) makes the write a failure; a folder that can't be opened
 * or fsynced (Windows, some network file systems, a folder we may write but not read) is as good as it gets.
 */
function syncFolder(fs: DurableFs, folder: string): void {
	let fd: number | undefined;
	try {
		fd = fs.openSync(folder, constants.O_RDONLY);
		fs.fsyncSync(fd);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'EIO') throw error;
	} finally {
		if (fd !== undefined) fs.closeSync(fd);
	}
}

/**
 * Writes `data` to `file` so that it is either wholly the new text or still wholly the old: a temp file
 * in the same folder gets every byte (a short write is continued, a write of nothing is an error), is
 * fsynced, then renamed over the file, and the folder is fsynced. On any failure the temp is removed,
 * the previous file is untouched, and a WriteFailure says why (ENOSPC, EROFS, EACCES, EDQUOT, …).
 * A file that is a symbolic link, device or pipe is refused, never written through.
 */
export function writeDurably(file: string, data: string | Uint8Array, mode = 0o600): void {
	const fs = durableFs();
	const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
	const temp = tempName(file);
	let fd: number | undefined;
	let created = false;
	try {
		const existing = fs.lstatSync(file);
		if (existing && !existing.isFile()) throw new WriteFailure(file, 'NOT_REGULAR');
		fd = fs.openSync(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0), mode);
		created = true;
		// The umask may have narrowed the mode; it is set exactly, whatever the umask.
		fs.fchmodSync(fd, mode);
		writeAll(fs, fd, bytes);
		fs.fsyncSync(fd);
		const closing = fd;
		fd = undefined;
		fs.closeSync(closing);
		fs.renameSync(temp, file);
		created = false;
		syncFolder(fs, dirname(file));
	} catch (error) {
		if (fd !== undefined) {
			try {
				fs.closeSync(fd);
			} catch {
				// Already failing: the write's own error is the one to report.
			}
		}
		if (created) {
			try {
				fs.unlinkSync(temp);
			} catch {
				// A temp left behind is removed at the next start (removeStaleTemps).
			}
		}
		throw asWriteFailure(file, error);
	}
}

/** Whether a process with this id is running (one of another user's counts: it can't be signalled). */
export function processRunning(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/**
 * Removes postsafe's own temp files that a killed process left in `folder` (they may hold a learner's
 * words, so they are not left lying about). Only names postsafe makes, and only of processes that are
 * gone. Returns how many were removed; never throws.
 */
export function removeStaleTemps(folder: string): number {
	const fs = durableFs();
	let names: string[];
	try {
		names = fs.readdirSync(folder);
	} catch {
		return 0;
	}
	let removed = 0;
	for (const name of names) {
		const pid = Number(TEMP_NAME.exec(name)?.[1] ?? Number.NaN);
		if (!Number.isInteger(pid) || (pid !== process.pid && processRunning(pid))) continue;
		try {
			fs.unlinkSync(join(folder, name));
			removed++;
		} catch {
			// Someone else's file, or already gone: left as it is.
		}
	}
	return removed;
}
