import { groupSjtSavedLine, type GroupSjtFiles } from '../transcript/sjt-session-file.js';
import { formatGroupSjt, formatGroupSjtTotals, formatGroupTable, formatRound } from '../cli/group-text.js';
import { lineByLine } from '../cli/line-reader.js';
import { formatItem } from '../cli/sjt-text.js';
import { style } from '../cli/style.js';
import { saidLine } from '../cli/said-line.js';
import { wrapIndented } from '../wrap.js';
import { discussionQuestions, groupTable } from '../group/debrief.js';
import { addressedLine, addressHelp, placedName, voiceName } from '../scenario/audiences.js';
import { defaultCarry, roundCards } from '../group/round.js';
import { groupSjt, groupSjtTotals, type GroupSjt } from '../group/sjt-distribution.js';
import { parseSjtAnswer } from '../sjt/answer.js';
import type { SjtItem } from '../sjt/schema.js';
import type { Message, Partner } from '../session/types.js';
import { recorderProblemLine, transcriptSavedLine, type RecordedSession } from '../transcript/recorder.js';
import { unsavedExit } from '../transcript/unsaved-exit.js';
import { nextAnswer, nextSjtAnswer } from './next-answer.js';

type Out = (text: string) => void;

export type GroupPlainOptions = {
	readonly session: RecordedSession;
	readonly names: ReadonlyMap<string, string>;
	/** Where the replies come from: one line per learner in turn (hot-seat), or `collectRound`. */
	readonly input?: NodeJS.ReadableStream;
	/**
	 * Gathers this round's replies some other way (the room: each learner's own laptop) and resolves
	 * once every learner has replied, or false when no more will come.
	 */
	readonly collectRound?: () => Promise<boolean>;
	/** Replies are typed here, at a terminal: each learner is prompted by name, and an empty line asked again. */
	readonly isTTY?: boolean;
	/** The columns of the terminal, to wrap messages to; none when piped. */
	readonly width?: number;
	readonly stdout: Out;
	readonly scriptedPartner: () => Partner;
};

/**
 * A group conversation as plain text: each partner message, then one reply line per learner in
 * order; the round side by side; the best-scoring reply carries on; at the end the learner ×
 * criterion table, the model reply and three questions for discussion.
 */
export async function groupPlain({ session, names, input, collectRound, isTTY = false, width, stdout, scriptedPartner }: GroupPlainOptions): Promise<number> {
	const { controller, recorder } = session;
	const { scenario, learners, rubric } = controller.current;
	const nameOf = (learner: string) => names.get(learner) ?? learner;
	stdout(
		`${style.heading(scenario.title)} — a group of ${learners.length}: ${learners.map(nameOf).join(', ')}\n${wrapIndented(`Setting: ${scenario.setting}`, 0)}\n\n`,
	);
	const help = addressHelp(scenario);
	if (help) stdout(`${style.dim(wrapIndented(help, 0, width))}\n\n`);
	let printed = 0;
	const printNew = () => {
		for (const message of controller.current.messages.slice(printed) as Message[]) {
			if (message.kind === 'partner') stdout(`${saidLine(placedName(scenario, voiceName(scenario, message.voice), message.audience), message.text, width)}\n`);
		}
		printed = controller.current.messages.length;
	};
	printNew();
	const problems = recorder.onProblem(problem =>
		process.stderr.write(`${problem ? recorderProblemLine(problem) : `Saved again: ${recorder.file} holds every reply now`}\n`),
	);
	const lines = input && lineByLine(input);
	const hotSeat = async (): Promise<boolean> => {
		for (const learner of learners) {
			const ask = () => {
				if (isTTY) stdout(`${nameOf(learner)} › `);
			};
			ask();
			// "@ellie …" writes to that audience; one that names none is asked again at a terminal, and sent to the default from a pipe.
			const typed =
				lines &&
				(await nextAnswer(lines, {
					retry: typed => isTTY && (typed === '' || addressedLine(scenario, typed).kind === 'unknown'),
					ask: typed => {
						if (typed !== '') stdout(`${style.dim(`(nothing sent: ${help ?? ''})`)}\n`);
						ask();
					},
				}));
			if (typed === undefined) return false;
			const addressed = addressedLine(scenario, typed);
			const reply = addressed.kind === 'reply' ? addressed : { text: typed, audience: undefined };
			await controller.reply(learner, reply.text || '(no reply)', reply.audience);
		}
		return true;
	};
	// A room's round may be complete (every reply in: 'choosing') before this loop first looks.
	while (controller.current.phase === 'learners' || controller.current.phase === 'choosing') {
		if (!(await (collectRound ?? hotSeat)())) break;
		const cards = roundCards(controller.current);
		const carried = defaultCarry(cards);
		stdout(`\n${style.heading(`Round ${controller.current.round}: the replies side by side`)}\n${formatRound(cards, rubric.criteria, names, carried)}\n`);
		if (!carried) break;
		stdout(`Carried on: ${nameOf(carried.reply.learner)}'s reply (the highest scoring).\n\n`);
		await controller.carry(carried.reply.id);
		await controller.settled();
		if (controller.current.failure) {
			stdout(`${style.dim(`(${scenario.partner.name}'s reply didn't arrive: ${controller.current.failure}; carrying on with the scripted partner)`)}\n`);
			await controller.switchPartner(scriptedPartner());
		}
		printNew();
	}
	if (controller.current.phase !== 'ended') controller.end('facilitator');
	recorder.save();
	recorder.stop();
	problems();
	const table = groupTable(controller.current);
	stdout(`\n${style.heading(`Group debrief · ${scenario.title}`)}\n${formatGroupTable(table, names)}\n\n`);
	stdout(`${style.heading('A model reply')}\n${wrapIndented(`“${scenario.debrief.modelReply}”`, 2)}\n\n${style.heading('For discussion')}\n`);
	discussionQuestions(scenario, table).forEach((question, index) => stdout(`${wrapIndented(`${index + 1}. ${question}`, 2)}\n`));
	stdout(`\n${transcriptSavedLine(recorder)}\n`);
	return unsavedExit(recorder, text => void process.stderr.write(text));
}

type SjtAnswers = { learner: string; answer: readonly string[] }[];

/**
 * Group SJT as plain text: each item, one answer line per learner (or every learner's answer from
 * `collectAnswers`: the room), then the spread and the marks.
 */
export async function groupSjtPlain({
	items,
	learners,
	records,
	names,
	input,
	collectAnswers,
	isTTY = false,
	stdout,
}: {
	items: readonly SjtItem[];
	learners: readonly string[];
	records: GroupSjtFiles;
	names: ReadonlyMap<string, string>;
	input?: NodeJS.ReadableStream;
	collectAnswers?: (item: SjtItem, index: number) => Promise<SjtAnswers | undefined>;
	isTTY?: boolean;
	stdout: Out;
}): Promise<number> {
	const lines = input && lineByLine(input);
	const hotSeat = async (item: SjtItem): Promise<SjtAnswers | undefined> => {
		const answers: SjtAnswers = [];
		for (const learner of learners) {
			const prompt = `${names.get(learner) ?? learner} › `;
			if (isTTY) stdout(prompt);
			const typed = lines && (await nextSjtAnswer(lines, item, { isTTY, prompt, say: stdout }));
			if (typed === undefined) return undefined;
			const parsed = parseSjtAnswer(item, typed);
			if ('error' in parsed) stdout(`${style.flag('✗')} ${names.get(learner) ?? learner}: ${parsed.error}: scored as not answered.\n`);
			answers.push({ learner, answer: 'error' in parsed ? [] : parsed.letters });
		}
		return answers;
	};
	const rounds: GroupSjt[] = [];
	for (const [index, item] of items.entries()) {
		stdout(`${formatItem(item, `Item ${index + 1} of ${items.length}: `)}\n\n`);
		const answers = await (collectAnswers ? collectAnswers(item, index) : hotSeat(item));
		if (answers === undefined) {
			stdout(`${style.dim('(no more answers: the session ends here)')}\n\n`);
			break;
		}
		const group = groupSjt(item, answers);
		records.add(item, answers);
		rounds.push(group);
		stdout(`${formatGroupSjt(item, group, names)}\n\n`);
	}
	if (rounds.length > 0) stdout(`${formatGroupSjtTotals(groupSjtTotals(learners, rounds), rounds.length, names)}\n`);
	records.finish();
	if (rounds.length > 0) stdout(`${groupSjtSavedLine(records, learners.length)}\n`);
	return 0;
}
