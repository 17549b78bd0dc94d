import type { Feature, Reading, ReadingWeights } from './reading.js';

/** One reply as the reading sees it: what it adds to the conversation, and its sentence that adds most. */
export type ReplyReading = { readonly sum: number; readonly strongest: number };

const weighed = (weights: ReadingWeights, features: readonly Feature[]) => features.reduce((sum, feature) => sum + (weights.get(feature.name) ?? 0), 0);

/**
 * Sums a reply's reading weights (see featuresOf). Pairs cross no sentence, so each sentence's share is
 * its own, and the strongest is the one to quote.
 */
export function readReply(reading: Reading, features: readonly Feature[], sentenceCount: number): ReplyReading {
	const shares = new Float64Array(sentenceCount);
	for (const feature of features) shares[feature.sentence]! += reading.weights.get(feature.name) ?? 0;
	let strongest = 0;
	for (let sentence = 1; sentence < sentenceCount; sentence++) if (shares[sentence]! > shares[strongest]!) strongest = sentence;
	return { sum: reading.placed + shares.reduce((sum, share) => sum + share, 0), strongest };
}

/** The red flag (an index into the rubric's) whose own weights read the reply highest; `fallback` when the model names none. */
export function chooseFlag(reading: Reading, features: readonly Feature[], fallback: number): number {
	let best = fallback;
	let bestScore = -Infinity;
	for (const flag of reading.flags) {
		const score = flag.bias + weighed(flag.weights, features);
		if (score > bestScore) {
			best = flag.index;
			bestScore = score;
		}
	}
	return best;
}
