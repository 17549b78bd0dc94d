import { describe, expect, it } from 'vitest';
import { readReply } from '../source/rubric/read-reply.js';
import { readingInput } from '../source/rubric/match.js';
import { featuresOf, readingFor, sharesOf, sigmoid, type ReadingModelFile } from '../source/rubric/reading.js';
import { scorePlaced } from '../source/rubric/audience.js';
import { scoreConversation } from '../source/rubric/score.js';
import { bundledLibrary, rubricFor } from './helpers/library.js';

const library = bundledLibrary();

const FILE: ReadingModelFile = {
	threshold: 0.9,
	margin: 1,
	shared: { bias: -1, weights: { send: 0.5, '!send': -2, 'will send': 1, '@group': 0.25 } },
	scenarios: {
		'whatsapp-clinical-image': {
			bias: 0.5,
			weights: { send: 1 },
			flags: { 'shares-clinical-image': { bias: 0.1, weights: { send: 2 } } },
		},
	},
};

describe('the trained reading', () => {
	it('adds a scenario’s own weights to the shared ones, and is absent for a scenario it never saw', () => {
		const reading = readingFor('whatsapp-clinical-image', ['shares-clinical-image', undefined], 'group', FILE)!;
		expect(reading.bias).toBeCloseTo(-0.5);
		expect(reading.weights.get('send')).toBeCloseTo(1.5);
		expect(reading.weights.get('!send')).toBeCloseTo(-2);
		expect(reading.placed).toBeCloseTo(0.25);
		expect(reading.flags.map(flag => flag.index)).toEqual([0]);
		expect(readingFor('a-library-of-its-own', [], undefined, FILE)).toBeUndefined();
	});

	it("counts a sentence that earned a mark in the total however it reads, but never as the reply's own words nor as the quote", () => {
		const reading = readingFor('whatsapp-clinical-image', ['shares-clinical-image'], undefined, FILE)!;
		// "I'll send it. I won't send it.": "send" weighs 1.5 in the first sentence, "!send" -2 in the second.
		const stems = ['i', 'will', 'send', 'it', 'i', 'will', 'not', 'send', 'it'];
		const sentences = [0, 0, 0, 0, 1, 1, 1, 1, 1];
		const negated = new Uint8Array([0, 0, 0, 0, 0, 0, 0, 1, 1]);
		const shares = sharesOf(reading, stems, sentences, negated, () => true, 2);
		expect([...shares]).toEqual([expect.closeTo(2.5) as number, expect.closeTo(-2) as number]);
		// A route named in the same breath as the harm does not hide it: the credited +2.5 counts in the
		// total, but the reply's own words (-2) read safe, so nothing it alone said can be quoted as the harm.
		const earnedFirst = readReply(reading, shares, sentence => sentence === 0);
		expect(earnedFirst).toEqual({ sum: expect.closeTo(0.5) as number, own: expect.closeTo(-2) as number, strongest: 1 });
		expect(earnedFirst.own).toBeLessThan(reading.margin);
		// The credited sentence the negated one: its -2 still counts, the +2.5 is the reply's own.
		const earnedSecond = readReply(reading, shares, sentence => sentence === 1);
		expect(earnedSecond.sum).toBeCloseTo(0.5);
		expect(earnedSecond.own).toBeCloseTo(2.5);
		expect(earnedSecond.strongest).toBe(0);
	});

	it('reads a reply by table exactly as its spelt-out features weigh (the trainer reads them so)', () => {
		for (const { scenario } of library.scenarios) {
			const rubric = rubricFor(scenario.id);
			const reading = rubric.reading!;
			for (const reply of [scenario.debrief.modelReply, ...scenario.debrief.keyPoints, 'ok sure, sending it now x', "I won't send it, I can't."]) {
				const input = readingInput(rubric, reply);
				const sentenceCount = Math.max(0, ...input.sentences) + 1;
				const shares = sharesOf(reading, input.stems, input.sentences, input.negated, input.own, sentenceCount);
				const expected = new Float64Array(sentenceCount);
				for (const feature of featuresOf(input.stems, input.sentences, input.negated, input.own))
					expected[feature.sentence]! += reading.weights.get(feature.name) ?? 0;
				expect(
					[...shares].map(share => share.toFixed(9)),
					`${scenario.id}: ${reply}`,
				).toEqual([...expected].map(share => share.toFixed(9)));
			}
		}
	});

	it('ships on: the built-in model reads every bundled scenario', () => {
		for (const { scenario } of library.scenarios)
			expect(
				readingFor(
					scenario.id,
					scenario.rubric.redFlags.map(flag => flag.id),
					undefined,
				),
				scenario.id,
			).toBeDefined();
		expect(sigmoid(0)).toBe(0.5);
	});

	it('flags a keyword-free unsafe reply the patterns miss, naming the flag and quoting the sentence verbatim', () => {
		// Picking which photo goes up, in a word and an emoji: no pattern names the move.
		const reply = 'the trolley one 100% 😂';
		const rubric = rubricFor('night-shift-photos');
		const score = scorePlaced(rubric, [{ text: reply, audience: 'chloe' }]);
		expect(score.redFlags.map(flag => flag.id)).toEqual(['encourages-posting']);
		expect(score.replies[0]!.redFlags[0]!.read).toBe(true);
		expect(reply).toContain(score.redFlags[0]!.evidence[0]!.quote);
		// The interview answer that would just give the advice, likewise.
		const answer = "Honestly I'd just tell them what to do, it saves everyone time.";
		expect(scoreConversation(rubricFor('interview-patient-contact'), [answer]).redFlags.map(flag => flag.id)).toEqual(['advice-by-dm']);
	});

	it('does not read a reply as unsafe for the words that earned its marks', () => {
		const score = scoreConversation(rubricFor('ai-chatbot-patient-data'), ["I'll tell the IG lead tomorrow. 🙈"]);
		expect(score.redFlags).toEqual([]);
		expect(score.criteria.find(criterion => criterion.id === 'escalation')?.met).toBe(true);
	});
});
