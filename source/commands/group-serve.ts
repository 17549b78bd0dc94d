import { networkInterfaces } from 'node:os';
import { inputLines } from '../cli/line-reader.js';
import { style } from '../cli/style.js';
import { UserError } from '../cli/user-error.js';
import { displayNames } from '../group/round.js';
import { RoomServer, type RoomEvents } from '../room/server.js';
import { RoomSjt } from '../room/room-sjt.js';
import { RoomSession, type RoomNews } from '../room/room-session.js';
import { CHANNEL_NAMES } from '../scenario/labels.js';
import { readyModel } from './model-choice.js';
import { groupSjtItems, type GroupFlags } from './group.js';
import { startGroupSjtFiles } from '../transcript/sjt-session-file.js';
import { openScenario } from './open-library.js';
import { createPartner } from './partner-setup.js';
import { saveOnSignals, startRecordedSession } from '../transcript/start-session.js';
import { usableTranscriptDirectory } from './transcript-folder.js';

export type ServeFlags = GroupFlags & {
	readonly port?: number;
	/** Start the first round once this many learners have joined. */
	readonly expect?: number;
	/** The address to listen on. @default every interface (0.0.0.0) */
	readonly listen?: string;
};

export const DEFAULT_ROOM_PORT = 4791;
export const MOST_IN_A_ROOM = 30;

/** The address learners type: this machine's first address on the local network, when listening on all of them. */
export function joinHost(listen: string): string {
	if (listen !== '0.0.0.0' && listen !== '::') return listen.includes(':') ? `[${listen}]` : listen;
	for (const addresses of Object.values(networkInterfaces())) {
		const lan = addresses?.find(address => address.family === 'IPv4' && !address.internal);
		if (lan) return lan.address;
	}
	return '127.0.0.1';
}

function newsLine(news: RoomNews): string {
	switch (news.type) {
		case 'joined':
			return `${news.name} joined (${news.expected === undefined ? `${news.count} so far` : `${news.count} of ${news.expected}`})`;
		case 'rejoined':
			return `${news.name} rejoined${news.kept ? ' (their reply is kept)' : ''}`;
		case 'left':
			return `${news.name} dropped: they can rejoin with the same name and code`;
		case 'put-out':
			return `${news.name} sent a flood of messages and is out of the session`;
		case 'replied':
			return `${news.name} has replied (${news.count} of ${news.of})`;
	}
}

type Flow = {
	readonly events: RoomEvents;
	waitForLearners(server: RoomServer): Promise<string[]>;
	revealNow(): void;
	remove(name: string): boolean;
	finish(): void;
};

type Welcome = { readonly title: string; readonly channel: string; readonly look?: string; readonly partner: string; readonly setting: string };

/**
 * `postsafe group <id> --serve` (or `--sjt --serve`): the room. Learners join from their own laptops;
 * each commits a reply (or an SJT answer) privately; the round is revealed to everyone once all have
 * replied, and the best-scoring reply carries on, as in hot-seat plain mode. One transcript holds every
 * learner's replies. The facilitator can type `start` (begin with whoever has joined), `reveal` (reveal
 * the round now) or `remove NAME`.
 */
export async function runGroupServe(id: string | undefined, flags: ServeFlags): Promise<number> {
	if (flags.sjt && id !== undefined) throw new UserError('--sjt practises SJT items, not a scenario: leave out the scenario id, or leave out --sjt', 2);
	if (!flags.sjt && id === undefined)
		throw new UserError('--serve runs a scenario for the room: name it (`postsafe group patient-dm-rash --serve`), or SJT items with --sjt', 2);
	if (flags.learners !== undefined) throw new UserError('--serve takes its learners as they join: leave out --learners', 2);
	if (flags.expect !== undefined && flags.expect < 2) throw new UserError('--expect: a room needs at least two learners', 2);
	const out = (text: string) => void process.stdout.write(text);
	const news = (line: RoomNews) => out(`${style.dim(newsLine(line))}\n`);
	const anonymous = flags.anonymous === true;

	if (flags.sjt) {
		const { items, seed, filter } = await groupSjtItems(flags);
		const directory = usableTranscriptDirectory(flags.transcripts);
		const flow = new RoomSjt(flags.expect, anonymous, news);
		const welcome = {
			title: `SJT practice: ${items.length} item${items.length === 1 ? '' : 's'}`,
			channel: 'MSRA-style SJT',
			partner: 'the facilitator',
			setting:
				'Answer each item on your own screen: for a rank item, every letter, most appropriate first; for best 3, the three letters. The group’s answers are revealed together.',
		};
		return runRoom(flags, welcome, flow, out, async learners => {
			const names = displayNames(learners, anonymous);
			flow.begin(learners, names);
			const { groupSjtPlain } = await import('./group-plain.js');
			return groupSjtPlain({
				items,
				learners,
				records: startGroupSjtFiles({ directory, learners, seed, filter }),
				names,
				collectAnswers: (item, index) => flow.collectAnswers(item, index, items.length),
				stdout: out,
			});
		});
	}

	const { library, loaded } = await openScenario(id!, flags.scenarios);
	const transcripts = usableTranscriptDirectory(flags.transcripts);
	const model = await readyModel(flags);
	const { scenario } = loaded;
	const flow = new RoomSession(flags.expect, anonymous, news);
	let session: ReturnType<typeof startRecordedSession> | undefined;
	const welcome = {
		title: scenario.title,
		channel: CHANNEL_NAMES[scenario.channel],
		look: scenario.channel,
		partner: scenario.partner.name,
		setting: scenario.setting,
	};
	return runRoom(
		flags,
		welcome,
		flow,
		out,
		async learners => {
			const names = displayNames(learners, anonymous);
			session = startRecordedSession({
				loaded,
				criteria: library.criteria.library,
				learners,
				partner: createPartner(model, false),
				transcripts,
				...(anonymous ? { fileLabel: 'group' } : {}),
				...(flags.turns === undefined ? {} : { turns: flags.turns }),
			});
			const { groupPlain } = await import('./group-plain.js');
			flow.begin(session.controller, names);
			return groupPlain({ session, names, collectRound: flow.collectRound, stdout: out, scriptedPartner: () => createPartner(undefined, false) });
		},
		() => session,
	);
}

/** Opens the room, prints the join line, takes the facilitator's commands, and runs `play` once the learners are in. */
async function runRoom(
	flags: ServeFlags,
	welcome: Welcome,
	flow: Flow,
	out: (text: string) => void,
	play: (learners: string[]) => Promise<number>,
	session: () => ReturnType<typeof startRecordedSession> | undefined = () => undefined,
): Promise<number> {
	const listen = flags.listen ?? '0.0.0.0';
	const port = flags.port ?? DEFAULT_ROOM_PORT;
	const expected = flags.expect;
	let room: RoomServer;
	try {
		room = await RoomServer.open({ listen, port, capacity: expected ?? MOST_IN_A_ROOM, welcome, events: flow.events });
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (code === 'EADDRINUSE') throw new UserError(`port ${port} is in use: choose another with --port`);
		throw new UserError(`can't open the room on ${listen}:${port}: ${(error as Error).message}`);
	}
	const everywhere = listen === '0.0.0.0' || listen === '::';
	out(
		`${everywhere ? `The room listens on every network interface of this machine, port ${room.port}: for a trusted room network only (anyone on it with the code can join).` : `The room listens on ${listen}, port ${room.port}.`}\n`,
	);
	out(`join: postsafe join ${joinHost(listen)}:${room.port} --code ${room.code}\n`);
	out(
		`${style.dim(expected === undefined ? 'Type start and Enter once everyone has joined.' : `The first round starts when ${expected} learners have joined (or type start).`)}\n`,
	);

	const commands = inputLines(process.stdin);
	const joined = flow.waitForLearners(room);
	let startNow: () => void = () => {};
	const early = new Promise<void>(resolve => (startNow = resolve));
	commands.on('line', line => {
		const [command, ...rest] = line.trim().split(/\s+/);
		const name = rest.join(' ');
		if (command === 'start') {
			if (room.joined.length < 2) return out(`${style.dim('At least two learners need to join first.')}\n`);
			room.start();
			startNow();
		} else if (command === 'reveal') flow.revealNow();
		else if (command === 'remove' && name) out(`${style.dim(flow.remove(name) ? `${name} is removed from the session.` : `No learner called ${name}.`)}\n`);
		else if (command) out(`${style.dim('Commands: start · reveal · remove NAME')}\n`);
	});
	const removeHandlers = saveOnSignals(session, () => void room.close());
	try {
		await Promise.race([joined, early]);
		const code = await play(room.joined);
		flow.finish();
		return code;
	} finally {
		removeHandlers();
		commands.close();
		await room.close();
	}
}
