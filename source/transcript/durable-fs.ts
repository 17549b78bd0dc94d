import * as fs from 'node:fs';

/**
 * The file-system calls a durable write makes, and nothing else: the one seam through which tests
 * give it a full disk, a read-only one, a refused permission or a short write, with no tmpfs or root.
 */
export type DurableFs = {
	openSync(path: string, flags: number, mode?: number): number;
	/** Writes from `buffer[offset, offset + length)`; returns how many bytes went (a short write is fewer). */
	writeSync(fd: number, buffer: Uint8Array, offset: number, length: number): number;
	fsyncSync(fd: number): void;
	fchmodSync(fd: number, mode: number): void;
	closeSync(fd: number): void;
	renameSync(from: string, to: string): void;
	unlinkSync(path: string): void;
	lstatSync(path: string): fs.Stats | undefined;
	readdirSync(path: string): string[];
};

export const realFs: DurableFs = {
	openSync: (path, flags, mode) => fs.openSync(path, flags, mode),
	writeSync: (fd, buffer, offset, length) => fs.writeSync(fd, buffer, offset, length),
	fsyncSync: fd => fs.fsyncSync(fd),
	fchmodSync: (fd, mode) => fs.fchmodSync(fd, mode),
	closeSync: fd => fs.closeSync(fd),
	renameSync: (from, to) => fs.renameSync(from, to),
	unlinkSync: path => fs.unlinkSync(path),
	lstatSync: path => fs.lstatSync(path, { throwIfNoEntry: false }),
	readdirSync: path => fs.readdirSync(path),
};

let current: DurableFs = realFs;

/** The calls durable writes use now. */
export function durableFs(): DurableFs {
	return current;
}

/** Tests: durable writes go through `replacement` until the returned function is called. */
export function useDurableFs(replacement: DurableFs): () => void {
	const before = current;
	current = replacement;
	return () => {
		current = before;
	};
}
