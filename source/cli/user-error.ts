import { fileErrorReason, WriteFailure } from '../transcript/durable-write.js';

/** A problem with what the user asked for: printed as one line, never with a stack trace. */
export class UserError extends Error {
	constructor(
		message: string,
		/** Process exit code; 2 for a wrong command line, 1 otherwise. */
		readonly exitCode = 1,
	) {
		super(message);
		this.name = 'UserError';
	}
}

/** The one line for an error of the disk, not of postsafe (full, read-only, forbidden), else undefined. */
export function fileErrorLine(error: unknown): string | undefined {
	if (error instanceof WriteFailure) return error.message;
	const reason = fileErrorReason(error);
	return reason === undefined ? undefined : `${(error as NodeJS.ErrnoException).path ?? 'a file'} can't be used (${reason})`;
}
