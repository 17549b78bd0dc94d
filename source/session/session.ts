import { matchIn } from '../rubric/audience.js';
import type { CompiledRubric } from '../rubric/compile.js';
import { audienceFor, defaultAudience, findAudience, PARTNER_VOICE } from '../scenario/audiences.js';
import { combineReplies, type ConversationScore } from '../rubric/score.js';
import type { CriterionId, Scenario } from '../scenario/schema.js';
import type { EndReason, LearnerMessage, Message, PartnerRequest, PartnerTurn, SessionState } from './types.js';

export type SessionEvent =
	| { readonly type: 'partner-writing'; readonly text: string }
	| { readonly type: 'partner-said'; readonly turn: PartnerTurn; readonly time: string }
	| { readonly type: 'partner-failed'; readonly reason: string; readonly partial: string; readonly source: 'script' | 'model'; readonly time: string }
	| { readonly type: 'learner-replied'; readonly learner: string; readonly text: string; readonly time: string; readonly audience?: string | undefined }
	| { readonly type: 'carried'; readonly messageId: number; readonly time: string }
	| { readonly type: 'ended'; readonly reason: EndReason; readonly time: string };

export type SessionOptions = {
	readonly scenario: Scenario;
	readonly rubric: CompiledRubric;
	readonly learners: readonly string[];
	/** Replies each learner gives at most; the scenario's own limit unless overridden (--turns). */
	readonly turnLimit?: number;
	readonly time: string;
};

/** A new conversation: the partner's opening messages are already there, and the learners reply next. */
export function createSession({ scenario, rubric, learners, turnLimit, time }: SessionOptions): SessionState {
	if (learners.length === 0) throw new Error('a session needs at least one learner');
	const messages: Message[] = scenario.opening.map((message, index) => ({
		kind: 'partner',
		id: index,
		text: message.text,
		...(message.attachment === undefined ? {} : { attachment: message.attachment }),
		time,
		source: 'opening',
		...placed(scenario, message.voice, message.audience ?? defaultAudience(scenario)?.id),
	}));
	return {
		scenario,
		rubric,
		learners,
		turnLimit: turnLimit ?? scenario.turns,
		messages,
		phase: 'learners',
		round: 1,
		usedBeats: [],
		startedAt: time,
	};
}

/** The audience and voice fields of a message: none in a one-thread scenario, and no voice for the partner. */
function placed(scenario: Scenario, voice: string | undefined, audience: string | undefined): { audience?: string; voice?: string } {
	if (!scenario.audiences) return {};
	return { ...(audience === undefined ? {} : { audience }), ...(voice === undefined || voice === PARTNER_VOICE ? {} : { voice }) };
}

/** A partner turn's messages, in order: its own, then the other voices answering with it. */
function turnMessages(state: SessionState, turn: PartnerTurn, time: string): Message[] {
	const { scenario } = state;
	const heard = lastCarried(state)?.audience;
	const voice = turn.voice ?? PARTNER_VOICE;
	const audience = audienceFor(scenario, voice, turn.audience, heard);
	const first = nextId(state);
	const own = {
		kind: 'partner' as const,
		id: first,
		text: turn.text,
		time,
		source: turn.source,
		...(turn.beat === undefined ? {} : { beat: turn.beat }),
		...(turn.interrupted ? { interrupted: true } : {}),
		...placed(scenario, voice, audience),
	};
	const also = (turn.also ?? []).map((said, index) => ({
		kind: 'partner' as const,
		id: first + 1 + index,
		text: said.text,
		time,
		source: turn.source,
		...(turn.beat === undefined ? {} : { beat: turn.beat }),
		...placed(scenario, said.voice, audienceFor(scenario, said.voice, said.audience ?? turn.audience, heard)),
	}));
	return [...(turn.text.trim() === '' ? [] : [own]), ...also.filter(message => message.text.trim() !== '')];
}

function lastCarried(state: SessionState): LearnerMessage | undefined {
	return state.messages.findLast((message): message is LearnerMessage => message.kind === 'learner' && message.carried);
}

function nextId(state: SessionState): number {
	return state.messages.length === 0 ? 0 : state.messages[state.messages.length - 1]!.id + 1;
}

function repliesInRound(state: SessionState, round: number): LearnerMessage[] {
	return state.messages.filter((message): message is LearnerMessage => message.kind === 'learner' && message.round === round);
}

/** After a round's reply is carried: the partner answers, unless that was the last round. */
function afterCarried(state: SessionState, time: string): SessionState {
	if (state.round >= state.turnLimit) return { ...state, phase: 'ended', endReason: 'turn-limit', endedAt: time };
	return { ...state, phase: 'partner' };
}

/** The session's one way of changing: pure, so every front end drives it the same way. */
export function reduceSession(state: SessionState, event: SessionEvent): SessionState {
	if (state.phase === 'ended') return state;
	switch (event.type) {
		case 'partner-writing':
			return state.phase === 'partner' ? { ...state, writing: event.text, failure: undefined } : state;
		case 'partner-said': {
			if (state.phase !== 'partner') return state;
			const { turn } = event;
			const said = turnMessages(state, turn, event.time);
			const messages = said.length === 0 ? state.messages : [...state.messages, ...said];
			const usedBeats = turn.beat === undefined || state.usedBeats.includes(turn.beat) ? state.usedBeats : [...state.usedBeats, turn.beat];
			const next = { ...state, messages, usedBeats, writing: undefined, failure: undefined };
			if (turn.ends) return { ...next, phase: 'ended', endReason: 'scripted', endedAt: event.time };
			return { ...next, phase: 'learners', round: state.round + 1 };
		}
		case 'partner-failed': {
			if (state.phase !== 'partner') return state;
			// What arrived before the failure is kept, marked as cut off; the partner's turn is still due.
			const messages =
				event.partial.trim() === ''
					? state.messages
					: [
							...state.messages,
							{
								kind: 'partner' as const,
								id: nextId(state),
								text: event.partial,
								time: event.time,
								source: event.source,
								interrupted: true,
								...placed(state.scenario, undefined, audienceFor(state.scenario, PARTNER_VOICE, undefined, lastCarried(state)?.audience)),
							},
						];
			return { ...state, messages, writing: undefined, failure: event.reason };
		}
		case 'learner-replied': {
			if (state.phase !== 'learners' || !state.learners.includes(event.learner)) return state;
			if (repliesInRound(state, state.round).some(reply => reply.learner === event.learner)) return state;
			const solo = state.learners.length === 1;
			// A reply to an audience the scenario does not have goes where replies go by default.
			const audience = (findAudience(state.scenario, event.audience) ?? defaultAudience(state.scenario))?.id;
			const reply: LearnerMessage = {
				kind: 'learner',
				id: nextId(state),
				learner: event.learner,
				text: event.text,
				time: event.time,
				round: state.round,
				match: matchIn(
					state.rubric,
					event.text,
					audience,
					learnerReplies(state, event.learner).map(earlier => earlier.match),
				),
				carried: solo,
				...(audience === undefined ? {} : { audience }),
			};
			const next = { ...state, messages: [...state.messages, reply] };
			if (solo) return afterCarried(next, event.time);
			return repliesInRound(next, state.round).length === state.learners.length ? { ...next, phase: 'choosing' } : next;
		}
		case 'carried': {
			if (state.phase !== 'choosing') return state;
			const chosen = state.messages.find(message => message.id === event.messageId);
			if (chosen?.kind !== 'learner' || chosen.round !== state.round) return state;
			const messages = state.messages.map(message => (message === chosen ? { ...chosen, carried: true } : message));
			return afterCarried({ ...state, messages }, event.time);
		}
		case 'ended':
			return { ...state, phase: 'ended', endReason: event.reason, endedAt: event.time, writing: undefined };
	}
}

/** A learner's replies, in order; all replies with one learner. */
export function learnerReplies(state: SessionState, learner?: string): LearnerMessage[] {
	return state.messages.filter((message): message is LearnerMessage => message.kind === 'learner' && (learner === undefined || message.learner === learner));
}

/** The score of a learner's replies so far (each learner is scored on their own words). */
export function learnerScore(state: SessionState, learner: string = state.learners[0]!): ConversationScore {
	return combineReplies(
		state.rubric,
		learnerReplies(state, learner).map(reply => reply.match),
	);
}

function metBy(state: SessionState, replies: readonly LearnerMessage[]): CriterionId[] {
	return state.rubric.criteria.filter((_, index) => replies.some(reply => reply.match.criteria[index]!.met)).map(criterion => criterion.id);
}

/** What the partner is told for its next message, or undefined when it is not the partner's turn. */
export function partnerRequest(state: SessionState): PartnerRequest | undefined {
	if (state.phase !== 'partner') return undefined;
	const conversation = state.messages.filter(message => message.kind === 'partner' || message.carried);
	const carried = conversation.filter((message): message is LearnerMessage => message.kind === 'learner');
	const lastReply = carried[carried.length - 1];
	if (!lastReply) return undefined;
	return {
		scenario: state.scenario,
		conversation,
		lastReply,
		lastOutcome: {
			met: metBy(state, [lastReply]),
			redFlags: lastReply.match.redFlags.map(flag => flag.id),
			...(lastReply.audience === undefined ? {} : { audience: lastReply.audience }),
		},
		metSoFar: metBy(state, carried),
		stepsSoFar: state.rubric.steps.filter((_, index) => carried.some(reply => reply.match.steps[index]!.met)).map(step => step.id),
		usedBeats: state.usedBeats,
		round: state.round,
		turnLimit: state.turnLimit,
	};
}
