import type { Key } from 'ink';
import { defaultAudience, findAudience, stepAudience } from '../../scenario/audiences.js';
import type { Audience, Scenario } from '../../scenario/schema.js';
import { useStateRef } from '../use-state-ref.js';

export type AudienceChoice = {
	/** Where the next reply goes; undefined in a one-thread scenario. */
	readonly chosen: Audience | undefined;
	/** The same, read at once by a key handler or a submit. */
	readonly current: { readonly current: string | undefined };
	/** Tab, Shift+Tab, or ← → while nothing is typed: moves to the next audience and says it did. */
	readonly handleKey: (key: Key, inputEmpty: boolean) => boolean;
};

/** Where the learner's reply goes, in a scenario with audiences: the first, until Tab (or ← → with nothing typed) moves it. */
export function useAudience(scenario: Scenario): AudienceChoice {
	const [audience, setAudience, current] = useStateRef(defaultAudience(scenario)?.id);
	const handleKey = (key: Key, inputEmpty: boolean) => {
		if (!scenario.audiences || key.ctrl || key.meta) return false;
		if (!key.tab && !((key.leftArrow || key.rightArrow) && inputEmpty)) return false;
		setAudience(stepAudience(scenario, current.current, (key.tab && !key.shift) || key.rightArrow ? 1 : -1));
		return true;
	};
	return { chosen: findAudience(scenario, audience), current, handleKey };
}
