import type { Config, Ollama } from 'ollama';

/** A web page where Ollama's JSON should be: something other than Ollama answers at the host. */
export class NotOllamaAnswer extends Error {
	constructor(readonly contentType: string) {
		super(`the answer is ${contentType}, not Ollama's JSON`);
		this.name = 'NotOllamaAnswer';
	}
}

/**
 * The official client, loaded on first use: an offline session never pays for loading it. An answer
 * that is a web page (a proxy's or another app's) is an error of its own, not a stream that ends early.
 */
export async function ollamaClient(config: Partial<Config>): Promise<Ollama> {
	const { Ollama } = await import('ollama');
	const fetcher = config.fetch ?? fetch;
	return new Ollama({
		...config,
		fetch: async (url, init) => {
			const response = await fetcher(url, init);
			const type = response.headers.get('content-type') ?? '';
			if (response.ok && /text\/html/i.test(type)) {
				await response.body?.cancel();
				throw new NotOllamaAnswer(type);
			}
			return response;
		},
	});
}
