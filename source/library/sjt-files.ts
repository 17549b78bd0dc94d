import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from '../scenario/diagnostic.js';
import { displayName, duplicateIdErrors, readText, type LoadResult } from './scenario-files.js';
import type { SjtItem } from '../sjt/schema.js';

export const SJT_FOLDER = 'sjt';

export type LoadedSjtItem = { readonly item: SjtItem; readonly file: string; readonly idPosition: { readonly line: number; readonly column: number } };

export type SjtBank = { readonly items: readonly LoadedSjtItem[]; readonly errors: readonly Diagnostic[] };

/** The item bank beside a scenario library: <scenarios>/sjt. */
export function sjtDirectory(scenarioDirectory: string): string {
	return join(scenarioDirectory, SJT_FOLDER);
}

export function sjtFiles(directory: string): string[] {
	if (!existsSync(directory)) return [];
	return readdirSync(directory)
		.filter(name => /\.ya?ml$/.test(name))
		.sort()
		.map(name => join(directory, name));
}

export async function loadSjtFile(file: string, sources: ReadonlySet<string>): Promise<LoadResult<LoadedSjtItem>> {
	const { text, errors } = readText(file);
	if (text === undefined) return { errors };
	const { parseSjtText } = await import('../sjt/parse.js');
	const parsed = parseSjtText(displayName(file), text, sources);
	return parsed.value ? { value: { ...parsed.value, file }, errors: [] } : { errors: parsed.errors };
}

/** Loads every item in the bank; a broken file is reported and skipped, and a repeated id too. */
export async function loadSjtBank(directory: string, sources: ReadonlySet<string>, files: readonly string[] = sjtFiles(directory)): Promise<SjtBank> {
	const errors: Diagnostic[] = [];
	const loaded: LoadedSjtItem[] = [];
	for (const file of files) {
		const result = await loadSjtFile(file, sources);
		errors.push(...result.errors);
		if (result.value) loaded.push(result.value);
	}
	const duplicates = duplicateIdErrors(loaded, loaded => loaded.item.id);
	const items = loaded.filter((item, index) => loaded.findIndex(other => other.item.id === item.item.id) === index);
	return { items, errors: [...errors, ...duplicates] };
}
