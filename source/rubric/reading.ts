import { READING_MODEL } from './reading-model.js';

/**
 * The rubric's second reader: a linear model over a reply's words, trained (scripts/train-reading.ts) on
 * replies examiners labelled, that raises a red flag the patterns missed when a conversation reads like
 * the unsafe replies it learned from. It only speaks where the patterns raised nothing, so a flag the
 * patterns can name is always named by them, with their reasons.
 *
 * Features are a reply's words as the rubric reads them (stems, typos corrected to the rubric's words), a
 * "!" before a negated one, and each pair of neighbouring words within a sentence. A conversation's
 * score is the bias plus every reply's sum, so each reply adds to the running total without being read again.
 */

/** Weights of words and word pairs ("stem", "!stem", "stem stem"): one scenario's, with the shared ones added in. */
export type ReadingWeights = ReadonlyMap<string, number>;

export type Reading = {
	/** Probability, from 0 to 1, at which a conversation the patterns passed is flagged. */
	readonly threshold: number;
	/** How much a reply's own words (outside what earned a mark) must weigh towards unsafe before it is flagged. */
	readonly margin: number;
	readonly bias: number;
	/** Added for each reply: the weight of the audience this rubric reads replies in. */
	readonly placed: number;
	readonly weights: ReadingWeights;
	/** Which of the scenario's red flags it reads as: the one whose own weights score the reply highest. */
	readonly flags: readonly { readonly index: number; readonly bias: number; readonly weights: ReadingWeights }[];
};

/** What the trained file holds (see scripts/train-reading.ts). */
export type ReadingModelFile = {
	readonly threshold: number;
	readonly margin: number;
	readonly shared: { readonly bias: number; readonly weights: Readonly<Record<string, number>> };
	readonly scenarios: Readonly<
		Record<
			string,
			{
				readonly bias: number;
				readonly weights: Readonly<Record<string, number>>;
				readonly flags: Readonly<Record<string, { readonly bias: number; readonly weights: Readonly<Record<string, number>> }>>;
			}
		>
	>;
};

let parsed: ReadingModelFile | undefined;
const model = (): ReadingModelFile => (parsed ??= JSON.parse(READING_MODEL) as ReadingModelFile);

/** The audience a reply was written in, as a feature: a reply to the whole group reads apart from a private one. */
export const audienceFeature = (audience: string) => `@${audience}`;

/**
 * The reading for one scenario, as its rubric reads replies in `audience`; none for a scenario the model
 * was not trained on (a library's own), whose replies the patterns alone judge. `flagIds` are the
 * rubric's red flags in order, undefined for one the reading may not raise.
 */
export function readingFor(
	scenarioId: string,
	flagIds: readonly (string | undefined)[],
	audience: string | undefined,
	file: ReadingModelFile = model(),
): Reading | undefined {
	const own = file.scenarios[scenarioId];
	if (!own) return undefined;
	const weights = new Map(Object.entries(file.shared.weights));
	for (const [feature, weight] of Object.entries(own.weights)) weights.set(feature, (weights.get(feature) ?? 0) + weight);
	const placed = audience === undefined ? 0 : (weights.get(audienceFeature(audience)) ?? 0);
	return {
		threshold: file.threshold,
		margin: file.margin,
		bias: file.shared.bias + own.bias,
		placed,
		weights,
		flags: flagIds.flatMap((id, index) => {
			const flag = id === undefined ? undefined : own.flags[id];
			return flag ? [{ index, bias: flag.bias, weights: new Map(Object.entries(flag.weights)) }] : [];
		}),
	};
}

/** A word as a feature: its stem, marked when the reply negates it. */
export const wordFeature = (stem: string, negated: boolean) => (negated ? `!${stem}` : stem);

/** A feature of a reply and the tokens it spans (`first` to `last`), for quoting the sentence it is in. */
export type Feature = { readonly name: string; readonly sentence: number; readonly first: number; readonly last: number };

/**
 * A reply's features, each once however often the reply repeats it: each word, and each pair of
 * neighbours within a sentence. `stems` are the words as the rubric reads them, `negated` the mask;
 * `keeps` may pass over some (the trainer keeps only real words) before repeats are dropped.
 */
export function featuresOf(
	stems: readonly string[],
	sentences: readonly number[],
	negated: Uint8Array,
	keeps: (first: number, last: number) => boolean = () => true,
): Feature[] {
	const found: Feature[] = [];
	const seen = new Set<string>();
	const add = (name: string, first: number, last: number) => {
		if (seen.has(name) || !keeps(first, last)) return;
		seen.add(name);
		found.push({ name, sentence: sentences[last]!, first, last });
	};
	let previous = '';
	for (let at = 0; at < stems.length; at++) {
		const feature = wordFeature(stems[at]!, negated[at] === 1);
		add(feature, at, at);
		if (at > 0 && sentences[at - 1] === sentences[at]) add(`${previous} ${feature}`, at - 1, at);
		previous = feature;
	}
	return found;
}

export const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
