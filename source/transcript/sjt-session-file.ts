import { newTranscriptId, prepareTranscriptDirectory, transcriptPath } from './store.js';
import { saveRecord, type SaveProblem } from './rescue.js';
import { resultFor, type ItemFilter, type SjtResult } from '../sjt/practice.js';
import type { SjtItem } from '../sjt/schema.js';
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

export function startSjtSessionFile({
	directory,
	learner,
	timed,
	seed,
	filter,
}: {
	directory: string;
	learner: string;
	timed: boolean;
	seed: number;
	filter: ItemFilter;
}): SjtSessionFile {
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

/** A group SJT session's records: one per learner, each saved after every item, like a solo session's. */
export type GroupSjtFiles = {
	readonly directory: string;
	add(item: SjtItem, answers: readonly { readonly learner: string; readonly answer: readonly string[] }[]): void;
	finish(): void;
};

export function startGroupSjtFiles({
	directory,
	learners,
	seed,
	filter,
}: {
	directory: string;
	learners: readonly string[];
	seed: number;
	filter: ItemFilter;
}): GroupSjtFiles {
	const files = new Map(learners.map(learner => [learner, startSjtSessionFile({ directory, learner, timed: false, seed, filter })]));
	let answered = 0;
	return {
		directory,
		add(item, answers) {
			answered += 1;
			for (const { learner, answer } of answers) files.get(learner)?.add(resultFor(item, answer));
		},
		finish() {
			if (answered > 0) for (const file of files.values()) file.finish();
		},
	};
}

/** The line that says where a group's records went (not their names: the screen may be anonymous). */
export function groupSjtSavedLine(files: GroupSjtFiles, learners: number): string {
	return `Saved: one SJT record for each of the ${learners} learners, in ${files.directory}`;
}
