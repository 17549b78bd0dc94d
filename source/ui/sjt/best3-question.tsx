import { Box, Text } from 'ink';
import React from 'react';
import type { Best3State } from '../../sjt/answer-state.js';
import type { SjtItem } from '../../sjt/schema.js';
import { Paragraph } from '../paragraph.js';

/** The eight options with a box each, ticked when chosen; never more than three. */
export function Best3Question({ item, state, width }: { readonly item: SjtItem; readonly state: Best3State; readonly width: number }) {
	const left = 3 - state.chosen.length;
	return (
		<Box flexDirection="column">
			{item.options.map((option, index) => {
				const here = index === state.cursor;
				const chosen = state.chosen.includes(option.id);
				return (
					<Box key={option.id}>
						<Text bold={here}>{`${here ? '❯' : ' '} [${chosen ? '✓' : ' '}] ${option.id}  `}</Text>
						<Box width={Math.max(20, width - 10)}>
							<Paragraph width={Math.max(20, width - 10)} bold={here}>
								{option.text}
							</Paragraph>
						</Box>
					</Box>
				);
			})}
			<Text>
				Chosen: {state.chosen.length > 0 ? state.chosen.join(', ') : 'none'}
				{left > 0 ? ` (${left} more to choose)` : ' (three: Enter to submit)'}
			</Text>
			{state.refused ? <Text color="yellow">✗ Three already chosen: unchoose one first (choosing four scores 0 in the exam).</Text> : null}
		</Box>
	);
}
