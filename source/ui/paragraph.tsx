import { Text, type TextProps } from 'ink';
import React from 'react';
import { paragraphLines } from '../wrap.js';
import { visible } from '../terminal-text.js';

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
	return <Text {...textProps}>{paragraphLines(visible(children), width, { lead, indent }).join('\n')}</Text>;
});
