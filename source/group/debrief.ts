import type { Scenario } from '../scenario/schema.js';
import { learnerScore } from '../session/session.js';
import type { SessionState } from '../session/types.js';

export type GroupRow = {
	readonly learner: string;
	/** Criterion id → met in any of this learner's replies. */
	readonly met: Readonly<Record<string, boolean>>;
	readonly redFlags: readonly string[];
	readonly score: number;
	readonly max: number;
};

export type GroupTable = { readonly criteria: readonly { readonly id: string; readonly label: string }[]; readonly rows: readonly GroupRow[] };

/** Learner × criterion: each learner scored on their own words across the whole conversation. */
export function groupTable(state: SessionState): GroupTable {
	const criteria = state.rubric.criteria.map(criterion => ({ id: criterion.id, label: criterion.label }));
	const rows = state.learners.map(learner => {
		const score = learnerScore(state, learner);
		return {
			learner,
			met: Object.fromEntries(score.criteria.map(criterion => [criterion.id, criterion.met])),
			redFlags: score.redFlags.map(flag => flag.label),
			score: score.score,
			max: score.max,
		};
	});
	return { criteria, rows };
}

/**
 * Three questions for the group to talk through, drawn from how the group did: the criterion fewest
 * met, the red flags raised, and what the partner needed.
 */
export function discussionQuestions(scenario: Scenario, table: GroupTable): [string, string, string] {
	const fewest = [...table.criteria].sort((a, b) => table.rows.filter(row => row.met[a.id]).length - table.rows.filter(row => row.met[b.id]).length)[0];
	const metBy = fewest ? table.rows.filter(row => row.met[fewest.id]).length : 0;
	const flags = [...new Set(table.rows.flatMap(row => row.redFlags))];
	return [
		!fewest
			? 'Which reply would you most want to receive, and why?'
			: metBy === table.rows.length
				? `Everyone met every criterion. Which reply would ${scenario.partner.name} most want to receive, and which line would you borrow from someone else's?`
				: `${fewest.label} was met by ${metBy} of ${table.rows.length}. What made it hard to include, and what words would you use next time?`,
		flags.length > 0
			? `The group raised: ${flags.join('; ')}. Why is that unsafe here, even when it is meant kindly?`
			: `No red flags this time. Which tempting reply did you decide against, and why?`,
		`${scenario.partner.name} wanted: ${scenario.partner.wants.replace(/\.$/, '')}. Which reply met that need through a safe route, and how did it sound to them?`,
	];
}
