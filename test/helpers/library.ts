import { join } from 'node:path';
import { isEnglishWord } from '../../source/dictionary/english.js';
import { compileScenarioRubric } from '../../source/rubric/audience.js';
import type { CompiledRubric } from '../../source/rubric/compile.js';
import { loadScenarios, type ScenarioLibrary } from '../../source/library/scenario-files.js';

export const ROOT = join(import.meta.dirname, '..', '..');
export const SCENARIO_DIR = join(ROOT, 'scenarios');

// Loaded once per test file, for real (never from the build's cache), before any test runs.
const loaded = await loadScenarios(SCENARIO_DIR);

/** The bundled scenario library; fails loudly if any file has an error. */
export function bundledLibrary(): ScenarioLibrary {
	if (!('criteria' in loaded) || loaded.errors.length > 0) {
		throw new Error(
			`the bundled library has errors:\n${loaded.errors.map(error => `${error.file}:${error.line}:${error.column}: ${error.message}`).join('\n')}`,
		);
	}
	return loaded;
}

const rubrics = new Map<string, CompiledRubric>();

export function rubricFor(id: string): CompiledRubric {
	let rubric = rubrics.get(id);
	if (!rubric) {
		const lib = bundledLibrary();
		const loaded = lib.scenarios.find(item => item.scenario.id === id);
		if (!loaded) throw new Error(`no scenario "${id}" in the bundled library`);
		rubric = compileScenarioRubric(loaded.scenario, lib.criteria.library, isEnglishWord);
		rubrics.set(id, rubric);
	}
	return rubric;
}
