import { checkOllama, pullModel } from '../partner/ollama-setup.js';
import type { LoadedScenario, ScenarioLibrary } from '../library/scenario-files.js';
import type { AppServices } from '../ui/app.js';
import { isOpenAi, type ModelChoice } from './model-choice.js';
import { createPartner, offlineNotice } from './partner-setup.js';
import { startRecordedSession } from '../transcript/start-session.js';

export type ServiceOptions = {
	readonly library: ScenarioLibrary;
	/** The LLM partner wanted, or none (--offline). An OpenAI-compatible server is checked before the screen opens. */
	readonly choice: ModelChoice | undefined;
	readonly transcripts: string;
	readonly turns?: number;
};

/** What the terminal UI is given: the library, recorded sessions with the right partner, and Ollama's setup. */
export function appServices({ library, choice, transcripts, turns }: ServiceOptions): AppServices {
	return {
		scenarios: library.scenarios,
		sources: library.criteria.library.sources,
		startSession: (loaded: LoadedScenario, learner: string, useModel: boolean) =>
			startRecordedSession({
				loaded,
				criteria: library.criteria.library,
				learners: [learner],
				partner: createPartner(useModel || isOpenAi(choice) ? choice : undefined, true),
				transcripts,
				...(turns === undefined ? {} : { turns }),
			}),
		scriptedPartner: () => createPartner(undefined, true),
		...(choice && !isOpenAi(choice)
			? {
					ollama: {
						host: choice.host,
						model: choice.model,
						check: () => checkOllama(choice.host, choice.model),
						pull: (onProgress, signal) => pullModel(choice.host, choice.model, onProgress, signal),
						notice: check => offlineNotice(check, choice),
					},
				}
			: {}),
	};
}
