/**
 * Offering to be the other person's way in later, in any words: promising to get in touch ("I'll give
 * you a shout after ward round", "I'll drop you a text if anything changes") or inviting them to
 * ("ping me if it gets worse", "give me a ring"). A scenario declares which red flag it raises with
 * `=offers-contact`: where the learner is the patient's doctor, that makes them a private route to care.
 */

import { firstSentenceWhere, lowered, type TextRange } from './sentences.js';

// Getting in touch with "you": the contact itself, whatever comes first.
const CONTACTS_YOU =
	/\b(?:(?:text|txt|message|msg|dm|ping|email|e-mail|call|ring|phone|whatsapp|buzz|update) (?:you|u)\b|(?:let|keep) (?:you|u) (?:know|posted|updated|informed|in the loop)\b|(?:get back|report back|reply) to (?:you|u)\b|fill (?:you|u) in\b|drop (?:you|u) (?:a|an) (?:text|message|line|note|msg|dm|email)\b|give (?:you|u) a (?:shout|bell|ring|call|buzz|text|message|heads up|heads-up)\b|send (?:you|u) (?:a |an )?(?:message|text|update|dm|msg|quick \w+)\b|check in with (?:you|u)\b)/g;

// The learner's own promise, before the contact: "I'll", "I can", "let me", "happy to".
const PROMISE = /\b(?:i'll|i will|ill|i can|i could|i'd|i would|let me|i'm going to|i'm gonna|im gonna|i'm happy to|happy to|i shall)\b/g;
// Someone else set to do the contacting ("I'll get the ward to call you", "I'll ask the nurse to ring you"): a route, not the learner.
const SOMEONE_ELSE =
	/\b(?:ask|tell|arrange for|someone|somebody|they|them|he|she|the (?:ward|team|nurses?|doctors?|surgery|practice|consultant|sister)|a (?:nurse|doctor)|dr \w+)\b/;
/** How many words a promise may run before its contact: "I'll stick my head round his door after ward round and give you a shout". */
const PROMISE_REACH = 14;

// Their getting in touch with the learner: "ping me if it gets worse", "message me any time", "give me a ring".
const INVITES = [
	/\b(?:message|msg|text|txt|ping|dm|email|e-mail|ring|call|phone|whatsapp|buzz|contact|drop) me\b(?: \w+){0,3}? (?:any ?time|whenever|if|when|later|tomorrow|again|back|on here|here|directly|a line|a message|a text)\b/,
	/\bgive me a (?:shout|bell|ring|call|buzz|text|message)\b/,
	// "let me know how the knee goes": asking them to report back
	/\blet me know how (?:it|the|your|you|he|she|things|they|dad|mum)\b/,
	/\b(?:message|text|email|e-mail|ring|call|phone|whatsapp|contact|reach) me (?:on|at|through|via) (?:my )?(?:own|personal|private|home|mobile|gmail|hotmail)\b/,
	/\b(?:feel free|you can|you're welcome|don't hesitate|just) to (?:message|text|ping|dm|email|ring|call|contact|drop) me\b/,
	/\b(?:just )?(?:message|text|ping|dm|ring|call) me\b(?! (?:out|up|on it))/,
];
const MAY_CONTACT = /\b(?:you|u|me)\b/i;

/** Character range of the first sentence that offers contact, if any. */
export function contactOfferAt(text: string): TextRange | undefined {
	if (!MAY_CONTACT.test(text)) return undefined;
	return firstSentenceWhere(text, sentence => MAY_CONTACT.test(sentence) && offersContact(lowered(sentence)));
}

// "I'd rather you didn't message me here", "please don't text me": turned down, not offered.
const NEGATED_BEFORE = /\b(?:didn't|didnt|don't|dont|do not|not|never|no need to|stop|won't|wont|can't|cant|cannot|shouldn't|no more)\s+(?:\w+\s+){0,2}$/;

function offersContact(sentence: string): boolean {
	for (const pattern of INVITES) {
		const invite = pattern.exec(sentence);
		if (invite && !NEGATED_BEFORE.test(sentence.slice(0, invite.index))) return true;
	}
	for (const contact of sentence.matchAll(CONTACTS_YOU)) {
		if (NEGATED_BEFORE.test(sentence.slice(0, contact.index))) continue;
		for (const promise of sentence.slice(0, contact.index).matchAll(PROMISE)) {
			const between = sentence.slice(promise.index + promise[0].length, contact.index);
			const words = between.split(/\s+/).filter(Boolean).length;
			if (words <= PROMISE_REACH && !SOMEONE_ELSE.test(between)) return true;
		}
	}
	return false;
}
