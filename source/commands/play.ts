import { UserError } from '../cli/user-error.js';
import { ScriptedPartner } from '../partner/scripted.js';
import type { LoadedScenario, ScenarioLibrary } from '../scenario/files.js';
import { transcriptDirectory } from '../transcript/store.js';
import { openLibrary, openScenario } from './open-library.js';
import { saveOnSignals, startRecordedSession } from './start-session.js';

export type PlayOptions = {
	readonly learner?: string;
	readonly turns?: number;
	readonly coach?: boolean;
	readonly plain?: boolean;
	readonly json?: boolean;
	readonly transcripts?: string;
	readonly scenarios?: string;
};

/** Typing pace of the scripted partner in the terminal UI, so "typing…" is seen; none in plain mode. */
const TERMINAL_PACE = { msPerCharacter: 8, maxMs: 1200 };

/**
 * `postsafe play <id>` and `postsafe` alone (the picker). The terminal UI when both ends are a
 * terminal; plain text otherwise (or with --plain or --json), so piping never meets raw-mode errors.
 */
export async function runPlay(id: string | undefined, options: PlayOptions): Promise<number> {
	const plain = options.plain === true || options.json === true || !process.stdin.isTTY || !process.stdout.isTTY;
	let library: ScenarioLibrary;
	let initial: LoadedScenario | undefined;
	if (id === undefined) {
		if (plain) throw new UserError('choosing a scenario needs a terminal: run `postsafe play <id>` (ids from `postsafe list`)', 2);
		library = await openLibrary(options.scenarios);
	} else {
		({ library, loaded: initial } = await openScenario(id, options.scenarios));
	}
	const transcripts = transcriptDirectory(options.transcripts);
	const sources = library.criteria.library.sources;
	const start = (loaded: LoadedScenario, learner: string, paced: boolean) =>
		startRecordedSession({
			loaded,
			criteria: library.criteria.library,
			learners: [learner],
			partner: new ScriptedPartner(paced ? TERMINAL_PACE : undefined),
			transcripts,
			...(options.turns === undefined ? {} : { turns: options.turns }),
		});

	if (plain) {
		const learner = options.learner ?? 'Learner';
		const session = start(initial!, learner, false);
		const removeHandlers = saveOnSignals(() => session);
		const { playPlain } = await import('./play-plain.js');
		try {
			return await playPlain({
				session,
				learner,
				sources,
				json: options.json === true,
				input: process.stdin,
				isTTY: process.stdin.isTTY === true,
				stdout: text => void process.stdout.write(text),
				stderr: text => void process.stderr.write(text),
			});
		} finally {
			removeHandlers();
		}
	}
	const { runTui } = await import('../ui/run-tui.js');
	return runTui({
		services: { scenarios: library.scenarios, sources, startSession: (loaded, learner) => start(loaded, learner, true) },
		coach: options.coach === true,
		...(options.learner === undefined ? {} : { learner: options.learner }),
		...(initial === undefined ? {} : { initial }),
	});
}
