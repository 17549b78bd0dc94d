import { bar, fractionOf } from '../proportion.js';
import { anchorLine } from '../scenario/labels.js';
import { NONE_ANSWERED, sessionTotalLine, typeName, type SjtResult, type SjtSummary } from '../sjt/practice.js';
import type { SjtItem } from '../sjt/schema.js';
import type { SjtScore } from '../sjt/score.js';
import { style } from './style.js';
import { formatTable } from './table.js';
import { wrapIndented } from '../wrap.js';

/** An item as the candidate reads it: the stem and the lettered options. */
export function formatItem(item: SjtItem, position: string, width?: number): string {
	return [
		style.heading(`${position}${item.title} (${typeName(item)})`),
		wrapIndented(item.stem, 0, width),
		'',
		...item.options.map(option => wrapIndented(`${option.id}. ${option.text}`, 2, width)),
	].join('\n');
}

/** The answer as given beside the ideal, marks per option, and every option's rationale. */
export function formatReveal(item: SjtItem, score: SjtScore, answer: readonly string[], sources: Readonly<Record<string, string>>, width?: number): string {
	const lines: string[] = [];
	if (score.type === 'rank') {
		lines.push(`Your order   ${answer.length > 0 ? answer.join(' > ') : '(none entered)'}`, `Ideal order  ${item.answer.join(' > ')}`, '');
		const rows = [
			['Option', 'Yours', 'Ideal', 'Marks'],
			...score.perOption.map(option => [
				option.option,
				option.given === null ? '–' : String(option.given),
				String(option.ideal),
				`${option.points}/4${option.placesOut ? `  (${option.placesOut} out)` : ''}`,
			]),
		];
		lines.push(formatTable(rows, width));
	} else {
		lines.push(`You chose    ${answer.length > 0 ? answer.join(', ') : '(none)'}`, `Best three   ${item.answer.join(', ')}`);
		if (score.overSelected) lines.push(style.flag('✗ More than three chosen: the item scores 0, as in the exam.'));
		lines.push('');
		const rows = [
			['Option', 'Chosen', 'Correct', 'Marks'],
			...score.perOption.map(option => [option.option, option.chosen ? 'yes' : '', option.correct ? '✓ yes' : '', option.chosen ? `${option.points}/4` : '']),
		];
		lines.push(formatTable(rows, width));
	}
	lines.push('', style.heading('Why'));
	for (const option of item.options) {
		const mark = item.type === 'rank' ? `(${item.answer.indexOf(option.id) + 1})` : item.answer.includes(option.id) ? '✓' : '✗';
		lines.push(wrapIndented(`${option.id} ${mark} ${option.rationale}`, 2, width));
	}
	lines.push('', style.heading('Guidance'));
	for (const anchor of item.anchors) lines.push(wrapIndented(`• ${anchorLine(anchor, sources)}`, 2, width));
	return lines.join('\n');
}

export function formatPoints(score: SjtScore): string {
	return `${score.points} of ${score.max}`;
}

/** The session summary: total as a percentage, results by topic, and the items to revisit. */
export function formatSummary(summary: SjtSummary, results: readonly SjtResult[], width?: number): string {
	if (summary.items === 0) return style.heading(NONE_ANSWERED);
	const lines = [style.heading(sessionTotalLine(summary)), ''];
	lines.push(style.heading('By topic'));
	lines.push(
		formatTable(
			summary.byTopic.map(topic => [topic.topic, bar(fractionOf(topic.points, topic.max), 20), `${topic.percent}%`, `${topic.points}/${topic.max}`]),
			width,
		),
	);
	lines.push('', style.heading('Items'));
	lines.push(
		formatTable(results.map(result => [result.item.id, result.item.type, `${result.score.points}/${result.score.max}`, result.timedOut ? 'timed out' : ''])),
	);
	lines.push('');
	const titles = new Map(results.map(result => [result.item.id, result.item.title]));
	lines.push(summary.revisit.length > 0 ? style.heading('To revisit') : 'Nothing to revisit: every item scored at least three quarters of its marks.');
	for (const id of summary.revisit) lines.push(wrapIndented(`• ${id}: ${titles.get(id) ?? ''}`, 2, width));
	return lines.join('\n');
}
