import { setTimeout } from 'node:timers/promises';
import { countsIn, findAudience } from '../scenario/audiences.js';
import { fallbackBeat } from '../scenario/beats.js';
import type { Beat, Scenario } from '../scenario/schema.js';
import type { Partner, PartnerInfo, PartnerRequest, PartnerTurn } from '../session/types.js';

/**
 * The scripted partner's choice: the first unused beat, in file order, whose condition holds for the
 * last reply (the red flags it raised, the criteria it met) and the conversation so far (the criteria
 * met or still missed and, in an interview, the structure steps still missed). When none is left, the
 * fallback (a beat with no condition that does not end) is said again, as a person asks again when
 * they still have no answer. Same replies, same beats, every time.
 */
export function chooseBeat(scenario: Scenario, request: Pick<PartnerRequest, 'lastOutcome' | 'metSoFar' | 'stepsSoFar' | 'usedBeats'>): Beat | undefined {
	const { lastOutcome, metSoFar, stepsSoFar, usedBeats } = request;
	const fresh = scenario.beats.find(beat => {
		if (usedBeats.includes(beat.id)) return false;
		const when = beat.when;
		if (!when) return true;
		if (when.redFlags && !when.redFlags.some(flag => lastOutcome.redFlags.includes(flag))) return false;
		if (when.met && !when.met.every(criterion => lastOutcome.met.includes(criterion))) return false;
		if (when.metAny && !when.metAny.some(criterion => lastOutcome.met.includes(criterion))) return false;
		if (when.metSoFar && !when.metSoFar.every(criterion => metSoFar.includes(criterion))) return false;
		if (when.missed && when.missed.some(criterion => metSoFar.includes(criterion))) return false;
		if (when.missedSteps && when.missedSteps.some(step => stepsSoFar.includes(step))) return false;
		if (when.in && !countsIn(when.in, findAudience(scenario, lastOutcome.audience))) return false;
		return true;
	});
	return fresh ?? fallbackBeat(scenario);
}

/** The scripted turn for a request: the chosen beat, or the end of the conversation when none is left. */
export function scriptedTurn(request: PartnerRequest): PartnerTurn {
	const beat = chooseBeat(request.scenario, request);
	if (!beat) return { text: '', source: 'script', ends: true };
	return { text: beat.say, source: 'script', beat: beat.id, ends: beat.end, ...beatPlace(beat) };
}

/** Who says a beat, where, and who answers with them: what a turn carries beside its text. */
export function beatPlace(beat: Beat): Pick<PartnerTurn, 'voice' | 'audience' | 'also'> {
	return {
		...(beat.voice === undefined ? {} : { voice: beat.voice }),
		...(beat.audience === undefined ? {} : { audience: beat.audience }),
		...(beat.also === undefined
			? {}
			: { also: beat.also.map(said => ({ text: said.say, voice: said.voice, ...(said.audience === undefined ? {} : { audience: said.audience }) })) }),
	};
}

const SCRIPTED_INFO: PartnerInfo = { kind: 'scripted', model: null, host: null, seed: null };

/**
 * Plays the other party from the scenario's beats, with no model. `typingMs` paces it like a person
 * typing (per character, capped), so the typing indicator shows in the terminal; tests use 0.
 */
export class ScriptedPartner implements Partner {
	readonly info = SCRIPTED_INFO;

	constructor(private readonly pace: { readonly msPerCharacter: number; readonly maxMs: number } = { msPerCharacter: 0, maxMs: 0 }) {}

	async respond(request: PartnerRequest, options: { readonly signal: AbortSignal }): Promise<PartnerTurn> {
		const turn = scriptedTurn(request);
		const delay = Math.min(this.pace.maxMs, turn.text.length * this.pace.msPerCharacter);
		if (delay > 0) await setTimeout(delay, undefined, { signal: options.signal });
		return turn;
	}
}
