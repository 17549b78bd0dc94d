import type { WordView } from './compile.js';
import type { Token } from './normalise.js';
import { wordFeature, type Reading } from './reading.js';

/** One reply as the reading sees it: what it adds to the conversation, and its sentence that adds most. */
export type ReplyReading = { readonly sum: number; readonly strongest: number };

/**
 * Sums a reply's reading weights (its words from the rubric's views, pairs of neighbours looked up).
 * Pairs cross no sentence, so each sentence's share is its own and the strongest is the one to quote.
 */
export function readReply(reading: Reading, tokens: readonly Token[], views: readonly WordView[], negated: Uint8Array, sentenceCount: number): ReplyReading {
	const shares = new Float64Array(sentenceCount);
	const { weights } = reading;
	let sum = reading.placed;
	let previous = '';
	// A feature counts once per reply, as it was trained; only weighted ones need remembering.
	const counted = new Set<string>();
	const count = (feature: string, weight: number) => {
		if (weight === 0 || counted.has(feature)) return 0;
		counted.add(feature);
		return weight;
	};
	for (let at = 0; at < tokens.length; at++) {
		const view = views[at]!;
		const isNegated = negated[at] === 1;
		const sentence = tokens[at]!.sentence;
		const feature = wordFeature(view.stem, isNegated);
		let share = count(feature, isNegated ? view.readingNegated : view.reading);
		if (at > 0 && tokens[at - 1]!.sentence === sentence) {
			const pair = `${previous} ${feature}`;
			share += count(pair, weights.get(pair) ?? 0);
		}
		previous = feature;
		shares[sentence]! += share;
		sum += share;
	}
	let strongest = 0;
	for (let sentence = 1; sentence < sentenceCount; sentence++) if (shares[sentence]! > shares[strongest]!) strongest = sentence;
	return { sum, strongest };
}

/** The red flag (an index into the rubric's) whose own weights read the reply highest; `fallback` when the model names none. */
export function chooseFlag(reading: Reading, tokens: readonly Token[], views: readonly WordView[], negated: Uint8Array, fallback: number): number {
	let best = fallback;
	let bestScore = -Infinity;
	for (const flag of reading.flags) {
		let score = flag.bias;
		let previous = '';
		const counted = new Set<string>();
		for (let at = 0; at < tokens.length; at++) {
			const feature = wordFeature(views[at]!.stem, negated[at] === 1);
			const pair = at > 0 && tokens[at - 1]!.sentence === tokens[at]!.sentence ? `${previous} ${feature}` : undefined;
			for (const name of pair === undefined ? [feature] : [feature, pair]) {
				if (counted.has(name)) continue;
				counted.add(name);
				score += flag.weights.get(name) ?? 0;
			}
			previous = feature;
		}
		if (score > bestScore) {
			best = flag.index;
			bestScore = score;
		}
	}
	return best;
}
