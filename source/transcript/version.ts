/**
 * Bumped whenever the transcript format changes in a way a reader must know about.
 * 2: turns say which audience they were written in, and which voice spoke (scenarios with audiences).
 */
export const TRANSCRIPT_VERSION = 2;

/** The versions this postsafe reads: its own, and the earlier ones it still understands. */
export const READABLE_VERSIONS: readonly number[] = [1, TRANSCRIPT_VERSION];

/** Why an SJT practice record, though postsafe's own, is not a conversation to review, export or report on. */
export const SJT_RECORD_REASON = 'an SJT practice record, not a conversation';
