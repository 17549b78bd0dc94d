/** What a full-screen list (the scenario picker, the transcript browser) is given besides its items: its size, and a way out. */
export type ListScreenProps = {
	readonly width: number;
	/** Rows the list may use. */
	readonly height: number;
	readonly onQuit: () => void;
};

/** The part of a long list that fits: `size` items with the selected one kept near the middle. */
export function windowAround<T>(items: readonly T[], selected: number, size: number): { start: number; items: readonly T[] } {
	const start = Math.max(0, Math.min(selected - Math.floor(size / 2), items.length - size));
	return { start, items: items.slice(start, start + size) };
}
