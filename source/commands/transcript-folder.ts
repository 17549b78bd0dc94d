import { UserError } from '../cli/user-error.js';
import { transcriptDirectory, transcriptFolderProblem } from '../transcript/store.js';

/** What to tell a learner whose transcripts folder can't be used, with the way round it. */
export function transcriptFolderFix(directory: string, problem: string): string {
	return `the transcripts folder ${directory} can't be written (${problem}): choose another with --transcripts DIR or POSTSAFE_TRANSCRIPTS`;
}

/**
 * The transcripts folder for a session (--transcripts, POSTSAFE_TRANSCRIPTS, the per-user data folder), checked
 * before anything starts: a session whose replies could not be saved is refused in one line.
 */
export function usableTranscriptDirectory(option?: string): string {
	const directory = transcriptDirectory(option);
	const problem = transcriptFolderProblem(directory);
	if (problem) throw new UserError(transcriptFolderFix(directory, problem));
	return directory;
}
