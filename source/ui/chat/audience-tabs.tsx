import { Text } from 'ink';
import React from 'react';
import { tabLabel } from '../../scenario/audiences.js';
import type { Audience, Channel } from '../../scenario/schema.js';
import { CHANNEL_COLOURS } from '../theme.js';

type AudienceTabsProps = {
	readonly audiences: readonly Audience[];
	/** The audience the next reply goes to. */
	readonly selected: string;
	readonly channel: Channel;
};

/**
 * Where the learner can write, as the channel's tabs: "▸[the group (40)]  Ellie (private)". The chosen
 * one is marked in words and brackets as well as colour, so it reads the same with NO_COLOR.
 */
export function AudienceTabs({ audiences, selected, channel }: AudienceTabsProps) {
	return (
		<Text wrap="truncate-end">
			{audiences.map(audience => {
				const chosen = audience.id === selected;
				return (
					<Text key={audience.id}>
						{chosen ? (
							<Text bold color={CHANNEL_COLOURS[channel]}>
								▸[{tabLabel(audience)}]
							</Text>
						) : (
							<Text dimColor> {tabLabel(audience)} </Text>
						)}
						<Text> </Text>
					</Text>
				);
			})}
		</Text>
	);
}
