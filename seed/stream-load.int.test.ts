import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { createDriver } from '../db/driver.ts';
import { openLoadJobs } from '../db/load-jobs.ts';
import { graphDigest } from '../db/repositories/graph-digest.ts';
import { countByLabel, resetProductData } from '../db/writer.ts';
import { countRows } from '../schema/graph.ts';
import { NODE_LABELS } from '../schema/vocabulary.ts';
import { createApp } from '../server/src/app.ts';
import { testConfig } from '../server/src/config.ts';
import { planDatasets } from './plan.ts';
import { DatasetValidationError } from './problems.ts';
import { datasetFilesIn, seedFiles } from './seed.ts';
import { type StreamBatchProgress, streamLoadFiles } from './stream-load.ts';
import { folderFiles } from './synth/files.ts';
import { DATASET_FILE, generateSynthDataset } from './synth/generate.ts';
import { validateDatasetFiles } from './validate.ts';

const connection = { uri: inject('neo4jUri'), user: inject('neo4jUser'), password: inject('neo4jPassword') };
const BATCH_SIZE = 2000;
// Loads of 40k rows per test; slow when the machine is shared.
const SLOW = 600_000;
let driver: Driver;
let dir: string;
let file: string;
let cleanDigest: Awaited<ReturnType<typeof graphDigest>>;

async function removeLoadJobs(): Promise<void> {
  await driver.executeQuery('MATCH (j:LoadJob) DELETE j');
}

async function duplicateRelationshipIds(): Promise<number> {
  const { records } = await driver.executeQuery(
    'MATCH (:KG)-[r]->(:KG) WITH type(r) AS type, r.id AS id, count(*) AS n WHERE n > 1 RETURN count(*) AS dupes',
  );
  return Number(records[0]?.get('dupes'));
}

beforeAll(async () => {
  driver = createDriver(connection);
  await driver.verifyConnectivity();
  dir = await mkdtemp(path.join(tmpdir(), 'stream-load-'));
  await generateSynthDataset('S', 3, await folderFiles(dir));
  file = path.join(dir, DATASET_FILE);
}, 120_000);
afterAll(async () => {
  await resetProductData(driver);
  await removeLoadJobs();
  await driver.close();
  await rm(dir, { recursive: true, force: true });
});
beforeEach(async () => {
  await resetProductData(driver);
  await removeLoadJobs();
});

describe('the streamed loader on the synthetic S dataset', () => {
  it(
    'writes the same graph as the one-transaction path (Baghouz dataset)',
    async () => {
      const files = await datasetFilesIn();
      await seedFiles(driver, files);
      const inMemory = await graphDigest(driver);
      await resetProductData(driver);
      const result = await streamLoadFiles(driver, files, { batchSize: 50 });
      expect(result.job?.totalBatches).toBeGreaterThan(10);
      expect(await graphDigest(driver)).toEqual(inMemory);
    },
    SLOW,
  );

  it(
    'stores exactly the counts the in-memory plan predicts',
    async () => {
      const plan = planDatasets(await validateDatasetFiles([file]));
      const expected = Object.fromEntries(NODE_LABELS.map((l) => [l, plan.nodes[l].length]));
      const result = await streamLoadFiles(driver, [file], { batchSize: BATCH_SIZE });
      expect(result.counts).toEqual(expected);
      expect(result.rows).toEqual(countRows(plan));
      expect(await countByLabel(driver)).toEqual(expected);
      cleanDigest = await graphDigest(driver);
      expect(cleanDigest.relationships).toBe(countRows(plan).rels);
      expect(result.job).toMatchObject({ resumed: false, batchesSkipped: 0 });
      expect(result.job?.batchesWritten).toBe(result.job?.totalBatches);
      expect(await openLoadJobs(driver)).toEqual([]);
    },
    SLOW,
  );

  it(
    'loading twice gives the same digest with no duplicates, and leaves no job behind',
    async () => {
      await streamLoadFiles(driver, [file], { batchSize: BATCH_SIZE });
      const first = await graphDigest(driver);
      const second = await streamLoadFiles(driver, [file], { batchSize: 5000 });
      expect(second.pruned).toEqual({ nodesDeleted: 0, relationshipsDeleted: 0 });
      expect(await graphDigest(driver)).toEqual(first);
      expect(first.hash).toBe(cleanDigest.hash);
      expect(await duplicateRelationshipIds()).toBe(0);
      expect(await openLoadJobs(driver)).toEqual([]);
    },
    SLOW,
  );

  it(
    'an interrupted load is never served, and a rerun resumes after the last committed batch',
    async () => {
      const app = createApp({ driver, config: testConfig({ logLevel: 'silent' }) });
      const stopAfter = 7;
      const interrupted = streamLoadFiles(driver, [file], {
        batchSize: BATCH_SIZE,
        onBatch: (p) => {
          if (p.batch === stopAfter) throw new Error('simulated crash');
        },
      });
      await expect(interrupted).rejects.toThrow('simulated crash');

      const [job, ...others] = await openLoadJobs(driver);
      expect(others).toEqual([]);
      expect(job?.batchesDone).toBe(stopAfter);
      expect(job?.totalBatches).toBeGreaterThan(stopAfter);
      const partial = await graphDigest(driver);
      expect(partial.nodes).toBeGreaterThan(0);
      expect(partial.relationships).toBeLessThan(cleanDigest.relationships);

      const ready = await app.fetch('http://app/ready');
      expect(ready.status).toBe(503);
      expect(await ready.json()).toMatchObject({
        status: 'loading',
        database: true,
        loading: { jobs: [{ id: job?.id }] },
      });
      const response = await app.fetch('http://app/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ node(id: "actor:syria-0") { id name } }' }),
      });
      const body = (await response.json()) as { data?: unknown; errors?: Array<{ extensions?: { code?: string } }> };
      expect(response.status).toBe(503);
      expect(body.data).toBeUndefined();
      expect(body.errors?.[0]?.extensions?.code).toBe('DATA_LOADING');

      const seen: StreamBatchProgress[] = [];
      const resumed = await streamLoadFiles(driver, [file], { batchSize: 500, onBatch: (p) => void seen.push(p) });
      expect(resumed.job).toMatchObject({ id: job?.id, resumed: true, batchesSkipped: stopAfter });
      expect(seen[0]?.batch).toBe(stopAfter + 1);
      expect(seen.at(-1)?.batch).toBe(job?.totalBatches);
      expect(await graphDigest(driver)).toEqual(cleanDigest);
      expect(await duplicateRelationshipIds()).toBe(0);
      expect(await openLoadJobs(driver)).toEqual([]);

      await new Promise((resolve) => setTimeout(resolve, 1100));
      const readyAgain = await app.fetch('http://app/ready');
      expect(readyAgain.status).toBe(200);
    },
    SLOW,
  );

  it(
    'a load of changed data after an interrupted one supersedes it and prunes what it left',
    async () => {
      const partialLoad = streamLoadFiles(driver, [file], {
        batchSize: BATCH_SIZE,
        onBatch: (p) => {
          if (p.batch === 3) throw new Error('simulated crash');
        },
      });
      await expect(partialLoad).rejects.toThrow('simulated crash');
      const changedDir = await mkdtemp(path.join(tmpdir(), 'stream-load-changed-'));
      try {
        await generateSynthDataset('S', 4, await folderFiles(changedDir));
        const changed = path.join(changedDir, DATASET_FILE);
        // Same dataset id as the interrupted load, different content.
        const text = (await readFile(changed, 'utf8')).replace('"id": "synth-s-4"', '"id": "synth-s-3"');
        await writeFile(changed, text);
        const result = await streamLoadFiles(driver, [changed], { batchSize: BATCH_SIZE });
        expect(result.pruned?.nodesDeleted).toBeGreaterThan(0);
        const digest = await graphDigest(driver);
        await resetProductData(driver);
        await streamLoadFiles(driver, [changed], { batchSize: BATCH_SIZE });
        expect(await graphDigest(driver)).toEqual(digest);
        expect(await openLoadJobs(driver)).toEqual([]);
      } finally {
        await rm(changedDir, { recursive: true, force: true });
      }
    },
    SLOW,
  );

  it(
    'rejects an invalid large input before writing anything, listing where each problem is',
    async () => {
      await seedFiles(driver, [path.join(import.meta.dirname, 'fixtures', 'minimal.json')]);
      const before = await graphDigest(driver);
      const original = await readFile(file, 'utf8');
      const broken = path.join(dir, 'broken.json');

      await writeFile(broken, original.replace('"certainty":"reported"', '"certainty":"rumoured"'));
      const formatError = await streamLoadFiles(driver, [broken]).catch((e: unknown) => e);
      expect(formatError).toBeInstanceOf(DatasetValidationError);
      expect((formatError as DatasetValidationError).problems[0]?.path).toMatch(
        /^\$\.actors\[\d+\]\.citations\[0\]\.certainty$/,
      );

      const shifted = original.replace(
        /"start":(\d+),"end"/,
        (_, start: string) => `"start":${Number(start) + 1},"end"`,
      );
      await writeFile(broken, shifted);
      const quoteError = await streamLoadFiles(driver, [broken]).catch((e: unknown) => e);
      expect(quoteError).toBeInstanceOf(DatasetValidationError);
      expect((quoteError as DatasetValidationError).problems).toHaveLength(1);
      expect((quoteError as DatasetValidationError).problems[0]?.message).toMatch(
        /^offsets \d+–\d+ do not match the quote/,
      );

      await writeFile(broken, original.slice(0, original.length / 2));
      const truncated = await streamLoadFiles(driver, [broken]).catch((e: unknown) => e);
      expect((truncated as DatasetValidationError).problems[0]?.message).toMatch(/ends before the top-level object/);

      expect(await graphDigest(driver)).toEqual(before);
      expect(await openLoadJobs(driver)).toEqual([]);
    },
    SLOW,
  );
});
