/**
 * The explorer's opening view, bounded at any size. A graph that fits in the node limit comes whole; a larger one
 * opens on its latest dated events, each with the actors, places and other entities it links to, until the limit
 * is reached. Both sizes are capped: nodes by `limit`, relationships by `edgeLimit`, with totals to say what was
 * left out. Every step reads an index or a bounded expansion, never every node of the graph.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { GRAPH_REL_TYPES } from '../../schema/vocabulary.ts';
import { readTransaction } from '../query.ts';
import type { EdgeRecord, NodeRecord } from '../records.ts';
import { inWindow, perspective } from './filters.ts';
import {
  edgeOf,
  FULL_PROJECTION,
  type GraphFilter,
  nodeOf,
  PROJECTIONS,
  projectionKey,
  type SubgraphProjection,
} from './neighborhood.ts';

/** How the overview chose its nodes. */
export type OverviewScope = 'WHOLE_GRAPH' | 'LATEST_EVENTS';

export interface OverviewRecord {
  nodes: NodeRecord[];
  edges: EdgeRecord[];
  /** Entities (actors, places, events, agreements) in the whole graph, whatever the filter. */
  totalNodes: number;
  /** Relationships among the returned nodes that pass the filter, kept or not. */
  totalEdges: number;
  /** True when nodes or relationships that pass the filter were left out. */
  truncated: boolean;
  scope: OverviewScope;
  /** How many events the view starts from (LATEST_EVENTS), and the first and last day they cover. */
  events: number | null;
  from: string | null;
  to: string | null;
}

export interface OverviewQuery {
  limit: number;
  edgeLimit: number;
  filter: GraphFilter;
  projection?: SubgraphProjection;
}

/** Relationships the overview returns unless the caller asks for another number. */
export const DEFAULT_OVERVIEW_EDGE_LIMIT = 1000;

/** Neighbours one event brings in at most, so that one crowded event cannot fill the view alone. */
export const NEIGHBOURS_PER_EVENT = 12;

const TYPES = GRAPH_REL_TYPES.join('|');
const REL_FILTER = `${inWindow('r')} AND ${perspective('r')}`;

// From the label count store: no node is read.
const COUNT_ENTITIES = 'MATCH (n:Entity) RETURN count(n) AS total';

const wholeGraph = (p: SubgraphProjection) => `
  MATCH (m:Entity)
  WHERE ${inWindow('m')}
  RETURN ${nodeOf('m', p)} AS node
  ORDER BY node.id`;

// Dated events only (startKey '' means no known start), latest first, read from the `event_start_key` index in
// reverse order; with a window, those overlapping it (the same rule as the timeline's). Each brings its neighbours
// through relationships that pass the filter, best supported first; nodes keep the rank of the first event that
// brought them, and the first $limit are kept.
const latestEvents = (from: boolean, to: boolean, p: SubgraphProjection) => `
  MATCH (e:Event)
  WHERE e.startKey > ''${to ? ' AND e.startKey <= $toDay' : ''}${from ? ' AND e.latest >= $fromDay' : ''}
  WITH e ORDER BY e.startKey DESC, e.id LIMIT $limit
  WITH collect(e) AS events
  UNWIND range(0, size(events) - 1) AS i
  WITH i, events[i] AS e
  CALL (e) {
    OPTIONAL MATCH (e)-[r:${TYPES}]-(m:Entity)
    WHERE ${REL_FILTER} AND ${inWindow('m')}
    WITH m, min(r.certaintyRank) AS rank
    ORDER BY rank, m.id
    RETURN collect(m)[..$perEvent] AS around
  }
  UNWIND range(0, size(around)) AS j
  WITH CASE j WHEN 0 THEN e ELSE around[j - 1] END AS n, i * ($perEvent + 1) + j AS order
  WITH n, min(order) AS first
  ORDER BY first
  LIMIT $limit
  WITH n, first % ($perEvent + 1) = 0 AS seed
  RETURN ${nodeOf('n', p)} AS node, seed, CASE WHEN seed THEN [n.earliest, n.latest] ELSE [] END AS days`;

// The whole graph: every relationship among the nodes, found from its start node; ids through the unique KG id index.
const edgesAmong = (p: SubgraphProjection) => `
  MATCH (a:KG:Entity)-[r:${TYPES}]->(b:KG:Entity)
  WHERE a.id IN $ids AND b.id IN $ids AND ${REL_FILTER}
  WITH r ORDER BY r.id
  WITH collect(r) AS found
  RETURN size(found) AS total, [r IN found[..$edgeLimit] | ${edgeOf('r', p)}] AS edges`;

// The latest events: the relationships of the events shown, found from the event's side. An event has a few dozen
// relationships at most, where an actor or a place the events share can have tens of thousands (every edge among
// hubs is what made the old overview send 87,000 edges for 500 nodes), so relationships between two shown entities
// that are not events are left to expanding one of them.
const eventEdges = (p: SubgraphProjection) => `
  MATCH (e:KG:Event)-[r:${TYPES}]-(b:KG:Entity)
  WHERE e.id IN $eventIds AND b.id IN $ids AND ${REL_FILTER}
  WITH DISTINCT r ORDER BY r.id
  WITH collect(r) AS found
  RETURN size(found) AS total, [r IN found[..$edgeLimit] | ${edgeOf('r', p)}] AS edges`;

const byProjection = (build: (p: SubgraphProjection) => string) =>
  new Map(PROJECTIONS.map((p) => [projectionKey(p), build(p)]));
const WHOLE_GRAPH = byProjection(wholeGraph);
const EDGES_AMONG = byProjection(edgesAmong);
const EVENT_EDGES = byProjection(eventEdges);
const LATEST_EVENTS = new Map(
  PROJECTIONS.flatMap((p) =>
    [false, true].flatMap((from) =>
      [false, true].map((to) => [`${from}:${to}:${projectionKey(p)}`, latestEvents(from, to, p)] as const),
    ),
  ),
);

/**
 * The opening view: the whole graph (every entity passing the filter) when it holds at most `limit` entities,
 * otherwise the latest dated events in the window with their neighbours, at most `limit` nodes. Then the
 * relationships among the nodes that pass the filter, at most `edgeLimit` of them by id.
 */
export async function findOverview(driver: Driver, query: OverviewQuery): Promise<OverviewRecord> {
  const { limit, edgeLimit, filter } = query;
  const key = projectionKey(query.projection ?? FULL_PROJECTION);
  return readTransaction(driver, async (run) => {
    const [count] = await run<{ total: number }>(COUNT_ENTITIES);
    const totalNodes = count?.total ?? 0;
    const whole = totalNodes <= limit;
    let nodes: NodeRecord[];
    let seeds = 0;
    let days: string[] = [];
    if (whole)
      nodes = (await run<{ node: NodeRecord }>(WHOLE_GRAPH.get(key) as string, { ...filter })).map((r) => r.node);
    else {
      const cypher = LATEST_EVENTS.get(`${filter.fromDay !== null}:${filter.toDay !== null}:${key}`) as string;
      const rows = await run<{ node: NodeRecord; seed: boolean; days: Array<string | null> }>(cypher, {
        ...filter,
        limit: neo4j.int(limit),
        perEvent: neo4j.int(NEIGHBOURS_PER_EVENT),
      });
      nodes = rows.map((r) => r.node);
      seeds = rows.filter((r) => r.seed).length;
      days = rows.flatMap((r) => r.days).filter((d): d is string => typeof d === 'string');
    }
    const [among] = await run<{ total: number; edges: EdgeRecord[] }>(
      (whole ? EDGES_AMONG : EVENT_EDGES).get(key) as string,
      {
        ...filter,
        ids: nodes.map((n) => n.id),
        eventIds: nodes.filter((n) => n.kind === 'EVENT').map((n) => n.id),
        edgeLimit: neo4j.int(edgeLimit),
      },
    );
    const totalEdges = among?.total ?? 0;
    const edges = among?.edges ?? [];
    return {
      nodes,
      edges,
      totalNodes,
      totalEdges,
      truncated: !whole || edges.length < totalEdges,
      scope: whole ? 'WHOLE_GRAPH' : 'LATEST_EVENTS',
      events: whole ? null : seeds,
      from: days.length ? (days.sort()[0] as string) : null,
      to: days.length ? (days.at(-1) as string) : null,
    };
  });
}
