import type { Beat, Scenario } from './schema.js';

/** The beat said when no other fits: unconditional and not an ending. A role-play must have one. */
export function fallbackBeat(scenario: Scenario): Beat | undefined {
	return scenario.beats.find(beat => beat.when === undefined && !beat.end);
}
