/**
 * `relationshipCounts` (the context menu's "expand by" counts) against the seeded Neo4j: the counts agree with the
 * relationships the neighbourhood of the same node returns, use only the graph's types, and an unknown id is NOT_FOUND.
 */
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findNeighborhood } from '../../db/repositories/neighborhood.ts';
import { GRAPH_REL_TYPES } from '../../schema/vocabulary.ts';
import { seededDriver } from '../../test/seeded-database.ts';
import { createApp } from './app.ts';
import { testConfig } from './config.ts';

let driver: Driver;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  driver = await seededDriver();
  app = createApp({ driver, config: testConfig({ logLevel: 'error' }) });
});
afterAll(() => driver.close());

interface Answer {
  data?: { relationshipCounts: Array<{ type: string; count: number }> };
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

interface Filter {
  from?: string;
  to?: string;
  attributedTo?: readonly string[];
  minCertainty?: string;
}

async function counts(id: string, filter: Filter = {}): Promise<Answer> {
  const response = await app.fetch('http://app/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: `query ($id: ID!, $from: String, $to: String, $attributedTo: [String!], $minCertainty: Certainty) {
        relationshipCounts(id: $id, from: $from, to: $to, attributedTo: $attributedTo, minCertainty: $minCertainty) {
          type count
        }
      }`,
      variables: { id, ...filter },
    }),
  });
  return (await response.json()) as Answer;
}

/** The types of the relationships touching `id` in its neighbourhood under the same filter, counted. */
async function neighbourhoodCounts(id: string, filter: Filter): Promise<Map<string, number>> {
  const answer = await app.fetch('http://app/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: `query ($id: ID!, $from: String, $to: String, $attributedTo: [String!], $minCertainty: Certainty) {
        neighborhood(id: $id, limit: 500, edgeLimit: 5000, from: $from, to: $to, attributedTo: $attributedTo,
          minCertainty: $minCertainty) { edges { type source target } truncated }
      }`,
      variables: { id, ...filter },
    }),
  });
  const { data } = (await answer.json()) as {
    data: { neighborhood: { truncated: boolean; edges: Array<{ type: string; source: string; target: string }> } };
  };
  expect(data.neighborhood.truncated).toBe(false);
  const expected = new Map<string, number>();
  for (const edge of data.neighborhood.edges)
    if (edge.source === id || edge.target === id) expected.set(edge.type, (expected.get(edge.type) ?? 0) + 1);
  return expected;
}

const NO_FILTER = { fromDay: null, toDay: null, voices: null, maxRank: null };

describe('relationship counts by type', () => {
  it.each(['actor:sdf', 'actor:isis', 'place:baghouz', 'agreement:baghouz-final-agreement'])(
    'agree with the relationships of the neighbourhood of %s, most first',
    async (id) => {
      const answer = await counts(id);
      expect(answer.errors).toBeUndefined();
      const found = answer.data?.relationshipCounts ?? [];
      const neighborhood = await findNeighborhood(driver, id, 1, 500, NO_FILTER, undefined, 5000);
      expect(neighborhood?.truncated).toBe(false);
      const expected = new Map<string, number>();
      for (const edge of neighborhood?.edges ?? [])
        if (edge.source === id || edge.target === id) expected.set(edge.type, (expected.get(edge.type) ?? 0) + 1);
      expect(found.length).toBeGreaterThan(0);
      expect(new Map(found.map((c) => [c.type, c.count]))).toEqual(expected);
      for (const c of found) expect(GRAPH_REL_TYPES as readonly string[]).toContain(c.type);
      const numbers = found.map((c) => c.count);
      expect(numbers).toEqual([...numbers].sort((a, b) => b - a));
    },
  );

  it.each([
    ['reported or firmer', { minCertainty: 'REPORTED' }],
    ['in January–February 2019', { from: '2019-01-01', to: '2019-02-28' }],
    ['as the SDF tells it', { attributedTo: ['actor:sdf'] }],
  ] as const)('count only what the neighbourhood returns under the same filter: %s', async (_, filter) => {
    const all = new Map((await counts('actor:isis')).data?.relationshipCounts.map((c) => [c.type, c.count]));
    const answer = await counts('actor:isis', { ...filter });
    expect(answer.errors).toBeUndefined();
    const found = new Map(answer.data?.relationshipCounts.map((c) => [c.type, c.count]));
    expect(found).toEqual(await neighbourhoodCounts('actor:isis', { ...filter }));
    const total = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
    expect(total(found)).toBeLessThan(total(all));
  });

  it('refuses a filter naming an unknown voice or a reversed window, saying which argument', async () => {
    const voice = await counts('actor:isis', { attributedTo: ['actor:nobody'] });
    expect(voice.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const reversed = await counts('actor:isis', { from: '2019-03-01', to: '2019-01-01' });
    expect(reversed.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('answers NOT_FOUND for an id that names nothing, and a malformed id gets an error with no Cypher in it', async () => {
    const missing = await counts('actor:nobody');
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(missing.errors?.[0]?.message).toBe('No actor with id "actor:nobody".');
    const hostile = await counts("actor:x' OR 1=1 //");
    expect(hostile.errors?.[0]?.message ?? '').not.toMatch(/MATCH|Cypher|neo4j/i);
  });
});
