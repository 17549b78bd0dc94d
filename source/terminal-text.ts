/**
 * Untrusted text (a learner's reply or name, a model's output, a file from disk) made safe to print
 * to a terminal: every C0 and C1 control and DEL becomes a visible stand-in, so an escape sequence
 * (CSI `ESC [2J`, OSC `ESC ] 0 ; title BEL`, OSC 52 that writes the clipboard, DCS, …) shows as
 * inert text (`␛]0;title␇`) and does nothing. Bidirectional overrides, which make a line read other
 * than it is, become visible too. Line breaks and tabs stay; each character stays one character (so
 * evidence spans into the text still point at the same words). Stored text is never changed: this
 * is for printing alone.
 */
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

function standIn(character: string): string {
	const code = character.charCodeAt(0);
	if (code < 0x20) return String.fromCharCode(0x2400 + code);
	if (code === 0x7f) return '\u2421';
	// C1: an 8-bit escape (0x9b is CSI), shown as ESC is.
	if (code <= 0x9f) return '\u241b';
	return '\ufffd';
}

/** Text safe to print: controls, escapes and bidi overrides visible, line breaks and tabs kept. */
export function visible(text: string): string {
	return text.replace(UNSAFE, standIn);
}

/** One line, safe to print: as `visible`, with line breaks and tabs shown as spaces (a name, a title). */
export function visibleLine(text: string): string {
	return visible(text).replace(/[\n\t]/g, ' ');
}

/** Whether `text` is one line of printable characters (no controls, no line breaks, no bidi overrides). */
export function isPrintableLine(text: string): boolean {
	return !/[\n\t]/.test(text) && visible(text) === text;
}

/**
 * A name as it goes into an instruction to a model: one line of printable characters, at most 40,
 * quoted, so nothing typed as a name can read as a further instruction.
 */
export function promptName(name: string): string {
	const line = name.replace(UNSAFE, '').replace(/\s+/g, ' ').trim();
	return JSON.stringify(line.length > 40 ? `${line.slice(0, 39)}…` : line || 'the learner');
}
