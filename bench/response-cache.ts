/**
 * `npx tsx bench/response-cache.ts [--seconds 10] [--rounds 3] [--connections 4]`: the explorer's query mix (the
 * operations of web/src/api.ts, sent as the explorer sends them: persisted GETs; weighted as
 * server/src/load.stress.test.ts weighs them) against this server in four set-ups, in interleaved rounds (the order
 * turned each round) on the database NEO4J_URI names, whatever it holds (the first 400 actors, 200 places and 200
 * events by id are the sample):
 * - `off`: no response cache, no HTTP cache;
 * - `cache`: the response cache (server/src/response-cache.ts);
 * - `http`: no response cache, the client revalidating with ETags (server/src/http-cache.ts) like a browser: one
 *   client-side cache shared by all connections (one browser, or a reverse proxy in front of many);
 * - `both`: the response cache and revalidation.
 * Client and server share this process, the same for every side: compare the columns, not absolute numbers.
 * Prints requests per second, p50 and p95 per side, the response cache's hit rate, the share answered 304, and the
 * machine's load average.
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import neo4j from 'neo4j-driver';
import { readQuery } from '../db/access.ts';
import { connectionFromEnv, createDriver } from '../db/driver.ts';
import { createApp } from '../server/src/app.ts';
import { testConfig } from '../server/src/config.ts';
import { RESPONSE_CACHE_HEADER } from '../server/src/response-cache.ts';
import * as webApi from '../web/src/api.ts';
import { percentile } from './stats.ts';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    rounds: { type: 'string', default: '3' },
    connections: { type: 'string', default: '4' },
  },
});
const SECONDS = Number(values.seconds);
const ROUNDS = Number(values.rounds);
const CONNECTIONS = Number(values.connections);

const driver = createDriver(connectionFromEnv());
const pick = async (label: 'Actor' | 'Place' | 'Event', n: number) =>
  (
    await readQuery(driver, `MATCH (x:KG:${label}) RETURN x.id AS id, x.name AS name ORDER BY x.id LIMIT $n`, {
      n: neo4j.int(n),
    })
  ).records.map((r) => ({ id: String(r.get('id')), name: String(r.get('name') ?? '') }));
const actors = await pick('Actor', 400);
const places = (await pick('Place', 200)).map((p) => p.id);
const events = (await pick('Event', 200)).map((e) => e.id);
if (actors.length === 0) throw new Error('the database holds no actors: load data first (npm run seed)');

const any = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)] as T;
const MIX: Array<[number, () => Promise<unknown>]> = [
  [35, () => webApi.search(any(actors).name.slice(0, 3 + Math.floor(Math.random() * 4)))],
  [15, () => webApi.fetchTimeline()],
  [25, () => webApi.fetchNeighborhood(Math.random() < 0.7 ? any(actors).id : any(places))],
  [10, () => webApi.fetchDetails(any([...events, any(actors).id]))],
  [15, () => webApi.findPaths(any(actors).id, any(actors).id, null)],
];
const TOTAL = MIX.reduce((n, [w]) => n + w, 0);
function operation(): () => Promise<unknown> {
  let r = Math.random() * TOTAL;
  for (const [weight, run] of MIX) {
    r -= weight;
    if (r <= 0) return run;
  }
  return (MIX[0] as (typeof MIX)[number])[1];
}

const app = (megabytes: number) =>
  createApp({ driver, config: testConfig({ queryTimeoutMs: 10_000, responseCacheBytes: megabytes * 1024 * 1024 }) });
const sides = {
  off: { app: app(0), revalidate: false },
  cache: { app: app(64), revalidate: false },
  http: { app: app(0), revalidate: true },
  both: { app: app(64), revalidate: true },
};
type Side = keyof typeof sides;
const SIDES = Object.keys(sides) as Side[];
const results = Object.fromEntries(
  SIDES.map((side) => [side, { latencies: [] as number[], hits: 0, notModified: 0, seconds: 0, errors: new Map() }]),
) as Record<
  Side,
  { latencies: number[]; hits: number; notModified: number; seconds: number; errors: Map<string, number> }
>;
/** What a browser's HTTP cache keeps: the last answer and its ETag per URL, one store per side. */
const clientCaches = Object.fromEntries(SIDES.map((side) => [side, new Map<string, { etag: string; body: string }>()]));

let current: Side = 'off';
let counting = false;
globalThis.fetch = (async (input: string | URL | Request, init?: RequestInit) => {
  const url = `http://app${String(input)}`;
  const { app, revalidate } = sides[current];
  const stored = revalidate && init?.method === 'GET' ? clientCaches[current]?.get(url) : undefined;
  const headers = new Headers(init?.headers);
  if (stored) headers.set('if-none-match', stored.etag);
  const response = await app.fetch(new Request(url, { ...init, headers }));
  if (counting && response.headers.get(RESPONSE_CACHE_HEADER) === 'hit') results[current].hits++;
  if (response.status === 304 && stored) {
    if (counting) results[current].notModified++;
    return new Response(stored.body, { status: 200, headers: { 'content-type': 'application/json' } });
  }
  const etag = response.headers.get('etag');
  if (!revalidate || !etag) return response;
  const body = await response.text();
  clientCaches[current]?.set(url, { etag, body });
  return new Response(body, { status: response.status, headers: response.headers });
}) as typeof fetch;

async function round(side: Side, seconds: number, measured: boolean): Promise<void> {
  current = side;
  counting = measured;
  const until = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (performance.now() < until) {
        const started = performance.now();
        try {
          await operation()();
          if (measured) results[side].latencies.push(performance.now() - started);
        } catch (error) {
          // Counted, not fatal: under a CPU hog an M query may pass the deadline (QUERY_TIMEOUT); each side says how often.
          const code = (error as { code?: string }).code ?? (error as Error).message;
          if (measured) results[side].errors.set(code, (results[side].errors.get(code) ?? 0) + 1);
        }
      }
    }),
  );
  if (measured) results[side].seconds += seconds;
}

const loadBefore = os.loadavg();
// Warm-up of every side (JIT, pools; the caches' first entries are part of what a cache means, so they stay).
for (const side of SIDES) await round(side, 3, false);
for (let i = 0; i < ROUNDS; i++) {
  const order = [...SIDES.slice(i % SIDES.length), ...SIDES.slice(0, i % SIDES.length)];
  for (const side of i % 2 === 0 ? order : order.reverse()) await round(side, SECONDS, true);
}
const loadAfter = os.loadavg();

const line = (side: Side) => {
  const { latencies, hits, notModified, seconds, errors } = results[side];
  const share = (n: number) => `${((100 * n) / Math.max(1, latencies.length)).toFixed(0)}%`;
  return (
    `${side.padEnd(5)}: ${(latencies.length / seconds).toFixed(1)} requests/s, ` +
    `p50 ${percentile(latencies, 50).toFixed(1)} ms, p95 ${percentile(latencies, 95).toFixed(1)} ms, ` +
    `${latencies.length} requests, response-cache hits ${share(hits)}, 304 ${share(notModified)}, errors ` +
    (errors.size === 0 ? '0' : [...errors].map(([code, n]) => `${n} ${code}`).join(', '))
  );
};
console.log(
  `Explorer query mix, ${CONNECTIONS} connections, ${ROUNDS} rounds of ${SECONDS} s per side, sample ${actors.length} actors / ${places.length} places / ${events.length} events`,
);
for (const side of SIDES) console.log(line(side));
console.log(
  `load average (1, 5, 15 min): before ${loadBefore.map((l) => l.toFixed(2)).join(', ')}; after ${loadAfter.map((l) => l.toFixed(2)).join(', ')}; ${os.cpus().length} cores`,
);
await driver.close();
