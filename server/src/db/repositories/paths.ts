/**
 * Paths between two nodes (`shortestPath` and `paths` in schema/schema.graphql): actors connect
 * through the events and agreements they took part in and through the direct relationships of
 * {@link GRAPH_REL_TYPES}, never through the citation plumbing.
 *
 * One bounded query: Cypher 5 `SHORTEST k` over a quantified path pattern whose relationship and
 * node predicates (time, voice, certainty) sit inside the pattern, so Neo4j applies them while it
 * searches, before it picks the shortest paths: when the shortest path is filtered out, a longer
 * valid one is found instead. For k = 1 the same filters are universal predicates of a bidirectional
 * `shortestPath` search, with the same meaning and far fewer relationships read.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { lastDayOf } from '../../../../seed/dates.ts';
import { BadUserInputError, NotFoundError } from '../../errors.ts';
import { readRows } from '../query.ts';
import { type EdgeRecord, edgeProjection, GRAPH_REL_TYPES, type NodeRecord, nodeProjection } from '../records.ts';

/** A path from `from` to `to`: nodes in order, edges in order (edge i joins nodes i and i + 1). */
export interface PathRecord {
  /** Number of relationships. */
  length: number;
  nodes: NodeRecord[];
  /** Each edge keeps its stored direction in `source`/`target`, and all its properties (citationIds …). */
  edges: EdgeRecord[];
}

export interface PathQuery {
  /** Id of the start node: an actor, place, event or agreement. */
  from: string;
  /** Id of the end node: an actor, place, event or agreement. */
  to: string;
  /** How many paths at most, 1 to {@link MAX_K}. */
  k: number;
  /** Longest path considered, in relationships, 1 to {@link MAX_LENGTH}. */
  maxLength: number;
  /**
   * ISO date at year, month or day precision (`2014`, `2019-03`, `2019-03-23`): the graph as it stood
   * then. See {@link findPaths} for exactly what passes.
   */
  asOf?: string;
  /**
   * Actor ids: keep only relationships asserted by at least one of them (`attributedTo` overlaps).
   * An empty list keeps no relationship, so no path is found; omit it for no voice filter.
   */
  attributedTo?: string[];
  /** Keep only relationships with certaintyRank ≤ this (0 confirmed … 4 disputed). */
  minCertaintyRank?: number;
}

export const MAX_K = 10;
export const MAX_LENGTH = 8;
const MAX_CERTAINTY_RANK = 4;

const TYPES = GRAPH_REL_TYPES.join('|');

// Time: an event or agreement passes when the first day it can mean (or, with no known start, the
// last day) is on or before $asOfDay; a relationship likewise, and an undated relationship always.
const NODE_AS_OF = (v: string): string =>
  `($asOfDay IS NULL OR NOT (${v}:Event OR ${v}:Agreement) OR coalesce(${v}.earliest, ${v}.latest) <= $asOfDay)`;
const REL_FILTER = `
      ($asOfDay IS NULL OR coalesce(r.earliest, r.latest) IS NULL OR coalesce(r.earliest, r.latest) <= $asOfDay)
      AND ($voices IS NULL OR any(v IN r.attributedTo WHERE v IN $voices))
      AND ($maxRank IS NULL OR r.certaintyRank <= $maxRank)`;

const kShortest = (k: number, maxLength: number): string => `
  MATCH p = SHORTEST ${k} (
    (a)(()-[r:${TYPES} WHERE ${REL_FILTER}
    ]-(y:Entity WHERE ${NODE_AS_OF('y')})){1,${maxLength}}(b)
    WHERE ${NODE_AS_OF('a')} AND all(i IN range(0, size(y) - 1) WHERE y[i] <> a AND NOT y[i] IN y[i + 1..])
  )`;

// One path: the same filters as universal predicates over the path, which Neo4j checks during its bidirectional
// breadth-first search (`shortestPath`), so the answer is the shortest path that passes them. On the synthetic M set
// this search touches a few hundred relationships where the one-directional `SHORTEST 1` touched tens of thousands.
// A shortest path never visits a node twice, so no simplicity check is needed.
const oneShortest = (maxLength: number): string => `
  MATCH p = shortestPath((a)-[:${TYPES}*1..${maxLength}]-(b))
  WHERE a <> b
    AND all(n IN nodes(p) WHERE n:Entity AND ${NODE_AS_OF('n')})
    AND all(r IN relationships(p) WHERE ${REL_FILTER})`;

/**
 * The path query. Neo4j 5.26 accepts neither a parameter for `SHORTEST k` nor for the bounds of a
 * quantified path pattern, so those two numbers are written into the text; callers pass only
 * integers checked by {@link checkBounds}. Everything else is a parameter.
 *
 * The path-level WHERE (no node twice: `y` is the list of nodes after `a`) is part of the
 * parenthesised pattern, so it too is applied before the k shortest are chosen.
 */
function pathsCypher(k: number, maxLength: number): string {
  return `
OPTIONAL MATCH (a:KG:Entity {id: $from})
OPTIONAL MATCH (b:KG:Entity {id: $to})
CALL (a, b) {
  ${k === 1 ? oneShortest(maxLength) : kShortest(k, maxLength)}
  WITH p, [n IN nodes(p) | n.id] AS nodeIds, [e IN relationships(p) | e.id] AS edgeIds
  ORDER BY length(p), nodeIds, edgeIds
  RETURN collect({
    length: length(p),
    nodes: [n IN nodes(p) | ${nodeProjection('n')}],
    edges: [e IN relationships(p) | ${edgeProjection('e')}]
  }) AS paths
}
RETURN a IS NOT NULL AS fromFound, b IS NOT NULL AS toFound, paths`;
}

/**
 * from = to: the zero-length path, if the node exists (and passes asOf when it is an event or agreement).
 * The node variable is `n` because nodeProjection() leaves `properties(n)` as it is for other names.
 */
const SAME_NODE = `
OPTIONAL MATCH (n:KG:Entity {id: $from})
RETURN n IS NOT NULL AS fromFound, n IS NOT NULL AS toFound,
  CASE WHEN n IS NOT NULL AND ${NODE_AS_OF('n')}
    THEN [{length: 0, nodes: [${nodeProjection('n')}], edges: []}] ELSE [] END AS paths`;

interface PathsRow {
  fromFound: boolean;
  toFound: boolean;
  paths: PathRecord[];
}

function checkBounds(k: unknown, maxLength: unknown): void {
  if (typeof k !== 'number' || !Number.isInteger(k) || k < 1 || k > MAX_K)
    throw new BadUserInputError(`k must be an integer from 1 to ${MAX_K}; got ${String(k)}.`, 'k');
  if (typeof maxLength !== 'number' || !Number.isInteger(maxLength) || maxLength < 1 || maxLength > MAX_LENGTH)
    throw new BadUserInputError(
      `maxLength must be an integer from 1 to ${MAX_LENGTH}; got ${String(maxLength)}.`,
      'maxLength',
    );
}

const ISO_PARTIAL = /^(\d{4})(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?$/;

/** The last day `asOf` can mean (`2019-02` → `2019-02-28`), after checking it is a real ISO date. */
function asOfDay(asOf: string): string {
  const valid =
    ISO_PARTIAL.test(asOf) && (asOf.length < 10 || new Date(`${asOf}T00:00:00Z`).toISOString().startsWith(asOf));
  if (!valid)
    throw new BadUserInputError(
      `asOf must be an ISO date at year, month or day precision (2014, 2019-03, 2019-03-23); got "${asOf.slice(0, 40)}".`,
      'asOf',
    );
  return lastDayOf(asOf);
}

function checkRank(rank: number): number {
  if (!Number.isInteger(rank) || rank < 0 || rank > MAX_CERTAINTY_RANK)
    throw new BadUserInputError(
      `minCertaintyRank must be an integer from 0 to ${MAX_CERTAINTY_RANK}; got ${rank}.`,
      'minCertainty',
    );
  return rank;
}

/**
 * Up to `k` shortest paths from `from` to `to` of at most `maxLength` relationships, shortest first;
 * `[]` when there is none. Equal-length paths are ordered by their node ids, then edge ids. When more
 * than `k` paths tie at the longest length returned, Neo4j chooses which of them come back.
 *
 * - Both ends are looked up by unique id among actors, places, events and agreements;
 *   {@link NotFoundError} names the id that does not exist.
 * - `from` = `to` gives the one zero-length path (the node itself, no edges).
 * - Paths are simple (no node twice) and only pass through actors, places, events and agreements,
 *   following relationships in either direction.
 * - `asOf` (time-respecting): every event and agreement on the path, the ends included, must be
 *   dated on or before the last day `asOf` can mean (`2019-03` → `2019-03-31`). An event "dated on
 *   or before" means its `earliest` day (the first day its date can mean: an event of `2019-03`
 *   counts for asOf `2019-03-10`, as it may have begun by then; an ongoing `2014`–`2019` event counts
 *   for asOf `2016`). With no known start, its `latest` day must be on or before instead (all we know
 *   is that it happened by then); an event or agreement with no date at all never passes. Every
 *   relationship on the path is held to the same rule on its own `earliest`/`latest` (participation
 *   and party relationships carry their event's); an undated relationship (`MEMBER_OF`, …) passes.
 * - `attributedTo` and `minCertaintyRank` restrict the relationships a path may use ("the graph as
 *   told by these voices, at least this certain").
 *
 * @throws BadUserInputError when k, maxLength, asOf or minCertaintyRank is out of range or malformed
 * @throws NotFoundError when `from` or `to` is not the id of an actor, place, event or agreement
 */
export async function findPaths(driver: Driver, query: PathQuery): Promise<PathRecord[]> {
  checkBounds(query.k, query.maxLength);
  const params = {
    from: query.from,
    to: query.to,
    asOfDay: query.asOf === undefined ? null : asOfDay(query.asOf),
    voices: query.attributedTo === undefined ? null : [...query.attributedTo],
    maxRank: query.minCertaintyRank === undefined ? null : neo4j.int(checkRank(query.minCertaintyRank)),
  };
  const cypher = query.from === query.to ? SAME_NODE : pathsCypher(query.k, query.maxLength);
  const [row] = await readRows<PathsRow>(driver, cypher, params);
  if (!row?.fromFound) throw new NotFoundError('actor, place, event or agreement', query.from);
  if (!row.toFound) throw new NotFoundError('actor, place, event or agreement', query.to);
  return row.paths;
}
