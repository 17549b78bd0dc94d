import { constants, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { durableFs } from './durable-fs.js';
import { asWriteFailure, processRunning, writeAll, WriteFailure } from './durable-write.js';

const WAIT_MS = 3000;
const STEP_MS = 10;
const pause = new Int32Array(new SharedArrayBuffer(4));

function holder(lock: string): number | undefined {
	try {
		const pid = Number(readFileSync(lock, 'utf8').trim());
		return Number.isInteger(pid) && pid > 0 ? pid : undefined;
	} catch {
		return undefined;
	}
}

/**
 * Runs `update` holding `file`'s lock (`.name.postsafe-lock` beside it, made with O_EXCL), so the
 * recorder and a reviewer writing the same transcript at once take turns: each reads the file inside
 * the lock, so neither writes back a copy that misses the other's change. A lock whose process is gone
 * is taken over; one held for longer than 3 s is a WriteFailure naming who holds it.
 */
export function withFileLock<T>(file: string, update: () => T): T {
	const fs = durableFs();
	const lock = join(dirname(file), `.${basename(file)}.postsafe-lock`);
	const deadline = Date.now() + WAIT_MS;
	let fd: number | undefined;
	for (;;) {
		try {
			fd = fs.openSync(lock, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0), 0o600);
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw asWriteFailure(file, error);
			const pid = holder(lock);
			// A lock with no pid yet is one being made this instant (or left by a kill in that instant,
			// when it is older than a moment); one whose process is gone is stale.
			if (pid === undefined ? ageMs(lock) > 1000 : pid !== process.pid && !processRunning(pid)) {
				release(lock);
				continue;
			}
			if (Date.now() > deadline)
				throw new WriteFailure(
					file,
					'LOCKED',
					`another postsafe${pid === undefined ? '' : ` (process ${pid})`} is writing it; if none is running, remove ${lock}`,
				);
			Atomics.wait(pause, 0, 0, STEP_MS);
			continue;
		}
		try {
			writeAll(fs, fd, Buffer.from(String(process.pid)));
			break;
		} catch (error) {
			// A disk too full for even the lock's few bytes: the lock goes, and the write is reported failed.
			fs.closeSync(fd);
			release(lock);
			throw asWriteFailure(file, error);
		}
	}
	try {
		return update();
	} finally {
		fs.closeSync(fd);
		release(lock);
	}
}

function release(lock: string): void {
	try {
		durableFs().unlinkSync(lock);
	} catch {
		// Gone already: nothing to release.
	}
}

function ageMs(file: string): number {
	const stats = durableFs().lstatSync(file);
	return stats ? Date.now() - stats.mtimeMs : 0;
}
