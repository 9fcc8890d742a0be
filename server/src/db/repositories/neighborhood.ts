/**
 * The neighbourhood of a node in one query, expanded level by level so the work stays bounded by the node
 * limit however connected the graph is.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { readRows } from '../query.ts';
import {
  type EdgeRecord,
  edgeProjection,
  GRAPH_REL_TYPES,
  type NodeRecord,
  nodeProjection,
  type SubgraphRecord,
} from '../records.ts';

export interface GraphFilter {
  fromDay: string | null;
  toDay: string | null;
  /** Keep only relationships asserted by one of these actor ids. */
  voices: string[] | null;
  /** Keep only relationships with certaintyRank ≤ this (0 = confirmed only). */
  maxRank: number | null;
}

const TYPES = GRAPH_REL_TYPES.join('|');

const REL_FILTER = `
  ($fromDay IS NULL OR r.latest IS NULL OR r.latest >= $fromDay)
  AND ($toDay IS NULL OR r.earliest IS NULL OR r.earliest <= $toDay)
  AND ($voices IS NULL OR any(v IN r.attributedTo WHERE v IN $voices))
  AND ($maxRank IS NULL OR r.certaintyRank <= $maxRank)`;

const NODE_FILTER = `
  ($fromDay IS NULL OR m.latest IS NULL OR m.latest >= $fromDay)
  AND ($toDay IS NULL OR m.earliest IS NULL OR m.earliest <= $toDay)`;

// One query per neighbourhood. Each level: neighbours of the previous level not yet included, best-supported first
// (lowest certainty rank, then most links into the level, then id), as many as there is room for under $limit. Then
// every relationship among the nodes that passes the filter. Levels are written out (depth ≤ MAX_DEPTH) because a
// level's input is the previous level's output.
const MAX_DEPTH = 3;

const level = (n: number): string => `
  CALL (start, seen${n - 1}, frontier${n - 1}) {
    UNWIND frontier${n - 1} AS f
    MATCH (f)-[r:${TYPES}]-(m:Entity)
    WHERE NOT m IN seen${n - 1} AND ${REL_FILTER} AND ${NODE_FILTER}
    WITH m, min(r.certaintyRank) AS rank, count(r) AS links
    ORDER BY rank, links DESC, m.id
    WITH collect(m) AS candidates
    RETURN candidates[..($limit - size(seen${n - 1}))] AS frontier${n}
  }
  WITH start, seen${n - 1} + frontier${n} AS seen${n}, frontier${n}`;

function neighborhoodCypher(depth: number): string {
  const levels = Array.from({ length: depth }, (_, i) => level(i + 1)).join('');
  return `
  MATCH (start:Entity {id: $id})
  WITH start, [start] AS seen0, [start] AS frontier0${levels}
  WITH seen${depth} AS nodes
  CALL (nodes) {
    UNWIND nodes AS a
    MATCH (a)-[r:${TYPES}]->(m:Entity)
    WHERE m IN nodes AND ${REL_FILTER}
    WITH r ORDER BY r.id
    RETURN collect(${edgeProjection('r')}) AS edges
  }
  RETURN [n IN nodes | ${nodeProjection('n')}] AS nodes, edges`;
}

const NEIGHBORHOOD_QUERIES = new Map(
  Array.from({ length: MAX_DEPTH + 1 }, (_, depth) => [depth, neighborhoodCypher(depth)] as const),
);

// Best-connected first; degree counts only relationships that pass the filter.
const OVERVIEW = `
  MATCH (m:Entity)
  WHERE ${NODE_FILTER}
  WITH m, COUNT { (m)-[r:${TYPES}]-(:Entity) WHERE ${REL_FILTER} } AS degree
  ORDER BY degree DESC, m.id
  LIMIT $limit
  RETURN ${nodeProjection('m')} AS node`;

const EDGES_AMONG = `
  MATCH (a:Entity)-[r:${TYPES}]->(m:Entity)
  WHERE a.id IN $ids AND m.id IN $ids AND ${REL_FILTER}
  RETURN {id: r.id, type: type(r), source: a.id, target: m.id, props: properties(r)} AS edge
  ORDER BY edge.id`;

/**
 * Nodes within `depth` relationships of `id` (at most `limit` nodes, the start included) and every
 * relationship among them that passes the filter. Returns null when the start node does not exist.
 */
export async function findNeighborhood(
  driver: Driver,
  id: string,
  depth: number,
  limit: number,
  filter: GraphFilter,
): Promise<SubgraphRecord | null> {
  const cypher = NEIGHBORHOOD_QUERIES.get(Math.max(0, Math.min(MAX_DEPTH, Math.floor(depth))));
  if (cypher === undefined) throw new Error(`no neighbourhood query for depth ${depth}`);
  const [row] = await readRows<SubgraphRecord>(driver, cypher, { ...filter, id, limit: neo4j.int(limit) });
  return row ?? null;
}

/** The `limit` best-connected nodes under the filter, and every relationship among them that passes it. */
export async function findOverview(driver: Driver, limit: number, filter: GraphFilter): Promise<SubgraphRecord> {
  const rows = await readRows<{ node: NodeRecord }>(driver, OVERVIEW, { ...filter, limit: neo4j.int(limit) });
  const nodes = rows.map((r) => r.node);
  const edges = await readRows<{ edge: EdgeRecord }>(driver, EDGES_AMONG, { ...filter, ids: nodes.map((n) => n.id) });
  return { nodes, edges: edges.map((e) => e.edge) };
}
