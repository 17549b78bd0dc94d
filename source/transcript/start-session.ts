import { isEnglishWord } from '../dictionary/english.js';
import { compileScenarioRubric } from '../rubric/audience.js';
import type { LoadedScenario } from '../library/scenario-files.js';
import type { CriteriaLibrary } from '../scenario/schema.js';
import { SessionController } from '../session/controller.js';
import type { Partner } from '../session/types.js';
import { recordSession, transcriptSavedLine, type RecordedSession } from './recorder.js';
import { newTranscriptId, prepareTranscriptDirectory, transcriptPath } from './store.js';

export type StartOptions = {
	readonly loaded: LoadedScenario;
	readonly criteria: CriteriaLibrary;
	readonly learners: readonly string[];
	readonly partner: Partner;
	/** Overrides the scenario's turn limit (--turns). */
	readonly turns?: number;
	readonly transcripts: string;
	/** Who the transcript's file is named for: the learners, unless the group is anonymous on screen. */
	readonly fileLabel?: string;
};

/** Starts a conversation whose transcript is written from its first message, in the folder given. */
export function startRecordedSession({
	loaded,
	criteria,
	learners,
	partner,
	turns,
	transcripts,
	fileLabel = learners.join('-'),
}: StartOptions): RecordedSession {
	const rubric = compileScenarioRubric(loaded.scenario, criteria, isEnglishWord);
	const controller = new SessionController({ scenario: loaded.scenario, rubric, learners, ...(turns === undefined ? {} : { turnLimit: turns }) }, partner);
	prepareTranscriptDirectory(transcripts);
	const id = newTranscriptId(loaded.scenario.id, fileLabel, new Date());
	const recorder = recordSession(controller, transcriptPath(transcripts, id), { id, contentHash: loaded.contentHash, group: learners.length > 1 });
	return { controller, recorder };
}

/**
 * Saves an abandoned session and exits when the process is told to stop (Ctrl+C outside raw mode, a
 * kill, a closed terminal). Every reply is already on disk; this records that the learner left.
 */
export function saveOnSignals(current: () => RecordedSession | undefined, beforeExit: () => void = () => {}): () => void {
	const handlers = (['SIGINT', 'SIGTERM', 'SIGHUP'] as const).map(signal => {
		const handler = () => {
			const session = current();
			if (session) {
				session.controller.end('abandoned');
				if (!session.recorder.save()) {
					process.stderr.write(`\n${transcriptSavedLine(session.recorder)}\n`);
					if (session.recorder.problem?.rescue === undefined) process.stderr.write(session.recorder.problem?.text ?? '');
				}
			}
			beforeExit();
			process.exit(signal === 'SIGINT' ? 130 : signal === 'SIGTERM' ? 143 : 129);
		};
		process.on(signal, handler);
		return () => process.off(signal, handler);
	});
	return () => handlers.forEach(remove => remove());
}
