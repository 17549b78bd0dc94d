import { style } from './style.js';
import { visible, visibleLine } from '../terminal-text.js';
import { terminalWidth } from '../terminal-width.js';
import { wrapStyled } from '../wrap.js';

/**
 * One message in plain mode: "Jade Holloway: …". At a terminal (`width` given) it wraps at word
 * boundaries with the rest of the message indented under it; piped, it stays one line per message,
 * which scripts read.
 */
export function saidLine(name: string, text: string, width?: number): string {
	const line = `${style.heading(`${visibleLine(name)}:`)} ${visible(text)}`;
	if (width === undefined) return line;
	return wrapStyled(line, width - 2)
		.map((part, index) => (index === 0 ? part : `  ${part}`))
		.join('\n');
}

/** A notice on stderr (no Ollama, the remembered name): at a terminal, wrapped at words to its width. */
export function noticeLine(text: string, stream: NodeJS.WriteStream = process.stderr): string {
	const { width } = terminalWidth(stream);
	return `${width === undefined ? text : wrapStyled(text, width).join('\n')}\n`;
}
