/** Bumped whenever the transcript format changes in a way a reader must know about. */
export const TRANSCRIPT_VERSION = 1;

/** Why an SJT practice record, though postsafe's own, is not a conversation to review, export or report on. */
export const SJT_RECORD_REASON = 'an SJT practice record, not a conversation';
