import { Box, Text } from 'ink';
import React from 'react';
import type { ReplyCard } from '../../group/round.js';
import { CRITERION_MARKS, criterionKey, RED_FLAG_MARK } from '../../review/marks.js';
import { Paragraph } from '../paragraph.js';

type RoundViewProps = {
	readonly cards: readonly ReplyCard[];
	readonly criteria: readonly { readonly id: string; readonly label: string }[];
	readonly names: ReadonlyMap<string, string>;
	/** The reply highlighted as the one to carry on (the cursor), or the one that did. */
	readonly chosen: number | undefined;
	readonly carried: boolean;
	readonly width: number;
};

/** The narrowest a reply card is drawn: a few words a line, and the criterion ticks on one line. */
const CARD_WIDTH = 26;

/** A round's replies side by side, as many to a row as fit (one per row when the screen is narrow), each with its ticks and red flags. */
export function RoundView({ cards, criteria, names, chosen, carried, width }: RoundViewProps) {
	// A group of four or more at 80 columns wraps into rows rather than stacking one card per row off the screen.
	const columns = Math.max(1, Math.min(cards.length, Math.floor(width / CARD_WIDTH)));
	const cardWidth = Math.floor(width / columns) - 1;
	// Inside the border and the padding either side.
	const innerWidth = cardWidth - 4;
	return (
		<Box flexDirection="column" marginTop={1} width={width}>
			<Paragraph width={width} dimColor>
				{`${criterionKey(criteria)} · ✓ met · – not met · ${RED_FLAG_MARK} red flag`}
			</Paragraph>
			<Box flexDirection={columns > 1 ? 'row' : 'column'} flexWrap="wrap">
				{cards.map(card => {
					const isChosen = card.reply.id === chosen;
					return (
						<Box
							key={card.reply.id}
							flexDirection="column"
							width={cardWidth}
							borderStyle={isChosen ? 'double' : 'round'}
							paddingX={1}
							marginRight={columns > 1 ? 1 : 0}
						>
							<Text bold>
								{isChosen ? (carried ? '→ carried on · ' : '❯ ') : ''}
								{names.get(card.reply.learner) ?? card.reply.learner} · {card.score}/{card.max}
								{card.where ? ` · ${card.where}` : ''}
							</Text>
							<Paragraph width={innerWidth}>{card.reply.text}</Paragraph>
							<Text>
								{criteria.map(criterion => `${CRITERION_MARKS[criterion.id] ?? criterion.id}${card.met.includes(criterion.id) ? '✓' : '–'}`).join(' ')}
							</Text>
							{card.redFlags.map(flag => (
								<Paragraph key={flag.id} width={innerWidth} color="red">
									{`${RED_FLAG_MARK} ${flag.label}`}
								</Paragraph>
							))}
						</Box>
					);
				})}
			</Box>
		</Box>
	);
}
