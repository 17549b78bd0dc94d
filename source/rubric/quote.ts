import type { Tokenised } from './normalise.js';

/** Longest quote shown; longer sentences are cut around the matched words. */
const MAX_QUOTE = 160;

function collapse(text: string): string {
	// Most quotes are one line with single spaces: skip the rewrite for them.
	return /\s\s|[\t\n\r]/.test(text) ? text.replace(/\s+/g, ' ').trim() : text.trim();
}

/** The learner's own sentence around a match, verbatim but for whitespace, cut to a readable length. */
export function quoteAround(tokenised: Tokenised, start: number, end: number): string {
	const { text, sentences } = tokenised;
	const sentence = sentences.findLast(candidate => candidate.start <= start);
	if (sentence !== undefined && end <= sentence.end && sentence.end - sentence.start <= MAX_QUOTE)
		return (sentence.quote ??= collapse(text.slice(sentence.start, sentence.end)));
	let from = sentence?.start ?? start;
	let to = Math.max(sentence?.end ?? end, end);
	if (to - from > MAX_QUOTE) {
		const slack = Math.max(0, Math.floor((MAX_QUOTE - (end - start)) / 2));
		const cutFrom = Math.max(from, start - slack);
		const cutTo = Math.min(to, end + slack);
		// Cut at word boundaries so no word is quoted in half.
		const wordFrom = cutFrom === from ? from : text.indexOf(' ', cutFrom) + 1 || cutFrom;
		const spaceBefore = text.lastIndexOf(' ', cutTo);
		const wordTo = cutTo === to || spaceBefore <= end ? cutTo : spaceBefore;
		const head = wordFrom > from ? '…' : '';
		const tail = wordTo < to ? '…' : '';
		return `${head}${collapse(text.slice(Math.min(wordFrom, start), Math.max(wordTo, end)))}${tail}`;
	}
	from = Math.min(from, start);
	to = Math.max(to, end);
	return collapse(text.slice(from, to));
}
