import stripAnsi from 'strip-ansi';

type Rendered = { frames: string[]; lastFrame: () => string | undefined; stdin: { write: (data: string) => void } };

/** Everything the app has printed so far (history included), without colour codes. */
export function screenText(instance: Rendered): string {
	return stripAnsi(instance.frames.join('\n'));
}

/** Text as running prose: borders gone and every run of spaces one space, so wrapped sentences read whole. */
export function flat(text: string): string {
	return stripAnsi(text)
		.replace(/[│╭╮╰╯─]/g, ' ')
		.replace(/\s+/g, ' ');
}

/** Waits until the screen shows what `check` wants, polling frames; fails with the screen after `timeout`. */
export async function waitFor(instance: Rendered, check: (text: string) => boolean, timeout = 5000): Promise<void> {
	const start = Date.now();
	for (;;) {
		if (check(screenText(instance))) return;
		if (Date.now() - start > timeout) throw new Error(`timed out waiting; the screen showed:\n${stripAnsi(instance.lastFrame() ?? '')}`);
		await new Promise(resolve => setTimeout(resolve, 10));
	}
}

/** Types text as a learner would, key by key for the first few, then the rest, then Enter if asked. */
export async function type(instance: Rendered, text: string, { enter = false } = {}): Promise<void> {
	instance.stdin.write(text);
	await new Promise(resolve => setTimeout(resolve, 20));
	if (enter) {
		instance.stdin.write('\r');
		await new Promise(resolve => setTimeout(resolve, 20));
	}
}

/** Presses keys one at a time, as a person would, letting each frame draw before the next. */
export async function press(instance: Rendered, ...keys: string[]): Promise<void> {
	for (const key of keys) {
		instance.stdin.write(key);
		await new Promise(resolve => setTimeout(resolve, 25));
	}
}
