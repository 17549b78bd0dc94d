import type { Tokenised } from './normalise.js';

// Words quoted in order to reject them: "'clinically proven' is nonsense", "you say 'it's only Facebook',
// but…", "I'd steer clear of saying 'clinically proven'". Quoting is not doing: no red flag rests on them.
// A quote that is the learner's own draft ("Caption: '…'", "say 'Antibiotics don't work…'") is theirs.
const QUOTED = /(^|[\s(:,])(['‘"“])([^'‘’"“”\n]{2,160}?)['’"”](?=$|[\s.,!?;:)…-])/g;
const REJECTED_AFTER =
	/^\W{0,3}(?:(?:is|are|was|were|'s)(?:n't|\s+not)\b|(?:is|are|was|'s)\s+(?:just\s+|simply\s+|total\s+|complete\s+|utter\s+|a\s+)?(?:rubbish|nonsense|untrue|wrong|false|misleading|a\s+myth|myth|meaningless|overstated|exaggerated|bs|cobblers|rot|twaddle|not\s+true)\b|\s*(?:isn't|is not|aren't|wasn't)\b)/i;
const REJECTED_BEFORE =
	/\b(?:you|they|he|she|it|people|the\s+brand|the\s+company)\s+(?:say|said|says|claim|claims|claimed|call|calls|called|wrote|write|keep\s+saying|are\s+saying|'re\s+saying)\s+(?:(?:it|its|it's|it’s|that|this|the|is|was|a)\s+){0,2}$|\b(?:you|they|he|she|people)\s+(?:say|said|says|claim|claims|claimed|call|calls|called|wrote|keep\s+saying)\s*$|(?:\b(?:steer\s+clear\s+of|avoid|without|rather\s+than|instead\s+of|not|never|cannot|stop|refuse\s+to|won't|can't|couldn't|wouldn't|shouldn't)|n['’]t)\s+(?:\w+\s+){0,3}$/i;

// "'…' is exactly what I can't do", "'…' doesn't hold up", "'…' isn't something I'd say": a no in the clause the quote opens.
const REJECTED_IN_CLAUSE = /^[^.;!?\n–—]{0,40}?(?:n['’]t|\bnot\b|\bnever\b|\bcannot\b|\bno\s+way\b|\bnonsense\b|\brubbish\b|\bmisleading\b|\buntrue\b)/i;

/** Marks the tokens of quoted words the reply quotes only to reject. */
export function mentionMask(tokenised: Tokenised): Uint8Array {
	const { text, tokens } = tokenised;
	const mask = new Uint8Array(tokens.length);
	if (!/['‘"“]/.test(text)) return mask;
	for (const match of text.matchAll(QUOTED)) {
		const start = match.index! + match[1]!.length;
		const end = start + match[0].length - match[1]!.length;
		const before = text.slice(Math.max(0, start - 40), start);
		const after = text.slice(end, end + 60);
		if (!REJECTED_AFTER.test(after) && !REJECTED_IN_CLAUSE.test(after) && !REJECTED_BEFORE.test(before)) continue;
		for (let index = 0; index < tokens.length; index++) if (tokens[index]!.start >= start && tokens[index]!.end <= end) mask[index] = 1;
	}
	return mask;
}
