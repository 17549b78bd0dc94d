import { Box, Text } from 'ink';
import React from 'react';
import type { SjtItem } from '../../sjt/schema.js';
import type { RankState } from '../../sjt/answer-state.js';
import { Paragraph } from '../paragraph.js';

/** The learner's order as it stands: position, letter and text; the held option marked as moving. */
export function RankQuestion({ item, state, width }: { readonly item: SjtItem; readonly state: RankState; readonly width: number }) {
	const textOf = new Map(item.options.map(option => [option.id, option.text]));
	return (
		<Box flexDirection="column">
			<Text bold>Your order, most appropriate first{state.holding ? ' (moving: ↑ ↓ to place it, Space to put it down)' : ''}</Text>
			{state.order.map((letter, index) => {
				const here = index === state.cursor;
				const marker = here ? (state.holding ? '↕' : '❯') : ' ';
				return (
					<Box key={letter}>
						<Text bold={here} inverse={here && state.holding}>{`${marker} ${index + 1}. ${letter}  `}</Text>
						<Box width={Math.max(20, width - 8)}>
							<Paragraph width={Math.max(20, width - 8)} bold={here}>
								{textOf.get(letter) ?? ''}
							</Paragraph>
						</Box>
					</Box>
				);
			})}
		</Box>
	);
}
