import type { PartnerRole } from '../scenario/schema.js';
import type { Partner, PartnerInfo, PartnerRequest, PartnerTurn } from '../session/types.js';
import { ollamaClient } from './ollama-client.js';
import { describeOllamaError, isBusy } from './ollama-errors.js';
import type { ChatMessage, PromptTemplates } from './prompt.js';
import { streamTurn, type TextStream } from './stream-turn.js';

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

	respond(request: PartnerRequest, turn: { readonly signal: AbortSignal; readonly onText?: (textSoFar: string) => void }): Promise<PartnerTurn> {
		const { model, host, timeoutMs } = this.options;
		return streamTurn(request, turn, {
			model,
			templates: this.options.templates,
			timeoutMs,
			...(this.options.emitEveryMs === undefined ? {} : { emitEveryMs: this.options.emitEveryMs }),
			describe: error =>
				error instanceof StillBusy
					? `Ollama at ${host} is busy (its queue of requests is full); asked ${error.tries} times`
					: describeOllamaError(error, host, model),
			open: (messages, signal, alive) => this.open(messages, signal, alive),
		});
	}

	private async open(messages: readonly ChatMessage[], signal: AbortSignal, alive: () => void): Promise<TextStream> {
		// A fetch joined to this turn's signal: the client's own abort only reaches an open stream.
		const client = await ollamaClient({
			host: this.options.host,
			fetch: (url, init) => fetch(url, { ...init, signal: init?.signal ? AbortSignal.any([init.signal, signal]) : signal }),
		});
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
		const stream = await askUntilNotBusy(ask, signal, this.options.busyBackoffMs ?? BUSY_BACKOFF_MS, alive);
		return {
			stop: () => stream.abort(),
			pieces: (async function* () {
				for await (const part of stream) yield part.message?.content ?? '';
			})(),
		};
	}
}
