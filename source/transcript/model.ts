import type { Evidence } from '../rubric/match.js';
import { toScoreJson } from '../rubric/score.js';
import { learnerScore } from '../session/session.js';
import type { LearnerMessage, Message, PartnerInfo, SessionState } from '../session/types.js';
import type { Reflection, Review, Transcript, TranscriptTurn } from './schema.js';
import { TRANSCRIPT_VERSION } from './version.js';

export type TranscriptMeta = {
	readonly id: string;
	readonly contentHash: string;
	readonly partner: PartnerInfo;
	readonly group: boolean;
	readonly updatedAt: string;
	readonly reflection?: Reflection | null;
	readonly review?: Review | null;
};

function evidenceOf(kind: 'criterion' | 'redFlag' | 'against', id: string, evidence: readonly Evidence[]) {
	return evidence.map(item => ({ kind, id, quote: item.quote, spans: item.spans.map(([start, end]) => [start, end] as [number, number]) }));
}

function learnerTurn(state: SessionState, message: LearnerMessage, group: boolean): TranscriptTurn {
	const { rubric } = state;
	const { match } = message;
	return {
		role: 'learner',
		text: message.text,
		time: message.time,
		learner: message.learner,
		round: message.round,
		...(group ? { carried: message.carried } : {}),
		...(message.audience === undefined ? {} : { audience: message.audience }),
		score: {
			met: rubric.criteria.filter((_, index) => match.criteria[index]!.met).map(criterion => criterion.id),
			redFlags: match.redFlags.map(flag => flag.id),
			evidence: [
				...rubric.criteria.flatMap((criterion, index) => [
					...evidenceOf('criterion', criterion.id, match.criteria[index]!.evidence),
					...evidenceOf('against', criterion.id, match.criteria[index]!.against),
				]),
				...match.redFlags.flatMap(flag => evidenceOf('redFlag', flag.id, flag.evidence)),
			],
		},
	};
}

function turnOf(state: SessionState, message: Message, group: boolean): TranscriptTurn {
	if (message.kind === 'learner') return learnerTurn(state, message, group);
	return {
		role: 'partner',
		text: message.text,
		time: message.time,
		source: message.source,
		...(message.beat === undefined ? {} : { beat: message.beat }),
		...(message.attachment === undefined ? {} : { attachment: message.attachment }),
		...(message.interrupted ? { interrupted: true } : {}),
		...(message.audience === undefined ? {} : { audience: message.audience }),
		...(message.voice === undefined ? {} : { voice: message.voice }),
	};
}

/**
 * The transcript of a session as it stands: every turn with its score, and the final score once it
 * has ended. Status stays "abandoned" until the conversation ends, so a file left by a crash or a
 * kill is already an honest record.
 */
export function toTranscript(state: SessionState, meta: TranscriptMeta): Transcript {
	const { scenario, rubric } = state;
	const ended = state.phase === 'ended' && state.endReason !== 'abandoned';
	const scoreOf = (learner: string) => toScoreJson(learnerScore(state, learner), rubric);
	return {
		version: TRANSCRIPT_VERSION,
		id: meta.id,
		scenario: { id: scenario.id, title: scenario.title, contentHash: meta.contentHash },
		mode: meta.group ? 'group' : scenario.mode,
		learner: state.learners.join(', '),
		learners: [...state.learners],
		partner: { ...meta.partner },
		startedAt: state.startedAt,
		updatedAt: meta.updatedAt,
		endedAt: state.endedAt ?? null,
		status: ended ? 'complete' : 'abandoned',
		endReason: state.endReason ?? null,
		turnLimit: state.turnLimit,
		turns: state.messages.map(message => turnOf(state, message, meta.group)),
		...(scenario.audiences
			? {
					audiences: scenario.audiences.map(audience => ({
						id: audience.id,
						label: audience.label,
						public: audience.public,
						...(audience.size === undefined ? {} : { size: audience.size }),
						members: [...audience.members],
					})),
					voices: scenario.voices.map(voice => ({ id: voice.id, name: voice.name })),
				}
			: {}),
		score: meta.group ? null : scoreOf(state.learners[0]!),
		...(meta.group ? { scores: state.learners.map(learner => ({ learner, score: scoreOf(learner) })) } : {}),
		reflection: meta.reflection ?? null,
		review: meta.review ?? null,
	};
}
