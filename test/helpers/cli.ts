import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './library.js';

export const CLI = join(ROOT, 'dist', 'cli.js');

export type CliResult = { stdout: string; stderr: string; code: number | null };

/** Runs the built CLI as a user would, without a terminal: stdin is piped (or the given text). */
export function runCli(
	args: readonly string[],
	options: {
		input?: string;
		env?: Record<string, string | undefined>;
		nodeArgs?: readonly string[];
		cwd?: string;
		/** Run as this user (the tests run as root in CI, to whom every folder is writable). */ uid?: number;
	} = {},
): CliResult {
	const result = spawnSync(process.execPath, [...(options.nodeArgs ?? []), CLI, ...args], {
		cwd: options.cwd ?? ROOT,
		input: options.input ?? '',
		encoding: 'utf8',
		env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, POSTSAFE_SCENARIOS: undefined, ...options.env },
		timeout: 30_000,
		...(options.uid === undefined ? {} : { uid: options.uid, gid: options.uid }),
	});
	return { stdout: result.stdout, stderr: result.stderr, code: result.status };
}
