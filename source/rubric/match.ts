import type { IdentifierKind } from '../scenario/schema.js';
import { IDENTIFIER_FLAG, type CompiledRubric, type OwnedPattern, type WordView } from './compile.js';
import { findAgreement, findAllClear, findCollusion, offersInstead, sentenceAsks } from './agreement.js';
import { findRequestedAct } from './requested-act.js';
import { sentenceActAt, type SentenceAct } from './clinical-acts.js';
import { findIdentifiers } from './identifiers.js';
import { hypotheticalMask } from './hypothetical.js';
import { mentionMask } from './mention.js';
import { NEGATION_CUES, negationMask } from './negation.js';
import { stem, tokenise, type Lexeme, type Token, type Tokenised } from './normalise.js';
import { quoteAround } from './quote.js';
import { chooseFlag, readReply } from './read-reply.js';
import { featuresOf, sharesOf, sigmoid } from './reading.js';

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
	/** Red flags raised by this reply that undo the criterion (its `breaches`): then it is not met, whatever its evidence. */
	readonly undoneBy: readonly string[];
	/** Words that undo it without a red flag (its `spoiltBy`: "idiot" undoes respect). */
	readonly spoilt: readonly Evidence[];
};

export type RaisedFlag = {
	readonly id: string;
	readonly evidence: readonly Evidence[];
	/** Raised by a bare yes to what the other party asked (rubric.requests), not by a pattern. */
	readonly agreement?: true;
	/** Raised by the trained reading (reading.ts) where no pattern raised anything. */
	readonly read?: true;
};

export type ReplyMatch = {
	/** In the rubric's criterion order. */
	readonly criteria: readonly CriterionMatch[];
	/** Interviews: each structure step, in the rubric's order. */
	readonly steps: readonly CriterionMatch[];
	/** Raised red flags only, in the rubric's order. */
	readonly redFlags: readonly RaisedFlag[];
	/** The reply says no to something ("I can't", "not on here"): a later bare "yes" may be confirming it. */
	readonly refuses: boolean;
	/** How much the reply touches the situation: distinct words of the opening no criterion listens for, the other party's name counting two. */
	readonly topical: number;
	/** Words in the reply, for judging whether a long one is about this situation at all. */
	readonly words: number;
	/** The reply greets or addresses someone by a first name that is not the other party's ("Hi Martin,"). */
	readonly addressesSomeoneElse: boolean;
	/** What the reply adds to the conversation's reading (reading.ts); 0 once a pattern has raised a flag. */
	readonly reading: number;
};

type Occurrence = {
	readonly slot: number;
	readonly start: number;
	readonly end: number;
	readonly negated: boolean;
	readonly sentence: number;
	/** Where the run of negated words holding it starts (-1 when not negated): one "not" says one thing. */
	readonly run: number;
};

const GREETINGS: ReadonlySet<string> = new Set(['hi', 'hey', 'hello', 'hiya', 'dear', 'morning', 'evening', 'afternoon']);
// Courtesies that soften a reply whatever it does: "nothing personal", "no hard feelings", "take care".
const COURTESIES: readonly (readonly string[])[] = [
	['nothing', 'personal'],
	['no', 'hard', 'feelings'],
	['no', 'offence'],
	['no', 'offense'],
	['thank', 'you'],
	['thanks'],
	['take', 'care'],
	['best', 'wishes'],
	['kind', 'regards'],
];

/** Marks, in `own`, the words of each courtesy as not read. */
function leaveCourtesiesUnread(tokens: readonly Token[], own: Uint8Array): void {
	for (let at = 0; at < tokens.length; at++)
		for (const words of COURTESIES) {
			if (words.some((word, offset) => tokens[at + offset]?.word !== word)) continue;
			own.fill(0, at, at + words.length);
			break;
		}
}

/**
 * Whether tokens `first` to `last` are the learner's own claim, for the reading: like a red flag, it
 * passes over words quoted or only imagined, and like an act, over a question.
 */
function readsAsOwn(rubric: CompiledRubric, tokenised: Tokenised, { imagined, quoted }: Ownership): (first: number, last: number) => boolean {
	const asks = tokenised.sentences.map((_, sentence) => sentenceAsks(tokenised, sentence));
	const own = new Uint8Array(tokenised.tokens.length);
	// A greeting, a courtesy and the other party's name say nothing of what the reply does: "Hi Jade" is read as no more than that.
	const says = (token: Token) => !GREETINGS.has(token.word) && (rubric.partnerStem === '' || token.stem !== rubric.partnerStem);
	tokenised.tokens.forEach((token, at) => (own[at] = asks[token.sentence] || imagined[at] === 1 || quoted[at] === 1 || !says(token) ? 0 : 1));
	leaveCourtesiesUnread(tokenised.tokens, own);
	return (first, last) => {
		for (let at = first; at <= last; at++) if (own[at] === 0) return false;
		return true;
	};
}

/** `text` with the characters of every imagined or quoted token turned to spaces, so offsets stay as they were. */
function blankedOut(text: string, tokens: readonly Token[], { imagined, quoted }: Ownership): string {
	let result = '';
	let from = 0;
	tokens.forEach((token, at) => {
		if (imagined[at] !== 1 && quoted[at] !== 1) return;
		result += text.slice(from, token.start) + ' '.repeat(token.end - token.start);
		from = token.end;
	});
	return from === 0 ? text : result + text.slice(from);
}

/** Whether words of `sentence` met a criterion of substance (any but tone). */
function earnsSubstance(rubric: CompiledRubric, met: readonly (Gathered | undefined)[], sentence: number): boolean {
	return rubric.criteria.some((criterion, index) => criterion.id !== 'respect' && met[index]?.sentences.includes(sentence) === true);
}

/**
 * A run of occurrences (from `left` to `right` in the pattern's list) that fills every slot, and the
 * words it spans; `ignoresPolarity` when negation was disregarded to find it.
 */
type Window = { readonly start: number; readonly end: number; readonly left: number; readonly right: number; readonly ignoresPolarity: boolean };

function viewOf(rubric: CompiledRubric, lexeme: Lexeme): WordView {
	let view = rubric.views.get(lexeme);
	if (view === undefined) {
		const corrected = rubric.vocabularyStems.has(lexeme.stem) ? undefined : rubric.fuzzy.correct(lexeme.word);
		const resolved = corrected === undefined ? lexeme.stem : stem(corrected);
		view = {
			stem: resolved,
			entries: rubric.index.get(resolved),
			slotBits: rubric.slotBits.get(resolved),
			topical: rubric.topic.has(lexeme.stem),
			functional: FUNCTION_WORDS.has(lexeme.word),
		};
		if (rubric.views.size > 100_000) rubric.views.clear();
		rubric.views.set(lexeme, view);
	}
	return view;
}

/** Occurrences by pattern number, the patterns that have any (in the order first seen), and which words are negated. */
type Occurrences = {
	/** Each token's word as this rubric reads it. */
	readonly views: readonly WordView[];
	readonly byPattern: readonly (Occurrence[] | undefined)[];
	readonly touched: readonly number[];
	readonly negated: Uint8Array;
};

/** Words that are not the learner's own move: imagined ("if I sent it…", someone else's) or quoted. */
type Ownership = { readonly imagined: Uint8Array; readonly quoted: Uint8Array };

function ownershipOf(tokenised: Tokenised): Ownership {
	return { imagined: hypotheticalMask(tokenised.tokens, tokenised.text), quoted: mentionMask(tokenised) };
}

const NOTHING_NEGATED = new Uint8Array(0);

/**
 * Every place a pattern slot is filled, grouped by pattern, each list in text order. Only patterns with
 * a candidate word for every slot somewhere in the reply are collected: most patterns touched by a
 * reply are not, and skipping them saves most of the work (and garbage) of reading a reply.
 */
function findOccurrences(rubric: CompiledRubric, tokenised: Tokenised): Occurrences {
	const { tokens } = tokenised;
	const count = tokens.length;
	const views = new Array<WordView>(count);
	const { tally, allSlots } = rubric;
	const { seen, stamp } = tally;
	// A new reply number makes every pattern's tally read as empty, with nothing to clear.
	const reply = (tally.reply = (tally.reply + 1) >>> 0 || 1);
	let anyComplete = false;
	for (let at = 0; at < count; at++) {
		const view = viewOf(rubric, tokens[at]!.lexeme);
		views[at] = view;
		const bits = view.slotBits;
		if (bits === undefined) continue;
		for (let triple = 0; triple < bits.length; triple += 3) {
			const pattern = bits[triple]!;
			const slots = stamp[pattern] === reply ? seen[pattern]! | bits[triple + 1]! : bits[triple + 1]!;
			seen[pattern] = slots;
			stamp[pattern] = reply;
			if (slots === allSlots[pattern]) anyComplete = true;
		}
	}
	const byPattern = new Array<Occurrence[] | undefined>(rubric.patterns.length);
	const touched: number[] = [];
	if (!anyComplete) return { views, byPattern, touched, negated: NOTHING_NEGATED };
	const negated = negationMask(tokens);
	const runs = new Int32Array(count);
	for (let at = 0; at < count; at++) runs[at] = negated[at] !== 1 ? -1 : at > 0 && negated[at - 1] === 1 ? runs[at - 1]! : at;
	for (let at = 0; at < count; at++) {
		const { entries, slotBits: bits } = views[at]!;
		if (entries === undefined || bits === undefined) continue;
		const sentence = tokens[at]!.sentence;
		for (let triple = 0; triple < bits.length; triple += 3) {
			const patternIndex = bits[triple]!;
			if (stamp[patternIndex] !== reply || seen[patternIndex] !== allSlots[patternIndex]) continue;
			const last = triple + 3 < bits.length ? bits[triple + 5]! : entries.length;
			for (let position = bits[triple + 2]!; position < last; position++) {
				const entry = entries[position]!;
				const length = entry.stems.length;
				let start = at;
				let end = at;
				if (length > 1) {
					start = at - entry.anchor;
					end = start + length - 1;
					if (start < 0 || end >= count || tokens[start]!.sentence !== sentence || tokens[end]!.sentence !== sentence) continue;
					let whole = true;
					for (let offset = 0; offset < length && whole; offset++) whole = views[start + offset]!.stem === entry.stems[offset];
					if (!whole) continue;
				}
				const occurrence: Occurrence = { slot: entry.slot, start, end, negated: negated[start] === 1, sentence, run: runs[start]! };
				const list = byPattern[patternIndex];
				if (list === undefined) {
					byPattern[patternIndex] = [occurrence];
					touched.push(patternIndex);
				} else {
					list.push(occurrence);
				}
			}
		}
	}
	// Patterns are read in the order they were written, so when two mark the same sentence the first written gives its reason.
	touched.sort((a, b) => a - b);
	// A phrase anchored past its first word is found late, so restore text order for the window search.
	for (const pattern of touched) {
		const list = byPattern[pattern]!;
		if (!inTextOrder(list)) list.sort((a, b) => a.start - b.start);
	}
	return { views, byPattern, touched, negated };
}

function inTextOrder(list: readonly Occurrence[]): boolean {
	for (let index = 1; index < list.length; index++) if (list[index - 1]!.start > list[index]!.start) return false;
	return true;
}

/**
 * Whether the negated slots of a window fall in one run of negated words: "I can't do paid stuff without
 * declaring it and I won't say it's proven" refuses two things, and neither is "not declaring it's paid".
 * Asked of red flags only: a criterion's "no" is often said twice ("I won't reply, I shouldn't talk to
 * patients on Facebook"), and the evidence stands either way.
 */
function oneRefusal(occurrences: readonly Occurrence[], left: number, right: number, negatedSlots: readonly boolean[]): boolean {
	let run = -1;
	for (let index = left; index <= right; index++) {
		const occurrence = occurrences[index]!;
		if (!occurrence.negated || !negatedSlots[occurrence.slot]) continue;
		if (run >= 0 && occurrence.run !== run) return false;
		run = occurrence.run;
	}
	return true;
}

/**
 * The first run of occurrences, within one sentence, that fills every slot inside the pattern's window.
 * With `ignorePolarity`, negation is disregarded: used to find words that would have counted but were negated.
 */
function findWindow(pattern: OwnedPattern, occurrences: readonly Occurrence[], ignorePolarity = false): Window | undefined {
	const { negatedSlots, window: span } = pattern;
	const fits = (occurrence: Occurrence) => ignorePolarity || occurrence.negated === negatedSlots[occurrence.slot];
	const slotCount = negatedSlots.length;
	if (slotCount === 1) {
		const index = occurrences.findIndex(fits);
		const found = occurrences[index];
		return found && found.end - found.start < span
			? { start: found.start, end: found.end, left: index, right: index, ignoresPolarity: ignorePolarity }
			: undefined;
	}
	// The shortest run ending at each occurrence that holds every slot (a sliding window over text order).
	const counts = new Int32Array(slotCount);
	let covered = 0;
	let left = 0;
	for (let right = 0; right < occurrences.length; right++) {
		const entering = occurrences[right]!;
		if (!fits(entering)) continue;
		if (entering.sentence !== occurrences[left]!.sentence) {
			counts.fill(0);
			covered = 0;
			left = right;
		}
		if (counts[entering.slot]!++ === 0) covered++;
		while (covered === slotCount) {
			const leaving = occurrences[left]!;
			if (!fits(leaving)) {
				left++;
				continue;
			}
			let end = entering.end;
			// A phrase is one slot, so it takes one word of the window however many words it has; but words
			// shared by two slots ("it" inside "pass it on") fill only one, so then the window is read whole.
			let phraseWords = 0;
			let shared = false;
			let coveredTo = -1;
			for (let index = left; index <= right; index++) {
				const inside = occurrences[index]!;
				end = Math.max(end, inside.end);
				if (inside.start <= coveredTo) shared = true;
				else if (fits(inside)) phraseWords += inside.end - inside.start;
				coveredTo = Math.max(coveredTo, inside.end);
			}
			if (
				end - leaving.start - (shared ? 0 : phraseWords) < span &&
				(ignorePolarity || pattern.owner.kind !== 'redFlag' || oneRefusal(occurrences, left, right, negatedSlots))
			)
				return { start: leaving.start, end, left, right, ignoresPolarity: ignorePolarity };
			if (--counts[leaving.slot]! === 0) covered--;
			left++;
		}
	}
	return undefined;
}

/** Where a negated run of words starts, its negation word included: "can't give advice", not "advice". */
function withNegation(tokens: Tokenised['tokens'], negated: Uint8Array, at: number): number {
	let first = at;
	while (first > 0 && negated[first - 1] === 1 && tokens[first - 1]!.clause === tokens[at]!.clause) first--;
	const cue = tokens[first - 1];
	return cue && cue.clause === tokens[at]!.clause && NEGATION_CUES.has(cue.word) ? first - 1 : first;
}

/** The words that matched, as one stretch from the first to the last (with the word negating them). */
function spanOf(tokenised: Tokenised, negated: Uint8Array, window: Window): readonly [number, number] {
	const { tokens } = tokenised;
	const first = negated[window.start] === 1 ? withNegation(tokens, negated, window.start) : window.start;
	return [tokens[first]!.start, tokens[window.end]!.end];
}

function evidenceFor(tokenised: Tokenised, negated: Uint8Array, pattern: OwnedPattern, window: Window): Evidence {
	const { tokens } = tokenised;
	return {
		quote: quoteAround(tokenised, tokens[window.start]!.start, tokens[window.end]!.end),
		spans: [spanOf(tokenised, negated, window)],
		reason: pattern.source,
	};
}

/** Spans in text order, those that overlap or are apart only by spaces made one. */
function mergeSpans(text: string, spans: readonly (readonly [number, number])[]): (readonly [number, number])[] {
	const merged: [number, number][] = [];
	for (const [start, end] of [...spans].sort((a, b) => a[0] - b[0])) {
		const last = merged.at(-1);
		if (last && (start <= last[1] || text.slice(last[1], start).trim() === '')) last[1] = Math.max(last[1], end);
		else merged.push([start, end]);
	}
	return merged;
}

/** Evidence found for one criterion or red flag, at most one item per sentence. */
type Gathered = { readonly evidence: Evidence[]; readonly sentences: number[] };

/**
 * Adds evidence for a sentence; a second pattern matching the same sentence adds no item, only its
 * words to the first one's, so everything in the sentence that counted is marked.
 */
function gather(targets: (Gathered | undefined)[], index: number, tokenised: Tokenised, negated: Uint8Array, pattern: OwnedPattern, window: Window): void {
	let target = targets[index];
	if (target === undefined) targets[index] = target = { evidence: [], sentences: [] };
	const sentence = tokenised.tokens[window.start]!.sentence;
	const already = target.sentences.indexOf(sentence);
	if (already < 0) {
		target.sentences.push(sentence);
		target.evidence.push(evidenceFor(tokenised, negated, pattern, window));
		return;
	}
	const item = target.evidence[already]!;
	target.evidence[already] = { ...item, spans: mergeSpans(tokenised.text, [...item.spans, spanOf(tokenised, negated, window)]) };
}

const NONE: readonly Evidence[] = [];

/** Drops evidence quoted from the given sentences (the agreement's): the words of an unsafe sentence earn nothing. */
function withoutSentences(gathered: (Gathered | undefined)[], sentences: ReadonlySet<number>): void {
	gathered.forEach((target, index) => {
		if (target === undefined || !target.sentences.some(sentence => sentences.has(sentence))) return;
		const kept = target.sentences.flatMap((sentence, position) => (sentences.has(sentence) ? [] : [position]));
		gathered[index] =
			kept.length === 0
				? undefined
				: { sentences: kept.map(position => target.sentences[position]!), evidence: kept.map(position => target.evidence[position]!) };
	});
}

// Words that make a sentence of a string of terms: a reply with almost none is a keyword list.
const FUNCTION_WORDS: ReadonlySet<string> = new Set([
	'i',
	'you',
	'we',
	'he',
	'she',
	'they',
	'it',
	'me',
	'him',
	'her',
	'us',
	'them',
	'my',
	'your',
	'our',
	'his',
	'their',
	'this',
	'that',
	'the',
	'a',
	'an',
	'to',
	'of',
	'in',
	'on',
	'at',
	'by',
	'for',
	'with',
	'from',
	'about',
	'and',
	'or',
	'but',
	'so',
	'if',
	'not',
	'no',
	'is',
	'are',
	'was',
	'were',
	'be',
	'been',
	'am',
	'will',
	'would',
	'can',
	'could',
	'should',
	'shall',
	'must',
	'may',
	'might',
	'do',
	'does',
	'did',
	'have',
	'has',
	'had',
	'please',
	'let',
	'just',
	'what',
	'how',
	'there',
	'any',
	'some',
	'all',
	'as',
	'too',
]);

/**
 * A string of terms rather than a reply: "confidentiality consent escalate consultant sponsored", or the
 * same joined by commas. It earns no criterion (a red flag in it still counts).
 */
function isKeywordList(tokens: Tokenised['tokens'], views: readonly WordView[]): boolean {
	if (tokens.length < 5) return false;
	let functional = 0;
	for (const view of views) if (view.functional) functional++;
	if (functional / tokens.length >= 0.15) return false;
	if (tokens.length >= 8) return true;
	// Short items joined by commas: "advice, 111, record, consent, thanks".
	const clauses = new Map<number, number>();
	for (const token of tokens) clauses.set(token.clause, (clauses.get(token.clause) ?? 0) + 1);
	return clauses.size >= 5 && [...clauses.values()].every(count => count <= 2);
}

// A contrast starts a new thought inside a sentence: "I'll note it in your record, but try hydrocortisone".
const CONTRASTS: ReadonlySet<string> = new Set(['but', 'however', 'though', 'although', 'whereas', 'except', 'yet', 'still']);

/** Each token's segment: a sentence, cut again at each contrast word. An unsafe segment earns nothing. */
function segmentsOf(tokens: Tokenised['tokens']): Int32Array {
	const segments = new Int32Array(tokens.length);
	let segment = 0;
	for (let index = 1; index < tokens.length; index++) {
		if (tokens[index]!.sentence !== tokens[index - 1]!.sentence || CONTRASTS.has(tokens[index]!.word)) segment++;
		segments[index] = segment;
	}
	return segments;
}

function tokenAt(tokenised: Tokenised, offset: number): number {
	return Math.max(
		0,
		tokenised.tokens.findLastIndex(token => token.start <= offset),
	);
}

const ACT_REASONS: Readonly<Record<SentenceAct, string>> = {
	'treatment-advice': 'tells them what to take',
	reassurance: 'reassures them about it',
	'asks-for-detail': 'asks them for more clinical detail',
	mockery: 'mocks them',
	'offers-contact': 'offers to be in touch with them directly',
	'plays-it-down': 'plays the breach down so nobody hears of it',
};

/** Whether anything up to the end of the clause holding token `at` says no. */
// "I can't tell you to take antibiotics", "I wouldn't say it's nothing": the learner declining the act, not doing it.
const DECLINES =
	/^(?:\W*\w+\W+){0,2}?(?:i|we)\s*(?:can(?:no|['’])t|can not|won['’]t|wouldn['’]t|shouldn['’]t|mustn['’]t|am not|['’]m not|will not|would not|do not|don['’]t)\b/i;

const CONCESSIONS: ReadonlySet<string> = new Set(['but', 'though', 'however', 'although', 'yet']);
const LAST_CONCESSION = /\b(?:but|though|however|although|yet)\b(?!.*\b(?:but|though|however|although|yet)\b)/i;

/**
 * "I can't tell you to take antibiotics": a sentence that says no before the act is declining it, unless
 * a "but" concedes the no and gives the act after it ("I can't prescribe on here, but try an antihistamine").
 */
function declinesAct(sentence: string, act: SentenceAct): boolean {
	// "I won't argue with you, clown 🙃" mocks whatever it declines.
	// Playing a breach down is said in the negative: "I don't think anyone needs to know".
	if (act === 'mockery' || act === 'plays-it-down' || !DECLINES.test(sentence)) return false;
	const conceded = LAST_CONCESSION.exec(sentence);
	return conceded === null || sentenceActAt(sentence.slice(conceded.index), act) === undefined;
}

function saysNoUpTo(tokenised: Tokenised, negated: Uint8Array, at: number): boolean {
	const { tokens } = tokenised;
	const mask = negated.length === tokens.length ? negated : negationMask(tokens);
	const clause = tokens[at]!.clause;
	// "Can't do drinks, but happy to grab a coffee": a no the reply then concedes does not hold back the yes after it.
	let from = 0;
	for (let index = at - 1; index >= 0; index--)
		if (CONCESSIONS.has(tokens[index]!.word)) {
			from = index + 1;
			break;
		}
	for (let index = from; index < tokens.length && (index <= at || tokens[index]!.clause === clause); index++) {
		if (mask[index] === 1 || NEGATION_CUES.has(tokens[index]!.word)) return true;
	}
	return false;
}

function hasNegation(tokenised: Tokenised, negated: Uint8Array): boolean {
	const mask = negated.length === tokenised.tokens.length ? negated : negationMask(tokenised.tokens);
	return mask.includes(1);
}

/**
 * Reads one reply against a compiled rubric: evidence per criterion, words that lost marks, red flags.
 * Red flags are read first: the words of a segment (a sentence, or the part of one after a "but")
 * that raises one are not read as evidence for anything. `earlier` are the learner's previous replies
 * in the conversation: a bare "yes" after a refusal confirms the refusal rather than agreeing.
 */
export function matchReply(rubric: CompiledRubric, reply: string, earlier: readonly ReplyMatch[] = []): ReplyMatch {
	const tokenised = tokenise(reply);
	const { tokens } = tokenised;
	const met: (Gathered | undefined)[] = [];
	const against: (Gathered | undefined)[] = [];
	const stepsTaken: (Gathered | undefined)[] = [];
	const stepsAgainst: (Gathered | undefined)[] = [];
	const flagged: (Gathered | undefined)[] = [];
	const spoilt: (Gathered | undefined)[] = [];
	const found = { criterion: met, step: stepsTaken, redFlag: flagged, spoiler: spoilt } as const;
	const negated = { criterion: against, step: stepsAgainst, spoiler: undefined } as const;
	const { views, byPattern, touched, negated: negatedWords } = findOccurrences(rubric, tokenised);
	let segments: Int32Array | undefined;
	// Worked out once per reply, and only when a check first asks: most replies raise nothing to ask about.
	let ownership: Ownership | undefined;
	const notOwn = () => (ownership ??= ownershipOf(tokenised));
	const unsafe = new Set<number>();
	const markUnsafe = (from: number, to: number) => {
		segments ??= segmentsOf(tokens);
		for (let index = from; index <= to; index++) unsafe.add(segments[index]!);
	};
	for (const patternIndex of touched) {
		if (rubric.isRedFlag[patternIndex] !== 1) continue;
		const pattern = rubric.patterns[patternIndex]!;
		const all = byPattern[patternIndex]!;
		if (all.length < pattern.slots.length) continue;
		// Fewer words can only fit fewer windows: the learner's own words are sorted out only where all of them fit one.
		const anyWindow = findWindow(pattern, all);
		if (!anyWindow) continue;
		// A red flag is the learner's own move: words that only imagine it raise none.
		const { imagined, quoted } = notOwn();
		const isOwn = (occurrence: Occurrence) => imagined[occurrence.start] !== 1 && quoted[occurrence.start] !== 1;
		const window = all.every(isOwn) ? anyWindow : findWindow(pattern, all.filter(isOwn));
		if (!window) continue;
		gather(flagged, pattern.owner.index, tokenised, negatedWords, pattern, window);
		// Words unsafe only for where they were written (a call-out in public) still count as what they say.
		if (!rubric.redFlags[pattern.owner.index]!.placed) markUnsafe(window.start, window.end);
	}
	// Acts the scenario declares unsafe: advice or reassurance whatever medicine or condition it names, mockery whatever its words.
	// The reply with words it only imagines or quotes blanked out, so an act is read in the learner's own words
	// ("A friend might say it's nothing, but I won't guess"); made only once an act is found in the whole text.
	let ownText: string | undefined;
	const ownWords = () => (ownText ??= blankedOut(reply, tokens, notOwn()));
	for (const { flag, act } of rubric.acts) {
		if (flagged[flag] !== undefined) continue;
		const found = sentenceActAt(reply, act);
		const at = found && act !== 'mockery' ? sentenceActAt(ownWords(), act) : found;
		if (!at) continue;
		const from = tokenAt(tokenised, at.start);
		const to = tokenAt(tokenised, at.end - 1);
		const { imagined, quoted } = notOwn();
		// Mockery is in the tone, so a wish or a quote carries it as much as a claim ("Hope he enjoys reading about himself 🙃").
		let own = act === 'mockery';
		for (let index = from; index <= to; index++) own ||= imagined[index] !== 1 && quoted[index] !== 1;
		if (!own || declinesAct(reply.slice(at.start, at.end), act)) continue;
		flagged[flag] = {
			sentences: [tokens[from]!.sentence],
			evidence: [
				{
					quote: quoteAround(tokenised, at.start, at.end),
					spans: [[at.start, at.end]],
					reason: ACT_REASONS[act],
				},
			],
		};
		markUnsafe(from, to);
	}
	const identifiers = findIdentifiers(reply);
	if (identifiers.length > 0) {
		const index = rubric.redFlags.findIndex(flag => flag.id === IDENTIFIER_FLAG);
		for (const hit of identifiers) markUnsafe(tokenAt(tokenised, hit.start), tokenAt(tokenised, hit.end - 1));
		flagged[index] = {
			sentences: [],
			evidence: identifiers.map(hit => ({
				quote: quoteAround(tokenised, hit.start, hit.end),
				spans: [[hit.start, hit.end]],
				reason: rubric.identifierKinds[hit.kind],
				identifier: hit.kind,
			})),
		};
	}
	for (const patternIndex of touched) {
		if (rubric.isRedFlag[patternIndex] === 1) continue;
		const pattern = rubric.patterns[patternIndex]!;
		const { owner } = pattern;
		if (owner.kind === 'redFlag') continue;
		const all = byPattern[patternIndex]!;
		const occurrences = unsafe.size === 0 ? all : all.filter(occurrence => !unsafe.has(segments![occurrence.start]!));
		if (occurrences.length < pattern.slots.length) continue;
		const window = findWindow(pattern, occurrences);
		if (window) {
			gather(found[owner.kind], owner.index, tokenised, negatedWords, pattern, window);
		} else if (!pattern.negatedSlots.includes(true)) {
			const target = negated[owner.kind];
			const negatedWindow = target && findWindow(pattern, occurrences, true);
			if (target && negatedWindow) gather(target, owner.index, tokenised, negatedWords, pattern, negatedWindow);
		}
	}
	if (isKeywordList(tokens, views)) {
		met.length = 0;
		stepsTaken.length = 0;
	}
	const refuses = tokens.some(token => NEGATION_CUES.has(token.word));
	const agreed = new Set<number>();
	// A yes to something unsafe is no courtesy of its own: examiners gave none to a bare "sure" or "go on then".
	const markSentenceUnsafe = (sentence: number) =>
		markUnsafe(
			tokens.findIndex(token => token.sentence === sentence),
			tokens.findLastIndex(token => token.sentence === sentence),
		);
	const raiseAgreement = (sentence: number, item: Evidence) => {
		for (const index of rubric.agreementFlags) {
			if (flagged[index] !== undefined) continue;
			flagged[index] = { sentences: [sentence], evidence: [item] };
			agreed.add(index);
		}
		withoutSentences(met, new Set([sentence]));
		markSentenceUnsafe(sentence);
	};
	if (rubric.agreementFlags.length > 0) {
		const agreement = findAgreement(tokenised, at => notOwn().quoted[at] === 1);
		// A bare yes: nothing in the reply says no, and nothing but courtesy meets a criterion (a yes that
		// is the act itself, "sent", "accepted", is not redeemed by what else the reply does).
		const substance = rubric.criteria.some((criterion, index) => criterion.id !== 'respect' && met[index] !== undefined);
		// "Accepted, but I can't talk about anything medical on here": a yes that is the act itself stands
		// whatever follows it; any other yes stands only with no "no" anywhere in the reply.
		const saysNo = agreement && (agreement.strong ? saysNoUpTo(tokenised, negatedWords, agreement.end) : hasNegation(tokenised, negatedWords));
		const bare = agreement && ((agreement.act && agreement.whole) || ((agreement.strong || !earlier.some(previous => previous.refuses)) && !substance));
		if (agreement && bare && !saysNo) {
			const sentence = tokens[agreement.start]!.sentence;
			const bounds = tokenised.sentences[sentence]!;
			const item: Evidence = {
				quote: quoteAround(tokenised, bounds.start, bounds.end),
				spans: [[tokens[agreement.start]!.start, tokens[agreement.end]!.end]],
				reason: 'agrees to what was asked',
			};
			raiseAgreement(sentence, item);
		}
		// Doing what was asked, said as a commitment or a go-ahead ("ok fine, I'll send a script over"): a yes
		// unless its own sentence does something of substance ("I'll take it on the photography app so it goes into his EPR").
		const requested = offersInstead(tokens) ? undefined : findRequestedAct(tokenised, rubric.requested);
		const redeemed = (sentence: number) => earnsSubstance(rubric, met, sentence);
		if (requested && !redeemed(tokens[requested.end]!.sentence) && flagged.every((entry, index) => entry === undefined || !requested.flags.includes(index))) {
			const mask = negatedWords.length === tokens.length ? negatedWords : negationMask(tokens);
			const { imagined, quoted } = notOwn();
			const at = requested.end;
			const sentence = tokens[at]!.sentence;
			const bounds = tokenised.sentences[sentence]!;
			if (mask[at] !== 1 && imagined[at] !== 1 && quoted[at] !== 1 && !sentenceAsks(tokenised, sentence)) {
				const item: Evidence = {
					quote: quoteAround(tokenised, bounds.start, bounds.end),
					spans: [[tokens[requested.start]!.start, tokens[at]!.end]],
					reason: 'does what was asked',
				};
				for (const index of requested.flags) {
					flagged[index] = { sentences: [sentence], evidence: [item] };
					agreed.add(index);
				}
				withoutSentences(met, new Set([sentence]));
				markSentenceUnsafe(sentence);
			}
		}
		// A secret kept with them stands for the yes only when nothing else in the reply already says what was done.
		const collusion = agreed.size === 0 && !flagged.some(Boolean) ? findCollusion(tokenised) : undefined;
		if (collusion) {
			const mask = negatedWords.length === tokens.length ? negatedWords : negationMask(tokens);
			// "Loads of people would just tell you off the record, but I won't": someone else's secret, not theirs.
			const { quoted, imagined } = notOwn();
			let own = true;
			for (let index = collusion.start; index <= collusion.end; index++) own &&= mask[index] !== 1 && quoted[index] !== 1 && imagined[index] !== 1;
			if (own) {
				const sentence = tokens[collusion.start]!.sentence;
				const bounds = tokenised.sentences[sentence]!;
				const item: Evidence = {
					quote: quoteAround(tokenised, bounds.start, bounds.end),
					spans: [[tokens[collusion.start]!.start, tokens[collusion.end]!.end]],
					reason: 'keeps it between you and them',
				};
				raiseAgreement(sentence, item);
			}
		}
		const allClear = agreed.size === 0 && !flagged.some(Boolean) ? findAllClear(reply) : undefined;
		if (allClear) {
			const from = tokenAt(tokenised, allClear.start);
			const { quoted } = notOwn();
			if (quoted[from] !== 1)
				raiseAgreement(tokens[from]!.sentence, {
					quote: quoteAround(tokenised, allClear.start, allClear.end),
					spans: [[allClear.start, allClear.end]],
					reason: 'tells them it is harmless',
				});
		}
	}
	const readFlags = new Set<number>();
	let reading = 0;
	const reader = rubric.reading;
	// The trained reading speaks only where no pattern has spoken, in this reply or an earlier one.
	if (reader && tokens.length > 0 && !flagged.some(Boolean) && earlier.every(previous => previous.redFlags.length === 0)) {
		const mask = negatedWords.length === tokens.length ? negatedWords : negationMask(tokens);
		const stems = views.map(view => view.stem);
		const sentences = tokens.map(token => token.sentence);
		const keeps = readsAsOwn(rubric, tokenised, notOwn());
		const shares = sharesOf(reader, stems, sentences, mask, keeps, tokenised.sentences.length);
		const read = readReply(reader, shares, sentence => earnsSubstance(rubric, met, sentence));
		reading = read.sum;
		const total = earlier.reduce((sum, previous) => sum + previous.reading, reader.bias + read.sum);
		// Its own words must read as unsafe, outside what earned a mark: a short reply in a situation most
		// replies get wrong is not flagged for being short, nor "I'll tell the IG lead" for its words.
		if (read.own > reader.margin && sigmoid(total) >= reader.threshold) {
			const fallback = rubric.agreementFlags[0] ?? 0;
			// Spelt out only now a flag is raised, to choose which: features no flag weighs add nothing.
			const flag = chooseFlag(reader, featuresOf(stems, sentences, mask, keeps), fallback);
			const bounds = tokenised.sentences[read.strongest]!;
			flagged[flag] = {
				sentences: [read.strongest],
				evidence: [{ quote: quoteAround(tokenised, bounds.start, bounds.end), spans: [[bounds.start, bounds.end]], reason: READ_REASON }],
			};
			readFlags.add(flag);
			const first = tokens.findIndex(token => token.sentence === read.strongest);
			markUnsafe(
				first,
				tokens.findLastIndex(token => token.sentence === read.strongest),
			);
			withoutSentences(met, new Set([read.strongest]));
		}
	}
	// Tone: a reply with enough words of its own, outside any unsafe segment (a yes to something unsafe is
	// one): a polite reply that slips once keeps it unless the red flag breaches it, as a fair examiner marks it.
	rubric.criteria.forEach((criterion, index) => {
		if (criterion.toneWords === undefined || met[index] !== undefined) return;
		const own = unsafe.size === 0 ? tokens : tokens.filter((_, at) => !unsafe.has(segments![at]!));
		// Enough words, and words that make sentences: "confidentiality respect escalation advice 111 consent" is no reply.
		if (own.length < criterion.toneWords || !own.some(token => FUNCTION_WORDS.has(token.word))) return;
		const first = own[0]!;
		const sentence = tokenised.sentences[first.sentence]!;
		met[index] = {
			sentences: [first.sentence],
			evidence: [
				{ quote: quoteAround(tokenised, sentence.start, sentence.end), spans: [[first.start, sentence.end]], reason: 'a full reply, courteous throughout' },
			],
		};
	});
	const raised: number[] = [];
	for (let index = 0; index < rubric.redFlags.length; index++) if (flagged[index] !== undefined) raised.push(index);
	const outcome = (
		gathered: readonly (Gathered | undefined)[],
		negatedWords: readonly (Gathered | undefined)[],
		index: number,
		undoneBy: readonly string[],
		spoiltBy: readonly Evidence[],
	): CriterionMatch => {
		const evidence = gathered[index]?.evidence ?? NONE;
		return {
			met: evidence.length > 0 && undoneBy.length === 0 && spoiltBy.length === 0,
			evidence,
			against: evidence.length > 0 ? NONE : (negatedWords[index]?.evidence ?? NONE),
			undoneBy,
			spoilt: spoiltBy,
		};
	};
	return {
		criteria: rubric.criteria.map((_, index) =>
			outcome(
				met,
				against,
				index,
				raised.filter(flag => rubric.redFlags[flag]!.breaches.includes(index)).map(flag => rubric.redFlags[flag]!.id),
				spoilt[index]?.evidence ?? NONE,
			),
		),
		steps: rubric.steps.map((_, index) => outcome(stepsTaken, stepsAgainst, index, NO_FLAGS, NONE)),
		redFlags: raised.map(index => ({
			id: rubric.redFlags[index]!.id,
			evidence: flagged[index]!.evidence,
			...(agreed.has(index) ? { agreement: true as const } : {}),
			...(readFlags.has(index) ? { read: true as const } : {}),
		})),
		refuses,
		topical: topicWeight(rubric, tokens, views),
		words: tokens.length,
		addressesSomeoneElse: addressesSomeoneElse(rubric, reply),
		reading,
	};
}

const READ_REASON = 'reads like the unsafe replies examiners marked';

/** A reply's words as the reading takes them (see reading.ts): for training it on the same words the rubric reads. */
export function readingInput(rubric: CompiledRubric, reply: string) {
	const tokenised = tokenise(reply);
	const { tokens } = tokenised;
	// The sentences whose words earned a criterion other than tone, found as the rubric finds them (without the reading).
	const match = matchReply({ ...rubric, reading: undefined }, reply);
	const earned = new Set<number>();
	match.criteria.forEach((criterion, index) => {
		if (rubric.criteria[index]!.id === 'respect' || !criterion.met) return;
		for (const evidence of criterion.evidence) {
			const at = evidence.spans[0]?.[0];
			if (at !== undefined) earned.add(tokenised.sentences.findIndex(sentence => at >= sentence.start && at < sentence.end));
		}
	});
	return {
		words: tokens.map(token => token.word),
		stems: tokens.map(token => viewOf(rubric, token.lexeme).stem),
		sentences: tokens.map(token => token.sentence),
		negated: negationMask(tokens),
		earned,
		own: readsAsOwn(rubric, tokenised, ownershipOf(tokenised)),
	};
}

const NO_FLAGS: readonly string[] = [];

// "Hi Martin,", "Priya, I'd rather…", "Thanks Karen": a first name used to address someone.
const VOCATIVE = /^(?:(?:hi|hey|hello|hiya|dear|thanks|thank you|sorry|haha|oh|aw|morning|evening)\s+)?([A-Z][a-z]{2,})\s*[,!.:]/i;
const NOT_A_NAME: ReadonlySet<string> = new Set([
	'sorry',
	'thanks',
	'sure',
	'yes',
	'yeah',
	'okay',
	'hello',
	'hiya',
	'morning',
	'evening',
	'honestly',
	'well',
	'look',
	'listen',
	'guys',
	'everyone',
	'all',
	'team',
	'mate',
	'hun',
	'doctor',
	'sir',
	'madam',
	'please',
	'great',
	'fine',
	'done',
	'agreed',
	'true',
	'wow',
	'ugh',
	'right',
	'cool',
	'lovely',
	'absolutely',
	'definitely',
	'congrats',
	'hmm',
	'haha',
	'lol',
	'omg',
	'wait',
	'also',
	'firstly',
	'first',
	'again',
	'anyway',
	'seriously',
	'accepted',
	'tagged',
	'sent',
	'shared',
	'liked',
]);

function addressesSomeoneElse(rubric: CompiledRubric, reply: string): boolean {
	const name = VOCATIVE.exec(reply.trim())?.[1];
	if (!name || !/^[A-Z]/.test(name) || /ly$/.test(name) || NOT_A_NAME.has(name.toLowerCase()) || rubric.partnerStem === '') return false;
	return stem(name.toLowerCase()) !== rubric.partnerStem && !rubric.topic.has(stem(name.toLowerCase()));
}

function topicWeight(rubric: CompiledRubric, tokens: Tokenised['tokens'], views: readonly WordView[]): number {
	if (rubric.topic.size === 0) return 0;
	const seen: string[] = [];
	for (let at = 0; at < tokens.length; at++) if (views[at]!.topical && !seen.includes(tokens[at]!.stem)) seen.push(tokens[at]!.stem);
	return seen.length + (seen.includes(rubric.partnerStem) ? 1 : 0);
}
