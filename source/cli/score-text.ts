import type { ConversationScore, QuotedEvidence } from '../rubric/score.js';
import { DEBRIEF_HEADINGS, redFlagsHeading, structureHeading } from '../scenario/debrief-headings.js';
import type { Scenario } from '../scenario/schema.js';
import { style } from './style.js';
import { formatTable } from './table.js';
import { wrapIndented } from '../wrap.js';
import { visible } from '../terminal-text.js';

function quoted(evidence: QuotedEvidence, replyCount: number): string {
	const from = replyCount > 1 ? `reply ${evidence.reply + 1}: ` : '';
	const what = evidence.identifier ? `${evidence.reason} in ` : '';
	return `${from}${what}${style.quote(`“${visible(evidence.quote)}”`)}`;
}

/** The score as a readable table: each criterion met or missed with the learner's own words, then red flags and feedback. */
export function formatScore(score: ConversationScore, scenario: Scenario, width?: number): string {
	const replyCount = score.replies.length;
	const lines: string[] = [];
	lines.push(style.heading(`${scenario.title} (${scenario.id})`));
	const capNote = score.capped
		? `  (${score.earned} earned; a red flag caps the total at ${score.score})`
		: score.offTopic && score.score < score.earned
			? '  (full marks need a reply about this situation: yours never touches it)'
			: '';
	lines.push(`Score ${style.heading(`${score.score}/${score.max}`)}${capNote}`, '');
	const rows = [
		['Result', 'Criterion', 'Points', 'Evidence (your words)'].map(style.heading),
		...score.criteria.map(criterion => {
			const result = criterion.met ? style.met('✓ met') : style.missed('✗ missed');
			const evidence = criterion.met
				? criterion.evidence.map(item => quoted(item, replyCount)).join('\n')
				: criterion.undoneBy.length > 0
					? [
							...criterion.evidence.map(item => `met by ${quoted(item, replyCount)}`),
							`${style.flag('undone by ⚑')} ${criterion.undoneBy.map(flag => flag.label).join('; ')}:`,
							...criterion.against.map(item => quoted(item, replyCount)),
						].join('\n')
					: criterion.against.length > 0
						? criterion.against.map(item => `negated: ${quoted(item, replyCount)}`).join('\n')
						: style.dim('— nothing in your replies');
			return [result, criterion.label, `${criterion.points}/${criterion.max}`, evidence];
		}),
	];
	lines.push(formatTable(rows, width), '');
	if (score.structure.length > 0) {
		lines.push(style.heading(structureHeading(score.structure)));
		score.structure.forEach((step, index) => {
			const mark = step.met ? style.met('✓ taken ') : style.missed('✗ missed');
			lines.push(`${mark}  ${index + 1}. ${step.label}`);
			if (step.met) lines.push(wrapIndented(quoted(step.evidence[0]!, replyCount), 12, width));
			else lines.push(wrapIndented(`→ ${step.missed}`, 12, width));
		});
		lines.push('');
	}
	if (score.redFlags.length === 0) {
		lines.push(DEBRIEF_HEADINGS.noRedFlags);
	} else {
		lines.push(style.flag(redFlagsHeading(score.redFlags.length)));
		for (const flag of score.redFlags) {
			lines.push(`  ${style.flag('⚑')} ${style.heading(flag.label)}`);
			for (const item of flag.evidence) lines.push(wrapIndented(quoted(item, replyCount), 4, width));
			lines.push(wrapIndented(`Why: ${flag.why}`, 4, width));
		}
	}
	lines.push('', style.heading('Feedback'));
	for (const criterion of score.criteria) {
		const mark = criterion.met ? style.met('✓') : style.missed('✗');
		lines.push(wrapIndented(`${mark} ${criterion.label}: ${criterion.feedback}`, 2, width));
	}
	return lines.join('\n');
}
