import { z } from 'zod';
import { CriterionId } from '../scenario/schema.js';

import { TRANSCRIPT_VERSION } from './version.js';

const Evidence = z.strictObject({
	quote: z.string(),
	/** Character ranges of the matched words in this turn's text. */
	spans: z.array(z.tuple([z.number().int(), z.number().int()])),
});

const ReplyScore = z.strictObject({
	met: z.array(CriterionId),
	redFlags: z.array(z.string()),
	/** For each criterion met, the words that met it; for each red flag, the words that raised it. */
	evidence: z.array(z.strictObject({ kind: z.enum(['criterion', 'redFlag', 'against']), id: z.string(), ...Evidence.shape })),
});

const Turn = z.strictObject({
	role: z.enum(['partner', 'learner']),
	text: z.string(),
	time: z.string(),
	/** Learner turns: who wrote it (the learner's name; several in group mode). */
	learner: z.string().optional(),
	round: z.number().int().optional(),
	/** Group mode: the reply the conversation went on from. */
	carried: z.boolean().optional(),
	/** Learner turns: the rubric's result for this reply alone. */
	score: ReplyScore.optional(),
	/** Partner turns. */
	source: z.enum(['opening', 'script', 'model', 'fallback']).optional(),
	beat: z.string().optional(),
	attachment: z.string().optional(),
	interrupted: z.boolean().optional(),
	/** Version 2, scenarios with audiences: where it was said (an id from `audiences`). */
	audience: z.string().optional(),
	/** Version 2, partner turns: who said it, when not the partner (an id from `voices`). */
	voice: z.string().optional(),
});
export type TranscriptTurn = z.infer<typeof Turn>;

const ScoreJson = z.looseObject({
	scenario: z.string(),
	score: z.number(),
	max: z.number(),
	criteria: z.array(
		z.looseObject({ id: CriterionId, label: z.string(), met: z.boolean(), points: z.number(), max: z.number(), evidence: z.array(z.string()) }),
	),
	redFlags: z.array(z.looseObject({ id: z.string(), label: z.string(), evidence: z.array(z.string()) })),
});

const Comment = z.strictObject({ turn: z.number().int(), text: z.string(), by: z.string(), at: z.string() });

const Outcome = z.enum(['meets expectations', 'needs development', 'cause for concern']);

/** One supervisor's sign-off: who, when, the outcome and the summary. */
export const SignOff = z.strictObject({ reviewer: z.string(), signedAt: z.string(), outcome: Outcome, summary: z.string() });
export type SignOff = z.infer<typeof SignOff>;

/** The comments and the latest sign-off; the sign-offs it superseded in `history`, oldest first (version 2). */
export const Review = z.strictObject({
	comments: z.array(Comment),
	summary: z.string(),
	outcome: Outcome,
	reviewer: z.string(),
	signedAt: z.string(),
	history: z.array(SignOff).optional(),
});
export type Review = z.infer<typeof Review>;

export const Reflection = z.strictObject({ whatHappened: z.string(), soWhat: z.string(), nowWhat: z.string() });
export type Reflection = z.infer<typeof Reflection>;

/** A reply read (plain mode, typed ahead) but not yet sent when the file was written: as typed, awaiting an answer. */
const PendingReply = z.strictObject({ learner: z.string(), text: z.string(), time: z.string() });
export type PendingReply = z.infer<typeof PendingReply>;

/** Where the conversation could be written, as the scenario described it when it was recorded. */
const TranscriptAudience = z.strictObject({
	id: z.string(),
	label: z.string(),
	public: z.boolean(),
	size: z.number().int().optional(),
	members: z.array(z.string()),
});
export type TranscriptAudience = z.infer<typeof TranscriptAudience>;

export const Transcript = z.strictObject({
	version: z.union([z.literal(1), z.literal(TRANSCRIPT_VERSION)]),
	id: z.string(),
	scenario: z.strictObject({ id: z.string(), title: z.string(), contentHash: z.string() }),
	mode: z.enum(['roleplay', 'interview', 'group']),
	/** The learner's name; in group mode, the learners' names joined with commas. */
	learner: z.string(),
	learners: z.array(z.string()).min(1),
	partner: z.strictObject({
		kind: z.enum(['scripted', 'ollama', 'openai']),
		model: z.string().nullable(),
		host: z.string().nullable(),
		seed: z.number().int().nullable(),
	}),
	startedAt: z.string(),
	updatedAt: z.string(),
	endedAt: z.string().nullable(),
	/** "abandoned" until the conversation reaches its end, so a killed session reads as abandoned. */
	status: z.enum(['complete', 'abandoned', 'error']),
	endReason: z.enum(['turn-limit', 'learner', 'facilitator', 'scripted', 'abandoned']).nullable(),
	turnLimit: z.number().int(),
	turns: z.array(Turn),
	/** Version 2, scenarios with audiences: where a turn could be written, and the other voices by name. */
	audiences: z.array(TranscriptAudience).optional(),
	voices: z.array(z.strictObject({ id: z.string(), name: z.string() })).optional(),
	/** The whole conversation's score (one learner); in group mode, see `scores`. */
	score: ScoreJson.nullable(),
	scores: z.array(z.strictObject({ learner: z.string(), score: ScoreJson })).optional(),
	reflection: Reflection.nullable(),
	/** Replies the learner had sent that the session never reached (it was stopped first). */
	pending: z.array(PendingReply).optional(),
	review: Review.nullable(),
});
export type Transcript = z.infer<typeof Transcript>;
