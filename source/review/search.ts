import Fuse from 'fuse.js';
import type { CatalogEntry } from '../transcript/catalog.js';

type Searchable = { readonly entry: CatalogEntry; readonly learner: string; readonly scenario: string; readonly date: string; readonly file: string };

const KEYS = ['learner', 'scenario', 'date', 'file'] as const;

function searchable(entry: CatalogEntry): Searchable {
	return {
		entry,
		learner: entry.kind === 'unreadable' ? '' : entry.learner,
		scenario: entry.kind === 'transcript' ? `${entry.scenarioTitle} ${entry.scenarioId}` : entry.kind === 'sjt' ? 'SJT practice' : '',
		date: entry.kind === 'unreadable' ? '' : entry.startedAt.slice(0, 16).replace('T', ' '),
		file: entry.file.split('/').at(-1) ?? entry.file,
	};
}

/**
 * Search over the transcripts folder by learner, scenario and date ("asha rash 2026-11"): every word
 * must match somewhere. A word found as written matches only where it is written, so "ben" finds Ben
 * and not every "patient"; a word found nowhere is read as a typo and matched fuzzily ("ashs"). The
 * index is built once per folder listing, on the first search.
 */
export function transcriptSearch(entries: readonly CatalogEntry[]): (query: string) => readonly CatalogEntry[] {
	let rows: readonly Searchable[] | undefined;
	let fuse: Fuse<Searchable> | undefined;
	return query => {
		const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
		if (words.length === 0) return entries;
		rows ??= entries.map(searchable);
		const all = rows;
		// Each word narrows the list: an entry must match them all.
		let matching: Set<CatalogEntry> | undefined;
		for (const word of words) {
			let found = new Set(all.filter(row => KEYS.some(key => row[key].toLowerCase().includes(word))).map(row => row.entry));
			if (found.size === 0) {
				fuse ??= new Fuse(all, { keys: [...KEYS], threshold: 0.25, ignoreLocation: true });
				found = new Set(fuse.search(word).map(result => result.item.entry));
			}
			matching = matching ? new Set([...matching].filter(entry => found.has(entry))) : found;
		}
		return entries.filter(entry => matching!.has(entry));
	};
}
