import type { CompiledRubric } from '../rubric/compile.js';
import { scorePlaced } from '../rubric/audience.js';
import type { Transcript } from '../transcript/schema.js';

export type ScoreChange =
	| { readonly kind: 'same' }
	/** The scenario is no longer in the library (renamed or removed): there is nothing to score against. */
	| { readonly kind: 'gone' }
	| {
			readonly kind: 'changed';
			readonly then: { readonly score: number; readonly max: number } | null;
			readonly now: { readonly score: number; readonly max: number };
			/** Criteria whose result or points moved, or that were added or dropped. */
			readonly criteria: readonly { readonly id: string; readonly label: string; readonly then: string; readonly now: string }[];
			readonly redFlags: { readonly raised: readonly string[]; readonly cleared: readonly string[] };
	  }
	/** A group session: each learner's own words, scored then and by today's rubric. */
	| {
			readonly kind: 'changed-group';
			readonly learners: readonly {
				readonly learner: string;
				readonly then: { readonly score: number; readonly max: number } | null;
				readonly now: { readonly score: number; readonly max: number };
			}[];
	  };

function describe(criterion: { met: boolean; points: number; max: number } | undefined): string {
	return criterion ? `${criterion.met ? 'met' : 'missed'} ${criterion.points}/${criterion.max}` : 'not scored';
}

/**
 * The transcript's score then beside the same words scored by today's rubric, when the scenario or
 * criteria have changed since (the content hash differs). Only the learner's own words are scored,
 * so the comparison is fair whatever the partner said.
 */
export function rescore(
	transcript: Transcript,
	current: { readonly contentHash: string; readonly rubric: CompiledRubric } | undefined,
	learner = transcript.learners[0]!,
): ScoreChange {
	if (!current) return { kind: 'gone' };
	if (current.contentHash === transcript.scenario.contentHash) return { kind: 'same' };
	const then = transcript.score ?? transcript.scores?.find(entry => entry.learner === learner)?.score ?? null;
	const replies = transcript.turns
		.filter(turn => turn.role === 'learner' && (turn.learner ?? learner) === learner)
		.map(turn => ({ text: turn.text, audience: turn.audience }));
	const now = scorePlaced(current.rubric, replies);
	const ids = [...new Set([...(then?.criteria.map(criterion => criterion.id) ?? []), ...now.criteria.map(criterion => criterion.id)])];
	const criteria = ids.flatMap(id => {
		const before = then?.criteria.find(criterion => criterion.id === id);
		const after = now.criteria.find(criterion => criterion.id === id);
		const label = after?.label ?? before?.label ?? id;
		const [was, is] = [describe(before), describe(after)];
		return was === is ? [] : [{ id, label, then: was, now: is }];
	});
	const flagsThen = new Set(then?.redFlags.map(flag => flag.label) ?? []);
	const flagsNow = new Set(now.redFlags.map(flag => flag.label));
	return {
		kind: 'changed',
		then: then ? { score: then.score, max: then.max } : null,
		now: { score: now.score, max: now.max },
		criteria,
		redFlags: { raised: [...flagsNow].filter(flag => !flagsThen.has(flag)), cleared: [...flagsThen].filter(flag => !flagsNow.has(flag)) },
	};
}

/** A group session's scores then and now, learner by learner, when the scenario or criteria have changed. */
export function rescoreGroup(transcript: Transcript, current: { readonly contentHash: string; readonly rubric: CompiledRubric } | undefined): ScoreChange {
	const learners = transcript.learners.flatMap(learner => {
		const change = rescore(transcript, current, learner);
		return change.kind === 'changed' ? [{ learner, then: change.then, now: change.now }] : [];
	});
	if (learners.length === 0) return rescore(transcript, current);
	return { kind: 'changed-group', learners };
}
