/**
 * What `npm start` does before serving: load the default datasets when the database has no product data, or else
 * bring a graph an earlier version loaded up to date.
 */
import type { Driver } from 'neo4j-driver';
import { countProductNodes, upgradeStoredGraph } from '../db/writer.ts';
import { datasetFilesIn, type SeedResult, seedFiles } from './seed.ts';

export async function seedIfEmpty(
  driver: Driver,
  files?: string[],
): Promise<{ seeded: false; nodes: number; eventsUpgraded: number } | { seeded: true; result: SeedResult }> {
  const nodes = await countProductNodes(driver);
  if (nodes > 0) return { seeded: false, nodes, eventsUpgraded: (await upgradeStoredGraph(driver)).eventsUpdated };
  return { seeded: true, result: await seedFiles(driver, files ?? (await datasetFilesIn())) };
}
