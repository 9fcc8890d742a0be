import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { datasetJsonSchema, JSON_SCHEMA_PATH } from './json-schema.ts';

describe('the published JSON Schema', () => {
  it('is what the zod schema generates (run `npm run schema:json` after changing schema/dataset.ts)', () => {
    expect(readFileSync(JSON_SCHEMA_PATH, 'utf8')).toBe(datasetJsonSchema());
  });

  it('names the shared parts so editors can show them', () => {
    const schema = JSON.parse(datasetJsonSchema());
    expect(Object.keys(schema.$defs)).toEqual(
      expect.arrayContaining(['Citation', 'DateSpec', 'Actor', 'Event', 'Agreement']),
    );
    expect(schema.$defs.Citation.required).toEqual(
      expect.arrayContaining(['source', 'quote', 'start', 'end', 'translation', 'attributedTo', 'certainty']),
    );
  });
});
