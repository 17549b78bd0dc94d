import { existsSync, statSync } from 'node:fs';

/** Whether a path names an existing folder. */
export function isDirectory(path: string): boolean {
	return existsSync(path) && statSync(path).isDirectory();
}
