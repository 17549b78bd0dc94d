import type { Key } from 'ink';
import type { AnswerKey } from '../../sjt/answer-state.js';

/** The keys that build an SJT answer, whichever screen the item is on. */
export function answerKey(input: string, key: Key): AnswerKey | undefined {
	if (key.upArrow) return 'up';
	if (key.downArrow) return 'down';
	if (input === ' ') return 'space';
	return undefined;
}
