/**
 * The response cache against a real Neo4j: a repeated query is answered from the cache (a change to the graph that
 * does not renew the stamp is not seen, which proves the answer did not come from the database), and a completed load
 * (which renews the stamp) invalidates it within the load check's second.
 */
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeQuery } from '../../db/access.ts';
import { readGraphStamp } from '../../db/graph-stamp.ts';
import { datasetFilesIn, seedFiles } from '../../seed/seed.ts';
import { seededDriver } from '../../test/seeded-database.ts';
import { createApp } from './app.ts';
import { testConfig } from './config.ts';
import { LOAD_CHECK_TTL_MS } from './load-guard.ts';
import { RESPONSE_CACHE_HEADER } from './response-cache.ts';

let driver: Driver;
let actor: { id: string; name: string };

beforeAll(async () => {
  driver = await seededDriver();
  const { records } = await driver.executeQuery(
    'MATCH (a:KG:Actor) RETURN a.id AS id, a.name AS name ORDER BY id LIMIT 1',
  );
  actor = { id: String(records[0]?.get('id')), name: String(records[0]?.get('name')) };
});
afterAll(async () => {
  await seedFiles(driver, await datasetFilesIn(), { replaceAll: true });
  await driver.close();
});

const NODE_NAME = 'query Name($id: ID!) { node(id: $id) { id name } }';
const afterLoadCheck = () => new Promise((resolve) => setTimeout(resolve, LOAD_CHECK_TTL_MS + 100));

function appWithCache(megabytes: number) {
  const app = createApp({ driver, config: testConfig({ responseCacheBytes: megabytes * 1024 * 1024 }) });
  return async (id: string) => {
    const response = await app.fetch('http://app/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: NODE_NAME, variables: { id } }),
    });
    const body = (await response.json()) as { data?: { node: { name: string } | null }; errors?: unknown[] };
    expect(body.errors).toBeUndefined();
    return { name: body.data?.node?.name, cache: response.headers.get(RESPONSE_CACHE_HEADER) };
  };
}

describe('the response cache, keyed by the graph stamp', () => {
  it('answers a repeated query from the cache until a completed load renews the stamp', async () => {
    const ask = appWithCache(16);
    expect(await ask(actor.id)).toEqual({ name: actor.name, cache: 'miss' });
    expect(await ask(actor.id)).toEqual({ name: actor.name, cache: 'hit' });

    // A change that no load made (the stamp stays): the cached answer stands, so it is not read again.
    await writeQuery(driver, 'MATCH (a:KG {id: $id}) SET a.name = $name', {
      id: actor.id,
      name: 'Changed outside a load',
    });
    await afterLoadCheck();
    expect(await ask(actor.id)).toEqual({ name: actor.name, cache: 'hit' });

    // A completed load renews the stamp: within the load check's second every answer is read from the new graph.
    const before = (await readGraphStamp(driver))?.stamp;
    await seedFiles(driver, await datasetFilesIn(), { replaceAll: true });
    expect((await readGraphStamp(driver))?.stamp).not.toBe(before);
    await writeQuery(driver, 'MATCH (a:KG {id: $id}) SET a.name = $name', { id: actor.id, name: 'After the load' });
    await afterLoadCheck();
    expect(await ask(actor.id)).toEqual({ name: 'After the load', cache: 'miss' });
    expect(await ask(actor.id)).toEqual({ name: 'After the load', cache: 'hit' });
  });

  it('is off at 0 MB: every answer is read', async () => {
    const ask = appWithCache(0);
    await seedFiles(driver, await datasetFilesIn(), { replaceAll: true });
    expect(await ask(actor.id)).toEqual({ name: actor.name, cache: null });
    await writeQuery(driver, 'MATCH (a:KG {id: $id}) SET a.name = $name', { id: actor.id, name: 'Read every time' });
    expect(await ask(actor.id)).toEqual({ name: 'Read every time', cache: null });
  });
});
