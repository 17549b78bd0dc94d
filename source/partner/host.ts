export const DEFAULT_OLLAMA_PORT = 11434;
export const DEFAULT_OLLAMA_HOST = `http://127.0.0.1:${DEFAULT_OLLAMA_PORT}`;
export const DEFAULT_MODEL = 'llama3.2';

/** Whether two model names are the same model: a name without a tag means its ":latest", as in Ollama. */
export function sameModel(a: string, b: string): boolean {
	const full = (name: string) => (name.includes(':') ? name : `${name}:latest`);
	return full(a) === full(b);
}

/**
 * An Ollama address as a URL, from any of the forms people write: "host:port", "http://host:port",
 * a bare "host" (Ollama's port 11434), or ":port" (this machine). The client itself does not read
 * OLLAMA_HOST, and treats "http://host" as port 80; here a missing port is always Ollama's.
 */
export function normaliseHost(input: string | undefined): string {
	const raw = input?.trim() || DEFAULT_OLLAMA_HOST;
	const withHost = raw.startsWith(':') ? `127.0.0.1${raw}` : raw;
	const withProtocol = /^[a-z][a-z0-9+.-]*:\/\//i.test(withHost) ? withHost : `http://${withHost}`;
	let url: URL;
	try {
		url = new URL(withProtocol);
	} catch {
		throw new Error(`"${input}" is not an Ollama address; use host, host:port or http://host:port`);
	}
	if (url.protocol !== 'http:' && url.protocol !== 'https:')
		throw new Error(`"${input}" is not an Ollama address: Ollama speaks http:// or https://, not ${url.protocol}//`);
	// 0.0.0.0 is where a server listens, not where to reach it.
	const hostname = url.hostname === '0.0.0.0' ? '127.0.0.1' : url.hostname;
	const port = url.port || String(DEFAULT_OLLAMA_PORT);
	const path = url.pathname.replace(/\/+$/, '');
	return `${url.protocol}//${hostname.includes(':') && !hostname.startsWith('[') ? `[${hostname}]` : hostname}:${port}${path}`;
}
