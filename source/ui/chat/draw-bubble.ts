import chalk, { type ChalkInstance } from 'chalk';
import type { Channel } from '../../scenario/schema.js';
import type { Message } from '../../session/types.js';
import { drawBox, plainLine, styledLine, type BoxLine } from '../draw-box.js';
import { channelColour } from '../theme.js';
import { textWidth, wrapText } from '../../wrap.js';
import { clockTime } from './time.js';
import { visible, visibleLine } from '../../terminal-text.js';

export type BubbleOptions = {
	readonly partnerName: string;
	readonly channel: Channel;
	/** Columns the conversation takes: the partner's bubble sits on the left, the learner's on the right. */
	readonly width: number;
	/** Text still arriving: "writing…" instead of a time. @default false */
	readonly isLive?: boolean;
	/** The most lines the bubble may take, borders included: a longer text shows its end, after "…". */
	readonly maxLines?: number;
	/** The time shown (the scenario's clock). @default the message's time on the real clock */
	readonly time?: string;
	/** Where it was said, in a scenario with audiences: "the group", "Ellie, private". */
	readonly where?: string | undefined;
};

/**
 * One chat message as text: a rounded box with the sender's name and time, the words wrapped inside,
 * the channel's accent for the partner and cyan for the learner (the name says who, not the colour).
 * Drawn here rather than by Ink's layout so a finished message can be printed straight to the terminal
 * the moment it finishes: laying a bubble out through Ink costs more than a model takes to stream it.
 */
export function drawBubble(message: Message, { partnerName, channel, width, isLive = false, maxLines, time: shownTime, where }: BubbleOptions): string {
	const isPartner = message.kind === 'partner';
	const name = visibleLine(isPartner ? partnerName : message.learner);
	// Model output and a learner's words print as they read, never as escape sequences.
	const text = visible(message.text);
	const time = `${isLive ? 'writing…' : (shownTime ?? clockTime(message.time))}${where ? ` · ${visibleLine(where)}` : ''}`;
	const attachment = isPartner && message.attachment ? `📎 ${visibleLine(message.attachment)}` : undefined;
	const cutOff = isPartner && message.interrupted ? '(stopped before finishing)' : undefined;
	const longest = Math.max(
		textWidth(`${name}  ${time}`),
		...text.split('\n').map(line => textWidth(line)),
		attachment ? textWidth(attachment) : 0,
		cutOff ? textWidth(cutOff) : 0,
	);
	const bubbleWidth = Math.max(20, Math.min(longest + 4, Math.floor(width * 0.8)));
	// Inside the border and a space of padding each side.
	const inner = bubbleWidth - 4;
	const accent: ChalkInstance = isPartner ? channelColour(chalk, channel) : chalk.cyan;
	const wrap = (text: string) => wrapText(text.trim(), Math.max(10, inner));

	const header = styledLine(
		[
			[name, isPartner ? channelColour(chalk.bold, channel) : chalk.bold.cyan],
			[`  ${time}`, chalk.dim],
		],
		inner,
	);
	let body: BoxLine[] = [
		...(attachment ? wrap(attachment).map(text => ({ text, drawn: chalk.italic.dim(text) })) : []),
		...(text.trim() === '' ? [] : wrap(text).map(plainLine)),
	];
	const footer: BoxLine[] = cutOff ? [{ text: cutOff, drawn: chalk.italic.yellow(cutOff) }] : [];
	if (maxLines !== undefined) {
		// The borders, the name and the footer always show; the words keep their last lines.
		const room = Math.max(1, maxLines - 3 - footer.length);
		if (body.length > room) body = [plainLine('…'), ...body.slice(body.length - room + 1)];
	}
	const indent = isPartner ? '' : ' '.repeat(Math.max(0, width - bubbleWidth));
	return drawBox([header, ...body, ...footer], bubbleWidth, accent)
		.map(line => `${indent}${line}`)
		.join('\n');
}
