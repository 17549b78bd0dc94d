import { Text } from 'ink';
import React from 'react';
import type { Scenario } from '../../scenario/schema.js';
import { drawChatHeader } from './draw-chat-header.js';

type ChatHeaderProps = {
	readonly scenario: Scenario;
	readonly learner: string;
	readonly width: number;
	/** The most replies each learner gives: the scenario's, or --turns. */
	readonly turns: number;
};

/** The box above a conversation: the channel, who the learner is talking to, and the scenario. */
export function ChatHeader({ scenario, learner, width, turns }: ChatHeaderProps) {
	return <Text>{drawChatHeader(scenario, learner, width, turns)}</Text>;
}
