import { READING_MODEL } from './reading-model.js';
import type { ReadingModelSource } from './reading-model-source.js';

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
	/** `weights` as tables, for reading a reply without spelling out its features (see sharesOf). */
	readonly table: WeightTable;
};

/**
 * Each word feature that a weight names has an id: `byStem` holds a stem's ids as read and as negated (-1 for
 * none), so a reply's words are looked up by the stems they already have, with no "!stem" made for each; a
 * word's weight is by id, a pair's by `first * size + second`; `seen` marks ids counted in the reply being read.
 */
type WeightTable = {
	readonly byStem: ReadonlyMap<string, readonly [number, number]>;
	readonly words: Float64Array;
	readonly pairs: ReadonlyMap<number, number>;
	/** 1 for each id that opens a weighted pair: most words open none, and are not looked up as pairs. */
	readonly opensPair: Uint8Array;
	readonly seen: Uint32Array;
	generation: number;
};

function tableOf(weights: ReadingWeights): WeightTable {
	const ids = new Map<string, number>();
	const idOf = (name: string) => {
		let id = ids.get(name);
		if (id === undefined) ids.set(name, (id = ids.size));
		return id;
	};
	const wordWeights: [number, number][] = [];
	const pairWeights: [number, number, number][] = [];
	for (const [name, weight] of weights) {
		const space = name.indexOf(' ');
		if (space < 0) wordWeights.push([idOf(name), weight]);
		else pairWeights.push([idOf(name.slice(0, space)), idOf(name.slice(space + 1)), weight]);
	}
	const words = new Float64Array(ids.size);
	for (const [id, weight] of wordWeights) words[id] = weight;
	const byStem = new Map<string, [number, number]>();
	for (const [name, id] of ids) {
		const negated = name.startsWith('!');
		const stem = negated ? name.slice(1) : name;
		const entry = byStem.get(stem) ?? [-1, -1];
		entry[negated ? 1 : 0] = id;
		byStem.set(stem, entry);
	}
	const opensPair = new Uint8Array(ids.size);
	for (const [first] of pairWeights) opensPair[first] = 1;
	return {
		byStem,
		words,
		pairs: new Map(pairWeights.map(([first, second, weight]) => [first * ids.size + second, weight])),
		opensPair,
		seen: new Uint32Array(ids.size),
		generation: 0,
	};
}

/**
 * Each sentence's share of a reply's reading: the weights of its features (see featuresOf, with the
 * same `keeps`), each counted once however often the reply repeats it. It reads the words as featuresOf
 * names them, by table, so a reply's features need not be spelt out.
 */
export function sharesOf(
	reading: Reading,
	stems: readonly string[],
	sentences: readonly number[],
	negated: Uint8Array,
	keeps: (first: number, last: number) => boolean,
	sentenceCount: number,
): Float64Array {
	const table = reading.table;
	const { byStem, words, pairs, seen, opensPair } = table;
	const size = words.length;
	const shares = new Float64Array(sentenceCount);
	// A new generation unmarks every word id at once; the few pairs a reply has are kept in a set.
	const generation = (table.generation = table.generation === 0xffffffff ? 1 : table.generation + 1);
	if (generation === 1) seen.fill(0);
	let countedPairs: Set<number> | undefined;
	let previous = -1;
	for (let at = 0; at < stems.length; at++) {
		const entry = byStem.get(stems[at]!);
		const id = entry === undefined ? -1 : entry[negated[at] === 1 ? 1 : 0];
		if (id >= 0 && words[id] !== 0 && seen[id] !== generation && keeps(at, at)) {
			seen[id] = generation;
			shares[sentences[at]!]! += words[id]!;
		}
		if (id >= 0 && previous >= 0 && opensPair[previous] === 1 && sentences[at - 1] === sentences[at]) {
			// A small integer, kept one: keys stay below 2^31 for any table this size.
			const key = (previous * size + id) | 0;
			const weight = pairs.get(key);
			if (weight !== undefined && !(countedPairs?.has(key) ?? false) && keeps(at - 1, at)) {
				(countedPairs ??= new Set()).add(key);
				shares[sentences[at]!]! += weight;
			}
		}
		previous = id;
	}
	return shares;
}

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

/** The file as written out: `file` with the shared weights and each scenario's own in JSON of their own. */
export function modelSource(file: ReadingModelFile): ReadingModelSource {
	return {
		threshold: file.threshold,
		margin: file.margin,
		shared: JSON.stringify(file.shared),
		scenarios: Object.fromEntries(Object.entries(file.scenarios).map(([id, own]) => [id, JSON.stringify(own)])),
	};
}

let shared: ReadingModelFile['shared'] | undefined;
const parsedScenarios = new Map<string, ReadingModelFile['scenarios'][string]>();

/** The built-in model as far as `scenarioId` needs it. */
function model(scenarioId: string): ReadingModelFile {
	const source: ReadingModelSource = READING_MODEL;
	shared ??= JSON.parse(source.shared) as ReadingModelFile['shared'];
	let own = parsedScenarios.get(scenarioId);
	const text = source.scenarios[scenarioId];
	if (own === undefined && text !== undefined) parsedScenarios.set(scenarioId, (own = JSON.parse(text) as ReadingModelFile['scenarios'][string]));
	return { threshold: source.threshold, margin: source.margin, shared, scenarios: own === undefined ? {} : { [scenarioId]: own } };
}

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
	file: ReadingModelFile = model(scenarioId),
): Reading | undefined {
	const own = file.scenarios[scenarioId];
	if (!own) return undefined;
	const weights = new Map(Object.entries(file.shared.weights));
	for (const [feature, weight] of Object.entries(own.weights)) weights.set(feature, (weights.get(feature) ?? 0) + weight);
	const placed = audience === undefined ? 0 : (weights.get(audienceFeature(audience)) ?? 0);
	// Which flag to raise is asked only when one is raised: its weights are read then, not at start-up.
	let flags: Reading['flags'] | undefined;
	return {
		threshold: file.threshold,
		margin: file.margin,
		bias: file.shared.bias + own.bias,
		placed,
		weights,
		get flags() {
			return (flags ??= flagIds.flatMap((id, index) => {
				const flag = id === undefined ? undefined : own.flags[id];
				return flag ? [{ index, bias: flag.bias, weights: new Map(Object.entries(flag.weights)) }] : [];
			}));
		},
		table: tableOf(weights),
	};
}

/** A word as a feature: its stem, marked when the reply negates it. */
export const wordFeature = (stem: string, negated: boolean) => (negated ? `!${stem}` : stem);

/** A feature of a reply and the sentence it is in. */
export type Feature = { readonly name: string; readonly sentence: number };

/**
 * A reply's features, each once however often the reply repeats it: each word, and each pair of
 * neighbours within a sentence. `stems` are the words as the rubric reads them, `negated` the mask;
 * `keeps` may pass over some, by the tokens each spans (the trainer keeps only real words), before
 * repeats are dropped.
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
		found.push({ name, sentence: sentences[last]! });
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
