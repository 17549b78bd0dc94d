import stringWidth from 'string-width';
import { outputWidth } from '../terminal-width.js';
import { wrapStyled } from '../wrap.js';

function pad(text: string, width: number): string {
	return text + ' '.repeat(Math.max(0, width - stringWidth(text)));
}

/**
 * Lays rows out in columns: every column as wide as its widest cell, except the last, which wraps to
 * fit the width. Cells may hold several lines.
 */
export function formatTable(rows: readonly (readonly string[])[], width = outputWidth(), gap = 2): string {
	const columnCount = Math.max(...rows.map(row => row.length));
	const widths = Array.from({ length: columnCount - 1 }, (_, column) =>
		Math.max(...rows.map(row => Math.max(...(row[column] ?? '').split('\n').map(line => stringWidth(line))))),
	);
	const indent = widths.reduce((sum, columnWidth) => sum + columnWidth + gap, 0);
	const lastWidth = Math.max(20, width - indent);
	return rows
		.map(row => {
			const last = wrapStyled(row[columnCount - 1] ?? '', lastWidth);
			const fixed = widths.map((columnWidth, column) => (row[column] ?? '').split('\n'));
			const height = Math.max(last.length, ...fixed.map(lines => lines.length));
			return Array.from({ length: height }, (_, line) =>
				(widths.map((columnWidth, column) => pad(fixed[column]![line] ?? '', columnWidth + gap)).join('') + (last[line] ?? '')).trimEnd(),
			).join('\n');
		})
		.join('\n');
}
