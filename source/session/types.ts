import type { CompiledRubric } from '../rubric/compile.js';
import type { ReplyMatch } from '../rubric/match.js';
import type { CriterionId, Scenario } from '../scenario/schema.js';

/** Where a partner message came from. */
export type PartnerSource = 'opening' | 'script' | 'model' | 'fallback';

export type PartnerMessage = {
	readonly kind: 'partner';
	readonly id: number;
	readonly text: string;
	readonly attachment?: string;
	/** ISO timestamp. */
	readonly time: string;
	readonly source: PartnerSource;
	/** The scripted beat it was, or stood in for. */
	readonly beat?: string;
	/** Generation stopped part-way (cancelled or failed); the text is what had arrived. */
	readonly interrupted?: boolean;
	/** Where it was said: one of the scenario's audiences; absent in a one-thread scenario. */
	readonly audience?: string;
	/** Who said it, when not the partner: one of the scenario's other voices. */
	readonly voice?: string;
};

export type LearnerMessage = {
	readonly kind: 'learner';
	readonly id: number;
	readonly learner: string;
	readonly text: string;
	readonly time: string;
	/** Which round of the conversation (from 1): one reply per learner per round. */
	readonly round: number;
	readonly match: ReplyMatch;
	/** The reply the conversation went on from: always, with one learner; the facilitator's choice in a group. */
	readonly carried: boolean;
	/** Where the learner wrote it: one of the scenario's audiences; absent in a one-thread scenario. */
	readonly audience?: string;
};

export type Message = PartnerMessage | LearnerMessage;

/** Why a conversation ended; in a group, the facilitator ends it (Ctrl+E), not a learner. */
export type EndReason = 'turn-limit' | 'learner' | 'facilitator' | 'scripted' | 'abandoned';

/**
 * What the session waits for: the partner's next message, learners' replies, the facilitator's choice
 * of which reply carries on (group mode), or nothing, once it has ended.
 */
export type Phase = 'partner' | 'learners' | 'choosing' | 'ended';

export type SessionState = {
	readonly scenario: Scenario;
	readonly rubric: CompiledRubric;
	/** Who replies, in order; one name except in group mode. */
	readonly learners: readonly string[];
	readonly turnLimit: number;
	readonly messages: readonly Message[];
	readonly phase: Phase;
	/** The round learners are replying in, from 1. */
	readonly round: number;
	readonly usedBeats: readonly string[];
	readonly startedAt: string;
	readonly endedAt?: string;
	readonly endReason?: EndReason;
	/** The partner is writing: the text so far ('' while only the typing indicator shows). */
	readonly writing?: string;
	/** The partner's last attempt failed; the conversation waits for a retry or the scripted partner. */
	readonly failure?: string;
};

/** What a partner is told for its next message: never the rubric's evidence, only what the learner did. */
export type PartnerRequest = {
	readonly scenario: Scenario;
	/** The conversation as the partner saw it: its messages and the replies that carried on. */
	readonly conversation: readonly Message[];
	readonly lastReply: LearnerMessage;
	/** The criteria the last reply met and the red flags it raised, by id. */
	readonly lastOutcome: {
		readonly met: readonly CriterionId[];
		readonly redFlags: readonly string[];
		/** Where the last reply was written, in a scenario with audiences. */
		readonly audience?: string;
	};
	/** Criteria met by any reply so far. */
	readonly metSoFar: readonly CriterionId[];
	/** Interviews: structure steps taken in any answer so far. */
	readonly stepsSoFar: readonly string[];
	readonly usedBeats: readonly string[];
	readonly round: number;
	readonly turnLimit: number;
};

/** One more message in a partner's turn: another voice answering (a second member of the group). */
export type AlsoSaid = { readonly text: string; readonly voice: string; readonly audience?: string };

export type PartnerTurn = {
	readonly text: string;
	readonly source: Exclude<PartnerSource, 'opening'>;
	readonly beat?: string;
	/** The partner has finished: the conversation ends after this message. */
	readonly ends: boolean;
	readonly interrupted?: boolean;
	/** Who says it and where, in a scenario with audiences (the partner, where the learner wrote, when absent). */
	readonly voice?: string;
	readonly audience?: string;
	/** Other voices answering in the same turn, after this message. */
	readonly also?: readonly AlsoSaid[];
};

/** Who plays the other party, as recorded in a transcript. */
export type PartnerInfo = {
	readonly kind: 'scripted' | 'ollama' | 'openai';
	readonly model: string | null;
	readonly host: string | null;
	readonly seed: number | null;
};

/** The other party in a conversation: scripted beats, or a local LLM. */
export interface Partner {
	readonly info: PartnerInfo;
	/** The next message. `onText` receives the text so far while it is being written. */
	respond(request: PartnerRequest, options: { readonly signal: AbortSignal; readonly onText?: (textSoFar: string) => void }): Promise<PartnerTurn>;
}

/** The partner's message could not be had: `partial` is what arrived before it stopped. */
export class PartnerFailure extends Error {
	constructor(
		message: string,
		readonly partial: string,
	) {
		super(message);
		this.name = 'PartnerFailure';
	}
}
