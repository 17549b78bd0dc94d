import { closeSync, constants, fstatSync, openSync, readSync, statSync } from 'node:fs';

/** The most a transcript or record may hold: a larger file is refused, not read (a link to /dev/zero has no end). */
export const TRANSCRIPT_LIMIT = 16 * 1024 * 1024;
/** The most a scenario or criteria YAML file may hold. */
export const YAML_LIMIT = 2 * 1024 * 1024;

const READ_REASONS: Readonly<Record<string, string>> = {
	ENOENT: 'no such file',
	EACCES: "can't be read (permission denied)",
};

function kindOf(stats: { isFIFO(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean; isSocket(): boolean; isDirectory(): boolean }): string {
	if (stats.isDirectory()) return 'a folder';
	if (stats.isFIFO()) return 'a named pipe';
	if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
	if (stats.isSocket()) return 'a socket';
	return 'not a regular file';
}

function megabytes(bytes: number): string {
	return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
}

/**
 * A file's text, read only if it is a regular file (followed through a link) of at most `limit` bytes:
 * a named pipe, a device or a link to /dev/zero is refused before it is opened for reading, and it is
 * opened non-blocking, so nothing put in its place can make a reader wait forever. Never throws.
 */
export function readRegularFile(file: string, limit: number, what = 'file postsafe reads'): { readonly text: string } | { readonly reason: string } {
	let fd: number | undefined;
	try {
		const before = statSync(file);
		if (!before.isFile()) return { reason: `${kindOf(before)}, not a ${what}` };
		if (before.size > limit) return { reason: `too large to read (${megabytes(before.size)}; the limit is ${megabytes(limit)})` };
		fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
		const opened = fstatSync(fd);
		if (!opened.isFile()) return { reason: `${kindOf(opened)}, not a ${what}` };
		// One byte over the limit is enough to know a file grew past it since the stat.
		let buffer = Buffer.alloc(Math.min(opened.size, limit) + 1);
		let length = 0;
		for (;;) {
			const read = readSync(fd, buffer, length, buffer.length - length, null);
			if (read === 0) break;
			length += read;
			if (length < buffer.length) continue;
			if (length > limit) break;
			// The file grew since it was measured: room for more, never past the limit.
			const larger = Buffer.alloc(Math.min(buffer.length * 2, limit + 1));
			buffer.copy(larger);
			buffer = larger;
		}
		if (length > limit) return { reason: `too large to read (over ${megabytes(limit)})` };
		return { text: buffer.subarray(0, length).toString('utf8') };
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (code === 'EISDIR') return { reason: `a folder, not a ${what}` };
		return { reason: READ_REASONS[code ?? ''] ?? `can't be read (${code ?? (error as Error).message})` };
	} finally {
		if (fd !== undefined) closeSync(fd);
	}
}
