/**
 * The bulk path against real Neo4j servers: a Neo4j of its own in a temporary home (the path stops and starts it),
 * compared with the transactional loaders on the shared test Neo4j.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDriver } from '../db/driver.ts';
import { loadState } from '../db/load-jobs.ts';
import { graphDigest } from '../db/repositories/graph-digest.ts';
import { searchNodes } from '../db/repositories/search.ts';
import { resetProductData } from '../db/writer.ts';
import { homeLayout } from '../neo4j/config.ts';
import { neo4jStatus, resolveNeo4jConfig, stopNeo4j } from '../neo4j/launcher.ts';
import { offlineImportLayout } from '../neo4j/offline-import.ts';
import { isAlive } from '../neo4j/process.ts';
import { DatasetValidationError } from '../seed/problems.ts';
import { datasetFilesIn } from '../seed/seed.ts';
import { streamLoadFiles } from '../seed/stream-load.ts';
import { folderFiles } from '../seed/synth/files.ts';
import { DATASET_FILE, generateSynthDataset } from '../seed/synth/generate.ts';
import { createApp } from '../server/src/app.ts';
import { testConfig } from '../server/src/config.ts';
import { BulkLoadRefusedError, bulkLoadFiles } from './bulk-load.ts';

const SLOW = 900_000;
const shared = { uri: inject('neo4jUri'), user: inject('neo4jUser'), password: inject('neo4jPassword') };

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

const work = await mkdtemp(path.join(tmpdir(), 'bulk-load-'));
const config = resolveNeo4jConfig(process.env, {
  homeDir: path.join(work, 'home'),
  boltPort: await freePort(),
  heap: '768m',
  pageCache: '128m',
});
const store = path.join(homeLayout(config).data, 'databases', 'neo4j');
let sharedDriver: Driver;
let baghouz: string[];
let synthetic: string;
const digests: Record<'baghouz' | 'synthetic', Awaited<ReturnType<typeof graphDigest>> | undefined> = {
  baghouz: undefined,
  synthetic: undefined,
};

/** The open load jobs, read without the load guard's short timeout (a just-started server on a busy machine is slow). */
async function loadJobs(driver: Driver): Promise<Array<{ id: string; kind: string | null }>> {
  const { records } = await driver.executeQuery('MATCH (j:LoadJob) RETURN j.id AS id, j.kind AS kind ORDER BY id');
  return records.map((r) => ({ id: r.get('id'), kind: r.get('kind') }));
}

async function onBulkHome<T>(work: (driver: Driver) => Promise<T>): Promise<T> {
  const driver = createDriver({ uri: config.uri, user: config.user, password: config.password });
  try {
    return await work(driver);
  } finally {
    await driver.close();
  }
}

/** Stops the bulk home's server and deletes its database: the next bulk load imports before its first start. */
async function emptyHome(): Promise<void> {
  await stopNeo4j(config);
  await rm(store, { recursive: true, force: true });
  await rm(path.join(homeLayout(config).data, 'transactions', 'neo4j'), { recursive: true, force: true });
}

beforeAll(async () => {
  sharedDriver = createDriver(shared);
  baghouz = await datasetFilesIn();
  await generateSynthDataset('S', 3, await folderFiles(path.join(work, 'synth')));
  synthetic = path.join(work, 'synth', DATASET_FILE);
  // The reference graphs: what the transactional loader stores for the same files.
  await resetProductData(sharedDriver);
  await streamLoadFiles(sharedDriver, baghouz, { batchSize: 500 });
  digests.baghouz = await graphDigest(sharedDriver);
  await resetProductData(sharedDriver);
  await streamLoadFiles(sharedDriver, [synthetic]);
  digests.synthetic = await graphDigest(sharedDriver);
  await resetProductData(sharedDriver);
}, SLOW);

afterAll(async () => {
  await stopNeo4j(config).catch(() => undefined);
  await resetProductData(sharedDriver);
  await sharedDriver.executeQuery('MATCH (j:LoadJob) DELETE j');
  await sharedDriver.close();
  await rm(work, { recursive: true, force: true });
}, SLOW);

describe('the bulk path (offline import into an empty database)', () => {
  it(
    'loads a fresh home with one start and stores the graph the transactional loader stores, indexes online',
    async () => {
      const stages: string[] = [];
      const result = await bulkLoadFiles(config, baghouz, { onStage: (stage) => stages.push(stage) });
      expect(stages).toEqual(['check', 'validate', 'plan-and-check', 'import', 'switch', 'finish']);
      expect(result.resumed).toBe(false);
      expect(result.imported?.nodes).toBe(result.plan.rows.nodes + 1); // and the load job
      expect(result.imported?.relationships).toBe(result.plan.rows.rels);
      await onBulkHome(async (driver) => {
        expect(await graphDigest(driver)).toEqual(digests.baghouz);
        expect(await loadJobs(driver)).toEqual([]);
        const hits = await searchNodes(driver, { text: 'الباغوز', limit: 5 });
        expect(hits.map((hit) => hit.node.id)).toContain('place:baghouz');
      });
      expect(existsSync(offlineImportLayout(config).journal)).toBe(false);
      expect(existsSync(offlineImportLayout(config).staging)).toBe(false);
    },
    SLOW,
  );

  it(
    'refuses a database that holds data, and refuses bad input before anything is written',
    async () => {
      const refused = await bulkLoadFiles(config, [synthetic]).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(BulkLoadRefusedError);
      expect((refused as Error).message).toMatch(/holds \d+ nodes.*npm run seed/);
      expect((await neo4jStatus(config)).running).toBe(true);
      await onBulkHome(async (driver) => expect(await graphDigest(driver)).toEqual(digests.baghouz));

      await emptyHome();
      const broken = path.join(work, 'broken.json');
      const text = readFileSync(synthetic, 'utf8');
      await writeFile(broken, text.replace('"certainty":"reported"', '"certainty":"rumoured"'));
      const invalid = await bulkLoadFiles(config, [broken]).catch((e: unknown) => e);
      expect(invalid).toBeInstanceOf(DatasetValidationError);
      expect(existsSync(store)).toBe(false);
      expect(existsSync(offlineImportLayout(config).staging)).toBe(false);
    },
    SLOW,
  );

  it(
    'a loader killed while the importer runs leaves the live database as it was, and the rerun recovers',
    async () => {
      await emptyHome();
      const journal = offlineImportLayout(config).journal;
      const child = spawn(process.execPath, ['--import', 'tsx', 'start/seed-bulk.ts', synthetic], {
        cwd: path.join(import.meta.dirname, '..'),
        env: {
          ...process.env,
          NEO4J_HOME_DIR: config.homeDir,
          NEO4J_BOLT_PORT: String(config.boltPort),
          NEO4J_HEAP: config.heap,
          NEO4J_PAGECACHE: config.pageCache,
        },
        stdio: 'ignore',
      });
      let importerPid: number | undefined;
      const deadline = Date.now() + 300_000;
      while (importerPid === undefined && Date.now() < deadline && child.exitCode === null) {
        try {
          importerPid = (JSON.parse(readFileSync(journal, 'utf8')) as { importerPid?: number }).importerPid;
        } catch {
          // not written yet
        }
        if (importerPid === undefined) await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(importerPid).toBeDefined();
      child.kill('SIGKILL');
      await new Promise((resolve) => child.once('exit', resolve));
      expect(JSON.parse(readFileSync(journal, 'utf8'))).toMatchObject({ state: 'importing' });
      expect(existsSync(store)).toBe(false);

      const log: string[] = [];
      const result = await bulkLoadFiles(config, [synthetic], { log: (line) => log.push(line) });
      expect(log.join('\n')).toMatch(/Discarding the partial store of an interrupted import/);
      expect(isAlive(importerPid as number)).toBe(false);
      expect(result.resumed).toBe(false);
      await onBulkHome(async (driver) => {
        expect(await graphDigest(driver)).toEqual(digests.synthetic);
        expect(await loadJobs(driver)).toEqual([]);
      });
    },
    SLOW,
  );

  it(
    'an imported graph is not served until it is finished, and the next run finishes it',
    async () => {
      await emptyHome();
      const crashed = bulkLoadFiles(config, [synthetic], {
        onStage: (stage) => {
          if (stage === 'finish') throw new Error('simulated crash after the switch');
        },
      });
      await expect(crashed).rejects.toThrow('simulated crash');
      await onBulkHome(async (driver) => {
        const [job, ...others] = await loadJobs(driver);
        expect(others).toEqual([]);
        expect(job?.kind).toBe('bulk');
        // The guard's own query, once, so its first run on this fresh server is not the one measured against its deadline.
        await loadState(driver).catch(() => undefined);
        const app = createApp({ driver, config: testConfig({ logLevel: 'silent' }) });
        const response = await app.fetch('http://app/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: '{ stats { actors } }' }),
        });
        const body = (await response.json()) as { errors?: Array<{ extensions?: { code?: string } }> };
        expect(body.errors?.[0]?.extensions?.code).toBe('DATA_LOADING');
      });

      const result = await bulkLoadFiles(config, [synthetic]);
      expect(result.resumed).toBe(true);
      expect(result.imported).toBeUndefined();
      await onBulkHome(async (driver) => {
        expect(await graphDigest(driver)).toEqual(digests.synthetic);
        expect(await loadJobs(driver)).toEqual([]);
      });
    },
    SLOW,
  );

  it(
    'the transactional loader finishes an interrupted bulk load of the same input too',
    async () => {
      // On the shared test Neo4j: the synthetic graph as an import leaves it (all rows, but no empty lists and no
      // source texts), with its bulk job open.
      await streamLoadFiles(sharedDriver, [synthetic]);
      await sharedDriver.executeQuery(
        `MATCH (n:KG) WHERE n.aliases = [] OR n.text IS NOT NULL REMOVE n.aliases, n.text
         WITH count(*) AS changed
         CREATE (:LoadJob {id: 'load:bulk-test', datasets: ['synth-s-3'], inputDigest: $digest, stamp: 'bulk-stamp',
           batchSize: 0, batchesDone: 0, totalBatches: 0, preexisting: false, kind: 'bulk',
           startedAt: datetime(), updatedAt: datetime()})`,
        { digest: (await streamLoadFiles(undefined, [synthetic], { dryRun: true })).inputDigest },
      );
      expect((await graphDigest(sharedDriver)).hash).not.toBe(digests.synthetic?.hash);
      const result = await streamLoadFiles(sharedDriver, [synthetic]);
      expect(result.job).toMatchObject({ id: 'load:bulk-test', resumed: true });
      expect(await graphDigest(sharedDriver)).toEqual(digests.synthetic);
      expect(await loadJobs(sharedDriver)).toEqual([]);
    },
    SLOW,
  );
});
