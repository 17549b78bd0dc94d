import type { Transcript, TranscriptTurn } from '../transcript/schema.js';
import { DEBRIEF_HEADINGS, redFlagsHeading, structureHeading } from '../scenario/debrief-headings.js';
import { blockQuote, inlineMarkdown, hardBreakLines, quoted } from './markdown-escape.js';
import {
	commentsOffTheConversation,
	formatDateTime,
	factsOf,
	formatTime,
	labelsOf,
	scoreViews,
	turnView,
	type Comment,
	type ExportContext,
	type ReplyResult,
	type ScoreView,
} from './view.js';

const RESULT_SIGNS: Record<ReplyResult['kind'], string> = { criterion: '✓ met', against: '¬ negated', redFlag: '⚑ red flag' };

function resultLine(result: ReplyResult): string {
	const words = result.words.length > 0 ? ` — ${quoted(result.words)}` : '';
	return `- ${RESULT_SIGNS[result.kind]}: ${inlineMarkdown(result.label)}${words}`;
}

function commentLines(comments: readonly Comment[], timeZone: string | undefined): string[] {
	return comments.map(comment => {
		const text = hardBreakLines(comment.text).join('\n  ');
		return `- **Supervisor’s comment** (${inlineMarkdown(comment.by)}, ${formatDateTime(comment.at, timeZone)}): ${text}`;
	});
}

function turnSection(transcript: Transcript, turn: TranscriptTurn, index: number, context: ExportContext, labels: ReadonlyMap<string, string>): string[] {
	const view = turnView(transcript, turn, index, context, labels);
	const lines = [
		`### Turn ${view.number} · ${inlineMarkdown(view.speaker)}${view.where ? ` · ${inlineMarkdown(view.where)}` : ''} · ${view.time}${view.interrupted ? ' (interrupted)' : ''}${view.carried ? ` · ${view.carried}` : ''}`,
		'',
		blockQuote(turn.text),
	];
	if (turn.attachment) lines.push('>', `> *Attachment:* ${inlineMarkdown(turn.attachment)}`);
	if (view.results) lines.push('', ...(view.results.length > 0 ? view.results.map(resultLine) : ['- This reply met no criterion and raised no red flag.']));
	if (view.comments.length > 0) lines.push('', ...commentLines(view.comments, context.timeZone));
	return [...lines, ''];
}

function evidenceCell(criterion: ScoreView['criteria'][number]): string {
	if (criterion.met) return quoted(criterion.evidence);
	if (criterion.undoneBy.length > 0) {
		const met = criterion.evidence.length > 0 ? `met by ${quoted(criterion.evidence)}; ` : '';
		return `${met}undone by ⚑ ${inlineMarkdown(criterion.undoneBy.join('; '))}: ${quoted(criterion.against)}`;
	}
	if (criterion.against.length > 0) return `negated: ${quoted(criterion.against)}`;
	return '—';
}

function scoreSection(score: ScoreView): string[] {
	const whose = score.learner === undefined ? '' : ` — ${inlineMarkdown(score.learner)}`;
	const lines = [`## Score${whose}: ${score.score}/${score.max}`, ''];
	if (score.capped) lines.push(`A red flag capped the total: the criteria earned ${score.earned}/${score.max}.`, '');
	lines.push('| Result | Criterion | Points | Evidence (the learner’s words) |', '|---|---|---|---|');
	for (const criterion of score.criteria) {
		lines.push(
			`| ${criterion.met ? '✓ met' : '✗ missed'} | ${inlineMarkdown(criterion.label)} | ${criterion.points}/${criterion.max} | ${evidenceCell(criterion)} |`,
		);
	}
	lines.push('');
	if (score.structure.length > 0) {
		lines.push(`### ${structureHeading(score.structure)}`, '');
		score.structure.forEach((step, index) => {
			const detail = step.met ? quoted(step.evidence) : step.missed ? `what it needed: ${inlineMarkdown(step.missed)}` : '';
			lines.push(`${index + 1}. ${step.met ? '✓ taken' : '✗ missed'}: ${inlineMarkdown(step.label)}${detail ? ` — ${detail}` : ''}`);
		});
		lines.push('');
	}
	if (score.redFlags.length === 0) return [...lines, `${DEBRIEF_HEADINGS.noRedFlags}.`, ''];
	lines.push(`### ${redFlagsHeading(score.redFlags.length)}`, '');
	for (const flag of score.redFlags) {
		const item = `- ⚑ **${inlineMarkdown(flag.label)}** — ${quoted(flag.evidence)}`;
		lines.push(...(flag.why ? [`${item}\\`, `  ${DEBRIEF_HEADINGS.whyItMatters}${inlineMarkdown(flag.why)}`] : [item]));
	}
	return [...lines, ''];
}

function reflectionSection(reflection: NonNullable<Transcript['reflection']>): string[] {
	const answer = (question: string, text: string) => [`### ${question}`, '', ...hardBreakLines(text), ''];
	return [
		'## Reflection',
		'',
		...answer('What happened?', reflection.whatHappened),
		...answer('So what?', reflection.soWhat),
		...answer('Now what?', reflection.nowWhat),
	];
}

function reviewSection(transcript: Transcript, review: NonNullable<Transcript['review']>, timeZone: string | undefined): string[] {
	const count = review.comments.length;
	const lines = [
		'## Supervisor’s review',
		'',
		`- **Outcome:** ${review.outcome}`,
		`- **Reviewer:** ${inlineMarkdown(review.reviewer)}`,
		`- **Signed:** ${formatDateTime(review.signedAt, timeZone)}`,
		`- **Comments:** ${count === 0 ? 'none' : `${count}, under the turns they are on`}`,
		'',
		'### Summary',
		'',
		...hardBreakLines(review.summary),
		'',
	];
	const earlier = review.history ?? [];
	if (earlier.length > 0) {
		lines.push('### Earlier sign-offs (superseded)', '');
		for (const signOff of earlier)
			lines.push(
				`- ${formatDateTime(signOff.signedAt, timeZone)} — **${inlineMarkdown(signOff.reviewer)}**: ${signOff.outcome}. ${inlineMarkdown(signOff.summary)}`,
			);
		lines.push('');
	}
	const stray = commentsOffTheConversation(transcript);
	if (stray.length > 0) lines.push('### Other comments', '', ...commentLines(stray, timeZone), '');
	return lines;
}

/** A transcript as a Markdown portfolio entry. Pure: the same transcript gives the same text. */
export function transcriptToMarkdown(transcript: Transcript, context: ExportContext): string {
	const labels = labelsOf(transcript);
	const scores = scoreViews(transcript);
	const lines = [
		`# ${inlineMarkdown(transcript.scenario.title)}`,
		'',
		...factsOf(transcript, context).map(([label, value]) => `- **${label}:** ${inlineMarkdown(value)}`),
		'',
	];
	lines.push('## Conversation', '');
	transcript.turns.forEach((turn, index) => lines.push(...turnSection(transcript, turn, index, context, labels)));
	if (transcript.pending?.length) {
		// Replies the learner had sent that the session never reached: kept, not scored.
		lines.push('### Sent, never answered (the session was stopped first; not scored)', '');
		for (const reply of transcript.pending)
			lines.push(`${inlineMarkdown(reply.learner)} · ${formatTime(reply.time, context.timeZone)}`, '', blockQuote(reply.text), '');
	}
	if (scores.length === 0) lines.push('## Score', '', 'Not scored.', '');
	for (const score of scores) lines.push(...scoreSection(score));
	if (transcript.reflection) lines.push(...reflectionSection(transcript.reflection));
	if (transcript.review) lines.push(...reviewSection(transcript, transcript.review, context.timeZone));
	else lines.push('## Supervisor’s review', '', 'Not yet reviewed.', '');
	lines.push('---', '', '*Exported from postsafe, a practice tool: the score comes from its rubric, not from a regulator.*', '');
	return lines.join('\n');
}
