/**
 * Bumped whenever the transcript format changes in a way a reader must know about. 2: a review keeps
 * its earlier sign-offs (`review.history`), and turns say which audience they were written in and which
 * voice spoke (scenarios with audiences). Both are optional: a version 1 transcript is a version 2 one
 * with neither.
 */
export const TRANSCRIPT_VERSION = 2;

/** The versions this postsafe opens. */
export const READABLE_VERSIONS: readonly number[] = [1, 2];

/** Why an SJT practice record, though postsafe's own, is not a conversation to review, export or report on. */
export const SJT_RECORD_REASON = 'an SJT practice record, not a conversation';
