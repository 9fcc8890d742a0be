/**
 * `npm run test:stress`: the abusive requests of test/abuse-cases.ts against the real server in its own process
 * (seeded test Neo4j). Each kind must be refused in well under 100 ms (p95 over 40 requests), and the server's
 * memory must stay flat while a 30 s stream of them arrives on 8 connections.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ABUSE_CASES, type AbuseCase } from '../../test/abuse-cases.ts';
import { percentile, recordFigure } from '../../test/figures.ts';
import { seededDriver, testConnection } from '../../test/seeded-database.ts';
import { type ServerProcess, startServerProcess } from '../../test/server-process.ts';

const PORT = 4744;
const REJECTION_P95_MS = 100;
const STREAM_SECONDS = 30;
const CONNECTIONS = 8;
let server: ServerProcess;

beforeAll(async () => {
  const driver = await seededDriver();
  await driver.close();
  server = await startServerProcess({ port: PORT, neo4j: testConnection() });
});
afterAll(() => server?.stop());

async function send(abuse: AbuseCase): Promise<{ ms: number; ok: boolean }> {
  const { request } = abuse;
  const started = performance.now();
  const response = await fetch(`${server.url}${request.path}`, {
    method: request.method,
    headers: request.headers,
    ...(request.body === undefined ? {} : { body: request.body }),
  });
  const body = (await response.json()) as { errors?: Array<{ message: string; extensions?: { code?: string } }> };
  const ms = performance.now() - started;
  const [error] = body.errors ?? [];
  const ok =
    response.status === abuse.status &&
    body.errors?.length === 1 &&
    abuse.message.test(error?.message ?? '') &&
    (!abuse.code || error?.extensions?.code === abuse.code);
  return { ms, ok };
}

const median = (values: number[]) => percentile(values, 50);

describe('abusive requests against the running server', () => {
  it(`each kind is refused with p95 under ${REJECTION_P95_MS} ms`, async () => {
    for (const abuse of ABUSE_CASES) for (let i = 0; i < 5; i++) await send(abuse);
    const slow: string[] = [];
    for (const abuse of ABUSE_CASES) {
      const samples: number[] = [];
      for (let i = 0; i < 40; i++) {
        const { ms, ok } = await send(abuse);
        expect(ok, abuse.name).toBe(true);
        samples.push(ms);
      }
      const p95 = percentile(samples, 95);
      recordFigure({ test: 'query abuse (stress, 40 each)', name: `${abuse.name}: p95`, value: p95, unit: 'ms' });
      if (p95 >= REJECTION_P95_MS) slow.push(`${abuse.name}: ${p95.toFixed(1)} ms`);
    }
    expect(slow).toEqual([]);
  }, 600_000);

  it(`memory stays flat during a ${STREAM_SECONDS} s stream on ${CONNECTIONS} connections`, async () => {
    let sent = 0;
    let wrong = 0;
    let running = true;
    const worker = async (offset: number) => {
      for (let i = offset; running; i++) {
        const { ok } = await send(ABUSE_CASES[i % ABUSE_CASES.length] as AbuseCase);
        sent += 1;
        if (!ok) wrong += 1;
      }
    };
    const workers = Array.from({ length: CONNECTIONS }, (_, i) => worker(i * 3));
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    const samples: number[] = [];
    for (let s = 0; s < STREAM_SECONDS; s++) {
      samples.push(server.rss());
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
    running = false;
    await Promise.all(workers);
    const start = median(samples.slice(0, 5));
    const end = median(samples.slice(-5));
    const growth = end / start - 1;
    recordFigure({ test: 'query abuse stream', name: 'requests refused', value: sent, unit: 'requests' });
    recordFigure({ test: 'query abuse stream', name: 'RSS after warm-up', value: start / 2 ** 20, unit: 'MiB' });
    recordFigure({ test: 'query abuse stream', name: 'RSS at the end', value: end / 2 ** 20, unit: 'MiB' });
    recordFigure({ test: 'query abuse stream', name: 'RSS growth', value: growth * 100, unit: '%' });
    expect(wrong).toBe(0);
    expect(growth).toBeLessThan(0.2);
  }, 600_000);
});
