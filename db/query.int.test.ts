/**
 * The read layer against a real Neo4j: a query that runs out of time is QUERY_TIMEOUT, also when Neo4j reports the
 * timeout late (a step it does not interrupt, a busy server), because the database itself still answers.
 */
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConnection } from '../test/seeded-database.ts';
import { createDriver } from './driver.ts';
import { DEADLINE_GRACE_MS, readRows, withQueryTimeout } from './query.ts';

let driver: Driver;
beforeAll(async () => {
  driver = createDriver(testConnection());
  await driver.verifyConnectivity();
});
afterAll(() => driver.close());

// One list expression over 150 million numbers: Neo4j does not interrupt it, so it reports the timeout only when the
// expression ends, seconds after the deadline (measured here: 2.5–9 s, the first run slowest). Nothing is allocated:
// the range is lazy and the filter keeps nothing.
const SLOW = 'RETURN size([x IN range(1, $n) WHERE x < 0]) AS kept';
const N = 150_000_000;

async function failure(work: () => Promise<unknown>): Promise<{ code: unknown; message: string; ms: number }> {
  const started = performance.now();
  const error = await work().then(
    () => new Error('the query finished'),
    (e: unknown) => e as Error & { extensions?: { code?: unknown } },
  );
  return {
    code: (error as { extensions?: { code?: unknown } }).extensions?.code,
    message: error.message,
    ms: performance.now() - started,
  };
}

describe('a query that runs out of time', () => {
  it('is QUERY_TIMEOUT, saying the request was too large and how to narrow it, though Neo4j reports it late', async () => {
    const timeoutMs = 200;
    const answer = await failure(() => readRows(driver, SLOW, { n: N }, timeoutMs));
    expect(answer.code, answer.message).toBe('QUERY_TIMEOUT');
    expect(answer.message).toMatch(/too large .* Narrow it: a smaller limit or depth, a shorter time window/);
    // Answered at the deadline, not when Neo4j got round to it; 5 s is what a failed query may take.
    expect(answer.ms).toBeGreaterThanOrEqual(timeoutMs);
    expect(answer.ms).toBeLessThan(5_000);
  });

  it('takes the timeout of the request it runs in (withQueryTimeout) when it names none', async () => {
    const answer = await failure(() => withQueryTimeout(150, () => readRows(driver, SLOW, { n: N })));
    expect(answer.code).toBe('QUERY_TIMEOUT');
    expect(answer.ms).toBeLessThan(150 + DEADLINE_GRACE_MS + 4_000);
  });
});
