import { inputLines } from '../cli/line-reader.js';
import { style } from '../cli/style.js';
import { saidLine } from '../cli/said-line.js';
import { terminalWidth } from '../terminal-width.js';
import { wrapIndented } from '../wrap.js';
import { UserError } from '../cli/user-error.js';
import { connectRoom, parseRoomAddress } from '../room/client.js';
import { JoinCode, type ServerMessage } from '../room/protocol.js';
import { saveOwnCopy } from './join-save.js';
import { Channel } from '../scenario/schema.js';
import type { Message } from '../session/types.js';
import { drawBubble } from '../ui/chat/draw-bubble.js';

export type JoinFlags = { readonly code?: string; readonly learner?: string; readonly save?: string | boolean };

type Out = (text: string) => void;

/**
 * `postsafe join HOST:PORT --code NNNNNN --learner NAME`: one learner's own screen in a room. The
 * partner's messages are printed; when a reply is wanted, the next line typed (or piped: one line per
 * round) is sent; it stays hidden from the others until the facilitator reveals the round.
 */
export type JoinIo = {
	readonly input: NodeJS.ReadableStream & { isTTY?: boolean };
	readonly stdout: Out;
	readonly stderr: Out;
	/** The columns of the terminal the room is shown on; none when piped. */
	readonly width?: number;
};

export async function runJoin(
	addressText: string,
	flags: JoinFlags,
	io: JoinIo = {
		input: process.stdin,
		stdout: text => void process.stdout.write(text),
		stderr: text => void process.stderr.write(text),
		...terminalWidth(process.stdout),
	},
): Promise<number> {
	let address;
	try {
		address = parseRoomAddress(addressText);
	} catch (error) {
		throw new UserError((error as Error).message, 2);
	}
	if (flags.code === undefined || !JoinCode.safeParse(flags.code.trim()).success)
		throw new UserError('--code: give the six-digit code from the facilitator’s join line', 2);
	const name = flags.learner;
	if (!name) throw new UserError('--learner: give your name, as the group knows you', 2);
	const isTTY = io.input.isTTY === true;
	const { width } = io;
	// At a terminal, the conversation is drawn as the chat screen draws it: bubbles in the channel's look.
	let look: Channel | undefined;
	const bubble = (message: Message) => (look && width !== undefined ? drawBubble(message, { partnerName, channel: look, width }) : undefined);
	const say = io.stdout;
	const reader = inputLines(io.input);
	const lines = reader[Symbol.asyncIterator]();
	let partnerName = 'Them';
	let title = '';
	let lastProgress = '';
	let outcome: { code: number; message?: string } | undefined;
	const seen: ServerMessage[] = [];

	// The line typed goes to whatever is asked at the moment it is typed: a round revealed early, before
	// this learner replied, no longer wants it, and a line read ahead (piped) waits for the next question.
	let wanted: ((text: string) => void) | undefined;
	let held: string | undefined;
	let reading = false;
	const give = (text: string) => {
		const send = wanted;
		if (!send) return void (held = text);
		wanted = undefined;
		send(text);
	};
	const readLines = async () => {
		reading = true;
		while (wanted) {
			const next = await lines.next();
			if (next.done) {
				say(`${style.dim('(no more replies in the input: leaving the room; rejoin with the same name and code to carry on)')}\n`);
				outcome ??= { code: 0 };
				connection.close();
				break;
			}
			const text = next.value
				.replace(/\t/g, ' ')
				.replace(/\p{Cc}/gu, '')
				.trim();
			if (text !== '') give(text);
			else if (isTTY) say('› ');
		}
		reading = false;
	};
	const askForReply = (round: number, send: (text: string) => void = text => connection.send({ type: 'reply', round, text })) => {
		wanted = send;
		if (held !== undefined) {
			const text = held;
			held = undefined;
			return give(text);
		}
		if (isTTY) say('› ');
		if (!reading) void readLines();
	};

	const onMessage = (message: ServerMessage) => {
		seen.push(message);
		switch (message.type) {
			case 'welcome':
				title = message.title;
				partnerName = message.partner;
				look = Channel.safeParse(message.look).data;
				say(`${style.heading(message.title)} — ${message.channel}, with ${message.partner}\n${wrapIndented(`Setting: ${message.setting}`, 0, width)}\n`);
				say(
					`${message.rejoined ? `Rejoined as ${message.name}.` : `Joined as ${message.name}.`} Your replies stay hidden from the others until the round is revealed.\n\n`,
				);
				return;
			case 'roster':
				say(
					`${style.dim(`Waiting for the facilitator to start: ${message.count}${message.expected > 0 ? ` of ${message.expected}` : ''} joined${message.joined.length > 0 ? ` (${message.joined.join(', ')})` : ''}`)}\n`,
				);
				return;
			case 'partner':
				{
					const drawn = bubble({
						kind: 'partner',
						id: message.id,
						text: message.text,
						time: new Date().toISOString(),
						source: 'model',
						...(message.attachment ? { attachment: message.attachment } : {}),
					});
					if (drawn) return say(`${drawn}\n`);
					say(`${saidLine(partnerName, message.text, width)}\n`);
					if (message.attachment) say(`${style.dim(wrapIndented(`[attached: ${message.attachment}]`, 2, width))}\n`);
				}
				return;
			case 'turn':
				say(`${style.heading(`Round ${message.round}:`)} your reply to ${partnerName}${isTTY ? '' : ' (from the next input line)'}\n`);
				lastProgress = '';
				askForReply(message.round);
				return;
			case 'committed':
				{
					const drawn = bubble({
						kind: 'learner',
						id: 0,
						learner: name,
						text: message.text,
						time: new Date().toISOString(),
						round: message.round,
						carried: false,
					} as unknown as Message);
					if (drawn) say(`${drawn}\n`);
					say(`Your reply for round ${message.round} is in${drawn ? ' (hidden from the others until the reveal)' : `: “${message.text}”`}\n`);
				}
				return;
			case 'progress': {
				const line = `${message.committed} of ${message.of} have replied`;
				if (line !== lastProgress) say(`${style.dim(line)}\n`);
				lastProgress = line;
				return;
			}
			case 'reveal':
				wanted = undefined;
				say(`\n${style.heading(`Round ${message.round}: the replies side by side`)}\n`);
				for (const reply of message.replies) {
					say(`${saidLine(`${reply.learner} (${reply.score}/${reply.max})`, reply.text, width)}\n`);
					const marks = [
						reply.met.length > 0 ? `met: ${reply.met.join(', ')}` : 'met: none',
						...(reply.redFlags.length > 0 ? [`red flag: ${reply.redFlags.join('; ')}`] : []),
					];
					say(`${style.dim(wrapIndented(marks.join(' · '), 2, width))}\n`);
				}
				return;
			case 'carried':
				say(`Carried on: ${message.learner}'s reply.\n\n`);
				return;
			case 'notice':
				say(`${style.dim(`(${message.text})`)}\n`);
				return;
			case 'sjt-item':
				say(
					`\n${style.heading(`Item ${message.item} of ${message.of}: ${message.title} (${message.kind === 'rank' ? 'rank all five, most appropriate first' : 'choose the best three'})`)}\n${wrapIndented(message.stem, 0, width)}\n\n`,
				);
				for (const option of message.options) say(`${wrapIndented(`${option.id}. ${option.text}`, 2, width)}\n`);
				say(`Your answer${isTTY ? '' : ' (from the next input line)'}, e.g. ${message.kind === 'rank' ? 'A,D,B,C,E' : 'B,E,G'}\n`);
				lastProgress = '';
				askForReply(message.item, letters => connection.send({ type: 'answer', item: message.item, letters }));
				return;
			case 'answered':
				say(`Your answer to item ${message.item} is in: ${message.letters.length > 0 ? message.letters.join(', ') : '(not answered)'}\n`);
				return;
			case 'sjt-reveal': {
				wanted = undefined;
				say(`\n${style.heading(`Item ${message.item}: how the group answered`)}\n`);
				for (const spread of message.spread) {
					if (spread.atPlace)
						say(
							`  ${spread.option}  ${spread.atPlace.map((count, place) => `${place + 1}${place + 1 === spread.idealPlace ? '*' : ' '}:${String(count).padStart(2)}`).join('  ')}   ideal ${spread.idealPlace}\n`,
						);
					else say(`  ${spread.option} ${spread.correct ? '✓' : ' '} chosen by ${spread.chosenBy}\n`);
				}
				say(`${style.heading(`Ideal: ${message.ideal.join(message.spread[0]?.atPlace ? ' > ' : ', ')}`)}\n`);
				for (const mark of message.marks) say(`  ${mark.learner}: ${mark.answer.length > 0 ? mark.answer.join(', ') : '(none)'}  ${mark.points}/${mark.max}\n`);
				for (const option of message.rationale) say(`${wrapIndented(`${option.option} ${option.text}`, 2, width)}\n`);
				return;
			}
			case 'end':
				say(`\n${style.heading('The session is over')}\n`);
				for (const score of message.scores) say(`  ${score.learner}: ${score.score}/${score.max}\n`);
				if (message.modelReply) say(`\n${style.heading('A model reply')}\n${wrapIndented(`“${message.modelReply}”`, 2, width)}\n`);
				outcome = { code: 0 };
				connection.close();
				return;
			case 'refused':
				outcome = { code: 1, message: `the room refused: ${message.reason}` };
				return;
		}
	};

	const connection = await connectRoom(address, { code: flags.code.trim(), name }, onMessage);
	const closed = await connection.closed;
	// Nothing more will be asked: stop waiting on a line nobody will type.
	reader.close();
	(io.input as { unref?: () => void }).unref?.();
	if (flags.save && title)
		io.stderr(`Your copy saved: ${saveOwnCopy(typeof flags.save === 'string' ? flags.save : undefined, name, title, partnerName, seen)}\n`);
	if (!outcome) {
		const why =
			closed.reason === 'ECONNREFUSED'
				? `no room is open at ${addressText}`
				: `lost the connection to the room at ${addressText}${closed.reason ? ` (${closed.reason})` : ''}`;
		throw new UserError(`${why}: rejoin with the same command; a reply you committed is kept`);
	}
	if (outcome.message) throw new UserError(outcome.message);
	return outcome.code;
}
