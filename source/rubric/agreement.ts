import type { Token, Tokenised } from './normalise.js';

/**
 * Saying yes to what the other party asked, as an act: "sure", "on it", "accepted", "yes please",
 * "go for it", "will do", "ok sending now", "yesss 👍". Whether it is unsafe depends on what was asked,
 * which the scenario declares (rubric.requests); this module only finds the yes.
 */

/** Letters doubled for emphasis are read once: "yesss", "okkk", "sureee". */
const squeezed = new Map<string, string>();

function squeeze(word: string): string {
	let result = squeezed.get(word);
	if (result === undefined) {
		result = word.replace(/(.)\1+/g, '$1');
		if (squeezed.size > 50_000) squeezed.clear();
		squeezed.set(word, result);
	}
	return result;
}

// Assent that can also answer "so is that a no then?": counted only before the learner has said no.
const WEAK: readonly string[] = [
	'thumbsup',
	'yes',
	'yeah',
	'yea',
	'yeh',
	'ye',
	'yh',
	'yep',
	'yup',
	'yip',
	'aye',
	'ok',
	'k',
	'oki',
	'okie',
	'okey',
	'oky',
	'alright',
	'alrighty',
	'sure',
	'shure',
	'sur',
	'fine',
	'cool',
	'definitely',
	'defo',
	'def',
	'deffo',
	'absolutely',
	'certainly',
	'totally',
	'of course',
	'ofc',
	'course',
	'no problem',
	'np',
	'no worries',
	'no prob',
	'no probs',
	'sounds good',
	'sounds great',
	'sounds fine',
	'sounds perfect',
	'sounds like a plan',
	'why not',
	'perfect',
	'righto',
	'right you are',
	'that works',
	'works for me',
	'fine by me',
	'fine with me',
	'ok by me',
	'ok with me',
	'agreed',
	'deal',
	'of course i will',
	'yes i can',
	'yes i will',
	'done',
	'sorted',
	'agreed',
	'i agree',
	'totally agree',
	'exactly',
	'true',
	'so true',
	'facts',
	'same',
];

// Assent that is itself the act ("sent", "accepted", "go for it"): counted in any reply, whatever follows it.
const ACTS: readonly string[] = [
	'here you go',
	'there you go',
	'here it is',
	'here they are',
	'go for it',
	'go ahead',
	'go on then',
	'go on',
	'sending now',
	'sending',
	'sent',
	'posting',
	'posted',
	'tagged',
	'liked',
	'shared',
	'retweeted',
	'retweeting',
	'reposted',
	'reposting',
	'tagging',
	'sharing now',
	'sharing it',
	'forwarded',
	'forwarding',
	'uploaded',
	'followed',
	'following',
	'will send',
	'will post',
	'will share',
	'will tag',
	'accepted',
	'accept',
	'added',
	'added you',
	'accepted you',
	'yes please',
	'ok sending',
	'absolutely go for it',
	'post it',
	'share it',
	'do it',
	'let us do it',
	'lets do it',
	'yes go for it',
];

// A promise to do what was asked ("on it", "will do"): counted in any reply, but only as a bare yes;
// "On it - I'll upload them through the photography app" promises the safe route, not the request.
const COMMITMENTS: readonly string[] = [
	'on it',
	'will do',
	'i will do it',
	'i will do that',
	'can do',
	'i can do that',
	'i can do it',
	'happy to',
	'more than happy to',
	'glad to',
	'leave it with me',
	'consider it done',
	'count me in',
	'i am in',
	'i am down',
	'with pleasure',
	'love to',
	'would love to',
	'i would love to',
	'i am on it',
	'ill do it',
	'could do',
	'i could do that',
	'see you there',
	'see you then',
	// "Thursday works", "Saturday suits me": a day agreed is a meeting agreed.
	...['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'tomorrow', 'tonight', 'weekend'].flatMap(day => [
		`${day} works`,
		`${day} suits`,
		`${day} is good`,
		`${day} is fine`,
		`${day} fine`,
		`${day} good`,
	]),
];

// Conceding the other party's point, as a clause of its own: "You're right, sorry." (not "you're right to worry").
const CONCEDING: readonly string[] = [
	'you are right',
	'you are probably right',
	'you have a point',
	'you might have a point',
	'you may have a point',
	'fair point',
];

type Phrase = { readonly words: readonly string[]; readonly strong: boolean; readonly act: boolean; readonly alone?: boolean };

const PHRASES: readonly Phrase[] = [
	...WEAK.map(text => ({ words: text.split(' ').map(squeeze), strong: false, act: false })),
	...CONCEDING.map(text => ({ words: text.split(' ').map(squeeze), strong: false, act: false, alone: true })),
	...COMMITMENTS.map(text => ({ words: text.split(' ').map(squeeze), strong: true, act: false })),
	...ACTS.map(text => ({ words: text.split(' ').map(squeeze), strong: true, act: true })),
].sort((a, b) => b.words.length - a.words.length);

// Words before the yes that leave it a yes: "oh go on then", "haha ok", "aw yes", "Jade sure".
const FILLERS: ReadonlySet<string> = new Set([
	'oh',
	'ah',
	'aw',
	'aww',
	'um',
	'umm',
	'erm',
	'er',
	'well',
	'hey',
	'hi',
	'hiya',
	'omg',
	'haha',
	'lol',
	'hello',
	'yo',
	'ooh',
	'oo',
	'ha',
	'hah',
	'wow',
	'then',
	'so',
	'and',
	'mate',
	'hun',
	'babe',
	'x',
	'xx',
	'thanks',
	'thank',
	'you',
	'cheers',
	'ta',
	'really',
	'totally',
	'just',
	'honestly',
	'lovely',
	'great',
	'amazing',
	'nice',
	'brilliant',
	'fab',
	'but',
	'though',
	'however',
	'tbh',
	'obviously',
]);

const COUNTER_OFFER: ReadonlySet<string> = new Set(['instead', 'rather', 'alternatively', 'alternative']);

/** "Let's do it in the library instead": the reply offers something in place of what was asked. */
export function offersInstead(tokens: readonly Token[]): boolean {
	return tokens.some(token => COUNTER_OFFER.has(token.word));
}
const QUALIFIERS: ReadonlySet<string> = new Set(['but', 'however', 'though', 'although', 'unless', 'provided', 'providing', 'long']);

export type Agreement = {
	/** Token range of the yes. */
	readonly start: number;
	readonly end: number;
	/** The yes is a deed or a promise ("accepted", "on it"), not an answer that could confirm a refusal ("yes"). */
	readonly strong: boolean;
	/** The yes is its whole clause ("Accepted, but…", "Sent 👍"), not the start of something else ("Sent to Ellie privately: …"). */
	readonly whole: boolean;
	/** The yes is the deed ("sent", "accepted"), not a promise ("on it") that the rest of the reply may redirect. */
	readonly act: boolean;
};

// What may follow a yes that is still only the yes: "Accepted x", "sending now", "done already 👍".
const TRAILING: ReadonlySet<string> = new Set(['x', 'xx', 'smile', 'thumbsup', 'lol', 'haha', 'then', 'now', 'already', 'just', 'done', 'mate', 'hun', 'babe']);

// The question words that ask how to carry out what was agreed: "which pharmacy?", "what night suits you?".
const ARRANGING: ReadonlySet<string> = new Set(['which', 'what', 'when', 'where', 'how']);

/** Whether the yes ending at `end` is followed, in a clause of its own, by a question about arranging it. */
function asksHowToDoIt(tokens: readonly Token[], end: number): boolean {
	// "ok fine, which pharmacy?": a second yes or a filler may come before the question.
	let after = end + 1;
	while (
		after < tokens.length &&
		tokens[after]!.clause === tokens[end]!.clause &&
		(TRAILING.has(tokens[after]!.word) || BY_FIRST.has(squeeze(tokens[after]!.word)))
	)
		after++;
	end = after - 1;
	const next = tokens[end + 1];
	return next !== undefined && next.clause !== tokens[end]!.clause && next.sentence === tokens[end]!.sentence && ARRANGING.has(next.word);
}

/** Whether the sentence is a question: "sure?", "shall I send it?". */
export function sentenceAsks(tokenised: Tokenised, sentence: number): boolean {
	const bounds = tokenised.sentences[sentence];
	if (!bounds) return false;
	return /^\s*\?/.test(tokenised.text.slice(bounds.end, bounds.end + 3)) || tokenised.text.slice(bounds.start, bounds.end).endsWith('?');
}

const BY_FIRST = new Map<string, Phrase[]>();
for (const phrase of PHRASES) {
	const list = BY_FIRST.get(phrase.words[0]!) ?? [];
	list.push(phrase);
	BY_FIRST.set(phrase.words[0]!, list);
}

function phraseAt(tokens: readonly Token[], at: number): Phrase | undefined {
	for (const phrase of BY_FIRST.get(squeeze(tokens[at]!.word)) ?? []) {
		const { words } = phrase;
		if (at + words.length > tokens.length) continue;
		let matches = true;
		for (let offset = 0; offset < words.length && matches; offset++) {
			const token = tokens[at + offset]!;
			matches = token.clause === tokens[at]!.clause && squeeze(token.word) === words[offset];
		}
		if (matches) return phrase;
	}
	return undefined;
}

// "Happy to help with the whole thread once he's said yes": a yes that waits on consent is no yes to going ahead now.
const WHEN: ReadonlySet<string> = new Set(['if', 'once', 'when', 'provided', 'until', 'after']);
const CONSENT: ReadonlySet<string> = new Set(['yes', 'agrees', 'agreed', 'consents', 'consented', 'consent', 'permission']);

/** Whether the sentence makes what it says wait on someone's consent. */
function awaitsConsent(tokens: readonly Token[], sentence: number): boolean {
	for (let at = 0; at < tokens.length; at++) {
		if (tokens[at]!.sentence !== sentence || !WHEN.has(tokens[at]!.word)) continue;
		for (let next = at + 1; next <= at + 4 && next < tokens.length && tokens[next]!.sentence === sentence; next++)
			if (CONSENT.has(tokens[next]!.word)) return true;
	}
	return false;
}

/**
 * The yes that opens a clause of the reply, outside a question: "Sure!", "ok sending now",
 * "Aw yes please 😊". A deed in a later sentence ("… Liked 👍") wins over an earlier promise or answer
 * ("True, if Adeyemi's liked it…"), and a promise over an answer. Undefined when there is none.
 */
export function findAgreement(tokenised: Tokenised, quoted: (at: number) => boolean = () => false): Agreement | undefined {
	const { tokens } = tokenised;
	// "Sounds fun! Let's do it in the library instead": a counter-offer, not a yes to what was asked.
	if (offersInstead(tokens)) return undefined;
	// "Sure, but…": a weak yes with a condition attached is not a bare yes; "accepted, but…" still is.
	const qualified = tokens.some(token => QUALIFIERS.has(token.word));
	const rank = (agreement: Agreement) => (agreement.act ? 2 : agreement.strong ? 1 : 0);
	let best: Agreement | undefined;
	let clauseStart = true;
	for (let at = 0; at < tokens.length; at++) {
		const token = tokens[at]!;
		if (at > 0 && token.clause !== tokens[at - 1]!.clause) clauseStart = true;
		if (!clauseStart) continue;
		const word = squeeze(token.word);
		if (BY_FIRST.has(word)) {
			const phrase = phraseAt(tokens, at);
			// "A library video together, though? Yes please": a yes straight after the learner's own question answers it.
			const answersOwnQuestion = token.sentence > 0 && sentenceAsks(tokenised, token.sentence - 1);
			const end = phrase ? at + phrase.words.length - 1 : at;
			// "go on then, which pharmacy?", "ok, when?": a yes whose question only asks how to carry it out is still a yes.
			const asks = sentenceAsks(tokenised, token.sentence) && !(phrase !== undefined && asksHowToDoIt(tokens, end));
			// "lol 'totally anonymised'": their words, quoted back, are no yes.
			// "no problem between us" says how things stand, not yes to what was asked.
			const standing = tokens[end + 1]?.word === 'between';
			if (phrase && (phrase.strong || !qualified) && !asks && !answersOwnQuestion && !quoted(at) && !standing && !awaitsConsent(tokens, token.sentence)) {
				let next = end + 1;
				while (next < tokens.length && tokens[next]!.clause === token.clause && TRAILING.has(tokens[next]!.word)) next++;
				const whole = next >= tokens.length || tokens[next]!.clause !== token.clause;
				// Not a yes here, so its first word ends the clause's opening like any other word.
				if (phrase.alone && !whole) {
					clauseStart = false;
					continue;
				}
				const found: Agreement = { start: at, end, strong: phrase.strong, whole, act: phrase.act };
				// Within one sentence the first yes is the answer ("Yeah go on, post it!"); a later sentence may say more.
				if (best !== undefined && tokens[best.start]!.sentence === token.sentence) continue;
				if (best === undefined || rank(found) > rank(best)) best = found;
				if (found.act) return best;
				at = end;
				clauseStart = false;
				continue;
			}
		}
		if (!FILLERS.has(word)) clauseStart = false;
	}
	return best;
}

// Keeping it between the learner and the other party is giving them what they asked, whatever the words
// after it: "between us, an antihistamine would…", "off the record, he's comfortable", "just don't tell anyone".
const COLLUSION: readonly (readonly string[])[] = [
	'between us',
	'between you and me',
	'between you and i',
	'between ourselves',
	'just between us',
	'off the record',
	'our little secret',
	'our secret',
	'on the quiet',
	'on the qt',
	'on the down low',
	'keep it quiet',
	'keep this quiet',
	'keep it between us',
	'keep this between us',
	'do not tell anyone',
	'dont tell anyone',
	'unofficially',
	'lips sealed',
	'my lips are sealed',
	'mums the word',
	'mum is the word',
].map(text => text.split(' '));

const COLLUSION_FIRST: ReadonlySet<string> = new Set(COLLUSION.map(words => words[0]!));
const STAYS: ReadonlySet<string> = new Set(['is', 's', 'stays', 'stay', 'remains', 'remain', 'was', 'be']);
// "this is just between us": words between the verb and the phrase that leave it a statement of where the words stay.
const SOFTENERS: ReadonlySet<string> = new Set(['just', 'only', 'all', 'strictly', 'purely', 'totally']);

const AMONG_OURSELVES: ReadonlySet<string> = new Set([
	'sort',
	'sorted',
	'split',
	'share',
	'shared',
	'decide',
	'decided',
	'settle',
	'settled',
	'discuss',
	'discussed',
	'figure',
	'figured',
	'work',
	'worked',
	// "no problem between us", "no hard feelings between us": how things stand, not a secret
	'problem',
	'problems',
	'issue',
	'issues',
	'feelings',
	'fine',
	'good',
	'ok',
	'okay',
	'cool',
]);
const OBJECTS: ReadonlySet<string> = new Set(['it', 'this', 'that', 'out']);

/** Token range of the first words that keep something between the learner and the other party, if any. */
export function findCollusion(tokenised: Tokenised): { readonly start: number; readonly end: number } | undefined {
	const { tokens } = tokenised;
	for (let at = 0; at < tokens.length; at++) {
		if (!COLLUSION_FIRST.has(tokens[at]!.word)) continue;
		for (const words of COLLUSION) {
			if (tokens[at]!.word !== words[0] || at + words.length > tokens.length) continue;
			// "As long as it's gone, it's between us": what stays private between colleagues, not a secret kept with the other party.
			let before = at - 1;
			while (before >= 0 && SOFTENERS.has(tokens[before]!.word)) before--;
			const after = before >= 0 && tokens[before]!.sentence === tokens[at]!.sentence ? tokens[before]!.word : '';
			if (STAYS.has(after)) continue;
			// "sort it out between us" is among ourselves; "even off the record" is still refused.
			let verb = before;
			while (verb > 0 && verb > before - 2 && OBJECTS.has(tokens[verb]!.word)) verb--;
			const among = verb >= 0 && tokens[verb]!.sentence === tokens[at]!.sentence && AMONG_OURSELVES.has(tokens[verb]!.word);
			if (among || after === 'even') continue;
			if (words.every((word, offset) => tokens[at + offset]!.word === word) && !sentenceAsks(tokenised, tokens[at]!.sentence)) {
				return { start: at, end: at + words.length - 1 };
			}
		}
	}
	return undefined;
}

// Telling them the breach is harmless is giving them what they asked: "nobody could recognise anyone from
// that", "it's fine to post", "cropped so you can't see his face". Not when it is what someone else thinks.
const ALL_CLEAR = [
	/\b(?:no ?one|no-one|nobody)(?:['’]s| is| will| would| could| can| is going to| gonna|['’]ll|['’]d)?\s+(?:ever\s+|really\s+|even\s+)?(?:know|tell|recognise|recognize|identify|trace|notice|work\s+(?:\w+\s+)?out|find\s+out|link|connect|guess)\b/i,
	/\b(?:it['’]?s|it is|that['’]?s|that is|should be|it['’]ll be|looks|seems)\s+(?:totally |completely |perfectly |absolutely |probably |honestly |defo |definitely )?(?:fine|ok|okay|harmless|safe|alright)\s+to\s+(?:post|share|send|use|put|film|keep|upload|leave|go\s+up|stay)\b/i,
	/\bso\s+(?:you|they|people|no ?one|nobody)\s+(?:can['’]?t|cannot|won['’]t|couldn['’]t)\s+(?:see|tell|recognise|recognize|identify)\b/i,
	// "I don't mind it going up", "not bothered if you post it": a go-ahead in the negative.
	/\b(?:i\s+)?(?:don['’]?t|do not|wouldn['’]?t|would not)\s+mind\s+(?:it|you|them|that|this|if|him|her)\b|\b(?:i['’]?m\s+)?not\s+(?:bothered|fussed)\s+(?:if|about)\s+(?:you|it|that)\b/i,
	// Approving the thing itself: "a ward round clip at hip height is fine", "that caption looks great".
	/\b(?:clip|clips|video|videos|vid|post|photo|photos|pic|pics|picture|caption|draft|reply|thread|story|reel|reels|selfie|one)\b(?:\s+[\w'’]+){0,5}?\s+(?:is|looks|seems|sounds|reads)\s+(?:totally |completely |perfectly |absolutely |probably |honestly |defo |definitely |really |so )?(?:fine|ok|okay|alright|harmless|safe|great|good|perfect|brilliant|amazing)\b/i,
];
const SOMEONE_ELSES =
	/\b(?:think|thinks|thought|assume|assumes|assuming|even if|even though|might seem|may seem|feel like|believe|believes|hope|hoping|claim|claims|say|says|said|if)\b/i;
const DECLINES_FIRST = /^(?:\W*\w+\W+){0,2}?(?:i|we)\s*(?:can(?:no|['’])t|won['’]t|wouldn['’]t|am not|['’]m not)\b/i;

const MAY_CLEAR = /\b(?:no ?one|no-one|nobody|fine|ok|okay|harmless|safe|alright|so|great|good|perfect|brilliant|amazing|mind|bothered|fussed)\b/i;

/** Character range of the first sentence that tells them the breach is harmless, if any. */
export function findAllClear(text: string): { readonly start: number; readonly end: number } | undefined {
	if (!MAY_CLEAR.test(text)) return undefined;
	for (const match of text.matchAll(/[^.!?\n]+[.!?]*/g)) {
		const sentence = match[0];
		// Every all-clear needs one of these words in its own sentence: most sentences are passed over here.
		if (!MAY_CLEAR.test(sentence) || sentence.trim().endsWith('?') || DECLINES_FIRST.test(sentence.trim())) continue;
		for (const pattern of ALL_CLEAR) {
			const found = pattern.exec(sentence);
			if (found && !SOMEONE_ELSES.test(sentence.slice(0, found.index))) return { start: match.index!, end: match.index! + sentence.length };
		}
	}
	return undefined;
}
