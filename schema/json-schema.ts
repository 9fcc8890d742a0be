/** The JSON Schema of the dataset format, generated from the zod schema. */
import { z } from 'zod';
import { Dataset } from './dataset.ts';

export const JSON_SCHEMA_PATH = new URL('./dataset.schema.json', import.meta.url);

/** JSON Schema for what an author writes (input side: fields with defaults are optional). */
export function datasetJsonSchema(): string {
  const schema = z.toJSONSchema(Dataset, {
    io: 'input',
    unrepresentable: 'any',
    target: 'draft-2020-12',
  });
  return `${JSON.stringify(
    {
      ...schema,
      title: 'Timeline explorer dataset',
      description:
        'A curated dataset: sources, actors, places, events, agreements and relationships, every fact with verbatim citations. Generated from schema/dataset.ts by `npm run schema:json`.',
    },
    null,
    2,
  )}\n`;
}
