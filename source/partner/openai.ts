import type { PartnerRole } from '../scenario/schema.js';
import type { Partner, PartnerInfo, PartnerRequest, PartnerTurn } from '../session/types.js';
import { MAX_TOKENS } from './ollama.js';
import { openAiClient, type OpenAiServer } from './openai-client.js';
import { describeOpenAiError, isBusy } from './openai-errors.js';
import type { PromptTemplates } from './prompt.js';
import { backoffMs, pause, retryAfterMs } from './retry-after.js';
import { streamTurn, type TextStream } from './stream-turn.js';

export type OpenAiPartnerOptions = OpenAiServer & {
	readonly model: string;
	/** One seed for the whole session, recorded in the transcript (servers that honour it replay the session). */
	readonly seed: number;
	readonly temperature?: number;
	/** Longest wait for the next piece of text before the reply counts as stuck; also the longest a busy server is waited for. */
	readonly timeoutMs: number;
	readonly templates: (role: PartnerRole) => PromptTemplates;
	/** @default 50 */
	readonly emitEveryMs?: number;
	/** Called each time the server says it is busy and postsafe waits before asking again (the load bench counts them). */
	readonly onBusy?: (waitMs: number, status: number) => void;
};

/**
 * A model behind an OpenAI-compatible API (vLLM, llama.cpp's server, LM Studio, Ollama's /v1) plays the
 * other party: the same prompts, cleaning, fallback and time limit as the Ollama partner, streamed from
 * /v1/chat/completions. A server that is full (503) or rate-limiting (429) is asked again after the wait
 * it gives in Retry-After, else a doubling one, until the time limit; then the turn fails and the
 * session goes on with the scripted partner.
 */
export class OpenAiPartner implements Partner {
	readonly info: PartnerInfo;

	constructor(private readonly options: OpenAiPartnerOptions) {
		this.info = { kind: 'openai', model: options.model, host: options.baseUrl, seed: options.seed };
	}

	respond(request: PartnerRequest, turn: { readonly signal: AbortSignal; readonly onText?: (textSoFar: string) => void }): Promise<PartnerTurn> {
		const { model, baseUrl, timeoutMs } = this.options;
		return streamTurn(request, turn, {
			model,
			templates: this.options.templates,
			timeoutMs,
			...(this.options.emitEveryMs === undefined ? {} : { emitEveryMs: this.options.emitEveryMs }),
			describe: error => describeOpenAiError(error, baseUrl, model),
			open: (messages, signal, alive) => this.open(messages, signal, alive),
		});
	}

	private async open(messages: Parameters<Parameters<typeof streamTurn>[2]['open']>[0], signal: AbortSignal, alive: () => void): Promise<TextStream> {
		const client = await openAiClient(this.options);
		const busySince = Date.now();
		for (let attempt = 0; ; attempt++) {
			try {
				const stream = await client.chat.completions.create(
					{
						model: this.options.model,
						messages: messages.map(message => ({ role: message.role, content: message.content })),
						stream: true,
						seed: this.options.seed,
						max_tokens: MAX_TOKENS,
						...(this.options.temperature === undefined ? {} : { temperature: this.options.temperature }),
					},
					{ signal },
				);
				return {
					stop: () => stream.controller.abort(),
					pieces: (async function* () {
						for await (const chunk of stream) yield chunk.choices[0]?.delta?.content ?? '';
					})(),
				};
			} catch (error) {
				if (signal.aborted || !isBusy(error)) throw error;
				const wait = backoffMs(attempt, retryAfterMs((error as { headers?: Headers }).headers));
				// Waited as long as a stuck reply would be: the scripted partner carries on instead.
				if (Date.now() - busySince + wait > this.options.timeoutMs) throw error;
				this.options.onBusy?.(wait, (error as { status: number }).status);
				alive();
				await pause(wait, signal);
				alive();
			}
		}
	}
}
