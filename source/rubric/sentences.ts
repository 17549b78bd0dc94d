/** A character range of a reply's text. */
export type TextRange = { readonly start: number; readonly end: number };

// A sentence as the act finders read it: up to and with its . ! or ?, or to a line end.
const SENTENCE = /[^.!?\n]+[.!?]*/g;

/** The range, without surrounding spaces, of the first sentence of `text` that `holds`. */
export function firstSentenceWhere(text: string, holds: (sentence: string) => boolean): TextRange | undefined {
	for (const match of text.matchAll(SENTENCE)) {
		const sentence = match[0].trim();
		if (sentence === '' || !holds(sentence)) continue;
		const start = match.index + match[0].indexOf(sentence);
		return { start, end: start + sentence.length };
	}
	return undefined;
}

/** A sentence in lower case with curly apostrophes made straight, as the lower-case act patterns read it. */
export const lowered = (sentence: string) => sentence.toLowerCase().replace(/[’‘]/g, "'");
