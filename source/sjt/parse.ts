import { parseDocument, type Parsed, type Position } from '../scenario/parse.js';
import { checkSjtItem } from './check.js';
import { SjtItem } from './schema.js';

// Loaded on demand, like the scenario parser: YAML and zod only when an item file is read.

export function parseSjtText(file: string, text: string, sources: ReadonlySet<string>): Parsed<{ item: SjtItem; idPosition: Position }> {
	const { value, errors } = parseDocument(file, text, SjtItem, item => checkSjtItem(item, sources));
	return value ? { value: { item: value.value, idPosition: value.idPosition }, errors: [] } : { errors };
}
