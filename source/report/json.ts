import type { Report } from './aggregate.js';

/** The report as `--json` prints it: counts and rates (0..1), the trend, and what was left out. */
export function reportJson(report: Report) {
	return {
		sessions: report.sessions.length,
		...(report.learner === undefined ? {} : { learner: report.learner }),
		...(report.since === undefined ? {} : { since: report.since }),
		criteria: report.criteria.map(({ id, label, met, of, rate }) => ({ id, label, met, of, rate })),
		trend: report.sessions.map(({ id, scenario, learner, startedAt, score, max, signOffs }) => ({
			id,
			scenario,
			learner,
			startedAt,
			score,
			max,
			signOffs: signOffs.map(({ reviewer, signedAt, outcome }) => ({ reviewer, signedAt, outcome })),
		})),
		redFlags: report.redFlags.map(({ id, label, count }) => ({ id, label, count })),
		weakest:
			report.weakest === null
				? null
				: {
						id: report.weakest.id,
						label: report.weakest.label,
						rate: report.weakest.rate,
						met: report.weakest.met,
						of: report.weakest.of,
						scenarios: report.weakest.scenarios.map(({ id, title }) => ({ id, title })),
					},
		skipped: report.skipped.map(({ file, reason }) => ({ file, reason })),
		...(report.where === undefined ? {} : { where: report.where }),
	};
}

export type ReportJson = ReturnType<typeof reportJson>;
