// Trains the rubric's second reader (source/rubric/reading.ts): npm run train:reading [-- --cv]
//
// Learns, from replies examiners labelled, which words make a conversation unsafe in each scenario, and
// which of the scenario's red flags they read as. Trained on the labelled set, the blind dev set and each
// scenario's model reply (safe); never on the frozen blind test set, which only `npm run eval` scores.
// Plain logistic regression, full-batch gradient descent from zero: the same data gives the same file.
// `--cv` prints five-fold cross-validation on the dev set for a range of thresholds instead of writing
// the file: choose the threshold there, never on the test set.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as prettier from 'prettier';
import { parse } from 'yaml';
import { isEnglishWord } from '../source/dictionary/english.js';
import { compileScenarioRubric, rubricIn, scorePlaced } from '../source/rubric/audience.js';
import type { CompiledRubric } from '../source/rubric/compile.js';
import { readingInput } from '../source/rubric/match.js';
import { audienceFeature, featuresOf, modelSource, sigmoid, type ReadingModelFile } from '../source/rubric/reading.js';
import { loadScenarios } from '../source/library/scenario-files.js';
import { addressedLine } from '../source/scenario/audiences.js';
import type { Scenario } from '../source/scenario/schema.js';

const ROOT = join(import.meta.dirname, '..');
const OUTPUT = join(ROOT, 'source/rubric/reading-model.ts');
// Chosen by `--cv` on the dev set (see the README's seventh pass), with MARGIN: the pair that caught most
// unsafe replies while keeping false alarms under 5% once the seventh batch joined dev.
const THRESHOLD = 0.9;
// Chosen with it: a reply's own words must weigh this much towards unsafe, so a reply is flagged for what it says.
const MARGIN = 1;
const ITERATIONS = 300;
const RATE = 0.5;
// Weights smaller than this change no decision and are left out of the file.
const PRUNE = 0.06;

const loaded = await loadScenarios(join(ROOT, 'scenarios'));
if (!('criteria' in loaded) || loaded.errors.length > 0) throw new Error('the scenario library has errors: run postsafe validate');
const library = loaded;

type Item = {
	readonly scenario: string;
	readonly set: 'labelled' | 'dev' | 'model';
	readonly unsafe: boolean;
	readonly flags: readonly string[];
	readonly replies: readonly ReplyFeatures[];
	/** Whether the patterns alone raised a flag (the reading never speaks then). */
	readonly ruled: boolean;
};

/**
 * A reply's features as indexes into `features`: all of them (to learn from), and as the rubric reads
 * them (see readReply): where it was written, its sentences that earned no mark, and each that did.
 */
type ReplyFeatures = {
	readonly all: readonly number[];
	readonly placed: readonly number[];
	readonly own: readonly number[];
	readonly earned: readonly (readonly number[])[];
};

const features = new Map<string, number>();
const featureId = (name: string) => {
	let id = features.get(name);
	if (id === undefined) features.set(name, (id = features.size));
	return id;
};
const rubrics = new Map<string, CompiledRubric>();
const scenarios = new Map<string, Scenario>(library.scenarios.map(entry => [entry.scenario.id, entry.scenario]));

function replyFeatures(rubric: CompiledRubric, text: string, audience: string | undefined): ReplyFeatures {
	const input = readingInput(rubric, text);
	// Only the learner's own real words: a name or a typo the rubric could not correct says nothing about another reply.
	const found = featuresOf(
		input.stems,
		input.sentences,
		input.negated,
		(first, last) => input.own(first, last) && input.words.slice(first, last + 1).every(isEnglishWord),
	);
	const placed = audience === undefined ? [] : [featureId(audienceFeature(audience))];
	const ids = (sentence: (at: number) => boolean) => found.filter(feature => sentence(feature.sentence)).map(feature => featureId(feature.name));
	return {
		all: [...placed, ...found.map(feature => featureId(feature.name))],
		placed,
		own: ids(sentence => !input.earned.has(sentence)),
		earned: [...input.earned].map(earned => ids(sentence => sentence === earned)),
	};
}

const items: Item[] = [];
function addItem(scenario: Scenario, set: Item['set'], texts: readonly string[], flags: readonly string[]) {
	let rubric = rubrics.get(scenario.id);
	if (!rubric) rubrics.set(scenario.id, (rubric = compileScenarioRubric(scenario, library.criteria.library, isEnglishWord)));
	const placed = texts.map(text => addressedLine(scenario, text)).flatMap(line => (line.kind === 'reply' ? [line] : []));
	const score = scorePlaced(rubric, placed);
	items.push({
		scenario: scenario.id,
		set,
		unsafe: flags.length > 0,
		flags,
		replies: placed.map(line => replyFeatures(rubricIn(rubric, line.audience), line.text, line.audience)),
		ruled: score.replies.some(reply => reply.redFlags.some(flag => flag.read !== true)),
	});
}

for (const [directory, set] of [
	['test/fixtures/labelled', 'labelled'],
	['test/fixtures/blind/dev', 'dev'],
] as const) {
	for (const file of readdirSync(join(ROOT, directory))
		.filter(name => name.endsWith('.yaml'))
		.sort()) {
		const scenario = scenarios.get(file.replace(/\.yaml$/, ''));
		if (!scenario) continue;
		for (const entry of parse(readFileSync(join(ROOT, directory, file), 'utf8')) as { replies: string[]; redFlags: string[] }[])
			addItem(scenario, set, entry.replies, entry.redFlags);
	}
}
for (const scenario of scenarios.values())
	addItem(
		scenario,
		'model',
		[scenario.debrief.modelAudience ? `@${scenario.debrief.modelAudience} ${scenario.debrief.modelReply}` : scenario.debrief.modelReply],
		[],
	);

/** A feature crossed with its scenario: the same words can be safe in one situation and not in another. */
const crossed = new Map<string, number>();
const crossedId = (scenario: string, feature: number) => {
	const key = `${scenario}\u0000${feature}`;
	let id = crossed.get(key);
	if (id === undefined) crossed.set(key, (id = crossed.size));
	return id;
};

type Example = { readonly shared: readonly number[]; readonly own: readonly number[]; readonly target: number };

/** Logistic regression over (shared, own) feature lists, each with a bias; returns both weight sets. */
function train(examples: readonly Example[], sharedSize: number, ownSize: number) {
	const shared = new Float64Array(sharedSize + 1);
	const own = new Float64Array(ownSize);
	const sharedGradient = new Float64Array(shared.length);
	const ownGradient = new Float64Array(own.length);
	const scale = (10 * RATE) / Math.max(1, examples.length);
	const decay = RATE / Math.max(1, examples.length);
	for (let iteration = 0; iteration < ITERATIONS; iteration++) {
		sharedGradient.fill(0);
		ownGradient.fill(0);
		for (const example of examples) {
			let z = shared[sharedSize]!;
			for (const feature of example.shared) z += shared[feature]!;
			for (const feature of example.own) z += own[feature]!;
			const error = sigmoid(z) - example.target;
			sharedGradient[sharedSize]! += error;
			for (const feature of example.shared) sharedGradient[feature]! += error;
			for (const feature of example.own) ownGradient[feature]! += error;
		}
		for (let at = 0; at < shared.length; at++)
			if (sharedGradient[at] !== 0 || shared[at] !== 0) shared[at] = shared[at]! - scale * sharedGradient[at]! - decay * shared[at]!;
		for (let at = 0; at < own.length; at++) if (ownGradient[at] !== 0 || own[at] !== 0) own[at] = own[at]! - scale * ownGradient[at]! - decay * own[at]!;
	}
	return { shared, own };
}

const BIAS = '\u0000bias';
featureId(BIAS);
// Every feature is known once the replies are read: names by index, worked out once.
const names = [...features.keys()];
/** The model file from a training set. */
function fit(training: readonly Item[]): ReadingModelFile {
	const biasOf = (scenario: string) => crossedId(scenario, featureId(BIAS));
	const examples = training.map((item): Example => ({
		shared: item.replies.flatMap(reply => reply.all),
		own: [biasOf(item.scenario), ...item.replies.flatMap(reply => reply.all).map(feature => crossedId(item.scenario, feature))],
		target: item.unsafe ? 1 : 0,
	}));
	const detector = train(examples, features.size, crossed.size);
	const round = (weight: number) => Math.round(weight * 1e4) / 1e4;
	const kept = (weights: Iterable<[string, number]>) =>
		Object.fromEntries([...weights].filter(([, weight]) => Math.abs(weight) >= PRUNE).map(([name, weight]) => [name, round(weight)]));
	const scenarioModels: Record<string, ReadingModelFile['scenarios'][string]> = {};
	const crossedKeys = [...crossed.keys()];
	for (const scenario of new Set(training.map(item => item.scenario))) {
		const prefix = `${scenario}\u0000`;
		const own = crossedKeys.flatMap((key, at): [string, number][] =>
			key.startsWith(prefix) ? [[names[Number(key.slice(prefix.length))]!, detector.own[at]!]] : [],
		);
		const unsafe = training.filter(item => item.scenario === scenario && item.unsafe);
		const rubric = rubrics.get(scenario)!;
		const flags: Record<string, { bias: number; weights: Record<string, number> }> = {};
		for (const flag of rubric.redFlags) {
			if (unsafe.length === 0) break;
			const chooser = train(
				unsafe.map(item => ({ shared: item.replies.flatMap(reply => reply.all), own: [], target: item.flags.includes(flag.id) ? 1 : 0 })),
				features.size,
				0,
			);
			flags[flag.id] = { bias: round(chooser.shared[features.size]!), weights: kept(names.map((name, at) => [name, chooser.shared[at]!])) };
		}
		scenarioModels[scenario] = {
			bias: round(own.find(([name]) => name === BIAS)?.[1] ?? 0),
			weights: kept(own.filter(([name]) => name !== BIAS)),
			flags,
		};
	}
	return {
		threshold: THRESHOLD,
		margin: MARGIN,
		shared: { bias: round(detector.shared[features.size]!), weights: kept(names.map((name, at) => [name, detector.shared[at]!])) },
		scenarios: scenarioModels,
	};
}

/** The conversation's probability as the rubric reads it: the highest running total over its replies. */
function probability(file: ReadingModelFile, item: Item): number {
	const own = file.scenarios[item.scenario];
	if (!own) return 0;
	let z = file.shared.bias + own.bias;
	let best = 0;
	const weight = (feature: number) => (file.shared.weights[names[feature]!] ?? 0) + (own.weights[names[feature]!] ?? 0);
	const total = (ids: readonly number[]) => ids.reduce((sum, feature) => sum + weight(feature), 0);
	for (const reply of item.replies) {
		const own = total(reply.own);
		z += total(reply.placed) + own + reply.earned.reduce((sum, sentence) => sum + total(sentence), 0);
		if (own > file.margin) best = Math.max(best, sigmoid(z));
	}
	return best;
}

if (process.argv.includes('--cv')) {
	const FOLDS = 5;
	const results: { item: Item; p: number }[] = [];
	for (let fold = 0; fold < FOLDS; fold++) {
		const file = fit(items.filter((_, at) => at % FOLDS !== fold));
		for (const item of items.filter((_, at) => at % FOLDS === fold)) if (item.set === 'dev') results.push({ item, p: probability(file, item) });
	}
	const unsafe = results.filter(result => result.item.unsafe).length;
	const safe = results.length - unsafe;
	const caught = results.filter(result => result.item.unsafe && result.item.ruled).length;
	const alarms = results.filter(result => !result.item.unsafe && result.item.ruled).length;
	console.log(
		`dev, five-fold: ${results.length} conversations; the patterns alone catch ${((100 * caught) / unsafe).toFixed(1)}%, false alarms ${((100 * alarms) / safe).toFixed(1)}%`,
	);
	for (const threshold of [0.5, 0.6, 0.7, 0.8, 0.85, 0.88, 0.9, 0.92, 0.95]) {
		const added = results.filter(result => !result.item.ruled && result.p >= threshold);
		const more = added.filter(result => result.item.unsafe).length;
		console.log(
			`  threshold ${threshold.toFixed(2)}: recall ${((100 * (caught + more)) / unsafe).toFixed(1)}%, false alarms ${((100 * (alarms + added.length - more)) / safe).toFixed(1)}%`,
		);
	}
} else {
	const file = fit(items);
	const source = [
		'// Written by scripts/train-reading.ts from the labelled and blind dev replies: do not edit by hand.',
		"import type { ReadingModelSource } from './reading-model-source.js';",
		'',
		`export const READING_MODEL: ReadingModelSource = ${JSON.stringify(modelSource(file))};`,
		'',
	].join('\n');
	// Written as the formatter would, so `npm run format:check` passes on a freshly trained model.
	writeFileSync(OUTPUT, await prettier.format(source, { ...(await prettier.resolveConfig(OUTPUT)), filepath: OUTPUT }));
	const count = Object.keys(file.shared.weights).length + Object.values(file.scenarios).reduce((sum, own) => sum + Object.keys(own.weights).length, 0);
	console.log(`wrote ${OUTPUT}: ${items.length} conversations, ${count} weights`);
}
