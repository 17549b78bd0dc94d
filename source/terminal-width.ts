// How wide the terminal is, in one place: the plain CLI's layout and the Ink screens read it here.

/** Lines wider than this are hard to read, however wide the terminal. */
const MOST_COLUMNS = 160;

/** Columns of a stream, following resizes when it is a terminal; 80 when it can't be known. */
export function columnsOf(stream: { readonly columns?: number | undefined }): number {
	return stream.columns || 80;
}

/** `{ width }` of a stream that is a terminal, for spreading into plain mode's options; nothing when piped. */
export function terminalWidth(stream: NodeJS.WriteStream): { width?: number } {
	return stream.isTTY ? { width: Math.min(columnsOf(stream), MOST_COLUMNS) } : {};
}

/** Width to lay text out in: the terminal's, or $COLUMNS (80 unset) when output is piped; 40 at the least. */
export function outputWidth(stream: NodeJS.WriteStream = process.stdout): number {
	return Math.max(40, terminalWidth(stream).width ?? Math.min(Number(process.env.COLUMNS) || 80, MOST_COLUMNS));
}
