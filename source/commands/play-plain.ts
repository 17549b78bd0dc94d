import { formatDebrief } from '../cli/debrief-text.js';
import { inputLines } from '../cli/line-reader.js';
import { style } from '../cli/style.js';
import { saidLine } from '../cli/said-line.js';
import { wrapIndented } from '../wrap.js';
import { toScoreJson } from '../rubric/score.js';
import { addressedLine, addressHelp, audienceLine, findAudience, placedName, voiceName } from '../scenario/audiences.js';
import { CHANNEL_NAMES, whoMessages } from '../scenario/labels.js';
import { END_COMMAND } from '../ui/keys.js';
import { coachHintAfter } from '../session/coach.js';
import { endNotice } from '../session/ending.js';
import { learnerReplies, learnerScore } from '../session/session.js';
import type { Message, Partner } from '../session/types.js';
import { recorderProblemLine, transcriptSavedLine, type RecordedSession } from '../transcript/recorder.js';
import { readAhead } from './read-ahead.js';
import { unsavedExit } from '../transcript/unsaved-exit.js';

export type PlainOptions = {
	readonly session: RecordedSession;
	readonly learner: string;
	readonly sources: Readonly<Record<string, string>>;
	/** Print the score JSON and the transcript path on stdout, and the conversation on stderr. */
	readonly json: boolean;
	/** After each reply, the coach's one-line hint (--coach). @default false */
	readonly coach?: boolean;
	readonly input: NodeJS.ReadableStream & { isTTY?: boolean };
	readonly stdout: (text: string) => void;
	readonly stderr: (text: string) => void;
	readonly isTTY?: boolean;
	/** The columns of the terminal the conversation is shown on, to wrap messages to; none when piped. */
	readonly width?: number;
	/** Who carries on when the LLM partner fails mid-conversation. */
	readonly scriptedPartner: () => Partner;
};

/**
 * The conversation as plain text: the partner's messages are printed, the learner's replies read one
 * per line, until the end of input, the turn limit or the partner's last word; then the debrief.
 * Driven by the same session as the terminal UI.
 */
export async function playPlain({
	session,
	learner,
	sources,
	json,
	coach = false,
	input,
	stdout,
	stderr,
	isTTY = false,
	width,
	scriptedPartner,
}: PlainOptions): Promise<number> {
	const { controller, recorder } = session;
	const { scenario } = controller.current;
	const say = json ? stderr : stdout;
	const print = (message: Message) => {
		const name = placedName(scenario, message.kind === 'partner' ? voiceName(scenario, message.voice) : message.learner, message.audience);
		const cut = message.kind === 'partner' && message.interrupted ? ` ${style.dim('[cut off]')}` : '';
		say(`${saidLine(name, `${message.text}${cut}`, width)}\n`);
		if (message.kind === 'partner' && message.attachment) say(`${style.dim(wrapIndented(`[attached: ${message.attachment}]`, 2, width))}\n`);
	};
	say(`${style.heading(scenario.title)} — ${CHANNEL_NAMES[scenario.channel]}, with ${whoMessages(scenario)}\n`);
	say(`${wrapIndented(`Setting: ${scenario.setting}`, 0, width)}\n\n`);
	const help = addressHelp(scenario);
	if (help) say(`${style.dim(wrapIndented(help, 0, width))}\n\n`);
	let printed = 0;
	const printNew = () => {
		const state = controller.current;
		for (let index = printed; index < state.messages.length; index++) {
			const message = state.messages[index]!;
			// The learner's own lines came from stdin; echo them only when they were not typed here.
			if (message.kind === 'partner' || !isTTY) print(message);
			const hint = coach ? coachHintAfter(state, index) : undefined;
			if (hint) say(`${style.hint(width === undefined ? `Coach: ${hint}` : wrapIndented(`Coach: ${hint}`, 0, width))}\n`);
		}
		printed = state.messages.length;
	};
	printNew();

	const problems = recorder.onProblem(problem => stderr(`${problem ? recorderProblemLine(problem) : `Saved again: ${recorder.file} holds every reply now`}\n`));
	if (recorder.problem) stderr(`${recorderProblemLine(recorder.problem)}\n`);
	const lines = inputLines(input);
	// Every line is taken as soon as it is read, and kept in the transcript as pending until it is
	// sent: a reply typed ahead while the partner answers survives a Ctrl+C or a kill.
	const read = readAhead(lines, queued => recorder.setPending(queued.map(line => ({ learner, text: line.text, time: line.time }))));
	const prompt = () => {
		if (isTTY && controller.current.phase === 'learners') say('› ');
	};
	prompt();
	for (let line = await read.next(); line !== undefined; line = await read.next()) {
		const reply = line.text;
		if (reply === END_COMMAND) {
			controller.end('learner');
			break;
		}
		const addressed = addressedLine(scenario, reply);
		if (addressed.kind === 'unknown' || addressed.text === '') {
			// Not a reply: nothing of it is kept as pending.
			read.sent();
			if (addressed.kind === 'unknown')
				say(`${style.dim(`(nothing sent: @${addressed.name} is not somewhere you can write here; ${addressHelp(scenario)})`)}\n`);
			prompt();
			continue;
		}
		// Typed at a terminal, the reply is already on screen: say where it went.
		const where = findAudience(scenario, addressed.audience);
		if (isTTY && where) say(`${style.dim(`(sent ${audienceLine(where)})`)}\n`);
		// The reply is a turn of the session from this moment (the partner's answer is awaited after).
		const answered = controller.reply(learner, addressed.text, addressed.audience);
		read.sent();
		await answered;
		await controller.settled();
		printNew();
		if (controller.current.failure) {
			// Nobody to ask in plain mode: say what happened and carry on with the scripted partner.
			say(`${style.dim(`(${scenario.partner.name}'s reply didn't arrive: ${controller.current.failure}; carrying on with the scripted partner)`)}\n`);
			await controller.switchPartner(scriptedPartner());
			printNew();
		}
		if (controller.current.phase === 'ended') break;
		prompt();
	}
	lines.close();
	const unused = read.discard();
	if (controller.current.phase !== 'ended') controller.end('learner');
	printNew();
	const ending = endNotice(controller.current);
	if (ending) say(`${style.dim(ending)}\n`);
	if (unused > 0) stderr(`${style.dim(`(${unused} more line${unused === 1 ? '' : 's'} came after the conversation had ended: not used)`)}\n`);
	recorder.save();
	recorder.stop();
	problems();

	const score = learnerScore(controller.current, learner);
	if (json) {
		const json = toScoreJson(score, controller.current.rubric);
		// In a scenario with audiences, each reply says where it was written.
		const sent = learnerReplies(controller.current, learner);
		const replies = json.replies.map((reply, index) => (sent[index]?.audience === undefined ? reply : { ...reply, audience: sent[index]!.audience }));
		stdout(`${JSON.stringify({ score: { ...json, replies }, transcript: recorder.file, saved: recorder.problem === undefined }, null, 2)}\n`);
		if (recorder.problem) stderr(`${transcriptSavedLine(recorder)}\n`);
	} else {
		stdout(`\n${formatDebrief(score, scenario, sources, width)}\n\n${transcriptSavedLine(recorder)}\n`);
	}
	return unsavedExit(recorder, stderr);
}
