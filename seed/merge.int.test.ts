import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDriver } from '../db/driver.ts';
import { graphDigest } from '../db/repositories/graph-digest.ts';
import { resetProductData } from '../db/writer.ts';
import { createApp } from '../server/src/app.ts';
import { testConfig } from '../server/src/config.ts';
import { testConnection } from '../test/seeded-database.ts';
import { seedFiles } from './seed.ts';

const MERGE_FIXTURES = path.join(import.meta.dirname, 'fixtures', 'merge');
const FILES = [path.join(MERGE_FIXTURES, 'reuters.json'), path.join(MERGE_FIXTURES, 'sana.json')];

let driver: Driver;
let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  driver = createDriver(testConnection());
  await driver.verifyConnectivity();
  await seedFiles(driver, FILES, { replaceAll: true });
  app = createApp({ driver, config: testConfig({ logLevel: 'error' }) });
});
afterAll(async () => {
  await resetProductData(driver);
  await driver.close();
});

// biome-ignore lint/suspicious/noExplicitAny: response shapes are checked by the assertions
async function data(query: string): Promise<Record<string, any>> {
  const response = await app.fetch('http://app/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  const body = await response.json();
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  return body.data;
}

describe('two datasets that share entities, loaded into a real Neo4j', () => {
  it('are one graph: merged entities carry both sources’ citations', async () => {
    const { node } = await data(`{ node(id: "actor:sdf") { name aliases citations { quote source { id } }
      ... on Actor { datasets participations { role event { id } citations { source { id } } } } } }`);
    expect(node.name).toBe('Syrian Democratic Forces');
    expect(node.aliases).toEqual(['SDF', 'SDF militia']);
    expect(node.datasets).toEqual(['merge-reuters', 'merge-sana']);
    expect(node.citations.map((c: { source: { id: string } }) => c.source.id).sort()).toEqual([
      'source:reuters-baghouz',
      'source:sana-baghouz',
    ]);
    expect(node.participations).toHaveLength(1);
    expect(node.participations[0].citations.map((c: { source: { id: string } }) => c.source.id).sort()).toEqual([
      'source:reuters-baghouz',
      'source:sana-baghouz',
    ]);
    expect((await data('{ node(id: "actor:qsd") { id } }')).node).toBeNull();
  });

  it('shows conflicting dates and figures side by side, each with its citations', async () => {
    const { node } = await data(`{ node(id: "event:baghouz-captured") { ... on Event {
      start contested
      claims { property value datasets certainty date { start } citations { quote attributedTo source { id } } }
      figures { value min label citations { quote certainty attributedTo } } } } }`);
    expect(node.start).toBe('2019-03-23');
    expect(node.contested).toEqual(['date']);
    expect(node.claims.map((c: { value: string; datasets: string[] }) => [c.value, c.datasets])).toEqual([
      ['2019-03-23', ['merge-reuters']],
      ['2019-03-22', ['merge-sana']],
    ]);
    expect(node.claims[1].citations[0]).toMatchObject({
      source: { id: 'source:sana-baghouz' },
      attributedTo: 'actor:sana',
      quote: expect.stringContaining('Friday 22 March'),
    });
    expect(
      node.figures.map((f: { label: string; citations: Array<{ certainty: string }> }) => [
        f.label,
        f.citations[0]?.certainty,
      ]),
    ).toEqual([
      ['at least 40 fighters', 'CLAIMED'],
      ['sixty fighters', 'ALLEGED'],
    ]);
  });

  it('finds the merged event in a time window under either date', async () => {
    const early = await data('{ events(from: "2019-03-22", to: "2019-03-22") { id } }');
    const late = await data('{ events(from: "2019-03-23", to: "2019-03-23") { id } }');
    expect(early.events.map((e: { id: string }) => e.id)).toContain('event:baghouz-captured');
    expect(late.events.map((e: { id: string }) => e.id)).toContain('event:baghouz-captured');
  });

  it('loads idempotently: a second load of the same files changes nothing', async () => {
    const before = await graphDigest(driver);
    const again = await seedFiles(driver, FILES);
    expect(again.written?.nodesCreated).toBe(0);
    expect((await graphDigest(driver)).hash).toBe(before.hash);
  });
});
