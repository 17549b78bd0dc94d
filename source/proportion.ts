// A part of a whole, shown as a bar, a sparkline mark or a percentage: one rounding rule for all of
// them, so nothing reads as full marks that isn't, or as nothing when something was done.

export const BAR_WIDTH = 10;
const SPARK_MARKS = '▁▂▃▄▅▆▇█';

/** part / whole, 0 for an empty whole. */
export function fractionOf(part: number, whole: number): number {
	return whole > 0 ? part / whole : 0;
}

/** How many of `steps` a fraction fills: all only for all, none only for none, so neither is ever a rounding. */
function filledSteps(fraction: number, steps: number): number {
	if (!(fraction > 0)) return 0;
	if (fraction >= 1) return steps;
	return Math.min(steps - 1, Math.max(1, Math.round(fraction * steps)));
}

export type Paint = { readonly filled: (text: string) => string; readonly empty: (text: string) => string };
const unpainted: Paint = { filled: text => text, empty: text => text };

/** A horizontal bar: █ for the part met, ░ for the rest; readable without colour. */
export function bar(fraction: number, cells = BAR_WIDTH, paint: Paint = unpainted): string {
	const filled = filledSteps(fraction, cells);
	return paint.filled('█'.repeat(filled)) + paint.empty('░'.repeat(cells - filled));
}

/** One mark per value: ▁ for nothing, █ for full marks, and the six between for everything else. */
export function sparkline(fractions: readonly number[]): string {
	return fractions.map(fraction => SPARK_MARKS[filledSteps(fraction, SPARK_MARKS.length - 1)]).join('');
}

/** A whole percentage that never rounds up to 100 or down to 0 unless it is. */
export function wholePercent(fraction: number): number {
	return filledSteps(fraction, 100);
}

/** The same, written with its sign: "33%". */
export function percent(fraction: number): string {
	return `${wholePercent(fraction)}%`;
}
