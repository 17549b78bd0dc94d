import { useMemo, useSyncExternalStore } from 'react';
import { coachHint } from '../../session/coach.js';
import type { SessionController } from '../../session/controller.js';
import type { SessionState } from '../../session/types.js';
import type { HistoryItem } from '../history.js';

/** A conversation's finished messages as history: each built once, each reply followed by its coach hint. */
export type SessionHistory = {
	readonly controller: SessionController;
	/** The items for the conversation as it stands. */
	readonly itemsOf: (state: SessionState) => readonly HistoryItem[];
};

export function sessionHistory(controller: SessionController, { keyPrefix, coach, learner }: { keyPrefix: string; coach: boolean; learner: string }): SessionHistory {
	const built = new Map<number, readonly HistoryItem[]>();
	const itemsOf = (state: SessionState) =>
		state.messages.flatMap((message, index) => {
			let items = built.get(message.id);
			if (!items) {
				const bubble: HistoryItem = { kind: 'message', key: `${keyPrefix}-message-${message.id}`, scenario: state.scenario, message };
				// The hint is on the conversation as it stood after this reply, never on later turns.
				const hint = coach && message.kind === 'learner' ? coachHint({ ...state, messages: state.messages.slice(0, index + 1) }, learner) : undefined;
				items = hint ? [bubble, { kind: 'hint', key: `${keyPrefix}-hint-${message.id}`, text: hint }] : [bubble];
				built.set(message.id, items);
			}
			return items;
		});
	return { controller, itemsOf };
}

const NO_ITEMS: readonly HistoryItem[] = [];
const noSubscription = () => () => {};

/**
 * The items of the conversation on screen, kept up to date with it. Drawn in the same frame as the
 * rest of the change (a finished message appears as its live bubble goes), not one frame later.
 */
export function useSessionHistory(history: SessionHistory | undefined): readonly HistoryItem[] {
	const state = useSyncExternalStore(history ? listener => history.controller.subscribe(listener) : noSubscription, () => history?.controller.current);
	const messages = state?.messages;
	return useMemo(() => (history && state ? history.itemsOf(state) : NO_ITEMS), [history, messages]);
}
