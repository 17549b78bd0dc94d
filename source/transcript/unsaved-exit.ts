import type { Recorder } from './recorder.js';

/**
 * The exit code of a session that has ended: 0 when its transcript is on disk, 1 when it is not (the
 * one line has been said; with no copy anywhere else, the transcript itself goes to stderr, the last
 * place it can be kept).
 */
export function unsavedExit(recorder: Recorder, stderr: (text: string) => void): number {
	const { problem } = recorder;
	if (!problem) return 0;
	if (problem.rescue === undefined) stderr(problem.text);
	return 1;
}
