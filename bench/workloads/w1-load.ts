/**
 * W1: loading. The whole dataset through the product's loader (timed); the same files through the bulk path
 * (`npm run seed:bulk`: Neo4j's offline importer) into a Neo4j home of its own, from the files to served; and on a
 * slice of the data (participations and their actors and events, copied under scratch labels): batched
 * `UNWIND … MERGE` like the loader vs one auto-commit MERGE per row, and batched with vs without a uniqueness
 * constraint. Scratch data and the bulk home are removed afterwards.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { writeQuery, writeSession } from '../../db/access.ts';
import { createDriver } from '../../db/driver.ts';
import { resolveNeo4jConfig, stopNeo4j } from '../../neo4j/launcher.ts';
import { bulkLoadFiles } from '../../start/bulk-load.ts';
import type { BenchContext } from '../context.ts';
import { REPO } from '../dataset.ts';
import { interleave, measurement } from '../measure.ts';
import { median } from '../stats.ts';
import type { Measurement, WorkloadReport } from '../types.ts';
import { rows } from './samples.ts';

const SLICE_RELATIONSHIPS = 500;
const BATCH = 1000;
const KEYED = 'BenchW1';
const UNKEYED = 'BenchW1NoKey';
type ScratchLabel = typeof KEYED | typeof UNKEYED;
const KEYED_CONSTRAINT = 'CREATE CONSTRAINT bench_w1_id IF NOT EXISTS FOR (n:BenchW1) REQUIRE n.id IS UNIQUE';

interface NodeRow {
  id: string;
  props: Record<string, unknown>;
}
interface RelRow extends NodeRow {
  from: string;
  to: string;
}
interface Slice {
  nodes: NodeRow[];
  rels: RelRow[];
}

// Scratch labels come from the two constants above, never from input.
const mergeNodes = (label: ScratchLabel) => `UNWIND $rows AS row MERGE (n:${label} {id: row.id}) SET n = row.props`;
const mergeRels = (label: ScratchLabel) =>
  `UNWIND $rows AS row MATCH (a:${label} {id: row.from}) MATCH (b:${label} {id: row.to}) ` +
  'MERGE (a)-[r:BENCH_W1 {id: row.id}]->(b) SET r = row.props';
const mergeNode = (label: ScratchLabel) => `MERGE (n:${label} {id: $id}) SET n = $props`;
const mergeRel = (label: ScratchLabel) =>
  `MATCH (a:${label} {id: $from}) MATCH (b:${label} {id: $to}) MERGE (a)-[r:BENCH_W1 {id: $id}]->(b) SET r = $props`;
const clear = (label: ScratchLabel) => `MATCH (n:${label}) DETACH DELETE n`;

async function readSlice(driver: Driver): Promise<Slice> {
  const rels = await rows<RelRow>(
    driver,
    `MATCH (a:Actor)-[r:PARTICIPATED_IN]->(e:Event)
     RETURN r.id AS id, a.id AS from, e.id AS to, properties(r) AS props ORDER BY r.id LIMIT $limit`,
    { limit: neo4j.int(SLICE_RELATIONSHIPS) },
  );
  const ids = [...new Set(rels.flatMap((r) => [r.from, r.to]))];
  const nodes = await rows<NodeRow>(
    driver,
    'UNWIND $ids AS key MATCH (n:KG {id: key}) RETURN n.id AS id, properties(n) AS props',
    { ids },
  );
  return { nodes, rels };
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Rows per second of a batched load of the slice in one transaction, like the product's writer. */
async function batched(driver: Driver, label: ScratchLabel, slice: Slice): Promise<number> {
  await writeQuery(driver, clear(label));
  const session = writeSession(driver);
  const started = performance.now();
  try {
    await session.executeWrite(async (tx) => {
      for (const batch of chunks(slice.nodes, BATCH)) await tx.run(mergeNodes(label), { rows: batch });
      for (const batch of chunks(slice.rels, BATCH)) await tx.run(mergeRels(label), { rows: batch });
    });
  } finally {
    await session.close();
  }
  return (slice.nodes.length + slice.rels.length) / ((performance.now() - started) / 1000);
}

/** Rows per second when every row is its own auto-commit MERGE. */
async function perRow(driver: Driver, label: ScratchLabel, slice: Slice): Promise<number> {
  await writeQuery(driver, clear(label));
  const session = writeSession(driver);
  const started = performance.now();
  try {
    for (const node of slice.nodes) await session.run(mergeNode(label), node);
    for (const rel of slice.rels) await session.run(mergeRel(label), rel);
  } finally {
    await session.close();
  }
  return (slice.nodes.length + slice.rels.length) / ((performance.now() - started) / 1000);
}

const stageNote = (stages: Record<string, number>): string => {
  const parts = Object.entries(stages)
    .filter(([, seconds]) => seconds >= 0.05)
    .map(([stage, seconds]) => `${stage} ${seconds.toFixed(1)} s`);
  return parts.length ? `; stages: ${parts.join(', ')}` : '';
};

interface BulkTiming {
  seconds: number;
  stages: Record<string, number>;
}

/** Issue 15's goals for a load into an empty database, from the dataset files to served. */
const EMPTY_LOAD_GOAL_S: Partial<Record<string, number>> = { M: 30, L: 150 };

/**
 * The dataset files through the bulk path into a new, empty Neo4j home (no server running at the start), timed
 * until the graph is served; then checked against the bench database's node count, stopped and removed.
 */
async function bulkLoad(ctx: BenchContext): Promise<BulkTiming> {
  const config = resolveNeo4jConfig(process.env, {
    homeDir: path.join(REPO, '.neo4j-bench-bulk'),
    boltPort: Number(process.env.NEO4J_BENCH_BULK_BOLT_PORT || 7696),
    heap: '1g',
    pageCache: '512m',
  });
  const clean = async () => {
    await stopNeo4j(config).catch(() => undefined);
    await rm(config.homeDir, { recursive: true, force: true });
  };
  await clean();
  const stages: Record<string, number> = {};
  let current: { stage: string; at: number } | null = null;
  const mark = (stage: string | null) => {
    const now = performance.now();
    if (current) stages[current.stage] = (stages[current.stage] ?? 0) + (now - current.at) / 1000;
    current = stage ? { stage, at: now } : null;
  };
  const started = performance.now();
  try {
    await bulkLoadFiles(config, ctx.dataset.files, { onStage: mark });
    mark(null);
    const seconds = (performance.now() - started) / 1000;
    const countKg = 'MATCH (n:KG) RETURN count(n) AS nodes';
    const driver = createDriver({ uri: config.uri, user: config.user, password: config.password });
    try {
      const [bulk] = await rows<{ nodes: number }>(driver, countKg);
      const [bench] = await rows<{ nodes: number }>(ctx.driver, countKg);
      if (bulk?.nodes !== bench?.nodes)
        throw new Error(`the bulk load served ${bulk?.nodes} :KG nodes where the bench database holds ${bench?.nodes}`);
    } finally {
      await driver.close();
    }
    return { seconds, stages };
  } finally {
    await clean();
  }
}

export async function w1Load(ctx: BenchContext): Promise<WorkloadReport> {
  const measurements: Measurement[] = [];
  const load = await ctx.load();
  const loadRate = (load.nodes + load.relationships) / load.seconds;
  ctx.log(`  W1: loaded ${load.nodes} nodes and ${load.relationships} relationships in ${load.seconds.toFixed(1)} s`);
  const isM = ctx.dataset.size === 'M';
  measurements.push(
    measurement({
      workload: 'W1',
      name: `load the whole dataset (${load.nodes.toLocaleString('en-US')} nodes + ${load.relationships.toLocaleString('en-US')} relationships)`,
      peer: null,
      metric: 's',
      higherIsBetter: false,
      subjectSamples: [load.seconds],
      ...(isM ? { goal: { kind: 'atMost', value: 30, unit: 's' } as const, goalText: 'M in ≤30 s' } : {}),
      notes: `${load.loader}; ${Math.round(loadRate).toLocaleString('en-US')} rows/s${stageNote(load.stages)}; loaded ${load.loadedAt}`,
    }),
  );

  const slice = await readSlice(ctx.driver);
  const sliceRows = slice.nodes.length + slice.rels.length;
  await writeQuery(ctx.driver, KEYED_CONSTRAINT);
  try {
    const rounds = Math.min(ctx.settings.rounds, 2);
    const vsPerRow = await interleave(
      ctx,
      'W1 batched vs per-row',
      () => batched(ctx.driver, KEYED, slice),
      () => perRow(ctx.driver, KEYED, slice),
      rounds,
    );
    const perRowRate = median(vsPerRow.peer);
    ctx.log('  W1: the bulk path into an empty Neo4j home…');
    const bulk = await bulkLoad(ctx);
    const bulkRate = (load.nodes + load.relationships) / bulk.seconds;
    ctx.log(`  W1: bulk-loaded in ${bulk.seconds.toFixed(1)} s${stageNote(bulk.stages)}`);
    const emptyGoal = EMPTY_LOAD_GOAL_S[ctx.dataset.size];
    measurements.push(
      measurement({
        workload: 'W1',
        name: 'bulk load into an empty database (npm run seed:bulk: validate, plan, neo4j-admin import, start, finish), from the files to served',
        peer: null,
        metric: 's',
        higherIsBetter: false,
        subjectSamples: [bulk.seconds],
        ...(emptyGoal ? { goal: { kind: 'atMost', value: emptyGoal, unit: 's' } as const } : {}),
        notes: `${Math.round(bulkRate).toLocaleString('en-US')} rows/s; no Neo4j running at the start, a new home of its own${stageNote(bulk.stages)}`,
      }),
      measurement({
        workload: 'W1',
        name: 'bulk load vs one auto-commit MERGE per row (per-row rate on the slice)',
        peer: 'auto-commit MERGE per row',
        metric: 'rows/s',
        higherIsBetter: true,
        subjectSamples: [bulkRate],
        peerSamples: vsPerRow.peer,
        goal: { kind: 'ratioAtLeast', value: 100 },
      }),
    );
    measurements.push(
      measurement({
        workload: 'W1',
        name: 'whole-dataset loader vs one auto-commit MERGE per row (per-row rate on the slice)',
        peer: 'auto-commit MERGE per row',
        metric: 'rows/s',
        higherIsBetter: true,
        subjectSamples: [loadRate],
        peerSamples: vsPerRow.peer,
        goal: { kind: 'ratioAtLeast', value: 100 },
      }),
      measurement({
        workload: 'W1',
        name: `slice of ${sliceRows.toLocaleString('en-US')} rows: UNWIND batches of ${BATCH} in one transaction vs auto-commit MERGE per row`,
        peer: 'auto-commit MERGE per row',
        metric: 'rows/s',
        higherIsBetter: true,
        subjectSamples: vsPerRow.subject,
        peerSamples: vsPerRow.peer,
        notes: `per-row ${Math.round(perRowRate)} rows/s; both with the uniqueness constraint`,
      }),
    );
    const vsUnkeyed = await interleave(
      ctx,
      'W1 with vs without constraint',
      () => batched(ctx.driver, KEYED, slice),
      () => batched(ctx.driver, UNKEYED, slice),
      rounds,
    );
    measurements.push(
      measurement({
        workload: 'W1',
        name: `slice of ${sliceRows.toLocaleString('en-US')} rows, batched: with vs without a uniqueness constraint on id`,
        peer: 'no constraint (label scan per MERGE)',
        metric: 'rows/s',
        higherIsBetter: true,
        subjectSamples: vsUnkeyed.subject,
        peerSamples: vsUnkeyed.peer,
        notes: 'without the constraint every MERGE and MATCH scans the label, so the gap grows with the data',
      }),
    );
  } finally {
    await writeQuery(ctx.driver, clear(KEYED));
    await writeQuery(ctx.driver, clear(UNKEYED));
    await writeQuery(ctx.driver, 'DROP CONSTRAINT bench_w1_id IF EXISTS');
  }
  return {
    workload: 'W1',
    title: 'Loading: the batched loader vs one MERGE per row; with vs without constraints',
    dataset: ctx.dataset.label,
    measurements,
    details: { load, slice: { nodes: slice.nodes.length, relationships: slice.rels.length } },
  };
}
