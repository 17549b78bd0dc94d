import stringWidth from 'string-width';
import wrapAnsi from 'wrap-ansi';
import { outputWidth } from './terminal-width.js';
// Every way text is wrapped or cut to a width. Plain strings (the Ink screens style after wrapping) are
// measured here a character at a time; styled text (the plain CLI colours before laying out) goes
// through wrap-ansi, which steps over the escape codes: `wrapStyled` and `wrapIndented`.

/** One display line of a wrapped input: its text and where it starts in the value. */
export type WrappedLine = { readonly text: string; readonly start: number };

const widths = new Map<string, number>();

/**
 * Columns one character takes. Printable ASCII is one column; anything else is measured once by
 * string-width and remembered, since measuring a character at a time is what makes wrapping slow.
 */
function characterWidth(character: string): number {
	const code = character.charCodeAt(0);
	if (character.length === 1 && code >= 0x20 && code < 0x7f) return 1;
	let width = widths.get(character);
	if (width === undefined) {
		width = stringWidth(character);
		widths.set(character, width);
	}
	return width;
}

/** Columns a line of plain text takes on screen. */
export function textWidth(text: string): number {
	let width = 0;
	for (const character of text) width += characterWidth(character);
	return width;
}

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
	let offset = 0;
	for (const character of value) {
		const columns = Math.max(characterWidth(character), character === ' ' ? 1 : 0);
		if (lineWidth + columns > limit && offset > lineStart) {
			// Break after the last space on this line, or mid-word when there is none.
			const breakAt = lastBreak >= lineStart ? lastBreak + 1 : offset;
			lines.push({ text: value.slice(lineStart, breakAt), start: lineStart });
			lineStart = breakAt;
			lineWidth = 0;
			for (const carried of value.slice(lineStart, offset)) lineWidth += characterWidth(carried);
			lastBreak = -1;
		}
		if (character === ' ') lastBreak = offset;
		lineWidth += columns;
		offset += character.length;
	}
	lines.push({ text: value.slice(lineStart), start: lineStart });
	return lines;
}

/** A word longer than a line, cut into lines of the width (the only place a word is split). */
function cutWord(word: string, width: number): string[] {
	const pieces: string[] = [];
	let piece = '';
	let used = 0;
	for (const character of word) {
		const columns = characterWidth(character);
		if (used + columns > width && piece !== '') {
			pieces.push(piece);
			piece = '';
			used = 0;
		}
		piece += character;
		used += columns;
	}
	return [...pieces, piece];
}

/** One paragraph filled greedily: as many words a line as fit in `width` columns, the spaces at breaks dropped. */
function fillParagraph(paragraph: string, width: number): string[] {
	const lines: string[] = [];
	let current: string | undefined;
	for (const word of paragraph.split(' ')) {
		// Spaces where a line broke are the break: the next line starts at the next word.
		if (current === undefined && word === '' && lines.length > 0) continue;
		if (current === undefined ? textWidth(word) <= width : textWidth(`${current} ${word}`) <= width) {
			current = current === undefined ? word : `${current} ${word}`;
			continue;
		}
		// Indentation that leaves no room for the first word is dropped, not left as a blank line.
		if (current !== undefined && current.trim() !== '') lines.push(current.trimEnd());
		current = undefined;
		if (word === '') continue;
		const pieces = cutWord(word, width);
		lines.push(...pieces.slice(0, -1));
		current = pieces.at(-1);
	}
	lines.push((current ?? '').trimEnd());
	return lines;
}

/** Text word-wrapped to a width for display: its own line breaks kept, spaces at the breaks dropped. */
export function wrapText(text: string, width: number): string[] {
	const limit = Math.max(1, width);
	return text.split('\n').flatMap(paragraph => fillParagraph(paragraph, limit));
}

/** A line cut to a width with "…" at the end when it does not fit, as Ink's truncate-end does. */
export function truncateText(text: string, width: number): string {
	if (textWidth(text) <= width) return text;
	let kept = '';
	let used = 0;
	for (const character of text) {
		const columns = characterWidth(character);
		if (used + columns > width - 1) break;
		kept += character;
		used += columns;
	}
	return `${kept}…`;
}

/**
 * A paragraph's lines: wrapped at word boundaries, `lead` before the first (later lines hang under a
 * short lead like "• "; a long one like "Why it matters: " would waste the line) and `indent` spaces before each.
 */
export function paragraphLines(text: string, width: number, { lead = '', indent = 0 }: { readonly lead?: string; readonly indent?: number } = {}): string[] {
	const hang = lead.length <= 4 ? lead.length : 0;
	const lines = wrapText((lead.length > hang ? `${lead}${text}` : text).trim(), Math.max(10, width - indent - hang));
	return lines.map((line, index) => `${' '.repeat(indent)}${hang === 0 ? '' : index === 0 ? lead : ' '.repeat(hang)}${line}`);
}

/** Text that may carry styles (ANSI colours) wrapped to `width` columns at words, long words broken, spaces at the breaks dropped. */
export function wrapStyled(text: string, width: number): string[] {
	return wrapAnsi(text, width, { hard: true, trim: true }).split('\n');
}

/** Styled text wrapped to the output width, every line `indent` spaces in (20 columns of text at the least). */
export function wrapIndented(text: string, indent: number, width = outputWidth()): string {
	const pad = ' '.repeat(indent);
	return wrapStyled(text, Math.max(20, width - indent))
		.map(line => pad + line)
		.join('\n');
}
