import { useComponentTheme, type ComponentTheme } from '@inkjs/ui';
import { Box, Text } from 'ink';
import React from 'react';
import stringWidth from 'string-width';
import type { Channel } from '../../scenario/schema.js';
import type { Message } from '../../session/types.js';
import { Paragraph } from '../paragraph.js';
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
	const longest = Math.max(stringWidth(`${name}  ${time}`), ...message.text.split('\n').map(line => stringWidth(line)), attachment ? stringWidth(attachment) : 0, cutOff ? cutOff.length : 0);
	const bubbleWidth = Math.max(20, Math.min(longest + 4, Math.floor(width * 0.8)));
	// Inside the border and padding.
	const textWidth = bubbleWidth - 4;
	return (
		<Box justifyContent={isPartner ? 'flex-start' : 'flex-end'} width={width}>
			<Box {...styles![isPartner ? 'partner' : 'learner']!({ channel })} width={bubbleWidth}>
				<Text wrap="truncate-end">
					<Text {...styles![isPartner ? 'partnerName' : 'learnerName']!({ channel })}>{name}</Text>
					<Text {...styles!.time!()}>  {time}</Text>
				</Text>
				{attachment ? (
					<Paragraph width={textWidth} {...styles!.attachment!()}>
						{attachment}
					</Paragraph>
				) : null}
				<Paragraph width={textWidth}>{message.text}</Paragraph>
				{cutOff ? <Text {...styles!.interrupted!()}>{cutOff}</Text> : null}
			</Box>
		</Box>
	);
}
