import { basename } from 'node:path';
import { style } from '../cli/style.js';
import { formatTable } from '../cli/table.js';
import { wrapIndented } from '../wrap.js';
import type { Report, SessionResult, Skipped } from './aggregate.js';
import { visibleLine } from '../terminal-text.js';
import { bar, BAR_WIDTH, fractionOf, percent, sparkline, type Paint } from '../proportion.js';

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;
const day = (iso: string) => new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
const scoreFraction = (session: SessionResult) => fractionOf(session.score, session.max);
const figure = (session: SessionResult) =>
	`${percent(scoreFraction(session))} (${session.score}/${session.max} in ${session.scenario}, ${day(session.startedAt)})`;

function heading(report: Report): string {
	const { sessions } = report;
	const first = sessions[0]!;
	const last = sessions[sessions.length - 1]!;
	const span = day(first.startedAt) === day(last.startedAt) ? day(first.startedAt) : `${day(first.startedAt)} to ${day(last.startedAt)}`;
	// The name as saved, not as typed: the filter ignores case.
	const filters = [
		report.learner === undefined ? '' : `learner ${visibleLine(first.learner)}`,
		report.since === undefined ? '' : `since ${day(`${report.since}T12:00:00`)}`,
	].filter(Boolean);
	return style.heading(`Progress: ${plural(sessions.length, 'session')}, ${span}`) + (filters.length > 0 ? style.dim(` (${filters.join(', ')})`) : '');
}

function criteriaSection(report: Report, width: number): string {
	const paint: Paint = { filled: style.met, empty: style.dim };
	const countWidth = Math.max(...report.criteria.map(criterion => `${criterion.met}/${criterion.of}`.length));
	const rows = report.criteria.map(criterion => [
		criterion.label,
		bar(criterion.rate, BAR_WIDTH, paint),
		`${criterion.met}/${criterion.of}`.padStart(countWidth),
		percent(criterion.rate).padStart(4),
		// The table wraps and trims its last column; an empty one keeps the percentages right-aligned.
		'',
	]);
	return `${style.heading('Criteria met')} ${style.dim('(sessions that met it, of those that scored it)')}\n${indent(formatTable(rows, width - 2))}`;
}

function trendSection(report: Report, width: number): string {
	const { sessions } = report;
	const room = Math.max(10, width - 2);
	const shown = sessions.slice(-room);
	const note = shown.length < sessions.length ? `; the last ${shown.length} of ${sessions.length} sessions` : '';
	const first = sessions[0]!;
	const last = sessions[sessions.length - 1]!;
	// Of equal bests, the most recent: the one the learner remembers.
	const best = sessions.reduce((top, session) => (scoreFraction(session) >= scoreFraction(top) ? session : top));
	const words = sessions.length === 1 ? `One session: ${figure(first)}.` : `First ${figure(first)}; last ${figure(last)}; best ${figure(best)}.`;
	return `${style.heading('Score trend')} ${style.dim(`(score of the maximum, oldest first${note})`)}\n  ${sparkline(shown.map(scoreFraction))}\n${wrapIndented(words, 2, width)}`;
}

function redFlagSection(report: Report, width: number): string {
	if (report.redFlags.length === 0) return `${style.heading('Red flags')}\n  ${style.met('✓')} none raised`;
	const rows = report.redFlags.map(flag => [style.flag('⚑'), String(flag.count).padStart(String(report.redFlags[0]!.count).length), flag.label]);
	return `${style.heading('Red flags')} ${style.dim('(sessions that raised each)')}\n${indent(formatTable(rows, width - 2))}`;
}

function whereSection(report: Report, width: number): string {
	const { where } = report;
	if (!where) return '';
	const words = `In the scenarios where you chose where to write: ${plural(where.public, 'reply', 'replies')} where others could see, ${where.private} in private.`;
	return `${style.heading('Where you wrote')}\n${wrapIndented(words, 2, width)}`;
}

function practiseSection(report: Report, width: number): string {
	const { weakest } = report;
	if (weakest === null) return '';
	if (weakest.rate >= 1) return `${style.heading('Practise next')}\n${wrapIndented('Every criterion scored was met in every session.', 2, width)}`;
	const summary = `${weakest.label} is the criterion met least often (${weakest.met} of ${plural(weakest.of, 'session')}, ${percent(weakest.rate)}).`;
	if (weakest.scenarios.length === 0) return `${style.heading('Practise next')}\n${wrapIndented(`${summary} No scenario in the library scores it.`, 2, width)}`;
	const rows = weakest.scenarios.map(scenario => [scenario.id, style.dim(visibleLine(scenario.title))]);
	return `${style.heading('Practise next')}\n${wrapIndented(`${summary} Play one of these with \`postsafe play <id>\`:`, 2, width)}\n${indent(formatTable(rows, width - 4), 4)}`;
}

/** Each signed-off session: the sign-off in force, and the ones it superseded. */
function signOffSection(report: Report, width: number): string {
	const signed = report.sessions.filter(session => session.signOffs.length > 0);
	if (signed.length === 0) return '';
	const line = (signOff: SessionResult['signOffs'][number]) => `${signOff.reviewer}, ${signOff.signedAt.slice(0, 10)}: ${signOff.outcome}`;
	const rows = signed.map(session => {
		const [latest, ...earlier] = [...session.signOffs].reverse();
		const superseded = earlier.length > 0 ? ` (superseding ${earlier.map(line).join('; ')})` : '';
		return wrapIndented(`${session.startedAt.slice(0, 10)} ${session.scenario} · ${session.learner} — ${line(latest!)}${superseded}`, 2, width);
	});
	return `${style.heading('Sign-offs')}\n${rows.join('\n')}`;
}

/** What was left out and why; unreadable files by name, since someone may want to fix them. */
function leftOutSummary(skipped: readonly Skipped[], width: number): string {
	if (skipped.length === 0) return '';
	const of = (kind: Skipped['kind']) => skipped.filter(item => item.kind === kind);
	const parts = [
		[of('no reply').length, (count: number) => `${plural(count, 'session')} with no reply`],
		[of('sjt').length, (count: number) => `${plural(count, 'SJT practice record')} (not a conversation)`],
		[of('unreadable').length, (count: number) => plural(count, 'unreadable file')],
	] as const;
	const said = parts.filter(([count]) => count > 0).map(([count, say]) => say(count));
	const unreadable = of('unreadable').map(item => wrapIndented(visibleLine(`${basename(item.file)}: ${item.reason}`), 2, width));
	return [wrapIndented(`Left out: ${said.join(', ')}${unreadable.length > 0 ? ':' : '.'}`, 0, width), ...unreadable].join('\n');
}

function noSessions(report: Report, folder: string, width: number): string {
	const filters = [report.learner === undefined ? '' : ` for ${visibleLine(report.learner)}`, report.since === undefined ? '' : ` since ${report.since}`].join(
		'',
	);
	const others =
		report.learner !== undefined && report.learnersInFolder.length > 0
			? ` Learners with sessions there: ${report.learnersInFolder.map(name => `“${visibleLine(name)}”`).join(', ')}.`
			: '';
	return [wrapIndented(`No sessions to report${filters} in ${folder}.${others}`, 0, width), leftOutSummary(report.skipped, width)].filter(Boolean).join('\n');
}

function indent(text: string, spaces = 2): string {
	return text
		.split('\n')
		.map(line => (line === '' ? line : ' '.repeat(spaces) + line))
		.join('\n');
}

/** The report as text for a terminal: every mark is a character, so it reads the same without colour. */
export function formatReport(report: Report, options: { readonly folder: string; readonly width: number }): string {
	const { width } = options;
	if (report.sessions.length === 0) return `${noSessions(report, options.folder, width)}\n`;
	const sections = [
		heading(report),
		criteriaSection(report, width),
		trendSection(report, width),
		redFlagSection(report, width),
		whereSection(report, width),
		practiseSection(report, width),
		signOffSection(report, width),
		leftOutSummary(report.skipped, width),
	];
	return `${sections.filter(Boolean).join('\n\n')}\n`;
}
