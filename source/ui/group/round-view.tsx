import { Box, Text } from 'ink';
import React from 'react';
import type { ReplyCard } from '../../group/round.js';
import { CRITERION_MARKS, RED_FLAG_MARK } from '../../review/marks.js';

type RoundViewProps = {
	readonly cards: readonly ReplyCard[];
	readonly criteria: readonly { readonly id: string; readonly label: string }[];
	readonly names: ReadonlyMap<string, string>;
	/** The reply highlighted as the one to carry on (the cursor), or the one that did. */
	readonly chosen: number | undefined;
	readonly carried: boolean;
	readonly width: number;
};

/** A round's replies side by side (stacked when the screen is narrow), each with its ticks and red flags. */
export function RoundView({ cards, criteria, names, chosen, carried, width }: RoundViewProps) {
	const columns = width >= cards.length * 26 ? cards.length : 1;
	const cardWidth = Math.floor(width / columns) - 1;
	return (
		<Box flexDirection="column" marginTop={1}>
			<Text dimColor>
				{criteria.map(criterion => `${CRITERION_MARKS[criterion.id] ?? criterion.id} ${criterion.label}`).join(' · ')} · ✓ met · – not met · {RED_FLAG_MARK} red flag
			</Text>
			<Box flexDirection={columns > 1 ? 'row' : 'column'} flexWrap="wrap">
				{cards.map(card => {
					const isChosen = card.reply.id === chosen;
					return (
						<Box key={card.reply.id} flexDirection="column" width={cardWidth} borderStyle={isChosen ? 'double' : 'round'} paddingX={1} marginRight={columns > 1 ? 1 : 0}>
							<Text bold>
								{isChosen ? (carried ? '→ carried on · ' : '❯ ') : ''}
								{names.get(card.reply.learner) ?? card.reply.learner} · {card.score}/{card.max}
							</Text>
							<Text wrap="wrap">{card.reply.text}</Text>
							<Text>{criteria.map(criterion => `${CRITERION_MARKS[criterion.id] ?? criterion.id}${card.met.includes(criterion.id) ? '✓' : '–'}`).join(' ')}</Text>
							{card.redFlags.map(flag => (
								<Text key={flag.id} color="red" wrap="wrap">
									{RED_FLAG_MARK} {flag.label}
								</Text>
							))}
						</Box>
					);
				})}
			</Box>
		</Box>
	);
}
