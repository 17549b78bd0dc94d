import type { Ollama } from 'ollama';
import { ollamaClient } from './ollama-client.js';
import { describeOllamaError, isBusy, isSlow, isUnreachable, notOllamaReason } from './ollama-errors.js';

export type OllamaCheck =
	| { readonly kind: 'ready'; readonly version: string }
	| { readonly kind: 'unreachable'; readonly reason: string }
	/** No such host, or something other than Ollama answers there: --host is wrong. */
	| { readonly kind: 'not-ollama'; readonly reason: string }
	| { readonly kind: 'missing-model'; readonly version: string }
	/** Reached, but it did not answer in time, or answered that it is busy (503): there, but not ready now. */
	| { readonly kind: 'slow'; readonly reason: string; readonly version?: string }
	| { readonly kind: 'busy'; readonly reason: string; readonly version?: string }
	/** It answered with an error (HTTP 500 and its message, …); `version` when /api/version did answer. */
	| { readonly kind: 'failed'; readonly reason: string; readonly version?: string };

/** A failure of a request that reached Ollama, by kind. */
function failureOf(error: unknown, host: string, model: string, version?: string): OllamaCheck {
	const reason = describeOllamaError(error, host, model);
	const known = version === undefined ? {} : { version };
	if (isSlow(error)) return { kind: 'slow', reason, ...known };
	if (isBusy(error)) return { kind: 'busy', reason, ...known };
	return { kind: 'failed', reason, ...known };
}

/** A client whose every request gives up after `timeoutMs`: a start-up check must never hang. */
function quickClient(host: string, timeoutMs: number): Promise<Ollama> {
	return ollamaClient({ host, fetch: (url, init) => fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) }) });
}

/** Is Ollama answering at `host`, and does it have `model`? Never throws. */
export async function checkOllama(host: string, model: string, timeoutMs = 3000): Promise<OllamaCheck> {
	const client = await quickClient(host, timeoutMs);
	let version: string;
	try {
		version = (await client.version()).version;
	} catch (error) {
		const notOllama = notOllamaReason(error, host);
		if (notOllama && !isBusy(error)) return { kind: 'not-ollama', reason: notOllama };
		return isUnreachable(error) ? { kind: 'unreachable', reason: describeOllamaError(error, host, model) } : failureOf(error, host, model);
	}
	try {
		await client.show({ model });
		return { kind: 'ready', version };
	} catch (error) {
		if ((error as { status_code?: number }).status_code === 404) return { kind: 'missing-model', version };
		return failureOf(error, host, model, version);
	}
}

/** The models installed at `host`, by name. */
export async function listModels(host: string, timeoutMs = 3000): Promise<{ name: string; size: number; modifiedAt: string }[]> {
	const { models } = await (await quickClient(host, timeoutMs)).list();
	return models.map(model => ({ name: model.name, size: model.size, modifiedAt: new Date(model.modified_at).toISOString() }));
}

export type PullProgress = { readonly status: string; readonly completed?: number; readonly total?: number };

/** Downloads a model, reporting progress as it goes; rejects with a one-line reason. */
export async function pullModel(host: string, model: string, onProgress: (progress: PullProgress) => void, signal?: AbortSignal): Promise<void> {
	const client = await ollamaClient({
		host,
		...(signal ? { fetch: (url: Parameters<typeof fetch>[0], init?: RequestInit) => fetch(url, { ...init, signal }) } : {}),
	});
	try {
		const stream = await client.pull({ model, stream: true });
		for await (const part of stream) {
			onProgress({
				status: part.status,
				...(part.completed === undefined ? {} : { completed: part.completed }),
				...(part.total === undefined ? {} : { total: part.total }),
			});
		}
	} catch (error) {
		throw new Error(describeOllamaError(error, host, model));
	}
}
