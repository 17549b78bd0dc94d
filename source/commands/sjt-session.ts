import { newTranscriptId, prepareTranscriptDirectory, transcriptPath } from '../transcript/store.js';
import { saveRecord, type SaveProblem } from '../transcript/rescue.js';
import type { ItemFilter, SjtResult } from '../sjt/practice.js';
import { toSjtRecord, type SjtRecordMeta } from '../sjt/record-model.js';

/** An SJT session's record on disk: written after every item, and as abandoned if it stops early. */
export type SjtSessionFile = {
	readonly file: string;
	add(result: SjtResult): void;
	finish(): void;
	readonly results: readonly SjtResult[];
	/** Why the file does not hold every answer so far (a copy went elsewhere); undefined while it does. */
	readonly problem: SaveProblem | undefined;
};

export function startSjtSessionFile({ directory, learner, timed, seed, filter }: { directory: string; learner: string; timed: boolean; seed: number; filter: ItemFilter }): SjtSessionFile {
	prepareTranscriptDirectory(directory);
	const startedAt = new Date();
	const id = newTranscriptId('sjt', learner, startedAt);
	const file = transcriptPath(directory, id);
	const meta: SjtRecordMeta = { id, learner, startedAt: startedAt.toISOString(), timed, seed, filter };
	const results: SjtResult[] = [];
	let problem: SaveProblem | undefined;
	const save = (status: 'complete' | 'abandoned') => {
		problem = saveRecord(file, `${JSON.stringify(toSjtRecord(meta, results, status, new Date().toISOString()), null, 2)}\n`);
	};
	save('abandoned');
	return {
		file,
		results,
		add(result) {
			results.push(result);
			save('abandoned');
		},
		finish: () => save('complete'),
		get problem() {
			return problem;
		},
	};
}
