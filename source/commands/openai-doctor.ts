import { UserError } from '../cli/user-error.js';
import { checkOpenAi, listOpenAiModels } from '../partner/openai-setup.js';
import { openAiChoice, type ProviderFlags } from './openai-setup.js';
import type { PartnerFlags } from './partner-setup.js';

type Line = { readonly ok: boolean; readonly text: string; readonly blocksModel?: boolean };

/** doctor's lines for an OpenAI-compatible server: does it answer, and does it serve the model. */
export async function openAiDoctorLines(flags: PartnerFlags & ProviderFlags): Promise<Line[]> {
	const choice = openAiChoice({ ...flags, offline: false })!;
	const check = await checkOpenAi(choice, choice.model);
	switch (check.kind) {
		case 'unreachable':
		case 'failed':
			return [{ ok: false, blocksModel: true, text: `${check.reason}: start the server, or point at it with --base-url` }];
		case 'missing-model':
			return [
				{ ok: true, text: `An OpenAI-compatible server is answering at ${choice.baseUrl}, serving ${check.models.join(', ') || 'no models'}` },
				{ ok: false, blocksModel: true, text: `The model ${choice.model} isn't served there: choose one with --model or POSTSAFE_MODEL` },
			];
		case 'ready':
			return [
				{
					ok: true,
					text: `An OpenAI-compatible server is answering at ${choice.baseUrl}${check.models.length > 0 ? `, serving ${check.models.join(', ')}` : ''}`,
				},
				{ ok: true, text: `The model ${choice.model} is served there` },
			];
	}
}

/** `models --provider openai`: the ids from GET /v1/models, one a line, or JSON. */
export async function runOpenAiModels(flags: PartnerFlags & ProviderFlags & { readonly json?: boolean }, write: (text: string) => void): Promise<number> {
	const choice = openAiChoice({ ...flags, offline: false })!;
	const check = await checkOpenAi(choice, choice.model);
	if (check.kind === 'unreachable' || check.kind === 'failed') throw new UserError(`${check.reason}: start the server, or point at it with --base-url`);
	const models = (await listOpenAiModels(choice)).map(name => ({ name, used: name === choice.model }));
	if (flags.json) write(`${JSON.stringify(models, null, 2)}\n`);
	else if (models.length === 0) write(`No models listed at ${choice.baseUrl}.\n`);
	else for (const model of models) write(`${model.name}${model.used ? '  (postsafe uses this)' : ''}\n`);
	return 0;
}
