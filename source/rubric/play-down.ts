/**
 * Playing a breach down so nobody has to hear of it, in any words: "no need to tell IG", "I don't think
 * anyone needs to know", "we'll leave it there", "I'm not going to go running to anyone". A scenario
 * declares which red flag it raises with `=plays-it-down`: where the breach must be reported, keeping it
 * quiet is going along with it.
 */

import { firstSentenceWhere, lowered, type TextRange } from './sentences.js';

const PLAYS_DOWN = [
	/\bno need (?:for you |for us )?to (?:tell|report|inform|involve|escalate|mention|datix|bother|make (?:a |it a |this a )?(?:big |whole )?(?:deal|thing|fuss|song and dance|drama)|turn (?:this|it) into)\b/,
	/\b(?:don't|do not|dont) (?:think |reckon )?(?:we|you|anyone|anybody|they|i)? ?(?:really )?(?:need|have) to (?:tell|report|inform|involve|escalate|mention|datix|make (?:a|it|this))\b/,
	/\b(?:don't|do not|dont) (?:think |reckon )?(?:anyone|anybody) (?:else )?(?:needs|has) to (?:know|find out|hear)\b/,
	/\b(?:nobody|no one|no-one|noone) (?:else )?(?:needs|has|ever needs|ever has|is going) to (?:know|find out|hear)\b/,
	/\b(?:we'll|we will|let's|lets|we can) (?:just )?(?:leave it (?:there|at that)|say no more|keep (?:it|this) (?:quiet|to ourselves|low[- ]?key))\b/,
	/\bi(?:'m| am) not (?:going to|gonna) (?:go )?(?:running to|grass|snitch|dob)\b/,
	// "ok, I won't say anything", "I won't mention it 🤐": silence promised
	/\bi (?:won't|will not|wont|shan't|(?:'m|am) not (?:going to|gonna)) (?:say|mention|tell) (?:anything|it|a word|anyone|a thing|a soul)\b/,
	/\b(?:wouldn't|would not|don't|dont|do not|no need to|not worth) (?:bother(?:ing)?|trouble|troubling) (?:ig|information governance|datix|anyone|them|the ig|your (?:es|supervisor|consultant))\b/,
];
const MAY_PLAY_DOWN = /\b(?:need|needs|have|leave|say no more|keep|running|grass|snitch|dob|bother|bothering|trouble|troubling|say|mention|tell)\b/i;

/** Character range of the first sentence that plays the breach down, if any. */
export function playingDownAt(text: string): TextRange | undefined {
	if (!MAY_PLAY_DOWN.test(text)) return undefined;
	return firstSentenceWhere(text, sentence => {
		const lower = lowered(sentence);
		return !lower.endsWith('?') && PLAYS_DOWN.some(pattern => pattern.test(lower));
	});
}
