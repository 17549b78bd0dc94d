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
export const RED_FLAG_MARK = '⚑';
export const AGAINST_MARK = '¬';

export type MarkedRun = { readonly text: string; readonly marks: readonly string[]; readonly flagged: boolean };

function markOf(item: NonNullable<TranscriptTurn['score']>['evidence'][number]): string {
	if (item.kind === 'redFlag') return RED_FLAG_MARK;
	if (item.kind === 'against') return `${AGAINST_MARK}${CRITERION_MARKS[item.id] ?? '?'}`;
	return CRITERION_MARKS[item.id] ?? '?';
}

/**
 * A learner's reply cut into runs: plain text, and the words the rubric used, each with the marks of
 * every criterion or red flag that rests on them. The text itself is never changed.
 */
export function markedRuns(turn: Pick<TranscriptTurn, 'text' | 'score'>): MarkedRun[] {
	const { text } = turn;
	const evidence = turn.score?.evidence ?? [];
	const cuts = new Set([0, text.length]);
	for (const item of evidence) for (const [start, end] of item.spans) cuts.add(Math.max(0, Math.min(text.length, start))).add(Math.max(0, Math.min(text.length, end)));
	const points = [...cuts].sort((a, b) => a - b);
	const runs: MarkedRun[] = [];
	for (let index = 0; index + 1 < points.length; index++) {
		const [start, end] = [points[index]!, points[index + 1]!];
		const covering = evidence.filter(item => item.spans.some(([from, to]) => from <= start && to >= end));
		const marks = [...new Set(covering.map(markOf))].sort();
		const flagged = covering.some(item => item.kind === 'redFlag');
		const previous = runs.at(-1);
		if (previous && previous.marks.join() === marks.join()) runs[runs.length - 1] = { ...previous, text: previous.text + text.slice(start, end) };
		else runs.push({ text: text.slice(start, end), marks, flagged });
	}
	return runs;
}
