import type { PartnerRole } from '../scenario/schema.js';
import { PartnerFailure, type PartnerRequest, type PartnerTurn } from '../session/types.js';
import { cleanMessage, detectDrift, mayBePreamble, speakersOf, writesForLearner } from './clean.js';
import { chatMessages, isClinicianRole, type ChatMessage, type PromptTemplates } from './prompt.js';
import { beatPlace, chooseBeat, scriptedTurn } from './scripted.js';

/** The text of one reply as it streams from a model server, piece by piece; `stop` ends it early. */
export type TextStream = { readonly pieces: AsyncIterable<string>; readonly stop: () => void };

export type StreamTurnOptions = {
	readonly model: string;
	readonly templates: (role: PartnerRole) => PromptTemplates;
	/** Longest wait for the next piece of text (or any answer from the server) before the reply counts as stuck. */
	readonly timeoutMs: number;
	/** How often text is handed on while it streams: 20 times a second reads as smooth typing, and the screen is not redrawn per token. @default 50 */
	readonly emitEveryMs?: number;
	/** Starts the request; `alive` is called whenever the server answers, even with "busy, try later". */
	readonly open: (messages: readonly ChatMessage[], signal: AbortSignal, alive: () => void) => Promise<TextStream>;
	/** One line on what went wrong, in words a learner can act on. */
	readonly describe: (error: unknown) => string;
};

/**
 * The most text one message may hold, whatever the server does with its token limit: a server that
 * streams without end (a misbehaving or hostile one) is stopped here, and what came is the message.
 */
export const MAX_MESSAGE_CHARACTERS = 4000;

/** A whole message may take this many times the timeout (the longest wait for the next words). */
export const WHOLE_MESSAGE_TIMEOUTS = 3;

/**
 * One partner message from a streaming model server: guided by the beat the scripted partner would
 * have chosen, cleaned as it streams, stopped where the model starts writing the learner's side, and
 * replaced by the scripted beat when it comes back empty or out of character.
 */
export async function streamTurn(
	request: PartnerRequest,
	{ signal, onText }: { readonly signal: AbortSignal; readonly onText?: (textSoFar: string) => void },
	options: StreamTurnOptions,
): Promise<PartnerTurn> {
	const { scenario } = request;
	const speakers = speakersOf(request);
	const guidance = chooseBeat(scenario, request);
	const messages = chatMessages(request, options.templates(scenario.partner.role), guidance);
	const emitEvery = options.emitEveryMs ?? 50;
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
	const { timeoutMs } = options;
	let lastActivity = Date.now();
	const alive = () => {
		lastActivity = Date.now();
	};
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
	// The learner's Esc, the idle timeout and the deadline all stop the request, even before the first token.
	const both = AbortSignal.any([signal, stuck.signal, overdue.signal]);
	try {
		const stream = await options.open(messages, both, alive);
		both.addEventListener('abort', stream.stop, { once: true });
		try {
			for await (const piece of stream.pieces) {
				alive();
				if (!piece) continue;
				text += piece;
				if (text.length >= MAX_MESSAGE_CHARACTERS) {
					text = text.slice(0, MAX_MESSAGE_CHARACTERS);
					stream.stop();
					break;
				}
				// A model that goes on to write the learner's side has finished the partner's message: the
				// learner need not wait while it invents the rest of the conversation (a label ends in a colon).
				if (/[:：]/.test(piece) && writesForLearner(text, speakers)) {
					stream.stop();
					break;
				}
				if (emitTimer === undefined) emitTimer = setTimeout(emit, Math.max(0, emitEvery - (Date.now() - lastEmit)));
			}
		} finally {
			both.removeEventListener('abort', stream.stop);
		}
	} catch (error) {
		if (signal.aborted) throw signal.reason;
		const partial = cleanMessage(text, speakers);
		if (stuck.signal.aborted) throw new PartnerFailure(`no reply from ${options.model} for ${Math.round(timeoutMs / 1000)} s`, partial);
		if (overdue.signal.aborted)
			throw new PartnerFailure(`${options.model} was still writing one message after ${Math.round((timeoutMs * WHOLE_MESSAGE_TIMEOUTS) / 1000)} s`, partial);
		throw new PartnerFailure(options.describe(error), partial);
	} finally {
		clearTimeout(idleTimer);
		clearTimeout(wholeTimer);
		clearTimeout(emitTimer);
	}
	// The finished text goes back as the turn, not as a last live update: drawing it twice costs a frame.
	// In a scenario with audiences, a model may copy the history's "[in the group]" tag: it is not part of the message.
	const cleaned = cleanMessage(scenario.audiences ? text.replace(/^\s*\[[^\]\n]{1,80}\]\s*/, '') : text, speakers);
	const drifted = cleaned !== '' && detectDrift(cleaned, isClinicianRole(scenario.partner.role));
	if (cleaned === '' || drifted) return { ...scriptedTurn(request), source: 'fallback' };
	// Other voices answering in the same turn say their scripted lines.
	return { text: cleaned, source: 'model', ends: guidance?.end ?? false, ...(guidance ? { beat: guidance.id, ...beatPlace(guidance) } : {}) };
}
