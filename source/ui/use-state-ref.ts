import { useRef, useState } from 'react';

/**
 * State whose latest value key handlers can read at once. Ink attaches a new input handler only after
 * the next frame is drawn, so a key pressed in between would meet the old handler and stale state.
 */
export function useStateRef<T>(initial: T): [T, (value: T) => void, { readonly current: T }] {
	const [value, setValue] = useState(initial);
	const ref = useRef(initial);
	const set = (next: T) => {
		ref.current = next;
		setValue(next);
	};
	return [value, set, ref];
}

/** A reducer whose latest state key handlers can read at once (see useStateRef). */
export function useReducerRef<S, A>(reducer: (state: S, action: A) => S, initial: S): [S, (action: A) => void, { readonly current: S }] {
	const [state, setState, ref] = useStateRef(initial);
	const dispatch = (action: A) => setState(reducer(ref.current, action));
	return [state, dispatch, ref];
}
