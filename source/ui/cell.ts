/** Text in a column of `width`: padded, or cut short with "…" when it is longer. */
export function cell(text: string, width: number): string {
	return text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width);
}

/** The most a learner's name takes in a group table, so a long name can't push the marks off the row. */
export const NAME_COLUMN = 20;

/** The width of a column of names: the longest, up to NAME_COLUMN. */
export function nameWidth(names: readonly string[], least = 0): number {
	return Math.min(NAME_COLUMN, Math.max(least, ...names.map(name => name.length)));
}
