/**
 * Crash during a large load (`npm run test:stress`): a separate Neo4j (NEO4J_STRESS_HOME_DIR, default
 * `<repo>/.neo4j-stress`, on NEO4J_STRESS_BOLT_PORT, default 7698) loads the synthetic M dataset in a child
 * process; the Neo4j JVM is killed with SIGKILL mid-load, restarted, and the load rerun. The graph must then be
 * exactly the one a clean load gives (same counts, same content digest, no duplicates), and the app must not
 * report ready while the load is interrupted. Timings are printed for the record.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createDriver } from '../db/driver.ts';
import { openLoadJobs } from '../db/load-jobs.ts';
import { graphDigest } from '../db/repositories/graph-digest.ts';
import { countByLabel, resetProductData } from '../db/writer.ts';
import { type Neo4jConfig, REPO_ROOT, resolveNeo4jConfig, startNeo4j, stopNeo4j } from '../neo4j/launcher.ts';
import { createApp } from '../server/src/app.ts';
import { testConfig } from '../server/src/config.ts';
import { streamLoadFiles } from './stream-load.ts';
import { folderFiles } from './synth/files.ts';
import { DATASET_FILE, generateSynthDataset, type SynthSize } from './synth/generate.ts';

const SIZE = (process.env.STRESS_SYNTH_SIZE ?? 'M') as SynthSize;
const BATCH_SIZE = 10_000;
/** Batches committed before the database is killed. */
const KILL_AFTER_BATCHES = 12;

const log = (line: string) => console.log(`[stress] ${line}`);
const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);

let config: Neo4jConfig;
let pid = 0;
let driver: Driver;
let dataDir: string;
let file: string;

async function start(): Promise<void> {
  const result = await startNeo4j(config, (line) => log(line));
  pid = result.pid;
}

/** Runs `npm run seed` for the dataset in a child process, as a user would. */
function loadInChild(): { child: ChildProcess; exit: Promise<{ code: number | null; output: string }> } {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'seed/load.ts', file, '--stream', '--batch-size', String(BATCH_SIZE)],
    {
      cwd: REPO_ROOT,
      env: { ...process.env, NEO4J_URI: config.uri, NEO4J_USER: config.user, NEO4J_PASSWORD: config.password },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const exit = new Promise<{ code: number | null; output: string }>((resolve) =>
    child.once('exit', (code) => resolve({ code, output })),
  );
  return { child, exit };
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const until = performance.now() + timeoutMs;
  while (performance.now() < until) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`timed out waiting for ${what}`);
}

beforeAll(async () => {
  config = resolveNeo4jConfig(process.env, {
    homeDir: process.env.NEO4J_STRESS_HOME_DIR ?? path.join(REPO_ROOT, '.neo4j-stress'),
    boltPort: Number(process.env.NEO4J_STRESS_BOLT_PORT ?? 7698),
    heap: process.env.NEO4J_HEAP ?? '2g',
    pageCache: process.env.NEO4J_PAGECACHE ?? '1g',
  });
  await stopNeo4j(config, log);
  // A fresh database every run: only this test's own home is removed.
  await rm(path.join(config.homeDir, 'data'), { recursive: true, force: true });
  await start();
  driver = createDriver(config);
  dataDir = await mkdtemp(path.join(tmpdir(), 'stress-synth-'));
  const generated = performance.now();
  await generateSynthDataset(SIZE, 11, await folderFiles(dataDir));
  file = path.join(dataDir, DATASET_FILE);
  log(`generated ${SIZE} in ${seconds(generated)} s`);
});

afterAll(async () => {
  await driver?.close();
  if (config) await stopNeo4j(config, log);
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

it(`a load of ${SIZE} survives SIGKILL of Neo4j mid-load: rerun resumes and ends in the clean graph`, async () => {
  const planned = performance.now();
  const expected = await streamLoadFiles(undefined, [file], { dryRun: true });
  log(
    `validated and planned in ${seconds(planned)} s: ${expected.rows.nodes} nodes, ${expected.rows.rels} relationships`,
  );
  const app = createApp({ driver, config: testConfig({ logLevel: 'silent' }) });

  const firstStart = performance.now();
  const first = loadInChild();
  const job = await waitFor(
    `${KILL_AFTER_BATCHES} committed batches`,
    async () => {
      const [open] = await openLoadJobs(driver);
      return open && open.batchesDone >= KILL_AFTER_BATCHES ? open : undefined;
    },
    1_800_000,
  );
  process.kill(pid, 'SIGKILL');
  log(
    `killed Neo4j (pid ${pid}) ${seconds(firstStart)} s into the load, after batch ${job.batchesDone} of ${job.totalBatches}`,
  );
  const interrupted = await first.exit;
  expect(interrupted.code).not.toBe(0);

  const downReady = await app.fetch('http://app/ready');
  expect(downReady.status).toBe(503);

  const restarted = performance.now();
  await start();
  log(`Neo4j restarted and recovered in ${seconds(restarted)} s`);
  const [open, ...others] = await openLoadJobs(driver);
  expect(others).toEqual([]);
  expect(open?.id).toBe(job.id);
  expect(open?.batchesDone).toBeGreaterThanOrEqual(KILL_AFTER_BATCHES);
  expect(open?.batchesDone).toBeLessThan(job.totalBatches);
  const loadingReady = await app.fetch('http://app/ready');
  expect(loadingReady.status).toBe(503);
  expect(await loadingReady.json()).toMatchObject({ status: 'loading' });
  const refused = await app.fetch('http://app/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ node(id: "actor:syria-0") { id } }' }),
  });
  expect(
    ((await refused.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]?.extensions.code,
  ).toBe('DATA_LOADING');

  const rerunStart = performance.now();
  const rerun = await loadInChild().exit;
  log(`rerun finished in ${seconds(rerunStart)} s:\n${rerun.output.trim()}`);
  expect(rerun.code, rerun.output).toBe(0);
  expect(rerun.output).toMatch(/Resumed an interrupted load: \d+ batch\(es\) were already stored/);
  expect(await openLoadJobs(driver)).toEqual([]);
  expect(await countByLabel(driver)).toEqual(expected.counts);
  const resumedDigest = await graphDigest(driver);
  expect(resumedDigest.nodes).toBe(expected.rows.nodes);
  expect(resumedDigest.relationships).toBe(expected.rows.rels);
  const { records } = await driver.executeQuery(
    'MATCH (:KG)-[r]->(:KG) WITH type(r) AS type, r.id AS id, count(*) AS n WHERE n > 1 RETURN count(*) AS dupes',
  );
  expect(Number(records[0]?.get('dupes'))).toBe(0);

  await resetProductData(driver);
  const cleanStart = performance.now();
  const clean = await loadInChild().exit;
  log(`clean load finished in ${seconds(cleanStart)} s:\n${clean.output.trim()}`);
  expect(clean.code, clean.output).toBe(0);
  expect(await graphDigest(driver)).toEqual(resumedDigest);
  await new Promise((resolve) => setTimeout(resolve, 1100));
  expect((await app.fetch('http://app/ready')).status).toBe(200);
}, 7_200_000);
