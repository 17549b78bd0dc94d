import { createSession, partnerRequest, reduceSession, type SessionEvent, type SessionOptions } from './session.js';
import { PartnerFailure, type EndReason, type Partner, type PartnerTurn, type SessionState } from './types.js';

export type Clock = () => Date;

/**
 * Runs one conversation: applies learners' replies, asks the partner for the next message when it is
 * its turn, and tells listeners about every change. The TUI, plain mode and group mode all drive a
 * session through this, so it behaves the same in each. Holds no I/O of its own: the partner and the
 * clock are given to it, and listeners (the transcript recorder, the screen) do the rest.
 */
export class SessionController {
	private state: SessionState;
	private readonly listeners = new Set<(state: SessionState) => void>();
	private generation: AbortController | undefined;
	private partnerDone: Promise<void> = Promise.resolve();

	constructor(
		options: Omit<SessionOptions, 'time'>,
		private partner: Partner,
		private readonly clock: Clock = () => new Date(),
	) {
		this.state = createSession({ ...options, time: this.now() });
	}

	get current(): SessionState {
		return this.state;
	}

	get partnerInfo() {
		return this.partner.info;
	}

	/** Calls `listener` after every change; returns the way to stop. */
	subscribe(listener: (state: SessionState) => void): () => void {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	}

	/** A learner's reply; when it completes the round, the partner's answer follows (await it). */
	async reply(learner: string, text: string, audience?: string): Promise<void> {
		this.dispatch({ type: 'learner-replied', learner, text, time: this.now(), ...(audience === undefined ? {} : { audience }) });
		await this.partnerTurnIfDue();
	}

	/** Group mode: the reply the conversation goes on from. */
	async carry(messageId: number): Promise<void> {
		this.dispatch({ type: 'carried', messageId, time: this.now() });
		await this.partnerTurnIfDue();
	}

	/** Ends the conversation now: the learner asked to, or left. Any message being written is dropped. */
	end(reason: EndReason): void {
		this.generation?.abort(new Error('the conversation ended'));
		this.dispatch({ type: 'ended', reason, time: this.now() });
	}

	/**
	 * Stops the message being written, keeping what arrived as an interrupted message. Stopped before its
	 * first words, it is still the partner's turn: the learner asks again or carries on with the scripted partner.
	 */
	cancelWriting(): void {
		this.generation?.abort(new CancelledByLearner());
	}

	/** After a failure: ask the same partner again. */
	async retry(): Promise<void> {
		await this.partnerTurnIfDue();
	}

	/** After a failure: carry on with another partner (the scripted one). */
	async switchPartner(partner: Partner): Promise<void> {
		this.partner = partner;
		await this.partnerTurnIfDue();
	}

	/** Resolves once no partner message is being written. */
	settled(): Promise<void> {
		return this.partnerDone;
	}

	private now(): string {
		return this.clock().toISOString();
	}

	private dispatch(event: SessionEvent): void {
		const next = reduceSession(this.state, event);
		if (next === this.state) return;
		this.state = next;
		for (const listener of this.listeners) listener(next);
	}

	private async partnerTurnIfDue(): Promise<void> {
		const request = partnerRequest(this.state);
		if (!request || this.generation) return this.partnerDone;
		const generation = new AbortController();
		this.generation = generation;
		let textSoFar = '';
		this.dispatch({ type: 'partner-writing', text: '' });
		this.partnerDone = (async () => {
			try {
				// The partner is asked once what just happened is on screen: the learner sees their own
				// message at once, and drawing it does not hold up the first words of the answer.
				await new Promise(resolve => setImmediate(resolve));
				generation.signal.throwIfAborted();
				const turn: PartnerTurn = await this.partner.respond(request, {
					signal: generation.signal,
					onText: text => {
						// Late text after a cancel is dropped; so is text that shows nothing new (a capped message).
						if (generation.signal.aborted || text === textSoFar) return;
						textSoFar = text;
						this.dispatch({ type: 'partner-writing', text });
					},
				});
				if (!generation.signal.aborted) this.dispatch({ type: 'partner-said', turn, time: this.now() });
			} catch (error) {
				const source = this.partner.info.kind === 'scripted' ? 'script' : 'model';
				if (generation.signal.reason instanceof CancelledByLearner && textSoFar.trim() !== '') {
					this.dispatch({ type: 'partner-said', turn: { text: textSoFar, source, ends: false, interrupted: true }, time: this.now() });
				} else if (generation.signal.reason instanceof CancelledByLearner) {
					// Stopped before any words: no message to keep, so it is still the partner's turn, as after a failure.
					this.dispatch({ type: 'partner-failed', reason: STOPPED_BEFORE_WORDS, partial: '', source, time: this.now() });
				} else if (!generation.signal.aborted) {
					const partial = error instanceof PartnerFailure ? error.partial : textSoFar;
					this.dispatch({ type: 'partner-failed', reason: error instanceof Error ? error.message : String(error), partial, source, time: this.now() });
				}
			} finally {
				this.generation = undefined;
			}
		})();
		return this.partnerDone;
	}
}

/** The failure shown when the learner stopped the partner before any of its words arrived. */
export const STOPPED_BEFORE_WORDS = 'you stopped it before any words arrived';

/** The learner pressed Esc while the partner was writing. */
export class CancelledByLearner extends Error {
	constructor() {
		super('cancelled by the learner');
		this.name = 'CancelledByLearner';
	}
}
