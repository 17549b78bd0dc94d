import { evidenceRuns, type EvidenceItem } from '../transcript/evidence-runs.js';
import type { TranscriptTurn } from '../transcript/schema.js';

/** Each criterion's own mark in a highlighted reply, so evidence reads without colour. */
export const CRITERION_MARKS: Readonly<Record<string, string>> = {
	boundaries: 'B',
	signposting: 'S',
	documentation: 'D',
	confidentiality: 'C',
	transparency: 'T',
	escalation: 'E',
	respect: 'R',
};
/** The key to the criterion marks: "B Professional boundaries · S Signposting to a safe route". */
export function criterionKey(criteria: readonly { readonly id: string; readonly label: string }[]): string {
	return criteria.map(criterion => `${CRITERION_MARKS[criterion.id] ?? criterion.id} ${criterion.label}`).join(' · ');
}
export const RED_FLAG_MARK = '⚑';
export const AGAINST_MARK = '¬';

export type MarkedRun = { readonly text: string; readonly marks: readonly string[]; readonly flagged: boolean };

export function markOf(item: Pick<EvidenceItem, 'kind' | 'id'>): string {
	if (item.kind === 'redFlag') return RED_FLAG_MARK;
	if (item.kind === 'against') return `${AGAINST_MARK}${CRITERION_MARKS[item.id] ?? '?'}`;
	return CRITERION_MARKS[item.id] ?? '?';
}

/**
 * A learner's reply cut into runs: plain text, and the words the rubric used, each with the marks of
 * every criterion or red flag that rests on them. The text itself is never changed.
 */
export function markedRuns(turn: Pick<TranscriptTurn, 'text' | 'score'>): MarkedRun[] {
	return evidenceRuns(turn.text, turn.score?.evidence ?? []).map(run => ({
		text: run.text,
		marks: [...new Set(run.items.map(markOf))].sort(),
		flagged: run.items.some(item => item.kind === 'redFlag'),
	}));
}
