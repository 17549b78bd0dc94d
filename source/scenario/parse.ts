import { checkCriteriaLibrary, checkScenario } from './check.js';
import type { Diagnostic } from './diagnostic.js';
import { diagnosticAt, parseYamlSource, validateDocument } from './yaml-source.js';
import { CriteriaLibrary, Scenario } from './schema.js';

// The slow path for a file the cache has not seen: YAML, the zod schema and the semantic checks.
// Loaded on demand, so a cached library never pays for yaml or zod.

export type Parsed<T> = { readonly value?: T; readonly errors: readonly Diagnostic[] };

export type Position = { readonly line: number; readonly column: number };

export function parseCriteriaText(file: string, text: string): Parsed<CriteriaLibrary> {
	const { source, errors } = parseYamlSource(file, text);
	if (errors.length > 0) return { errors };
	const { value, errors: schemaErrors } = validateDocument(source, CriteriaLibrary);
	if (!value) return { errors: schemaErrors };
	const findings = checkCriteriaLibrary(value).map(finding => diagnosticAt(source, finding));
	return findings.length > 0 ? { errors: findings } : { value, errors: [] };
}

export function parseScenarioText(file: string, text: string, library: CriteriaLibrary): Parsed<{ scenario: Scenario; idPosition: Position }> {
	const { source, errors } = parseYamlSource(file, text);
	if (errors.length > 0) return { errors };
	const { value, errors: schemaErrors } = validateDocument(source, Scenario);
	if (!value) return { errors: schemaErrors };
	const findings = checkScenario(value, library).map(finding => diagnosticAt(source, finding));
	if (findings.length > 0) return { errors: findings };
	const { line, column } = diagnosticAt(source, { path: ['id'], message: '' });
	return { value: { scenario: value, idPosition: { line, column } }, errors: [] };
}
