/** Reads the stored graph for exports (server/src/export/*): every product node and relationship, or one dataset's. */
import neo4j, { type Driver } from 'neo4j-driver';
import type { Plain } from '../plain.ts';
import { readRows } from '../query.ts';

export type Props = Record<string, Plain>;

/** A stored node as exports see it: its labels and every property. */
export interface ExportNode {
  id: string;
  labels: string[];
  props: Props;
}

export interface ExportRel {
  id: string;
  type: string;
  from: string;
  to: string;
  props: Props;
}

export interface ExportGraph {
  nodes: ExportNode[];
  rels: ExportRel[];
}

const EXPORT_TIMEOUT_MS = 60_000;

const NODES =
  'MATCH (n:KG) WHERE $dataset IS NULL OR $dataset IN n.datasets ' +
  'RETURN n.id AS id, labels(n) AS labels, properties(n) AS props ORDER BY id';
const RELS =
  'MATCH (a:KG)-[r]->(b:KG) WHERE $dataset IS NULL OR $dataset IN r.datasets ' +
  'RETURN r.id AS id, type(r) AS type, a.id AS from, b.id AS to, properties(r) AS props ORDER BY id';
// Whole graph: from Neo4j's count store, no scan. One dataset: a scan that stops once past the bound.
const GRAPH_SIZE =
  'CALL () { MATCH (n:KG) RETURN count(n) AS nodes } CALL () { MATCH (:KG)-[r]->() RETURN count(r) AS rels } RETURN nodes + rels AS size';
const DATASET_SIZE = `
  CALL () { MATCH (n:KG) WHERE $dataset IN n.datasets WITH n LIMIT $upTo RETURN count(n) AS nodes }
  CALL () { MATCH (:KG)-[r]->() WHERE $dataset IN r.datasets WITH r LIMIT $upTo RETURN count(r) AS rels }
  RETURN nodes + rels AS size`;
const DATASETS = 'MATCH (s:Source) UNWIND s.datasets AS d RETURN DISTINCT d AS id ORDER BY id';

/** The whole product graph, or only what one dataset stated (nodes and relationships whose `datasets` list it). */
export async function readExportGraph(driver: Driver, dataset: string | null = null): Promise<ExportGraph> {
  const nodes = await readRows<ExportNode>(driver, NODES, { dataset }, EXPORT_TIMEOUT_MS);
  const rels = await readRows<ExportRel>(driver, RELS, { dataset }, EXPORT_TIMEOUT_MS);
  return { nodes, rels };
}

/**
 * How many nodes and relationships an export of the whole graph (or of one dataset's part) reads: exact up to
 * `upTo`, and at least `upTo` beyond it.
 */
export async function exportSize(driver: Driver, dataset: string | null, upTo: number): Promise<number> {
  const [row] = await readRows<{ size: number }>(
    driver,
    dataset === null ? GRAPH_SIZE : DATASET_SIZE,
    { dataset, upTo: neo4j.int(upTo) },
    EXPORT_TIMEOUT_MS,
  );
  return row?.size ?? 0;
}

/** Ids of the datasets loaded (every dataset has at least one source). */
export async function datasetIds(driver: Driver): Promise<string[]> {
  return (await readRows<{ id: string }>(driver, DATASETS)).map((r) => r.id);
}
