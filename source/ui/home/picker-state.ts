import type { LoadedScenario } from '../../library/scenario-files.js';
import { searchScenarios } from '../../scenario/search.js';
import { windowAround } from '../list-window.js';

/** The scenario picker: what has been typed, what matches, which is highlighted. */
export type PickerState = {
	readonly query: string;
	readonly results: readonly LoadedScenario[];
	readonly selected: number;
};

export type PickerAction = { readonly type: 'search'; readonly query: string } | { readonly type: 'up' } | { readonly type: 'down' };

export function initialPicker(scenarios: readonly LoadedScenario[]): PickerState {
	return { query: '', results: searchScenarios(scenarios, ''), selected: 0 };
}

export function reducePicker(scenarios: readonly LoadedScenario[]) {
	return (state: PickerState, action: PickerAction): PickerState => {
		switch (action.type) {
			case 'search':
				return { query: action.query, results: searchScenarios(scenarios, action.query), selected: 0 };
			case 'up':
				return { ...state, selected: Math.max(0, state.selected - 1) };
			case 'down':
				return { ...state, selected: Math.min(state.results.length - 1, state.selected + 1) };
		}
	};
}

/** The slice of results to show: `size` rows, keeping the highlighted one in view. */
export function visibleWindow(state: PickerState, size: number): { start: number; items: readonly LoadedScenario[] } {
	return windowAround(state.results, state.selected, size);
}
