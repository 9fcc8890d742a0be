/**
 * For integration tests that read the seeded graph: connects to the test Neo4j (from the global
 * setup) and replaces its product data with the default datasets once per test file.
 */
import type { Driver } from 'neo4j-driver';
import { inject } from 'vitest';
import { createDriver } from '../db/driver.ts';
import { datasetFilesIn, seedFiles } from '../seed/seed.ts';

export function testConnection() {
  return { uri: inject('neo4jUri'), user: inject('neo4jUser'), password: inject('neo4jPassword') };
}

/** A driver to the test database holding exactly the default datasets. Close it in afterAll. */
export async function seededDriver(): Promise<Driver> {
  const driver = createDriver(testConnection());
  await driver.verifyConnectivity();
  await seedFiles(driver, await datasetFilesIn(), { replaceAll: true });
  return driver;
}
