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
