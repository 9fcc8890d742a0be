/**
 * The neighbourhood of a node, expanded one level per query so the work stays bounded by the node
 * limit however connected the graph is.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { readRows } from '../query.ts';
import { type EdgeRecord, GRAPH_REL_TYPES, type NodeRecord, nodeProjection, type SubgraphRecord } from '../records.ts';

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

// Id lookups name :KG, whose unique constraint indexes `id`; with :Entity alone Neo4j scans every entity.
const START = `MATCH (n:KG:Entity {id: $id}) RETURN ${nodeProjection('n')} AS node`;

// Next level: neighbours of the frontier not yet included, best-supported first, capped by $room.
const EXPAND = `
  UNWIND $frontier AS key
  MATCH (n:KG:Entity {id: key})-[r:${TYPES}]-(m:Entity)
  WHERE NOT m.id IN $seen AND ${REL_FILTER} AND ${NODE_FILTER}
  WITH m, min(r.certaintyRank) AS rank, count(r) AS links
  ORDER BY rank, links DESC, m.id
  LIMIT $room
  RETURN ${nodeProjection('m')} AS node`;

// Best-connected first; degree counts only relationships that pass the filter.
const OVERVIEW = `
  MATCH (m:Entity)
  WHERE ${NODE_FILTER}
  WITH m, COUNT { (m)-[r:${TYPES}]-(:Entity) WHERE ${REL_FILTER} } AS degree
  ORDER BY degree DESC, m.id
  LIMIT $limit
  RETURN ${nodeProjection('m')} AS node`;

const EDGES_AMONG = `
  UNWIND $ids AS key
  MATCH (a:KG:Entity {id: key})-[r:${TYPES}]->(m:Entity)
  WHERE m.id IN $ids AND ${REL_FILTER}
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
  const [start] = await readRows<{ node: NodeRecord }>(driver, START, { id });
  if (!start) return null;
  const nodes: NodeRecord[] = [start.node];
  const seen = new Set([id]);
  let frontier = [id];
  for (let level = 0; level < depth && frontier.length > 0 && nodes.length < limit; level++) {
    const rows = await readRows<{ node: NodeRecord }>(driver, EXPAND, {
      ...filter,
      frontier,
      seen: [...seen],
      room: neo4j.int(limit - nodes.length),
    });
    frontier = [];
    for (const { node } of rows) {
      nodes.push(node);
      seen.add(node.id);
      frontier.push(node.id);
    }
  }
  const edges = await readRows<{ edge: EdgeRecord }>(driver, EDGES_AMONG, { ...filter, ids: [...seen] });
  return { nodes, edges: edges.map((e) => e.edge) };
}

/** The `limit` best-connected nodes under the filter, and every relationship among them that passes it. */
export async function findOverview(driver: Driver, limit: number, filter: GraphFilter): Promise<SubgraphRecord> {
  const rows = await readRows<{ node: NodeRecord }>(driver, OVERVIEW, { ...filter, limit: neo4j.int(limit) });
  const nodes = rows.map((r) => r.node);
  const edges = await readRows<{ edge: EdgeRecord }>(driver, EDGES_AMONG, { ...filter, ids: nodes.map((n) => n.id) });
  return { nodes, edges: edges.map((e) => e.edge) };
}
