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
	// A sweep over where spans start and end (not every span tested against every cut): a transcript
	// with 50,000 spans is cut in milliseconds, not the half-minute per keypress it once took.
	const changes = new Map<number, { readonly starts: number[]; readonly ends: number[] }>();
	const at = (point: number) => {
		let change = changes.get(point);
		if (!change) changes.set(point, (change = { starts: [], ends: [] }));
		return change;
	};
	at(0);
	at(text.length);
	evidence.forEach((item, index) => {
		for (const [start, end] of item.spans) {
			const [from, to] = [clamp(start), clamp(end)];
			if (from >= to) continue;
			at(from).starts.push(index);
			at(to).ends.push(index);
		}
	});
	const points = [...changes.keys()].sort((a, b) => a - b);
	/** How many of each item's spans cover the stretch being cut. */
	const covering = new Map<number, number>();
	const runs: EvidenceRun[] = [];
	for (let index = 0; index + 1 < points.length; index++) {
		const [start, end] = [points[index]!, points[index + 1]!];
		const change = changes.get(start)!;
		for (const item of change.ends) covering.set(item, covering.get(item)! - 1);
		for (const item of change.starts) covering.set(item, (covering.get(item) ?? 0) + 1);
		for (const [item, count] of covering) if (count === 0) covering.delete(item);
		const items = [...covering.keys()].sort((a, b) => a - b).map(item => evidence[item]!);
		const previous = runs.at(-1);
		if (previous && sameItems(previous.items, items)) runs[runs.length - 1] = { text: previous.text + text.slice(start, end), items };
		else runs.push({ text: text.slice(start, end), items });
	}
	return runs;
}

function sameItems(a: readonly EvidenceItem[], b: readonly EvidenceItem[]): boolean {
	return a.length === b.length && a.every((item, index) => item === b[index]);
}
