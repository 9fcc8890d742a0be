/**
 * Stateless app servers: two server processes (start/start.ts, as `npm start` runs them) on one Neo4j keep nothing a
 * request needs to themselves. A load through the CLI (`npm run seed -- --stream`) in a third process is refused by
 * both while it runs (DATA_LOADING, /ready "loading": the load job lives in Neo4j) and seen by both once it ends; with
 * one server killed, the other goes on answering.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readQuery, writeQuery } from '../../db/access.ts';
import { createDriver } from '../../db/driver.ts';
import { resetProductData } from '../../db/writer.ts';
import { folderFiles } from '../../seed/synth/files.ts';
import { DATASET_FILE, generateSynthDataset } from '../../seed/synth/generate.ts';
import { testConnection } from '../../test/seeded-database.ts';
import { type ServerProcess, startServerProcess } from '../../test/server-process.ts';

const ROOT = path.join(import.meta.dirname, '../..');
/** Two ports of this suite's range (TWO_SERVER_PORTS="a,b" to move them). */
const PORTS = (process.env.TWO_SERVER_PORTS ?? '4102,4103').split(',').map(Number);
const SYNTH_DATASET = 'synth-s-5';
const SLOW = 900_000;

let driver: Driver;
let dir: string;
let servers: ServerProcess[] = [];

interface GraphqlBody {
  data?: { node: { id: string } | null } | null;
  errors?: Array<{ extensions?: { code?: string } }>;
}

async function askNode(
  server: ServerProcess,
  id: string,
): Promise<{ status: number; body: GraphqlBody; stamp: string | null }> {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: 'query Node($id: ID!) { node(id: $id) { id } }', variables: { id } }),
  });
  return {
    status: response.status,
    body: (await response.json()) as GraphqlBody,
    stamp: response.headers.get('x-graph-stamp'),
  };
}

async function readyBody(server: ServerProcess): Promise<{ status: string; graph?: { stamp: string } | null }> {
  return (await (await fetch(`${server.url}/ready`)).json()) as { status: string; graph?: { stamp: string } | null };
}

async function readiness(server: ServerProcess): Promise<string> {
  return (await readyBody(server)).status;
}

async function removeLoadJobs(): Promise<void> {
  await writeQuery(driver, 'MATCH (j:LoadJob) DELETE j');
}

beforeAll(async () => {
  driver = createDriver(testConnection());
  await driver.verifyConnectivity();
  await resetProductData(driver);
  await removeLoadJobs();
  dir = await mkdtemp(path.join(tmpdir(), 'two-servers-'));
  await generateSynthDataset('S', 5, await folderFiles(dir));
  // Each server seeds the empty database from seed/data/ (the one that finds it empty) and then serves it.
  servers = await Promise.all(PORTS.map((port) => startServerProcess({ port, neo4j: testConnection() })));
}, SLOW);

afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop()));
  await resetProductData(driver);
  await removeLoadJobs();
  await driver.close();
  await rm(dir, { recursive: true, force: true });
});

function startCliLoad(file: string): { child: ChildProcess; output: () => string } {
  let output = '';
  const { uri, user, password } = testConnection();
  // Small batches: hundreds of commits, so the load is open long enough to be asked about from both servers.
  const child = spawn(process.execPath, ['--import', 'tsx', 'seed/load.ts', '--stream', '--batch-size', '100', file], {
    cwd: ROOT,
    env: { ...process.env, NEO4J_URI: uri, NEO4J_USER: user, NEO4J_PASSWORD: password },
  });
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  return { child, output: () => output };
}

async function until(what: string, check: () => Promise<boolean>, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not within ${ms / 1000} s: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('two server processes on one Neo4j', () => {
  it(
    'both refuse queries while a CLI load runs, both serve its data after, and one survives the other',
    async () => {
      const seededId = String(
        (await readQuery(driver, 'MATCH (n:KG:Actor) RETURN n.id AS id ORDER BY id LIMIT 1')).records[0]?.get('id'),
      );
      const stampBefore = (await readyBody(servers[0] as ServerProcess)).graph?.stamp;
      expect(stampBefore).toMatch(/\S/);
      for (const server of servers) {
        expect(await readyBody(server)).toMatchObject({ status: 'ready', graph: { stamp: stampBefore } });
        const answer = await askNode(server, seededId);
        expect(answer.body.data?.node?.id).toBe(seededId);
        expect(answer.stamp).toBe(stampBefore);
      }

      const load = startCliLoad(path.join(dir, DATASET_FILE));
      const exited = once(load.child, 'exit');
      // Each server, on its own, finds the open load job in Neo4j while the CLI process still runs.
      for (const server of servers) {
        await until(
          `server ${server.url} refuses with DATA_LOADING`,
          async () => {
            const answer = await askNode(server, seededId);
            return answer.body.errors?.[0]?.extensions?.code === 'DATA_LOADING';
          },
          300_000,
        );
        expect(load.child.exitCode, load.output()).toBeNull();
        expect(await readiness(server)).toBe('loading');
        const refused = await askNode(server, seededId);
        expect(refused.status).toBe(503);
        expect(refused.body.data ?? undefined).toBeUndefined();
      }

      const [code] = await exited;
      expect(code, load.output()).toBe(0);
      const loadedId = String(
        (
          await readQuery(driver, 'MATCH (n:KG:Event) WHERE $dataset IN n.datasets RETURN n.id AS id LIMIT 1', {
            dataset: SYNTH_DATASET,
          })
        ).records[0]?.get('id'),
      );
      expect(loadedId).toMatch(/\S/);
      // The load guard asks Neo4j at most once a second: within a few seconds both see the completed load, under
      // one new graph stamp that neither server made up on its own.
      const stampAfter = String(
        (await readQuery(driver, "MATCH (s:GraphStamp {id: 'graph'}) RETURN s.stamp AS stamp")).records[0]?.get(
          'stamp',
        ),
      );
      expect(stampAfter).not.toBe(stampBefore);
      for (const server of servers) {
        await until(`server ${server.url} is ready again`, async () => (await readiness(server)) === 'ready', 10_000);
        expect((await readyBody(server)).graph?.stamp).toBe(stampAfter);
        const answer = await askNode(server, loadedId);
        expect(answer.body.errors).toBeUndefined();
        expect(answer.body.data?.node?.id).toBe(loadedId);
        expect(answer.stamp).toBe(stampAfter);
      }

      const [killed, survivor] = servers as [ServerProcess, ServerProcess];
      process.kill(killed.pid, 'SIGKILL');
      await until(
        'the killed server stops answering',
        () =>
          fetch(`${killed.url}/health`).then(
            () => false,
            () => true,
          ),
        10_000,
      );
      for (let i = 0; i < 5; i++) {
        const answer = await askNode(survivor, loadedId);
        expect(answer.body.data?.node?.id).toBe(loadedId);
      }
      expect(await readiness(survivor)).toBe('ready');
    },
    SLOW,
  );
});
