import { UserError } from '../cli/user-error.js';
import { formatDiagnostic } from '../scenario/diagnostic.js';
import { bundledCache, loadScenarioById, loadScenarios, scenarioDirectory, type LoadedScenario, type ScenarioLibrary } from '../scenario/files.js';
import { searchScenarios } from '../scenario/search.js';

/** Loads the scenario library; broken scenario files are skipped with a one-line warning each. */
export async function openLibrary(directoryOption?: string, warn = (line: string) => process.stderr.write(`${line}\n`)): Promise<ScenarioLibrary> {
	const directory = scenarioDirectory(directoryOption);
	const library = await loadScenarios(directory, { cache: bundledCache() });
	if (!('criteria' in library)) throw new UserError(library.errors.map(formatDiagnostic).join('\n'));
	for (const error of library.errors) warn(`warning: ${formatDiagnostic(error)}`);
	return library;
}

/** A wrong command line (exit 2): an id that names no scenario, with the closest one, or none given. */
function unknownScenario(id: string, known: readonly LoadedScenario[]): UserError {
	if (id.trim() === '') return new UserError('no scenario id given: run `postsafe list` to see them all.', 2);
	const suggestion = searchScenarios(known, id)[0];
	const hint = suggestion ? ` Did you mean "${suggestion.scenario.id}"?` : '';
	return new UserError(`unknown scenario "${id}".${hint} Run \`postsafe list\` to see them all.`, 2);
}

/** Loads one scenario by id, reading as little as possible; an unknown id names the closest match. */
export async function openScenario(id: string, directoryOption?: string): Promise<{ library: ScenarioLibrary; loaded: LoadedScenario }> {
	const result = await loadScenarioById(scenarioDirectory(directoryOption), id, { cache: bundledCache() });
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
