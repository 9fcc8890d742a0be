/**
 * The database goes away while the server runs: a fault-injecting proxy sits between the server's driver (made by
 * the product's own createDriver) and the real test Neo4j, and refuses, stalls, slows or cuts the connection.
 */
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createDriver } from '../../db/driver.ts';
import { DEADLINE_GRACE_MS, DEFAULT_QUERY_TIMEOUT_MS } from '../../db/query.ts';
import { FaultProxy } from '../../test/fault-proxy.ts';
import { recordFigure } from '../../test/figures.ts';
import { seededDriver, testConnection } from '../../test/seeded-database.ts';
import { createApp } from './app.ts';
import { testConfig } from './config.ts';
import { LOAD_CHECK_DEADLINE_MS } from './load-guard.ts';

const TEST = 'outage (fault proxy)';
/** What the issue allows for a query to fail once the database is gone. */
const FAIL_WITHIN_MS = 5_000;
/**
 * The server here gives queries 2 s instead of the product's 3.5 s, so a failure designed to come at 2 + 0.5 (grace)
 * + 0.5 (load check) = 3 s has 2 s of slack under the 5 s promise on a busy machine; the product's own figures are
 * checked by arithmetic below. A 150 ms-per-hop database still answers well within 2 s.
 */
const QUERY_TIMEOUT_MS = 2_000;
const MASKED_MESSAGE = 'The database is unavailable. Try again shortly.';

let seeded: Driver;
let proxy: FaultProxy;
let driver: Driver;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  seeded = await seededDriver();
  const { uri } = testConnection();
  proxy = await FaultProxy.start(Number(new URL(uri.replace('bolt:', 'http:')).port));
  driver = createDriver({ ...testConnection(), uri: proxy.uri });
  app = createApp({ driver, config: testConfig({ development: false, queryTimeoutMs: QUERY_TIMEOUT_MS }) });
});
afterAll(async () => {
  await driver?.close();
  await proxy?.close();
  await seeded?.close();
});
beforeEach(() => {
  proxy.setMode('pass');
  proxy.delayMs = 0;
});

interface Answer {
  status: number;
  ms: number;
  body: { data?: Record<string, unknown> | null; errors?: Array<{ message: string; extensions?: { code?: string } }> };
}

const QUERY = '{ stats { actors events } search(text: "الباغوز", limit: 3) { node { id } } }';

async function ask(query = QUERY): Promise<Answer> {
  const started = performance.now();
  const response = await app.fetch('http://app/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as Answer['body'];
  return { status: response.status, ms: performance.now() - started, body };
}

async function ready(): Promise<{ status: number; ms: number }> {
  const started = performance.now();
  const response = await app.fetch('http://app/ready');
  await response.arrayBuffer();
  return { status: response.status, ms: performance.now() - started };
}

function expectAnswered(answer: Answer): void {
  expect(answer.body.errors, JSON.stringify(answer.body.errors)).toBeUndefined();
  expect(answer.body.data?.stats).toMatchObject({ actors: expect.any(Number) });
}

/** One masked, coded error; nothing about hosts, ports, driver classes or stacks. */
function expectMaskedUnavailable(answer: Answer): void {
  expect(answer.body.errors?.length, JSON.stringify(answer.body)).toBeGreaterThan(0);
  for (const error of answer.body.errors ?? []) {
    expect(error.extensions?.code).toBe('DATABASE_UNAVAILABLE');
    expect(error.message).toBe(MASKED_MESSAGE);
  }
  expect(JSON.stringify(answer.body)).not.toMatch(/127\.0\.0\.1|bolt:|ECONN|Neo4jError|stack|at \w+ \(/);
}

/** Polls until the server answers a real query again, without any restart; returns how long it took. */
async function recovery(): Promise<number> {
  const started = performance.now();
  const deadline = started + 30_000;
  for (;;) {
    const [answer, readiness] = [await ask(), await ready()];
    if (!answer.body.errors && readiness.status === 200) return performance.now() - started;
    if (performance.now() > deadline) throw new Error(`no recovery in 30 s: ${JSON.stringify(answer.body)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('the database stops answering while the server runs', () => {
  it("the product's deadlines add up to less than the 5 s a failed query may take", () => {
    expect(DEFAULT_QUERY_TIMEOUT_MS + DEADLINE_GRACE_MS + LOAD_CHECK_DEADLINE_MS).toBeLessThanOrEqual(
      FAIL_WITHIN_MS - 500,
    );
  });

  it('serves normally through the proxy', async () => {
    expectAnswered(await ask());
    expect((await ready()).status).toBe(200);
  });

  it('refused connections (database stopped): queries fail fast and masked, /ready is 503, then it recovers', async () => {
    expectAnswered(await ask());
    proxy.setMode('refuse');
    const failed = await ask();
    expectMaskedUnavailable(failed);
    expect(failed.ms).toBeLessThan(FAIL_WITHIN_MS);
    const notReady = await ready();
    expect(notReady.status).toBe(503);
    proxy.setMode('pass');
    const recoveredIn = await recovery();
    recordFigure({ test: TEST, name: 'refused: query failure time', value: failed.ms, unit: 'ms' });
    recordFigure({ test: TEST, name: 'refused: /ready not-ready answer time', value: notReady.ms, unit: 'ms' });
    recordFigure({ test: TEST, name: 'refused: recovery after the database is back', value: recoveredIn, unit: 'ms' });
  });

  it('a hung database (connections accepted, nothing answered): queries fail within 5 s, /ready is 503', async () => {
    expectAnswered(await ask());
    proxy.setMode('stall');
    const [failed, notReady] = await Promise.all([ask(), ready()]);
    expectMaskedUnavailable(failed);
    // Ended by the deadline (not sooner, by something else), well before the promise.
    expect(failed.ms).toBeGreaterThanOrEqual(QUERY_TIMEOUT_MS);
    expect(failed.ms).toBeLessThan(FAIL_WITHIN_MS);
    expect(notReady.status).toBe(503);
    proxy.setMode('pass');
    const recoveredIn = await recovery();
    recordFigure({ test: TEST, name: 'hung: query failure time', value: failed.ms, unit: 'ms' });
    recordFigure({ test: TEST, name: 'hung: /ready not-ready answer time', value: notReady.ms, unit: 'ms' });
    recordFigure({ test: TEST, name: 'hung: recovery after the database is back', value: recoveredIn, unit: 'ms' });
  });

  it('a slow database (150 ms each way) still answers; one slower than the deadline fails masked in time', async () => {
    proxy.delayMs = 150;
    const slow = await ask();
    expectAnswered(slow);
    proxy.delayMs = 20_000;
    const tooSlow = await ask();
    expectMaskedUnavailable(tooSlow);
    expect(tooSlow.ms).toBeGreaterThanOrEqual(QUERY_TIMEOUT_MS);
    expect(tooSlow.ms).toBeLessThan(FAIL_WITHIN_MS);
    proxy.delayMs = 0;
    proxy.dropConnections();
    const recoveredIn = await recovery();
    recordFigure({ test: TEST, name: 'slow (150 ms per hop): query time', value: slow.ms, unit: 'ms' });
    recordFigure({ test: TEST, name: 'too slow (20 s per hop): query failure time', value: tooSlow.ms, unit: 'ms' });
    recordFigure({ test: TEST, name: 'too slow: recovery', value: recoveredIn, unit: 'ms' });
  });

  it('dropped connections: in-flight queries are retried or fail masked, and the next ones succeed', async () => {
    expectAnswered(await ask());
    proxy.delayMs = 50;
    const inFlight = Array.from({ length: 6 }, () => ask());
    await new Promise((resolve) => setTimeout(resolve, 60));
    proxy.dropConnections();
    const answers = await Promise.all(inFlight);
    for (const answer of answers) {
      if (answer.body.errors) expectMaskedUnavailable(answer);
      else expectAnswered(answer);
      expect(answer.ms).toBeLessThan(FAIL_WITHIN_MS + 1000);
    }
    proxy.delayMs = 0;
    expectAnswered(await ask());
    const succeeded = answers.filter((a) => !a.body.errors).length;
    recordFigure({
      test: TEST,
      name: 'dropped mid-query: in-flight queries answered (of 6)',
      value: succeeded,
      unit: 'queries',
      note: 'the rest failed masked with DATABASE_UNAVAILABLE',
    });
  });
});
