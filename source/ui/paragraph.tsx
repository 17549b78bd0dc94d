import { Text, type TextProps } from 'ink';
import React from 'react';
import { wrapText } from './wrap.js';

type ParagraphProps = TextProps & {
	readonly children: string;
	/** Columns available, indents included. */
	readonly width: number;
	/** Put before the first line, e.g. "• " (later lines hang under a short lead like this one). @default '' */
	readonly lead?: string;
	/** Spaces before every line. @default 0 */
	readonly indent?: number;
};

/**
 * Text wrapped at word boundaries with a hanging indent. Ink's own wrapping keeps the space it broke
 * at, so continued lines would start one column in; wrapping here first keeps the left edge clean.
 */
export const Paragraph = React.memo(function Paragraph({ children, width, lead = '', indent = 0, ...textProps }: ParagraphProps) {
	// A bullet's text hangs under the bullet; a long label ("Why it matters: ") would waste the line.
	const hang = lead.length <= 4 ? lead.length : 0;
	const lines = wrapText((lead.length > hang ? `${lead}${children}` : children).trim(), Math.max(10, width - indent - hang));
	const text = lines.map((line, index) => `${' '.repeat(indent)}${hang === 0 ? '' : index === 0 ? lead : ' '.repeat(hang)}${line}`).join('\n');
	return <Text {...textProps}>{text}</Text>;
});
