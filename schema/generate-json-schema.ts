/** `npm run schema:json`: writes schema/dataset.schema.json from the zod schema. */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { datasetJsonSchema, JSON_SCHEMA_PATH } from './json-schema.ts';

writeFileSync(JSON_SCHEMA_PATH, datasetJsonSchema());
console.log(`Wrote ${fileURLToPath(JSON_SCHEMA_PATH)}`);
