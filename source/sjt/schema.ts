import { z } from 'zod';
import { Anchor, DIFFICULTIES, Slug, Text } from '../scenario/schema.js';

export const SJT_TYPES = ['rank', 'best3'] as const;
export type SjtType = (typeof SJT_TYPES)[number];

const OptionLetter = z.string().regex(/^[A-H]$/, 'options are lettered A to H');

const SjtOption = z.strictObject({
	id: OptionLetter.describe("The option's letter: A, B, C… in order."),
	text: Text.describe('The response, as the candidate reads it.'),
	rationale: Text.describe('Why it is as appropriate as the answer says (or not): shown at the reveal.'),
});

const common = {
	id: Slug,
	title: Text.describe('A few words for lists and the summary.'),
	stem: Text.describe('The situation, as the candidate reads it.'),
	topics: z.array(Text).min(1),
	difficulty: z.enum(DIFFICULTIES),
	anchors: z.array(Anchor).min(1, 'name at least one anchor').describe('The GMC (or other) guidance behind the answer.'),
};

export const SjtItem = z
	.discriminatedUnion('type', [
		z.strictObject({
			...common,
			type: z.literal('rank').describe('Rank four or five responses from most to least appropriate.'),
			options: z.array(SjtOption).min(4, 'a rank item has 4 or 5 options (A to D, or A to E)').max(5, 'a rank item has 4 or 5 options (A to D, or A to E)'),
			answer: z
				.array(OptionLetter)
				.min(4, 'the ideal order names every option')
				.max(5, 'the ideal order names every option')
				.describe('The ideal order, most appropriate first, naming every option once.'),
		}),
		z.strictObject({
			...common,
			type: z.literal('best3').describe('Choose the three most appropriate of eight responses.'),
			options: z.array(SjtOption).length(8, 'a best-3 item has exactly 8 options (A to H)'),
			answer: z.array(OptionLetter).length(3, 'name the 3 correct options').describe('The three most appropriate options.'),
		}),
	])
	.describe('A postsafe SJT item: MSRA-style rank (4 or 5 responses) or best-3-of-8.');
export type SjtItem = z.infer<typeof SjtItem>;
