import { existsSync } from 'node:fs';
import { UserError } from '../cli/user-error.js';
import { secureTranscriptDirectory, transcriptDirectory, transcriptFolderProblem } from '../transcript/store.js';
import { canMakeFolders, makeFolders } from './make-folder.js';

/** What to tell a learner whose transcripts folder can't be used, with the way round it. */
export function transcriptFolderFix(directory: string, problem: string): string {
	return `the transcripts folder ${directory} can't be written (${problem}): choose another with --transcripts DIR or POSTSAFE_TRANSCRIPTS`;
}

function reasonOf(error: NodeJS.ErrnoException): string {
	if (error.code === 'EACCES' || error.code === 'EPERM') return 'permission denied';
	if (error.code === 'EROFS') return 'the disk is read-only';
	if (error.code === 'ENOENT') return "its folder can't hold folders";
	if (error.code === 'ENOTDIR' || error.code === 'EEXIST') return 'a file is in the way, not a folder';
	return error.code ?? error.message;
}

/**
 * Why transcripts can't be saved in `directory`, or undefined. A folder not there yet is made and
 * removed again, since write permission on the folder above does not mean a folder can be made
 * there (/sys refuses even root; /proc says ENOENT).
 */
export function transcriptFolderTrouble(directory: string): string | undefined {
	const problem = transcriptFolderProblem(directory);
	if (problem || existsSync(directory)) return problem;
	const error = canMakeFolders(directory);
	return error ? reasonOf(error) : undefined;
}

/**
 * The transcripts folder for a session (--transcripts, POSTSAFE_TRANSCRIPTS, the per-user data folder),
 * checked and made (0700) before anything starts: a session whose replies could not be saved is
 * refused in one line.
 */
export function usableTranscriptDirectory(option?: string): string {
	const directory = transcriptDirectory(option);
	const problem = transcriptFolderTrouble(directory);
	if (problem) throw new UserError(transcriptFolderFix(directory, problem));
	try {
		makeFolders(directory);
	} catch (error) {
		throw new UserError(transcriptFolderFix(directory, reasonOf(error as NodeJS.ErrnoException)));
	}
	const notice = secureTranscriptDirectory(directory);
	if (notice) process.stderr.write(`${notice}\n`);
	return directory;
}
