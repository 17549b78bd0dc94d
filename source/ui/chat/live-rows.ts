/** What takes the chat's live area, below the printed conversation. */
export type LiveArea = {
	/** The terminal's height. */
	readonly rows: number;
	/** The partner is writing: their bubble (or the typing line) is live. */
	readonly writing: boolean;
	/** Lines the learner's reply wraps to in the input box. */
	readonly inputLines: number;
	/** Lines of anything else shown: a failure, the quit question. */
	readonly otherLines: number;
};

/** The fewest lines a live bubble gets: its borders, the name, and a line of words. */
const MIN_BUBBLE = 4;

/**
 * The most lines the live bubble and the input box may take. The live area must stay shorter than the
 * terminal: one that fills it makes Ink clear the screen, scrollback and all, which would wipe the
 * printed conversation. The learner's own words come first; the bubble shows its latest lines in the rest.
 */
export function liveRows({ rows, writing, inputLines, otherLines }: LiveArea): { readonly bubbleLines: number; readonly inputLines: number } {
	// One line spare, the key help, and the blank line above the input when nobody is writing.
	const room = Math.max(1, rows - 2 - otherLines - (writing ? 0 : 1));
	const inputCap = Math.max(1, room - (writing ? MIN_BUBBLE : 0));
	const inputShown = Math.min(Math.max(1, inputLines), inputCap);
	return { bubbleLines: Math.max(MIN_BUBBLE, room - inputShown), inputLines: inputCap };
}
