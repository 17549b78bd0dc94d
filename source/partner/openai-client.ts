import type OpenAI from 'openai';

export type OpenAiServer = {
	/** Where the API is, ending in /v1 for vLLM, llama.cpp's server, LM Studio or Ollama's own /v1. */
	readonly baseUrl: string;
	/** The API key, if the server wants one (read from the variable named by --api-key-env). */
	readonly apiKey?: string;
};

/**
 * The official client, loaded on first use, with its own retries off: postsafe backs off itself, on
 * the server's Retry-After, within the turn's time limit, and falls back to the scripted partner after.
 */
export async function openAiClient(server: OpenAiServer, fetchWith?: typeof fetch): Promise<OpenAI> {
	const { default: Client } = await import('openai');
	// Local servers need no key, but the client insists on one; a placeholder goes in the header unread.
	return new Client({
		baseURL: server.baseUrl,
		apiKey: server.apiKey ?? 'not-needed',
		maxRetries: 0,
		timeout: 10 * 60 * 1000,
		...(fetchWith ? { fetch: fetchWith } : {}),
	});
}

/**
 * An OpenAI-compatible address as given, without a trailing slash; a bare host:port gets http:// and
 * /v1, the path every compatible server uses. Throws with a one-line reason when it is not an address.
 */
export function normaliseBaseUrl(input: string): string {
	const raw = input.trim();
	const withProtocol = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `http://${raw}`;
	let url: URL;
	try {
		url = new URL(withProtocol);
	} catch {
		throw new Error(`"${input}" is not a server address; use http://host:port/v1`);
	}
	if (url.protocol !== 'http:' && url.protocol !== 'https:')
		throw new Error(`"${input}" is not a server address: use http:// or https://, not ${url.protocol}//`);
	const path = url.pathname.replace(/\/+$/, '');
	return `${url.protocol}//${url.host}${path === '' ? '/v1' : path}`;
}
