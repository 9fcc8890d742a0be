/** The seed pipeline shared by the CLI, `npm start` and tests: validate, plan, write. */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Driver } from 'neo4j-driver';
import { ensureSchema, type WriteOptions, type WriteSummary, writeGraphPlan } from '../db/writer.ts';
import { countRows, type GraphPlan } from '../schema/graph.ts';
import { NODE_LABELS, type NodeLabel } from '../schema/vocabulary.ts';
import { planDatasets } from './plan.ts';
import { validateDatasetFiles } from './validate.ts';

export const DEFAULT_DATA_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'data');

/** The dataset files in a folder, sorted, so the default load is every `*.json` in `seed/data/`. */
export async function datasetFilesIn(dir: string = DEFAULT_DATA_DIR): Promise<string[]> {
  const entries = await readdir(dir);
  return entries
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => path.join(dir, name));
}

export interface SeedOptions extends WriteOptions {
  dryRun?: boolean;
}

export interface SeedResult {
  plan: GraphPlan;
  counts: Record<NodeLabel, number>;
  rows: { nodes: number; rels: number };
  written?: WriteSummary;
}

/**
 * Validates every file first (throws DatasetValidationError listing all problems, writing nothing),
 * then, unless `dryRun`, writes them in one transaction.
 */
export async function seedFiles(
  driver: Driver | undefined,
  files: string[],
  options: SeedOptions = {},
): Promise<SeedResult> {
  const valid = await validateDatasetFiles(files);
  const plan = planDatasets(valid);
  const counts = Object.fromEntries(NODE_LABELS.map((l) => [l, plan.nodes[l].length])) as Record<NodeLabel, number>;
  const result: SeedResult = { plan, counts, rows: countRows(plan) };
  if (options.dryRun) return result;
  if (!driver) throw new Error('a database driver is needed unless dryRun is set');
  await ensureSchema(driver);
  result.written = await writeGraphPlan(driver, plan, options);
  return result;
}
