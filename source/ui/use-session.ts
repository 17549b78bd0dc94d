import { useSyncExternalStore } from 'react';
import type { SessionController } from '../session/controller.js';
import type { SessionState } from '../session/types.js';

/** The session's state, re-rendering on every change. */
export function useSession(controller: SessionController): SessionState {
	return useSyncExternalStore(
		listener => controller.subscribe(listener),
		() => controller.current,
	);
}
