import { openAiClient, type OpenAiServer } from './openai-client.js';
import { describeOpenAiError, isUnreachableServer, statusOf } from './openai-errors.js';

export type OpenAiCheck =
	| { readonly kind: 'ready'; readonly models: readonly string[] }
	| { readonly kind: 'unreachable'; readonly reason: string }
	| { readonly kind: 'missing-model'; readonly models: readonly string[] }
	| { readonly kind: 'failed'; readonly reason: string };

/** Every request of a start-up check gives up after `timeoutMs`: it must never hang. */
function quickFetch(timeoutMs: number): typeof fetch {
	return (url, init) => fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
}

/** The models the server offers (GET /v1/models), by id. */
export async function listOpenAiModels(server: OpenAiServer, timeoutMs = 3000): Promise<string[]> {
	const client = await openAiClient(server, quickFetch(timeoutMs));
	const ids: string[] = [];
	for await (const model of client.models.list()) ids.push(model.id);
	return ids;
}

/** Is an OpenAI-compatible server answering at the address, and does it serve `model`? Never throws. */
export async function checkOpenAi(server: OpenAiServer, model: string, timeoutMs = 3000): Promise<OpenAiCheck> {
	try {
		const models = await listOpenAiModels(server, timeoutMs);
		// llama.cpp's server serves one model whatever it is called; a single model answers any name.
		return models.includes(model) || models.length === 1 ? { kind: 'ready', models } : { kind: 'missing-model', models };
	} catch (error) {
		const reason = describeOpenAiError(error, server.baseUrl, model);
		// A server that answers /v1/models with 404 may still chat (some proxies do not list): let it try.
		if (statusOf(error) === 404) return { kind: 'ready', models: [] };
		return isUnreachableServer(error) ? { kind: 'unreachable', reason } : { kind: 'failed', reason };
	}
}
