import { textWidth, truncateText } from '../wrap.js';

/** Text in a column of `width`: padded, or cut short with "…" when it is longer. */
export function cell(text: string, width: number): string {
	const shown = truncateText(text, width);
	return shown + ' '.repeat(Math.max(0, width - textWidth(shown)));
}

/** The most a learner's name takes in a group table, so a long name can't push the marks off the row. */
export const NAME_COLUMN = 20;

/** The width of a column of names: the longest, up to NAME_COLUMN. */
export function nameWidth(names: readonly string[], least = 0): number {
	return Math.min(NAME_COLUMN, Math.max(least, ...names.map(textWidth)));
}
