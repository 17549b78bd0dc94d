import { z } from 'zod';
import { SjtItem } from '../sjt/schema.js';
import { CriteriaLibrary, Scenario } from './schema.js';

/** The JSON Schemas committed beside the YAML, generated from the zod schemas so they never drift. */
export function jsonSchemas(): Record<string, object> {
	const draft7 = (schema: z.ZodType, title: string) => ({
		...z.toJSONSchema(schema, { target: 'draft-7', io: 'input' }),
		title,
	});
	return {
		'scenarios/scenario.schema.json': draft7(Scenario, 'postsafe scenario'),
		'scenarios/criteria.schema.json': draft7(CriteriaLibrary, 'postsafe criteria library'),
		'scenarios/sjt/sjt.schema.json': draft7(SjtItem, 'postsafe SJT item'),
	};
}

export function serialiseSchema(schema: object): string {
	return `${JSON.stringify(schema, null, '\t')}\n`;
}
