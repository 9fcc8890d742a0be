/**
 * Resumable batched loads (seed/stream-load.ts): the bookkeeping of a load job; its rows go through db/writer.ts.
 * A `:LoadJob` node (not labelled KG, so no query or digest sees it) exists from before the first batch until the
 * load is complete; each batch commits together with the job's checkpoint, so a rerun after a crash skips exactly
 * the batches already stored. Every node and relationship a streamed load writes carries `loadStamp` (the job's
 * stamp, ignored by the content digest); at the end, whatever earlier loads of the same datasets left with another
 * stamp is pruned (db/writer.ts `pruneOtherStamps`), and the job node is deleted. While a job node exists the
 * server reports not ready and refuses queries (see server/src/load-guard.ts). */
import type { Driver } from 'neo4j-driver';
import { readQuery, readSession, writeQuery, writeSession } from './access.ts';
import { type GraphStamp, renewParams } from './graph-stamp.ts';
import { toPlain } from './plain.ts';
import { type RowSegment, writeSegment } from './writer.ts';

export const LOAD_JOB_SCHEMA = 'CREATE CONSTRAINT load_job_id IF NOT EXISTS FOR (j:LoadJob) REQUIRE j.id IS UNIQUE';

export interface LoadJob {
  id: string;
  datasets: string[];
  inputDigest: string;
  stamp: string;
  batchSize: number;
  batchesDone: number;
  totalBatches: number;
  /** Whether data of these datasets existed when the job started, so the end of the load must prune. */
  preexisting: boolean;
  startedAt: string;
  /**
   * `batches` for the transactional loader; `bulk` for a job an offline import wrote with the data (db/bulk-import.ts):
   * all rows are stored, the schema and a few fix-ups are not yet.
   */
  kind: 'batches' | 'bulk';
}

const CHECKPOINT =
  'MATCH (j:LoadJob {id: $job}) SET j.batchesDone = $batch, j.updatedAt = datetime() RETURN j.id AS id';

const JOB_FIELDS =
  'j.id AS id, j.datasets AS datasets, j.inputDigest AS inputDigest, j.stamp AS stamp, j.batchSize AS batchSize, ' +
  'j.batchesDone AS batchesDone, j.totalBatches AS totalBatches, j.preexisting AS preexisting, ' +
  "toString(j.startedAt) AS startedAt, coalesce(j.kind, 'batches') AS kind";

export async function ensureLoadJobSchema(driver: Driver): Promise<void> {
  await writeQuery(driver, LOAD_JOB_SCHEMA);
}

function toJob(record: { get(key: string): unknown }): LoadJob {
  const get = (key: string) => toPlain(record.get(key));
  return {
    id: String(get('id')),
    datasets: (get('datasets') as string[] | null) ?? [],
    inputDigest: String(get('inputDigest')),
    stamp: String(get('stamp')),
    batchSize: Number(get('batchSize')),
    batchesDone: Number(get('batchesDone')),
    totalBatches: Number(get('totalBatches')),
    preexisting: get('preexisting') === true,
    startedAt: String(get('startedAt')),
    kind: get('kind') === 'bulk' ? 'bulk' : 'batches',
  };
}

/** A property of a job node as an import file states it: name, the importer's type, value. */
export type JobColumn = [name: string, type: 'string' | 'string[]' | 'long' | 'boolean' | 'datetime', value: unknown];

/**
 * The job node an offline import writes with the data, in the importer's terms (seed/bulk writes the file): the
 * same properties {@link createLoadJob} stores, so every reader of jobs sees it; `kind` says the rows are all there.
 */
export function bulkJobColumns(job: Pick<LoadJob, 'id' | 'datasets' | 'inputDigest' | 'stamp'>): JobColumn[] {
  const now = new Date().toISOString();
  return [
    ['id', 'string', job.id],
    ['datasets', 'string[]', job.datasets],
    ['inputDigest', 'string', job.inputDigest],
    ['stamp', 'string', job.stamp],
    ['batchSize', 'long', 0],
    ['batchesDone', 'long', 0],
    ['totalBatches', 'long', 0],
    ['preexisting', 'boolean', false],
    ['startedAt', 'datetime', now],
    ['updatedAt', 'datetime', now],
    ['kind', 'string', 'bulk'],
  ];
}

/**
 * Every load job not yet completed (a crashed or running load), oldest first. One auto-commit attempt, no retries:
 * the server asks this on requests, and an unreachable database must fail it at once.
 */
export async function openLoadJobs(driver: Driver): Promise<LoadJob[]> {
  const session = readSession(driver);
  try {
    const result = await session.run(
      `MATCH (j:LoadJob) RETURN ${JOB_FIELDS} ORDER BY j.startedAt, j.id`,
      {},
      { timeout: 2000 },
    );
    return result.records.map(toJob);
  } finally {
    await session.close();
  }
}

/**
 * The open load jobs and the graph stamp, read by one query (so from one snapshot: a completed load's job is gone
 * exactly when its stamp is there). Like {@link openLoadJobs}: one auto-commit attempt, no retries, a short timeout.
 */
export async function loadState(driver: Driver): Promise<{ jobs: LoadJob[]; stamp: GraphStamp | null }> {
  const session = readSession(driver);
  try {
    const result = await session.run(
      `CALL () { OPTIONAL MATCH (s:GraphStamp {id: 'graph'}) RETURN s.stamp AS graphStamp, toString(s.changedAt) AS changedAt }
       OPTIONAL MATCH (j:LoadJob)
       WITH graphStamp, changedAt, j ORDER BY j.startedAt, j.id
       RETURN graphStamp, changedAt, ${JOB_FIELDS}`,
      {},
      { timeout: 2000 },
    );
    const first = result.records[0];
    const graphStamp = first?.get('graphStamp');
    return {
      jobs: result.records.filter((record) => record.get('id') !== null).map(toJob),
      stamp: typeof graphStamp === 'string' ? { stamp: graphStamp, changedAt: String(first?.get('changedAt')) } : null,
    };
  } finally {
    await session.close();
  }
}

/** The open job with this id, if any (for loaders: no short timeout, unlike {@link openLoadJobs}). */
export async function findLoadJob(driver: Driver, id: string): Promise<LoadJob | undefined> {
  const { records } = await readQuery(driver, `MATCH (j:LoadJob {id: $id}) RETURN ${JOB_FIELDS}`, { id });
  return records[0] ? toJob(records[0]) : undefined;
}

/** The open job for exactly this input, left by an interrupted load, if any. */
export async function findResumableJob(driver: Driver, inputDigest: string): Promise<LoadJob | undefined> {
  const { records } = await readQuery(
    driver,
    `MATCH (j:LoadJob {inputDigest: $inputDigest}) RETURN ${JOB_FIELDS} ORDER BY j.startedAt DESC LIMIT 1`,
    { inputDigest },
  );
  return records[0] ? toJob(records[0]) : undefined;
}

/** Creates the job before the first batch; notes whether these datasets already have data, which must be pruned. */
export async function createLoadJob(
  driver: Driver,
  job: Omit<LoadJob, 'batchesDone' | 'preexisting' | 'startedAt' | 'kind'>,
): Promise<LoadJob> {
  const { records } = await writeQuery(
    driver,
    `OPTIONAL MATCH (n:KG) WHERE any(d IN n.datasets WHERE d IN $datasets)
     WITH n LIMIT 1
     CREATE (j:LoadJob {id: $id, datasets: $datasets, inputDigest: $inputDigest, stamp: $stamp, batchSize: $batchSize,
       batchesDone: 0, totalBatches: $totalBatches, preexisting: n IS NOT NULL, startedAt: datetime(), updatedAt: datetime()})
     RETURN ${JOB_FIELDS}`,
    job,
  );
  if (!records[0]) throw new Error('the load job was not created');
  return toJob(records[0]);
}

/**
 * Makes an interrupted bulk load's job (all rows stored, not finished) a job of the transactional loader for the
 * same input, which then writes every batch again (MERGE: nothing changes but what the import could not hold) and
 * completes it.
 */
export async function adoptBulkJob(
  driver: Driver,
  job: LoadJob,
  batchSize: number,
  totalBatches: number,
): Promise<LoadJob> {
  const { records } = await writeQuery(
    driver,
    `MATCH (j:LoadJob {id: $id}) SET j.kind = 'batches', j.batchSize = $batchSize, j.batchesDone = 0,
       j.totalBatches = $totalBatches, j.updatedAt = datetime()
     RETURN ${JOB_FIELDS}`,
    { id: job.id, batchSize, totalBatches },
  );
  if (!records[0]) throw new Error(`load job ${job.id} disappeared`);
  return toJob(records[0]);
}

/**
 * Writes one batch and the job's checkpoint in one transaction: the segments in order (nodes before the
 * relationships that need them), each relationship's endpoints checked to exist (db/writer.ts).
 */
export async function writeBatch(driver: Driver, job: LoadJob, segments: RowSegment[], batch: number): Promise<void> {
  const session = writeSession(driver);
  try {
    await session.executeWrite(async (tx) => {
      for (const segment of segments) await writeSegment(tx, segment, job.stamp);
      const checkpoint = await tx.run(CHECKPOINT, { job: job.id, batch });
      if (checkpoint.records.length !== 1) throw new Error(`load job ${job.id} disappeared during the load`);
    });
  } finally {
    await session.close();
  }
}

/**
 * Completes a load: deletes its job and every older open job for the same datasets (superseded loads whose
 * leftovers the prune just removed), and renews the graph stamp in the same transaction (db/graph-stamp.ts), so no
 * reader sees the load finished and the old stamp, or the new stamp and the load still open.
 */
export async function completeLoadJob(driver: Driver, job: LoadJob): Promise<void> {
  await writeQuery(
    driver,
    `MATCH (j:LoadJob) WHERE j.id = $id OR (j.startedAt <= datetime($startedAt) AND all(d IN j.datasets WHERE d IN $datasets))
     DELETE j
     WITH count(*) AS closed
     MERGE (s:GraphStamp {id: 'graph'}) SET s.stamp = $graphStamp, s.changedAt = datetime()`,
    { id: job.id, startedAt: job.startedAt, datasets: job.datasets, ...renewParams() },
  );
}
