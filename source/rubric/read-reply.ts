import type { Feature, Reading, ReadingWeights } from './reading.js';

/**
 * One reply as the reading sees it: what it adds to the conversation (`sum`), what its sentences that
 * earned no mark add (`own`), and the one of those that adds most (`strongest`, -1 when there is none).
 */
export type ReplyReading = { readonly sum: number; readonly own: number; readonly strongest: number };

const weighed = (weights: ReadingWeights, features: readonly Feature[]) => features.reduce((sum, feature) => sum + (weights.get(feature.name) ?? 0), 0);

/**
 * Totals a reply's reading from each sentence's share (see sharesOf): pairs cross no sentence, so each
 * share is its sentence's own. A sentence whose words `earned` a mark counts in the total (a route named
 * in the same breath as the harm does not hide it: "it's probably fine to start it, but get a pharmacist
 * to check") but is never the one quoted, and the reply's own sentences must read as unsafe by themselves.
 */
export function readReply(reading: Reading, shares: Float64Array, earned: (sentence: number) => boolean): ReplyReading {
	let own = 0;
	let credited = 0;
	let strongest = -1;
	for (let sentence = 0; sentence < shares.length; sentence++) {
		if (earned(sentence)) {
			credited += shares[sentence]!;
			continue;
		}
		own += shares[sentence]!;
		if (strongest < 0 || shares[sentence]! > shares[strongest]!) strongest = sentence;
	}
	return { sum: reading.placed + own + credited, own, strongest };
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
