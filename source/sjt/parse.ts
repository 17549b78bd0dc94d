import type { Parsed, Position } from '../scenario/parse.js';
import { diagnosticAt, parseYamlSource, validateDocument } from '../scenario/yaml-source.js';
import { checkSjtItem } from './check.js';
import { SjtItem } from './schema.js';

// Loaded on demand, like the scenario parser: YAML and zod only when an item file is read.

export function parseSjtText(file: string, text: string, sources: ReadonlySet<string>): Parsed<{ item: SjtItem; idPosition: Position }> {
	const { source, errors } = parseYamlSource(file, text);
	if (errors.length > 0) return { errors };
	const { value, errors: schemaErrors } = validateDocument(source, SjtItem);
	if (!value) return { errors: schemaErrors };
	const findings = checkSjtItem(value, sources).map(finding => diagnosticAt(source, finding));
	if (findings.length > 0) return { errors: findings };
	const { line, column } = diagnosticAt(source, { path: ['id'], message: '' });
	return { value: { item: value, idPosition: { line, column } }, errors: [] };
}
