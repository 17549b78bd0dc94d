import { existsSync, readdirSync, statSync } from 'node:fs';
import { readRegularFile, YAML_LIMIT } from '../read-regular.js';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { criteriaKey, readLibraryCache, scenarioKey, type LibraryCache } from './scenario-cache.js';
import type { Diagnostic } from '../scenario/diagnostic.js';
import type { CriteriaLibrary, Scenario } from '../scenario/schema.js';

export const CRITERIA_FILE = 'criteria.yaml';

/** A scenario as loaded: where it came from and a hash of everything that scores it. */
export type LoadedScenario = {
	readonly scenario: Scenario;
	readonly file: string;
	/** sha256 of the criteria library and the scenario file: changes whenever its rubric could. */
	readonly contentHash: string;
	readonly idPosition: { readonly line: number; readonly column: number };
};

export type LoadedCriteria = { readonly library: CriteriaLibrary; readonly file: string; readonly text: string };

export type LoadResult<T> = { readonly value?: T; readonly errors: readonly Diagnostic[] };

/** Where parsed files may come from without parsing: the cache `npm run build` writes. */
export type LoadOptions = { readonly cache?: LibraryCache };

/** The folder this package was installed in (it holds scenarios/ and prompts/). */
export function packageRoot(): string {
	let directory = dirname(fileURLToPath(import.meta.url));
	while (!existsSync(join(directory, 'package.json')) || !existsSync(join(directory, 'scenarios'))) {
		const parent = dirname(directory);
		if (parent === directory) throw new Error('postsafe: cannot find its own scenarios folder');
		directory = parent;
	}
	return directory;
}

/** The scenario library to use: --scenarios, then POSTSAFE_SCENARIOS, then the bundled one. */
export function scenarioDirectory(option?: string): string {
	return resolve(option ?? process.env.POSTSAFE_SCENARIOS ?? join(packageRoot(), 'scenarios'));
}

export const CACHE_FILE = 'scenario-cache.json';

/** The cache of the bundled library, written by the build next to the program. */
export function bundledCache(): LibraryCache {
	return readLibraryCache(join(packageRoot(), 'dist', CACHE_FILE));
}

/** Shown in messages: relative to where the user is, when that is shorter. */
export function displayName(file: string): string {
	const relativeName = relative(process.cwd(), file);
	return relativeName && !relativeName.startsWith('..') && relativeName.length < file.length ? relativeName : file;
}

/** A YAML file's text; a named pipe, a device or a file over YAML_LIMIT is a diagnostic, never read. */
export function readText(file: string): { text?: string; errors: Diagnostic[] } {
	const read = readRegularFile(file, YAML_LIMIT, 'YAML file');
	if ('reason' in read) return { errors: [{ file: displayName(file), line: 1, column: 1, message: read.reason }] };
	return { text: read.text, errors: [] };
}

export async function loadCriteria(file: string, options: LoadOptions = {}): Promise<LoadResult<LoadedCriteria>> {
	const { text, errors } = readText(file);
	if (text === undefined) return { errors };
	const cached = options.cache?.get(criteriaKey(text));
	if (cached?.kind === 'criteria') return { value: { library: cached.value, file, text }, errors: [] };
	const { parseCriteriaText } = await import('../scenario/parse.js');
	const parsed = parseCriteriaText(displayName(file), text);
	return parsed.value ? { value: { library: parsed.value, file, text }, errors: [] } : { errors: parsed.errors };
}

export async function loadScenarioFile(file: string, criteria: LoadedCriteria, options: LoadOptions = {}): Promise<LoadResult<LoadedScenario>> {
	const { text, errors } = readText(file);
	if (text === undefined) return { errors };
	const contentHash = scenarioKey(criteria.text, text);
	const cached = options.cache?.get(contentHash);
	if (cached?.kind === 'scenario') return { value: { scenario: cached.value, file, contentHash, idPosition: cached.idPosition }, errors: [] };
	const { parseScenarioText } = await import('../scenario/parse.js');
	const parsed = parseScenarioText(displayName(file), text, criteria.library);
	if (!parsed.value) return { errors: parsed.errors };
	return { value: { scenario: parsed.value.scenario, file, contentHash, idPosition: parsed.value.idPosition }, errors: [] };
}

/** Scenario files in a folder: every .yaml/.yml except the criteria library. */
export function scenarioFiles(directory: string): string[] {
	return readdirSync(directory)
		.filter(name => /\.ya?ml$/.test(name) && name !== CRITERIA_FILE)
		.sort()
		.map(name => join(directory, name));
}

/** Files that reuse an id, each pointing at the first use. */
export function duplicateIdErrors<T extends { readonly file: string; readonly idPosition: { readonly line: number; readonly column: number } }>(
	items: readonly T[],
	idOf: (item: T) => string = item => (item as unknown as LoadedScenario).scenario.id,
): Diagnostic[] {
	const firstSeen = new Map<string, T>();
	return items.flatMap(item => {
		const id = idOf(item);
		const first = firstSeen.get(id);
		if (!first) {
			firstSeen.set(id, item);
			return [];
		}
		return [
			{
				file: displayName(item.file),
				...item.idPosition,
				message: `id: duplicate id "${id}" (first defined at ${displayName(first.file)}:${first.idPosition.line}:${first.idPosition.column})`,
			},
		];
	});
}

export type ScenarioLibrary = {
	readonly criteria: LoadedCriteria;
	readonly scenarios: readonly LoadedScenario[];
	readonly errors: readonly Diagnostic[];
};

/**
 * Loads the criteria library and scenario files. A broken file is reported and skipped; the rest load.
 * Duplicate ids are errors, and only the first of them is kept.
 */
export async function loadScenarios(
	directory: string,
	options: LoadOptions = {},
	files: readonly string[] = scenarioFiles(directory),
): Promise<ScenarioLibrary | { errors: readonly Diagnostic[] }> {
	const criteria = await loadCriteria(join(directory, CRITERIA_FILE), options);
	if (!criteria.value) return { errors: criteria.errors };
	const errors: Diagnostic[] = [];
	const loaded: LoadedScenario[] = [];
	for (const file of files) {
		const result = await loadScenarioFile(file, criteria.value, options);
		errors.push(...result.errors);
		if (result.value) loaded.push(result.value);
	}
	const duplicates = duplicateIdErrors(loaded);
	const scenarios = loaded.filter((item, index) => loaded.findIndex(other => other.scenario.id === item.scenario.id) === index);
	return { criteria: criteria.value, scenarios, errors: [...errors, ...duplicates] };
}

/**
 * Loads one scenario by id. Tries "<id>.yaml" first so scoring one reply reads two files, not the whole
 * library; falls back to every file when the names don't follow the id.
 */
export async function loadScenarioById(
	directory: string,
	id: string,
	options: LoadOptions = {},
): Promise<{ library: ScenarioLibrary; scenario?: LoadedScenario } | { errors: readonly Diagnostic[] }> {
	const guess = join(directory, `${id}.yaml`);
	if (existsSync(guess) && statSync(guess).isFile()) {
		const library = await loadScenarios(directory, options, [guess]);
		if (!('criteria' in library)) return library;
		const scenario = library.scenarios.find(item => item.scenario.id === id);
		if (scenario || library.errors.length > 0) return { library, scenario };
	}
	const library = await loadScenarios(directory, options);
	if (!('criteria' in library)) return library;
	return { library, scenario: library.scenarios.find(item => item.scenario.id === id) };
}

export function isCriteriaFile(file: string): boolean {
	return basename(file) === CRITERIA_FILE;
}
