import type { PartnerRole } from '../scenario/schema.js';
import { PartnerFailure, type Partner, type PartnerInfo, type PartnerRequest, type PartnerTurn } from '../session/types.js';
import { cleanMessage, detectDrift, mayBePreamble, speakersOf, writesForLearner } from './clean.js';
import { ollamaClient } from './ollama-client.js';
import { describeOllamaError, isBusy } from './ollama-errors.js';
import { chatMessages, isClinicianRole, type PromptTemplates } from './prompt.js';
import { beatPlace, chooseBeat, scriptedTurn } from './scripted.js';

export type OllamaPartnerOptions = {
	readonly host: string;
	readonly model: string;
	/** One seed for the whole session, recorded in the transcript, so a session can be replayed. */
	readonly seed: number;
	readonly temperature?: number;
	/** Longest wait for the next piece of text before the reply counts as stuck. */
	readonly timeoutMs: number;
	readonly templates: (role: PartnerRole) => PromptTemplates;
	/** Waits before asking a busy server (503) again; one try more than waits. @default BUSY_BACKOFF_MS */
	readonly busyBackoffMs?: readonly number[];
	/** How often text is handed on while it streams: 20 times a second reads as smooth typing, and the screen is not redrawn per token. @default 50 */
	readonly emitEveryMs?: number;
};

/**
 * The most a model may generate for one message: a DM-length message is about 150 tokens, and
 * stopping a runaway model at the server spares the GPU that a whole teaching group shares.
 */
export const MAX_TOKENS = 256;

/**
 * The most text one message may hold, whatever the server does with num_predict: a server that
 * streams without end (a misbehaving or hostile one) is stopped here, and what came is the message.
 */
export const MAX_MESSAGE_CHARACTERS = 4000;

/** A busy shared server (Ollama's 503 when its queue is full) is asked again after each of these waits. */
export const BUSY_BACKOFF_MS: readonly number[] = [500, 1000, 2000];

/** Thrown when a busy server stayed busy through every retry. */
export class StillBusy extends Error {
	constructor(
		readonly tries: number,
		cause: unknown,
	) {
		super(`busy after ${tries} tries`, { cause });
	}
}

/** Asks, and while the server answers 503 (busy), waits and asks again; the waits count as activity. */
async function askUntilNotBusy<T>(ask: () => Promise<T>, signal: AbortSignal, waits: readonly number[], onWait: () => void): Promise<T> {
	for (let attempt = 0; ; attempt++) {
		try {
			return await ask();
		} catch (error) {
			if (!isBusy(error) || signal.aborted) throw error;
			if (attempt >= waits.length) throw new StillBusy(attempt + 1, error);
			onWait();
			await new Promise<void>(resolve => {
				const timer = setTimeout(resolve, waits[attempt]);
				signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
			});
			signal.throwIfAborted();
		}
	}
}

/** A whole message may take this many times --timeout (the longest wait for the next words). */
export const WHOLE_MESSAGE_TIMEOUTS = 3;

/**
 * A local LLM, through Ollama, plays the other party. Its words stream into the chat; a message that
 * leaves the part (gives clinical advice as a patient, talks about being an AI or about marking) or
 * comes back empty is replaced by the scripted beat, so the session never stalls on the model, and one
 * that goes on to write the learner's side is stopped there. Each turn is guided by the beat the
 * scripted partner would have chosen.
 */
export class OllamaPartner implements Partner {
	readonly info: PartnerInfo;

	constructor(private readonly options: OllamaPartnerOptions) {
		this.info = { kind: 'ollama', model: options.model, host: options.host, seed: options.seed };
	}

	async respond(
		request: PartnerRequest,
		{ signal, onText }: { readonly signal: AbortSignal; readonly onText?: (textSoFar: string) => void },
	): Promise<PartnerTurn> {
		const { scenario } = request;
		const speakers = speakersOf(request);
		const guidance = chooseBeat(scenario, request);
		const messages = chatMessages(request, this.options.templates(scenario.partner.role), guidance);
		const emitEvery = this.options.emitEveryMs ?? 50;
		let text = '';
		// The first text waits a frame too, so a reply that arrives all at once is drawn once.
		let lastEmit = Date.now();
		let emitTimer: NodeJS.Timeout | undefined;
		const emit = () => {
			emitTimer = undefined;
			lastEmit = Date.now();
			onText?.(mayBePreamble(text) ? '' : cleanMessage(text, speakers));
		};
		const stuck = new AbortController();
		const { timeoutMs } = this.options;
		let lastActivity = Date.now();
		// One timer, re-armed only when it fires: a timer per token costs more than reading the token.
		const checkIdle = () => {
			const idle = Date.now() - lastActivity;
			if (idle >= timeoutMs) stuck.abort();
			else idleTimer = setTimeout(checkIdle, timeoutMs - idle);
		};
		let idleTimer = setTimeout(checkIdle, timeoutMs);
		// A token every 100 ms resets the idle timer for ever: the whole message has a deadline too.
		const overdue = new AbortController();
		const wholeTimer = setTimeout(() => overdue.abort(), timeoutMs * WHOLE_MESSAGE_TIMEOUTS);
		// A fetch joined to this turn's signals: the learner's Esc and the idle timeout both stop it,
		// even before the first token (the client's own abort only reaches an open stream).
		const both = AbortSignal.any([signal, stuck.signal, overdue.signal]);
		const client = await ollamaClient({
			host: this.options.host,
			fetch: (url, init) => fetch(url, { ...init, signal: init?.signal ? AbortSignal.any([init.signal, both]) : both }),
		});
		try {
			const ask = () =>
				client.chat({
					model: this.options.model,
					messages: [...messages],
					stream: true,
					think: false,
					options: {
						seed: this.options.seed,
						num_predict: MAX_TOKENS,
						...(this.options.temperature === undefined ? {} : { temperature: this.options.temperature }),
					},
				});
			const stream = await askUntilNotBusy(ask, both, this.options.busyBackoffMs ?? BUSY_BACKOFF_MS, () => (lastActivity = Date.now()));
			const stop = () => stream.abort();
			both.addEventListener('abort', stop, { once: true });
			try {
				for await (const part of stream) {
					lastActivity = Date.now();
					if (!part.message?.content) continue;
					text += part.message.content;
					if (text.length >= MAX_MESSAGE_CHARACTERS) {
						text = text.slice(0, MAX_MESSAGE_CHARACTERS);
						stream.abort();
						break;
					}
					// A model that goes on to write the learner's side has finished the partner's message: the
					// learner need not wait while it invents the rest of the conversation (a label ends in a colon).
					if (/[:：]/.test(part.message.content) && writesForLearner(text, speakers)) {
						stream.abort();
						break;
					}
					if (emitTimer === undefined) emitTimer = setTimeout(emit, Math.max(0, emitEvery - (Date.now() - lastEmit)));
				}
			} finally {
				both.removeEventListener('abort', stop);
			}
		} catch (error) {
			if (signal.aborted) throw signal.reason;
			const partial = cleanMessage(text, speakers);
			if (stuck.signal.aborted) throw new PartnerFailure(`no reply from ${this.options.model} for ${Math.round(timeoutMs / 1000)} s`, partial);
			if (overdue.signal.aborted)
				throw new PartnerFailure(
					`${this.options.model} was still writing one message after ${Math.round((timeoutMs * WHOLE_MESSAGE_TIMEOUTS) / 1000)} s`,
					partial,
				);
			if (error instanceof StillBusy)
				throw new PartnerFailure(`Ollama at ${this.options.host} is busy (its queue of requests is full); asked ${error.tries} times`, partial);
			throw new PartnerFailure(describeOllamaError(error, this.options.host, this.options.model), partial);
		} finally {
			clearTimeout(idleTimer);
			clearTimeout(wholeTimer);
			clearTimeout(emitTimer);
		}
		// The finished text goes back as the turn, not as a last live update: drawing it twice costs a frame.
		// In a scenario with audiences, a model may copy the history's "[in the group]" tag: it is not part of the message.
		const cleaned = cleanMessage(scenario.audiences ? text.replace(/^\s*\[[^\]\n]{1,80}\]\s*/, '') : text, speakers);
		const drifted = cleaned !== '' && detectDrift(cleaned, isClinicianRole(scenario.partner.role));
		if (cleaned === '' || drifted) {
			const scripted = scriptedTurn(request);
			return { ...scripted, source: 'fallback' };
		}
		// Other voices answering in the same turn say their scripted lines.
		return { text: cleaned, source: 'model', ends: guidance?.end ?? false, ...(guidance ? { beat: guidance.id, ...beatPlace(guidance) } : {}) };
	}
}
