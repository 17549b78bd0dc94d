import type { ChalkInstance } from 'chalk';
import { textWidth, truncateText } from '../wrap.js';

/** A line of a box: its words, which are measured, and how they are drawn (styled). */
export type BoxLine = { readonly text: string; readonly drawn: string };

export const plainLine = (text: string): BoxLine => ({ text, drawn: text });

/** Styled pieces on one line, cut with "…" to fit `width` columns as Ink's truncate-end does. */
export function styledLine(pieces: readonly (readonly [text: string, style: (text: string) => string])[], width: number): BoxLine {
	const full = pieces.map(([piece]) => piece).join('');
	const text = truncateText(full, width);
	// What survives the cut, before its "…" (which takes the style of the piece it ends).
	const keep = text === full ? full.length : text.length - 1;
	let drawn = '';
	let at = 0;
	for (const [piece, style] of pieces) {
		if (at >= keep) break;
		const part = piece.slice(0, keep - at);
		at += piece.length;
		if (part !== '') drawn += style(text !== full && at >= keep ? `${part}…` : part);
	}
	return { text, drawn };
}

/** Lines in a rounded box `width` columns wide, a space of padding each side, the border in `border`'s colour. */
export function drawBox(lines: readonly BoxLine[], width: number, border: ChalkInstance): string[] {
	const inner = width - 4;
	return [
		border(`╭${'─'.repeat(width - 2)}╮`),
		...lines.map(({ text, drawn }) => `${border('│')} ${drawn}${' '.repeat(Math.max(0, inner - textWidth(text)))} ${border('│')}`),
		border(`╰${'─'.repeat(width - 2)}╯`),
	];
}
