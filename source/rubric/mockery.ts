/**
 * Mockery in any words: the eye-roll and upside-down emoji, sarcastic praise ("really professional",
 * "must be nice", "I'm sure he's thrilled"). A scenario declares which red flag it raises with
 * `=mockery` (an insult to the commenter, a public call-out, a dig at the patient).
 */

// 🙃 🙄 🤡, said at someone: the tone marks the sentence, whatever its words.
const MOCKING_EMOJI = /[\u{1F643}\u{1F644}\u{1F921}]/u;

const SARCASM = [
	// "Really professional, Ellie.", "very professional 🙃"; not "that wasn't very professional".
	/(?<!\b(?:not|n't|isn't|wasn't|hardly)\s+)\b(?:really|very|so|super|totally|ever so) professional\b/i,
	// "must be nice being famous for a cough"
	/\bmust be (?:nice|lovely|great) (?:being|to be|having)\b/i,
	// "I'm sure the lad from Tuesday is thrilled to find his ECG here"
	/\bi(?:'m| am) sure (?:he|she|they|the [\w ]{1,30}?)(?:'s| is| are|'ll be| will be) (?:thrilled|delighted|chuffed|loving (?:it|this)|over the moon)\b/i,
	// "Great thread everyone, …", said with a mocking emoji elsewhere is caught above; "well done, genius"
	/\b(?:well done|nice one|good job|bravo),? (?:genius|einstein|sherlock|professor)\b/i,
	// "Very brave from an account with no name", "hiding behind a cartoon avatar", "the old 'coward' line"
	/\b(?:brave|big|bold|tough|strong|fighting) (?:\w+ )?from (?:an?|someone|somebody|you)\b|\bhiding behind (?:an?|your|that) (?:\w+ )?(?:avatar|account|keyboard|screen|username|profile|egg)\b|\bkeyboard (?:warrior|hero)\b/i,
	// "says the lad with no name", "must be a quiet night in for you"
	/\bsays (?:the|a|an|someone|somebody) (?:\w+ ){0,3}?(?:with no|without|hiding behind)\b|\bmust be a (?:quiet|slow|boring|lonely) (?:night|day|life|evening)\b/i,
	/\bthe (?:old|usual|classic|good old) ['"‘“]?[\w ]{1,20}['"’”]? (?:line|card|trick|chestnut|argument|routine)\b/i,
];

// Every mockery above needs one of these: most replies stop here.
const MAY_MOCK =
	/[\u{1F643}\u{1F644}\u{1F921}]|professional|must be|sure|well done|nice one|good job|bravo|brave|big|bold|tough|strong|fighting|hiding|keyboard|says|must be a|the (?:old|usual|classic|good old)/iu;

/** Character range of the first sentence that mocks, if any. */
export function mockeryAt(text: string): { readonly start: number; readonly end: number } | undefined {
	if (!MAY_MOCK.test(text)) return undefined;
	for (const match of text.matchAll(/[^.!?\n]+[.!?]*\s*(?:\p{Extended_Pictographic}\s*)*/gu)) {
		const sentence = match[0].trim();
		if (sentence === '') continue;
		if (MOCKING_EMOJI.test(sentence) || SARCASM.some(pattern => pattern.test(sentence))) {
			const start = match.index + match[0].indexOf(sentence);
			return { start, end: start + sentence.length };
		}
	}
	return undefined;
}
