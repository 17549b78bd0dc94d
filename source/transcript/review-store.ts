import { writeDurably } from './durable-write.js';
import { withFileLock } from './file-lock.js';
import { openTranscript } from './open.js';
import type { Review } from './schema.js';
import { TRANSCRIPT_VERSION } from './version.js';

/**
 * Writes a review into a transcript file: under the file's lock, the file is read again and only its
 * `review` field is replaced, so every other byte (the learner's turns above all, even ones a session
 * still running has just added) is written back exactly as it was. Durable, like every transcript
 * write; a file that no longer reads as a transcript is left alone. Throws a WriteFailure or an Error
 * with a one-line message.
 */
export function saveReview(file: string, review: Review): void {
	withFileLock(file, () => {
		const opened = openTranscript(file);
		if ('reason' in opened) throw new Error(`${file}: ${opened.reason}; the review was not saved`);
		// A history of sign-offs is version 2's: the file says so, or an older postsafe would misread it.
		writeDurably(file, `${JSON.stringify({ ...opened.raw, ...(review.history ? { version: TRANSCRIPT_VERSION } : {}), review }, null, 2)}\n`);
	});
}
