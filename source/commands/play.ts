import { UserError } from '../cli/user-error.js';
import type { LoadedScenario, ScenarioLibrary } from '../library/scenario-files.js';
import { openLibrary, openScenario } from './open-library.js';
import { isOpenAi, modelChoice, modelNotice, readyModel } from './model-choice.js';
import type { ProviderFlags } from './openai-setup.js';
import { createPartner, type PartnerFlags } from './partner-setup.js';
import { saveOnSignals, startRecordedSession } from '../transcript/start-session.js';
import { loadScreen } from './load-screen.js';
import { noticeLine } from '../cli/said-line.js';
import { terminalWidth } from '../terminal-width.js';
import { usableTranscriptDirectory } from './transcript-folder.js';
import { rememberedName, rememberedNameLine, rememberName } from './remembered-name.js';

export type PlayOptions = PartnerFlags &
	ProviderFlags & {
		readonly learner?: string;
		readonly turns?: number;
		readonly coach?: boolean;
		readonly plain?: boolean;
		readonly json?: boolean;
		readonly transcripts?: string;
		readonly scenarios?: string;
		/** `postsafe interview`: only interview scenarios, in the picker and by id. */
		readonly mode?: 'interview';
	};

/**
 * `postsafe play <id>` and `postsafe` alone (the picker). The terminal UI when both ends are a
 * terminal; plain text otherwise (or with --plain or --json), so piping never meets raw-mode errors.
 * The partner is the LLM through Ollama unless --offline or Ollama can't be used; then the scripted one.
 */
export async function runPlay(id: string | undefined, options: PlayOptions): Promise<number> {
	const plain = options.plain === true || options.json === true || !process.stdin.isTTY || !process.stdout.isTTY;
	let library: ScenarioLibrary;
	let initial: LoadedScenario | undefined;
	const command = options.mode === 'interview' ? 'interview' : 'play';
	if (id === undefined) {
		library = await openLibrary(options.scenarios);
		if (options.mode) library = { ...library, scenarios: library.scenarios.filter(loaded => loaded.scenario.mode === options.mode) };
		if (plain) {
			const ids = options.mode ? ` (${library.scenarios.map(loaded => loaded.scenario.id).join(', ')})` : ' (ids from `postsafe list`)';
			throw new UserError(`choosing a scenario needs a terminal: run \`postsafe ${command} <id>\`${ids}`, 2);
		}
	} else {
		({ library, loaded: initial } = await openScenario(id, options.scenarios));
		if (options.mode === 'interview' && initial.scenario.mode !== 'interview') {
			throw new UserError(`${id} is a role-play, not an interview: run \`postsafe play ${id}\`, or \`postsafe list interview\` for the interviews`, 2);
		}
	}
	const transcripts = usableTranscriptDirectory(options.transcripts);
	const choice = modelChoice(options);
	const sources = library.criteria.library.sources;

	if (plain) {
		// No one to ask in plain mode: say what would fix it, and go on with the scripted partner.
		const model = await readyModel(options);
		const learner = options.learner ?? 'Learner';
		const session = startRecordedSession({
			loaded: initial!,
			criteria: library.criteria.library,
			learners: [learner],
			partner: createPartner(model, false),
			transcripts,
			...(options.turns === undefined ? {} : { turns: options.turns }),
		});
		const removeHandlers = saveOnSignals(() => session);
		const { playPlain } = await import('./play-plain.js');
		try {
			return await playPlain({
				session,
				learner,
				sources,
				json: options.json === true,
				coach: options.coach === true,
				input: process.stdin,
				isTTY: process.stdin.isTTY === true,
				...terminalWidth(options.json === true ? process.stderr : process.stdout),
				stdout: text => void process.stdout.write(text),
				stderr: text => void process.stderr.write(text),
				scriptedPartner: () => createPartner(undefined, false),
			});
		} finally {
			removeHandlers();
		}
	}
	// At the terminal the name is remembered: given with --learner or typed once, it is not asked again.
	const learner = options.learner ?? rememberedName();
	if (options.learner !== undefined) rememberName(options.learner);
	else if (learner !== undefined) process.stderr.write(noticeLine(rememberedNameLine(learner)));
	// The setup screen knows Ollama; an OpenAI-compatible server is checked here, before the screen opens.
	const openAiNotice = isOpenAi(choice) ? await modelNotice(choice) : undefined;
	if (openAiNotice) process.stderr.write(`${openAiNotice}\n`);
	const { runTui } = await loadScreen(() => import('../ui/run-tui.js'));
	const { appServices } = await import('./app-services.js');
	return runTui({
		services: {
			...appServices({ library, choice: openAiNotice ? undefined : choice, transcripts, ...(options.turns === undefined ? {} : { turns: options.turns }) }),
			rememberLearner: rememberName,
		},
		coach: options.coach === true,
		...(learner === undefined ? {} : { learner }),
		...(initial === undefined ? {} : { initial }),
	});
}
