/** The system error code behind a failed request: undici and the model clients wrap it in `cause`, a few levels down. */
export function errorCode(error: unknown): string | undefined {
	let current: unknown = error;
	for (let depth = 0; depth < 5 && current; depth++) {
		const code = (current as { code?: unknown }).code;
		if (typeof code === 'string') return code;
		current = (current as { cause?: unknown }).cause;
	}
	return undefined;
}

/** Codes that say nothing answered at the address at all: no server, no host, no route, no connection in time. */
const UNREACHABLE_CODES: ReadonlySet<string> = new Set([
	'ECONNREFUSED',
	'ENOTFOUND',
	'EAI_AGAIN',
	'EHOSTUNREACH',
	'ENETUNREACH',
	'ETIMEDOUT',
	'UND_ERR_CONNECT_TIMEOUT',
]);

/** Whether a code is one of those. */
export function isUnreachableCode(code: string): boolean {
	return UNREACHABLE_CODES.has(code);
}
