import { noticeLine } from '../cli/said-line.js';
import { randomInt } from 'node:crypto';
import { formatPoints, formatReveal } from '../cli/sjt-text.js';
import { formatTable } from '../cli/table.js';
import { UserError } from '../cli/user-error.js';
import { parseSjtAnswer } from '../sjt/answer.js';
import { chooseItems, describeFilter, matchesFilter, type ItemFilter } from '../sjt/practice.js';
import type { SjtType } from '../sjt/schema.js';
import { scoreSjtAnswer } from '../sjt/score.js';
import { openSjtBank, openSjtItem } from './open-sjt.js';
import { loadScreen } from './load-screen.js';
import { usableTranscriptDirectory } from './transcript-folder.js';
import { rememberedName, rememberedNameLine, rememberName } from './remembered-name.js';

type Write = (text: string) => void;
const out: Write = text => void process.stdout.write(text);

/** `postsafe sjt score`: one answer to one item, scored as the exam would. */
export async function runSjtScore(options: { item: string; answer: string; json?: boolean; scenarios?: string }, write: Write = out): Promise<number> {
	const { item, sourceNames } = await openSjtItem(options.item, options.scenarios);
	const parsed = parseSjtAnswer(item, options.answer);
	if ('error' in parsed) throw new UserError(`--answer: ${parsed.error}`, 2);
	const score = scoreSjtAnswer(item, parsed.letters);
	if (options.json) {
		write(`${JSON.stringify(score, null, 2)}\n`);
	} else {
		write(`${item.id}: ${formatPoints(score)}\n\n${formatReveal(item, score, parsed.letters, sourceNames)}\n`);
	}
	return 0;
}

/** `postsafe sjt list`: the bank, filtered as a session would be. */
export async function runSjtList(options: { topic?: string; type?: SjtType; json?: boolean; scenarios?: string }, write: Write = out): Promise<number> {
	const bank = await openSjtBank(options.scenarios);
	const items = bank.items
		.map(loaded => loaded.item)
		.filter(item => matchesFilter(item, options))
		.sort((a, b) => a.id.localeCompare(b.id));
	if (options.json) {
		write(
			`${JSON.stringify(
				items.map(({ id, type, title, topics, difficulty, options }) => ({ id, type, options: options.length, title, topics, difficulty })),
				null,
				2,
			)}\n`,
		);
		return 0;
	}
	if (items.length === 0) {
		write(`No SJT items match${describeFilter(options)}. Run \`postsafe sjt list\` to see them all.\n`);
		return 1;
	}
	write(
		`${formatTable([['Item', 'Type', 'Options', 'Difficulty', 'Topics'], ...items.map(item => [item.id, item.type, String(item.options.length), item.difficulty, item.topics.join(', ')])])}\n`,
	);
	return 0;
}

export type SjtFlags = ItemFilter & {
	learner?: string;
	timed?: boolean;
	plain?: boolean;
	json?: boolean;
	transcripts?: string;
	seed?: number;
	scenarios?: string;
};

/** `postsafe sjt`: a practice session, in the terminal or as plain text. */
export async function runSjt(flags: SjtFlags): Promise<number> {
	const bank = await openSjtBank(flags.scenarios);
	const seed = flags.seed ?? randomInt(2 ** 31 - 1);
	const filter: ItemFilter = {
		...(flags.count === undefined ? {} : { count: flags.count }),
		...(flags.topic ? { topic: flags.topic } : {}),
		...(flags.type ? { type: flags.type } : {}),
	};
	const items = chooseItems(
		bank.items.map(loaded => loaded.item),
		filter,
		seed,
	);
	if (items.length === 0) throw new UserError(`no SJT items match${describeFilter(flags)}: run \`postsafe sjt list\` to see them`);
	const plain = flags.plain === true || flags.json === true || !process.stdin.isTTY || !process.stdout.isTTY;
	if (plain && flags.timed) throw new UserError('--timed needs the terminal screen, where the countdown shows: leave out --timed, or --plain and --json', 2);
	const directory = usableTranscriptDirectory(flags.transcripts);
	if (plain) {
		const { runSjtPlain } = await import('./sjt-plain.js');
		return runSjtPlain({
			items,
			sources: bank.sourceNames,
			learner: flags.learner ?? 'learner',
			seed,
			filter,
			directory,
			json: flags.json === true,
			input: process.stdin,
			isTTY: process.stdin.isTTY === true,
		});
	}
	const learner = flags.learner ?? rememberedName();
	if (flags.learner !== undefined) rememberName(flags.learner);
	else if (learner !== undefined) process.stderr.write(noticeLine(rememberedNameLine(learner)));
	const { runSjtTui } = await loadScreen(() => import('../ui/sjt/run-sjt.js'));
	return runSjtTui({ items, sources: bank.sourceNames, learner, seed, filter, directory, timed: flags.timed === true, rememberLearner: rememberName });
}
