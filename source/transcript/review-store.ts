import { openTranscript } from './open.js';
import type { Review } from './schema.js';
import { savePrivateJson } from './store.js';

/**
 * Writes a review into a transcript file: the file is read again and only its `review` field is
 * replaced, so every other byte (the learner's turns above all) is written back exactly as it was.
 * Atomic, like every transcript write; a file that no longer reads as a transcript is left alone.
 */
export function saveReview(file: string, review: Review): void {
	const opened = openTranscript(file);
	if ('reason' in opened) throw new Error(`${file}: ${opened.reason}; the review was not saved`);
	savePrivateJson(file, { ...opened.raw, review });
}
