import type { Token } from './normalise.js';

/** Words that switch negation on for what follows them in the same clause. */
export const NEGATION_CUES: ReadonlySet<string> = new Set([
	'not', 'no', 'never', 'nothing', 'none', 'nobody', 'neither', 'nor', 'without', 'unable', 'avoid',
	'refrain',
]);

// Two-word cues ("instead of messaging here", "rather than posting it").
const PAIRED_CUES: ReadonlySet<string> = new Set(['instead of', 'rather than']);

// Phrases that contain a cue but negate nothing ("why not call 111", "don't hesitate to ring").
const NEUTRAL_AFTER: Readonly<Record<string, ReadonlySet<string>>> = {
	not: new Set(['hesitate', 'only', 'forget']),
	no: new Set(['matter', 'problem', 'worries', 'worry', 'doubt', 'longer', 'offence', 'offense']),
};
const NEUTRAL_BEFORE: Readonly<Record<string, ReadonlySet<string>>> = {
	not: new Set(['why', 'if']),
	no: new Set(['say', 'said']),
};

/** Words that close a negation's scope: a contrast or a new condition starts a new thought. */
const SCOPE_BREAKERS: ReadonlySet<string> = new Set([
	'but', 'however', 'although', 'though', 'instead', 'so', 'whereas', 'except', 'otherwise', 'if',
	'unless', 'until', 'because', 'while', 'then', 'once',
]);

// "and" closes the scope only when a new clause starts after it ("I won't post it and I will ...").
const NEW_CLAUSE_AFTER_AND: ReadonlySet<string> = new Set([
	'i', 'we', 'you', 'he', 'she', 'they', 'it', 'this', 'that', 'please', 'will', 'would', 'can', 'could',
	'should', 'then', 'also', 'instead', 'just', 'let', 'do',
]);

/** Longest reach of one cue, in words, so a negation cannot leak across a long run-on sentence. */
const MAX_SCOPE = 12;

const PAIRED_CUE_STARTS: ReadonlySet<string> = new Set([...PAIRED_CUES].map(cue => cue.split(' ')[0]!));

function isCue(tokens: readonly Token[], index: number): number {
	const word = tokens[index]!.word;
	if (!NEGATION_CUES.has(word) && !PAIRED_CUE_STARTS.has(word)) return 0;
	const next = tokens[index + 1];
	const sameClause = next !== undefined && next.clause === tokens[index]!.clause;
	if (sameClause && PAIRED_CUES.has(`${word} ${next.word}`)) return 2;
	if (!NEGATION_CUES.has(word)) return 0;
	if (sameClause && NEUTRAL_AFTER[word]?.has(next.word)) return 0;
	// "do not hesitate to", "not going to lie": the neutral words come after a "to".
	if (word === 'not' && next?.word === 'to' && tokens[index + 2]?.word === 'hesitate') return 0;
	if (word === 'not' && next?.word === 'going' && tokens[index + 2]?.word === 'to' && tokens[index + 3]?.word === 'lie') return 0;
	const previous = tokens[index - 1];
	if (previous && previous.clause === tokens[index]!.clause && NEUTRAL_BEFORE[word]?.has(previous.word)) {
		return 0;
	}
	return 1;
}

function breaksScope(tokens: readonly Token[], index: number): boolean {
	const word = tokens[index]!.word;
	if (SCOPE_BREAKERS.has(word)) return true;
	const next = tokens[index + 1];
	return word === 'and' && next !== undefined && NEW_CLAUSE_AFTER_AND.has(next.word);
}

/**
 * Marks each token that falls inside a negation: after a cue ("not", "never", "without", "instead of"…),
 * in the same clause, until a contrast word or a new clause. Evidence and red flags read the same marks.
 */
export function negationMask(tokens: readonly Token[]): Uint8Array {
	const negated = new Uint8Array(tokens.length);
	let scopeEnd = -1;
	let clause = -1;
	for (let index = 0; index < tokens.length; index++) {
		const token = tokens[index]!;
		if (token.clause !== clause || breaksScope(tokens, index)) scopeEnd = -1;
		clause = token.clause;
		const cueLength = isCue(tokens, index);
		if (cueLength > 0) {
			scopeEnd = index + cueLength - 1 + MAX_SCOPE;
			index += cueLength - 1;
			continue;
		}
		if (index <= scopeEnd) negated[index] = 1;
	}
	return negated;
}
