/** A bar of filled and empty cells, readable without colour: ████░░░░░░ */
export function criterionBar(points: number, max: number, cells = 10): string {
	const filled = max === 0 ? 0 : Math.round((points / max) * cells);
	return '█'.repeat(filled) + '░'.repeat(cells - filled);
}
