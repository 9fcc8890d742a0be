/** Events and agreements in time: selection by overlap with a window, chronological order. */
import neo4j, { type Driver } from 'neo4j-driver';
import { TIMELINE_LANE_DAYS } from '../../schema/graph.ts';
import { readRows } from '../query.ts';
import {
  type NodeRecord,
  nodeProjection,
  nodeProps,
  type PropertySelection,
  type RelatedRecord,
  selectionKey,
  selectProps,
} from '../records.ts';
import { relatedComprehension, sortRelated } from './nodes.ts';

export interface EventQuery {
  /** First day of the window (inclusive), or null for no lower bound. */
  fromDay: string | null;
  /** Last day of the window (inclusive), or null for no upper bound. */
  toDay: string | null;
  actorId: string | null;
  /** Events at this place or at any place within it. */
  placeId: string | null;
  limit: number;
}

// startKey is `earliest`, or '' when the event has no known start (schema/graph.ts timelineStartKey): the same order as
// `coalesce(e.earliest, '')`, read from the `event_start_key` index in order instead of sorting every event.
const EVENT_ORDER = 'ORDER BY e.startKey, e.latest, e.id';

const FILTERS = `($actorId IS NULL OR EXISTS { (:KG:Actor {id: $actorId})-[:PARTICIPATED_IN]->(e) })
    AND ($placeId IS NULL OR EXISTS { (e)-[:OCCURRED_IN]->(:Place)-[:PART_OF*0..8]->(:KG:Place {id: $placeId}) })`;

// An event overlaps the window when it can start before the window ends and end after it starts; an event with no
// known start (startKey '') can have started at any time.
//
// Without a start day the window is a prefix of the timeline: the `event_start_key` index, read in order, up to the
// end day. With one, every bound is a range seek per lane (schema/graph.ts timelineLaneKey): an event of lane L that
// ends on or after the first day started at most the lane's span before it, so each lane reads the keys from
// `L:<first day − span>` to `L:<last day>` in order and stops at the limit, and a late window costs what an early
// one does (M: 24,157 → ~300 index entries for the last 60-day window).
const prefixMatch = (to: boolean) => `
  MATCH (e:Event)
  WHERE ${to ? 'e.startKey <= $toDay' : 'e.startKey IS NOT NULL'}
    AND ${FILTERS}
  WITH e
  ${EVENT_ORDER}
  LIMIT $limit`;

const LANES = Array.from({ length: TIMELINE_LANE_DAYS.length + 2 }, (_, lane) => lane);

const laneMatch = () => `
  UNWIND $lanes AS lane
  CALL (lane) {
    MATCH (e:Event)
    WHERE e.laneKey >= lane[0] AND e.laneKey <= lane[1] AND e.latest >= $fromDay
      AND ${FILTERS}
    RETURN e ORDER BY e.laneKey, e.latest, e.id LIMIT $limit
  }
  WITH e
  ${EVENT_ORDER}
  LIMIT $limit`;

/** Each lane's first and last key for a window from `fromDay` to `toDay` (null: no end). */
function laneBounds(fromDay: string, toDay: string | null): Array<[string, string]> {
  const shift = (days: number) => new Date(Date.parse(`${fromDay}T00:00:00Z`) - days * 86_400_000).toISOString();
  const last = toDay ?? '~';
  return LANES.map((lane): [string, string] => {
    if (lane === 0) return ['0:', '0:'];
    const span = TIMELINE_LANE_DAYS[lane - 1];
    return [span === undefined ? `${lane}:` : `${lane}:${shift(span).slice(0, 10)}`, `${lane}:${last}`];
  });
}

/** Which properties a timeline reads for its events and for the participations and places it fetches with them. */
export interface EventProjection {
  event: PropertySelection;
  participation: PropertySelection;
  actor: PropertySelection;
  eventPlace: PropertySelection;
  place: PropertySelection;
}

export const FULL_EVENT_PROJECTION: EventProjection = {
  event: 'all',
  participation: 'all',
  actor: 'all',
  eventPlace: 'all',
  place: 'all',
};

const returnEvents = (projection: EventProjection | null) => `
  RETURN ${nodeProjection('e', selectProps('e', projection?.event ?? 'all', nodeProps('e')))} AS node${
    projection === null
      ? ''
      : `,
    ${relatedComprehension('e', 'PARTICIPATED_IN', 'IN', projection.participation, projection.actor)} AS participants,
    ${relatedComprehension('e', 'OCCURRED_IN', 'OUT', projection.eventPlace, projection.place)} AS places`
  }
  ${EVENT_ORDER}`;

const MAX_CACHED_TEXTS = 200;
const texts = new Map<string, string>();

/**
 * The query text for a query's bounds and projection (null: the events alone), cached: the few shapes a client asks
 * for become a few texts Neo4j plans once. The related lists are read after LIMIT, for the page of events only.
 */
function eventsCypher(query: EventQuery, projection: EventProjection | null): string {
  const from = query.fromDay !== null;
  const to = query.toDay !== null;
  const key = `${from}:${to}:${projection === null ? '-' : Object.values(projection).map(selectionKey).join('|')}`;
  let text = texts.get(key);
  if (text === undefined) {
    text = `${from ? laneMatch() : prefixMatch(to)}${returnEvents(projection)}`;
    if (texts.size >= MAX_CACHED_TEXTS) texts.clear();
    texts.set(key, text);
  }
  return text;
}

function eventParams(query: EventQuery): Record<string, unknown> {
  return {
    ...query,
    limit: neo4j.int(query.limit),
    lanes: query.fromDay === null ? null : laneBounds(query.fromDay, query.toDay),
  };
}

const AGREEMENTS = `
  MATCH (a:Agreement)
  WHERE $actorId IS NULL OR EXISTS { (:KG:Actor {id: $actorId})-[:PARTY_TO|REJECTED]->(a) }
  RETURN ${nodeProjection('a')} AS node
  ORDER BY coalesce(a.earliest, ''), a.latest, a.id`;

/** Events overlapping the window, earliest first (events with no known start first). */
export async function findEvents(driver: Driver, query: EventQuery): Promise<NodeRecord[]> {
  const rows = await readRows<{ node: NodeRecord }>(driver, eventsCypher(query, null), eventParams(query));
  return rows.map((r) => r.node);
}

/**
 * {@link findEvents}, with each event's participations and places (relationship and node at the other end) read in
 * the same query and kept on the event (`related`, as relatedByIds returns them), so a timeline that shows them costs
 * one query instead of one per level; `projection` names the properties the caller will read (all by default).
 */
export async function findEventsWith(
  driver: Driver,
  query: EventQuery,
  projection: EventProjection = FULL_EVENT_PROJECTION,
): Promise<NodeRecord[]> {
  const rows = await readRows<{ node: NodeRecord; participants: RelatedRecord[]; places: RelatedRecord[] }>(
    driver,
    eventsCypher(query, projection),
    eventParams(query),
  );
  return rows.map((r) => ({
    ...r.node,
    related: { 'PARTICIPATED_IN:IN': sortRelated(r.participants), 'OCCURRED_IN:OUT': sortRelated(r.places) },
  }));
}

export async function findAgreements(driver: Driver, actorId: string | null): Promise<NodeRecord[]> {
  const rows = await readRows<{ node: NodeRecord }>(driver, AGREEMENTS, { actorId });
  return rows.map((r) => r.node);
}
