import { anchorLine } from '../scenario/labels.js';
import type { SjtItem } from '../sjt/schema.js';
import type { SjtRecord } from '../sjt/record.js';
import { bestThreeMark, rankMarks } from '../sjt/practice.js';
import { scoreBest3, scoreRank } from '../sjt/score.js';
import { escapeHtml as e } from './html-escape.js';
import { HTML_STYLE } from './html-style.js';
import { inlineMarkdown } from './markdown-escape.js';
import { formatDateTime } from './view.js';

/** What an SJT export needs beside the record: the bank's wording (stem, options, rationales, guidance). */
export type SjtExportContext = {
	/** The items by id, as the library has them now; an item no longer there is exported from the record alone. */
	readonly items: ReadonlyMap<string, SjtItem>;
	readonly sourceNames: Readonly<Record<string, string>>;
	/** @default 'UTC' */
	readonly timeZone?: string;
};

type OptionView = { readonly id: string; readonly marks: string; readonly text: string | undefined; readonly rationale: string | undefined };
type ItemView = {
	readonly heading: string;
	readonly stem: string | undefined;
	readonly answer: string;
	readonly ideal: string;
	readonly options: readonly OptionView[];
	readonly guidance: readonly string[];
};

/** A best-3 item's eight options. */
const BEST3_LETTERS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'];

/** One answered item as the export shows it: the marks come from the record, the words from the bank. */
function itemView(record: SjtRecord['items'][number], index: number, context: SjtExportContext): ItemView {
	const bank = context.items.get(record.id);
	const option = (id: string) => bank?.options.find(candidate => candidate.id === id);
	const timed = record.timedOut ? ' · time ran out' : '';
	const heading = `Item ${index + 1}: ${record.title} — ${record.points}/${record.max}${timed}`;
	let options: OptionView[];
	let answer: string;
	let ideal: string;
	if (record.type === 'rank') {
		const score = scoreRank(record.id, record.ideal, record.answer);
		answer = `Your order: ${record.answer.length > 0 ? record.answer.join(' > ') : '(nothing entered)'}`;
		ideal = `Ideal order: ${record.ideal.join(' > ')}`;
		options = score.perOption.map(entry => ({
			id: entry.option,
			marks: rankMarks(entry),
			text: option(entry.option)?.text,
			rationale: option(entry.option)?.rationale,
		}));
	} else {
		const score = scoreBest3(record.id, BEST3_LETTERS, record.ideal, record.answer);
		answer = `You chose: ${record.answer.length > 0 ? record.answer.join(', ') : '(nothing)'}${record.overSelected ? ' (more than three: 0 marks)' : ''}`;
		ideal = `Best three: ${record.ideal.join(', ')}`;
		options = score.perOption.map(entry => ({
			id: entry.option,
			marks: `${bestThreeMark(entry.correct)}${entry.chosen ? `; chosen: ${entry.points}/4` : ''}`,
			text: option(entry.option)?.text,
			rationale: option(entry.option)?.rationale,
		}));
	}
	return { heading, stem: bank?.stem, answer, ideal, options, guidance: bank?.anchors.map(anchor => anchorLine(anchor, context.sourceNames)) ?? [] };
}

function factsOf(record: SjtRecord, context: SjtExportContext): [label: string, value: string][] {
	const { summary } = record;
	return [
		['Learner', record.learner],
		['Date', formatDateTime(record.startedAt, context.timeZone)],
		['Mode', `SJT practice${record.timed ? ', timed' : ''}`],
		['Status', record.status],
		[
			'Score',
			summary.items === 0
				? 'no items answered'
				: `${summary.points}/${summary.max} (${summary.percent}%) over ${summary.items} item${summary.items === 1 ? '' : 's'}`,
		],
		['Record', record.id],
	];
}

const MISSING = 'This item is no longer in the library: its wording and rationales are not available.';
const FOOTER = 'Exported from postsafe, a practice tool: the marks follow the MSRA SJT scheme; the items are postsafe’s own.';

/** An SJT practice record as a Markdown portfolio entry: every item, the answer, the marks and why. */
export function sjtRecordToMarkdown(record: SjtRecord, context: SjtExportContext): string {
	const lines = ['# SJT practice', '', ...factsOf(record, context).map(([label, value]) => `- **${label}:** ${inlineMarkdown(value)}`), ''];
	record.items.forEach((item, index) => {
		const view = itemView(item, index, context);
		lines.push(
			`## ${inlineMarkdown(view.heading)}`,
			'',
			view.stem === undefined ? `*${MISSING}*` : inlineMarkdown(view.stem),
			'',
			`- ${inlineMarkdown(view.answer)}`,
			`- ${inlineMarkdown(view.ideal)}`,
			'',
		);
		for (const option of view.options) {
			lines.push(`- **${option.id}** · ${inlineMarkdown(option.marks)}${option.text ? `: ${inlineMarkdown(option.text)}` : ''}`);
			if (option.rationale) lines.push(`  - Why: ${inlineMarkdown(option.rationale)}`);
		}
		lines.push('');
		if (view.guidance.length > 0) lines.push('Guidance:', '', ...view.guidance.map(line => `- ${inlineMarkdown(line)}`), '');
	});
	if (record.items.length === 0) lines.push('No items were answered.', '');
	if (record.summary.revisit.length > 0) lines.push('## To revisit', '', ...record.summary.revisit.map(id => `- ${inlineMarkdown(id)}`), '');
	lines.push('---', '', `*${FOOTER}*`, '');
	return lines.join('\n');
}

/** An SJT practice record as one self-contained HTML page that prints on A4. */
export function sjtRecordToHtml(record: SjtRecord, context: SjtExportContext): string {
	const facts = factsOf(record, context)
		.map(([label, value]) => `<dt>${label}</dt><dd>${e(value)}</dd>`)
		.join('');
	const items = record.items.map((item, index) => {
		const view = itemView(item, index, context);
		const options = view.options
			.map(
				option =>
					`<li><strong>${option.id}</strong> · ${e(option.marks)}${option.text ? `<p class="text">${e(option.text)}</p>` : ''}${option.rationale ? `<p class="why">Why: ${e(option.rationale)}</p>` : ''}</li>`,
			)
			.join('');
		const guidance = view.guidance.length > 0 ? `<h3>Guidance</h3><ul>${view.guidance.map(line => `<li>${e(line)}</li>`).join('')}</ul>` : '';
		return `<section class="sjt-item"><h2>${e(view.heading)}</h2><p>${view.stem === undefined ? `<em>${MISSING}</em>` : e(view.stem)}</p><p>${e(view.answer)}<br>${e(view.ideal)}</p><ul class="options">${options}</ul>${guidance}</section>`;
	});
	const revisit =
		record.summary.revisit.length > 0 ? `<section><h2>To revisit</h2><ul>${record.summary.revisit.map(id => `<li>${e(id)}</li>`).join('')}</ul></section>` : '';
	return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(`SJT practice — ${record.learner}`)}</title>
<style>${HTML_STYLE}</style>
</head>
<body>
<main>
<header><h1>SJT practice</h1><dl class="facts">${facts}</dl></header>
${items.length > 0 ? items.join('\n') : '<p>No items were answered.</p>'}
${revisit}
<footer>${FOOTER}</footer>
</main>
</body>
</html>
`;
}
