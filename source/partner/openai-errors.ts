import { errorCode, isUnreachableCode } from './error-code.js';

/** The parts of the client's errors that say what happened, read without loading the client. */
type ApiErrorLike = {
	readonly status?: number;
	readonly error?: { readonly message?: unknown };
	readonly message?: string;
	readonly name?: string;
	readonly cause?: unknown;
};

/** The HTTP status a server answered with, if it answered. */
export function statusOf(error: unknown): number | undefined {
	const status = (error as ApiErrorLike | undefined)?.status;
	return typeof status === 'number' ? status : undefined;
}

/** "Busy, come back later": the server is full (503) or is rate-limiting this client (429). */
export function isBusy(error: unknown): boolean {
	const status = statusOf(error);
	return status === 429 || status === 503;
}

/** Whether nothing answered at all at the address (as opposed to a server answering with an error). */
export function isUnreachableServer(error: unknown): boolean {
	const code = errorCode(error);
	return statusOf(error) === undefined && (code === undefined || isUnreachableCode(code));
}

/** One line on what went wrong talking to an OpenAI-compatible server, in words a learner can act on. */
export function describeOpenAiError(error: unknown, baseUrl: string, model: string): string {
	const code = errorCode(error);
	const status = statusOf(error);
	const said = (error as ApiErrorLike | undefined)?.error?.message;
	const detail = typeof said === 'string' && said.trim() ? `: ${said.trim().split('\n')[0]}` : '';
	if (status === 401 || status === 403)
		return `the server at ${baseUrl} refused the API key (HTTP ${status}): name the variable that holds it with --api-key-env`;
	if (status === 404)
		return `the model ${model} isn't served at ${baseUrl} (HTTP 404${detail}); see \`postsafe models --provider openai --base-url ${baseUrl}\``;
	if (status === 429 || status === 503) return `the server at ${baseUrl} is busy (HTTP ${status}${detail}) and stayed busy`;
	if (status !== undefined) return `the server at ${baseUrl} failed (HTTP ${status}${detail})`;
	if (code === 'ECONNREFUSED') return `no server is running at ${baseUrl} (connection refused)`;
	if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `no such host as ${new URL(baseUrl).hostname}`;
	if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return `the connection to ${baseUrl} dropped`;
	const message = error instanceof Error ? error.message : String(error);
	return `${baseUrl}: ${message.split('\n')[0]}`;
}
