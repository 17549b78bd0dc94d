import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../cli/user-error.js';
import { formatDiagnostic } from '../scenario/diagnostic.js';
import { bundledCache, CRITERIA_FILE, loadCriteria } from '../library/scenario-files.js';
import { libraryFolder } from './open-library.js';
import { loadSjtBank, sjtDirectory, type SjtBank } from '../library/sjt-files.js';
import type { SjtItem } from '../sjt/schema.js';
import { editDistance } from '../rubric/fuzzy.js';

/** The sources an item's anchors may name, from the scenario library's criteria file. */
async function sourcesOf(directory: string): Promise<{ sources: ReadonlySet<string>; names: Readonly<Record<string, string>> }> {
	const criteria = await loadCriteria(join(directory, CRITERIA_FILE), { cache: bundledCache() });
	if (!criteria.value) throw new UserError(criteria.errors.map(formatDiagnostic).join('\n'));
	return { sources: new Set(Object.keys(criteria.value.library.sources)), names: criteria.value.library.sources };
}

export type OpenedBank = SjtBank & { readonly sourceNames: Readonly<Record<string, string>> };

/** The SJT bank; broken items are skipped with a one-line warning each. */
export async function openSjtBank(directoryOption?: string, warn = (line: string) => process.stderr.write(`${line}\n`)): Promise<OpenedBank> {
	const directory = libraryFolder(directoryOption);
	const { sources, names } = await sourcesOf(directory);
	const bank = await loadSjtBank(sjtDirectory(directory), sources);
	for (const error of bank.errors) warn(`warning: ${formatDiagnostic(error)}`);
	return { ...bank, sourceNames: names };
}

/** One item by id: reads "<id>.yaml" alone when it exists; an unknown id names the closest. */
export async function openSjtItem(id: string, directoryOption?: string): Promise<{ item: SjtItem; sourceNames: Readonly<Record<string, string>> }> {
	const directory = libraryFolder(directoryOption);
	const { sources, names } = await sourcesOf(directory);
	const guess = join(sjtDirectory(directory), `${id}.yaml`);
	const bank = await loadSjtBank(sjtDirectory(directory), sources, existsSync(guess) ? [guess] : undefined);
	const found = bank.items.find(loaded => loaded.item.id === id);
	if (found) return { item: found.item, sourceNames: names };
	if (bank.errors.length > 0 && existsSync(guess)) throw new UserError(bank.errors.map(formatDiagnostic).join('\n'));
	const all = existsSync(guess) ? await loadSjtBank(sjtDirectory(directory), sources) : bank;
	const closest = all.items
		.map(loaded => ({ id: loaded.item.id, distance: editDistance(id, loaded.item.id, 8) }))
		.filter(candidate => candidate.distance <= 8)
		.sort((a, b) => a.distance - b.distance)[0]?.id;
	throw new UserError(`unknown SJT item "${id}".${closest ? ` Did you mean "${closest}"?` : ''} Run \`postsafe sjt list\` to see them all.`, 2);
}
