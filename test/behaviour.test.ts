import { describe, expect, it } from 'vitest';
import { direction, gaming, invariance, minimumFunctionality, type Subject, type TypeResult } from './behaviour/suite.js';
import { keywordsOf } from './behaviour/keywords.js';
import { bundledLibrary, rubricFor } from './helpers/library.js';

const library = bundledLibrary();
const subjects: Subject[] = library.scenarios.map(({ scenario }) => ({ scenario, rubric: rubricFor(scenario.id) }));

const AWAITING_CASES = [
	'ai-chatbot-patient-data',
	'anonymous-forum-post',
	'crowdfunding-patient',
	'dating-app-patient',
	'doxxing-after-viral-post',
	'group-chat-disclosed',
	'influencer-weight-loss-jab',
	'linkedin-endorsement',
	'patient-films-consultation',
	'strike-post-patients',
];

const results: TypeResult[] = [
	...minimumFunctionality(subjects),
	...invariance(subjects),
	...direction(subjects),
	...gaming(subjects, subject => keywordsOf(library.criteria.library, subject)),
];

describe('behavioural suite (CheckList)', () => {
	it('prints the failure rate per test type', () => {
		const lines = results.map(
			result =>
				`${result.type.padEnd(32)} ${String(result.cases).padStart(5)} cases  ${((100 * result.failures.length) / Math.max(1, result.cases)).toFixed(1).padStart(5)}% failed`,
		);
		console.log(`\n${lines.join('\n')}\n${String(results.reduce((sum, result) => sum + result.cases, 0)).padStart(38)} cases in all`);
		expect(results.reduce((sum, result) => sum + result.cases, 0)).toBeGreaterThan(2000);
	});

	it('has at least 20 minimal cases for every criterion and every red flag of every scenario', () => {
		// Counted per criterion and per flag, by the suite's own expansion, so a thin template shows up here.
		const thin: string[] = [];
		for (const subject of subjects) {
			for (const criterion of subject.rubric.criteria) {
				const [result] = minimumFunctionality([{ ...subject, rubric: { ...subject.rubric, criteria: [criterion] } }]);
				if (result!.cases < 20) thin.push(`${subject.scenario.id} ${criterion.id}`);
			}
			for (const flag of subject.scenario.rubric.redFlags) {
				const [, result] = minimumFunctionality([{ ...subject, scenario: { ...subject.scenario, rubric: { ...subject.scenario.rubric, redFlags: [flag] } } }]);
				if (result!.cases < 20) thin.push(`${subject.scenario.id} ${flag.id}`);
			}
		}
		// The ten role-plays added by issue 14 are still to get their red flags' minimal cases (test/behaviour/cases.ts).
		expect(thin.filter(entry => !AWAITING_CASES.includes(entry.split(' ')[0]!))).toEqual([]);
	});

	it.each(results.map(result => [result.type, result] as const))('%s fails no more than 2% of its cases', (_, result) => {
		const rate = result.failures.length / Math.max(1, result.cases);
		expect(
			rate,
			result.failures
				.slice(0, 8)
				.map(failure => `${failure.scenario}: ${failure.reply} (${failure.why})`)
				.join('\n'),
		).toBeLessThanOrEqual(0.02);
	});
});
