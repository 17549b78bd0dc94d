import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkCriteriaLibrary, checkScenario } from './check.js';
import { diagnosticAt, parseYamlSource, validateDocument, type Diagnostic, type SourceDocument } from './diagnostics.js';
import { CriteriaLibrary, Scenario } from './schema.js';

export const CRITERIA_FILE = 'criteria.yaml';

/** A scenario as loaded: where it came from and a hash of everything that scores it. */
export type LoadedScenario = {
	readonly scenario: Scenario;
	readonly file: string;
	/** sha256 of the scenario file and the criteria library: changes whenever its rubric could. */
	readonly contentHash: string;
	readonly idPosition: { readonly line: number; readonly column: number };
};

export type LoadedCriteria = { readonly library: CriteriaLibrary; readonly file: string; readonly text: string };

export type LoadResult<T> = { readonly value?: T; readonly errors: readonly Diagnostic[] };

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

/** Shown in messages: relative to where the user is, when that is shorter. */
export function displayName(file: string): string {
	const relativeName = relative(process.cwd(), file);
	return relativeName && !relativeName.startsWith('..') && relativeName.length < file.length ? relativeName : file;
}

function readSource(file: string): { source?: SourceDocument; errors: Diagnostic[] } {
	let text: string;
	try {
		text = readFileSync(file, 'utf8');
	} catch (error) {
		const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
		return { errors: [{ file: displayName(file), line: 1, column: 1, message: reason }] };
	}
	const { source, errors } = parseYamlSource(displayName(file), text);
	return errors.length > 0 ? { errors } : { source, errors: [] };
}

export function loadCriteria(file: string): LoadResult<LoadedCriteria> {
	const { source, errors } = readSource(file);
	if (!source) return { errors };
	const { value, errors: schemaErrors } = validateDocument(source, CriteriaLibrary);
	if (!value) return { errors: schemaErrors };
	const findings = checkCriteriaLibrary(value).map(finding => diagnosticAt(source, finding));
	return findings.length > 0 ? { errors: findings } : { value: { library: value, file, text: source.text }, errors: [] };
}

export function loadScenarioFile(file: string, criteria: LoadedCriteria): LoadResult<LoadedScenario> {
	const { source, errors } = readSource(file);
	if (!source) return { errors };
	const { value, errors: schemaErrors } = validateDocument(source, Scenario);
	if (!value) return { errors: schemaErrors };
	const findings = checkScenario(value, criteria.library).map(finding => diagnosticAt(source, finding));
	if (findings.length > 0) return { errors: findings };
	const idAt = diagnosticAt(source, { path: ['id'], message: '' });
	const contentHash = createHash('sha256').update(criteria.text).update('\0').update(source.text).digest('hex');
	return { value: { scenario: value, file, contentHash, idPosition: { line: idAt.line, column: idAt.column } }, errors: [] };
}

/** Scenario files in a folder: every .yaml/.yml except the criteria library. */
export function scenarioFiles(directory: string): string[] {
	return readdirSync(directory)
		.filter(name => /\.ya?ml$/.test(name) && name !== CRITERIA_FILE)
		.sort()
		.map(name => join(directory, name));
}

export function duplicateIdErrors(scenarios: readonly LoadedScenario[]): Diagnostic[] {
	const firstSeen = new Map<string, LoadedScenario>();
	return scenarios.flatMap(loaded => {
		const first = firstSeen.get(loaded.scenario.id);
		if (!first) {
			firstSeen.set(loaded.scenario.id, loaded);
			return [];
		}
		return [{
			file: displayName(loaded.file),
			...loaded.idPosition,
			message: `id: duplicate id "${loaded.scenario.id}" (first defined at ${displayName(first.file)}:${first.idPosition.line}:${first.idPosition.column})`,
		}];
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
export function loadScenarios(directory: string, files: readonly string[] = scenarioFiles(directory)): ScenarioLibrary | { errors: readonly Diagnostic[] } {
	const criteria = loadCriteria(join(directory, CRITERIA_FILE));
	if (!criteria.value) return { errors: criteria.errors };
	const errors: Diagnostic[] = [];
	const loaded: LoadedScenario[] = [];
	for (const file of files) {
		const result = loadScenarioFile(file, criteria.value);
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
export function loadScenarioById(directory: string, id: string): { library: ScenarioLibrary; scenario?: LoadedScenario } | { errors: readonly Diagnostic[] } {
	const guess = join(directory, `${id}.yaml`);
	if (existsSync(guess) && statSync(guess).isFile()) {
		const library = loadScenarios(directory, [guess]);
		if (!('criteria' in library)) return library;
		const scenario = library.scenarios.find(item => item.scenario.id === id);
		if (scenario || library.errors.length > 0) return { library, scenario };
	}
	const library = loadScenarios(directory);
	if (!('criteria' in library)) return library;
	return { library, scenario: library.scenarios.find(item => item.scenario.id === id) };
}

export function isCriteriaFile(file: string): boolean {
	return basename(file) === CRITERIA_FILE;
}
