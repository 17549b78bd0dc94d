import { openTranscript } from './open.js';
import type { Review } from './schema.js';
import { savePrivateJson } from './store.js';
import { TRANSCRIPT_VERSION } from './version.js';

/**
 * Writes a review into a transcript file: the file is read again and only its `review` field is
 * replaced, so every other byte (the learner's turns above all) is written back exactly as it was.
 * Atomic, like every transcript write; a file that no longer reads as a transcript is left alone.
 */
export function saveReview(file: string, review: Review): void {
	const opened = openTranscript(file);
	if ('reason' in opened) throw new Error(`${file}: ${opened.reason}; the review was not saved`);
	// A history of sign-offs is version 2's: the file says so, or an older postsafe would misread it.
	savePrivateJson(file, { ...opened.raw, ...(review.history ? { version: TRANSCRIPT_VERSION } : {}), review });
}
