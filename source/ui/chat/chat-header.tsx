import { useComponentTheme, type ComponentTheme } from '@inkjs/ui';
import { Box, Text } from 'ink';
import React from 'react';
import { CHANNEL_NAMES, ROLE_NAMES } from '../../scenario/labels.js';
import type { Scenario } from '../../scenario/schema.js';

type ChatHeaderProps = {
	readonly scenario: Scenario;
	readonly learner: string;
	readonly width: number;
};

/** Where the conversation happens and who with, styled like the channel: "Instagram DM · jade.holloway_". */
export function ChatHeader({ scenario, learner, width }: ChatHeaderProps) {
	const { styles } = useComponentTheme<ComponentTheme>('ChatHeader');
	const { partner, channel } = scenario;
	const party = partner.handle ? `${partner.name} (${partner.handle})` : partner.name;
	return (
		<Box {...styles!.container!({ channel })} width={Math.min(width, 100)}>
			<Text wrap="truncate-end">
				<Text {...styles!.channel!({ channel })}>{CHANNEL_NAMES[channel]}</Text>
				{scenario.thread ? <Text> · {scenario.thread}</Text> : null}
				<Text> · </Text>
				<Text {...styles!.party!()}>{party}</Text>
				<Text {...styles!.detail!()}>, {ROLE_NAMES[partner.role]}</Text>
			</Text>
			<Text {...styles!.detail!()} wrap="truncate-end">
				{scenario.title} · you are {learner} · up to {scenario.turns} replies
			</Text>
		</Box>
	);
}
