import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { CLI } from './cli.js';

/** The built CLI running in the background, its output gathered as it comes, its stdin kept open to type into. */
export type Running = {
	readonly child: ChildProcessWithoutNullStreams;
	/** Everything printed on stdout so far. */
	stdout(): string;
	stderr(): string;
	/** Resolves once stdout matches, with the match; rejects after `ms` with what was printed. */
	waitFor(pattern: RegExp, ms?: number): Promise<RegExpMatchArray>;
	type(line: string): void;
	readonly exited: Promise<number | null>;
};

export function runInBackground(args: readonly string[], env: Record<string, string | undefined> = {}): Running {
	const child = spawn(process.execPath, [CLI, ...args], {
		env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, OLLAMA_HOST: '', POSTSAFE_MODEL: '', ...env },
	});
	let out = '';
	let err = '';
	const waiters = new Set<() => void>();
	child.stdout.on('data', chunk => {
		out += chunk;
		for (const waiter of waiters) waiter();
	});
	child.stderr.on('data', chunk => (err += chunk));
	const exited = new Promise<number | null>(resolve => child.on('close', code => resolve(code)));
	return {
		child,
		stdout: () => out,
		stderr: () => err,
		type: line => void child.stdin.write(`${line}\n`),
		exited,
		waitFor: (pattern, ms = 15_000) =>
			new Promise((resolve, reject) => {
				const check = () => {
					const match = out.match(pattern);
					if (!match) return;
					waiters.delete(check);
					clearTimeout(timer);
					resolve(match);
				};
				const timer = setTimeout(() => {
					waiters.delete(check);
					reject(new Error(`timed out waiting for ${pattern}\n--- stdout ---\n${out}\n--- stderr ---\n${err}`));
				}, ms);
				waiters.add(check);
				check();
			}),
	};
}
