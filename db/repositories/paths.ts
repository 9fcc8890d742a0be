/**
 * Paths between two nodes (`shortestPath` and `paths` in schema/schema.graphql): actors connect
 * through the events and agreements they took part in and through the direct relationships of
 * {@link GRAPH_REL_TYPES}, never through the citation plumbing.
 *
 * Every search is Neo4j's bidirectional breadth-first `shortestPath`/`allShortestPaths`, with the
 * filters (time, voice, certainty) as universal predicates that Neo4j checks while it searches, so a
 * filtered-out shortest path gives way to a longer valid one. k > 1 starts from the shortest paths
 * and, when there are fewer than k of them, goes on with Yen's algorithm: each further path is the
 * shortest "spur" that leaves a path already found at one of its nodes by a relationship none of the
 * found paths with the same beginning took. Cypher 5's `SHORTEST k` answers the same question in one
 * query but, searching from one end, it read up to 10^5 relationships and ran for 2–40 s on the
 * synthetic M set where these searches take milliseconds (docs/reliability.md, section 6).
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { lastDayOf } from '../../schema/dates.ts';
import { CERTAINTIES, GRAPH_REL_TYPES } from '../../schema/vocabulary.ts';
import { BadUserInputError, checkPartialIsoDate, NotFoundError } from '../errors.ts';
import { type RunQuery, readTransaction } from '../query.ts';
import { type EdgeRecord, edgeProjection, type NodeRecord, nodeProjection } from '../records.ts';
import { nodeAsOf, perspective, relAsOf } from './filters.ts';

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
  /**
   * The relationship types a path may use, each one of {@link GRAPH_REL_TYPES} (e.g. all but `ACCUSED`); omit it for
   * all of them. An empty list is an error, as no path could be found.
   */
  relationshipTypes?: readonly string[];
  /** Leave out relationships with no date (neither `earliest` nor `latest`), which an `asOf` date lets pass. */
  excludeUndated?: boolean;
}

export const MAX_K = 10;
export const MAX_LENGTH = 8;
const MAX_CERTAINTY_RANK = CERTAINTIES.length - 1;

/**
 * The relationship types of a query, checked against {@link GRAPH_REL_TYPES}: they are written into the pattern
 * (`[:A|B*1..6]`, where Neo4j takes no parameter), so only names from that list ever reach the Cypher text.
 */
export function checkRelationshipTypes(types: readonly string[] | undefined): string {
  if (types === undefined) return GRAPH_REL_TYPES.join('|');
  const allowed = new Set<string>(GRAPH_REL_TYPES);
  const unknown = types.filter((t) => !allowed.has(t));
  if (unknown.length > 0)
    throw new BadUserInputError(
      `relationshipTypes may only name ${GRAPH_REL_TYPES.join(', ')}; got ${unknown.join(', ')}.`,
      'relationshipTypes',
    );
  if (types.length === 0)
    throw new BadUserInputError('relationshipTypes must name at least one relationship type.', 'relationshipTypes');
  return GRAPH_REL_TYPES.filter((t) => types.includes(t)).join('|');
}

// Time: the path as it stood by $asOfDay; perspective: whose voice, how certain (filters.ts).
const REL_FILTER = `${relAsOf('r')} AND ${perspective('r')}`;
/** With `excludeUndated`: only relationships with a date (fixed text, so the query without it stays as it was). */
const DATED = ' AND coalesce(r.earliest, r.latest) IS NOT NULL';

const PATH_WHERE = (extraNode = '', extraRel = ''): string => `
    all(n IN nodes(p) WHERE n:Entity AND ${nodeAsOf('n')}${extraNode})
    AND all(r IN relationships(p) WHERE ${REL_FILTER}${extraRel})`;

/** A path as the searches return it: the record, plus element ids to tell nodes and relationships apart. */
const FOUND_PATH = `{
    length: length(p),
    nodes: [n IN nodes(p) | ${nodeProjection('n')}],
    edges: [e IN relationships(p) | ${edgeProjection('e')}],
    nodeKeys: [n IN nodes(p) | elementId(n)],
    edgeKeys: [e IN relationships(p) | elementId(e)]
  }`;

/**
 * The shortest path (k = 1), or up to `$limit` of the shortest paths (k > 1), between the two ends. Neo4j 5.26 takes
 * no parameter for the bounds of a variable-length pattern, so `maxLength` is written into the text; callers pass
 * only integers checked by {@link checkBounds}. Everything else is a parameter.
 */
function shortestCypher(k: number, maxLength: number, types: string, dated: boolean): string {
  return `
OPTIONAL MATCH (a:KG:Entity {id: $from})
OPTIONAL MATCH (b:KG:Entity {id: $to})
CALL (a, b) {
  MATCH p = ${k === 1 ? 'shortestPath' : 'allShortestPaths'}((a)-[:${types}*1..${maxLength}]-(b))
  WHERE a <> b AND ${PATH_WHERE('', dated ? DATED : '')}
  WITH p LIMIT $limit
  RETURN collect(${FOUND_PATH}) AS paths
}
RETURN a IS NOT NULL AS fromFound, b IS NOT NULL AS toFound, paths`;
}

/**
 * Yen's spur searches, one per row of \$spurs: the shortest path from the spur node to the end that avoids the banned
 * nodes (the path's beginning) and banned relationships (those found paths took next), and fits in `room`. A row's
 * `index` is its own position in \$spurs, so each answer finds its row.
 */
const spurCypher = (maxRoom: number, types: string, dated: boolean): string => `
MATCH (b:KG:Entity {id: $to})
UNWIND $spurs AS s
MATCH (x:KG:Entity) WHERE elementId(x) = s.node
CALL (x, b, s) {
  MATCH p = shortestPath((x)-[:${types}*1..${maxRoom}]-(b))
  WHERE ${PATH_WHERE(' AND NOT elementId(n) IN s.bannedNodes', `${dated ? DATED : ''} AND NOT elementId(r) IN s.bannedEdges`)}
  RETURN p
}
WITH s, p WHERE length(p) <= s.room
RETURN s.index AS spur, ${FOUND_PATH} AS path`;

interface FoundPath extends PathRecord {
  nodeKeys: string[];
  edgeKeys: string[];
}

interface Spur {
  /** The spur node's position on the path it leaves. */
  index: number;
  node: string;
  room: number;
  bannedNodes: string[];
  bannedEdges: string[];
}

const compareLists = (a: readonly string[], b: readonly string[]): number => {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const [x, y] = [a[i] as string, b[i] as string];
    if (x !== y) return x < y ? -1 : 1;
  }
  return a.length - b.length;
};

/** Shortest first; equal lengths by node ids, then edge ids. */
const byLengthThenIds = (p: PathRecord, q: PathRecord): number =>
  p.length - q.length ||
  compareLists(
    p.nodes.map((n) => n.id),
    q.nodes.map((n) => n.id),
  ) ||
  compareLists(
    p.edges.map((e) => e.id),
    q.edges.map((e) => e.id),
  );

const startsWith = (path: FoundPath, edgeKeys: readonly string[]): boolean =>
  path.length > edgeKeys.length && edgeKeys.every((key, i) => path.edgeKeys[i] === key);

/** The spurs of Yen's algorithm from `path`: one per node but the last, given the paths found so far. */
function spursOf(path: FoundPath, found: readonly FoundPath[], maxLength: number): Spur[] {
  return path.nodeKeys.slice(0, -1).map((node, i) => {
    const root = path.edgeKeys.slice(0, i);
    return {
      index: i,
      node,
      room: maxLength - i,
      bannedNodes: path.nodeKeys.slice(0, i),
      bannedEdges: found.filter((q) => startsWith(q, root)).map((q) => q.edgeKeys[i] as string),
    };
  });
}

/** `path`'s first `i` relationships followed by `spur`, which starts at `path`'s node i. */
const join = (path: FoundPath, i: number, spur: FoundPath): FoundPath => ({
  length: i + spur.length,
  nodes: [...path.nodes.slice(0, i), ...spur.nodes],
  edges: [...path.edges.slice(0, i), ...spur.edges],
  nodeKeys: [...path.nodeKeys.slice(0, i), ...spur.nodeKeys],
  edgeKeys: [...path.edgeKeys.slice(0, i), ...spur.edgeKeys],
});

/**
 * Yen's k shortest simple paths, starting from `shortest`: all the shortest paths there are, fewer than k. Each round
 * searches the spurs of the paths found last (one query) and takes the shortest candidate not yet found.
 */
async function moreByYen(
  run: RunQuery,
  params: Record<string, unknown>,
  shortest: FoundPath[],
  k: number,
  maxLength: number,
  types: string,
  dated: boolean,
): Promise<FoundPath[]> {
  const found = [...shortest];
  const candidates = new Map<string, FoundPath>();
  const keyOf = (p: FoundPath): string => p.edgeKeys.join(' ');
  const seen = new Set(found.map(keyOf));
  let toSpur = [...found];
  while (found.length < k) {
    // One query for the spurs of every path to spur from (all the shortest paths at first, then the last one found).
    const spurs = toSpur.flatMap((path) => spursOf(path, found, maxLength).map((spur) => ({ path, spur })));
    const rows = await run<{ spur: number; path: FoundPath }>(
      spurCypher(Math.max(...spurs.map(({ spur }) => spur.room)), types, dated),
      {
        ...params,
        spurs: spurs.map(({ spur }, i) => ({ ...spur, room: neo4j.int(spur.room), index: neo4j.int(i) })),
      },
    );
    for (const row of rows) {
      const { path, spur } = spurs[row.spur] as (typeof spurs)[number];
      const candidate = join(path, spur.index, row.path);
      const key = keyOf(candidate);
      if (!seen.has(key)) {
        seen.add(key);
        candidates.set(key, candidate);
      }
    }
    const next = [...candidates.values()].sort(byLengthThenIds)[0];
    if (!next) break;
    candidates.delete(keyOf(next));
    found.push(next);
    toSpur = [next];
  }
  return found;
}

/**
 * from = to: the zero-length path, if the node exists (and passes asOf when it is an event or agreement).
 * The node variable is `n` because nodeProjection() leaves `properties(n)` as it is for other names.
 */
const SAME_NODE = `
OPTIONAL MATCH (n:KG:Entity {id: $from})
RETURN n IS NOT NULL AS fromFound, n IS NOT NULL AS toFound,
  CASE WHEN n IS NOT NULL AND ${nodeAsOf('n')}
    THEN [{length: 0, nodes: [${nodeProjection('n')}], edges: []}] ELSE [] END AS paths`;

interface PathsRow<T> {
  fromFound: boolean;
  toFound: boolean;
  paths: T[];
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

/** The last day `asOf` can mean (`2019-02` → `2019-02-28`), after checking it is a real ISO date. */
const asOfDay = (asOf: string): string => lastDayOf(checkPartialIsoDate(asOf, 'asOf'));

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
 * - `relationshipTypes` keeps only relationships of those types (e.g. no accusations); `excludeUndated` leaves out
 *   relationships with no date, so "as of" holds for every hop rather than letting timeless ones pass.
 *
 * @throws BadUserInputError when k, maxLength, asOf, minCertaintyRank or relationshipTypes is out of range or malformed
 * @throws NotFoundError when `from` or `to` is not the id of an actor, place, event or agreement
 */
export async function findPaths(driver: Driver, query: PathQuery): Promise<PathRecord[]> {
  checkBounds(query.k, query.maxLength);
  const types = checkRelationshipTypes(query.relationshipTypes);
  const params = {
    from: query.from,
    to: query.to,
    asOfDay: query.asOf === undefined ? null : asOfDay(query.asOf),
    voices: query.attributedTo === undefined ? null : [...query.attributedTo],
    maxRank: query.minCertaintyRank === undefined ? null : neo4j.int(checkRank(query.minCertaintyRank)),
  };
  const dated = query.excludeUndated === true;
  if (query.from === query.to) {
    const [row] = await readTransaction(driver, (run) => run<PathsRow<PathRecord>>(SAME_NODE, params));
    return checkEnds(row, query).paths;
  }
  const { k, maxLength } = query;
  const found = await readTransaction(driver, async (run) => {
    const [row] = await run<PathsRow<FoundPath>>(shortestCypher(k, maxLength, types, dated), {
      ...params,
      limit: neo4j.int(k),
    });
    const shortest = checkEnds(row, query).paths;
    return shortest.length === 0 || shortest.length >= k
      ? shortest
      : moreByYen(run, params, shortest, k, maxLength, types, dated);
  });
  return found.map(({ length, nodes, edges }) => ({ length, nodes, edges })).sort(byLengthThenIds);
}

function checkEnds<T>(row: PathsRow<T> | undefined, query: PathQuery): PathsRow<T> {
  if (!row?.fromFound) throw new NotFoundError('actor, place, event or agreement', query.from);
  if (!row.toFound) throw new NotFoundError('actor, place, event or agreement', query.to);
  return row;
}
