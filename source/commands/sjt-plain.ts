import { formatItem, formatPoints, formatReveal, formatSummary } from '../cli/sjt-text.js';
import { lineByLine } from '../cli/line-reader.js';
import { style } from '../cli/style.js';
import { parseSjtAnswer } from '../sjt/answer.js';
import { resultFor, summarise, type ItemFilter } from '../sjt/practice.js';
import type { SjtItem } from '../sjt/schema.js';
import { nextSjtAnswer } from './next-answer.js';
import { startSjtSessionFile } from '../transcript/sjt-session-file.js';
import { problemLine, savedLine } from '../transcript/rescue.js';

export type SjtPlainOptions = {
	readonly items: readonly SjtItem[];
	readonly sources: Readonly<Record<string, string>>;
	readonly learner: string;
	readonly seed: number;
	readonly filter: ItemFilter;
	readonly directory: string;
	/** The summary JSON on stdout; the items and reveals on stderr. */
	readonly json: boolean;
	readonly input: NodeJS.ReadableStream;
	/** Answers are typed here, at a terminal: a typo is asked again, and the answer is not echoed. */
	readonly isTTY?: boolean;
	readonly stdout?: (text: string) => void;
	readonly stderr?: (text: string) => void;
};

/**
 * Each item as text, then one answer line read for it ("A,D,B,C,E" or "CDF"); the reveal; and at the
 * end the summary. From a pipe, an answer that can't be read is said why and scores 0, so the lines
 * that follow still answer the items they were meant for; at a terminal it is asked again.
 */
export async function runSjtPlain({
	items,
	sources,
	learner,
	seed,
	filter,
	directory,
	json,
	input,
	isTTY = false,
	stdout = text => void process.stdout.write(text),
	stderr = text => void process.stderr.write(text),
}: SjtPlainOptions): Promise<number> {
	const say = json ? stderr : stdout;
	const session = startSjtSessionFile({ directory, learner, timed: false, seed, filter });
	const lines = lineByLine(input);
	for (const [index, item] of items.entries()) {
		say(`${formatItem(item, `Item ${index + 1} of ${items.length}: `)}\n\n`);
		const prompt = item.type === 'rank' ? 'Your order (e.g. A,C,B,E,D): ' : 'Your three (e.g. B,E,G): ';
		say(prompt);
		const started = performance.now();
		const typed = await nextSjtAnswer(lines, item, { isTTY, prompt, say });
		if (typed === undefined) {
			say(`\n${style.dim('(no more answers: the session ends here)')}\n`);
			break;
		}
		if (!isTTY) say(`${typed}\n`);
		const parsed = parseSjtAnswer(item, typed);
		if ('error' in parsed) say(`${style.flag('✗')} ${parsed.error}: scored as not answered.\n`);
		const answer = 'error' in parsed ? [] : parsed.letters;
		const result = resultFor(item, answer, { seconds: (performance.now() - started) / 1000 });
		session.add(result);
		say(`\n${style.heading(`Score: ${formatPoints(result.score)}`)}\n${formatReveal(item, result.score, answer, sources)}\n\n`);
	}
	const results = session.results;
	if (results.length === items.length) session.finish();
	const summary = summarise(results);
	if (json)
		stdout(
			`${JSON.stringify({ ...summary, results: results.map(result => ({ id: result.item.id, type: result.item.type, answer: result.answer, points: result.score.points, max: result.score.max })), record: session.file }, null, 2)}\n`,
		);
	else stdout(`${formatSummary(summary, results)}\n\n${savedLine(session.file, session.problem, { what: 'your answers' })}\n`);
	const { problem } = session;
	if (problem) {
		if (json) stderr(`${problemLine(problem, { what: 'your answers', atEnd: true })}\n`);
		if (problem.rescue === undefined) stderr(problem.text);
		return 1;
	}
	return 0;
}
