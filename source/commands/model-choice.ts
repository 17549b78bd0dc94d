import { checkOllama } from '../partner/ollama-setup.js';
import { checkOpenAi } from '../partner/openai-setup.js';
import { openAiChoice, openAiNotice, type OpenAiChoice, type ProviderFlags } from './openai-setup.js';
import { offlineNotice, ollamaChoice, type OllamaChoice, type PartnerFlags } from './partner-setup.js';

/** The model partner wanted: Ollama (the default) or an OpenAI-compatible server (--provider openai). */
export type ModelChoice = OllamaChoice | OpenAiChoice;

export function isOpenAi(choice: ModelChoice | undefined): choice is OpenAiChoice {
	return (choice as OpenAiChoice | undefined)?.provider === 'openai';
}

/** The model from flags and the environment, or none with --offline. */
export function modelChoice(flags: PartnerFlags & ProviderFlags): ModelChoice | undefined {
	return flags.provider === 'openai' ? openAiChoice(flags) : ollamaChoice(flags);
}

/** Why the model can't be used, with the fix, from a quick check of its server; undefined when it can. */
export async function modelNotice(choice: ModelChoice): Promise<string | undefined> {
	if (isOpenAi(choice)) return openAiNotice(await checkOpenAi(choice, choice.model), choice);
	return offlineNotice(await checkOllama(choice.host, choice.model), choice);
}

/** The model to play the partner when it is ready; else none, with the notice on stderr (no one to ask). */
export async function readyModel(flags: PartnerFlags & ProviderFlags): Promise<ModelChoice | undefined> {
	const choice = modelChoice(flags);
	if (!choice) return undefined;
	const notice = await modelNotice(choice);
	if (notice) process.stderr.write(`${notice}\n`);
	return notice === undefined ? choice : undefined;
}
