import { existsSync } from 'node:fs';
import { capitalise } from '../cli/capitalise.js';
import { style } from '../cli/style.js';
import { sameModel } from '../partner/host.js';
import { checkOllama, listModels, type OllamaCheck } from '../partner/ollama-setup.js';
import { describeOllamaError } from '../partner/ollama-errors.js';
import { transcriptDirectory, writableByOthers } from '../transcript/store.js';
import { UserError } from '../cli/user-error.js';
import { noOllamaLine, ollamaChoice, type PartnerFlags } from './partner-setup.js';
import { transcriptFolderFix, transcriptFolderTrouble } from './transcript-folder.js';
import type { ProviderFlags } from './openai-setup.js';

export type DoctorOptions = PartnerFlags & ProviderFlags & { readonly transcripts?: string };

type Line = {
	readonly ok: boolean;
	readonly text: string;
	/** Whether a failure stops the LLM partner (offline play needs none of these). */ readonly blocksModel?: boolean;
};

function gigabytes(bytes: number): string {
	return `${(bytes / 1e9).toFixed(1)} GB`;
}

/** Checks what postsafe needs, one line each: OK, or the command that fixes it. Exit 1 if the LLM can't be used. */
export async function runDoctor(options: DoctorOptions, write = (text: string) => void process.stdout.write(text)): Promise<number> {
	const lines: Line[] = [];
	const major = Number(process.versions.node.split('.')[0]);
	lines.push(
		major >= 20
			? { ok: true, text: `Node.js ${process.versions.node}` }
			: { ok: false, text: `Node.js ${process.versions.node} is too old: install Node.js 20 or later` },
	);
	const directory = transcriptDirectory(options.transcripts);
	const problem = transcriptFolderTrouble(directory);
	const folderLine = existsSync(directory) ? `Transcripts folder ${directory} is writable` : `Transcripts folder ${directory} will be made when you first play`;
	if (problem) lines.push({ ok: false, text: capitalise(transcriptFolderFix(directory, problem)) });
	else if (writableByOthers(directory))
		lines.push({
			ok: false,
			text: `Transcripts folder ${directory} is writable by other users: run \`chmod go-w ${directory}\` (postsafe does it when you next play)`,
		});
	else lines.push({ ok: true, text: folderLine });
	const choice = ollamaChoice({ ...options, offline: false })!;
	const check = options.provider === 'openai' ? undefined : await checkOllama(choice.host, choice.model);
	const version = check && 'version' in check ? check.version : undefined;
	if (!check) {
		const { openAiDoctorLines } = await import('./openai-doctor.js');
		lines.push(...(await openAiDoctorLines(options)));
	} else if (version === undefined) {
		lines.push({ ok: false, blocksModel: true, text: capitalise(noOllamaLine(check as Extract<OllamaCheck, { reason: string }>)) });
	} else {
		// Only what was seen is said: a list that did not come is not "no models".
		lines.push({ ok: true, text: `Ollama ${version} is running at ${choice.host}` });
		try {
			const models = await listModels(choice.host);
			lines.push({
				ok: true,
				text: models.length === 0 ? 'No models installed yet' : `Installed: ${models.map(model => `${model.name} (${gigabytes(model.size)})`).join(', ')}`,
			});
		} catch (error) {
			lines.push({ ok: false, text: `Couldn't list the installed models: ${describeOllamaError(error, choice.host, choice.model)}` });
		}
		if (check.kind === 'ready') lines.push({ ok: true, text: `The model ${choice.model} is installed` });
		else if (check.kind === 'missing-model')
			lines.push({
				ok: false,
				blocksModel: true,
				text: `The model ${choice.model} isn't installed: run \`ollama pull ${choice.model}\`, or choose one with --model or POSTSAFE_MODEL`,
			});
		else lines.push({ ok: false, blocksModel: true, text: `Couldn't check the model ${choice.model}: ${'reason' in check ? check.reason : 'no answer'}` });
	}
	for (const line of lines) write(`${line.ok ? style.met('✓ ok ') : style.flag('✗ fix')}  ${line.text}\n`);
	const blocked = lines.some(line => !line.ok);
	if (lines.some(line => line.blocksModel)) write(`\nThe LLM partner can't be used yet; postsafe plays the scripted partner meanwhile (or use --offline).\n`);
	return blocked ? 1 : 0;
}

/** The models installed in Ollama: a table, or with --json an array of {name, size, modified, used}. */
export async function runModels(
	options: PartnerFlags & ProviderFlags & { readonly json?: boolean },
	write = (text: string) => void process.stdout.write(text),
): Promise<number> {
	if (options.provider === 'openai') return (await import('./openai-doctor.js')).runOpenAiModels(options, write);
	const choice = ollamaChoice({ ...options, offline: false })!;
	const check = await checkOllama(choice.host, choice.model);
	if ('reason' in check && !('version' in check)) throw new UserError(noOllamaLine(check));
	let installed: Awaited<ReturnType<typeof listModels>>;
	try {
		installed = await listModels(choice.host);
	} catch (error) {
		throw new UserError(`couldn't list the models: ${describeOllamaError(error, choice.host, choice.model)}`);
	}
	const models = installed.map(model => ({ name: model.name, size: model.size, modified: model.modifiedAt, used: sameModel(model.name, choice.model) }));
	if (options.json) {
		write(`${JSON.stringify(models, null, 2)}\n`);
		return 0;
	}
	if (models.length === 0) write(`No models installed at ${choice.host}. Get one with \`ollama pull ${choice.model}\`.\n`);
	for (const model of models)
		write(`${model.name.padEnd(32)} ${gigabytes(model.size).padStart(8)}  ${model.modified.slice(0, 10)}${model.used ? '  (postsafe uses this)' : ''}\n`);
	return 0;
}
