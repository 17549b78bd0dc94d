import { UserError } from '../cli/user-error.js';
import { formatDiagnostic } from '../scenario/diagnostic.js';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
	bundledCache,
	CRITERIA_FILE,
	packageRoot,
	loadScenarioById,
	loadScenarios,
	scenarioDirectory,
	type LoadedScenario,
	type ScenarioLibrary,
} from '../library/scenario-files.js';
import { isDirectory } from './is-directory.js';
import { editDistance } from '../rubric/fuzzy.js';

/**
 * The scenario library folder, checked: one that is not there, or has no criteria.yaml (which every
 * scenario scores against), is refused in one line that says how to mend it (exit 2).
 */
export function libraryFolder(directoryOption?: string): string {
	const directory = scenarioDirectory(directoryOption);
	if (!isDirectory(directory))
		throw new UserError(
			`no scenario library at ${directory}: give --scenarios (or POSTSAFE_SCENARIOS) a folder of scenario files, or leave it out for the built-in library`,
			2,
		);
	if (!existsSync(join(directory, CRITERIA_FILE))) {
		const builtIn = join(packageRoot(), 'scenarios', CRITERIA_FILE);
		throw new UserError(
			`${directory} has no ${CRITERIA_FILE}: a scenario library needs one (the criteria its scenarios score); start from the built-in library's: cp ${builtIn} ${directory}/`,
			2,
		);
	}
	return directory;
}

/** Loads the scenario library; broken scenario files are skipped with a one-line warning each. */
export async function openLibrary(directoryOption?: string, warn = (line: string) => process.stderr.write(`${line}\n`)): Promise<ScenarioLibrary> {
	const directory = libraryFolder(directoryOption);
	const library = await loadScenarios(directory, { cache: bundledCache() });
	if (!('criteria' in library)) throw new UserError(library.errors.map(formatDiagnostic).join('\n'));
	for (const error of library.errors) warn(`warning: ${formatDiagnostic(error)}`);
	return library;
}

/** A wrong command line (exit 2): an id that names no scenario, with the closest one, or none given. */
function unknownScenario(id: string, known: readonly LoadedScenario[]): UserError {
	if (id.trim() === '') return new UserError('no scenario id given: run `postsafe list` to see them all.', 2);
	// Only an id close to what was typed (a slip of the keys), never whatever the search ranks first.
	const limit = Math.max(2, Math.floor(id.length / 4));
	const suggestion = known
		.map(loaded => ({ id: loaded.scenario.id, distance: editDistance(id.toLowerCase(), loaded.scenario.id, limit) }))
		.filter(candidate => candidate.distance <= limit)
		.sort((a, b) => a.distance - b.distance)[0];
	const hint = suggestion ? ` Did you mean "${suggestion.id}"?` : '';
	return new UserError(`unknown scenario "${id}".${hint} Run \`postsafe list\` to see them all.`, 2);
}

/** Loads one scenario by id, reading as little as possible; an unknown id names the closest match. */
export async function openScenario(id: string, directoryOption?: string): Promise<{ library: ScenarioLibrary; loaded: LoadedScenario }> {
	const result = await loadScenarioById(libraryFolder(directoryOption), id, { cache: bundledCache() });
	if (!('library' in result)) throw new UserError(result.errors.map(formatDiagnostic).join('\n'));
	const { library, scenario } = result;
	if (scenario) return { library, loaded: scenario };
	const ownErrors = library.errors.filter(error => error.file.endsWith(`${id}.yaml`));
	if (ownErrors.length > 0) throw new UserError(ownErrors.map(formatDiagnostic).join('\n'));
	throw unknownScenario(id, library.scenarios);
}

export function requireScenario(library: ScenarioLibrary, id: string): LoadedScenario {
	const loaded = library.scenarios.find(item => item.scenario.id === id);
	if (!loaded) throw unknownScenario(id, library.scenarios);
	return loaded;
}
