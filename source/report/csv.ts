import { CRITERION_IDS } from '../scenario/constants.js';
import type { Report, SessionResult } from './aggregate.js';

/**
 * One field, quoted as RFC 4180 asks when it holds a comma, a quote or a line break. A field that a
 * spreadsheet would run as a formula (a learner named "=HYPERLINK(…)") is kept as text by a leading '.
 */
export function csvField(value: string): string {
	const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
	return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const csvLine = (fields: readonly string[]) => `${fields.map(csvField).join(',')}\r\n`;

function criterionCell(session: SessionResult, id: string): string {
	const criterion = session.criteria.find(item => item.id === id);
	return criterion === undefined ? '' : criterion.met ? 'met' : 'missed';
}

/**
 * One row per session, oldest first, with a column for every criterion in the library (blank where
 * the scenario does not score it), so files from different folders line up in a spreadsheet.
 */
export function reportCsv(report: Report): string {
	const header = ['startedAt', 'learner', 'scenario', 'score', 'max', ...CRITERION_IDS, 'redFlags'];
	const rows = report.sessions.map(session => [
		session.startedAt,
		session.learner,
		session.scenario,
		String(session.score),
		String(session.max),
		...CRITERION_IDS.map(id => criterionCell(session, id)),
		session.redFlags.map(flag => flag.id).join(';'),
	]);
	return [header, ...rows].map(csvLine).join('');
}
