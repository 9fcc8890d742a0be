/**
 * The graph stamp against a real Neo4j: every way the served graph changes renews it, in the change's own
 * transaction or right after, and a server reports it (/ready and the x-graph-stamp header of GraphQL responses)
 * within the load check's second. (A streamed load's completion: server/src/two-servers.int.test.ts.)
 */
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { datasetFilesIn, seedFiles } from '../seed/seed.ts';
import { createApp } from '../server/src/app.ts';
import { testConfig } from '../server/src/config.ts';
import { LOAD_CHECK_TTL_MS } from '../server/src/load-guard.ts';
import { testConnection } from '../test/seeded-database.ts';
import { databaseContents } from './bulk-import.ts';
import { createDriver } from './driver.ts';
import { readGraphStamp } from './graph-stamp.ts';
import { resetProductData } from './writer.ts';

let driver: Driver;
beforeAll(async () => {
  driver = createDriver(testConnection());
  await driver.verifyConnectivity();
});
afterAll(() => driver.close());

async function currentStamp(): Promise<string> {
  const stamp = await readGraphStamp(driver);
  expect(stamp?.changedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  return String(stamp?.stamp);
}

describe('the graph stamp', () => {
  it('changes with every load and every reset, and is no product data', async () => {
    const files = await datasetFilesIn();
    await seedFiles(driver, files, { replaceAll: true });
    const first = await currentStamp();
    // A second load of the same data changes no row, but it is a completed load: caches keyed by the stamp refill.
    await seedFiles(driver, files);
    const second = await currentStamp();
    expect(second).not.toBe(first);
    await resetProductData(driver);
    const afterReset = await currentStamp();
    expect(afterReset).not.toBe(second);
    // A bulk import still finds the database empty: the stamp is replaced with the store.
    expect((await databaseContents(driver)).nodes).toBe(0);
    await seedFiles(driver, files);
  });

  it('is what a server reports on /ready and on each GraphQL response, a second after a load at most', async () => {
    const app = createApp({ driver, config: testConfig({ logLevel: 'silent' }) });
    const ask = async () => {
      const response = await app.fetch('http://app/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ search(text: "a", limit: 1) { node { id } } }' }),
      });
      expect(response.status).toBe(200);
      return response.headers.get('x-graph-stamp');
    };
    const before = await currentStamp();
    expect(await ask()).toBe(before);
    expect(await (await app.fetch('http://app/ready')).json()).toMatchObject({
      status: 'ready',
      graph: { stamp: before },
    });

    await seedFiles(driver, await datasetFilesIn());
    const after = await currentStamp();
    expect(after).not.toBe(before);
    await new Promise((resolve) => setTimeout(resolve, LOAD_CHECK_TTL_MS + 50));
    expect(await ask()).toBe(after);
    expect(await (await app.fetch('http://app/ready')).json()).toMatchObject({ graph: { stamp: after } });
  });
});
