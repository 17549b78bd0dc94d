import type { ItemFilter, SjtResult } from './practice.js';
import { summarise } from './practice.js';
import { SJT_RECORD_VERSION, type SjtRecord } from './record.js';

export type SjtRecordMeta = {
	readonly id: string;
	readonly learner: string;
	readonly startedAt: string;
	readonly timed: boolean;
	readonly seed: number;
	readonly filter: ItemFilter;
};

/** The session as it will be saved: every answer, its marks, and the summary so far. */
export function toSjtRecord(meta: SjtRecordMeta, results: readonly SjtResult[], status: SjtRecord['status'], updatedAt: string): SjtRecord {
	const summary = summarise(results);
	return {
		kind: 'sjt',
		version: SJT_RECORD_VERSION,
		id: meta.id,
		learner: meta.learner,
		startedAt: meta.startedAt,
		updatedAt,
		status,
		timed: meta.timed,
		seed: meta.seed,
		filter: {
			...(meta.filter.count === undefined ? {} : { count: meta.filter.count }),
			...(meta.filter.topic ? { topic: meta.filter.topic } : {}),
			...(meta.filter.type ? { type: meta.filter.type } : {}),
		},
		items: results.map(result => ({
			id: result.item.id,
			title: result.item.title,
			type: result.item.type,
			topics: [...result.item.topics],
			answer: [...result.answer],
			ideal: [...result.item.answer],
			points: result.score.points,
			max: result.score.max,
			...(result.score.type === 'best3' && result.score.overSelected ? { overSelected: true } : {}),
			timedOut: result.timedOut,
			seconds: Math.round(result.seconds * 10) / 10,
		})),
		summary: { ...summary, byTopic: summary.byTopic.map(topic => ({ ...topic })), revisit: [...summary.revisit] },
	};
}
