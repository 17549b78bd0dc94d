import stringWidth from 'string-width';
import { bar, fractionOf } from '../proportion.js';
import type { GroupTable } from '../group/debrief.js';
import type { ReplyCard } from '../group/round.js';
import type { GroupSjt, GroupSjtTotal } from '../group/sjt-distribution.js';
import { CRITERION_MARKS, criterionKey, RED_FLAG_MARK } from '../review/marks.js';
import { answerLetters, BEST3_SPREAD_HEADING, idealLine } from '../sjt/practice.js';
import type { SjtItem } from '../sjt/schema.js';
import { style } from './style.js';
import { formatTable } from './table.js';
import { wrapIndented } from '../wrap.js';
import { outputWidth } from '../terminal-width.js';

type Names = ReadonlyMap<string, string>;

/** A round's replies side by side (one row each): the words, each criterion ticked or not, red flags. */
export function formatRound(
	cards: readonly ReplyCard[],
	criteria: readonly { id: string; label: string }[],
	names: Names,
	carried: ReplyCard | undefined,
	width?: number,
): string {
	const header = ['Learner', ...criteria.map(criterion => CRITERION_MARKS[criterion.id] ?? criterion.id), 'Score', 'Reply'];
	const rows = cards.map(card => [
		`${card === carried ? '→ ' : ''}${names.get(card.reply.learner) ?? card.reply.learner}`,
		...criteria.map(criterion => (card.met.includes(criterion.id) ? '✓' : '–')),
		`${card.score}/${card.max}${card.redFlags.length > 0 ? ` ${RED_FLAG_MARK}` : ''}`,
		`${card.where ? `[${card.where}] ` : ''}${card.reply.text}${card.redFlags.length > 0 ? `\n${RED_FLAG_MARK} ${card.redFlags.map(flag => flag.label).join('; ')}` : ''}`,
	]);
	return `${formatTable([header.map(style.heading), ...rows], width)}\n${style.dim(wrapIndented(`✓ met · – not met · ${RED_FLAG_MARK} red flag · → carried on · ${criterionKey(criteria)}`, 0, width))}`;
}

/** The learner × criterion table of the group debrief: criteria by name, or by mark with a key when names don't fit the width. */
export function formatGroupTable(table: GroupTable, names: Names, width = outputWidth()): string {
	const rows = table.rows.map(row => [
		names.get(row.learner) ?? row.learner,
		...table.criteria.map(criterion => (row.met[criterion.id] ? '✓ met' : '✗ missed')),
		row.redFlags.length > 0 ? `${RED_FLAG_MARK} ${row.redFlags.length}` : 'none',
		`${row.score}/${row.max}`,
	]);
	const laidOut = (heading: (criterion: { id: string; label: string }) => string) =>
		formatTable([['Learner', ...table.criteria.map(heading), 'Red flags', 'Score'].map(style.heading), ...rows], width);
	const named = laidOut(criterion => criterion.label);
	if (Math.max(...named.split('\n').map(line => stringWidth(line))) <= width) return named;
	return `${laidOut(criterion => CRITERION_MARKS[criterion.id] ?? criterion.id)}\n${style.dim(wrapIndented(criterionKey(table.criteria), 0, width))}`;
}

/** The group's answers to an SJT item: the spread per option against the ideal, then each learner's marks. */
export function formatGroupSjt(item: SjtItem, group: GroupSjt, names: Names, width?: number): string {
	const people = group.learners.length;
	const lines: string[] = [
		style.heading(item.type === 'rank' ? 'How the group ranked each option (learners at each place; * the ideal place)' : BEST3_SPREAD_HEADING),
	];
	for (const spread of group.spread) {
		if (spread.type === 'rank') {
			const places = spread.atPlace.map((count, place) => `${place + 1}${place + 1 === spread.ideal ? '*' : ' '}:${String(count).padStart(2)}`).join('  ');
			lines.push(`  ${spread.option}  ${places}   ideal ${spread.ideal}`);
		} else {
			lines.push(`  ${spread.option} ${spread.correct ? '✓' : ' '} ${bar(fractionOf(spread.chosenBy, people), 10)} ${spread.chosenBy}/${people}`);
		}
	}
	lines.push('', style.heading('Marks'));
	lines.push(
		formatTable(
			group.learners.map(entry => [
				names.get(entry.learner) ?? entry.learner,
				entry.answer.length > 0 ? answerLetters(item.type, entry.answer) : '(none)',
				`${entry.score.points}/${entry.score.max}`,
			]),
			width,
		),
	);
	lines.push('', style.heading(idealLine(item)));
	for (const option of item.options) lines.push(wrapIndented(`${option.id} ${option.rationale}`, 2, width));
	return lines.join('\n');
}

/** Each learner's total over the items answered. */
export function formatGroupSjtTotals(totals: readonly GroupSjtTotal[], items: number, names: Names, width?: number): string {
	const rows = totals.map(total => [names.get(total.learner) ?? total.learner, `${total.points}/${total.max}`, `${total.percent}%`]);
	return `${style.heading(`Totals over ${items} item${items === 1 ? '' : 's'}`)}\n${formatTable(rows, width)}`;
}
