import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Position } from '../scenario/parse.js';
import type { CriteriaLibrary, Scenario } from '../scenario/schema.js';

/**
 * Parsed, validated library files keyed by the sha256 of their bytes (a scenario's key also covers the
 * criteria library it was checked against). `npm run build` writes one for the bundled library; a file
 * whose bytes match skips YAML, schema and checks, and any other file takes the full path.
 */
export type CacheEntry =
	{ readonly kind: 'criteria'; readonly value: CriteriaLibrary } | { readonly kind: 'scenario'; readonly value: Scenario; readonly idPosition: Position };

export type LibraryCache = ReadonlyMap<string, CacheEntry>;

export const CACHE_VERSION = 1;

export function criteriaKey(criteriaText: string): string {
	return createHash('sha256').update(criteriaText).digest('hex');
}

/** Also the transcript's content hash: it changes whenever anything that scores the scenario does. */
export function scenarioKey(criteriaText: string, scenarioText: string): string {
	return createHash('sha256').update(criteriaText).update('\0').update(scenarioText).digest('hex');
}

/** Reads a cache file; a missing, corrupt or older-version file is simply an empty cache. */
export function readLibraryCache(file: string): LibraryCache {
	try {
		const parsed = JSON.parse(readFileSync(file, 'utf8')) as { version?: number; entries?: Record<string, CacheEntry> };
		if (parsed.version !== CACHE_VERSION || !parsed.entries) return new Map();
		return new Map(Object.entries(parsed.entries));
	} catch {
		return new Map();
	}
}

export function serialiseLibraryCache(entries: ReadonlyMap<string, CacheEntry>): string {
	return JSON.stringify({ version: CACHE_VERSION, entries: Object.fromEntries(entries) });
}
