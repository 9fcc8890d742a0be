import { readFileSync } from 'node:fs';
import { buildSchema, GraphQLEnumType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { API_CERTAINTIES, DATE_PRECISIONS, NODE_KINDS, REL_TYPES } from './vocabulary.ts';

const sdl = buildSchema(readFileSync(new URL('./schema.graphql', import.meta.url), 'utf8'));
const enumValues = (name: string) => (sdl.getType(name) as GraphQLEnumType).getValues().map((v) => v.name);

describe('the vocabulary and the API schema', () => {
  it('spell the same kinds, certainty order and date precisions (the SDL must write them out; this keeps it true)', () => {
    expect(sdl.getType('Kind')).toBeInstanceOf(GraphQLEnumType);
    expect(enumValues('Kind')).toEqual([...NODE_KINDS]);
    expect(enumValues('Certainty')).toEqual([...API_CERTAINTIES]);
    expect(enumValues('DatePrecision')).toEqual(DATE_PRECISIONS.map((p) => p.toUpperCase()));
  });

  it('lists every stored relationship type once', () => {
    expect(new Set(REL_TYPES).size).toBe(REL_TYPES.length);
  });
});
