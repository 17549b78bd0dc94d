// Everyone's words (the learner's, the model's, the supervisor's) go into Markdown through these, so
// nothing they type can open a heading, a list, a table cell, a link or raw HTML. Escaping only puts a
// backslash before punctuation (CommonMark shows the character itself) and writes leading indentation
// as entities, so the words themselves survive.

/** Characters that mean something anywhere in a line: emphasis, code, links, raw HTML, entities, table cells. */
const ANYWHERE = /[\\`*_[\]<>|~&]/g;

function escapeLine(line: string): string {
	const [, indent = '', rest = ''] = /^([ \t]*)(.*)$/s.exec(line)!;
	const body = rest
		.replace(ANYWHERE, '\\$&')
		// What means something only at the start of a line: headings, lists, setext underlines.
		.replace(/^[#+=-]/, '\\$&')
		.replace(/^(\d{1,9})([.)])/, '$1\\$2');
	// Indentation would make a code block; as entities it is shown as typed.
	return indent.replace(/ /g, '&#32;').replace(/\t/g, '&#9;') + body;
}

/** Text on one line of its own (a heading, a list item, a table cell): line breaks become <br>. */
export function inlineMarkdown(text: string): string {
	return text
		.split(/\r\n|\r|\n/)
		.map(escapeLine)
		.join('<br>');
}

/** A paragraph's lines as typed, escaped, each ending in a hard break where another follows (nothing is wrapped); blank lines stay paragraph breaks. */
export function hardBreakLines(text: string): string[] {
	const lines = text.split(/\r\n|\r|\n/).map(escapeLine);
	return lines.map((line, index) => (line !== '' && lines[index + 1] ? `${line}\\` : line));
}

/** A paragraph quoted as a block (a chat message). */
export function blockQuote(text: string): string {
	return hardBreakLines(text)
		.map(line => (line === '' ? '>' : `> ${line}`))
		.join('\n');
}

/** Words the rubric used, in curly quotes. */
export function quoted(words: readonly string[]): string {
	return words.map(word => `“${inlineMarkdown(word)}”`).join(', ');
}
