import { networkInterfaces } from 'node:os';
import { createInterface } from 'node:readline';
import { style } from '../cli/style.js';
import { UserError } from '../cli/user-error.js';
import { displayNames } from '../group/round.js';
import { RoomServer } from '../room/server.js';
import { RoomSession, type RoomNews } from '../room/room-session.js';
import { CHANNEL_NAMES } from '../scenario/labels.js';
import { readyModel } from './model-choice.js';
import type { GroupFlags } from './group.js';
import { openScenario } from './open-library.js';
import { createPartner } from './partner-setup.js';
import { saveOnSignals, startRecordedSession } from './start-session.js';
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

/**
 * `postsafe group <id> --serve`: the room. Learners join from their own laptops; each commits a reply
 * privately; the round is revealed to everyone once all have replied, and the best-scoring reply carries
 * on, as in hot-seat plain mode. One transcript holds every learner's replies. The facilitator can type
 * `start` (begin with whoever has joined), `reveal` (reveal the round now) or `remove NAME`.
 */
export async function runGroupServe(id: string | undefined, flags: ServeFlags): Promise<number> {
	if (id === undefined) throw new UserError('--serve runs a scenario for the room: name it (`postsafe group patient-dm-rash --serve`)', 2);
	if (flags.sjt) throw new UserError('--serve with --sjt is not ready yet: run the SJT items hot-seat (`postsafe group --sjt`)', 2);
	if (flags.learners !== undefined) throw new UserError('--serve takes its learners as they join: leave out --learners', 2);
	const expected = flags.expect;
	if (expected !== undefined && expected < 2) throw new UserError('--expect: a room needs at least two learners', 2);
	const { library, loaded } = await openScenario(id, flags.scenarios);
	const transcripts = usableTranscriptDirectory(flags.transcripts);
	const model = await readyModel(flags);
	const out = (text: string) => void process.stdout.write(text);
	const { scenario } = loaded;
	const listen = flags.listen ?? '0.0.0.0';
	const port = flags.port ?? DEFAULT_ROOM_PORT;
	const anonymous = flags.anonymous === true;
	const flow = new RoomSession(expected, anonymous, news => out(`${style.dim(newsLine(news))}\n`));
	let room: RoomServer;
	try {
		room = await RoomServer.open({ listen, port, capacity: expected ?? MOST_IN_A_ROOM, welcome: { title: scenario.title, channel: CHANNEL_NAMES[scenario.channel], partner: scenario.partner.name, setting: scenario.setting }, events: flow.events });
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (code === 'EADDRINUSE') throw new UserError(`port ${port} is in use: choose another with --port`);
		throw new UserError(`can't open the room on ${listen}:${port}: ${(error as Error).message}`);
	}
	const everywhere = listen === '0.0.0.0' || listen === '::';
	out(`${everywhere ? `The room listens on every network interface of this machine, port ${room.port}: for a trusted room network only (anyone on it with the code can join).` : `The room listens on ${listen}, port ${room.port}.`}\n`);
	out(`join: postsafe join ${joinHost(listen)}:${room.port} --code ${room.code}\n`);
	out(`${style.dim(expected === undefined ? 'Type start and Enter once everyone has joined.' : `The first round starts when ${expected} learners have joined (or type start).`)}\n`);

	const commands = createInterface({ input: process.stdin, crlfDelay: Infinity, terminal: false });
	const joined = flow.waitForLearners(room);
	let startNow: () => void = () => {};
	const early = new Promise<void>(resolve => (startNow = resolve));
	commands.on('line', line => {
		const [command, ...rest] = line.trim().split(/\s+/);
		if (command === 'start') {
			if (room.joined.length < 2) return out(`${style.dim('At least two learners need to join first.')}\n`);
			room.start();
			startNow();
		} else if (command === 'reveal') flow.revealNow();
		else if (command === 'remove' && rest.length > 0) out(`${style.dim(flow.remove(rest.join(' ')) ? `${rest.join(' ')} is removed from the session.` : `No learner called ${rest.join(' ')}.`)}\n`);
		else if (command) out(`${style.dim('Commands: start · reveal · remove NAME')}\n`);
	});
	let session: ReturnType<typeof startRecordedSession> | undefined;
	const removeHandlers = saveOnSignals(() => session, () => void room.close());
	try {
		await Promise.race([joined, early]);
		const learners = room.joined;
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
		const code = await groupPlain({ session, names, collectRound: flow.collectRound, stdout: out, scriptedPartner: () => createPartner(undefined, false) });
		flow.finish();
		return code;
	} finally {
		removeHandlers();
		commands.close();
		await room.close();
	}
}
