/**
 * `npm run seed [-- files…] [--reset] [--dry-run]`: validates dataset files and loads them into Neo4j.
 * With no files it loads every `*.json` in `seed/data/`.
 */

import { SingleBar } from 'cli-progress';
import { Command } from 'commander';
import { connectionFromEnv, createDriver } from '../server/src/db/driver.ts';
import { describeDecision } from './merge.ts';
import { datasetFilesIn, type SeedResult, seedFiles } from './seed.ts';
import { DatasetValidationError } from './validate.ts';

const PROGRESS_THRESHOLD_ROWS = 5000;

function describeCounts(result: SeedResult): string {
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
  .action(async (files: string[], options: { reset?: boolean; dryRun?: boolean }) => {
    const inputs = files.length > 0 ? files : await datasetFilesIn();
    if (inputs.length === 0) throw new Error('no dataset files given and none found in seed/data/');
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
  });

program.parseAsync().catch((error: unknown) => {
  if (error instanceof DatasetValidationError) {
    console.error(`Nothing was written. ${error.message}`);
  } else {
    const e = error as Error & { code?: string };
    console.error(`Seed failed${e.code ? ` (${e.code})` : ''}: ${e.message}`);
  }
  process.exitCode = 1;
});
