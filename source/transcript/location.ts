import { resolve } from 'node:path';

/** Where transcripts go: --transcripts, then POSTSAFE_TRANSCRIPTS, then ./transcripts. (No file writer here, so readers stay light.) */
export function transcriptDirectory(option?: string): string {
	return resolve(option ?? process.env.POSTSAFE_TRANSCRIPTS ?? 'transcripts');
}
