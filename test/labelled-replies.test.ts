import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { scorePlaced } from '../source/rubric/audience.js';
import { addressedLine } from '../source/scenario/audiences.js';
import { CriterionId } from '../source/scenario/schema.js';
import { bundledLibrary, rubricFor } from './helpers/library.js';

const KINDS = ['good', 'partial', 'typo', 'paraphrase', 'negated', 'stuffed'] as const;

/** A reply written by us, labelled by hand with what a fair marker would give it. */
const Labelled = z.strictObject({
	kind: z.enum(KINDS),
	/**
	 * One reply, or several for a conversation. In a scenario with audiences, a reply starting "@ellie "
	 * was written there, as plain mode reads it; any other went to the scenario's default audience.
	 */
	replies: z.array(z.string()).min(1),
	met: z.array(CriterionId),
	redFlags: z.array(z.string()),
});

const directory = join(import.meta.dirname, 'fixtures', 'labelled');
const cases = readdirSync(directory)
	.filter(name => name.endsWith('.yaml'))
	.flatMap(name => {
		const scenario = name.replace(/\.yaml$/, '');
		return z
			.array(Labelled)
			.parse(parse(readFileSync(join(directory, name), 'utf8')))
			.map(item => ({ scenario, ...item }));
	});

const REQUIRED = [
	'patient-dm-rash',
	'ward-selfie-whiteboard',
	'patient-friend-request',
	'whatsapp-clinical-image',
	'anonymised-case-post',
	'undeclared-endorsement',
	'online-argument',
	'student-advice-request',
];

describe('labelled replies', () => {
	it('hold at least 60 replies across the required scenarios, of every kind', () => {
		const required = cases.filter(item => REQUIRED.includes(item.scenario));
		expect(required.length).toBeGreaterThanOrEqual(60);
		expect(new Set(required.map(item => item.scenario))).toEqual(new Set(REQUIRED));
		expect(new Set(required.map(item => item.kind))).toEqual(new Set(KINDS));
	});

	it.each(cases.map(item => [`${item.scenario} · ${item.kind} · ${item.replies.join(' / ')}`, item] as const))('%s', (_, item) => {
		const rubric = rubricFor(item.scenario);
		const { scenario } = bundledLibrary().scenarios.find(loaded => loaded.scenario.id === item.scenario)!;
		const placed = item.replies.map(reply => addressedLine(scenario, reply));
		const unknown = placed.find(reply => reply.kind === 'unknown');
		if (unknown) throw new Error(`"@${unknown.name}" is not an audience of ${item.scenario}`);
		const score = scorePlaced(
			rubric,
			placed.flatMap(reply => (reply.kind === 'reply' ? [reply] : [])),
		);
		const actual = {
			met: score.criteria
				.filter(criterion => criterion.met)
				.map(criterion => criterion.id)
				.sort(),
			redFlags: score.redFlags.map(flag => flag.id).sort(),
		};
		expect(actual).toEqual({ met: [...item.met].sort(), redFlags: [...item.redFlags].sort() });
	});
});
