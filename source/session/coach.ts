import type { SessionState } from './types.js';
import { learnerReplies } from './session.js';

export const ALL_MET = '✓ Nothing missing: every criterion this scenario scores is met so far. Keep to it.';

function firstSentence(text: string): string {
	const match = /^.*?[.!?](?=\s|$)/.exec(text.trim());
	return match ? match[0] : text.trim();
}

/**
 * Coach mode's one line after a reply: the red flag it raised, or else the most valuable criterion not
 * yet met in the conversation (most points; the rubric's order breaks ties). Once all are met it says
 * so, since silence after a reply reads as the coach having nothing to say.
 */
export function coachHint(state: SessionState, learner: string = state.learners[0]!): string | undefined {
	const replies = learnerReplies(state, learner);
	const last = replies[replies.length - 1];
	if (!last) return undefined;
	const flag = last.match.redFlags[0];
	if (flag) {
		const definition = state.rubric.redFlags.find(candidate => candidate.id === flag.id)!;
		return `⚑ ${definition.label}: ${firstSentence(definition.why)}`;
	}
	const missed = state.rubric.criteria
		.map((criterion, index) => ({ criterion, index }))
		.filter(({ index }) => !replies.some(reply => reply.match.criteria[index]!.met))
		.sort((a, b) => b.criterion.points - a.criterion.points || a.index - b.index)[0];
	return missed ? `${missed.criterion.label}: ${firstSentence(missed.criterion.feedback.missed)}` : ALL_MET;
}

/**
 * The hint shown after the message at `index` when it is a learner's reply: on the conversation as it
 * stood after that reply, never on later turns. Undefined for partner messages.
 */
export function coachHintAfter(state: SessionState, index: number): string | undefined {
	const message = state.messages[index];
	if (message?.kind !== 'learner') return undefined;
	return coachHint({ ...state, messages: state.messages.slice(0, index + 1) }, message.learner);
}

/** Driscoll's three questions, asked after the debrief. */
export const REFLECTION_QUESTIONS = [
	{ key: 'whatHappened', question: 'What happened? Describe the conversation in a sentence or two.' },
	{ key: 'soWhat', question: 'So what? What did the debrief show you about how you handled it?' },
	{ key: 'nowWhat', question: 'Now what? What will you do differently next time?' },
] as const;
