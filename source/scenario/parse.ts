import type { z } from 'zod';
import { checkCriteriaLibrary, checkScenario } from './check.js';
import type { Diagnostic } from './diagnostic.js';
import { diagnosticAt, parseYamlSource, validateDocument, type Finding } from './yaml-source.js';
import { CriteriaLibrary, Scenario } from './schema.js';

// The slow path for a file the cache has not seen: YAML, the zod schema and the semantic checks.
// Loaded on demand, so a cached library never pays for yaml or zod.

export type Parsed<T> = { readonly value?: T; readonly errors: readonly Diagnostic[] };

export type Position = { readonly line: number; readonly column: number };

/**
 * One YAML document read the whole way: syntax, then the schema, then the checks the schema can't
 * make, every problem located in the file; with where its id stands, for duplicate-id messages.
 */
export function parseDocument<Schema extends z.ZodType>(
	file: string,
	text: string,
	schema: Schema,
	check: (value: z.infer<Schema>) => readonly Finding[],
): Parsed<{ value: z.infer<Schema>; idPosition: Position }> {
	const { source, errors } = parseYamlSource(file, text);
	if (errors.length > 0) return { errors };
	const { value, errors: schemaErrors } = validateDocument(source, schema);
	if (value === undefined) return { errors: schemaErrors };
	const findings = check(value).map(finding => diagnosticAt(source, finding));
	if (findings.length > 0) return { errors: findings };
	const { line, column } = diagnosticAt(source, { path: ['id'], message: '' });
	return { value: { value, idPosition: { line, column } }, errors: [] };
}

export function parseCriteriaText(file: string, text: string): Parsed<CriteriaLibrary> {
	const { value, errors } = parseDocument(file, text, CriteriaLibrary, checkCriteriaLibrary);
	return value ? { value: value.value, errors: [] } : { errors };
}

export function parseScenarioText(file: string, text: string, library: CriteriaLibrary): Parsed<{ scenario: Scenario; idPosition: Position }> {
	const { value, errors } = parseDocument(file, text, Scenario, scenario => checkScenario(scenario, library));
	return value ? { value: { scenario: value.value, idPosition: value.idPosition }, errors: [] } : { errors };
}
