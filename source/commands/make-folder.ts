import { chmodSync, mkdirSync, rmdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

/** The folders that would have to be made for `directory` to exist, outermost first. */
function missingFolders(directory: string): string[] {
	const missing: string[] = [];
	for (let current = directory; ; current = dirname(current)) {
		try {
			statSync(current);
			return missing.reverse();
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || dirname(current) === current) throw error;
			missing.push(current);
		}
	}
}

/**
 * Makes a folder and any missing above it, each readable by its owner alone, one level at a time.
 * Node's own recursive mkdir never returns where a parent refuses with ENOENT (under /proc, say):
 * here that is an error like any other. Throws the errno error; returns the folders it made.
 */
export function makeFolders(directory: string, mode = 0o700): string[] {
	const missing = missingFolders(directory);
	for (const folder of missing) {
		mkdirSync(folder, { mode });
		// mkdir's mode is narrowed by the umask.
		chmodSync(folder, mode);
	}
	return missing;
}

/** Whether the folder could be made: it is made and removed again, so nothing is left behind. */
export function canMakeFolders(directory: string): NodeJS.ErrnoException | undefined {
	let made: string[] = [];
	try {
		made = missingFolders(directory);
		for (const folder of made) mkdirSync(folder, { mode: 0o700 });
		return undefined;
	} catch (error) {
		return error as NodeJS.ErrnoException;
	} finally {
		for (const folder of [...made].reverse()) {
			try {
				rmdirSync(folder);
			} catch {
				// Never made (the error came first), or not ours to remove.
			}
		}
	}
}
