import { randomInt } from 'node:crypto';
import { UserError } from '../cli/user-error.js';
import { normaliseBaseUrl } from '../partner/openai-client.js';
import type { OpenAiCheck } from '../partner/openai-setup.js';

/** Which model server plays the other party: --provider. */
export type ProviderFlags = {
	readonly provider?: 'ollama' | 'openai';
	readonly baseUrl?: string;
	/** The name of the environment variable that holds the API key, never the key itself. */
	readonly apiKeyEnv?: string;
};

/** An OpenAI-compatible server chosen with --provider openai. */
export type OpenAiChoice = {
	readonly provider: 'openai';
	readonly baseUrl: string;
	readonly apiKey?: string;
	readonly model: string;
	readonly seed: number;
	readonly timeoutMs: number;
};

/** The OpenAI-compatible server from flags (--base-url, else POSTSAFE_BASE_URL), when --provider openai. */
export function openAiChoice(
	flags: ProviderFlags & { readonly model?: string; readonly seed?: number; readonly timeout?: number; readonly offline?: boolean },
): OpenAiChoice | undefined {
	if (flags.provider !== 'openai' || flags.offline) return undefined;
	const given = flags.baseUrl?.trim() || process.env.POSTSAFE_BASE_URL?.trim();
	if (!given) throw new UserError('--provider openai needs the server: add --base-url http://HOST:PORT/v1', 2);
	let baseUrl: string;
	try {
		baseUrl = normaliseBaseUrl(given);
	} catch (error) {
		throw new UserError(`--base-url: ${(error as Error).message}`, 2);
	}
	let apiKey: string | undefined;
	if (flags.apiKeyEnv !== undefined) {
		apiKey = process.env[flags.apiKeyEnv]?.trim();
		if (!apiKey) throw new UserError(`--api-key-env ${flags.apiKeyEnv}: that environment variable is not set`, 2);
	}
	return {
		provider: 'openai',
		baseUrl,
		...(apiKey ? { apiKey } : {}),
		model: flags.model?.trim() || process.env.POSTSAFE_MODEL?.trim() || 'llama3.2',
		seed: flags.seed ?? randomInt(2 ** 31 - 1),
		timeoutMs: (flags.timeout ?? 60) * 1000,
	};
}

/** What to tell the learner when the server can't be used; undefined when it can. */
export function openAiNotice(check: OpenAiCheck, choice: OpenAiChoice): string | undefined {
	switch (check.kind) {
		case 'ready':
			return undefined;
		case 'missing-model':
			return `The model ${choice.model} isn't served at ${choice.baseUrl} (it serves ${check.models.join(', ') || 'none'}); playing the scripted partner — choose one with --model (or use --offline).`;
		case 'unreachable':
			return `No OpenAI-compatible server answers at ${choice.baseUrl} (${check.reason}); playing the scripted partner (or use --offline).`;
		case 'failed':
			return `The server at ${choice.baseUrl} failed (${check.reason}); playing the scripted partner.`;
	}
}
