/**
 * The like-for-like peer of this server's `neighborhood(id, depth)`: the same content written as the obvious Cypher,
 * served by the @neo4j/graphql peer through `@cypher` query fields (see neo4j-graphql-typedefs.ts). The start node
 * comes from the `:KG(id)` uniqueness index; the nodes within `depth` hops, nearest first and then by id, up to
 * `$limit` with the start; then every relationship among them, up to `$edgeLimit`, those touching the start first
 * and then by id, returned by id (this server now keeps, after those touching the start, the relationships of its best-ranked
 * nodes first; the W3 content check allows for that). What it does not do is this server's ranking of the
 * neighbours within a hop (certainty, then links into the previous level), so when a level does not fit under the
 * limit the two may pick different nodes at that level.
 */
import { ENTITY_LABELS, GRAPH_REL_TYPES } from '../../schema/vocabulary.ts';

/** Depths with a query text: a variable-length bound cannot be a parameter. */
export const PEER_DEPTHS = [1, 2] as const;
export type PeerDepth = (typeof PEER_DEPTHS)[number];

const TYPES = GRAPH_REL_TYPES.join('|');
const KINDS = `[${ENTITY_LABELS.map((label) => `'${label}'`).join(', ')}]`;

/** The Cypher of the peer's `neighbourhoodDepth<depth>` field; it returns one map in the column `neighbourhood`. */
export function obviousNeighbourhoodCypher(depth: PeerDepth): string {
  if (!PEER_DEPTHS.includes(depth)) throw new Error(`no peer neighbourhood query for depth ${depth}`);
  return `
  MATCH (start:KG {id: $id})
  CALL (start) {
    MATCH path = (start)-[:${TYPES}*1..${depth}]-(m:Entity)
    WHERE m <> start
    WITH m, min(length(path)) AS hops
    ORDER BY hops, m.id
    LIMIT $limit - 1
    RETURN collect(m) AS others
  }
  WITH start, [start] + others AS nodes
  CALL (start, nodes) {
    UNWIND nodes AS a
    MATCH (a)-[r:${TYPES}]->(b)
    WHERE b IN nodes
    WITH r
    ORDER BY CASE WHEN startNode(r) = start OR endNode(r) = start THEN 0 ELSE 1 END, r.id
    LIMIT $edgeLimit
    WITH r ORDER BY r.id
    RETURN collect({id: r.id, type: type(r), source: startNode(r).id, target: endNode(r).id}) AS edges
  }
  RETURN {
    nodes: [n IN nodes | {id: n.id, kind: toUpper([l IN labels(n) WHERE l IN ${KINDS}][0]), name: n.name}],
    edges: edges
  } AS neighbourhood`;
}
