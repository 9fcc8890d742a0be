/** Events and agreements in time: selection by overlap with a window, chronological order. */
import neo4j, { type Driver } from 'neo4j-driver';
import { readRows } from '../query.ts';
import { type NodeRecord, nodeProjection } from '../records.ts';

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

// An event overlaps the window when it can start before the window ends and end after it starts;
// an event with no known start (earliest null) can have started at any time.
const EVENTS = `
  MATCH (e:Event)
  WHERE ($toDay IS NULL OR e.earliest IS NULL OR e.earliest <= $toDay)
    AND ($fromDay IS NULL OR e.latest >= $fromDay)
    AND ($actorId IS NULL OR EXISTS { (:KG:Actor {id: $actorId})-[:PARTICIPATED_IN]->(e) })
    AND ($placeId IS NULL OR EXISTS { (e)-[:OCCURRED_IN]->(:Place)-[:PART_OF*0..8]->(:KG:Place {id: $placeId}) })
  RETURN ${nodeProjection('e')} AS node
  ORDER BY coalesce(e.earliest, ''), e.latest, e.id
  LIMIT $limit`;

const AGREEMENTS = `
  MATCH (a:Agreement)
  WHERE $actorId IS NULL OR EXISTS { (:KG:Actor {id: $actorId})-[:PARTY_TO|REJECTED]->(a) }
  RETURN ${nodeProjection('a')} AS node
  ORDER BY coalesce(a.earliest, ''), a.latest, a.id`;

const EXISTS = 'MATCH (n:KG {id: $id}) WHERE n:Entity OR n:Source RETURN n.id AS id, labels(n) AS labels';

/** Events overlapping the window, earliest first (events with no known start first). */
export async function findEvents(driver: Driver, query: EventQuery): Promise<NodeRecord[]> {
  const rows = await readRows<{ node: NodeRecord }>(driver, EVENTS, { ...query, limit: neo4j.int(query.limit) });
  return rows.map((r) => r.node);
}

export async function findAgreements(driver: Driver, actorId: string | null): Promise<NodeRecord[]> {
  const rows = await readRows<{ node: NodeRecord }>(driver, AGREEMENTS, { actorId });
  return rows.map((r) => r.node);
}

/** The labels of a public node, or null when no such node exists. */
export async function labelsOf(driver: Driver, id: string): Promise<string[] | null> {
  const [row] = await readRows<{ labels: string[] }>(driver, EXISTS, { id });
  return row?.labels ?? null;
}
