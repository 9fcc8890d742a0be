/**
 * THE writer: the one set of statements that store a graph plan (schema/graph.ts rows) in Neo4j, for both loaders.
 * The in-memory load (seed/seed.ts) writes the whole plan in one transaction of parameterised UNWIND batches that
 * MERGE on ids, then prunes what earlier loads of the same datasets left, so a load is all or nothing and a second
 * load of the same data changes nothing. The streamed load (seed/stream-load.ts) writes the same statements batch by
 * batch, each batch committed with its job's checkpoint (db/load-jobs.ts), every row stamped with the job's
 * `loadStamp`, and prunes by stamp at the end.
 */
import type { Driver, ManagedTransaction, QueryStatistics } from 'neo4j-driver';
import { type GraphPlan, type NodeRow, type RelRow, TIMELINE_LANE_DAYS } from '../schema/graph.ts';
import { ENTITY_LABELS, NODE_LABELS, type NodeLabel, REL_TYPES, type RelType } from '../schema/vocabulary.ts';
import { readQuery, writeQuery, writeSession } from './access.ts';
import { renewStamp, renewStampIn } from './graph-stamp.ts';
import { toPlain } from './plain.ts';

export const BATCH_SIZE = 1000;

/** Schema statements, run together in one transaction (ensureSchema); each is a no-op when already present. */
export const SCHEMA_STATEMENTS: readonly string[] = [
  'CREATE CONSTRAINT kg_id IF NOT EXISTS FOR (n:KG) REQUIRE n.id IS UNIQUE',
  'CREATE INDEX event_earliest IF NOT EXISTS FOR (n:Event) ON (n.earliest)',
  'CREATE INDEX event_latest IF NOT EXISTS FOR (n:Event) ON (n.latest)',
  'CREATE INDEX event_start_key IF NOT EXISTS FOR (n:Event) ON (n.startKey)',
  'CREATE INDEX event_lane_key IF NOT EXISTS FOR (n:Event) ON (n.laneKey)',
  'CREATE INDEX agreement_earliest IF NOT EXISTS FOR (n:Agreement) ON (n.earliest)',
  'CREATE INDEX entity_name IF NOT EXISTS FOR (n:Entity) ON (n.name)',
  // searchText holds tokens already normalised by schema/normalize.ts; the whitespace analyzer keeps them as they are.
  'CREATE FULLTEXT INDEX node_search IF NOT EXISTS FOR (n:Actor|Place|Event|Agreement|Source) ON EACH [n.searchText] ' +
    "OPTIONS {indexConfig: {`fulltext.analyzer`: 'whitespace', `fulltext.eventually_consistent`: false}}",
  // A relationship id names its endpoints (seed/plan-dataset.ts), so it is unique per type. The constraint's index
  // lets `MERGE (a)-[r:T {id: …}]->(b)` seek the relationship instead of expanding every T between a and b, which on
  // hub nodes made loads slow down as they grew.
  ...REL_TYPES.map(
    (type) =>
      `CREATE CONSTRAINT rel_${type.toLowerCase()}_id IF NOT EXISTS FOR ()-[r:${type}]-() REQUIRE r.id IS UNIQUE`,
  ),
];

const isEntityLabel = (label: NodeLabel): boolean => (ENTITY_LABELS as readonly string[]).includes(label);

/** Every label a node of this label is stored with: `KG`, `Entity` for the four entity kinds, and its own. */
export const storedLabels = (label: NodeLabel): string[] =>
  isEntityLabel(label) ? ['KG', 'Entity', label] : ['KG', label];

// The MERGE statements of both loaders. Labels and relationship types come only from the fixed lists in
// schema/vocabulary.ts; values are parameters. `$stamp` is the streamed load's job stamp, null for an in-memory load
// (setting a property to null leaves none, so the graph is the one `SET n = row.props` alone writes).
const MERGE_NODES = Object.fromEntries(
  NODE_LABELS.map((label) => {
    return [
      label,
      `UNWIND $rows AS row MERGE (n:${storedLabels(label).join(':')} {id: row.id}) SET n = row.props, n.loadStamp = $stamp`,
    ];
  }),
) as Record<NodeLabel, string>;

const MERGE_RELS = Object.fromEntries(
  REL_TYPES.map((type) => [
    type,
    'UNWIND $rows AS row ' +
      'MATCH (a:KG {id: row.from}) MATCH (b:KG {id: row.to}) ' +
      `MERGE (a)-[r:${type} {id: row.id}]->(b) SET r = row.props, r.loadStamp = $stamp ` +
      'RETURN count(r) AS written',
  ]),
) as Record<RelType, string>;

// Pruning after an in-memory load, inside its transaction: what these datasets stated before and the plan no longer has.
const PRUNE_RELS =
  'MATCH (:KG)-[r]->(:KG) WHERE any(d IN r.datasets WHERE d IN $datasets) AND NOT r.id IN $keep DELETE r';
const PRUNE_NODES =
  'MATCH (n:KG) WHERE any(d IN n.datasets WHERE d IN $datasets) AND NOT n.id IN $keep DETACH DELETE n';
// Pruning after a streamed load, in auto-committed batches: what these datasets have without this load's stamp.
const PRUNE_OTHER_STAMPED_RELS = `MATCH (:KG)-[r]->(:KG) WHERE any(d IN r.datasets WHERE d IN $datasets) AND coalesce(r.loadStamp, '') <> $stamp
       CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS`;
const PRUNE_OTHER_STAMPED_NODES = `MATCH (n:KG) WHERE any(d IN n.datasets WHERE d IN $datasets) AND coalesce(n.loadStamp, '') <> $stamp
       CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS`;
const DELETE_ALL_PRODUCT_NODES = 'MATCH (n:KG) DETACH DELETE n';

/** Rows of one label or relationship type; a batch is a few segments in load order. */
export type RowSegment =
  | { kind: 'nodes'; label: NodeLabel; rows: NodeRow[] }
  | { kind: 'rels'; type: RelType; rows: RelRow[] };

export class DanglingReferenceError extends Error {
  readonly code = 'DANGLING_REFERENCE';
}

/**
 * Writes one segment of rows inside a transaction; a relationship whose end node does not exist fails the
 * transaction with {@link DanglingReferenceError}. Returns the statement's counters.
 */
export async function writeSegment(
  tx: ManagedTransaction,
  segment: RowSegment,
  stamp: string | null,
): Promise<ReturnType<QueryStatistics['updates']>> {
  if (segment.kind === 'nodes') {
    const result = await tx.run(MERGE_NODES[segment.label], { rows: segment.rows, stamp });
    return result.summary.counters.updates();
  }
  const result = await tx.run(MERGE_RELS[segment.type], { rows: segment.rows, stamp });
  const written = Number(toPlain(result.records[0]?.get('written')));
  if (written !== segment.rows.length)
    throw new DanglingReferenceError(
      `${segment.type}: ${segment.rows.length - written} relationship(s) point at missing nodes`,
    );
  return result.summary.counters.updates();
}

export interface WriteProgress {
  phase: 'nodes' | 'relationships' | 'prune';
  done: number;
  total: number;
}

export interface WriteOptions {
  batchSize?: number;
  /** Delete all product data (KG nodes) inside the same transaction before writing. */
  replaceAll?: boolean;
  /** Called after each batch inside the transaction; throwing from it rolls the whole load back. */
  onBatch?: (progress: WriteProgress) => void;
}

export interface WriteSummary {
  nodesCreated: number;
  relationshipsCreated: number;
  propertiesSet: number;
  nodesDeleted: number;
  relationshipsDeleted: number;
}

function batches<T>(rows: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

export async function ensureSchema(driver: Driver): Promise<void> {
  // One transaction: Neo4j then fills every new index and constraint in one pass over the store, not one pass each
  // (after a bulk import of M: 15 s instead of 32 s on the busy machine).
  const session = writeSession(driver);
  try {
    await session.executeWrite(async (tx) => {
      for (const statement of SCHEMA_STATEMENTS) await tx.run(statement);
    });
  } finally {
    await session.close();
  }
  // A new index is populated in the background; wait, so queries (full-text search) work as soon as a load returns.
  await writeQuery(driver, 'CALL db.awaitIndexes(300)');
}

// schema/graph.ts timelineStartKey and timelineLaneKey, in Cypher, for events an earlier version stored without them.
const UPGRADE_EVENTS = `MATCH (e:Event) WHERE e.startKey IS NULL OR e.laneKey IS NULL
  CALL (e) {
    WITH e, coalesce(e.earliest, '') AS start
    WITH e, start, CASE WHEN start = '' OR e.latest IS NULL THEN null
      ELSE duration.inDays(date(start), date(e.latest)).days END AS span
    SET e.startKey = start,
      e.laneKey = CASE WHEN start = '' THEN '0:'
        ELSE toString(CASE WHEN span IS NULL THEN ${TIMELINE_LANE_DAYS.length + 1}
          ${TIMELINE_LANE_DAYS.map((days, i) => `WHEN span <= ${days} THEN ${i + 1}`).join(' ')}
          ELSE ${TIMELINE_LANE_DAYS.length + 1} END) + ':' + start END
  } IN TRANSACTIONS OF 10000 ROWS`;

/**
 * Brings a graph loaded by an earlier version of the loader up to date, so reads can rely on what the loader now
 * writes: the schema, and each event's `startKey` and `laneKey` (schema/graph.ts). Idempotent; returns how many
 * events it updated (0 when there was nothing to do).
 */
export async function upgradeStoredGraph(driver: Driver): Promise<{ eventsUpdated: number }> {
  await ensureSchema(driver);
  const { records } = await readQuery(
    driver,
    'MATCH (e:Event) WHERE e.startKey IS NULL OR e.laneKey IS NULL RETURN count(e) AS n',
  );
  const eventsUpdated = records[0]?.get('n').toNumber() ?? 0;
  if (eventsUpdated === 0) return { eventsUpdated };
  // Batches, each its own transaction: only an auto-commit session query may run CALL … IN TRANSACTIONS.
  const session = writeSession(driver);
  try {
    await session.run(UPGRADE_EVENTS);
  } finally {
    await session.close();
  }
  await renewStamp(driver);
  return { eventsUpdated };
}

/** Writes the whole plan in one transaction and removes what earlier loads of the same datasets left behind. */
export async function writeGraphPlan(
  driver: Driver,
  plan: GraphPlan,
  options: WriteOptions = {},
): Promise<WriteSummary> {
  const size = options.batchSize ?? BATCH_SIZE;
  const total =
    NODE_LABELS.reduce((n, l) => n + plan.nodes[l].length, 0) + REL_TYPES.reduce((n, t) => n + plan.rels[t].length, 0);
  const summary: WriteSummary = {
    nodesCreated: 0,
    relationshipsCreated: 0,
    propertiesSet: 0,
    nodesDeleted: 0,
    relationshipsDeleted: 0,
  };
  const session = writeSession(driver);
  try {
    await session.executeWrite(async (tx: ManagedTransaction) => {
      Object.assign(summary, {
        nodesCreated: 0,
        relationshipsCreated: 0,
        propertiesSet: 0,
        nodesDeleted: 0,
        relationshipsDeleted: 0,
      });
      let done = 0;
      const count = (counters: ReturnType<QueryStatistics['updates']>) => {
        summary.nodesCreated += counters.nodesCreated;
        summary.relationshipsCreated += counters.relationshipsCreated;
        summary.propertiesSet += counters.propertiesSet;
        summary.nodesDeleted += counters.nodesDeleted;
        summary.relationshipsDeleted += counters.relationshipsDeleted;
      };
      if (options.replaceAll) count((await tx.run(DELETE_ALL_PRODUCT_NODES)).summary.counters.updates());
      for (const label of NODE_LABELS)
        for (const rows of batches(plan.nodes[label], size)) {
          count(await writeSegment(tx, { kind: 'nodes', label, rows }, null));
          done += rows.length;
          options.onBatch?.({ phase: 'nodes', done, total });
        }
      for (const type of REL_TYPES)
        for (const rows of batches(plan.rels[type], size)) {
          count(await writeSegment(tx, { kind: 'rels', type, rows }, null));
          done += rows.length;
          options.onBatch?.({ phase: 'relationships', done, total });
        }
      const keepRels = REL_TYPES.flatMap((t) => plan.rels[t].map((r) => r.id));
      const keepNodes = NODE_LABELS.flatMap((l) => plan.nodes[l].map((n) => n.id));
      count((await tx.run(PRUNE_RELS, { datasets: plan.datasetIds, keep: keepRels })).summary.counters.updates());
      count((await tx.run(PRUNE_NODES, { datasets: plan.datasetIds, keep: keepNodes })).summary.counters.updates());
      await renewStampIn(tx);
      options.onBatch?.({ phase: 'prune', done, total });
    });
  } finally {
    await session.close();
  }
  return summary;
}

/**
 * Deletes what earlier loads of these datasets left (anything without this stamp), in batches of auto-committed
 * transactions, relationships first. Safe to repeat after a crash.
 */
export async function pruneOtherStamps(
  driver: Driver,
  datasets: string[],
  stamp: string,
): Promise<{ nodesDeleted: number; relationshipsDeleted: number }> {
  const session = writeSession(driver);
  try {
    const rels = await session.run(PRUNE_OTHER_STAMPED_RELS, { datasets, stamp });
    const nodes = await session.run(PRUNE_OTHER_STAMPED_NODES, { datasets, stamp });
    return {
      nodesDeleted: nodes.summary.counters.updates().nodesDeleted,
      relationshipsDeleted:
        rels.summary.counters.updates().relationshipsDeleted + nodes.summary.counters.updates().relationshipsDeleted,
    };
  } finally {
    await session.close();
  }
}

/** Removes only this product's data: every node labelled KG and its relationships. */
export async function resetProductData(driver: Driver): Promise<number> {
  // CALL … IN TRANSACTIONS needs an auto-commit transaction, hence session.run.
  const session = writeSession(driver);
  try {
    // Relationships first: detaching hubs with thousands of relationships in one batch exceeds the transaction memory.
    await session.run('MATCH (:KG)-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS');
    const result = await session.run('MATCH (n:KG) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS');
    await renewStamp(driver);
    return result.summary.counters.updates().nodesDeleted;
  } finally {
    await session.close();
  }
}

/** Node counts per product label. */
export async function countByLabel(driver: Driver): Promise<Record<NodeLabel, number>> {
  const { records } = await readQuery(
    driver,
    'UNWIND $labels AS label CALL (label) { MATCH (n:KG) WHERE label IN labels(n) RETURN count(n) AS c } RETURN label, c',
    { labels: [...NODE_LABELS] },
  );
  return Object.fromEntries(records.map((r) => [r.get('label'), toPlain(r.get('c'))])) as Record<NodeLabel, number>;
}

export async function countProductNodes(driver: Driver): Promise<number> {
  const { records } = await readQuery(driver, 'MATCH (n:KG) RETURN count(n) AS c');
  return Number(toPlain(records[0]?.get('c')));
}
