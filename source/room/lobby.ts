import { displayNames } from '../group/round.js';
import type { RoomServer } from './server.js';

/** What the facilitator's screen is told as the room changes. */
export type RoomNews =
	| { readonly type: 'joined'; readonly name: string; readonly count: number; readonly expected: number | undefined }
	| { readonly type: 'rejoined'; readonly name: string; readonly kept: boolean }
	| { readonly type: 'left'; readonly name: string }
	| { readonly type: 'put-out'; readonly name: string }
	| { readonly type: 'replied'; readonly name: string; readonly count: number; readonly of: number };

/** Before the first round: who is in, told to everyone, and the start once enough have joined. */
export class Lobby {
	server: RoomServer | undefined;
	private ready: (() => void) | undefined;
	private shown: ReadonlyMap<string, string> | undefined;

	constructor(
		/** Start the first round once this many have joined; without it, the facilitator says when. */
		private readonly expected: number | undefined,
		/** Learners are shown to each other as Learner A, B, C…, so the roster gives only a count. */
		private readonly anonymous: boolean,
		private readonly tell: (news: RoomNews) => void,
	) {}

	/** The names the facilitator's screen shows from the first round on (Learner A, B… when anonymous). */
	show(names: ReadonlyMap<string, string>): void {
		this.shown = names;
	}

	/** Tells the facilitator's screen, which is the projector: with --anonymous, never a learner's name. */
	news(news: RoomNews): void {
		const names = this.shown ?? displayNames(this.server?.joined ?? [], this.anonymous);
		this.tell({ ...news, name: names.get(news.name) ?? (this.anonymous ? 'A learner' : news.name) });
	}

	/** Resolves once `expected` learners have joined; their names, in the order they joined. */
	waitForLearners(server: RoomServer): Promise<string[]> {
		this.server = server;
		return new Promise(resolve => {
			this.ready = () => {
				if (this.expected === undefined || server.joined.length < this.expected) return;
				this.ready = undefined;
				server.start();
				resolve(server.joined);
			};
		});
	}

	/** Someone new is in the lobby. */
	joined(name: string): void {
		this.news({ type: 'joined', name, count: this.server!.joined.length, expected: this.expected });
		this.roster();
		this.ready?.();
	}

	/** Everyone hears who is in (a count only when anonymous). */
	roster(): void {
		const joined = this.server!.joined;
		this.server!.broadcast({ type: 'roster', count: joined.length, joined: this.anonymous ? [] : joined, expected: this.expected ?? 0 });
	}
}
