/** Events and agreements in time: selection by overlap with a window, chronological order. */
import neo4j, { type Driver } from 'neo4j-driver';
import { readRows } from '../query.ts';
import { type NodeRecord, nodeProjection, type RelatedRecord } from '../records.ts';
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

// An event overlaps the window when it can start before the window ends and end after it starts;
// an event with no known start (startKey '') can have started at any time. The text differs by which bounds are
// given, so that each bound is a range seek on an index (`event_latest`, `event_start_key`), not a scan of every event.
const windowCondition = (from: boolean, to: boolean): string =>
  [...(from ? ['e.latest >= $fromDay'] : []), to ? 'e.startKey <= $toDay' : 'e.startKey IS NOT NULL'].join(' AND ');

const eventMatch = (from: boolean, to: boolean) => `
  MATCH (e:Event)
  WHERE ${windowCondition(from, to)}
    AND ($actorId IS NULL OR EXISTS { (:KG:Actor {id: $actorId})-[:PARTICIPATED_IN]->(e) })
    AND ($placeId IS NULL OR EXISTS { (e)-[:OCCURRED_IN]->(:Place)-[:PART_OF*0..8]->(:KG:Place {id: $placeId}) })
  WITH e
  ${EVENT_ORDER}
  LIMIT $limit`;

const events = (from: boolean, to: boolean) => `${eventMatch(from, to)}
  RETURN ${nodeProjection('e')} AS node
  ${EVENT_ORDER}`;

// The related lists are read after LIMIT, for the page of events only.
const eventsWithRelated = (from: boolean, to: boolean) => `${eventMatch(from, to)}
  RETURN ${nodeProjection('e')} AS node,
    ${relatedComprehension('e', 'PARTICIPATED_IN', 'IN')} AS participants,
    ${relatedComprehension('e', 'OCCURRED_IN', 'OUT')} AS places
  ${EVENT_ORDER}`;

/** The query text for the bounds a query has, from a fixed set of four per shape. */
function byBounds(build: (from: boolean, to: boolean) => string): (query: EventQuery) => string {
  const texts = new Map<string, string>();
  for (const from of [false, true]) for (const to of [false, true]) texts.set(`${from}:${to}`, build(from, to));
  return (query) => texts.get(`${query.fromDay !== null}:${query.toDay !== null}`) as string;
}

const EVENTS = byBounds(events);
const EVENTS_WITH_RELATED = byBounds(eventsWithRelated);

/** Relationships of an event a timeline can fetch with the events themselves (see {@link findEventsWith}). */
export const EVENT_RELATED = ['PARTICIPATED_IN:IN', 'OCCURRED_IN:OUT'] as const;
export type EventRelatedKey = (typeof EVENT_RELATED)[number];

export interface EventWithRelated {
  node: NodeRecord;
  /** The event's relationships of each asked key, as relatedByIds returns them. */
  related: Partial<Record<EventRelatedKey, RelatedRecord[]>>;
}

const AGREEMENTS = `
  MATCH (a:Agreement)
  WHERE $actorId IS NULL OR EXISTS { (:KG:Actor {id: $actorId})-[:PARTY_TO|REJECTED]->(a) }
  RETURN ${nodeProjection('a')} AS node
  ORDER BY coalesce(a.earliest, ''), a.latest, a.id`;

/** Events overlapping the window, earliest first (events with no known start first). */
export async function findEvents(driver: Driver, query: EventQuery): Promise<NodeRecord[]> {
  const rows = await readRows<{ node: NodeRecord }>(driver, EVENTS(query), { ...query, limit: neo4j.int(query.limit) });
  return rows.map((r) => r.node);
}

/**
 * {@link findEvents}, with each event's participations and places (relationship and node at the other end) read in
 * the same query, so a timeline that shows them costs one query instead of one per level.
 */
export async function findEventsWith(driver: Driver, query: EventQuery): Promise<EventWithRelated[]> {
  const rows = await readRows<{ node: NodeRecord; participants: RelatedRecord[]; places: RelatedRecord[] }>(
    driver,
    EVENTS_WITH_RELATED(query),
    { ...query, limit: neo4j.int(query.limit) },
  );
  return rows.map((r) => ({
    node: r.node,
    related: { 'PARTICIPATED_IN:IN': sortRelated(r.participants), 'OCCURRED_IN:OUT': sortRelated(r.places) },
  }));
}

export async function findAgreements(driver: Driver, actorId: string | null): Promise<NodeRecord[]> {
  const rows = await readRows<{ node: NodeRecord }>(driver, AGREEMENTS, { actorId });
  return rows.map((r) => r.node);
}
