/**
 * `npm run test:stress`: 60 s of a realistic query mix on 8 connections against the real server process and the
 * synthetic M dataset (RELIABILITY_LOAD_SIZE=S|M|L, default M; generated with `npm run synth` and loaded with
 * `npm run seed` when the test database does not hold it yet). The operations are the web explorer's own
 * (web/src/api.ts): search, timeline, neighbourhood, details and paths. Every response body is checked: zero
 * errors allowed. Reports p50/p95 per kind and overall, throughput, and the server's memory growth: under 20% beyond
 * the response cache's budget (RESPONSE_CACHE_MB, which the server fills as it answers).
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDriver } from '../../db/driver.ts';
import { REPO_ROOT } from '../../neo4j/launcher.ts';
import { percentile, recordFigure } from '../../test/figures.ts';
import { testConnection } from '../../test/seeded-database.ts';
import { type ServerProcess, startServerProcess } from '../../test/server-process.ts';
import * as webApi from '../../web/src/api.ts';
import { configFromEnv } from './config.ts';

const SIZE = process.env.RELIABILITY_LOAD_SIZE ?? 'M';
const DURATION_S = Number(process.env.RELIABILITY_LOAD_SECONDS ?? 60);
const CONNECTIONS = 8;
const PORT = Number(process.env.RELIABILITY_LOAD_PORT ?? 4743);
const DATA_DIR = path.join(REPO_ROOT, '.data', 'synth', `${SIZE}-1`);
const run = promisify(execFile);
const TSX = path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx');

let driver: Driver;
let server: ServerProcess;
let datasetId = '';
const sample = { actors: [] as Array<{ id: string; name: string }>, places: [] as string[], events: [] as string[] };

async function ensureLoaded(): Promise<void> {
  if (!existsSync(path.join(DATA_DIR, 'manifest.json')))
    await run(TSX, ['seed/synth/cli.ts', '--size', SIZE, '--seed', '1'], { cwd: REPO_ROOT });
  const manifest = JSON.parse(readFileSync(path.join(DATA_DIR, 'manifest.json'), 'utf8'));
  datasetId = manifest.datasetId;
  const expected = manifest.records.actors + manifest.records.places + manifest.records.events;
  const { records } = await driver.executeQuery(
    `MATCH (n) WHERE (n:Actor OR n:Place OR n:Event) AND $id IN n.datasets RETURN count(n) AS n`,
    { id: datasetId },
  );
  const present = records[0]?.get('n').toNumber() ?? 0;
  if (present === expected) return;
  const c = testConnection();
  const started = performance.now();
  await run(TSX, ['seed/load.ts', '--stream', path.join(DATA_DIR, 'dataset.json')], {
    cwd: REPO_ROOT,
    env: { ...process.env, NEO4J_URI: c.uri, NEO4J_USER: c.user, NEO4J_PASSWORD: c.password },
    maxBuffer: 64 * 1024 * 1024,
  });
  recordFigure({
    test: `load ${SIZE}`,
    name: 'dataset load (streamed loader)',
    value: (performance.now() - started) / 1000,
    unit: 's',
  });
}

beforeAll(async () => {
  driver = createDriver(testConnection());
  await ensureLoaded();
  const pick = async (label: string, n: number) =>
    (
      await driver.executeQuery(
        `MATCH (x:${label}) WHERE $id IN x.datasets WITH x ORDER BY x.id RETURN x.id AS id, x.name AS name LIMIT $n`,
        { id: datasetId, n: neo4j.int(n) },
      )
    ).records.map((r) => ({ id: r.get('id') as string, name: r.get('name') as string }));
  sample.actors = await pick('Actor', 400);
  sample.places = (await pick('Place', 200)).map((p) => p.id);
  sample.events = (await pick('Event', 200)).map((e) => e.id);
  server = await startServerProcess({ port: PORT, neo4j: testConnection() });
  const base = server.url;
  const realFetch = globalThis.fetch;
  globalThis.fetch = ((input: string | URL, init?: RequestInit) =>
    realFetch(typeof input === 'string' && input.startsWith('/') ? `${base}${input}` : input, init)) as typeof fetch;
}, 3_600_000);
afterAll(async () => {
  await server?.stop();
  await driver?.close();
});

const any = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)] as T;

/** The explorer's operations, weighted as a session uses them; each checks what it got back. */
const MIX: Array<[string, number, () => Promise<void>]> = [
  [
    'search',
    35,
    async () => {
      const name = any(sample.actors).name;
      const typed = name.slice(0, 3 + Math.floor(Math.random() * Math.max(1, name.length - 3)));
      const hits = await webApi.search(typed);
      if (!Array.isArray(hits)) throw new Error('search: no list');
    },
  ],
  [
    'timeline',
    15,
    async () => {
      const timeline = await webApi.fetchTimeline();
      if (timeline.events.length === 0) throw new Error('timeline: no events');
    },
  ],
  [
    'neighbourhood',
    25,
    async () => {
      const id = Math.random() < 0.7 ? any(sample.actors).id : any(sample.places);
      const graph = await webApi.fetchNeighborhood(id);
      if (!graph.nodes.some((n) => n.id === id)) throw new Error(`neighbourhood of ${id}: centre missing`);
    },
  ],
  [
    'details',
    10,
    async () => {
      const id = any([...sample.events, any(sample.actors).id]);
      const node = await webApi.fetchDetails(id);
      if (node?.id !== id) throw new Error(`details of ${id}: got ${String(node?.id)}`);
    },
  ],
  [
    'paths',
    15,
    async () => {
      const paths = await webApi.findPaths(any(sample.actors).id, any(sample.actors).id, null);
      if (!Array.isArray(paths)) throw new Error('paths: no list');
    },
  ],
];
const TOTAL_WEIGHT = MIX.reduce((n, [, w]) => n + w, 0);

function pickOperation(): [string, () => Promise<void>] {
  let r = Math.random() * TOTAL_WEIGHT;
  for (const [name, weight, operation] of MIX) {
    r -= weight;
    if (r <= 0) return [name, operation];
  }
  const [name, , operation] = MIX[0] as (typeof MIX)[number];
  return [name, operation];
}

describe(`load: ${DURATION_S} s, ${CONNECTIONS} connections, the explorer's query mix on ${SIZE}`, () => {
  it('zero errors, p95 reported, memory growth under 20% beyond the response cache', async () => {
    const latencies = new Map<string, number[]>(MIX.map(([name]) => [name, []]));
    const errors: string[] = [];
    let running = true;
    const worker = async () => {
      while (running) {
        const [name, operation] = pickOperation();
        const started = performance.now();
        try {
          await operation();
          latencies.get(name)?.push(performance.now() - started);
        } catch (error) {
          errors.push(`${name}: ${(error as Error & { code?: string }).code ?? ''} ${(error as Error).message}`);
        }
      }
    };
    // Warm-up: caches, JIT and the connection pool, then measure.
    const warmUp = Array.from({ length: CONNECTIONS }, worker);
    await new Promise((resolve) => setTimeout(resolve, 10_000));
    running = false;
    await Promise.all(warmUp);
    for (const samples of latencies.values()) samples.length = 0;
    errors.length = 0;

    running = true;
    const workers = Array.from({ length: CONNECTIONS }, worker);
    const memory: number[] = [];
    for (let s = 0; s < DURATION_S; s++) {
      memory.push(server.rss());
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
    running = false;
    await Promise.all(workers);
    memory.push(server.rss());

    const all = [...latencies.values()].flat();
    const test = `load ${SIZE} (${DURATION_S} s, ${CONNECTIONS} connections)`;
    for (const [name, samples] of latencies) {
      recordFigure({
        test,
        name: `${name}: p50`,
        value: percentile(samples, 50),
        unit: 'ms',
        note: `${samples.length} requests`,
      });
      recordFigure({ test, name: `${name}: p95`, value: percentile(samples, 95), unit: 'ms' });
    }
    const startMemory = percentile(memory.slice(0, 5), 50);
    const endMemory = percentile(memory.slice(-5), 50);
    const growth = endMemory / startMemory - 1;
    const cacheBudget = configFromEnv(process.env, false).responseCacheBytes;
    const growthBeyondCache = (endMemory - cacheBudget) / startMemory - 1;
    recordFigure({ test, name: 'all: p95', value: percentile(all, 95), unit: 'ms' });
    recordFigure({ test, name: 'all: p99', value: percentile(all, 99), unit: 'ms' });
    recordFigure({ test, name: 'requests', value: all.length, unit: 'requests' });
    recordFigure({ test, name: 'throughput', value: all.length / DURATION_S, unit: 'requests/s' });
    recordFigure({ test, name: 'errors', value: errors.length, unit: 'errors' });
    recordFigure({ test, name: 'RSS at start', value: startMemory / 2 ** 20, unit: 'MiB' });
    recordFigure({ test, name: 'RSS at end', value: endMemory / 2 ** 20, unit: 'MiB' });
    recordFigure({ test, name: 'RSS growth', value: growth * 100, unit: '%' });
    recordFigure({ test, name: 'response cache budget', value: cacheBudget / 2 ** 20, unit: 'MiB' });
    recordFigure({ test, name: 'RSS growth beyond the cache budget', value: growthBeyondCache * 100, unit: '%' });
    expect(errors.slice(0, 20)).toEqual([]);
    expect(all.length).toBeGreaterThan(0);
    expect(growthBeyondCache).toBeLessThan(0.2);
  }, 600_000);
});
