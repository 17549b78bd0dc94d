import { combineReplies } from '../rubric/score.js';
import { audienceTag, findAudience } from '../scenario/audiences.js';
import type { LearnerMessage, SessionState } from '../session/types.js';

/** A reply seen on its own: what it met and raised, and what it scores alone. */
export type ReplyCard = {
	readonly reply: LearnerMessage;
	readonly met: readonly string[];
	readonly redFlags: readonly { readonly id: string; readonly label: string }[];
	readonly score: number;
	readonly max: number;
	/** Where it was written, "the group" or "Ellie, private", in a scenario with audiences. */
	readonly where?: string;
};

function whereOf(state: SessionState, reply: LearnerMessage): { where?: string } {
	const audience = findAudience(state.scenario, reply.audience);
	return audience ? { where: audienceTag(audience) } : {};
}

export function replyCard(state: SessionState, reply: LearnerMessage): ReplyCard {
	const score = combineReplies(state.rubric, [reply.match]);
	return {
		reply,
		met: score.criteria.filter(criterion => criterion.met).map(criterion => criterion.id),
		redFlags: score.redFlags.map(flag => ({ id: flag.id, label: flag.label })),
		score: score.score,
		max: score.max,
		...whereOf(state, reply),
	};
}

/** This round's replies in learner order, each scored on its own. */
export function roundCards(state: SessionState, round = state.round): ReplyCard[] {
	const replies = state.messages.filter((message): message is LearnerMessage => message.kind === 'learner' && message.round === round);
	return state.learners.flatMap(learner => {
		const reply = replies.find(candidate => candidate.learner === learner);
		return reply ? [replyCard(state, reply)] : [];
	});
}

/** The reply the conversation goes on from unless the facilitator picks another: the best scoring, the earliest on a tie. */
export function defaultCarry(cards: readonly ReplyCard[]): ReplyCard | undefined {
	return cards.reduce<ReplyCard | undefined>((best, card) => (!best || card.score > best.score ? card : best), undefined);
}

/** Who replies next in this round, in learner order; undefined once everyone has. */
export function nextToReply(state: SessionState): string | undefined {
	if (state.phase !== 'learners') return undefined;
	const replied = new Set(state.messages.flatMap(message => (message.kind === 'learner' && message.round === state.round ? [message.learner] : [])));
	return state.learners.find(learner => !replied.has(learner));
}

/** On screen, learners can be shown as A, B, C… while the transcript keeps their names. */
export function displayNames(learners: readonly string[], anonymous: boolean): ReadonlyMap<string, string> {
	return new Map(learners.map((learner, index) => [learner, anonymous ? `Learner ${String.fromCharCode(65 + index)}` : learner]));
}
