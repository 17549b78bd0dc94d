import { wrapWithOffsets } from '../wrap.js';

/** A run of text with a style of the caller's (colours, underline): wrapped as one text, styled after. */
export type Segment<Style> = { readonly text: string; readonly style: Style };

/**
 * Styled text word-wrapped as if it were plain: the lines break where the plain text's would, at word
 * boundaries with the spaces at the breaks dropped, and each line keeps the styles of the words on it.
 * Ink's own wrapping keeps the space it broke at, so a continued line would start one column in.
 */
export function wrapSegments<Style>(segments: readonly Segment<Style>[], width: number): Segment<Style>[][] {
	const plain = segments.map(segment => segment.text).join('');
	const starts: number[] = [];
	let offset = 0;
	for (const segment of segments) {
		starts.push(offset);
		offset += segment.text.length;
	}
	return plain.split('\n').reduce<{ lines: Segment<Style>[][]; at: number }>(
		({ lines, at }, paragraph) => {
			for (const line of wrapWithOffsets(paragraph, width)) {
				const from = at + line.start;
				const to = from + line.text.trimEnd().length;
				const pieces: Segment<Style>[] = [];
				segments.forEach((segment, index) => {
					const start = Math.max(from, starts[index]!);
					const end = Math.min(to, starts[index]! + segment.text.length);
					if (end > start) pieces.push({ text: plain.slice(start, end), style: segment.style });
				});
				lines.push(pieces);
			}
			return { lines, at: at + paragraph.length + 1 };
		},
		{ lines: [], at: 0 },
	).lines;
}
