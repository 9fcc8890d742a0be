/**
 * `npm run test:stress`: a real outage. Its own Neo4j (NEO4J_OUTAGE_BOLT_PORT, default 7742, home .neo4j-outage)
 * and the real server in its own process. Neo4j is stopped cleanly, then killed with SIGKILL; each time queries
 * must fail within 5 s with a masked DATABASE_UNAVAILABLE, /ready must say not-ready, and once Neo4j is back the
 * same server process must answer again by itself.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDriver } from '../../db/driver.ts';
import { REPO_ROOT, resolveNeo4jConfig, startNeo4j, stopNeo4j } from '../../neo4j/launcher.ts';
import { datasetFilesIn, seedFiles } from '../../seed/seed.ts';
import { recordFigure } from '../../test/figures.ts';
import { type ServerProcess, startServerProcess } from '../../test/server-process.ts';

const PORT = 4742;
const FAIL_WITHIN_MS = 5_000;
const config = resolveNeo4jConfig({
  ...process.env,
  NEO4J_HOME_DIR: process.env.NEO4J_OUTAGE_HOME_DIR ?? path.join(REPO_ROOT, '.neo4j-outage'),
  NEO4J_BOLT_PORT: process.env.NEO4J_OUTAGE_BOLT_PORT ?? '7742',
});
const connection = { uri: config.uri, user: config.user, password: config.password };
let server: ServerProcess;
let neo4jPid = 0;

async function startDatabase(): Promise<void> {
  neo4jPid = (await startNeo4j(config)).pid;
}

beforeAll(async () => {
  await startDatabase();
  const driver = createDriver(connection);
  await seedFiles(driver, await datasetFilesIn(), { replaceAll: true });
  await driver.close();
  server = await startServerProcess({ port: PORT, neo4j: connection });
});
afterAll(async () => {
  await server?.stop();
  await stopNeo4j(config);
});

interface Answer {
  ms: number;
  code?: string;
  message?: string;
  raw: string;
}

async function ask(): Promise<Answer> {
  const started = performance.now();
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ stats { events } search(text: "قسد") { node { id } } }' }),
  });
  const raw = await response.text();
  const body = JSON.parse(raw) as { errors?: Array<{ message: string; extensions?: { code?: string } }> };
  const [error] = body.errors ?? [];
  return {
    ms: performance.now() - started,
    raw,
    ...(error ? { message: error.message, code: error.extensions?.code ?? 'NONE' } : {}),
  };
}

async function readyStatus(): Promise<number> {
  return (await fetch(`${server.url}/ready`)).status;
}

/** Time from `since` until the server answers a query and /ready is 200 again. */
async function recoveredAfter(since: number): Promise<number> {
  for (;;) {
    const answer = await ask();
    if (answer.code === undefined && (await readyStatus()) === 200) return performance.now() - since;
    if (performance.now() - since > 60_000) throw new Error(`no recovery within 60 s: ${answer.raw}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function outage(kind: string, stop: () => Promise<void>): Promise<void> {
  expect((await ask()).code).toBeUndefined();
  await stop();
  const failures: Answer[] = [];
  for (let i = 0; i < 5; i++) failures.push(await ask());
  for (const failed of failures) {
    expect(failed.code, failed.raw).toBe('DATABASE_UNAVAILABLE');
    expect(failed.message).toBe('The database is unavailable. Try again shortly.');
    expect(failed.raw).not.toMatch(/127\.0\.0\.1|bolt:|ECONN|Neo4jError|stack/);
    expect(failed.ms).toBeLessThan(FAIL_WITHIN_MS);
  }
  expect(await readyStatus()).toBe(503);
  const restarted = performance.now();
  await startDatabase();
  const neo4jUp = performance.now() - restarted;
  const recovery = await recoveredAfter(performance.now());
  const worst = Math.max(...failures.map((f) => f.ms));
  recordFigure({ test: `outage (${kind})`, name: 'slowest of 5 failing queries', value: worst, unit: 'ms' });
  recordFigure({ test: `outage (${kind})`, name: 'Neo4j restart', value: neo4jUp, unit: 'ms' });
  recordFigure({
    test: `outage (${kind})`,
    name: 'server answering again after Neo4j is up',
    value: recovery,
    unit: 'ms',
  });
}

describe('Neo4j goes down under the running server', () => {
  it('stopped cleanly: fast masked failures, not ready, then recovery without a restart', async () => {
    await outage('Neo4j stopped', async () => {
      await stopNeo4j(config);
    });
  }, 600_000);

  it('killed with SIGKILL: the same', async () => {
    await outage('Neo4j SIGKILL', async () => {
      process.kill(neo4jPid, 'SIGKILL');
      await new Promise((resolve) => setTimeout(resolve, 500));
    });
  }, 600_000);
});
