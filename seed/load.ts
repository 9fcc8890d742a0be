/**
 * `npm run seed [-- files…] [--reset] [--dry-run] [--stream] [--batch-size N]`: validates dataset files and loads
 * them into Neo4j. With no files it loads every `*.json` in `seed/data/`. Inputs over 16 MiB (or with --stream)
 * take the streamed, resumable path of stream-load.ts; smaller ones load in one transaction.
 */
import { stat } from 'node:fs/promises';

import { SingleBar } from 'cli-progress';
import { Command, InvalidArgumentError } from 'commander';
import { connectionFromEnv, createDriver } from '../db/driver.ts';
import { describeDecision } from './merge.ts';
import { DatasetValidationError } from './problems.ts';
import { datasetFilesIn, type SeedResult, seedFiles } from './seed.ts';
import {
  DEFAULT_STREAM_BATCH_SIZE,
  STREAM_THRESHOLD_BYTES,
  type StreamLoadResult,
  streamLoadFiles,
} from './stream-load.ts';

const PROGRESS_THRESHOLD_ROWS = 5000;

function parseBatchSize(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 100_000)
    throw new InvalidArgumentError('must be an integer from 1 to 100000');
  return n;
}

async function totalBytes(files: string[]): Promise<number> {
  let total = 0;
  for (const file of files) total += (await stat(file)).size;
  return total;
}

async function streamLoad(files: string[], options: { dryRun?: boolean; batchSize: number }): Promise<void> {
  const started = performance.now();
  const stage = (name: string) => console.log(`[${((performance.now() - started) / 1000).toFixed(1)} s] ${name}`);
  if (options.dryRun) {
    const result = await streamLoadFiles(undefined, files, { dryRun: true, onStage: stage });
    console.log(`Valid: ${files.length} file(s) with ${describeCounts(result)}. Nothing written (--dry-run).`);
    return;
  }
  const connection = connectionFromEnv();
  const driver = createDriver(connection);
  const bar = new SingleBar({
    format: 'Loading [{bar}] {percentage}% | {value}/{total} batches | {rows} rows | {phase}',
  });
  let barStarted = false;
  try {
    const result = await streamLoadFiles(driver, files, {
      batchSize: options.batchSize,
      onStage: (name) => {
        if (barStarted) bar.stop();
        barStarted = false;
        stage(name);
      },
      onBatch: (progress) => {
        if (!barStarted) {
          bar.start(progress.totalBatches, progress.batch - 1, { phase: progress.phase, rows: progress.rowsDone });
          barStarted = true;
        }
        bar.update(progress.batch, { phase: progress.phase, rows: `${progress.rowsDone}/${progress.totalRows}` });
      },
    });
    if (barStarted) bar.stop();
    barStarted = false;
    const seconds = (performance.now() - started) / 1000;
    const job = result.job;
    console.log(
      `Loaded ${files.length} file(s) into ${connection.uri} in ${seconds.toFixed(1)} s: ${describeCounts(result)}.`,
    );
    if (job)
      console.log(
        `${job.resumed ? `Resumed an interrupted load: ${job.batchesSkipped} batch(es) were already stored, ` : ''}` +
          `${job.batchesWritten} of ${job.totalBatches} batch(es) written; ` +
          `${Math.round((result.rows.nodes + result.rows.rels) / seconds)} rows/s overall.`,
      );
    if (result.pruned)
      console.log(
        `Removed what earlier loads left: ${result.pruned.nodesDeleted} nodes, ${result.pruned.relationshipsDeleted} relationships.`,
      );
  } finally {
    if (barStarted) bar.stop();
    await driver.close();
  }
}

function describeCounts(result: SeedResult | StreamLoadResult): string {
  const parts = Object.entries(result.counts).map(([label, n]) => `${n} ${label}`);
  return `${parts.join(', ')}; ${result.rows.rels} relationships`;
}

/** The merge decisions across datasets (seed/merge.ts), one per line; empty for a single dataset. */
function printMerges(result: SeedResult): void {
  const decisions = result.plan.merges ?? [];
  if (decisions.length === 0) return;
  const merged = decisions.filter((d) => d.decision === 'merged').length;
  console.log(`Merging: ${merged} merged, ${decisions.length - merged} kept apart.`);
  for (const d of decisions) console.log(`  ${describeDecision(d)}`);
}

const program = new Command()
  .name('seed')
  .description('Validate curated datasets and load them into Neo4j (idempotent: a second load changes nothing).')
  .argument('[files...]', 'dataset files (default: every *.json in seed/data/)')
  .option('--reset', "delete this product's data (nodes labelled KG) before loading, in the same transaction")
  .option('--dry-run', 'only validate and report what would be loaded')
  .option('--stream', 'use the streamed, batched, resumable loader (automatic above 16 MiB of input)')
  .option(
    '--batch-size <rows>',
    'rows per transaction of the streamed loader',
    parseBatchSize,
    DEFAULT_STREAM_BATCH_SIZE,
  )
  .action(
    async (files: string[], options: { reset?: boolean; dryRun?: boolean; stream?: boolean; batchSize: number }) => {
      const inputs = files.length > 0 ? files : await datasetFilesIn();
      if (inputs.length === 0) throw new Error('no dataset files given and none found in seed/data/');
      if (options.stream || (await totalBytes(inputs)) > STREAM_THRESHOLD_BYTES) {
        if (options.reset) throw new InvalidArgumentError('--reset is not available with the streamed loader');
        await streamLoad(inputs, options);
        return;
      }
      if (options.dryRun) {
        const result = await seedFiles(undefined, inputs, { dryRun: true });
        printMerges(result);
        console.log(`Valid: ${inputs.length} file(s) with ${describeCounts(result)}. Nothing written (--dry-run).`);
        return;
      }
      const connection = connectionFromEnv();
      const driver = createDriver(connection);
      const bar = new SingleBar({ format: 'Loading [{bar}] {percentage}% | {value}/{total} rows | {phase}' });
      let barStarted = false;
      try {
        const result = await seedFiles(driver, inputs, {
          replaceAll: options.reset === true,
          onBatch: (progress) => {
            if (progress.total < PROGRESS_THRESHOLD_ROWS) return;
            if (!barStarted) {
              bar.start(progress.total, 0, { phase: progress.phase });
              barStarted = true;
            }
            bar.update(progress.done, { phase: progress.phase });
          },
        });
        if (barStarted) bar.stop();
        printMerges(result);
        const w = result.written;
        console.log(`Loaded ${inputs.length} file(s) into ${connection.uri}: ${describeCounts(result)}.`);
        if (w)
          console.log(
            `Changes: ${w.nodesCreated} nodes and ${w.relationshipsCreated} relationships created, ` +
              `${w.nodesDeleted} nodes and ${w.relationshipsDeleted} relationships removed.`,
          );
      } finally {
        if (barStarted) bar.stop();
        await driver.close();
      }
    },
  );

program.parseAsync().catch((error: unknown) => {
  if (error instanceof DatasetValidationError) {
    console.error(`Nothing was written. ${error.message}`);
  } else {
    const e = error as Error & { code?: string };
    console.error(`Seed failed${e.code ? ` (${e.code})` : ''}: ${e.message}`);
  }
  process.exitCode = 1;
});
