import type { Config, Ollama } from 'ollama';

/** The official client, loaded on first use: an offline session never pays for loading it. */
export async function ollamaClient(config: Partial<Config>): Promise<Ollama> {
	const { Ollama } = await import('ollama');
	return new Ollama(config);
}
