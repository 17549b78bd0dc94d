import { groupSjt, groupSjtTotals, type GroupSjt } from '../group/sjt-distribution.js';
import { parseSjtAnswer } from '../sjt/answer.js';
import type { SjtItem } from '../sjt/schema.js';
import { Lobby, type RoomNews } from './lobby.js';
import type { ServerMessage } from './protocol.js';
import type { RoomEvents, RoomServer } from './server.js';

type Answers = { learner: string; answer: readonly string[] }[];

/**
 * SJT items in a room: each learner answers the item on their own screen, unseen; once everyone has,
 * every screen shows the group's spread against the ideal, each learner's marks and the rationale.
 * The item goes out without its answer or rationale, which only the reveal carries.
 */
export class RoomSjt {
	private readonly lobby: Lobby;
	private learners: readonly string[] = [];
	private names: ReadonlyMap<string, string> = new Map();
	private item: { readonly item: SjtItem; readonly number: number; readonly of: number } | undefined;
	private answers = new Map<string, readonly string[]>();
	private done: ((answers: Answers) => void) | undefined;
	private readonly rounds: GroupSjt[] = [];

	constructor(expected: number | undefined, anonymous: boolean, news: (news: RoomNews) => void) {
		this.lobby = new Lobby(expected, anonymous, news);
	}

	readonly events: RoomEvents = {
		joined: (name, rejoined) => (rejoined && this.learners.length > 0 ? this.rejoined(name) : this.lobby.joined(name)),
		left: name => this.lobby.news({ type: 'left', name }),
		replied: () => 'this room is answering SJT items: send an answer, not a reply',
		answered: (name, item, letters) => this.answered(name, item, letters),
		putOut: name => {
			this.lobby.news({ type: 'put-out', name });
			if (this.learners.length === 0) this.lobby.roster();
			else this.fill();
		},
	};

	waitForLearners(server: RoomServer): Promise<string[]> {
		return this.lobby.waitForLearners(server);
	}

	begin(learners: readonly string[], names: ReadonlyMap<string, string>): void {
		this.learners = learners;
		this.names = names;
		this.lobby.show(names);
	}

	/** For groupSjtPlain: sends the item, and resolves with everyone's answers once all are in. */
	collectAnswers = (item: SjtItem, index: number, of: number): Promise<Answers> => {
		this.item = { item, number: index + 1, of };
		this.answers = new Map();
		this.server.broadcast(this.itemFrame());
		const all = new Promise<Answers>(resolve => (this.done = resolve));
		this.fill();
		return all;
	};

	/** The facilitator reveals now: whoever has not answered is scored as not answered. */
	revealNow(): void {
		if (!this.item) return;
		for (const learner of this.learners) if (!this.answers.has(learner)) this.answers.set(learner, []);
		this.revealIfComplete();
	}

	remove(name: string): boolean {
		const learner = this.learners.find(candidate => candidate.toLowerCase() === name.toLowerCase()) ?? name;
		if (!this.server.remove(learner)) return false;
		this.fill();
		return true;
	}

	/** The end: each learner's marks over the items. */
	finish(): void {
		const totals = groupSjtTotals(this.learners, this.rounds);
		this.server.broadcast({ type: 'end', scores: totals.map(total => ({ learner: this.nameOf(total.learner), score: total.points, max: total.max })) });
	}

	private get server(): RoomServer {
		return this.lobby.server!;
	}

	private nameOf(learner: string): string {
		return this.names.get(learner) ?? learner;
	}

	private itemFrame(): ServerMessage {
		const { item, number, of } = this.item!;
		return {
			type: 'sjt-item',
			item: number,
			of,
			title: item.title,
			kind: item.type,
			stem: item.stem,
			options: item.options.map(option => ({ id: option.id, text: option.text })),
		};
	}

	private rejoined(name: string): void {
		const own = this.answers.get(name);
		this.lobby.news({ type: 'rejoined', name, kept: own !== undefined });
		if (!this.item || this.done === undefined) return;
		this.server.send(name, this.itemFrame());
		if (own) this.server.send(name, { type: 'answered', item: this.item.number, letters: [...own] });
	}

	private answered(name: string, number: number, letters: string): string | undefined {
		const current = this.item;
		if (!current || !this.done) return 'no item is open: wait for the facilitator';
		if (number !== current.number) return `item ${number} is over: your answer was not taken`;
		if (this.answers.has(name)) return 'your answer to this item is already in';
		const parsed = parseSjtAnswer(current.item, letters);
		const answer = 'error' in parsed ? [] : parsed.letters;
		this.answers.set(name, answer);
		this.server.send(name, { type: 'answered', item: number, letters: [...answer] });
		if ('error' in parsed) this.server.send(name, { type: 'notice', text: `${parsed.error}: scored as not answered` });
		this.lobby.news({ type: 'replied', name, count: this.answers.size, of: this.learners.length });
		this.server.broadcast({ type: 'progress', round: number, committed: this.answers.size, of: this.learners.length });
		this.revealIfComplete();
		return undefined;
	}

	/** Learners who are out are scored as not answered, so the item can still be revealed. */
	private fill(): void {
		if (!this.done) return;
		for (const learner of this.learners) if (this.server.isRemoved(learner) && !this.answers.has(learner)) this.answers.set(learner, []);
		this.revealIfComplete();
	}

	private revealIfComplete(): void {
		const current = this.item;
		const done = this.done;
		if (!current || !done || this.learners.some(learner => !this.answers.has(learner))) return;
		this.done = undefined;
		const answers = this.learners.map(learner => ({ learner, answer: this.answers.get(learner)! }));
		const group = groupSjt(current.item, answers);
		this.rounds.push(group);
		const { item } = current;
		this.server.broadcast({
			type: 'sjt-reveal',
			item: current.number,
			ideal: [...item.answer],
			spread: group.spread.map(spread =>
				spread.type === 'rank'
					? { option: spread.option, idealPlace: spread.ideal, atPlace: [...spread.atPlace] }
					: { option: spread.option, correct: spread.correct, chosenBy: spread.chosenBy },
			),
			marks: group.learners.map(entry => ({
				learner: this.nameOf(entry.learner),
				answer: [...entry.answer],
				points: entry.score.points,
				max: entry.score.max,
			})),
			rationale: item.options.map(option => ({ option: option.id, text: option.rationale })),
		});
		done(answers);
	}
}
