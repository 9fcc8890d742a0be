/**
 * The database side of a bulk load (start/bulk-load.ts): whether the database is empty enough to be replaced by an
 * offline import, and what completes an imported graph before it is served. The import files carry every node and
 * relationship and a `:LoadJob {kind: 'bulk'}` node, so until {@link finishBulkImport} deletes that node the server
 * refuses queries (server/src/load-guard.ts), exactly as during a transactional load; a crash in between is
 * finished by the next run (bulk or transactional) of the same input.
 */
import type { Driver } from 'neo4j-driver';
import type { PropertyValue } from '../schema/graph.ts';
import { NODE_LABELS, type NodeLabel, REL_TYPES, type RelType } from '../schema/vocabulary.ts';
import { readQuery, writeQuery, writeSession } from './access.ts';
import { completeLoadJob, ensureLoadJobSchema, findLoadJob, type LoadJob } from './load-jobs.ts';
import { toPlain } from './plain.ts';
import { ensureSchema } from './writer.ts';

/** A key whose empty lists the import files could not hold: every node of the label (or relationship) without it gets `[]`. */
export interface EmptyListFixup {
  kind: 'nodes' | 'rels';
  /** The label or relationship type. */
  name: string;
  key: string;
}

/** Properties left out of the import files (values with line breaks), set after the import. */
export interface DeferredProperties {
  kind: 'nodes' | 'rels';
  name: string;
  id: string;
  props: Record<string, PropertyValue>;
}

/** What a database holds, as far as a bulk load cares: any node at all (but the graph stamp, which an
 * import replaces with the store), and the open load jobs. */
export async function databaseContents(driver: Driver): Promise<{ nodes: number; bulkJobs: LoadJob[] }> {
  const { records } = await readQuery(driver, 'MATCH (n) WHERE NOT n:GraphStamp RETURN count(n) AS nodes');
  const nodes = Number(toPlain(records[0]?.get('nodes')));
  if (nodes === 0) return { nodes, bulkJobs: [] };
  const jobs = await readQuery(driver, "MATCH (j:LoadJob {kind: 'bulk'}) RETURN j.id AS id");
  const bulkJobs: LoadJob[] = [];
  for (const record of jobs.records) {
    const job = await findLoadJob(driver, String(record.get('id')));
    if (job) bulkJobs.push(job);
  }
  return { nodes, bulkJobs };
}

const PROPERTY_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

function checkedName(kind: 'nodes' | 'rels', name: string, key?: string): void {
  const known = kind === 'nodes' ? (NODE_LABELS as readonly string[]) : (REL_TYPES as readonly string[]);
  if (!known.includes(name)) throw new Error(`unknown ${kind === 'nodes' ? 'label' : 'relationship type'} ${name}`);
  if (key !== undefined && !PROPERTY_NAME.test(key)) throw new Error(`not a property name: ${key}`);
}

// Labels and types come from schema/vocabulary.ts only, keys are checked names; one statement per label or type,
// in batches of its own.
function fillEmptyLists(kind: 'nodes' | 'rels', name: string, keys: readonly string[]): string {
  const v = kind === 'nodes' ? 'n' : 'r';
  const missing = keys.map((key) => `${v}.${key} IS NULL`).join(' OR ');
  const fill = keys.map((key) => `${v}.${key} = coalesce(${v}.${key}, [])`).join(', ');
  const match = kind === 'nodes' ? `MATCH (n:KG:${name})` : `MATCH ()-[r:${name}]->()`;
  return `${match} WHERE ${missing} CALL (${v}) { SET ${fill} } IN TRANSACTIONS OF 10000 ROWS`;
}

const setDeferred = (kind: 'nodes' | 'rels', name: string): string =>
  kind === 'nodes'
    ? `UNWIND $rows AS row MATCH (n:KG:${name} {id: row.id}) SET n += row.props`
    : `UNWIND $rows AS row MATCH ()-[r:${name} {id: row.id}]->() SET r += row.props`;

const DEFERRED_BATCH = 500;

export interface FinishProgress {
  stage: 'schema' | 'empty-lists' | 'deferred' | 'complete';
}

/**
 * Completes an imported graph: the schema (constraints and indexes, as every load ensures; awaited), the empty
 * lists and the deferred properties the import files could not hold, then deletes the job, which lets the server
 * answer. Idempotent: a rerun after a crash repeats it safely.
 */
export async function finishBulkImport(
  driver: Driver,
  job: LoadJob,
  fixups: readonly EmptyListFixup[],
  deferred: AsyncIterable<DeferredProperties>,
  onStage?: (progress: FinishProgress) => void,
): Promise<void> {
  onStage?.({ stage: 'schema' });
  await ensureLoadJobSchema(driver);
  await ensureSchema(driver);
  onStage?.({ stage: 'empty-lists' });
  const keysOf = new Map<string, string[]>();
  for (const { kind, name, key } of fixups) {
    checkedName(kind, name, key);
    keysOf.set(`${kind}:${name}`, [...(keysOf.get(`${kind}:${name}`) ?? []), key]);
  }
  const session = writeSession(driver);
  try {
    for (const [group, keys] of keysOf) {
      const [kind, name] = group.split(':') as ['nodes' | 'rels', string];
      await session.run(fillEmptyLists(kind, name, keys));
    }
  } finally {
    await session.close();
  }
  onStage?.({ stage: 'deferred' });
  const pending = new Map<string, DeferredProperties[]>();
  const flush = async (group: string) => {
    const rows = pending.get(group) ?? [];
    if (rows.length === 0) return;
    const [kind, name] = group.split(':') as ['nodes' | 'rels', NodeLabel | RelType];
    checkedName(kind, name);
    await writeQuery(driver, setDeferred(kind, name), { rows: rows.map(({ id, props }) => ({ id, props })) });
    pending.set(group, []);
  };
  for await (const item of deferred) {
    const group = `${item.kind}:${item.name}`;
    const rows = pending.get(group) ?? [];
    rows.push(item);
    pending.set(group, rows);
    if (rows.length >= DEFERRED_BATCH) await flush(group);
  }
  for (const group of pending.keys()) await flush(group);
  onStage?.({ stage: 'complete' });
  await completeLoadJob(driver, job);
}
