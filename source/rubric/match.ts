import type { IdentifierKind } from '../scenario/schema.js';
import { IDENTIFIER_FLAG, type CompiledRubric, type OwnedPattern } from './compile.js';
import { findIdentifiers } from './identifiers.js';
import { negationMask } from './negation.js';
import { stem, tokenise, type Tokenised } from './normalise.js';
import { quoteAround } from './quote.js';

/** Words of a reply that earned (or lost) a mark, quoted from what the learner actually wrote. */
export type Evidence = {
	/** The sentence (or the part of a long one) that holds the match, verbatim. */
	readonly quote: string;
	/** Character ranges of the matched words in the reply, for highlighting. */
	readonly spans: readonly (readonly [number, number])[];
	/** The pattern that matched, or the kind of identifier found. */
	readonly reason: string;
	readonly identifier?: IdentifierKind;
};

export type CriterionMatch = {
	readonly met: boolean;
	readonly evidence: readonly Evidence[];
	/** Words that would have met the criterion had they not been negated ("I won't be documenting this"). */
	readonly against: readonly Evidence[];
};

export type ReplyMatch = {
	/** In the rubric's criterion order. */
	readonly criteria: readonly CriterionMatch[];
	/** Raised red flags only, in the rubric's order. */
	readonly redFlags: readonly { readonly id: string; readonly evidence: readonly Evidence[] }[];
};

type Occurrence = {
	readonly slot: number;
	readonly start: number;
	readonly end: number;
	readonly negated: boolean;
	readonly sentence: number;
};

type Window = { readonly start: number; readonly end: number; readonly occurrences: readonly Occurrence[] };

/** Every place a pattern slot is filled, grouped by pattern, each list in text order. */
function findOccurrences(rubric: CompiledRubric, tokenised: Tokenised): Map<number, Occurrence[]> {
	const { tokens } = tokenised;
	const stems = new Array<string>(tokens.length);
	for (let index = 0; index < tokens.length; index++) {
		const token = tokens[index]!;
		stems[index] = rubric.fuzzy.resolveStem(token.word, token.stem, rubric.vocabularyStems, stem);
	}
	const negated = negationMask(tokens);
	const byPattern = new Map<number, Occurrence[]>();
	for (let at = 0; at < tokens.length; at++) {
		const entries = rubric.index.get(stems[at]!);
		if (entries === undefined) continue;
		const sentence = tokens[at]!.sentence;
		for (const entry of entries) {
			const start = at - entry.anchor;
			const end = start + entry.stems.length - 1;
			if (start < 0 || end >= tokens.length || tokens[start]!.sentence !== sentence || tokens[end]!.sentence !== sentence) continue;
			let whole = true;
			for (let offset = 0; offset < entry.stems.length && whole; offset++) {
				whole = stems[start + offset] === entry.stems[offset];
			}
			if (!whole) continue;
			let list = byPattern.get(entry.pattern);
			if (list === undefined) byPattern.set(entry.pattern, (list = []));
			list.push({ slot: entry.slot, start, end, negated: negated[start] === 1, sentence });
		}
	}
	// Anchors are not always a phrase's first word, so restore text order for the window search.
	for (const list of byPattern.values()) if (list.length > 1) list.sort((a, b) => a.start - b.start);
	return byPattern;
}

/**
 * The first run of occurrences, within one sentence, that fills every slot inside the pattern's window.
 * With `ignorePolarity`, negation is disregarded: used to find words that would have counted but were negated.
 */
function findWindow(pattern: OwnedPattern, occurrences: readonly Occurrence[], ignorePolarity = false): Window | undefined {
	const list = ignorePolarity
		? occurrences
		: occurrences.filter(occurrence => occurrence.negated === pattern.negatedSlots[occurrence.slot]);
	const slotCount = pattern.slots.length;
	const counts = new Int32Array(slotCount);
	let covered = 0;
	let left = 0;
	for (let right = 0; right < list.length; right++) {
		if (list[right]!.sentence !== list[left]!.sentence) {
			counts.fill(0);
			covered = 0;
			left = right;
		}
		if (counts[list[right]!.slot]!++ === 0) covered++;
		while (covered === slotCount) {
			const inWindow = list.slice(left, right + 1);
			const start = list[left]!.start;
			const end = Math.max(...inWindow.map(occurrence => occurrence.end));
			if (end - start + 1 <= pattern.window) return { start, end, occurrences: inWindow };
			if (--counts[list[left]!.slot]! === 0) covered--;
			left++;
		}
	}
	return undefined;
}

function evidenceFor(tokenised: Tokenised, pattern: OwnedPattern, window: Window): Evidence {
	const { tokens } = tokenised;
	const spans = window.occurrences.map(
		occurrence => [tokens[occurrence.start]!.start, tokens[occurrence.end]!.end] as const,
	);
	return {
		quote: quoteAround(tokenised, tokens[window.start]!.start, tokens[window.end]!.end),
		spans,
		reason: pattern.source,
	};
}

/** One piece of evidence per sentence: a second pattern matching the same sentence adds nothing to show. */
function addUnique(list: Evidence[], sentences: Set<number>, tokenised: Tokenised, pattern: OwnedPattern, window: Window): void {
	const sentence = tokenised.tokens[window.start]!.sentence;
	if (sentences.has(sentence)) return;
	sentences.add(sentence);
	list.push(evidenceFor(tokenised, pattern, window));
}

/** Reads one reply against a compiled rubric: evidence per criterion, words that lost marks, red flags. */
export function matchReply(rubric: CompiledRubric, reply: string): ReplyMatch {
	const tokenised = tokenise(reply);
	const criteria = rubric.criteria.map(() => ({ evidence: [] as Evidence[], against: [] as Evidence[], seen: new Set<number>(), seenAgainst: new Set<number>() }));
	const flagEvidence = rubric.redFlags.map(() => ({ evidence: [] as Evidence[], seen: new Set<number>() }));
	for (const [patternIndex, occurrences] of findOccurrences(rubric, tokenised)) {
		const pattern = rubric.patterns[patternIndex]!;
		if (occurrences.length < pattern.slots.length) continue;
		const window = findWindow(pattern, occurrences);
		const { owner } = pattern;
		if (window) {
			const target = owner.kind === 'criterion' ? criteria[owner.index]! : flagEvidence[owner.index]!;
			addUnique(target.evidence, target.seen, tokenised, pattern, window);
		} else if (owner.kind === 'criterion' && !pattern.negatedSlots.includes(true)) {
			const negatedWindow = findWindow(pattern, occurrences, true);
			const target = criteria[owner.index]!;
			if (negatedWindow) addUnique(target.against, target.seenAgainst, tokenised, pattern, negatedWindow);
		}
	}
	const identifierIndex = rubric.redFlags.findIndex(flag => flag.id === IDENTIFIER_FLAG);
	for (const hit of findIdentifiers(reply)) {
		flagEvidence[identifierIndex]!.evidence.push({
			quote: quoteAround(tokenised, hit.start, hit.end),
			spans: [[hit.start, hit.end]],
			reason: rubric.identifierKinds[hit.kind],
			identifier: hit.kind,
		});
	}
	return {
		criteria: criteria.map(({ evidence, against }) => ({
			met: evidence.length > 0,
			evidence,
			against: evidence.length > 0 ? [] : against,
		})),
		redFlags: rubric.redFlags
			.map((flag, index) => ({ id: flag.id, evidence: flagEvidence[index]!.evidence }))
			.filter(flag => flag.evidence.length > 0),
	};
}
