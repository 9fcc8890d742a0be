/**
 * The loader for datasets too large to hold in memory (the synthetic M and L sets, hundreds of megabytes).
 *
 * 1. Validate everything first, with memory bounded by the number of ids, not the size of the data: pass 1
 *    (stream/index-pass.ts) streams each file, checks every record against its zod schema and collects the ids,
 *    kinds and dates that references need; pass 2 (stream/check-pass.ts) streams it again and checks references,
 *    dates, cycles and every quote against its source text, planning each valid record into node and relationship
 *    rows spooled to temporary files (stream/spool.ts). The rules are the in-memory validator's (rules.ts).
 * 2. Only when no problem was found, write: batches of `batchSize` rows per transaction through the one writer
 *    (db/writer.ts: UNWIND … MERGE on the unique id, nodes before relationships, fixed query texts), each committed
 *    with the checkpoint of a `:LoadJob` node (db/load-jobs.ts). A rerun of the same input after a crash resumes
 *    after the last committed batch; the end of the load prunes what earlier loads of these datasets left and
 *    deletes the job.
 *
 * The graph it writes is the one the in-memory path (seed.ts) writes for the same input, plus `loadStamp`.
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import {
  adoptBulkJob,
  completeLoadJob,
  createLoadJob,
  ensureLoadJobSchema,
  findResumableJob,
  type LoadJob,
  writeBatch,
} from '../db/load-jobs.ts';
import { ensureSchema, pruneOtherStamps } from '../db/writer.ts';
import { NODE_LABELS, type NodeLabel, REL_TYPES } from '../schema/vocabulary.ts';
import { ProblemList } from './problems.ts';
import { checkAndPlan } from './stream/check-pass.ts';
import { indexFiles } from './stream/index-pass.ts';
import { type RowSink, RowSpool } from './stream/spool.ts';

export const DEFAULT_STREAM_BATCH_SIZE = 10_000;
/** Inputs larger than this (dataset files together) take the streamed path unless told otherwise. */
export const STREAM_THRESHOLD_BYTES = 16 * 1024 * 1024;
/** Problems reported in full; the rest are counted. */
const MAX_REPORTED_PROBLEMS = 200;

export interface StreamBatchProgress {
  phase: 'nodes' | 'relationships';
  /** 1-based number of the batch just committed. */
  batch: number;
  totalBatches: number;
  rowsDone: number;
  totalRows: number;
}

export interface StreamLoadOptions {
  batchSize?: number;
  dryRun?: boolean;
  /** Called after each committed batch; throwing stops the load there (it resumes on the next run). */
  onBatch?: (progress: StreamBatchProgress) => void | Promise<void>;
  /** Called when a stage starts: validate, plan-and-check, write, prune. */
  onStage?: (stage: string) => void;
}

export interface StreamLoadResult {
  counts: Record<NodeLabel, number>;
  rows: { nodes: number; rels: number };
  inputDigest: string;
  datasetIds: string[];
  job?: { id: string; resumed: boolean; batchesSkipped: number; batchesWritten: number; totalBatches: number };
  pruned?: { nodesDeleted: number; relationshipsDeleted: number };
}

/**
 * Validates and plans the input without writing to the database: the rows go to `sink` (spooled for batches, or
 * import files for the bulk path). Throws DatasetValidationError listing the problems; the sink is closed either way.
 */
export async function validateAndPlan(files: string[], sink: RowSink, onStage?: (stage: string) => void) {
  const problems = new ProblemList(MAX_REPORTED_PROBLEMS);
  const inputHash = createHash('sha256');
  onStage?.('validate');
  const index = await indexFiles(files, problems, inputHash);
  problems.throwIfAny();
  onStage?.('plan-and-check');
  const texts = await checkAndPlan(files, index, problems, sink).finally(() => sink.close());
  problems.throwIfAny();
  for (const [id, hash] of [...texts.hashes].sort(([a], [b]) => a.localeCompare(b)))
    inputHash.update(`${id}\n${hash}\n`);
  return { index, inputDigest: inputHash.digest('hex') };
}

/**
 * Loads large dataset files through the streamed, resumable path. Validation problems are thrown as
 * DatasetValidationError before anything is written.
 */
export async function streamLoadFiles(
  driver: Driver | undefined,
  files: string[],
  options: StreamLoadOptions = {},
): Promise<StreamLoadResult> {
  const spool = new RowSpool(await mkdtemp(path.join(tmpdir(), 'seed-spool-')));
  try {
    const { index, inputDigest } = await validateAndPlan(files, spool, options.onStage);
    const counts = Object.fromEntries(NODE_LABELS.map((l) => [l, spool.count('nodes', l)])) as Record<
      NodeLabel,
      number
    >;
    const rows = {
      nodes: NODE_LABELS.reduce((n, l) => n + spool.count('nodes', l), 0),
      rels: REL_TYPES.reduce((n, t) => n + spool.count('rels', t), 0),
    };
    const result: StreamLoadResult = { counts, rows, inputDigest, datasetIds: index.datasetIds };
    if (options.dryRun) return result;
    if (!driver) throw new Error('a database driver is needed unless dryRun is set');
    await ensureSchema(driver);
    await ensureLoadJobSchema(driver);

    const requestedSize = options.batchSize ?? DEFAULT_STREAM_BATCH_SIZE;
    const batchesOf = (size: number) => Math.ceil((rows.nodes + rows.rels) / size);
    let earlier = await findResumableJob(driver, inputDigest);
    if (earlier?.kind === 'bulk')
      earlier = await adoptBulkJob(driver, earlier, requestedSize, batchesOf(requestedSize));
    const job: LoadJob =
      earlier ??
      (await createLoadJob(driver, {
        id: `load:${randomUUID()}`,
        datasets: index.datasetIds,
        inputDigest,
        stamp: randomUUID(),
        batchSize: requestedSize,
        totalBatches: batchesOf(requestedSize),
      }));
    const totalBatches = batchesOf(job.batchSize);
    options.onStage?.('write');
    let batch = 0;
    let rowsDone = 0;
    let written = 0;
    const totalRows = rows.nodes + rows.rels;
    for await (const segments of spool.batches(job.batchSize)) {
      batch++;
      const size = segments.reduce((n, segment) => n + segment.rows.length, 0);
      rowsDone += size;
      if (batch <= job.batchesDone) continue;
      await writeBatch(driver, job, segments, batch);
      written++;
      const phase = segments.at(-1)?.kind === 'nodes' ? 'nodes' : 'relationships';
      await options.onBatch?.({ phase, batch, totalBatches, rowsDone, totalRows });
    }
    if (job.preexisting) {
      options.onStage?.('prune');
      result.pruned = await pruneOtherStamps(driver, job.datasets, job.stamp);
    }
    await completeLoadJob(driver, job);
    result.job = {
      id: job.id,
      resumed: earlier !== undefined,
      batchesSkipped: Math.min(job.batchesDone, totalBatches),
      batchesWritten: written,
      totalBatches,
    };
    return result;
  } finally {
    await rm(spool.dir, { recursive: true, force: true });
  }
}
