/** A bar of `cells` cells, filled in proportion to part of whole, readable without colour: ████░░░░░░ */
export function cellBar(part: number, whole: number, cells: number): string {
	const filled = whole <= 0 ? 0 : Math.round(Math.max(0, Math.min(1, part / whole)) * cells);
	return '█'.repeat(filled) + '░'.repeat(cells - filled);
}
