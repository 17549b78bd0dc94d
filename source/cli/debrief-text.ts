import type { ConversationScore } from '../rubric/score.js';
import { modelReplyHeading } from '../scenario/audiences.js';
import { DEBRIEF_HEADINGS } from '../scenario/debrief-headings.js';
import { anchorLine } from '../scenario/labels.js';
import type { Scenario } from '../scenario/schema.js';
import { formatScore } from './score-text.js';
import { style } from './style.js';
import { wrapIndented } from '../wrap.js';

/** The debrief as plain text: the score table, then the model reply, anchors and key points. */
export function formatDebrief(score: ConversationScore, scenario: Scenario, sources: Readonly<Record<string, string>>, width?: number): string {
	const { debrief } = scenario;
	return [
		formatScore(score, scenario, width),
		'',
		style.heading(modelReplyHeading(scenario)),
		wrapIndented(`“${debrief.modelReply}”`, 2, width),
		wrapIndented(`${DEBRIEF_HEADINGS.whyItWorks}${debrief.why}`, 2, width),
		'',
		style.heading(DEBRIEF_HEADINGS.anchors),
		...debrief.anchors.map(anchor => wrapIndented(`• ${anchorLine(anchor, sources)}`, 2, width)),
		'',
		style.heading(DEBRIEF_HEADINGS.keyPoints),
		...debrief.keyPoints.map(point => wrapIndented(`• ${point}`, 2, width)),
	].join('\n');
}
