import stringWidth from 'string-width';

/** One display line of a wrapped input: its text and where it starts in the value. */
export type WrappedLine = { readonly text: string; readonly start: number };

/**
 * Word-wraps text to a width, keeping each line's offset into the original so the cursor can be
 * drawn where it is. Words longer than a line are broken; the cursor may sit just past the end.
 */
export function wrapWithOffsets(value: string, width: number): WrappedLine[] {
	const limit = Math.max(1, width);
	const lines: WrappedLine[] = [];
	let lineStart = 0;
	let lineWidth = 0;
	let lastBreak = -1;
	const characters = Array.from(value);
	let offset = 0;
	for (const character of characters) {
		const characterWidth = Math.max(stringWidth(character), character === ' ' ? 1 : 0);
		if (lineWidth + characterWidth > limit && offset > lineStart) {
			// Break after the last space on this line, or mid-word when there is none.
			const breakAt = lastBreak >= lineStart ? lastBreak + 1 : offset;
			lines.push({ text: value.slice(lineStart, breakAt), start: lineStart });
			lineStart = breakAt;
			lineWidth = stringWidth(value.slice(lineStart, offset));
			lastBreak = -1;
		}
		if (character === ' ') lastBreak = offset;
		lineWidth += characterWidth;
		offset += character.length;
	}
	lines.push({ text: value.slice(lineStart), start: lineStart });
	return lines;
}
