import { style } from '../cli/style.js';
import { parseSjtAnswer } from '../sjt/answer.js';
import type { SjtItem } from '../sjt/schema.js';

/**
 * The next line of input, trimmed, that the learner doesn't need to type again; undefined at the end
 * of input. `retry` says a line should be asked for again (only ever at a terminal: from a pipe, the
 * next line answers the next question), and `ask` asks.
 */
export async function nextAnswer(
	lines: AsyncIterator<string>,
	{ retry, ask }: { readonly retry: (typed: string) => boolean; readonly ask: (typed: string) => void },
): Promise<string | undefined> {
	for (let next = await lines.next(); !next.done; next = await lines.next()) {
		const typed = next.value.trim();
		if (!retry(typed)) return typed;
		ask(typed);
	}
	return undefined;
}

/** The next answer line for an SJT item: at a terminal, one that can't be read is said why and asked again. */
export function nextSjtAnswer(
	lines: AsyncIterator<string>,
	item: SjtItem,
	{ isTTY, prompt, say }: { readonly isTTY: boolean; readonly prompt: string; readonly say: (text: string) => void },
): Promise<string | undefined> {
	return nextAnswer(lines, {
		retry: typed => isTTY && 'error' in parseSjtAnswer(item, typed),
		ask: typed => {
			const parsed = parseSjtAnswer(item, typed);
			say(typed !== '' && 'error' in parsed ? `${style.flag('✗')} ${parsed.error}. Try again: ` : prompt);
		},
	});
}
