import type { Tokenised } from './normalise.js';

// Quoted words are someone else's unless the learner offers them as their own: "the age + 'our ED' bit",
// "'Patients can wait' just hands them a headline", "you say 'clinically proven'". Quoting is not doing:
// no red flag rests on them. A quote the learner drafts ("Caption: '…'", "maybe say '…'", "hook: '…'",
// "'…' is 🔥") is theirs, unless it is drafted only to be refused ("I can't write '…'").
const QUOTED = /(^|[\s(:,])(['‘"“])([^'‘’"“”\n]{2,160}?)['’"”](?=$|[\s.,!?;:)…-])/g;
const REJECTED_AFTER =
	/^\W{0,3}(?:(?:is|are|was|were|'s)(?:n't|\s+not)\b|(?:is|are|was|'s)\s+(?:just\s+|simply\s+|total\s+|complete\s+|utter\s+|a\s+)?(?:rubbish|nonsense|untrue|wrong|false|misleading|a\s+myth|myth|meaningless|overstated|exaggerated|bs|cobblers|rot|twaddle|not\s+true)\b|\s*(?:isn't|is not|aren't|wasn't)\b)/i;
const REJECTED_BEFORE =
	/\b(?:you|they|he|she|it|people|the\s+brand|the\s+company)\s+(?:say|said|says|claim|claims|claimed|call|calls|called|wrote|write|keep\s+saying|are\s+saying|'re\s+saying)\s+(?:(?:it|its|it's|it’s|that|this|the|is|was|a)\s+){0,2}$|\b(?:you|they|he|she|people)\s+(?:say|said|says|claim|claims|claimed|call|calls|called|wrote|keep\s+saying)\s*$|(?:\b(?:steer\s+clear\s+of|avoid|without|rather\s+than|instead\s+of|not|never|cannot|stop|refuse\s+to|won't|can't|couldn't|wouldn't|shouldn't)|n['’]t)\s+(?:\w+\s+){0,3}$/i;

// "'…' is exactly what I can't do", "'…' doesn't hold up", "'…' isn't something I'd say": a no in the clause the quote opens.
const REJECTED_IN_CLAUSE = /^[^.;!?\n–—]{0,40}?(?:n['’]t|\bnot\b|\bnever\b|\bcannot\b|\bno\s+way\b|\bnonsense\b|\brubbish\b|\bmisleading\b|\buntrue\b)/i;

// Before a quote: a word that offers it as something to write or say, or a colon ("Caption: '…'").
const DRAFTED_BEFORE =
	/(?:\b(?:say|saying|put|write|writing|tag|tagging|label|labelling|mark|marking|caption|captions|captioned|hook|title|headline|post|posting|comment|commented|commenting|reply|replied|replying|tweet|tweeted|call\s+it|like|maybe|or|how\s+about|what\s+about|go\s+with|use|using|could\s+be|try|keep\s+it\s+to|add|adding|draft|text|message|read|reads|sign\s+it|suggest|suggestion|goes|go|went|something\s+like)\b[^'‘"“.!?]{0,12}|:\s*)$/i;
// After a quote: approval of it as a line to use ("'…' is 🔥", "'…' is good, go with that").
const DRAFTED_AFTER =
	/^\W{0,3}(?:(?:is|'s|sounds|reads|looks)\s+(?:so\s+|really\s+|pretty\s+)?(?:good|great|perfect|fine|gold|brilliant|class|amazing|fab|spot\s+on|ace|🔥|better|best|punchy|catchy)|works|would\s+work|🔥)/iu;

/** Marks the tokens of quoted words that are not the learner's own: mentioned, or quoted to be rejected. */
export function mentionMask(tokenised: Tokenised): Uint8Array {
	const { text, tokens } = tokenised;
	const mask = new Uint8Array(tokens.length);
	if (!/['‘"“]/.test(text)) return mask;
	for (const match of text.matchAll(QUOTED)) {
		const start = match.index! + match[1]!.length;
		const end = start + match[0].length - match[1]!.length;
		const before = text.slice(Math.max(0, start - 40), start);
		const after = text.slice(end, end + 60);
		const rejected = REJECTED_AFTER.test(after) || REJECTED_IN_CLAUSE.test(after) || REJECTED_BEFORE.test(before);
		if (!rejected && (DRAFTED_BEFORE.test(before) || DRAFTED_AFTER.test(after))) continue;
		for (let index = 0; index < tokens.length; index++) if (tokens[index]!.start >= start && tokens[index]!.end <= end) mask[index] = 1;
	}
	return mask;
}
