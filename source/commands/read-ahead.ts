import type { Interface } from 'node:readline';
import { END_COMMAND } from '../ui/keys.js';

export type ReadLine = { readonly text: string; readonly time: string };

/**
 * Reads lines as they arrive, not as they are asked for: each non-blank line (trimmed) is queued at
 * once, and `onQueue` hears the replies read but not yet sent, so they can be kept on disk (a reply
 * typed ahead while the partner answers, or a pipe's queued lines, survive a signal).
 */
export function readAhead(lines: Interface, onQueue: (queued: readonly ReadLine[]) => void, clock: () => Date = () => new Date()) {
	const queue: ReadLine[] = [];
	let closed = false;
	let wake: (() => void) | undefined;
	/** The line being handled: still pending until `sent` says the session has it. */
	let inHand: ReadLine | undefined;
	const tell = () => onQueue([...(inHand ? [inHand] : []), ...queue].filter(line => line.text !== END_COMMAND));
	lines.on('line', raw => {
		const text = raw.trim();
		if (text === '') return;
		queue.push({ text, time: clock().toISOString() });
		tell();
		wake?.();
	});
	lines.on('close', () => {
		closed = true;
		wake?.();
	});
	return {
		/** The next line, waiting for one; undefined at the end of input. */
		async next(): Promise<ReadLine | undefined> {
			while (queue.length === 0 && !closed) await new Promise<void>(resolve => (wake = resolve));
			wake = undefined;
			inHand = queue.shift();
			return inHand;
		},
		/** The line in hand is now a turn of the session, no longer pending. */
		sent(): void {
			inHand = undefined;
			tell();
		},
		/** The session is over: lines read after its end are not replies. Returns how many there were. */
		discard(): number {
			const left = queue.length;
			queue.length = 0;
			inHand = undefined;
			tell();
			return left;
		},
	};
}
