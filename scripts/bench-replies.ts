// The bench's workload: learner-like replies generated, deterministically, from the scenarios.
import { seededRandom as random } from '../source/seeded-random.js';

const TEXT_SPEAK: Record<string, string> = { please: 'pls', your: 'ur', you: 'u', because: 'cos', "I'm": 'im', "can't": 'cant', tomorrow: 'tmrw' };
const RISKY = [
	'Sounds like eczema, try some hydrocortisone.',
	'Send me another photo.',
	"I won't be documenting this.",
	"Don't bother with 111.",
	'Happy to keep it organic.',
	'Haha love it, tagging myself!',
];

function typo(word: string, next: () => number): string {
	if (word.length < 5) return word;
	const at = 1 + Math.floor(next() * (word.length - 2));
	return word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
}

/** Learner-like replies: sentences from each scenario's model reply and key points, with typos, text-speak and unsafe lines mixed in. */
export function generateReplies(rubrics: readonly { id: string; sentences: readonly string[] }[], count: number): { scenario: number; reply: string }[] {
	const next = random(20261121);
	const replies: { scenario: number; reply: string }[] = [];
	for (let index = 0; index < count; index++) {
		const scenario = index % rubrics.length;
		const pool = rubrics[scenario]!.sentences;
		const parts: string[] = [];
		const sentenceCount = 1 + Math.floor(next() * 4);
		for (let part = 0; part < sentenceCount; part++) parts.push(pool[Math.floor(next() * pool.length)]!);
		if (next() < 0.15) parts.push(RISKY[Math.floor(next() * RISKY.length)]!);
		const words = parts
			.join(' ')
			.split(' ')
			.map(word => {
				const roll = next();
				if (roll < 0.06) return typo(word, next);
				if (roll < 0.12) return TEXT_SPEAK[word] ?? word;
				return word;
			});
		replies.push({ scenario, reply: next() < 0.2 ? words.join(' ').toLowerCase() : words.join(' ') });
	}
	return replies;
}
