import { existsSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { style } from '../cli/style.js';
import { formatDiagnostic, type Diagnostic } from '../scenario/diagnostic.js';
import { loadSjtFile, SJT_FOLDER, sjtDirectory, sjtFiles, type LoadedSjtItem } from '../library/sjt-files.js';
import {
	CRITERIA_FILE,
	duplicateIdErrors,
	isCriteriaFile,
	loadCriteria,
	loadScenarioFile,
	scenarioDirectory,
	scenarioFiles,
	type LoadedCriteria,
	type LoadedScenario,
} from '../library/scenario-files.js';

export type ValidateOptions = { readonly scenarios?: string };

/** An SJT item lives in a folder called sjt, beside the scenarios it shares its sources with. */
function isSjtFile(file: string): boolean {
	return basename(dirname(file)) === SJT_FOLDER;
}

/** Checks scenario files, SJT items, folders of them, or the criteria library; every problem as file:line:col. */
export async function runValidate(
	paths: readonly string[],
	options: ValidateOptions,
	write = (text: string) => void process.stdout.write(text),
): Promise<number> {
	const defaultDirectory = scenarioDirectory(options.scenarios);
	const targets = paths.length > 0 ? paths.map(path => resolve(path)) : [defaultDirectory];
	const errors: Diagnostic[] = [];
	const criteriaByFile = new Map<string, LoadedCriteria | undefined>();
	// Never from the cache: validating means reading every file for real.
	const criteriaAt = async (file: string): Promise<LoadedCriteria | undefined> => {
		if (!criteriaByFile.has(file)) {
			const result = await loadCriteria(file);
			errors.push(...result.errors);
			criteriaByFile.set(file, result.value);
		}
		return criteriaByFile.get(file);
	};
	// A folder with its own criteria.yaml is scored against it; any other scenario against the library's.
	const criteriaFor = (directory: string) =>
		criteriaAt(existsSync(join(directory, CRITERIA_FILE)) ? join(directory, CRITERIA_FILE) : join(defaultDirectory, CRITERIA_FILE));

	const scenarioTargets: string[] = [];
	const sjtTargets: string[] = [];
	for (const target of targets) {
		if (!existsSync(target)) {
			errors.push({ file: target, line: 1, column: 1, message: 'no such file or folder' });
		} else if (statSync(target).isDirectory() && basename(target) === SJT_FOLDER) {
			sjtTargets.push(...sjtFiles(target));
		} else if (statSync(target).isDirectory()) {
			if (existsSync(join(target, CRITERIA_FILE))) await criteriaAt(join(target, CRITERIA_FILE));
			scenarioTargets.push(...scenarioFiles(target));
			sjtTargets.push(...sjtFiles(sjtDirectory(target)));
		} else if (isSjtFile(target)) {
			sjtTargets.push(target);
		} else if (isCriteriaFile(target)) {
			await criteriaAt(target);
		} else {
			scenarioTargets.push(target);
		}
	}
	const loaded: LoadedScenario[] = [];
	for (const file of scenarioTargets) {
		const criteria = await criteriaFor(dirname(file));
		if (!criteria) continue;
		const result = await loadScenarioFile(file, criteria);
		errors.push(...result.errors);
		if (result.value) loaded.push(result.value);
	}
	errors.push(...duplicateIdErrors(loaded));
	const items: LoadedSjtItem[] = [];
	for (const file of sjtTargets) {
		// An item's anchors name sources from the criteria library of the scenario folder above it.
		const criteria = await criteriaFor(dirname(dirname(file)));
		if (!criteria) continue;
		const result = await loadSjtFile(file, new Set(Object.keys(criteria.library.sources)));
		errors.push(...result.errors);
		if (result.value) items.push(result.value);
	}
	errors.push(...duplicateIdErrors(items, loaded => loaded.item.id));

	for (const error of errors) write(`${formatDiagnostic(error)}\n`);
	// Every file read counts, valid or not: "checked 2 scenarios" of 16 read as if 14 were skipped.
	const checked = `${scenarioTargets.length} scenario${scenarioTargets.length === 1 ? '' : 's'}${sjtTargets.length > 0 ? `, ${sjtTargets.length} SJT item${sjtTargets.length === 1 ? '' : 's'}` : ''}${
		criteriaByFile.size > 0
			? ` and ${[...criteriaByFile.keys()]
					.map(file => basename(file))
					.filter((name, index, all) => all.indexOf(name) === index)
					.join(', ')}`
			: ''
	}`;
	if (errors.length > 0) {
		write(`${style.flag('✗')} ${errors.length} problem${errors.length === 1 ? '' : 's'} found (checked ${checked}).\n`);
		return 1;
	}
	write(`${style.met('✓')} all valid: ${checked}.\n`);
	return 0;
}
