import { NEGATION_CUES, REPORTING, SCOPE_BREAKERS, SUBJECTS } from './negation.js';
import type { Token } from './normalise.js';

// Someone other than the learner: "anyone could forward it", "others might screenshot it".
const OTHERS: ReadonlySet<string> = new Set(['anyone', 'anybody', 'someone', 'somebody', 'others', 'people', 'ppl', 'everyone', 'everybody']);
// "Some doctors would just accept", "some would call that cowardly": people, not a medicine ("some antihistamine would help").
const PEOPLE: ReadonlySet<string> = new Set([
	'people',
	'ppl',
	'folk',
	'folks',
	'doctors',
	'docs',
	'drs',
	'colleagues',
	'friends',
	'nurses',
	'students',
	'users',
	'followers',
	'patients',
	'accounts',
	'clinicians',
	'medics',
	'juniors',
]);
const MODALS: ReadonlySet<string> = new Set(['will', 'would', 'could', 'might', 'may', 'can', 'should', 'must']);
// A condition about the learner or someone else, not about the person they are writing to.
const OWN_OR_OTHERS: ReadonlySet<string> = new Set(['i', 'we', ...OTHERS]);
const REPORTS_SPEECH: ReadonlySet<string> = new Set(['says', 'said', 'thinks', 'tells', 'claims', 'reckons', 'argues', 'insists']);
// A condition that someone consents: "if he agrees", "if she says yes", "if they give consent".
const CONSENTING: ReadonlySet<string> = new Set(['agree', 'agrees', 'agreed', 'consent', 'consents', 'consented', 'permission', 'yes']);
// A condition that something is done, by whoever: "if it is posted I'll have to tell Sister".
const PASSIVE_SUBJECTS: ReadonlySet<string> = new Set(['it', 'this', 'that', 'they', 'these', 'those']);
const BE_DONE: ReadonlySet<string> = new Set(['is', 'gets', 'get', 'was', 'were', 'are', 's']);

/** Whether the condition's subject at `subject` is followed by a passive: "it is posted", "they get shared". */
function passiveCondition(tokens: readonly Token[], subject: number): boolean {
	return (
		subject >= 0 &&
		subject < tokens.length &&
		PASSIVE_SUBJECTS.has(tokens[subject]!.word) &&
		BE_DONE.has(tokens[subject + 1]?.word ?? '') &&
		/^[a-z]{3,}(?:ed|en)$|^(?:sent|shown|put|seen)$/.test(tokens[subject + 2]?.word ?? '')
	);
}

/** How many words after a subject its modal may come: "anyone in the group could". */
const MODAL_REACH = 4;
const RELATIVES: ReadonlySet<string> = new Set(['who', 'that', 'whos']);
/** How many words a relative clause about others may run: "anyone who has already liked it". */
const RELATIVE_REACH = 6;
/** How many words of the consequence are read for a "not": "if you send them here I can't look". */
const CONSEQUENCE_REACH = 6;

// What a condition is about, right after its "if": "if I", "if someone", "if it".
const CONDITION_SUBJECTS: ReadonlySet<string> = new Set([...SUBJECTS, ...OTHERS, 'it', 'this', 'that']);

/** The subject of the condition whose "if" is at `at`, if it has one straight after. */
function conditionSubject(tokens: readonly Token[], at: number): number {
	for (let index = at + 1; index <= at + 2 && index < tokens.length; index++) if (CONDITION_SUBJECTS.has(tokens[index]!.word)) return index;
	return -1;
}

/** Where the condition whose "if" is at `at` ends: its clause's end, or where its consequence starts. */
function conditionEnd(tokens: readonly Token[], at: number, subject: number): number {
	const clause = tokens[at]!.clause;
	// The subject and at least its verb belong to the condition.
	const first = (subject < 0 ? at + 1 : subject) + 2;
	let index = at + 1;
	while (index < tokens.length && tokens[index]!.clause === clause) {
		const word = tokens[index]!.word;
		if (index >= first && (MODALS.has(word) || SUBJECTS.has(word) || word === 'then')) break;
		index++;
	}
	return index;
}

function mark(mask: Uint8Array, from: number, to: number): void {
	for (let index = from; index < to; index++) mask[index] = 1;
}

// Someone else doing the thing the learner is asked to: "Adeyemi liking it doesn't make it ok", "he's
// already shared it", "Tom tagged me". Their act, not the learner's: it raises no red flag.
const THIRD_PERSON: ReadonlySet<string> = new Set(['he', 'she', 'they']);
const AUXILIARIES: ReadonlySet<string> = new Set(['has', 'had', 'have', 'is', 'was', 'are', 'were', 'already', 'just', 'also', 'even', 'been']);
const SHARING_ACTS: ReadonlySet<string> = new Set([
	'like',
	'share',
	'post',
	'tag',
	'repost',
	'retweet',
	'comment',
	'forward',
	'screenshot',
	'send',
	'sent',
	'upload',
	'film',
	'react',
	'follow',
	'add',
	'accept',
	'approv',
	'write',
	'wrote',
	'written',
]);

// Capitalised only because they open a sentence: "Just posting it now", "Already shared it".
const OPENERS: ReadonlySet<string> = new Set([
	'have',
	'has',
	'had',
	'did',
	'do',
	'been',
	'will',
	'would',
	'can',
	'could',
	'should',
	'might',
	'may',
	'must',
	'please',
	'pls',
	'just',
	'already',
	'also',
	'now',
	'still',
	'honestly',
	'literally',
	'actually',
	'happily',
	'gladly',
	'definitely',
	'currently',
	'finally',
	'ok',
	'okay',
	'sure',
	'yes',
	'yeah',
	'so',
	'and',
	'then',
	'lol',
	'haha',
	'omg',
]);

/** Whether the token at `index` is a person's name: capitalised mid-sentence ("and Adeyemi liking it"), or opening one that is not an adverb. */
function named(tokens: readonly Token[], index: number, text: string): boolean {
	const token = tokens[index]!;
	if (token.word === 'i' || OPENERS.has(token.word)) return false;
	const first = text.charCodeAt(token.start);
	return first >= 65 && first <= 90 && text.charCodeAt(token.start + 1) >= 97;
}

// "Your users love it", "his followers liked it": people named by whose they are.
const POSSESSIVES: ReadonlySet<string> = new Set(['your', 'their', 'his', 'her']);
// What others think of it is theirs too: "your users love it", "they rave about it".
const APPROVING: ReadonlySet<string> = new Set(['love', 'lov', 'adore', 'ador', 'enjoy', 'rave', 'rate']);

/** The end of someone else's sharing act whose subject is at `index`, or -1 when it is not one. */
function othersActEnd(tokens: readonly Token[], index: number, text: string | undefined): number {
	const token = tokens[index]!;
	const owned = POSSESSIVES.has(token.word) && PEOPLE.has(tokens[index + 1]?.word ?? '');
	const pronoun = owned || THIRD_PERSON.has(token.word);
	if (!pronoun && (text === undefined || !named(tokens, index, text))) return -1;
	let verb = owned ? index + 2 : index + 1;
	while (verb < tokens.length && verb <= index + 3 && AUXILIARIES.has(tokens[verb]!.word)) verb++;
	const candidate = tokens[verb];
	if (!candidate || candidate.clause !== token.clause || !(SHARING_ACTS.has(candidate.stem) || APPROVING.has(candidate.stem))) return -1;
	// A name before a bare verb is an order or a greeting ("Tom, share it"; "Jade share it"): the act must be inflected.
	if (!pronoun && !/(?:ing|ed|s)$/.test(candidate.word) && candidate.word !== 'sent' && candidate.word !== 'wrote') return -1;
	let end = verb + 1;
	while (end < tokens.length && tokens[end]!.clause === token.clause && tokens[end]!.word !== 'i' && tokens[end]!.word !== 'we') end++;
	return end;
}

// "Stopping a medicine is a clinical decision": the act named as a topic, to say whose call it is.
const TOPIC_NOUNS: ReadonlySet<string> = new Set(['decision', 'question', 'call', 'conversation', 'discussion', 'judgement', 'judgment']);
const TOPIC_ADJECTIVES: ReadonlySet<string> = new Set(['a', 'an', 'really', 'always', 'clinical', 'medical', 'proper', 'big', 'doctor', 'gp', 'specialist']);

/** Where the clause naming an act as someone's decision ends its subject ("is" in "Stopping it is a decision"), or -1. */
function topicEnd(tokens: readonly Token[], index: number): number {
	const token = tokens[index]!;
	if (token.word !== 'is' && token.word !== 'are' && token.word !== 's') return -1;
	let next = index + 1;
	while (next < tokens.length && next <= index + 4 && TOPIC_ADJECTIVES.has(tokens[next]!.word)) next++;
	return next > index + 1 && next < tokens.length && tokens[next]!.clause === token.clause && TOPIC_NOUNS.has(tokens[next]!.word) ? index : -1;
}

// "Calling it gifted would be misleading", "Posting that one isn't allowed": the act named as a subject,
// in order to judge it. The sentence weighs the act; it does not do it.
const LEAD_INS: ReadonlySet<string> = new Set(['but', 'and', 'so', 'honestly', 'tbh', 'just', 'because', 'cos', 'coz', 'though', 'also', 'obviously', 'sadly']);
const VERDICT_VERBS: ReadonlySet<string> = new Set(['is', 's', 'are', 'was', 'would', 'could', 'will', 'might', 'may', 'can', 'd', 'll']);
const FILLERS: ReadonlySet<string> = new Set([
	'be',
	'not',
	'a',
	'an',
	'the',
	'really',
	'still',
	'just',
	'very',
	'pretty',
	'quite',
	'totally',
	'definitely',
	'clearly',
	'genuinely',
	'so',
	'also',
	'technically',
	'basically',
	'actually',
	'seriously',
	'massive',
	'big',
	'huge',
	'real',
	'clear',
	'frankly',
	'honestly',
	'bit',
	'little',
	'rather',
]);
// Judged bad as they stand ("would be misleading"), or judged bad when negated ("isn't allowed").
const BAD: ReadonlySet<string> = new Set([
	'misleading',
	'mislead',
	'wrong',
	'breach',
	'breaches',
	'against',
	'illegal',
	'dishonest',
	'unprofessional',
	'risky',
	'unsafe',
	'inappropriate',
	'untrue',
	'false',
	'problem',
	'mistake',
	'dodgy',
	'unethical',
	'break',
	'breaking',
	'lie',
	'lying',
	'no',
	'nope',
	'banned',
	'forbidden',
	'issue',
	'concern',
	'unlawful',
	'disaster',
	'nightmare',
	'dangerous',
	'offence',
	'offense',
	'crime',
	'criminal',
	'misconduct',
	'fraud',
	'grubby',
	'shady',
	'sketchy',
	'sneaky',
	'deceptive',
	'manipulative',
	'unacceptable',
	'unfair',
]);
const GOOD: ReadonlySet<string> = new Set([
	'allowed',
	'ok',
	'okay',
	'fine',
	'true',
	'acceptable',
	'legal',
	'right',
	'honest',
	'safe',
	'appropriate',
	'on',
	'permitted',
	'compliant',
	'good',
	'enough',
	'possible',
	'doable',
]);
// What an act named after "even" would do: "even saying he was seen confirms he's our patient".
const CONSEQUENCES: ReadonlySet<string> = new Set([
	'discloses',
	'tells',
	'confirms',
	'means',
	'makes',
	'shows',
	'counts',
	'gives',
	'puts',
	'risks',
	'identifies',
	'reveals',
	'breaks',
	'breaches',
	'would',
	'could',
	'might',
	'can',
	'is',
	's',
]);
/** How far after the act its verdict may come: "Putting gifted on a paid post isn't allowed". */
const VERDICT_REACH = 10;

/** Where the verdict on an act named as a subject at `index` ends, or -1: "Calling it gifted would be misleading". */
function judgedActEnd(tokens: readonly Token[], index: number): number {
	const token = tokens[index]!;
	if (!/^[a-z]{3,}ing$/.test(token.word)) return -1;
	// "Even confirming he was seen tells everyone he's ours": what the act would do, said to rule it out.
	if (tokens[index - 1]?.word === 'even' && tokens[index - 1]!.clause === token.clause) {
		for (let verb = index + 1; verb < tokens.length && verb <= index + VERDICT_REACH && tokens[verb]!.clause === token.clause; verb++)
			if (CONSEQUENCES.has(tokens[verb]!.word)) return verb;
	}
	let before = index - 1;
	while (before >= 0 && tokens[before]!.clause === token.clause && LEAD_INS.has(tokens[before]!.word)) before--;
	if (before >= 0 && tokens[before]!.clause === token.clause) return -1;
	for (let verb = index + 1; verb < tokens.length && verb <= index + VERDICT_REACH && tokens[verb]!.clause === token.clause; verb++) {
		if (!VERDICT_VERBS.has(tokens[verb]!.word)) continue;
		let negated = false;
		let at = verb + 1;
		while (at < tokens.length && tokens[at]!.clause === token.clause && FILLERS.has(tokens[at]!.word)) {
			if (tokens[at]!.word === 'not') negated = true;
			at++;
		}
		const judgement = tokens[at];
		if (!judgement || judgement.clause !== token.clause) return -1;
		const bad = BAD.has(judgement.word) || BAD.has(judgement.stem);
		if ((bad && !negated) || (negated && GOOD.has(judgement.word))) return at + 1;
		// A verdict that approves, or words of the act itself ("Saying it's clinically proven isn't true"): read on.
		if (bad || GOOD.has(judgement.word)) return -1;
	}
	return -1;
}

// Words that open a clause the learner does not assert as their own act or verdict: an embedded question
// ("whether to double up depends on…"), a wish about how things go ("hope it settles soon"), their
// request reported back ("you want me to skip the #ad?"), or an idiom that turns it down ("I'd give the
// posting a miss", "hold off on sharing it", "steer clear of 'clinically proven'").
const EMBEDDED_QUESTION: ReadonlySet<string> = new Set(['whether']);
const WISHING: ReadonlySet<string> = new Set(['hope', 'hoping', 'hopefully']);
// "Imagine her finding it…", "imagine if he saw it": a scene pictured, not a deed ("imagine believing that" mocks, and stays).
const IMAGINED_SUBJECTS: ReadonlySet<string> = new Set(['her', 'him', 'them', 'if', 'how', 'what', 'someone', 'the', 'his', 'their', 'your', 'you', 'being']);
// "A friend told me I should reply under it", "people said to just delete it": someone else's advice, reported.
const ADVISED: ReadonlySet<string> = new Set(['told', 'said', 'suggested', 'reckons', 'reckoned', 'says', 'tells']);
const REQUESTING: ReadonlySet<string> = new Set(['want', 'wanted', 'wants', 'asking', 'asked', 'expect', 'expecting']);
const OPENS_UNASSERTED: ReadonlySet<string> = new Set([
	...EMBEDDED_QUESTION,
	...WISHING,
	...REQUESTING,
	...ADVISED,
	'give',
	'hold',
	'steer',
	'imagine',
	'pass',
	'fingers',
]);
// Who passes on it: "I'll pass", "I'd pass", "gonna pass", "think I'll pass".
const PASSING: ReadonlySet<string> = new Set(['will', 'would', 'to', 'i', 'shall', 'll', 'd']);

/** Where the clause of the token at `index` ends. */
function clauseEndAt(tokens: readonly Token[], index: number): number {
	let end = index + 1;
	while (end < tokens.length && tokens[end]!.clause === tokens[index]!.clause) end++;
	return end;
}

/** Where the clause that starts at `index` and is not the learner's own ends, or -1 when it is theirs. */
function notAssertedEnd(tokens: readonly Token[], index: number): number {
	const token = tokens[index]!;
	const word = token.word;
	if (!OPENS_UNASSERTED.has(word)) return -1;
	if (word === 'imagine') return IMAGINED_SUBJECTS.has(tokens[index + 1]?.word ?? '') ? clauseEndAt(tokens, index) : -1;
	if (ADVISED.has(word)) {
		// Not the learner's own report of what they told someone ("I told him I'd post it").
		if (tokens[index - 1]?.word === 'i' || tokens[index - 1]?.word === 'we') return -1;
		const next = tokens[index + 1]?.word;
		const after = tokens[index + 2]?.word;
		return (next === 'me' && (after === 'to' || after === 'i' || after === 'that')) ||
			(next === 'to' && word === 'said') ||
			(next === 'i' && after === 'should')
			? clauseEndAt(tokens, index)
			: -1;
	}
	if (EMBEDDED_QUESTION.has(word)) return clauseEndAt(tokens, index);
	// A wish about how it goes, not one that they share or post ("hope you share it loads" encourages).
	if (WISHING.has(word)) {
		const end = clauseEndAt(tokens, index);
		return tokens.slice(index + 1, end).some(next => SHARING_ACTS.has(next.stem)) ? -1 : end;
	}
	// "you want me to skip the #ad", "you're asking me to lie": their request, said back to them.
	if (REQUESTING.has(word) && tokens[index - 1]?.word === 'you' && tokens[index + 1]?.word === 'me' && tokens[index + 2]?.word === 'to')
		return clauseEndAt(tokens, index);
	if (tokens[index - 2]?.word === 'you' && tokens[index - 1]?.word === 'are' && REQUESTING.has(word) && tokens[index + 1]?.word === 'me')
		return clauseEndAt(tokens, index);
	// "give it a miss", "give the posting a miss": everything from "give" to "miss".
	if (word === 'give') {
		for (let at = index + 2; at <= index + 5 && at < tokens.length && tokens[at]!.clause === token.clause; at++)
			if (tokens[at]!.word === 'miss' && tokens[at - 1]!.word === 'a') return at + 1;
	}
	// "fingers crossed it clears up": a wish, as "hope" is
	if (word === 'fingers' && tokens[index + 1]?.word === 'crossed') return clauseEndAt(tokens, index);
	// "I'll pass on tagging", "gonna pass on that one"
	if (word === 'pass' && tokens[index + 1]?.word === 'on' && PASSING.has(tokens[index - 1]?.word ?? '')) return clauseEndAt(tokens, index);
	if ((word === 'hold' && tokens[index + 1]?.word === 'off') || (word === 'steer' && tokens[index + 1]?.word === 'clear')) return clauseEndAt(tokens, index);
	return -1;
}

// "Keeping it subtle is exactly the bit I can't do", "no #ad isn't gonna happen", "'clinically proven'
// aren't things I'd say": a refusal put after what it refuses. The clause's subject is turned down, not done.
const IS: ReadonlySet<string> = new Set(['is', 's', 'are', 'was', 'were']);
const REFUSED_THINGS: ReadonlySet<string> = new Set(['bit', 'part', 'thing', 'things', 'one', 'something', 'stuff', 'what', 'line', 'kind', 'sort']);
const SAYING_OR_DOING: ReadonlySet<string> = new Set([
	'say',
	'do',
	'write',
	'post',
	'put',
	'sign',
	'agree',
	'accept',
	'support',
	'recommend',
	'endorse',
	'claim',
	'promise',
	'share',
	'go',
	'help',
	'film',
	'use',
	'tell',
]);
const NEVER: ReadonlySet<string> = new Set(['not', 'never']);
/** How far back a judged subject may reach: "the claim of one dress size in four weeks is not true". */
const SUBJECT_REACH = 12;
// Words that come before a subject, not in it: a person, a verb of saying or thinking, a joining word.
const ENDS_A_SUBJECT: ReadonlySet<string> = new Set([
	...SUBJECTS,
	'say',
	'said',
	'says',
	'saying',
	'think',
	'thought',
	'that',
	'because',
	'so',
	'and',
	'but',
	'to',
	'would',
	'will',
	'can',
	'could',
	'should',
	'is',
	'are',
	'was',
	'were',
	'if',
	'when',
	'which',
	'who',
]);
/** How many words may come between "is" and the thing refused: "is exactly the bit". */
const REFUSAL_REACH = 4;

/** Whether the "is" at `verb` opens a refusal or a judgement of the subject before it, in its clause. */
function refusedSubjectVerb(tokens: readonly Token[], verb: number): boolean {
	const clause = tokens[verb]!.clause;
	const at = (offset: number) => (tokens[verb + offset]?.clause === clause ? tokens[verb + offset]!.word : '');
	const negated = at(1) === 'not';
	const start = negated ? 2 : 1;
	// "isn't gonna happen", "is not happening", "is off the table", "is a non-starter"
	if (negated && ((at(2) === 'going' && at(3) === 'to' && at(4) === 'happen') || at(2) === 'happening')) return true;
	if (at(start) === 'off' && at(start + 1) === 'the' && at(start + 2) === 'table') return true;
	// "the dress-size claim is not true", "that caption is misleading": what it names is judged, not done.
	let judged = start;
	while (FILLERS.has(at(judged)) && at(judged) !== 'not') judged++;
	// ("isn't on" is a verdict only where it ends the clause: not "it's not on everyone's phone")
	const verdict = at(judged) !== 'on' || at(judged + 1) === '';
	if (verdict && ((negated && GOOD.has(at(judged))) || (!negated && BAD.has(at(judged)) && at(judged) !== 'no'))) return true;
	for (let offset = start; offset <= start + REFUSAL_REACH; offset++) {
		if (!REFUSED_THINGS.has(at(offset))) continue;
		let who = offset + 1;
		if (at(who) === 'that') who++;
		if (at(who) !== 'i' && at(who) !== 'we') return false;
		const following = [1, 2, 3].map(step => at(who + step));
		// "the bit I can't do", "something I'd never say"; or, already negated, "not something I can say".
		if (following.some(word => NEVER.has(word))) return true;
		return negated && following.some(word => SAYING_OR_DOING.has(word));
	}
	return false;
}

// "that must have been a horrible week": sympathy, not a verdict on what happened.
const FEELINGS: ReadonlySet<string> = new Set([
	'horrible',
	'awful',
	'hard',
	'tough',
	'difficult',
	'scary',
	'frightening',
	'rough',
	'terrible',
	'stressful',
	'upsetting',
	'worrying',
	'exhausting',
	'horrendous',
	'heartbreaking',
	'devastating',
	'traumatic',
	'grim',
]);
const SOFTENING: ReadonlySet<string> = new Set(['so', 'really', 'such', 'a', 'an', 'very', 'absolutely', 'truly', 'incredibly']);

/** Where a "must have been awful" ends, when one starts at `index`; -1 otherwise. */
function sympathyEnd(tokens: readonly Token[], index: number): number {
	if (tokens[index]!.word !== 'must' || tokens[index + 1]?.word !== 'have' || tokens[index + 2]?.word !== 'been') return -1;
	let at = index + 3;
	while (at < tokens.length && SOFTENING.has(tokens[at]!.word)) at++;
	return FEELINGS.has(tokens[at]?.word ?? '') ? at + 1 : -1;
}

// "I know it's well clever, but…", "I get that it's only one post, but…": granted, then answered.
const GRANTING: ReadonlySet<string> = new Set(['know', 'get', 'understand', 'appreciate', 'see', 'realise', 'realize']);
/** How far a granted point may run before its "but". */
const GRANT_REACH = 12;

/** Where a point granted and then answered ends (at its "but"), when one starts at `index`; -1 otherwise. */
function concededEnd(tokens: readonly Token[], index: number): number {
	if (!GRANTING.has(tokens[index]!.word) || (tokens[index - 1]?.word !== 'i' && tokens[index - 1]?.word !== 'we')) return -1;
	for (let at = index + 1; at < tokens.length && at <= index + GRANT_REACH && tokens[at]!.sentence === tokens[index]!.sentence; at++) {
		if (tokens[at]!.word === 'but') return at;
		// "I know Adeyemi liked it, that doesn't make it ok": answered in the next clause instead.
		const opensAnswer = tokens[at]!.clause !== tokens[at - 1]!.clause && IT.has(tokens[at]!.word);
		if (opensAnswer && tokens.slice(at + 1, at + 4).some(next => next.word === 'not' && next.clause === tokens[at]!.clause)) return at;
	}
	return -1;
}

// "it'd confirm he was seen here", "that would tell everyone he's ours": what an act would reveal, said to rule it out.
const REVEALING_MODALS: ReadonlySet<string> = new Set(['would', 'd', 'could', 'might', 'will', 'll']);
const REVEALS: ReadonlySet<string> = new Set(['confirm', 'show', 'tell', 'reveal', 'mean', 'prove', 'identify', 'out', 'expose']);
const IT: ReadonlySet<string> = new Set(['it', 'that', 'this', 'which']);

// "a friend might just tell you it's nothing", "your mate could post it": someone else, who might.
const ANOTHER: ReadonlySet<string> = new Set(['a', 'my', 'your', 'another']);
const ACQUAINTANCES: ReadonlySet<string> = new Set(['friend', 'mate', 'colleague', 'relative', 'neighbour', 'flatmate', 'housemate']);

// "once it's pasted in, the company's got it": a time when something is done, as a condition is.
const TIMES: ReadonlySet<string> = new Set(['once', 'when', 'after']);

// 🙄 🙃 said with praise ("wow, genius lifehack 🙄", "Love that 🙄"): the praise is not meant, so it approves nothing.
// What else the sentence does stays the learner's ("grabbed a screenshot of Josh's bit 🙄").
const MOCKING_EMOJI = /[\u{1F643}\u{1F644}]/u;
const PRAISE: ReadonlySet<string> = new Set([
	'genius',
	'clever',
	'brilliant',
	'great',
	'amazing',
	'love',
	'lovely',
	'perfect',
	'fantastic',
	'wonderful',
	'nice',
	'smart',
	'lifehack',
	'impressive',
	'superb',
	'fab',
	'idea',
	'lifesaver',
]);

/** Marks the praise in each sentence that carries a mocking emoji. */
function markSarcasm(tokens: readonly Token[], text: string, mask: Uint8Array): void {
	if (!MOCKING_EMOJI.test(text)) return;
	let first = 0;
	while (first < tokens.length) {
		let last = first;
		while (last + 1 < tokens.length && tokens[last + 1]!.sentence === tokens[first]!.sentence) last++;
		const end = last + 1 < tokens.length ? tokens[last + 1]!.start : text.length;
		if (MOCKING_EMOJI.test(text.slice(tokens[first]!.start, end)))
			for (let at = first; at <= last; at++) if (PRAISE.has(tokens[at]!.word) || PRAISE.has(tokens[at]!.stem)) mask[at] = 1;
		first = last + 1;
	}
}

// "you think that's ok to post?", "do you honestly reckon that's fine?": their view asked back.
const THINKING: ReadonlySet<string> = new Set(['think', 'reckon', 'believe', 'thought', 'reckoned', 'thinking']);

/** Whether the sentence holding the token at `index` ends in a question mark. */
function endsInQuestion(tokens: readonly Token[], index: number, text: string | undefined): boolean {
	if (text === undefined) return false;
	const sentence = tokens[index]!.sentence;
	let last = index;
	while (last + 1 < tokens.length && tokens[last + 1]!.sentence === sentence) last++;
	const rest = /^[^.!?\n]*([.!?\n]|$)/.exec(text.slice(tokens[last]!.end));
	return rest?.[1] === '?';
}

// "you're happy to share it yourself": their own willingness, not the learner's ("you're welcome to" permits, and stays).
const WILLING: ReadonlySet<string> = new Set(['happy', 'glad', 'keen', 'eager', 'willing']);

/** "you think that's ok to post?": their view asked back, to the end of its clause. */
function askedBackEnd(tokens: readonly Token[], index: number, text: string | undefined): number {
	const token = tokens[index]!;
	const asked =
		THINKING.has(token.word) &&
		tokens.slice(Math.max(0, index - 3), index).some(before => before.word === 'you' && before.clause === token.clause) &&
		endsInQuestion(tokens, index, text);
	return asked ? clauseEndAt(tokens, index) : -1;
}

/** "you're happy to share it yourself": their willingness, to the end of its clause. */
function willingEnd(tokens: readonly Token[], index: number): number {
	const token = tokens[index]!;
	const willing =
		token.word === 'you' &&
		IS.has(tokens[index + 1]?.word ?? '') &&
		[2, 3].some(step => WILLING.has(tokens[index + step]?.word ?? '') && tokens[index + step]!.clause === token.clause);
	return willing ? clauseEndAt(tokens, index) : -1;
}

/** "it'd confirm he was seen here": what an act would reveal, to the end of its clause. */
function revealedEnd(tokens: readonly Token[], index: number): number {
	const token = tokens[index]!;
	const reveals =
		REVEALING_MODALS.has(token.word) &&
		IT.has(tokens[index - 1]?.word ?? '') &&
		REVEALS.has(tokens[index + 1]?.word ?? '') &&
		tokens[index + 1]!.clause === token.clause;
	return reveals ? clauseEndAt(tokens, index) : -1;
}

// Each finds a run of words, starting at a token, that is not the learner's own move; the first to find one wins.
const SPANS_NOT_OWN: readonly ((tokens: readonly Token[], index: number, text: string | undefined) => number)[] = [
	askedBackEnd,
	willingEnd,
	concededEnd,
	sympathyEnd,
	revealedEnd,
	notAssertedEnd,
	judgedActEnd,
	othersActEnd,
];

/** Where the first run of words at `index` that is not the learner's own ends, or -1. */
function spanNotOwnEnd(tokens: readonly Token[], index: number, text: string | undefined): number {
	for (const find of SPANS_NOT_OWN) {
		const end = find(tokens, index, text);
		if (end > 0) return end;
	}
	return -1;
}

/**
 * Marks the words of a reply that imagine rather than do: what someone else might do ("others might
 * screenshot it and share it") and a condition about the learner or others, or one whose consequence
 * is a refusal ("if I send it here it'll sit on twelve phones", "if you send photos here I can't
 * look at them"), what a named person or "he"/"she"/"they" did ("Adeyemi liking it"), and an act named only to judge it
 * ("Calling it gifted would be misleading"), and a clause they do not assert (see notAssertedEnd). A red flag is the learner's own move, so these words raise none; evidence reads
 * them as ever. "If you send me a photo I'll take a look" is an offer, and stays one.
 */
export function hypotheticalMask(tokens: readonly Token[], text?: string): Uint8Array {
	const mask = new Uint8Array(tokens.length);
	if (text !== undefined) markSarcasm(tokens, text, mask);
	for (let index = 0; index < tokens.length; index++) {
		const token = tokens[index]!;
		if (topicEnd(tokens, index) >= 0) {
			let from = index;
			while (from > 0 && tokens[from - 1]!.clause === token.clause) from--;
			mark(mask, from, index);
		}
		if (IS.has(token.word) && index > 0 && tokens[index - 1]!.clause === token.clause && refusedSubjectVerb(tokens, index)) {
			// Only the subject is judged: "I would comment under the post to say it's a breach" still comments.
			let from = index;
			while (from > 0 && from > index - SUBJECT_REACH && tokens[from - 1]!.clause === token.clause && !ENDS_A_SUBJECT.has(tokens[from - 1]!.word)) from--;
			mark(mask, from, index);
		}
		if (TIMES.has(token.word) && passiveCondition(tokens, index + 1)) mark(mask, index + 1, conditionEnd(tokens, index, index + 1));
		const spanEnd = spanNotOwnEnd(tokens, index, text);
		if (spanEnd > 0) {
			mark(mask, index, spanEnd);
			index = spanEnd - 1;
			continue;
		}
		if (token.word === 'if' && !REPORTING.has(tokens[index - 1]?.word ?? '') && !REPORTING.has(tokens[index - 2]?.word ?? '')) {
			const subject = conditionSubject(tokens, index);
			const end = conditionEnd(tokens, index, subject);
			const consequence = tokens.slice(end, end + CONSEQUENCE_REACH).filter(candidate => candidate.sentence === token.sentence);
			if (
				(subject >= 0 && OWN_OR_OTHERS.has(tokens[subject]!.word)) ||
				// "if he says it's not my business": what someone else might say
				tokens.slice(index + 1, index + 4).some(candidate => REPORTS_SPEECH.has(candidate.word)) ||
				passiveCondition(tokens, subject) ||
				consequence.some(candidate => NEGATION_CUES.has(candidate.word))
			)
				mark(mask, index + 1, end);
			// "If he agrees, you could post it later": what consent would allow is no go-ahead now.
			if (tokens.slice(index + 1, end).some(candidate => CONSENTING.has(candidate.word))) {
				const after = end < tokens.length ? clauseEndAt(tokens, end) : end;
				mark(mask, index + 1, after);
				index = after - 1;
			}
			continue;
		}
		// What others did, in a relative clause: "anyone who's liked it", "people that shared it".
		if (OTHERS.has(token.word) && RELATIVES.has(tokens[index + 1]?.word ?? '') && tokens[index + 1]!.clause === token.clause) {
			let end = index + 2;
			while (
				end < tokens.length &&
				end < index + 2 + RELATIVE_REACH &&
				tokens[end]!.clause === token.clause &&
				!MODALS.has(tokens[end]!.word) &&
				tokens[end]!.word !== 'i' &&
				tokens[end]!.word !== 'we'
			)
				end++;
			mark(mask, index, end);
			index = end - 1;
			continue;
		}
		// "Other accounts might skip the #ad": others, named by a plural after "other".
		const othersNamed =
			OTHERS.has(token.word) ||
			(token.word === 'other' && /s$/.test(tokens[index + 1]?.word ?? '')) ||
			(token.word === 'some' && (MODALS.has(tokens[index + 1]?.word ?? '') || PEOPLE.has(tokens[index + 1]?.word ?? ''))) ||
			(ANOTHER.has(token.word) && ACQUAINTANCES.has(tokens[index + 1]?.word ?? ''));
		if (othersNamed && tokens.slice(index + 1, index + 1 + MODAL_REACH).some(candidate => candidate.clause === token.clause && MODALS.has(candidate.word))) {
			let end = index + 1;
			while (
				end < tokens.length &&
				tokens[end]!.clause === token.clause &&
				!SCOPE_BREAKERS.has(tokens[end]!.word) &&
				tokens[end]!.word !== 'i' &&
				tokens[end]!.word !== 'we'
			)
				end++;
			mark(mask, index, end);
			index = end - 1;
		}
	}
	return mask;
}
