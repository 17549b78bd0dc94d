import { z } from 'zod';

/** The file an SJT session leaves in the transcripts folder (kind "sjt", versioned like transcripts). */
export const SJT_RECORD_VERSION = 1;

const ItemRecord = z.strictObject({
	id: z.string(),
	title: z.string(),
	type: z.enum(['rank', 'best3']),
	topics: z.array(z.string()),
	answer: z.array(z.string()),
	ideal: z.array(z.string()),
	points: z.number().int().min(0),
	max: z.number().int().min(1),
	overSelected: z.boolean().optional(),
	timedOut: z.boolean(),
	seconds: z.number().min(0),
});

export const SjtRecord = z.strictObject({
	kind: z.literal('sjt'),
	version: z.literal(SJT_RECORD_VERSION),
	id: z.string(),
	learner: z.string(),
	startedAt: z.string(),
	updatedAt: z.string(),
	status: z.enum(['complete', 'abandoned']),
	timed: z.boolean(),
	seed: z.number().int(),
	filter: z.strictObject({ count: z.number().int().optional(), topic: z.string().optional(), type: z.enum(['rank', 'best3']).optional() }),
	items: z.array(ItemRecord),
	summary: z.strictObject({
		items: z.number().int(),
		points: z.number().int(),
		max: z.number().int(),
		percent: z.number(),
		byTopic: z.array(z.strictObject({ topic: z.string(), items: z.number().int(), points: z.number().int(), max: z.number().int(), percent: z.number() })),
		revisit: z.array(z.string()),
	}),
});
export type SjtRecord = z.infer<typeof SjtRecord>;
