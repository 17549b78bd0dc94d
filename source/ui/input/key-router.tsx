import { useInput, type Key } from 'ink';
import { splitAtControlKeys } from '../keys.js';
import React, { createContext, useContext, useLayoutEffect, useRef, type ReactNode } from 'react';

type Handler = (input: string, key: Key) => void;
type Listeners = Set<{ current: Handler }>;

const KeyRouterContext = createContext<Listeners | undefined>(undefined);

/**
 * Receives every key once, at the root, and hands it to the components listening now. Ink's own
 * useInput attaches and detaches listeners after a frame is drawn, so for a moment after a screen
 * changes the old screen still hears keys and the new one does not: a burst of typing or a paste
 * would go to the wrong place. Listeners here change within the commit itself.
 */
export function KeyRouter({ children }: { readonly children: ReactNode }) {
	const listeners = useRef<Listeners>(new Set()).current;
	useInput((burst, burstKey) => {
		for (const [input, key] of splitAtControlKeys(burst, burstKey)) {
			for (const listener of [...listeners]) if (listeners.has(listener)) listener.current(input, key);
		}
	});
	return <KeyRouterContext.Provider value={listeners}>{children}</KeyRouterContext.Provider>;
}

/** Like Ink's useInput, through the KeyRouter when there is one (and Ink's own otherwise). */
export function useKeys(handler: Handler, { isActive = true }: { readonly isActive?: boolean } = {}): void {
	const listeners = useContext(KeyRouterContext);
	const latest = useRef(handler);
	// The newest closure runs: updated at render, so it sees the state that render drew.
	latest.current = handler;
	useLayoutEffect(() => {
		if (!isActive || !listeners) return;
		listeners.add(latest);
		return () => {
			listeners.delete(latest);
		};
	}, [isActive, listeners]);
	useInput((input, key) => latest.current(input, key), { isActive: isActive && !listeners });
}
