import type { Transcript, TranscriptTurn } from '../transcript/schema.js';
import { AGAINST_MARK, CRITERION_MARKS, markOf, RED_FLAG_MARK } from '../review/marks.js';
import { escapeHtml as e } from './html-escape.js';
import { HTML_STYLE } from './html-style.js';
import { DEBRIEF_HEADINGS, redFlagsHeading, structureHeading } from '../scenario/debrief-headings.js';
import { evidenceRuns, type EvidenceItem } from '../transcript/evidence-runs.js';
import {
	commentsOffTheConversation,
	factsOf,
	formatDateTime,
	labelsOf,
	scoreViews,
	turnView,
	type ExportContext,
	type ReplyResult,
	type ScoreView,
} from './view.js';

function titleOf(item: EvidenceItem, labels: ReadonlyMap<string, string>): string {
	const label = labels.get(item.id) ?? item.id;
	return item.kind === 'redFlag' ? `Red flag: ${label}` : item.kind === 'against' ? `Negated: ${label}` : `Met: ${label}`;
}

/** The reply with the rubric's words in <mark>, each titled with what it counted for. */
function highlighted(turn: TranscriptTurn, labels: ReadonlyMap<string, string>): string {
	return evidenceRuns(turn.text, turn.score?.evidence ?? [])
		.map(run => {
			if (run.items.length === 0) return e(run.text);
			const flagged = run.items.some(item => item.kind === 'redFlag');
			const marks = [...new Set(run.items.map(markOf))].join(' ');
			const title = [...new Set(run.items.map(item => titleOf(item, labels)))].join('; ');
			return `<mark class="${flagged ? 'flag' : 'evidence'}" data-mark="${e(marks)}" title="${e(title)}">${e(run.text)}</mark>`;
		})
		.join('');
}

const RESULT_WORDS: Record<ReplyResult['kind'], [className: string, sign: string, word: string]> = {
	criterion: ['met', '✓', 'met'],
	against: ['against', '¬', 'negated'],
	redFlag: ['red-flag', '⚑', 'red flag'],
};

function resultItem(result: ReplyResult): string {
	const [className, sign, word] = RESULT_WORDS[result.kind];
	const words = result.words.length > 0 ? ` — ${result.words.map(text => `“${e(text)}”`).join(', ')}` : '';
	return `<li class="${className}"><span class="sign" aria-hidden="true">${sign}</span> ${word}: <strong>${e(result.label)}</strong> <span class="tag">${e(markOf(result))}</span>${words}</li>`;
}

function commentBlock(comment: NonNullable<Transcript['review']>['comments'][number], timeZone: string | undefined): string {
	return `<div class="comment"><p><strong>Supervisor’s comment:</strong> ${e(comment.text)}</p><p class="by">${e(comment.by)}, ${e(formatDateTime(comment.at, timeZone))}</p></div>`;
}

function turnItem(transcript: Transcript, turn: TranscriptTurn, index: number, context: ExportContext, labels: ReadonlyMap<string, string>): string {
	const view = turnView(transcript, turn, index, context, labels);
	const audience = view.where ? ` · <span class="audience">${e(view.where)}</span>` : '';
	const interrupted = view.interrupted ? ' · interrupted' : '';
	const text = turn.role === 'learner' ? highlighted(turn, labels) : e(turn.text);
	const attachment = turn.attachment ? `<p class="attachment">Attachment: ${e(turn.attachment)}</p>` : '';
	const resultList =
		view.results === undefined
			? ''
			: `<ul class="results">${view.results.length > 0 ? view.results.map(resultItem).join('') : '<li class="none">This reply met no criterion and raised no red flag.</li>'}</ul>`;
	const comments = view.comments.map(comment => commentBlock(comment, context.timeZone)).join('');
	return `<li class="turn ${turn.role}${turn.carried ? ' carried' : ''}" id="turn-${view.number}"><div class="bubble"><p class="who"><strong>${e(view.speaker)}</strong>${audience} · turn ${view.number} · ${e(view.time)}${interrupted}${view.carried ? ` · <span class="carried-note">${view.carried}</span>` : ''}</p><p class="text">${text}</p>${attachment}</div>${resultList}${comments}</li>`;
}

/** The marks used in this conversation, explained once above it. */
function markKey(transcript: Transcript, labels: ReadonlyMap<string, string>): string {
	const items = transcript.turns.flatMap(turn => turn.score?.evidence ?? []);
	if (items.length === 0) return '';
	const criteria = [...new Set(items.filter(item => item.kind !== 'redFlag').map(item => item.id))];
	const parts = criteria.map(id => `<span class="tag">${e(CRITERION_MARKS[id] ?? '?')}</span> ${e(labels.get(id) ?? id)}`);
	if (items.some(item => item.kind === 'against')) parts.push(`<span class="tag">${AGAINST_MARK}</span> words that negated a criterion`);
	if (items.some(item => item.kind === 'redFlag')) parts.push(`<span class="tag">${RED_FLAG_MARK}</span> red flag`);
	return `<p class="key">Highlighted in the learner’s replies: ${parts.join(' · ')}</p>`;
}

const quotes = (words: readonly string[]) => words.map(word => `“${e(word)}”`).join('<br>');

function scoreSection(score: ScoreView): string {
	const whose = score.learner === undefined ? '' : ` — ${e(score.learner)}`;
	const capped = score.capped
		? `<p class="capped"><span class="sign">⚑</span> A red flag capped the total: the criteria earned ${score.earned}/${score.max}.</p>`
		: '';
	const rows = score.criteria.map(criterion => {
		const undone =
			criterion.undoneBy.length > 0
				? `${criterion.evidence.length > 0 ? `met by ${quotes(criterion.evidence)}<br>` : ''}<span class="flag">undone by ⚑ ${e(criterion.undoneBy.join('; '))}:</span> ${quotes(criterion.against)}`
				: undefined;
		const evidence = criterion.met
			? quotes(criterion.evidence)
			: (undone ?? (criterion.against.length > 0 ? `negated: ${quotes(criterion.against)}` : '<span class="none">—</span>'));
		const result = criterion.met
			? '<td class="result met"><span class="sign">✓</span> met</td>'
			: '<td class="result missed"><span class="sign">✗</span> missed</td>';
		return `<tr>${result}<td>${e(criterion.label)}</td><td class="points">${criterion.points}/${criterion.max}</td><td class="evidence">${evidence}</td></tr>`;
	});
	const table = `<table><thead><tr><th>Result</th><th>Criterion</th><th>Points</th><th>Evidence (the learner’s words)</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
	const steps = score.structure.map(step => {
		const detail = step.met ? quotes(step.evidence) : step.missed ? `what it needed: ${e(step.missed)}` : '';
		const mark = step.met ? '<span class="sign">✓</span> taken' : '<span class="sign">✗</span> missed';
		return `<li class="${step.met ? 'met' : 'missed'}">${mark}: <strong>${e(step.label)}</strong>${detail ? ` — ${detail}` : ''}</li>`;
	});
	const structure = steps.length > 0 ? `<h3>${structureHeading(score.structure)}</h3><ol class="steps">${steps.join('')}</ol>` : '';
	const flags = score.redFlags.map(flag => {
		const why = flag.why ? `<p class="why">${DEBRIEF_HEADINGS.whyItMatters}${e(flag.why)}</p>` : '';
		return `<li class="red-flag"><span class="sign">⚑</span> red flag: <strong>${e(flag.label)}</strong> — ${quotes(flag.evidence)}${why}</li>`;
	});
	const redFlags =
		flags.length > 0 ? `<h3>${redFlagsHeading(flags.length)}</h3><ul class="flags">${flags.join('')}</ul>` : `<p>${DEBRIEF_HEADINGS.noRedFlags}.</p>`;
	return `<section class="score"><h2>Score${whose}: <span class="total">${score.score}/${score.max}</span></h2>${capped}${table}${structure}${redFlags}</section>`;
}

function reflectionSection(reflection: NonNullable<Transcript['reflection']>): string {
	const answer = (question: string, text: string) => `<h3>${question}</h3><p class="answer">${e(text)}</p>`;
	return `<section class="reflection"><h2>Reflection</h2>${answer('What happened?', reflection.whatHappened)}${answer('So what?', reflection.soWhat)}${answer('Now what?', reflection.nowWhat)}</section>`;
}

function reviewSection(transcript: Transcript, timeZone: string | undefined): string {
	const review = transcript.review;
	if (!review) return '<section class="review"><h2>Supervisor’s review</h2><p>Not yet reviewed.</p></section>';
	const count = review.comments.length;
	const facts = [
		['Outcome', `<span class="outcome">${e(review.outcome)}</span>`],
		['Reviewer', e(review.reviewer)],
		['Signed', e(formatDateTime(review.signedAt, timeZone))],
		['Comments', count === 0 ? 'none' : `${count}, under the turns they are on`],
	];
	const stray = commentsOffTheConversation(transcript);
	const others = stray.length > 0 ? `<h3>Other comments</h3>${stray.map(comment => commentBlock(comment, timeZone)).join('')}` : '';
	const earlier = review.history ?? [];
	const history =
		earlier.length > 0
			? `<h3>Earlier sign-offs (superseded)</h3><ul class="history">${earlier.map(signOff => `<li>${e(formatDateTime(signOff.signedAt, timeZone))} — <strong>${e(signOff.reviewer)}</strong>: ${e(signOff.outcome)}. ${e(signOff.summary)}</li>`).join('')}</ul>`
			: '';
	return `<section class="review"><h2>Supervisor’s review</h2><dl class="facts">${facts.map(([label, value]) => `<dt>${label}</dt><dd>${value}</dd>`).join('')}</dl><h3>Summary</h3><p class="answer">${e(review.summary)}</p>${history}${others}</section>`;
}

/**
 * A transcript as one self-contained HTML page: chat bubbles with the rubric's evidence marked, the
 * score, the reflection and the review; prints on A4. Pure: the same transcript gives the same page.
 */
export function transcriptToHtml(transcript: Transcript, context: ExportContext): string {
	const labels = labelsOf(transcript);
	const scores = scoreViews(transcript);
	const facts = factsOf(transcript, context)
		.map(([label, value]) => `<dt>${label}</dt><dd>${e(value)}</dd>`)
		.join('');
	const turns = transcript.turns.map((turn, index) => turnItem(transcript, turn, index, context, labels)).join('\n');
	const score = scores.length > 0 ? scores.map(scoreSection).join('\n') : '<section class="score"><h2>Score</h2><p>Not scored.</p></section>';
	return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(`${transcript.scenario.title} — ${transcript.learner}`)}</title>
<style>${HTML_STYLE}</style>
</head>
<body>
<main>
<header><h1>${e(transcript.scenario.title)}</h1><dl class="facts">${facts}</dl></header>
<section class="conversation"><h2>Conversation</h2>${markKey(transcript, labels)}<ol class="turns">
${turns}
</ol></section>
${score}
${transcript.reflection ? reflectionSection(transcript.reflection) : ''}
${reviewSection(transcript, context.timeZone)}
<footer>Exported from postsafe, a practice tool: the score comes from its rubric, not from a regulator.</footer>
</main>
</body>
</html>
`;
}
