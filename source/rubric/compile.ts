import type { Anchor, CriteriaLibrary, CriterionId, Scenario } from '../scenario/schema.js';
import type { SentenceAct } from './clinical-acts.js';
import { FuzzyVocabulary } from './fuzzy.js';
import { requestedVerbs } from './requested-act.js';
import { phraseStems, type Lexeme } from './normalise.js';
import { compilePattern, type CompiledPattern, type Lexicons } from './pattern.js';
import { readingFor, type Reading } from './reading.js';

export const IDENTIFIER_FLAG = 'patient-identifier';

export type RubricCriterion = {
	readonly id: CriterionId;
	readonly label: string;
	readonly means: string;
	readonly points: number;
	readonly feedback: { readonly met: string; readonly missed: string };
	readonly anchors: readonly Anchor[];
	/** Role-plays: a reply of at least this many words meets it unless something undoes it (see `tone`). */
	readonly toneWords: number | undefined;
};

export type RubricRedFlag = {
	readonly id: string;
	readonly label: string;
	readonly why: string;
	/** Indexes of the criteria this flag undoes when raised. */
	readonly breaches: readonly number[];
	/**
	 * Raised by where the words were written (an `in:` limit), not by the words: a challenge fine in
	 * private is a call-out in public. Its sentence still earns what it would elsewhere, less what the flag breaches.
	 */
	readonly placed?: true;
};

export type PatternOwner =
	| { readonly kind: 'criterion'; readonly index: number }
	| { readonly kind: 'step'; readonly index: number }
	| { readonly kind: 'spoiler'; readonly index: number }
	| { readonly kind: 'redFlag'; readonly index: number };

/** A step of a well-structured interview answer: scored apart from the criteria, for no points. */
export type RubricStep = { readonly id: string; readonly label: string; readonly missed: string };

export type OwnedPattern = CompiledPattern & { readonly owner: PatternOwner };

/** A rubric's view of one word: the stem it reads (its own, or the rubric word it is a typo of) and the phrases anchored on it. */
export type WordView = {
	readonly stem: string;
	readonly entries: readonly IndexEntry[] | undefined;
	/**
	 * The same entries by pattern, as triples (pattern, its slot bits, its first entry): the first pass over a
	 * reply tallies the bits, the second reads only the entries of patterns whose every slot the reply holds.
	 */
	readonly slotBits: Int32Array | undefined;
	/** Its stem is one of what the situation is about (`topic`). */
	readonly topical: boolean;
	/** A word that makes a sentence of a string of terms ("the", "you", "will"). */
	readonly functional: boolean;
};

/**
 * A pattern slot's alternative, looked up by its anchor: the longest stem of the phrase, which is the
 * rarest in practice ("scroll" in "I would just scroll past"), so common words trigger few checks.
 */
export type IndexEntry = {
	readonly pattern: number;
	readonly slot: number;
	readonly stems: readonly string[];
	/** Position of the anchor stem within `stems`. */
	readonly anchor: number;
};

export type CompiledRubric = {
	/** What this rubric made of each word it has read: worked out once per word, on first sight. */
	readonly views: Map<Lexeme, WordView>;
	readonly scenarioId: string;
	readonly criteria: readonly RubricCriterion[];
	/** Interviews: the steps of a well-structured answer, in order (none for a role-play). */
	readonly steps: readonly RubricStep[];
	/** The scenario's red flags, then the built-in identifier flag. */
	readonly redFlags: readonly RubricRedFlag[];
	readonly identifierKinds: CriteriaLibrary['identifiers']['kinds'];
	readonly redFlagCap: number;
	/** Indexes of the red flags a bare agreement raises: what agreeing to the other party's requests would be. */
	readonly agreementFlags: readonly number[];
	/** The verbs of what was asked ("send", "post"), each with the red flags doing it raises: "I'll send a script over". */
	readonly requested: ReadonlyMap<string, readonly number[]>;
	/** Red flags raised by a clinical act rather than by words ("=treatment-advice" among their patterns). */
	readonly acts: readonly { readonly flag: number; readonly act: SentenceAct }[];
	readonly max: number;
	readonly patterns: readonly OwnedPattern[];
	/** For each pattern, one bit per slot: what a reply must hold before its occurrences are worth collecting. */
	readonly allSlots: Int32Array;
	/** For each pattern, whether it is a red flag's. */
	readonly isRedFlag: Uint8Array;
	readonly index: ReadonlyMap<string, readonly IndexEntry[]>;
	/** `index` as (pattern, slot bits, first entry) triples, one per pattern, for each anchor stem (see WordView). */
	readonly slotBits: ReadonlyMap<string, Int32Array>;
	/**
	 * Scratch for reading one reply: the slots seen so far per pattern, valid where `stamp` holds the
	 * reply's number. Reading is synchronous, so one per rubric serves every reply without clearing it.
	 */
	readonly tally: { readonly seen: Int32Array; readonly stamp: Uint32Array; reply: number };
	readonly vocabularyStems: ReadonlySet<string>;
	readonly fuzzy: FuzzyVocabulary;
	/**
	 * Stems of what this situation is about: the other party's first name and the words of the setting and
	 * the opening that no criterion listens for ("rash", "ECG", "collagen"). A conversation that touches none of them
	 * is about some other situation, and cannot earn full marks.
	 */
	readonly topic: ReadonlySet<string>;
	/** The other party's first name, as a stem: naming them touches the situation twice over. */
	readonly partnerStem: string;
	/** The trained second reader, for a scenario it was trained on (see reading.ts). */
	readonly reading: Reading | undefined;
};

// Words of an opening that say nothing about its situation.
const PLAIN = new Set(
	phraseStems(
		'i you we he she they it me him her us them my your our his their this that these those the a an to of in on at by for with from about and or but so if not no is are was were be been am will would can could should shall must may might do does did have has had please let just what how there here any some all as too very really then than when also like get got going want know think see look make smile lol thumbsup mocking sorry tonight through which after made much now time next before last ago still more over off thank thanks hello hi hiya hey doctor good mind said saw one two',
	),
);

/** A word and its common inflections, so a typo of "identified" is corrected though the pattern says "identify". */
function inflections(word: string): string[] {
	if (word.length < 4 || !/^[a-z]+$/.test(word)) return [word];
	const base = word.endsWith('e') ? word.slice(0, -1) : word;
	const forms = [word, `${word}s`, `${base}ed`, `${base}ing`];
	if (word.endsWith('y')) forms.push(`${word.slice(0, -1)}ied`, `${word.slice(0, -1)}ies`);
	return forms;
}

function compileOrThrow(source: string, lexicons: Lexicons, owner: PatternOwner): OwnedPattern {
	const result = compilePattern(source, lexicons);
	// The loader reports pattern errors with file:line:col before a rubric is ever compiled.
	if (!result.ok) throw new Error(`pattern "${source}" did not compile: ${result.error}`);
	return { ...result.pattern, owner };
}

/**
 * Builds the matcher for one scenario: the library's default evidence for each criterion it scores,
 * its own evidence and red flags, all indexed by first stem so a reply is read in one pass.
 * `isKnownWord` tells real words from typos (see source/dictionary).
 */
export function compileRubric(scenario: Scenario, library: CriteriaLibrary, isKnownWord: (word: string) => boolean, audience?: string): CompiledRubric {
	const lexicons: Lexicons = [scenario.rubric.lexicon, library.lexicon];
	const patterns: OwnedPattern[] = [];
	// What the library's criteria listen for in every scenario: generic, so no sign of a situation.
	const generic = new Set<string>();
	const criteria = scenario.rubric.criteria.map((chosen, index): RubricCriterion => {
		const definition = library.criteria[chosen.id];
		const owner = { kind: 'criterion', index } as const;
		for (const source of definition.evidence) {
			const pattern = compileOrThrow(source, [library.lexicon], owner);
			patterns.push(pattern);
			for (const alternatives of pattern.slots) for (const alternative of alternatives) for (const stem of alternative.stems) generic.add(stem);
		}
		for (const source of chosen.evidence) patterns.push(compileOrThrow(source, lexicons, owner));
		for (const source of definition.spoiltBy) patterns.push(compileOrThrow(source, [library.lexicon], { kind: 'spoiler', index }));
		for (const source of chosen.spoiltBy) patterns.push(compileOrThrow(source, lexicons, { kind: 'spoiler', index }));
		return {
			id: chosen.id,
			label: definition.label,
			means: definition.means,
			points: chosen.points,
			feedback: definition.feedback,
			anchors: definition.anchors,
			toneWords: scenario.mode === 'roleplay' ? definition.tone?.words : undefined,
		};
	});
	const steps = scenario.rubric.structure.map((step, index): RubricStep => {
		for (const source of step.evidence) patterns.push(compileOrThrow(source, lexicons, { kind: 'step', index }));
		return { id: step.id, label: step.label, missed: step.missed };
	});
	const criterionIndexes = (ids: readonly CriterionId[]) => criteria.flatMap((criterion, index) => (ids.includes(criterion.id) ? [index] : []));
	const acts: { readonly flag: number; readonly act: SentenceAct }[] = [];
	const redFlags: RubricRedFlag[] = scenario.rubric.redFlags.map((flag, index) => {
		for (const source of flag.patterns) {
			const pattern = compileOrThrow(source, lexicons, { kind: 'redFlag', index });
			if (pattern.act) acts.push({ flag: index, act: pattern.act });
			else patterns.push(pattern);
		}
		return {
			id: flag.id,
			label: flag.label,
			why: flag.why,
			breaches: criterionIndexes(flag.breaches),
			...(flag.in === undefined ? {} : { placed: true as const }),
		};
	});
	redFlags.push({
		id: IDENTIFIER_FLAG,
		label: library.identifiers.label,
		why: library.identifiers.why,
		breaches: criterionIndexes(library.identifiers.breaches),
	});
	const requested = requestedVerbs(
		scenario.rubric.requests
			.map(request => ({ asks: request.asks, flag: redFlags.findIndex(flag => flag.id === request.agreeing) }))
			.filter(request => request.flag >= 0),
	);
	const agreementFlags = [...new Set(scenario.rubric.requests.map(request => redFlags.findIndex(flag => flag.id === request.agreeing)))].filter(
		index => index >= 0,
	);

	const index = new Map<string, IndexEntry[]>();
	const vocabularyStems = new Set<string>();
	const vocabularyWords: string[] = [];
	patterns.forEach((pattern, patternIndex) => {
		pattern.slots.forEach((alternatives, slot) => {
			for (const alternative of alternatives) {
				const anchor = alternative.stems.reduce((longest, stem, position, stems) => (stem.length > stems[longest]!.length ? position : longest), 0);
				const key = alternative.stems[anchor]!;
				const entries = index.get(key) ?? [];
				entries.push({ pattern: patternIndex, slot, stems: alternative.stems, anchor });
				index.set(key, entries);
				for (const stem of alternative.stems) vocabularyStems.add(stem);
				vocabularyWords.push(...alternative.words.flatMap(inflections));
			}
		});
	});

	const slotBits = new Map<string, Int32Array>();
	for (const [key, entries] of index) {
		// Stable: a pattern's entries keep their order, so its occurrences are found in the same order.
		entries.sort((a, b) => a.pattern - b.pattern);
		const triples: number[] = [];
		entries.forEach((entry, position) => {
			if (triples.at(-3) === entry.pattern) triples[triples.length - 2]! |= 1 << entry.slot;
			else triples.push(entry.pattern, 1 << entry.slot, position);
		});
		slotBits.set(key, Int32Array.from(triples));
	}

	const topic = new Set([
		...(scenario.mode === 'interview' ? [] : phraseStems(scenario.partner.name.split(/\s+/)[0]!)),
		// An interview question is general; its setting says what it is about. A role-play's opening does.
		...[
			scenario.mode === 'interview' ? scenario.setting : scenario.partner.wants,
			...scenario.opening.map(message => `${message.text} ${message.attachment ?? ''}`),
		]
			.flatMap(phraseStems)
			.filter(stem => stem.length >= 3 && !PLAIN.has(stem) && !generic.has(stem) && !/^\d+$/.test(stem)),
	]);
	return {
		topic,
		partnerStem: phraseStems(scenario.partner.name.split(/\s+/)[0]!)[0] ?? '',
		views: new Map(),
		scenarioId: scenario.id,
		criteria,
		steps,
		redFlags,
		identifierKinds: library.identifiers.kinds,
		redFlagCap: scenario.rubric.redFlagCap,
		agreementFlags,
		requested,
		acts,
		max: criteria.reduce((sum, criterion) => sum + criterion.points, 0),
		patterns,
		allSlots: Int32Array.from(patterns, pattern => (1 << pattern.slots.length) - 1),
		isRedFlag: Uint8Array.from(patterns, pattern => (pattern.owner.kind === 'redFlag' ? 1 : 0)),
		index,
		slotBits,
		tally: { seen: new Int32Array(patterns.length), stamp: new Uint32Array(patterns.length), reply: 0 },
		vocabularyStems,
		fuzzy: new FuzzyVocabulary(vocabularyWords, isKnownWord),
		// Not the identifier flag, which names what it found, nor one that cannot count where this rubric reads.
		reading: readingFor(
			scenario.id,
			redFlags.map((flag, index) => (flag.id === IDENTIFIER_FLAG || scenario.rubric.redFlags[index]?.patterns.length === 0 ? undefined : flag.id)),
			audience,
		),
	};
}
