import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { UserError } from '../cli/user-error.js';
import { isEnglishWord } from '../dictionary/english.js';
import { rescore, rescoreGroup } from '../review/rescore.js';
import { compileScenarioRubric } from '../rubric/audience.js';
import type { CompiledRubric } from '../rubric/compile.js';
import { readCatalog } from '../transcript/catalog.js';
import { openTranscript } from '../transcript/open.js';
import { saveReview } from '../transcript/review-store.js';
import { transcriptDirectory } from '../transcript/store.js';
import type { ReviewServices } from '../ui/review/review-app.js';
import { isDirectory } from './is-directory.js';
import { openLibrary } from './open-library.js';
import { loadScreen } from './load-screen.js';

export type ReviewOptions = { readonly reviewer?: string; readonly transcripts?: string; readonly scenarios?: string };

/** The files and the scenario library, as the review screens use them. */
export async function reviewServices(directory: string, scenarios?: string): Promise<ReviewServices> {
	// The library is needed to re-score against today's rubric; broken scenario files are only a warning.
	const library = await openLibrary(scenarios, () => true);
	const rubrics = new Map<string, CompiledRubric>();
	const current = (id: string) => {
		const loaded = library.scenarios.find(candidate => candidate.scenario.id === id);
		if (!loaded) return undefined;
		let rubric = rubrics.get(id);
		if (!rubric) rubrics.set(id, (rubric = compileScenarioRubric(loaded.scenario, library.criteria.library, isEnglishWord)));
		return { contentHash: loaded.contentHash, rubric, partnerName: loaded.scenario.partner.name };
	};
	return {
		catalog: () => readCatalog(directory),
		open: openTranscript,
		// A group session is re-scored learner by learner, each on their own words.
		rescore: opened => (opened.transcript.scores ? rescoreGroup : rescore)(opened.transcript, current(opened.transcript.scenario.id)),
		partnerName: opened => current(opened.transcript.scenario.id)?.partnerName ?? 'Partner',
		save: saveReview,
	};
}

/** `postsafe review [transcript]`: the browser of the transcripts folder, or one transcript. */
export async function runReview(file: string | undefined, options: ReviewOptions): Promise<number> {
	if (!process.stdin.isTTY || !process.stdout.isTTY)
		throw new UserError('reviewing needs a terminal; to read a transcript as text, run `postsafe export <transcript> --format md`', 2);
	// `postsafe review transcripts/` browses that folder, as --transcripts would.
	const folder = file !== undefined && isDirectory(file) ? resolve(file) : undefined;
	const directory = folder ?? transcriptDirectory(options.transcripts);
	if (folder) file = undefined;
	if (file !== undefined) {
		const opened = openTranscript(resolve(file));
		if ('reason' in opened) throw new UserError(`${file}: ${opened.reason}`);
	} else if (!existsSync(directory)) {
		throw new UserError(`no transcripts folder at ${directory}: practise with \`postsafe play\` first, or give --transcripts DIR`);
	}
	const services = await reviewServices(directory, options.scenarios);
	const { runReviewTui } = await loadScreen(() => import('../ui/review/run-review.js'));
	return runReviewTui({ services, ...(file === undefined ? {} : { file: resolve(file) }), ...(options.reviewer ? { reviewer: options.reviewer } : {}) });
}
