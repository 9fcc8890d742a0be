/**
 * The neighbourhood of a node in one query, expanded level by level so the work stays bounded by the node
 * limit however connected the graph is.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { GRAPH_REL_TYPES } from '../../schema/vocabulary.ts';
import { readRows } from '../query.ts';
import { edgeProjection, nodeProjection, type SubgraphRecord } from '../records.ts';
import { inWindow, perspective } from './filters.ts';

export interface GraphFilter {
  fromDay: string | null;
  toDay: string | null;
  /** Keep only relationships asserted by one of these actor ids. */
  voices: string[] | null;
  /** Keep only relationships with certaintyRank ≤ this (0 = confirmed only). */
  maxRank: number | null;
}

const TYPES = GRAPH_REL_TYPES.join('|');

const REL_FILTER = `${inWindow('r')} AND ${perspective('r')}`;
const NODE_FILTER = inWindow('m');

// One query per neighbourhood. Each level: neighbours of the previous level not yet included, best-supported first
// (lowest certainty rank, then most links into the level, then id), as many as there is room for under $limit. Then
// the relationships among the nodes that pass the filter, read until one more than $edgeLimit is found. When they
// are more than that, all of them are counted and $edgeLimit kept, taken node by node in the order the levels chose
// them (the start first), each node's relationships with itself and the nodes after it by id; taking them in that
// order stops reading at the cap, so a neighbourhood of hubs (tens of thousands of relationships among 200 nodes) is
// never sorted whole. Levels are written out (depth ≤ MAX_DEPTH)
// because a level's input is the previous level's output.
const MAX_DEPTH = 3;

// Seen nodes are dropped after the grouping, once per candidate rather than once per relationship.
const level = (n: number): string => `
  CALL (start, seen${n - 1}, frontier${n - 1}) {
    UNWIND frontier${n - 1} AS f
    MATCH (f)-[r:${TYPES}]-(m:Entity)
    WHERE ${REL_FILTER}
    WITH m, min(r.certaintyRank) AS rank, count(r) AS links
    WHERE NOT m IN seen${n - 1} AND ${NODE_FILTER}
    WITH m ORDER BY rank, links DESC, m.id LIMIT $limit
    WITH collect(m) AS candidates
    RETURN candidates[..($limit - size(seen${n - 1}))] AS frontier${n}
  }
  WITH start, seen${n - 1} + frontier${n} AS seen${n}, frontier${n}`;

function neighborhoodCypher(depth: number, projection: SubgraphProjection): string {
  const levels = Array.from({ length: depth }, (_, i) => level(i + 1)).join('');
  return `
  MATCH (start:KG:Entity {id: $id})
  WITH start, [start] AS seen0, [start] AS frontier0${levels}
  WITH start, seen${depth} AS nodes
  CALL (nodes) {
    UNWIND nodes AS a
    MATCH (a)-[r:${TYPES}]->(m)
    WHERE m IN nodes AND ${REL_FILTER}
    WITH r LIMIT $edgeLimit + 1
    RETURN collect(r) AS first
  }
  CALL (nodes, first) {
    UNWIND CASE WHEN size(first) > $edgeLimit THEN nodes ELSE [] END AS a
    MATCH (a)-[r:${TYPES}]->(m)
    WHERE m IN nodes AND ${REL_FILTER}
    RETURN count(r) AS counted
  }
  CALL (nodes, first) {
    UNWIND CASE WHEN size(first) > $edgeLimit THEN range(0, size(nodes) - 1) ELSE [] END AS i
    CALL (nodes, i) {
      WITH nodes[i] AS a, nodes[i..] AS later
      MATCH (a)-[r:${TYPES}]-(m)
      WHERE m IN later AND ${REL_FILTER}
      WITH DISTINCT r ORDER BY r.id LIMIT $edgeLimit
      RETURN r
    }
    WITH r LIMIT $edgeLimit
    RETURN collect(r) AS capped
  }
  WITH nodes, CASE WHEN size(first) > $edgeLimit THEN counted ELSE size(first) END AS totalEdges,
    CASE WHEN size(first) > $edgeLimit THEN capped ELSE first END AS kept
  CALL (kept) {
    UNWIND kept AS r
    WITH r ORDER BY r.id
    RETURN collect(${edgeOf('r', projection)}) AS edges
  }
  RETURN [n IN nodes | ${nodeOf('n', projection)}] AS nodes, edges, totalEdges, totalEdges > size(edges) AS truncated`;
}

/**
 * Which properties a caller needs: all of them, or only those the `id`, `kind` and `name` fields of a node and the
 * `id`, `type`, `source` and `target` fields of an edge read. A large neighbourhood's edges carry most of its bytes,
 * and a graph view that draws them needs none of their properties.
 */
export interface SubgraphProjection {
  nodeProps: 'all' | 'name';
  edgeProps: boolean;
}

export const FULL_PROJECTION: SubgraphProjection = { nodeProps: 'all', edgeProps: true };

export const PROJECTIONS: SubgraphProjection[] = [
  FULL_PROJECTION,
  { nodeProps: 'name', edgeProps: true },
  { nodeProps: 'all', edgeProps: false },
  { nodeProps: 'name', edgeProps: false },
];
export const projectionKey = (p: SubgraphProjection) => `${p.nodeProps}:${p.edgeProps}`;

export const nodeOf = (v: string, p: SubgraphProjection) =>
  p.nodeProps === 'all' ? nodeProjection(v) : nodeProjection(v, `{name: ${v}.name}`);
export const edgeOf = (v: string, p: SubgraphProjection) => (p.edgeProps ? edgeProjection(v) : edgeProjection(v, '{}'));

const NEIGHBORHOOD_QUERIES = new Map(
  PROJECTIONS.flatMap((p) =>
    Array.from({ length: MAX_DEPTH + 1 }, (_, depth) => [`${depth}:${projectionKey(p)}`, neighborhoodCypher(depth, p)]),
  ),
);

/** Relationships a neighbourhood returns unless the caller asks for another number. */
export const DEFAULT_EDGE_LIMIT = 1000;

/**
 * Nodes within `depth` relationships of `id` (at most `limit` nodes, the start included) and the
 * relationships among them that pass the filter: at most `edgeLimit` of them, those touching the start
 * node first, then those of the nodes nearest and best supported (`truncated` and `totalEdges` say what was
 * left out). Edges come back ordered by id.
 * Returns null when the start node does not exist.
 */
export async function findNeighborhood(
  driver: Driver,
  id: string,
  depth: number,
  limit: number,
  filter: GraphFilter,
  projection: SubgraphProjection = FULL_PROJECTION,
  edgeLimit: number = DEFAULT_EDGE_LIMIT,
): Promise<SubgraphRecord | null> {
  const level = Math.max(0, Math.min(MAX_DEPTH, Math.floor(depth)));
  const cypher = NEIGHBORHOOD_QUERIES.get(`${level}:${projectionKey(projection)}`);
  if (cypher === undefined) throw new Error(`no neighbourhood query for depth ${depth}`);
  const [row] = await readRows<SubgraphRecord>(driver, cypher, {
    ...filter,
    id,
    limit: neo4j.int(limit),
    edgeLimit: neo4j.int(edgeLimit),
  });
  return row ?? null;
}

export interface RelationshipCount {
  type: string;
  count: number;
}

const RELATIONSHIP_COUNTS = `
  MATCH (start:KG:Entity {id: $id})-[r:${TYPES}]-(m:Entity)
  WHERE ${REL_FILTER} AND ${NODE_FILTER}
  WITH type(r) AS type, count(r) AS count
  RETURN type, count ORDER BY count DESC, type`;

const NO_FILTER: GraphFilter = { fromDay: null, toDay: null, voices: null, maxRank: null };

/**
 * How many relationships of each graph type touch a node and pass the filter (the neighbourhood's: the relationship
 * and the node at its other end in the window, the relationship told by the voices and certain enough), most first
 * (ties by type name): what an "expand by" menu offers. Empty for a node with none (or none that exists: callers
 * check the id first).
 */
export async function countRelationships(
  driver: Driver,
  id: string,
  filter: GraphFilter = NO_FILTER,
): Promise<RelationshipCount[]> {
  return readRows<RelationshipCount>(driver, RELATIONSHIP_COUNTS, { ...filter, id });
}
