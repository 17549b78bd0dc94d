import { CommanderError } from 'commander';
import { fileErrorLine, UserError } from './user-error.js';

/** What a command threw, as the exit code and one line on stderr (a stack trace only with POSTSAFE_DEBUG). */
export function failureCode(error: unknown): number {
	// commander has printed its own line already (or the help, or the version: exit code 0).
	if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
	if (error instanceof UserError) {
		process.stderr.write(`postsafe: ${error.message}\n`);
		return error.exitCode;
	}
	// A full, read-only or forbidden disk is the user's to fix, not a bug: one line, no stack trace.
	const fileProblem = fileErrorLine(error);
	if (fileProblem) {
		process.stderr.write(`postsafe: ${fileProblem}\n`);
		return 1;
	}
	const detail = process.env.POSTSAFE_DEBUG ? (error as Error).stack : (error as Error).message;
	process.stderr.write(`postsafe: unexpected error: ${detail}\n(set POSTSAFE_DEBUG=1 for details and report it)\n`);
	return 70;
}
