import { stem, type Tokenised } from './normalise.js';

/**
 * Doing what was asked, in the learner's own words rather than a bare yes: "ok fine, I'll send a script
 * over", "post Friday's then", "go ahead and share it". The scenario says what its other party asks for
 * ("send the antibiotics to the pharmacy"); the verbs of those requests, said as the learner's commitment
 * or as a go-ahead, are the yes.
 */

// The acts a request can ask for, as verbs: "send the antibiotics to the pharmacy" is "send". A request
// opening with any other word ("say whether…", "agree that…") is answered in words the yes and the
// patterns read, not by echoing its verb.
const ACTIONS: ReadonlySet<string> = new Set(
	'send post share tag like retweet repost film accept meet add write draft read run delete leave apologise laugh front sign pick look prescribe upload forward comment reply endorse recommend promote screenshot message text email'.split(
		' ',
	),
);

/** The stems of the verbs a scenario's requests open with, each mapped to the red flags agreeing raises. */
export function requestedVerbs(requests: readonly { readonly asks: string; readonly flag: number }[]): ReadonlyMap<string, readonly number[]> {
	const verbs = new Map<string, number[]>();
	for (const { asks, flag } of requests) {
		for (const part of asks.toLowerCase().split(/,|;|\band\b|\bor\b/)) {
			const words = part.trim().split(/\s+/);
			const verb = words.find(word => !['then', 'also', 'just', 'to'].includes(word));
			if (!verb || !ACTIONS.has(verb)) continue;
			const list = verbs.get(stem(verb)) ?? [];
			if (!list.includes(flag)) list.push(flag);
			verbs.set(stem(verb), list);
		}
	}
	return verbs;
}

// Opening one's own commitment: "I'll", "I can", "I'm going to", "let me", "I'd".
const OWN: readonly (readonly string[])[] = [
	['i', 'will'],
	['i', 'can'],
	['i', 'could'],
	['i', 'shall'],
	['i', 'would'],
	['i', 'am', 'going', 'to'],
	['i', 'am', 'gonna'],
	['let', 'me'],
	['we', 'will'],
	['we', 'can'],
];
// Between the opener and the verb, or before a go-ahead: "I'll just send it", "go ahead and post it".
const BRIDGES: ReadonlySet<string> = new Set([
	'just',
	'quickly',
	'happily',
	'gladly',
	'definitely',
	'also',
	'then',
	'now',
	'go',
	'ahead',
	'and',
	'so',
	'ok',
	'okay',
	'fine',
	'sure',
	'yeah',
	'yes',
	'alright',
	'right',
	'well',
	'maybe',
	'def',
	'defo',
	'probably',
	'prob',
]);

export type RequestedAct = { readonly start: number; readonly end: number; readonly flags: readonly number[] };

function opensOwn(tokenised: Tokenised, before: number, clause: number): number {
	const { tokens } = tokenised;
	for (const opener of OWN) {
		const from = before - opener.length + 1;
		if (from < 0) continue;
		let matches = true;
		for (let offset = 0; offset < opener.length && matches; offset++) {
			const token = tokens[from + offset]!;
			matches = token.clause === clause && token.word === opener[offset];
		}
		if (matches) return from;
	}
	return -1;
}

/** The first place the reply commits to, or gives the go-ahead for, what was asked. */
export function findRequestedAct(tokenised: Tokenised, verbs: ReadonlyMap<string, readonly number[]>): RequestedAct | undefined {
	if (verbs.size === 0) return undefined;
	const { tokens } = tokenised;
	for (let at = 0; at < tokens.length; at++) {
		const token = tokens[at]!;
		const flags = verbs.get(token.stem);
		// The plain form only: "posting" and "posted" report, they do not commit.
		if (!flags || /(?:ing|ed)$/.test(token.word)) continue;
		let before = at - 1;
		while (before >= 0 && tokens[before]!.clause === token.clause && BRIDGES.has(tokens[before]!.word)) before--;
		const own = before >= 0 && tokens[before]!.clause === token.clause ? opensOwn(tokenised, before, token.clause) : -1;
		// A go-ahead: the verb opens its clause ("post Friday's then", "ok, go ahead and share it").
		const goAhead = before < 0 || tokens[before]!.clause !== token.clause;
		if (own >= 0 || goAhead) return { start: own >= 0 ? own : at, end: at, flags };
	}
	return undefined;
}
