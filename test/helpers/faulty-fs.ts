import { constants, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { realFs, type DurableFs } from '../../source/transcript/durable-fs.js';

export type Fault =
	/** The nth call of `op` (1-based) under the folder fails with `code`; `persistent`: every one after it too. */
	| {
			readonly kind: 'error';
			readonly op: 'openSync' | 'writeSync' | 'fsyncSync' | 'renameSync';
			readonly nth: number;
			readonly code: string;
			readonly persistent?: boolean;
	  }
	/** Every write takes at most a few bytes (1 to `most`), as a file system under pressure may. */
	| { readonly kind: 'short'; readonly most: number; readonly random: () => number }
	/** The nth write takes nothing (returns 0). */
	| { readonly kind: 'zero'; readonly nth: number }
	/** A disk of `capacity` bytes: writes fill it, the write that reaches it is short, the next is ENOSPC. */
	| { readonly kind: 'full'; readonly capacity: number };

function errno(code: string): NodeJS.ErrnoException {
	return Object.assign(new Error(`${code}: injected`), { code });
}

/**
 * The real file system with one fault class injected for paths under `folder`, and a record of what
 * each file held after its last successful rename (the "last good version") to compare against.
 */
export function faultyFs(folder: string, fault: Fault) {
	const root = resolve(folder);
	const under = (path: string) => resolve(path).startsWith(root.endsWith('/') ? root : `${root}/`);
	const fds = new Set<number>();
	const counts = new Map<string, number>();
	const lastGood = new Map<string, Buffer>();
	let failing = false;
	let writes = 0;
	const strike = (op: string) => {
		if (fault.kind !== 'error' || fault.op !== op) return;
		const count = (counts.get(op) ?? 0) + 1;
		counts.set(op, count);
		if (failing || count === fault.nth) {
			failing = fault.persistent === true;
			throw errno(fault.code);
		}
	};
	const used = () => readdirSync(root).reduce((total, name) => total + statSync(join(root, name), { throwIfNoEntry: false })!.size, 0);
	const fs: DurableFs = {
		...realFs,
		openSync(path, flags, mode) {
			// Files opened to be written: a folder opened to be fsynced is not one.
			const writing = under(path) && (flags & (constants.O_WRONLY | constants.O_RDWR)) !== 0;
			if (writing) strike('openSync');
			const fd = realFs.openSync(path, flags, mode);
			if (writing) fds.add(fd);
			return fd;
		},
		writeSync(fd, buffer, offset, length) {
			if (!fds.has(fd)) return realFs.writeSync(fd, buffer, offset, length);
			strike('writeSync');
			writes++;
			if (fault.kind === 'zero' && writes === fault.nth) return 0;
			if (fault.kind === 'short') return realFs.writeSync(fd, buffer, offset, Math.min(length, 1 + Math.floor(fault.random() * fault.most)));
			if (fault.kind === 'full') {
				const free = fault.capacity - used();
				if (free <= 0) throw errno('ENOSPC');
				return realFs.writeSync(fd, buffer, offset, Math.min(length, free));
			}
			return realFs.writeSync(fd, buffer, offset, length);
		},
		fsyncSync(fd) {
			if (fds.has(fd)) strike('fsyncSync');
			realFs.fsyncSync(fd);
		},
		closeSync(fd) {
			fds.delete(fd);
			realFs.closeSync(fd);
		},
		renameSync(from, to) {
			if (under(to)) strike('renameSync');
			const bytes = under(to) ? readFileSync(from) : undefined;
			realFs.renameSync(from, to);
			if (bytes) lastGood.set(resolve(to), bytes);
		},
	};
	return { fs, lastGood };
}
