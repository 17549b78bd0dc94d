import { errorCode, isUnreachableCode } from './error-code.js';

/** Whether Ollama could not be reached at all (as opposed to answering with an error). */
export function isUnreachable(error: unknown): boolean {
	const code = errorCode(error);
	return code !== undefined && isUnreachableCode(code);
}

/** Whether the server was reached but did not answer in time (a request's own timeout): slow, not absent. */
export function isSlow(error: unknown): boolean {
	return error instanceof Error && (error.name === 'TimeoutError' || (error as { cause?: Error }).cause?.name === 'TimeoutError');
}

/** Ollama answers 503 when its queue of requests is full: a busy shared server, worth asking again. */
export function isBusy(error: unknown): boolean {
	return (error as { status_code?: number }).status_code === 503;
}

/**
 * Why the answer to /api/version shows that `host` is not Ollama, or undefined when it could still be
 * (not reached at all, or cut off): no such host, or a web server that answers Ollama's version request
 * with an error or with something other than Ollama's JSON.
 */
export function notOllamaReason(error: unknown, host: string): string | undefined {
	const code = errorCode(error);
	if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `no such host as ${new URL(host).hostname}`;
	const status = (error as { status_code?: number }).status_code;
	if (status !== undefined) return `the server at ${host} isn't Ollama (HTTP ${status} for /api/version)`;
	if (error instanceof SyntaxError || (error as Error | undefined)?.name === 'NotOllamaAnswer')
		return `the server at ${host} isn't Ollama (its /api/version answer isn't Ollama's)`;
	return undefined;
}

/** One line on what went wrong talking to Ollama, in words a learner can act on. */
export function describeOllamaError(error: unknown, host: string, model: string): string {
	const code = errorCode(error);
	const status = (error as { status_code?: number }).status_code;
	if (code === 'ECONNREFUSED') return `Ollama isn't running at ${host} (connection refused)`;
	if (isSlow(error)) return `Ollama at ${host} is slow: it did not answer in time`;
	if (status === 503) return `Ollama at ${host} is busy (its queue of requests is full)`;
	// Something else answers there: an HTML page or other text where Ollama's JSON should be.
	if (error instanceof SyntaxError || (error as Error | undefined)?.name === 'NotOllamaAnswer')
		return `the server at ${host} isn't Ollama (its answer isn't Ollama's JSON)`;
	if (status !== undefined && status >= 500) return `Ollama at ${host} had an error (HTTP ${status}: ${(error as Error).message.split('\n')[0]})`;
	if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `no such host as ${host}`;
	if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET' || /terminated|other side closed|socket|did not receive done/i.test(String((error as Error)?.message)))
		return `the connection to Ollama at ${host} dropped`;
	if (status === 404) return `the model ${model} isn't installed at ${host} (ollama pull ${model})`;
	const message = error instanceof Error ? error.message : String(error);
	return `Ollama: ${message.split('\n')[0]}`;
}
