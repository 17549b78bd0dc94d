// Regenerates the committed JSON Schemas from the zod schemas: npm run schema
import { writeFileSync } from 'node:fs';
import { jsonSchemas, serialiseSchema } from '../source/scenario/json-schema.js';

for (const [file, schema] of Object.entries(jsonSchemas())) {
	writeFileSync(file, serialiseSchema(schema));
	console.log(`wrote ${file}`);
}
