import type { CriterionId } from '../scenario/schema.js';
import type { CompiledRubric } from './compile.js';
import { matchReply, type Evidence, type ReplyMatch } from './match.js';

/** Evidence from one reply of a conversation; `reply` counts from 0. */
export type QuotedEvidence = Evidence & { readonly reply: number };

export type CriterionScore = {
	readonly id: CriterionId;
	readonly label: string;
	readonly met: boolean;
	readonly points: number;
	readonly max: number;
	/** The words that met it, kept when a red flag undid it, so the debrief shows both. */
	readonly evidence: readonly QuotedEvidence[];
	/** The words that undid it: a red flag's that breaches it, or else words that negated its evidence. */
	readonly against: readonly QuotedEvidence[];
	/** Red flags raised in the conversation that undo this criterion (its `breaches`). */
	readonly undoneBy: readonly { readonly id: string; readonly label: string }[];
	/** The library's feedback for met or missed, whichever applies. */
	readonly feedback: string;
};

/** An interview answer's structure step: taken or not, with the words that show it. */
export type StepScore = {
	readonly id: string;
	readonly label: string;
	readonly met: boolean;
	readonly evidence: readonly QuotedEvidence[];
	readonly against: readonly QuotedEvidence[];
	/** What the answer should have done, when it did not. */
	readonly missed: string;
};

export type RedFlagScore = {
	readonly id: string;
	readonly label: string;
	readonly why: string;
	readonly evidence: readonly QuotedEvidence[];
};

export type ConversationScore = {
	readonly scenario: string;
	readonly score: number;
	readonly max: number;
	/** Points earned before a red flag capped them. */
	readonly earned: number;
	readonly capped: boolean;
	/** Nothing in the replies touches this situation (see CompiledRubric.topic): the total stops short of full marks. */
	readonly offTopic: boolean;
	readonly criteria: readonly CriterionScore[];
	/** Interviews: the steps of a well-structured answer (empty for a role-play). */
	readonly structure: readonly StepScore[];
	readonly redFlags: readonly RedFlagScore[];
	/** Each reply's own result, in order. */
	readonly replies: readonly ReplyMatch[];
};

/** Words from which a conversation that never touches its situation's own words is about another one. */
const LONG_REPLY = 55;

/**
 * Combines per-reply results into the conversation's score: a criterion met in any reply counts; red
 * flags are kept apart and cap the total below full marks without erasing the evidence for the rest.
 */
export function combineReplies(rubric: CompiledRubric, replies: readonly ReplyMatch[]): ConversationScore {
	const redFlags = rubric.redFlags.flatMap((flag): (RedFlagScore & { readonly breaches: readonly number[] })[] => {
		const evidence = replies.flatMap((reply, turn) =>
			(reply.redFlags.find(raised => raised.id === flag.id)?.evidence ?? []).map(item => ({ ...item, reply: turn })),
		);
		return evidence.length > 0 ? [{ ...flag, evidence }] : [];
	});
	const criteria = rubric.criteria.map((criterion, index): CriterionScore => {
		const evidence = replies.flatMap((reply, turn) => reply.criteria[index]!.evidence.map(item => ({ ...item, reply: turn })));
		const undoing = redFlags.filter(flag => flag.breaches.includes(index));
		const spoilt = replies.flatMap((reply, turn) => reply.criteria[index]!.spoilt.map(item => ({ ...item, reply: turn })));
		const met = evidence.length > 0 && undoing.length === 0 && spoilt.length === 0;
		const negated = () => replies.flatMap((reply, turn) => reply.criteria[index]!.against.map(item => ({ ...item, reply: turn })));
		return {
			id: criterion.id,
			label: criterion.label,
			met,
			points: met ? criterion.points : 0,
			max: criterion.points,
			evidence,
			against: undoing.length > 0 || spoilt.length > 0 ? [...undoing.flatMap(flag => flag.evidence), ...spoilt] : met ? [] : negated(),
			undoneBy: undoing.map(flag => ({ id: flag.id, label: flag.label })),
			feedback: met ? criterion.feedback.met : criterion.feedback.missed,
		};
	});
	const structure = rubric.steps.map((step, index): StepScore => {
		const evidence = replies.flatMap((reply, turn) => reply.steps[index]!.evidence.map(item => ({ ...item, reply: turn })));
		const met = evidence.length > 0;
		return {
			...step,
			met,
			evidence,
			against: met ? [] : replies.flatMap((reply, turn) => reply.steps[index]!.against.map(item => ({ ...item, reply: turn }))),
		};
	});
	const earned = criteria.reduce((sum, criterion) => sum + criterion.points, 0);
	const cap = Math.floor(rubric.max * rubric.redFlagCap);
	const capped = redFlags.length > 0 && earned > cap;
	// Full marks need a conversation about this situation: not one addressed to someone else by name,
	// nor a long one that never touches the situation's own words.
	const words = replies.reduce((sum, reply) => sum + reply.words, 0);
	const touches = replies.reduce((sum, reply) => sum + reply.topical, 0);
	const offTopic = replies.length > 0 && rubric.topic.size > 0 && (replies.some(reply => reply.addressesSomeoneElse) || (words >= LONG_REPLY && touches < 2));
	const total = capped ? cap : earned;
	return {
		scenario: rubric.scenarioId,
		score: offTopic && total === rubric.max ? rubric.max - 1 : total,
		max: rubric.max,
		earned,
		capped,
		offTopic,
		criteria,
		structure,
		redFlags: redFlags.map(({ id, label, why, evidence }) => ({ id, label, why, evidence })),
		replies,
	};
}

/** Scores a whole conversation: the learner's replies, in order. Same words, same result. */
export function scoreConversation(rubric: CompiledRubric, replies: readonly string[]): ConversationScore {
	const matches: ReplyMatch[] = [];
	for (const reply of replies) matches.push(matchReply(rubric, reply, matches));
	return combineReplies(rubric, matches);
}

/** The score JSON of DESIGN.md, with the explanation fields beside the contract's. */
export function toScoreJson(score: ConversationScore, rubric: CompiledRubric) {
	return {
		scenario: score.scenario,
		score: score.score,
		max: score.max,
		capped: score.capped,
		...(score.offTopic ? { offTopic: true } : {}),
		criteria: score.criteria.map(criterion => ({
			id: criterion.id,
			label: criterion.label,
			met: criterion.met,
			points: criterion.points,
			max: criterion.max,
			evidence: criterion.evidence.map(item => item.quote),
			against: criterion.against.map(item => item.quote),
			undoneBy: criterion.undoneBy.map(flag => flag.id),
			feedback: criterion.feedback,
		})),
		// Interviews only, so a role-play's score JSON is exactly the documented shape.
		...(score.structure.length > 0
			? {
					structure: score.structure.map(step => ({
						id: step.id,
						label: step.label,
						met: step.met,
						evidence: step.evidence.map(item => item.quote),
						...(step.met ? {} : { missed: step.missed }),
					})),
				}
			: {}),
		redFlags: score.redFlags.map(flag => ({
			id: flag.id,
			label: flag.label,
			why: flag.why,
			evidence: flag.evidence.map(item => (item.identifier ? `${item.reason}: ${item.quote}` : item.quote)),
		})),
		replies: score.replies.map((reply, turn) => ({
			reply: turn + 1,
			met: rubric.criteria.filter((_, index) => reply.criteria[index]!.met).map(criterion => criterion.id),
			redFlags: reply.redFlags.map(flag => flag.id),
		})),
	};
}
export type ScoreJson = ReturnType<typeof toScoreJson>;
