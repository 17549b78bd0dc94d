import Fuse from 'fuse.js';
import type { LoadedScenario } from '../library/scenario-files.js';

/** Fuzzy search over id, title, topics, summary and who messages; an empty query lists everything by id. */
export function searchScenarios(scenarios: readonly LoadedScenario[], query: string): LoadedScenario[] {
	const trimmed = query.trim();
	if (trimmed === '') return [...scenarios].sort((a, b) => a.scenario.id.localeCompare(b.scenario.id));
	const fuse = new Fuse(scenarios, {
		keys: [
			{ name: 'scenario.id', weight: 3 },
			{ name: 'scenario.title', weight: 3 },
			{ name: 'scenario.topics', weight: 2 },
			{ name: 'scenario.summary', weight: 1 },
			{ name: 'scenario.partner.name', weight: 1 },
			{ name: 'scenario.channel', weight: 1 },
		],
		threshold: 0.35,
		ignoreLocation: true,
	});
	return fuse.search(trimmed).map(result => result.item);
}

export function findScenario(scenarios: readonly LoadedScenario[], id: string): LoadedScenario | undefined {
	return scenarios.find(loaded => loaded.scenario.id === id);
}
