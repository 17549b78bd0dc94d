// Run by the build: validates the bundled library the slow way and writes what passed to
// dist/scenario-cache.json, so the CLI can skip YAML and schema work for files whose bytes match.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { criteriaKey, serialiseLibraryCache, type CacheEntry } from '../source/library/scenario-cache.js';
import { formatDiagnostic } from '../source/scenario/diagnostic.js';
import { CACHE_FILE, loadScenarios, packageRoot } from '../source/library/scenario-files.js';

const root = packageRoot();
const library = await loadScenarios(join(root, 'scenarios'));
const entries = new Map<string, CacheEntry>();
if ('criteria' in library) {
	entries.set(criteriaKey(library.criteria.text), { kind: 'criteria', value: library.criteria.library });
	for (const loaded of library.scenarios) {
		entries.set(loaded.contentHash, { kind: 'scenario', value: loaded.scenario, idPosition: loaded.idPosition });
	}
}
for (const error of library.errors) console.warn(`warning (left out of the cache): ${formatDiagnostic(error)}`);
writeFileSync(join(root, 'dist', CACHE_FILE), serialiseLibraryCache(entries));
