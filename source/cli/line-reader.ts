import { createInterface, type Interface } from 'node:readline';

/**
 * Input read a line at a time, as every plain-mode loop reads it (a reply, an SJT answer, a room
 * command): from a terminal or a pipe, "\r\n" one break, and no terminal handling of readline's own
 * (the terminal echoes and edits the line; a pipe has nothing to echo).
 */
export function inputLines(input: NodeJS.ReadableStream): Interface {
	return createInterface({ input, crlfDelay: Infinity, terminal: false });
}

/** The same lines, each when it is asked for: what the SJT and group loops wait on. */
export function lineByLine(input: NodeJS.ReadableStream): AsyncIterator<string> {
	return inputLines(input)[Symbol.asyncIterator]();
}
