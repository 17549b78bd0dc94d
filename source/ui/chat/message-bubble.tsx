import { Text } from 'ink';
import React from 'react';
import { drawBubble, type BubbleOptions } from './draw-bubble.js';
import type { Message } from '../../session/types.js';

type MessageBubbleProps = BubbleOptions & {
	readonly message: Message;
};

/** One message in the live area or a screen's history: the partner's on the left, the learner's on the right. */
export function MessageBubble({ message, ...options }: MessageBubbleProps) {
	return <Text>{drawBubble(message, options)}</Text>;
}
