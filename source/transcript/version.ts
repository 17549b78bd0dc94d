/** Bumped whenever the transcript format changes in a way a reader must know about. */
export const TRANSCRIPT_VERSION = 1;
