import { groupTable } from '../group/debrief.js';
import { roundCards } from '../group/round.js';
import { addressedLine, addressHelp } from '../scenario/audiences.js';
import type { SessionController } from '../session/controller.js';
import type { LearnerMessage, SessionState } from '../session/types.js';
import { Lobby, type RoomNews } from './lobby.js';
import type { ServerMessage } from './protocol.js';
import type { RoomEvents, RoomServer } from './server.js';

export type { RoomNews } from './lobby.js';

/** A removed learner's place in a round, so the round can still complete; as an empty reply in hot-seat mode. */
export const NO_REPLY = '(no reply)';

/**
 * The room feeding the one group session: each learner's committed reply goes into the same
 * SessionController as in hot-seat mode, the moment it arrives (so it is saved at once and kept if their
 * laptop drops). What a learner is sent is decided here: the partner's messages, their own reply, a
 * count of who has replied, and the round's replies only once everyone has replied (the reveal).
 */
export class RoomSession {
	private controller: SessionController | undefined;
	private readonly lobby: Lobby;
	private sentMessages = 0;
	private revealed = 0;
	private carriedRound = 0;
	private roundDone: (() => void) | undefined;
	private names: ReadonlyMap<string, string> = new Map();

	constructor(expected: number | undefined, anonymous: boolean, news: (news: RoomNews) => void) {
		this.lobby = new Lobby(expected, anonymous, news);
	}

	private get server(): RoomServer | undefined {
		return this.lobby.server;
	}

	private news(news: RoomNews): void {
		this.lobby.news(news);
	}

	readonly events: RoomEvents = {
		joined: (name, rejoined) => this.joined(name, rejoined),
		left: name => {
			if (!this.finished) this.news({ type: 'left', name });
		},
		replied: (name, round, text) => this.replied(name, round, text),
		putOut: name => {
			this.news({ type: 'put-out', name });
			this.fillFor(name);
		},
	};

	waitForLearners(server: RoomServer): Promise<string[]> {
		return this.lobby.waitForLearners(server);
	}

	/** The session has begun: from now on the room follows it. */
	begin(controller: SessionController, names: ReadonlyMap<string, string>): void {
		this.controller = controller;
		this.names = names;
		this.lobby.show(names);
		controller.subscribe(state => this.follow(state));
		this.follow(controller.current);
	}

	/** For groupPlain: resolves once every learner has replied in this round. */
	collectRound = (): Promise<boolean> => {
		const controller = this.controller!;
		for (const name of controller.current.learners) if (this.server!.isRemoved(name)) this.commit(name, NO_REPLY);
		if (controller.current.phase !== 'learners') return Promise.resolve(true);
		return new Promise(resolve => {
			this.roundDone = () => resolve(true);
		});
	};

	/** The facilitator takes a learner out; their place in each round from now on is an empty reply. */
	remove(name: string): boolean {
		const learner = this.controller?.current.learners.find(candidate => candidate.toLowerCase() === name.toLowerCase()) ?? name;
		if (!this.server?.remove(learner)) return false;
		this.fillFor(learner);
		return true;
	}

	/** A learner who is out: their place in this round, if it is still open, is an empty reply; the lobby hears they left. */
	private fillFor(name: string): void {
		if (!this.controller) return this.lobby.roster();
		if (this.controller.current.phase === 'learners' && this.controller.current.learners.includes(name) && !this.ownReply(name)) this.commit(name, NO_REPLY);
	}

	/** The facilitator reveals the round now: whoever has not replied gets an empty reply. */
	revealNow(): void {
		const state = this.controller?.current;
		if (state?.phase !== 'learners') return;
		for (const name of state.learners) if (!this.ownReply(name)) this.commit(name, NO_REPLY);
	}

	private joined(name: string, rejoined: boolean): void {
		const server = this.server!;
		if (!this.controller) return this.lobby.joined(name);
		// Back after a drop: everything said so far, then their own reply if it is in, else the question.
		const state = this.controller.current;
		for (const message of state.messages) if (message.kind === 'partner') server.send(name, partnerFrame(message));
		const own = this.ownReply(name);
		this.news({ type: 'rejoined', name, kept: own !== undefined });
		// Back between the reveal and the partner's answer: the round as everyone saw it.
		if (state.phase !== 'learners') return void (this.lastReveal?.round === state.round && server.send(name, this.lastReveal));
		if (own) {
			server.send(name, { type: 'committed', round: state.round, text: own.text });
			server.send(name, this.progress(state));
		} else {
			server.send(name, { type: 'turn', round: state.round });
		}
	}

	private replied(name: string, round: number, text: string): string | undefined {
		const state = this.controller?.current;
		if (!state) return 'the first round has not started yet: wait for the facilitator';
		if (state.phase !== 'learners' || round !== state.round) return `round ${round} is over: your reply was not taken`;
		if (this.ownReply(name)) return 'your reply for this round is already in';
		if (text === '') return 'an empty reply: type what you would send';
		// "@ellie …" writes to that audience, as at the facilitator's keyboard; one that names none is refused.
		const addressed = addressedLine(state.scenario, text);
		if (addressed.kind === 'unknown' || addressed.text === '') {
			// Said why, then asked again: nothing was taken.
			const why =
				addressed.kind === 'unknown'
					? `@${addressed.name} is not somewhere you can write here; ${addressHelp(state.scenario)}`
					: 'an empty reply: type what you would send';
			this.server!.send(name, { type: 'notice', text: why });
			this.server!.send(name, { type: 'turn', round });
			return undefined;
		}
		this.commit(name, addressed.text, addressed.audience);
		return undefined;
	}

	/** Takes a reply: its learner and the room are told first, then the session (which may reveal the round). */
	private commit(name: string, text: string, audience?: string): void {
		const controller = this.controller!;
		const state = controller.current;
		const round = state.round;
		const count = this.repliesIn(state, round).length + 1;
		if (text !== NO_REPLY) this.server!.send(name, { type: 'committed', round, text });
		this.news({ type: 'replied', name, count, of: state.learners.length });
		this.server!.broadcast({ type: 'progress', round, committed: count, of: state.learners.length });
		void controller.reply(name, text, audience);
	}

	/** Tells the room what changed in the session: new partner messages, the reveal, the carried reply, a new round, the end. */
	private follow(state: SessionState): void {
		const server = this.server!;
		for (const message of state.messages.slice(this.sentMessages)) if (message.kind === 'partner') server.broadcast(partnerFrame(message));
		this.sentMessages = state.messages.length;
		const complete = state.phase === 'choosing' || (state.phase !== 'learners' && this.repliesIn(state, state.round).length === state.learners.length);
		if (complete && this.revealed < state.round) {
			this.revealed = state.round;
			const labels = new Map<string, string>(state.rubric.criteria.map(criterion => [criterion.id, criterion.label]));
			this.lastReveal = {
				type: 'reveal',
				round: state.round,
				replies: roundCards(state).map(card => ({
					learner: this.nameOf(card.reply.learner),
					text: card.reply.text,
					score: card.score,
					max: card.max,
					met: card.met.map(id => labels.get(id) ?? id),
					redFlags: card.redFlags.map(flag => flag.label),
				})),
			};
			server.broadcast(this.lastReveal);
			this.roundDone?.();
			this.roundDone = undefined;
		}
		const carried = this.repliesIn(state, state.round).find(reply => reply.carried);
		if (carried && this.carriedRound < carried.round && state.learners.length > 1) {
			this.carriedRound = carried.round;
			server.broadcast({ type: 'carried', round: carried.round, learner: this.nameOf(carried.learner) });
		}
		if (state.phase === 'learners' && this.turnSent < state.round) {
			this.turnSent = state.round;
			server.broadcast({ type: 'turn', round: state.round });
		}
	}

	private turnSent = 0;
	private lastReveal: Extract<ServerMessage, { type: 'reveal' }> | undefined;
	private finished = false;

	/** The end: everyone's marks over the whole conversation, and the model reply. */
	finish(): void {
		this.finished = true;
		const state = this.controller?.current;
		if (!state) return;
		const table = groupTable(state);
		this.server!.broadcast({
			type: 'end',
			scores: table.rows.map(row => ({ learner: this.nameOf(row.learner), score: row.score, max: row.max })),
			modelReply: state.scenario.debrief.modelReply,
		});
	}

	private nameOf(learner: string): string {
		return this.names.get(learner) ?? learner;
	}

	private repliesIn(state: SessionState, round: number): LearnerMessage[] {
		return state.messages.filter((message): message is LearnerMessage => message.kind === 'learner' && message.round === round);
	}

	private ownReply(name: string): LearnerMessage | undefined {
		const state = this.controller?.current;
		return state ? this.repliesIn(state, state.round).find(reply => reply.learner === name) : undefined;
	}

	private progress(state: SessionState, round = state.round) {
		return { type: 'progress' as const, round, committed: this.repliesIn(state, round).length, of: state.learners.length };
	}
}

function partnerFrame(message: Extract<SessionState['messages'][number], { kind: 'partner' }>) {
	return { type: 'partner' as const, id: message.id, text: message.text, ...(message.attachment === undefined ? {} : { attachment: message.attachment }) };
}
