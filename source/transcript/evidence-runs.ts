import type { TranscriptTurn } from './schema.js';

export type EvidenceItem = NonNullable<TranscriptTurn['score']>['evidence'][number];

/** A stretch of a reply and the evidence resting on every character of it (none for plain text). */
export type EvidenceRun = { readonly text: string; readonly items: readonly EvidenceItem[] };

/**
 * A learner's reply cut where evidence starts and ends. Joining the runs' text gives the reply back
 * exactly: spans only decide where the cuts fall, and ones past the end are clamped to it.
 */
export function evidenceRuns(text: string, evidence: readonly EvidenceItem[]): EvidenceRun[] {
	const clamp = (at: number) => Math.max(0, Math.min(text.length, at));
	const cuts = new Set([0, text.length]);
	for (const item of evidence) for (const [start, end] of item.spans) cuts.add(clamp(start)).add(clamp(end));
	const points = [...cuts].sort((a, b) => a - b);
	const runs: EvidenceRun[] = [];
	for (let index = 0; index + 1 < points.length; index++) {
		const [start, end] = [points[index]!, points[index + 1]!];
		const items = evidence.filter(item => item.spans.some(([from, to]) => from <= start && to >= end));
		const previous = runs.at(-1);
		if (previous && sameItems(previous.items, items)) runs[runs.length - 1] = { text: previous.text + text.slice(start, end), items };
		else runs.push({ text: text.slice(start, end), items });
	}
	return runs;
}

function sameItems(a: readonly EvidenceItem[], b: readonly EvidenceItem[]): boolean {
	return a.length === b.length && a.every((item, index) => item === b[index]);
}
