import { coachHintAfter } from '../../session/coach.js';
import type { SessionController } from '../../session/controller.js';
import type { SessionState } from '../../session/types.js';
import type { PrintedItem } from './printed-text.js';
import { sceneTime } from './time.js';

/** A conversation to print as it goes: its header, then each finished message, each reply followed by its coach hint. */
export type SessionHistory = {
	readonly controller: SessionController;
	/** What has not been printed yet, in order; each item is handed out once. */
	readonly takeNew: (state: SessionState) => readonly PrintedItem[];
};

export function sessionHistory(controller: SessionController, { coach, learner }: { coach: boolean; learner: string }): SessionHistory {
	let headerTaken = false;
	const taken = new Set<number>();
	const takeNew = (state: SessionState) => {
		const items: PrintedItem[] = headerTaken ? [] : [{ kind: 'header', scenario: state.scenario, learner, turns: state.turnLimit }];
		headerTaken = true;
		state.messages.forEach((message, index) => {
			if (taken.has(message.id)) return;
			taken.add(message.id);
			items.push({ kind: 'message', scenario: state.scenario, message, time: sceneTime(state.scenario.setting, state.startedAt, message.time) });
			const hint = coach ? coachHintAfter(state, index) : undefined;
			if (hint) items.push({ kind: 'hint', text: hint });
		});
		return items;
	};
	return { controller, takeNew };
}
