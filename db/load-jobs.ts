/**
 * Resumable batched loads (seed/stream-load.ts). A `:LoadJob` node (not labelled KG, so no query or digest sees
 * it) exists from before the first batch until the load is complete; each batch commits together with the job's
 * checkpoint, so a rerun after a crash skips exactly the batches already stored. Every node and relationship a
 * streamed load writes carries `loadStamp` (the job's stamp, ignored by the content digest); at the end,
 * whatever earlier loads of the same datasets left with another stamp is pruned, and the job node is deleted.
 * While a job node exists the server reports not ready and refuses queries (see server/src/load-guard.ts).
 */
import type { Driver } from 'neo4j-driver';
import type { NodeLabel, NodeRow, RelRow, RelType } from '../seed/plan.ts';
import { NODE_LABELS, REL_TYPES } from '../seed/plan.ts';
import { toPlain } from './plain.ts';
import { DanglingReferenceError, ENTITY_LABELS } from './writer.ts';

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
}

// Labels and relationship types come only from the fixed lists in seed/graph.ts; values are parameters.
const MERGE_STAMPED_NODES = Object.fromEntries(
  NODE_LABELS.map((label) => {
    const labels = ENTITY_LABELS.has(label) ? `KG:Entity:${label}` : `KG:${label}`;
    return [label, `UNWIND $rows AS row MERGE (n:${labels} {id: row.id}) SET n = row.props, n.loadStamp = $stamp`];
  }),
) as Record<NodeLabel, string>;

const MERGE_STAMPED_RELS = Object.fromEntries(
  REL_TYPES.map((type) => [
    type,
    'UNWIND $rows AS row ' +
      'MATCH (a:KG {id: row.from}) MATCH (b:KG {id: row.to}) ' +
      `MERGE (a)-[r:${type} {id: row.id}]->(b) SET r = row.props, r.loadStamp = $stamp ` +
      'RETURN count(r) AS written',
  ]),
) as Record<RelType, string>;

const CHECKPOINT =
  'MATCH (j:LoadJob {id: $job}) SET j.batchesDone = $batch, j.updatedAt = datetime() RETURN j.id AS id';

const JOB_FIELDS =
  'j.id AS id, j.datasets AS datasets, j.inputDigest AS inputDigest, j.stamp AS stamp, j.batchSize AS batchSize, ' +
  'j.batchesDone AS batchesDone, j.totalBatches AS totalBatches, j.preexisting AS preexisting, ' +
  'toString(j.startedAt) AS startedAt';

export async function ensureLoadJobSchema(driver: Driver): Promise<void> {
  await driver.executeQuery(LOAD_JOB_SCHEMA);
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
  };
}

/**
 * Every load job not yet completed (a crashed or running load), oldest first. One auto-commit attempt, no retries:
 * the server asks this on requests, and an unreachable database must fail it at once.
 */
export async function openLoadJobs(driver: Driver): Promise<LoadJob[]> {
  const session = driver.session({ defaultAccessMode: 'READ' });
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

/** The open job for exactly this input, left by an interrupted load, if any. */
export async function findResumableJob(driver: Driver, inputDigest: string): Promise<LoadJob | undefined> {
  const { records } = await driver.executeQuery(
    `MATCH (j:LoadJob {inputDigest: $inputDigest}) RETURN ${JOB_FIELDS} ORDER BY j.startedAt DESC LIMIT 1`,
    { inputDigest },
  );
  return records[0] ? toJob(records[0]) : undefined;
}

/** Creates the job before the first batch; notes whether these datasets already have data, which must be pruned. */
export async function createLoadJob(
  driver: Driver,
  job: Omit<LoadJob, 'batchesDone' | 'preexisting' | 'startedAt'>,
): Promise<LoadJob> {
  const { records } = await driver.executeQuery(
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

/** Rows of one label or relationship type; a batch is a few segments in load order. */
export type BatchSegment =
  | { kind: 'nodes'; label: NodeLabel; rows: NodeRow[] }
  | { kind: 'rels'; type: RelType; rows: RelRow[] };

/**
 * Writes one batch and the job's checkpoint in one transaction: the segments in order (nodes before the
 * relationships that need them), each relationship's endpoints checked to exist.
 */
export async function writeBatch(driver: Driver, job: LoadJob, segments: BatchSegment[], batch: number): Promise<void> {
  const session = driver.session();
  try {
    await session.executeWrite(async (tx) => {
      for (const segment of segments) {
        if (segment.kind === 'nodes') {
          await tx.run(MERGE_STAMPED_NODES[segment.label], { rows: segment.rows, stamp: job.stamp });
          continue;
        }
        const result = await tx.run(MERGE_STAMPED_RELS[segment.type], { rows: segment.rows, stamp: job.stamp });
        const written = Number(toPlain(result.records[0]?.get('written')));
        if (written !== segment.rows.length)
          throw new DanglingReferenceError(
            `${segment.type}: ${segment.rows.length - written} relationship(s) point at missing nodes`,
          );
      }
      const checkpoint = await tx.run(CHECKPOINT, { job: job.id, batch });
      if (checkpoint.records.length !== 1) throw new Error(`load job ${job.id} disappeared during the load`);
    });
  } finally {
    await session.close();
  }
}

/**
 * Deletes what earlier loads of these datasets left (anything without this job's stamp), in batches of
 * auto-committed transactions, relationships first. Safe to repeat after a crash.
 */
export async function pruneOtherStamps(
  driver: Driver,
  datasets: string[],
  stamp: string,
): Promise<{ nodesDeleted: number; relationshipsDeleted: number }> {
  const session = driver.session();
  try {
    const rels = await session.run(
      `MATCH (:KG)-[r]->(:KG) WHERE any(d IN r.datasets WHERE d IN $datasets) AND coalesce(r.loadStamp, '') <> $stamp
       CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS`,
      { datasets, stamp },
    );
    const nodes = await session.run(
      `MATCH (n:KG) WHERE any(d IN n.datasets WHERE d IN $datasets) AND coalesce(n.loadStamp, '') <> $stamp
       CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS`,
      { datasets, stamp },
    );
    return {
      nodesDeleted: nodes.summary.counters.updates().nodesDeleted,
      relationshipsDeleted:
        rels.summary.counters.updates().relationshipsDeleted + nodes.summary.counters.updates().relationshipsDeleted,
    };
  } finally {
    await session.close();
  }
}

/**
 * Completes a load: deletes its job and every older open job for the same datasets (superseded loads whose
 * leftovers the prune just removed).
 */
export async function completeLoadJob(driver: Driver, job: LoadJob): Promise<void> {
  await driver.executeQuery(
    `MATCH (j:LoadJob) WHERE j.id = $id OR (j.startedAt <= datetime($startedAt) AND all(d IN j.datasets WHERE d IN $datasets))
     DELETE j`,
    { id: job.id, startedAt: job.startedAt, datasets: job.datasets },
  );
}
