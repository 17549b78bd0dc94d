import { useComponentTheme, type ComponentTheme } from '@inkjs/ui';
import { Box, Text } from 'ink';
import React from 'react';
import type { Channel } from '../../scenario/schema.js';
import type { Message } from '../../session/types.js';
import { Paragraph } from '../paragraph.js';
import { textWidth } from '../wrap.js';
import { clockTime } from './time.js';

type MessageBubbleProps = {
	readonly message: Message;
	readonly partnerName: string;
	readonly channel: Channel;
	readonly width: number;
	/** Text still arriving: no time yet. */
	readonly isLive?: boolean;
};

/** One message: the partner's on the left, the learner's on the right, each with name and time. */
export function MessageBubble({ message, partnerName, channel, width, isLive = false }: MessageBubbleProps) {
	const { styles } = useComponentTheme<ComponentTheme>('ChatBubble');
	const isPartner = message.kind === 'partner';
	const name = isPartner ? partnerName : message.learner;
	const time = isLive ? 'writing…' : clockTime(message.time);
	const attachment = isPartner && message.attachment ? `📎 ${message.attachment}` : undefined;
	const cutOff = isPartner && message.interrupted ? '(stopped before finishing)' : undefined;
	const longest = Math.max(textWidth(`${name}  ${time}`), ...message.text.split('\n').map(line => textWidth(line)), attachment ? textWidth(attachment) : 0, cutOff ? cutOff.length : 0);
	const bubbleWidth = Math.max(20, Math.min(longest + 4, Math.floor(width * 0.8)));
	// Inside the border and padding.
	const innerWidth = bubbleWidth - 4;
	const bubble = (
		<Box {...styles![isPartner ? 'partner' : 'learner']!({ channel })} width={bubbleWidth}>
			<Text wrap="truncate-end">
				<Text {...styles![isPartner ? 'partnerName' : 'learnerName']!({ channel })}>{name}</Text>
				<Text {...styles!.time!()}>  {time}</Text>
			</Text>
			{attachment ? (
				<Paragraph width={innerWidth} {...styles!.attachment!()}>
					{attachment}
				</Paragraph>
			) : null}
			<Paragraph width={innerWidth}>{message.text}</Paragraph>
			{cutOff ? <Text {...styles!.interrupted!()}>{cutOff}</Text> : null}
		</Box>
	);
	// The partner's sits on the left as it is; the learner's is pushed right across the full width.
	// (Drawing no wider than the bubble spares Ink a quarter of the frame for every partner message.)
	return isPartner ? bubble : (
		<Box justifyContent="flex-end" width={width}>
			{bubble}
		</Box>
	);
}
