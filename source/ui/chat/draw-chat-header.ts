import chalk from 'chalk';
import { CHANNEL_NAMES, ROLE_NAMES } from '../../scenario/labels.js';
import type { Scenario } from '../../scenario/schema.js';
import { drawBox, styledLine } from '../draw-box.js';
import { channelColour } from '../theme.js';
import { visibleLine } from '../../terminal-text.js';

const asIs = (text: string) => text;

/**
 * Where the conversation happens and who with, boxed in the channel's accent: "Instagram DM · Jade
 * Holloway (jade.holloway_), patient"; then the scenario, who the learner is, and the most replies they give.
 */
export function drawChatHeader(scenario: Scenario, learner: string, width: number, turns: number): string {
	const { partner, channel } = scenario;
	const boxWidth = Math.min(width, 100);
	const inner = boxWidth - 4;
	const party = partner.handle ? `${partner.name} (${partner.handle})` : partner.name;
	const where = styledLine(
		[
			[CHANNEL_NAMES[channel], channelColour(chalk.bold, channel)],
			[scenario.thread ? ` · ${scenario.thread}` : '', asIs],
			[' · ', asIs],
			[party, chalk.bold],
			[`, ${ROLE_NAMES[partner.role]}`, chalk.dim],
		],
		inner,
	);
	const what = styledLine(
		[[`${visibleLine(scenario.title)} · you are ${visibleLine(learner)} · up to ${turns} ${turns === 1 ? 'reply' : 'replies'}`, chalk.dim]],
		inner,
	);
	return drawBox([where, what], boxWidth, channelColour(chalk, channel)).join('\n');
}
