import type { Lexeme, Token } from './normalise.js';

/** Words that switch negation on for what follows them in the same clause. */
export const NEGATION_CUES: ReadonlySet<string> = new Set([
	'not',
	'no',
	'never',
	'nothing',
	'none',
	'nobody',
	'neither',
	'nor',
	'without',
	'unable',
	'avoid',
	'refrain',
]);

// "I'll stop replying here": a no to going on talking, and only that ("stop taking it" is advice).
const STOPS: ReadonlySet<string> = new Set(['stop', 'quit']);
const TALKING: ReadonlySet<string> = new Set([
	'replying',
	'responding',
	'commenting',
	'posting',
	'messaging',
	'engaging',
	'talking',
	'discussing',
	'answering',
	'chatting',
	'texting',
	'emailing',
]);

// Two-word cues ("instead of messaging here", "rather than posting it").
const PAIRED_CUES: ReadonlySet<string> = new Set(['instead of', 'rather than']);

// Phrases that contain a cue but negate nothing ("why not call 111", "don't hesitate to ring").
const NEUTRAL_AFTER: Readonly<Record<string, ReadonlySet<string>>> = {
	not: new Set(['hesitate', 'only', 'forget']),
	// "No thank you" and "no thanks" decline politely: the thanks still stand.
	no: new Set(['matter', 'problem', 'worries', 'worry', 'doubt', 'longer', 'offence', 'offense', 'thank', 'thanks']),
};
const NEUTRAL_BEFORE: Readonly<Record<string, ReadonlySet<string>>> = {
	not: new Set(['why', 'if']),
	no: new Set(['say', 'said']),
};

/** Words that close a negation's scope: a contrast, a new condition or a new time starts a new thought. */
export const SCOPE_BREAKERS: ReadonlySet<string> = new Set([
	'but',
	'however',
	'although',
	'though',
	'instead',
	'so',
	'whereas',
	'except',
	'otherwise',
	'if',
	'unless',
	'until',
	'because',
	'while',
	'then',
	'once',
	'before',
	'after',
	'when',
	'than',
	// "Not for me thanks", "no thank you": a no ends at the thanks, which stays courtesy.
	'thanks',
	'thank',
	'cheers',
]);

// "and" or "as" closes the scope only when a new clause starts after it ("I won't post it and I will
// tell...", "I can't advise by email as it isn't secure").
const NEW_CLAUSE_AFTER: ReadonlySet<string> = new Set([
	'i',
	'we',
	'you',
	'he',
	'she',
	'they',
	'it',
	'this',
	'that',
	'there',
	'please',
	'will',
	'would',
	'can',
	'could',
	'should',
	'then',
	'also',
	'instead',
	'just',
	'let',
	'do',
]);

// A new subject ends "rather than" / "instead of": "rather than calling you out I thought I'd message you".
export const SUBJECTS: ReadonlySet<string> = new Set(['i', 'we', 'you', 'he', 'she', 'they']);

// After these, "if" asks a question instead of setting a condition: "I can't tell you if he's stable".
export const REPORTING: ReadonlySet<string> = new Set(['tell', 'say', 'know', 'ask', 'sure', 'check', 'confirm', 'see', 'wonder', 'decide']);

// After "if it doesn't settle", a request or a new subject starts what to do about it, comma or not:
// "if it doesn't settle call 111", "if it isn't better by tomorrow I'd ring the surgery".
const ACTS: ReadonlySet<string> = new Set([
	'please',
	'call',
	'ring',
	'phone',
	'contact',
	'see',
	'go',
	'book',
	'speak',
	'visit',
	'attend',
	'seek',
	'use',
	'text',
	'email',
	'message',
	'fill',
	'pop',
	'head',
	'ask',
	'try',
	'get',
]);

// "I'd love to be friends, but I can't": a wish that a "but" and a negation then take back.
const WISHES: ReadonlySet<string> = new Set(['love', 'like', 'happy', 'glad', 'delighted', 'keen']);
const TAKING_BACK: ReadonlySet<string> = new Set(['but', 'though', 'however']);
// Who says no after the "but": "but I can't", "but it wouldn't be right", not "but don't worry".
const REFUSER: ReadonlySet<string> = new Set(['i', 'it', 'that', 'this', 'we']);

// Words after which a request word still belongs to what was negated: "don't text or call me", "not
// able to see", "I don't think you should go", and a noun rather than a request ("by email", "a call").
const JOINS_ON: ReadonlySet<string> = new Set([
	'to',
	'or',
	'and',
	'nor',
	'should',
	'would',
	'could',
	'must',
	'can',
	'will',
	'might',
	'may',
	'not',
	'never',
	'by',
	'via',
	'over',
	'through',
	'on',
	'in',
	'the',
	'a',
	'an',
	'your',
	'my',
	'his',
	'her',
	'their',
	'this',
	'that',
	'any',
	'no',
	'personal',
	'private',
	'direct',
	'social',
	'instagram',
	'facebook',
	'whatsapp',
	'medical',
	'clinical',
]);

// Deeds a refusal may list after a comma: "I can't share it, comment on it or like it". Not the ways to
// get help ("see your GP", "send it through the form"), which start what to do instead.
const DEEDS: ReadonlySet<string> = new Set([
	'look',
	'give',
	'share',
	'post',
	'comment',
	'write',
	'prescribe',
	'like',
	'tag',
	'discuss',
	'answer',
	'advise',
	'sign',
	'endorse',
	'recommend',
	'repost',
	'retweet',
	'diagnose',
	'examine',
]);
/** How far an "or" may come after a listed deed for the list to still be the refusal's. */
const LIST_REACH = 8;

// What may close a list of refused deeds after its "or": another deed, or "anything" ("…, give advice or anything").
const CLOSES_DEEDS: ReadonlySet<string> = new Set([
	...DEEDS,
	'say',
	'claim',
	'promise',
	'mention',
	'accept',
	'add',
	'film',
	'approve',
	'promote',
	'anything',
	'any',
	'something',
]);

/**
 * Whether the clause starting at `index` goes on, within the sentence, to an "or" or "nor" that closes a
 * list of deeds. Not one that joins two places to go ("…, give them the helpline or 111"): that is the way
 * to get help, said after the refusal.
 */
function listEndsInOr(tokens: readonly Token[], index: number): boolean {
	for (let at = index + 1; at < tokens.length && at <= index + LIST_REACH && tokens[at]!.sentence === tokens[index]!.sentence; at++)
		if (tokens[at]!.word === 'or' || tokens[at]!.word === 'nor') return CLOSES_DEEDS.has(tokens[at + 1]?.word ?? '');
	return false;
}

/** Longest reach of one cue, in words, so a negation cannot leak across a long run-on sentence. */
const MAX_SCOPE = 12;
/** How far a negation reaches past an "or" that opens a second question ("…or whether to stop it"). */
const OR_REACH = 6;
const QUESTION_WORDS: ReadonlySet<string> = new Set(['whether', 'what', 'how', 'which', 'when', 'where', 'why', 'if', 'anything', 'any']);

/** How far before an "if" a reporting verb makes it a question: "I can't tell you from here if it's normal". */
const REPORT_REACH = 4;

/** How far after an "if" a negation still belongs to the condition ("if it still doesn't"). */
const CONDITION_REACH = 5;

// What a word can do to negation, as bits, worked out once per word (see Lexeme).
const CUE = 1;
const PAIRED_START = 2;
const BREAKER = 4;
const BREAKS_BEFORE_CLAUSE = 8;
const STARTS_CLAUSE = 16;
const SUBJECT = 32;
const REPORTS = 64;
const CONDITION = 128;
const ACT = 256;

function roleOf(lexeme: Lexeme): number {
	let role = lexeme.negationRole;
	if (role < 0) {
		const word = lexeme.word;
		role =
			(NEGATION_CUES.has(word) || STOPS.has(word) ? CUE : 0) |
			(word === 'instead' || word === 'rather' ? PAIRED_START : 0) |
			(SCOPE_BREAKERS.has(word) ? BREAKER : 0) |
			(word === 'and' || word === 'as' ? BREAKS_BEFORE_CLAUSE : 0) |
			(NEW_CLAUSE_AFTER.has(word) ? STARTS_CLAUSE : 0) |
			(SUBJECTS.has(word) ? SUBJECT : 0) |
			(REPORTING.has(word) ? REPORTS : 0) |
			(word === 'if' ? CONDITION : 0) |
			(ACTS.has(word) || ACTS.has(lexeme.stem) ? ACT : 0);
		lexeme.negationRole = role;
	}
	return role;
}

/** How many words the cue at `index` spans (1, or 2 for "instead of"), or 0 when it negates nothing here. */
function cueLength(tokens: readonly Token[], roles: Uint16Array, index: number): number {
	const word = tokens[index]!.word;
	const next = tokens[index + 1];
	const sameClause = next !== undefined && next.clause === tokens[index]!.clause;
	if (roles[index]! & PAIRED_START) return sameClause && PAIRED_CUES.has(`${word} ${next.word}`) ? 2 : 0;
	if (sameClause && NEUTRAL_AFTER[word]?.has(next.word)) return 0;
	if (STOPS.has(word)) return sameClause && TALKING.has(next.word) ? 1 : 0;
	// "do not hesitate to", "not going to lie": the neutral words come after a "to".
	if (word === 'not' && next?.word === 'to' && (tokens[index + 2]?.word === 'hesitate' || tokens[index + 2]?.word === 'worry')) return 0;
	if (word === 'not' && next?.word === 'going' && tokens[index + 2]?.word === 'to' && tokens[index + 3]?.word === 'lie') return 0;
	const previous = tokens[index - 1];
	if (previous && previous.clause === tokens[index]!.clause) {
		if (NEUTRAL_BEFORE[word]?.has(previous.word)) return 0;
		// "why don't we film in the library?" suggests; it does not negate.
		if (word === 'not' && previous.word === 'do' && tokens[index - 2]?.word === 'why') return 0;
	}
	return 1;
}

function breaksScope(tokens: readonly Token[], roles: Uint16Array, index: number, pairedScope: boolean): boolean {
	const role = roles[index]!;
	// "tell you if", "ask him if", "tell you from here if": a reported question, not a condition.
	if (role & CONDITION) {
		for (let back = index - 1; back >= 0 && back >= index - REPORT_REACH && tokens[back]!.clause === tokens[index]!.clause; back--)
			if (roles[back]! & REPORTS) return false;
		return true;
	}
	if (role & BREAKER) return true;
	if (role & BREAKS_BEFORE_CLAUSE) return index + 1 < tokens.length && (roles[index + 1]! & STARTS_CLAUSE) !== 0;
	return pairedScope && (role & SUBJECT) !== 0;
}

/**
 * When the cue at `cue` takes back a wish ("I'd love to meet up but I can't"), the wished-for words
 * are negated too: from after "would love to" up to the "but".
 */
function negateTakenBackWish(tokens: readonly Token[], cue: number, negated: Uint8Array): void {
	const sentence = tokens[cue]!.sentence;
	let but = -1;
	for (let index = cue - 1; index >= Math.max(0, cue - 5) && tokens[index]!.sentence === sentence; index--) {
		if (TAKING_BACK.has(tokens[index]!.word)) {
			but = index;
			break;
		}
	}
	if (but < 0 || !tokens.slice(but + 1, cue).some(token => REFUSER.has(token.word))) return;
	for (let index = but - 1; index > 0 && tokens[index]!.sentence === sentence; index--) {
		const word = tokens[index]!.word;
		if (!WISHES.has(word) || tokens[index + 1]?.word !== 'to') continue;
		const before = tokens[index - 1]!.word === 'be' ? index - 2 : index - 1;
		if (tokens[before]?.word !== 'would') return;
		for (let wished = index + 2; wished < but; wished++) negated[wished] = 1;
		return;
	}
}

/**
 * Marks each token that falls inside a negation: after a cue ("not", "never", "without", "instead of"…),
 * in the same clause, until a contrast word or a new clause. Evidence and red flags read the same marks.
 */
export function negationMask(tokens: readonly Token[]): Uint8Array {
	const count = tokens.length;
	const roles = new Uint16Array(count);
	for (let index = 0; index < count; index++) roles[index] = roleOf(tokens[index]!.lexeme);
	const negated = new Uint8Array(count);
	let scopeEnd = -1;
	let pairedScope = false;
	let clause = -1;
	// The last condition ("if") in this clause, and where a negation inside one began.
	let condition = -1;
	let conditionalCue = -1;
	let cue = -1;
	let cancelledClause = -1;
	for (let index = 0; index < count; index++) {
		const token = tokens[index]!;
		if (token.clause !== clause) condition = -1;
		// "I can't share it, or write anything as her doctor": a no carries through ", or" to another deed
		// of the same kind, not to a request that follows it ("…, or ring 111").
		const carriedOn =
			token.clause !== clause &&
			scopeEnd >= index - 1 &&
			(((token.word === 'or' || token.word === 'nor') && index + 1 < count && (roles[index + 1]! & (ACT | SUBJECT)) === 0) ||
				// "I cannot see patients, look at pictures or give prescriptions": a list of deeds refused together.
				(DEEDS.has(token.word) && (roles[index]! & ACT) === 0 && listEndsInOr(tokens, index)));
		// Each deed the refusal carries on to gets the reach of a refusal of its own.
		if (carriedOn) scopeEnd = Math.max(scopeEnd, index + MAX_SCOPE);
		else if (token.clause !== clause || (roles[index] !== 0 && breaksScope(tokens, roles, index, pairedScope))) scopeEnd = -1;
		clause = token.clause;
		if (roles[index]! & CONDITION && scopeEnd < 0) condition = index;
		// The word right after the cue is what is negated ("if you don't call"); a request after that is the advice.
		if (scopeEnd >= 0 && conditionalCue >= 0 && index >= conditionalCue + 2 && roles[index]! & (ACT | SUBJECT)) scopeEnd = -1;
		// A request run on after a refusal starts a new sentence in all but punctuation: "I can't advise
		// here call 111". Not one joined to the negated words ("don't text or call me", "not able to see").
		if (scopeEnd >= 0 && index >= cue + 2 && ACTS.has(token.word) && !JOINS_ON.has(tokens[index - 1]!.word)) scopeEnd = -1;
		// "I'd never post an ad without declaring it": a "without" inside a negation cancels it, for the
		// rest of its clause; a list the refusal goes on to ("…, post without #ad, or say…") is still refused.
		if (index <= scopeEnd && token.word === 'without') {
			cancelledClause = token.clause;
			continue;
		}
		if (roles[index]! & (CUE | PAIRED_START)) {
			const length = cueLength(tokens, roles, index);
			if (length > 0) {
				negateTakenBackWish(tokens, index, negated);
				cancelledClause = -1;
				scopeEnd = index + length - 1 + MAX_SCOPE;
				pairedScope = length === 2;
				conditionalCue = condition >= 0 && index - condition <= CONDITION_REACH ? index : -1;
				cue = index + length - 1;
				index += length - 1;
				continue;
			}
		}
		if (index <= scopeEnd && token.clause !== cancelledClause) {
			negated[index] = 1;
			// "I won't tell you what the results show or whether to stop it": a "no" carries through an "or".
			if ((token.word === 'or' || token.word === 'nor') && QUESTION_WORDS.has(tokens[index + 1]?.word ?? '')) scopeEnd = Math.max(scopeEnd, index + OR_REACH);
		}
	}
	return negated;
}
