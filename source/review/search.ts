import Fuse from 'fuse.js';
import type { CatalogEntry } from '../transcript/catalog.js';

type Searchable = { readonly entry: CatalogEntry; readonly learner: string; readonly scenario: string; readonly date: string; readonly file: string };

/**
 * Fuzzy search over the transcripts folder by learner, scenario and date ("asha rash 2026-11"): every
 * word must match somewhere. The index is built once per folder listing, on the first search.
 */
export function transcriptSearch(entries: readonly CatalogEntry[]): (query: string) => readonly CatalogEntry[] {
	let fuse: Fuse<Searchable> | undefined;
	return query => {
		const words = query.trim().split(/\s+/).filter(Boolean);
		if (words.length === 0) return entries;
		fuse ??= new Fuse(
			entries.map(entry => ({
				entry,
				learner: entry.kind === 'unreadable' ? '' : entry.learner,
				scenario: entry.kind === 'transcript' ? `${entry.scenarioTitle} ${entry.scenarioId}` : entry.kind === 'sjt' ? 'SJT practice' : '',
				date: entry.kind === 'unreadable' ? '' : entry.startedAt.slice(0, 16).replace('T', ' '),
				file: entry.file.split('/').at(-1) ?? entry.file,
			})),
			{ keys: ['learner', 'scenario', 'date', 'file'], threshold: 0.34, ignoreLocation: true, includeScore: true },
		);
		const index = fuse;
		// Each word narrows the list: an entry must match them all.
		let matching: Set<CatalogEntry> | undefined;
		for (const word of words) {
			const found = new Set(index.search(word).map(result => result.item.entry));
			matching = matching ? new Set([...matching].filter(entry => found.has(entry))) : found;
		}
		return entries.filter(entry => matching!.has(entry));
	};
}
