/**
 * A bulk load: dataset files into an EMPTY local Neo4j through Neo4j's offline importer, the fastest way from a
 * dataset file to a served graph (docs/loading.md). It composes the rooms: seed/ validates and writes import files,
 * neo4j/ imports them into a staged store and switches the server to it, db/ finishes the graph.
 *
 * 1. Recover what an interrupted bulk load left (neo4j/offline-import.ts): a half-done switch is finished, a
 *    partial staged store discarded.
 * 2. Refuse a database that holds anything (the import replaces the whole store), unless what it holds is an
 *    interrupted bulk load of the same input, which is then finished.
 * 3. Validate and plan everything first (the streamed loader's two passes): a bad input is refused before anything
 *    is written.
 * 4. Import into a staged store while the server still runs; stop the server meanwhile (the database is empty).
 * 5. Switch the server to the imported store and start it; the imported `:LoadJob` keeps queries refused.
 * 6. Finish (db/bulk-import.ts): schema, empty lists, deferred values; delete the job: served.
 *
 * Loads onto a non-empty database go through the transactional loader (`npm run seed`), which stays idempotent,
 * resumable and pruning.
 */
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { databaseContents, finishBulkImport } from '../db/bulk-import.ts';
import { createDriver } from '../db/driver.ts';
import { findLoadJob, type LoadJob } from '../db/load-jobs.ts';
import { homeLayout } from '../neo4j/config.ts';
import { type LogFn, type Neo4jConfig, neo4jStatus, startNeo4j, stopNeo4j } from '../neo4j/launcher.ts';
import {
  importIntoStaging,
  type OfflineImportReport,
  offlineImportLayout,
  recoverOfflineImport,
  switchPending,
  switchToStaged,
} from '../neo4j/offline-import.ts';
import { type BulkImportPlan, importInputs, planBulkImport, readDeferred } from '../seed/bulk/plan-import.ts';

/** The bulk path was refused before anything was written; the message says why and what to use instead. */
export class BulkLoadRefusedError extends Error {
  readonly code = 'BULK_LOAD_REFUSED';
}

export interface BulkLoadOptions {
  log?: LogFn;
  /** Called when a stage starts: check, validate, plan-and-check, import, switch, finish. */
  onStage?: (stage: string) => void;
}

export interface BulkLoadResult {
  plan: Omit<BulkImportPlan, 'groups'>;
  /** The importer's report; absent when an interrupted bulk load of the same input was only finished. */
  imported?: OfflineImportReport;
  resumed: boolean;
}

const NOT_EMPTY =
  'the bulk path replaces the whole database, so it only loads into an empty one; ' +
  'load onto existing data with the transactional loader (npm run seed), which keeps it and prunes what these datasets no longer state';

async function withDriver<T>(config: Neo4jConfig, work: (driver: Driver) => Promise<T>): Promise<T> {
  const driver = createDriver({ uri: config.uri, user: config.user, password: config.password });
  try {
    return await work(driver);
  } finally {
    await driver.close();
  }
}

/** Loads the files into the empty database of the local Neo4j of `config`; see the module comment. */
export async function bulkLoadFiles(
  config: Neo4jConfig,
  files: string[],
  options: BulkLoadOptions = {},
): Promise<BulkLoadResult> {
  const log = options.log ?? (() => {});
  const stage = options.onStage ?? (() => {});
  stage('check');
  if (switchPending(config)) await stopNeo4j(config, log);
  await recoverOfflineImport(config, log);

  const status = await neo4jStatus(config);
  const hasStore = existsSync(path.join(homeLayout(config).data, 'databases', 'neo4j'));
  let contents: { nodes: number; bulkJobs: LoadJob[] } = { nodes: 0, bulkJobs: [] };
  if (status.running || hasStore) {
    await startNeo4j(config, log);
    contents = await withDriver(config, databaseContents);
  }
  const [interrupted] = contents.bulkJobs;
  if (contents.nodes > 0 && !interrupted)
    throw new BulkLoadRefusedError(`The database holds ${contents.nodes} nodes: ${NOT_EMPTY}.`);

  const csvDir = path.join(offlineImportLayout(config).dir, 'csv');
  const plan = await planBulkImport(files, csvDir, stage);
  try {
    let imported: OfflineImportReport | undefined;
    let job: LoadJob | undefined;
    if (interrupted) {
      if (interrupted.inputDigest !== plan.inputDigest)
        throw new BulkLoadRefusedError(
          `The database holds an interrupted bulk load of other input (job ${interrupted.id}): ${NOT_EMPTY}.`,
        );
      log('Finishing an interrupted bulk load of the same input (its data is all stored).');
      job = interrupted;
    } else {
      stage('import');
      const wasRunning = (await neo4jStatus(config)).running;
      // The database is empty: stopping the server while the importer runs costs nothing and saves its stop time.
      const [report] = await Promise.all([
        importIntoStaging(config, { ...importInputs(plan), arrayDelimiter: plan.arrayDelimiter }, log).catch(
          async (error: unknown) => {
            if (wasRunning) await startNeo4j(config, log).catch(() => undefined);
            throw error;
          },
        ),
        wasRunning ? stopNeo4j(config, log) : undefined,
      ]);
      imported = report;
      stage('switch');
      await switchToStaged(config, () => stopNeo4j(config, log));
      await startNeo4j(config, log);
    }
    stage('finish');
    await withDriver(config, async (driver) => {
      const open = job ?? (await findLoadJob(driver, plan.job.id));
      if (!open) throw new Error(`the imported load job ${plan.job.id} is missing`);
      await finishBulkImport(driver, open, plan.fixups, readDeferred(plan));
    });
    const { groups: _groups, ...summary } = plan;
    return { plan: summary, resumed: interrupted !== undefined, ...(imported ? { imported } : {}) };
  } finally {
    await rm(csvDir, { recursive: true, force: true });
  }
}
