/**
 * Bad datasets through the real command line (`npm run seed -- file`) against the real test Neo4j: every broken
 * input exits non-zero, names the file, the JSON path and the reason, and leaves the database's content hash
 * exactly as it was. Also: loading the same data twice gives the same hash.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDriver } from '../db/driver.ts';
import { graphDigest } from '../db/repositories/graph-digest.ts';
import { resetProductData } from '../db/writer.ts';
import { recordFigure } from '../test/figures.ts';
import { testConnection } from '../test/seeded-database.ts';
import { BROKEN_DATASETS, writeBrokenDataset } from './fixtures/broken-datasets.ts';
import { datasetFilesIn, seedFiles } from './seed.ts';

const run = promisify(execFile);
const FIXTURES = path.join(import.meta.dirname, 'fixtures');
const TSX = path.join(import.meta.dirname, '..', 'node_modules', '.bin', 'tsx');
const LOADER = path.join(import.meta.dirname, 'load.ts');
const scratch = await mkdtemp(path.join(tmpdir(), 'broken-datasets-'));
const fileNameOf = (name: string) => `${name.replace(/\W+/g, '-')}.json`;

const CASES = BROKEN_DATASETS;

let driver: Driver;
let baseline: Awaited<ReturnType<typeof graphDigest>>;
const env = () => {
  const c = testConnection();
  return { ...process.env, NEO4J_URI: c.uri, NEO4J_USER: c.user, NEO4J_PASSWORD: c.password };
};

beforeAll(async () => {
  driver = createDriver(testConnection());
  await resetProductData(driver);
  await seedFiles(driver, [path.join(FIXTURES, 'minimal.json'), ...(await datasetFilesIn())]);
  baseline = await graphDigest(driver);
});
afterAll(async () => {
  await resetProductData(driver);
  await driver.close();
  await rm(scratch, { recursive: true, force: true });
});

interface Outcome {
  code: number;
  stderr: string;
}

async function load(file: string): Promise<Outcome> {
  try {
    await run(TSX, [LOADER, file], { env: env(), maxBuffer: 16 * 1024 * 1024 });
    return { code: 0, stderr: '' };
  } catch (error) {
    const e = error as { code: number; stderr: string };
    return { code: e.code, stderr: e.stderr };
  }
}

describe('npm run seed refuses each broken dataset, names file, path and reason, and changes nothing', () => {
  it(`${CASES.length} broken inputs`, async () => {
    expect(CASES.length).toBeGreaterThanOrEqual(25);
    const outcomes = new Map<string, Outcome>();
    const queue = [...CASES];
    const worker = async () => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        const [name, breakage] = next;
        outcomes.set(name, await load(await writeBrokenDataset(scratch, fileNameOf(name), breakage)));
      }
    };
    await Promise.all([worker(), worker(), worker()]);
    const failures: string[] = [];
    for (const [name, , jsonPath, reason] of CASES) {
      const { code, stderr } = outcomes.get(name) as Outcome;
      const fileName = fileNameOf(name);
      const line = stderr.split('\n').find((l) => l.includes(`${fileName} ${jsonPath}: `)) ?? '';
      const ok =
        code === 1 && stderr.includes('Nothing was written.') && reason.test(line.split(': ').slice(1).join(': '));
      if (!ok)
        failures.push(
          `${name}: exit ${code}, expected "${fileName} ${jsonPath}: ${reason}" in:\n${stderr.slice(0, 600)}`,
        );
      expect(stderr.length, `${name}: message too long`).toBeLessThan(20_000);
    }
    expect(failures).toEqual([]);
    expect(await graphDigest(driver)).toEqual(baseline);
    recordFigure({
      test: 'bad datasets',
      name: 'broken inputs refused with file, path and reason; hash unchanged',
      value: CASES.length,
      unit: 'cases',
    });
  }, 300_000);

  it('loading the same datasets twice (command line, then again) gives the same content hash', async () => {
    const files = [path.join(FIXTURES, 'minimal.json'), ...(await datasetFilesIn())];
    const first = await run(TSX, [LOADER, ...files], { env: env() });
    expect(first.stdout).toMatch(/Changes: 0 nodes and 0 relationships created, 0 nodes and 0 relationships removed/);
    expect(await graphDigest(driver)).toEqual(baseline);
    await resetProductData(driver);
    await run(TSX, [LOADER, ...files], { env: env() });
    const again = await graphDigest(driver);
    expect(again).toEqual(baseline);
    recordFigure({
      test: 'idempotency',
      name: 'nodes with identical hash after reload',
      value: again.nodes,
      unit: 'nodes',
    });
  }, 120_000);
});
