import type { SessionState } from './types.js';

/** The line that says why a conversation stopped when nothing on screen shows it (the reply limit), else undefined. */
export function endNotice(state: SessionState): string | undefined {
	if (state.endReason !== 'turn-limit') return undefined;
	return `That was your last reply: this conversation allows ${state.turnLimit} ${state.turnLimit === 1 ? 'reply' : 'replies'}. Here is your debrief.`;
}
