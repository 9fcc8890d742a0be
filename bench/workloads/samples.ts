/** Inputs for the workloads, drawn from the loaded data with a fixed seed so every run asks the same questions. */
import type { Driver } from 'neo4j-driver';
import { readQuery } from '../../db/access.ts';
import { toPlain } from '../../db/plain.ts';

/** A small seeded PRNG (mulberry32): the same seed gives the same sequence. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` distinct items picked with the seeded random source (all of them when there are fewer). */
export function pick<T>(items: readonly T[], count: number, random: () => number): T[] {
  const pool = [...items];
  const out: T[] = [];
  while (out.length < count && pool.length > 0) out.push(pool.splice(Math.floor(random() * pool.length), 1)[0] as T);
  return out;
}

export async function rows<T>(driver: Driver, cypher: string, params: Record<string, unknown> = {}): Promise<T[]> {
  const { records } = await readQuery(driver, cypher, params);
  return records.map((r) => toPlain(r.toObject()) as T);
}

/** Windows of `days` days spread over the span of event dates, for the timeline workload. */
export async function timelineWindows(
  driver: Driver,
  count: number,
  days: number,
): Promise<Array<{ from: string; to: string }>> {
  const [span] = await rows<{ first: string | null; last: string | null }>(
    driver,
    'MATCH (e:Event) WHERE e.earliest IS NOT NULL RETURN min(e.earliest) AS first, max(e.latest) AS last',
  );
  if (!span?.first || !span.last) throw new Error('no dated events in the data');
  const first = Date.parse(`${span.first}T00:00:00Z`);
  const last = Date.parse(`${span.last}T00:00:00Z`);
  const width = days * 86_400_000;
  const step = Math.max(0, last - first - width) / Math.max(1, count - 1);
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return Array.from({ length: count }, (_, i) => {
    const start = first + step * i;
    return { from: day(start), to: day(start + width) };
  });
}

/**
 * Ids of actors with between `min` and `max` participations, picked with the seed: typical starting points rather
 * than the few hubs of the skewed synthetic data.
 */
export async function actorsWithDegree(
  driver: Driver,
  count: number,
  seed: number,
  min: number,
  max: number,
): Promise<string[]> {
  const candidates = await rows<{ id: string }>(
    driver,
    `MATCH (a:Actor) WITH a, COUNT { (a)-[:PARTICIPATED_IN]->() } AS degree
     WHERE degree >= $min AND degree <= $max RETURN a.id AS id ORDER BY id`,
    { min, max },
  );
  return pick(
    candidates.map((r) => r.id),
    count,
    seededRandom(seed),
  );
}
