import { randomInt } from 'node:crypto';
import { join } from 'node:path';
import { capitalise } from '../cli/capitalise.js';
import { UserError } from '../cli/user-error.js';
import { DEFAULT_MODEL, normaliseHost } from '../partner/host.js';
import { OllamaPartner } from '../partner/ollama.js';
import { OpenAiPartner } from '../partner/openai.js';
import type { OllamaCheck } from '../partner/ollama-setup.js';
import { loadPromptTemplates } from '../partner/prompt-files.js';
import type { PromptTemplates } from '../partner/prompt.js';
import { ScriptedPartner } from '../partner/scripted.js';
import { VoicesPartner } from '../partner/voices.js';
import { packageRoot } from '../library/scenario-files.js';
import type { PartnerRole } from '../scenario/schema.js';
import type { Partner } from '../session/types.js';
import type { OpenAiChoice } from './openai-setup.js';

export type PartnerFlags = {
	readonly offline?: boolean;
	readonly model?: string;
	readonly host?: string;
	readonly seed?: number;
	/** Seconds without a token before a reply counts as stuck. */
	readonly timeout?: number;
};

/** Where and what the LLM partner is, when there is one. */
export type OllamaChoice = { readonly host: string; readonly model: string; readonly seed: number; readonly timeoutMs: number };

/** The Ollama settings from flags and the environment (--host, then OLLAMA_HOST), or none with --offline. */
export function ollamaChoice(flags: PartnerFlags): OllamaChoice | undefined {
	if (flags.offline) return undefined;
	let host: string;
	try {
		host = normaliseHost(setting(flags.host) ?? setting(process.env.OLLAMA_HOST));
	} catch (error) {
		throw new UserError((error as Error).message, 2);
	}
	return {
		host,
		model: setting(flags.model) ?? setting(process.env.POSTSAFE_MODEL) ?? DEFAULT_MODEL,
		seed: flags.seed ?? randomInt(2 ** 31 - 1),
		timeoutMs: (flags.timeout ?? 60) * 1000,
	};
}

/** An empty flag or variable (`POSTSAFE_MODEL= postsafe`) means "not set", as in a shell. */
function setting(value: string | undefined): string | undefined {
	return value?.trim() ? value.trim() : undefined;
}

/** Typing pace of the scripted partner in the terminal UI, so "typing…" is seen; none in plain mode. */
export const TERMINAL_PACE = { msPerCharacter: 8, maxMs: 1200 };

let templates: ((role: PartnerRole) => PromptTemplates) | undefined;

/** The partner for a session: the LLM when one was chosen and is ready, else the scripted one. */
export function createPartner(choice: OllamaChoice | OpenAiChoice | undefined, paced: boolean): Partner {
	if (!choice) return new ScriptedPartner(paced ? TERMINAL_PACE : undefined);
	try {
		templates ??= loadPromptTemplates(join(packageRoot(), 'prompts'));
	} catch (error) {
		throw new UserError(`the prompt templates are broken: ${(error as Error).message}`);
	}
	// Several voices answering in one turn (a group chat) are each played by the model.
	if ('provider' in choice) return new VoicesPartner(new OpenAiPartner({ ...choice, templates, temperature: 0.8 }));
	return new VoicesPartner(new OllamaPartner({ ...choice, templates, temperature: 0.8 }));
}

/** What to tell the learner when the LLM can't be used, with the command that fixes it; undefined when it can. */
export function offlineNotice(check: OllamaCheck, choice: OllamaChoice): string | undefined {
	switch (check.kind) {
		case 'ready':
			return undefined;
		case 'unreachable':
			return `Ollama isn't running at ${choice.host}; playing the scripted partner — start it with \`ollama serve\` (or use --offline).`;
		case 'missing-model':
			return `The model ${choice.model} isn't installed at ${choice.host}; playing the scripted partner — get it with \`ollama pull ${choice.model}\` (or use --offline).`;
		case 'not-ollama':
			return `${capitalise(check.reason)}; playing the scripted partner — ${POINT_AT_OLLAMA} (or use --offline).`;
		case 'slow':
		case 'busy':
			return `${capitalise(check.reason)}; playing the scripted partner — try again in a moment (or use --offline).`;
		case 'failed':
			return `${capitalise(check.reason)}; playing the scripted partner.`;
	}
}

const POINT_AT_OLLAMA = 'point --host or OLLAMA_HOST at Ollama';

/** For doctor and models: why Ollama can't be used at all, and the fix. */
export function noOllamaLine(check: Extract<OllamaCheck, { reason: string }>): string {
	if (check.kind === 'not-ollama') return `${check.reason}: ${POINT_AT_OLLAMA}`;
	// It is there: only not answering now, or answering with an error. Nothing to start.
	if (check.kind === 'slow' || check.kind === 'busy') return `${check.reason}: try again in a moment`;
	if (check.kind === 'failed') return check.reason;
	return `${check.reason}: start it with \`ollama serve\`, or point at it with --host or OLLAMA_HOST`;
}
