import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { createDriver } from '../db/driver.ts';
import { graphDigest } from '../db/repositories/graph-digest.ts';
import { countByLabel, countProductNodes, resetProductData } from '../db/writer.ts';
import { DatasetValidationError } from './problems.ts';
import { datasetFilesIn, seedFiles } from './seed.ts';
import { seedIfEmpty } from './seed-if-empty.ts';

const scratch = await mkdtemp(path.join(tmpdir(), 'seed-tests-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

const FIXTURES = path.join(import.meta.dirname, 'fixtures');
const MINIMAL = path.join(FIXTURES, 'minimal.json');
const connection = { uri: inject('neo4jUri'), user: inject('neo4jUser'), password: inject('neo4jPassword') };
let driver: Driver;

beforeAll(async () => {
  driver = createDriver(connection);
  await driver.verifyConnectivity();
});
afterAll(async () => {
  await resetProductData(driver);
  await driver.close();
});
beforeEach(async () => {
  await resetProductData(driver);
});

async function brokenCopyOfMinimal(edit: (d: Record<string, unknown>) => void): Promise<string> {
  const dir = await mkdtemp(path.join(scratch, 'dataset-'));
  await copyFile(path.join(FIXTURES, 'minimal-source.txt'), path.join(dir, 'minimal-source.txt'));
  const dataset = JSON.parse(await readFile(MINIMAL, 'utf8'));
  edit(dataset);
  const file = path.join(dir, 'edited.json');
  await writeFile(file, JSON.stringify(dataset));
  return file;
}

describe('loading the Baghouz dataset into a real Neo4j', () => {
  it('stores as many nodes per label as the dataset plans, and every relationship', async () => {
    const files = await datasetFilesIn();
    const result = await seedFiles(driver, files);
    expect(await countByLabel(driver)).toEqual(result.counts);
    expect(result.counts.Actor).toBeGreaterThanOrEqual(12);
    expect(result.counts.Place).toBeGreaterThanOrEqual(15);
    expect(result.counts.Event).toBeGreaterThanOrEqual(15);
    expect(result.counts.Agreement).toBeGreaterThanOrEqual(3);
    const digest = await graphDigest(driver);
    expect(digest.relationships).toBe(result.rows.rels);
  });

  it('every stored fact points at citations that exist, with their source and who asserts them', async () => {
    await seedFiles(driver, await datasetFilesIn());
    const { records } = await driver.executeQuery(
      `MATCH (n:KG) WHERE NOT n:Citation AND NOT n:Source
       OPTIONAL MATCH (c:Citation) WHERE c.id IN n.citationIds
       WITH n, count(c) AS found RETURN n.id AS id, size(n.citationIds) AS cited, found
       ORDER BY id`,
    );
    for (const r of records) {
      expect(r.get('cited').toNumber(), r.get('id')).toBeGreaterThan(0);
      expect(r.get('found').toNumber(), r.get('id')).toBe(r.get('cited').toNumber());
    }
    const orphans = await driver.executeQuery(
      `MATCH (c:Citation) WHERE NOT (c)-[:FROM_SOURCE]->(:Source) OR NOT (c)-[:ATTRIBUTED_TO]->(:Actor)
       RETURN count(c) AS n`,
    );
    expect(orphans.records[0]?.get('n').toNumber()).toBe(0);
    const uncitedRels = await driver.executeQuery(
      `MATCH (:KG)-[r]->(:KG) WHERE NOT type(r) IN ['FROM_SOURCE', 'ATTRIBUTED_TO', 'PUBLISHED_BY']
       AND (r.citationIds IS NULL OR size(r.citationIds) = 0) RETURN count(r) AS n`,
    );
    expect(uncitedRels.records[0]?.get('n').toNumber()).toBe(0);
  });

  it('a second load of the same data changes nothing', async () => {
    const files = await datasetFilesIn();
    await seedFiles(driver, files);
    const before = await graphDigest(driver);
    const again = await seedFiles(driver, files);
    expect(again.written).toMatchObject({
      nodesCreated: 0,
      relationshipsCreated: 0,
      nodesDeleted: 0,
      relationshipsDeleted: 0,
    });
    expect(await graphDigest(driver)).toEqual(before);
  });

  it('a rejected input leaves the database exactly as it was', async () => {
    await seedFiles(driver, [MINIMAL]);
    const before = await graphDigest(driver);
    const broken = await brokenCopyOfMinimal((d) => {
      (d.actors as Array<Record<string, unknown>>).push({
        id: 'actor:new-one',
        kind: 'person',
        name: 'New',
        citations: [],
      });
    });
    await expect(seedFiles(driver, [broken])).rejects.toBeInstanceOf(DatasetValidationError);
    expect(await graphDigest(driver)).toEqual(before);
  });

  it('a failure injected in the middle of the write leaves nothing behind', async () => {
    await seedFiles(driver, [MINIMAL]);
    const before = await graphDigest(driver);
    let batches = 0;
    const failing = seedFiles(driver, await datasetFilesIn(), {
      batchSize: 5,
      onBatch: () => {
        batches += 1;
        if (batches === 7) throw new Error('injected failure');
      },
    });
    await expect(failing).rejects.toThrow('injected failure');
    expect(batches).toBe(7);
    expect(await graphDigest(driver)).toEqual(before);
  });

  it('a reload of an edited dataset removes what the dataset no longer has, and nothing of other datasets', async () => {
    await seedFiles(driver, [MINIMAL, ...(await datasetFilesIn())]);
    const edited = await brokenCopyOfMinimal((d) => {
      d.relationships = [];
      d.agreements = [];
    });
    await seedFiles(driver, [edited]);
    const { records } = await driver.executeQuery(
      `MATCH (n:KG) WHERE n.id IN ['agreement:fixture-deal', 'agreement:fixture-deal/term/1'] RETURN count(n) AS n`,
    );
    expect(records[0]?.get('n').toNumber()).toBe(0);
    const fought = await driver.executeQuery(
      `MATCH (:Actor {id: 'actor:fixture-sdf'})-[r:FOUGHT]->() RETURN count(r) AS n`,
    );
    expect(fought.records[0]?.get('n').toNumber()).toBe(0);
    const baghouz = await driver.executeQuery(`MATCH (n:KG) WHERE 'baghouz-2019' IN n.datasets RETURN count(n) AS n`);
    expect(baghouz.records[0]?.get('n').toNumber()).toBeGreaterThan(50);
  });

  it('seeds an empty database once, and leaves a seeded one alone', async () => {
    const first = await seedIfEmpty(driver, [MINIMAL]);
    expect(first.seeded).toBe(true);
    const before = await graphDigest(driver);
    const second = await seedIfEmpty(driver, [MINIMAL]);
    expect(second).toEqual({ seeded: false, nodes: await countProductNodes(driver), eventsUpgraded: 0 });
    expect(await graphDigest(driver)).toEqual(before);
  });

  it('brings a graph loaded by an earlier loader up to date: the timeline keys on every event', async () => {
    await seedFiles(driver, await datasetFilesIn(), { replaceAll: true });
    const loaded = await graphDigest(driver);
    const keys =
      'MATCH (e:Event) RETURN e.id AS id, e.startKey AS key, e.laneKey AS lane, e.earliest AS earliest ORDER BY id';
    const written = (await driver.executeQuery(keys)).records.map((r) => r.toObject());
    expect(written.length).toBeGreaterThan(10);
    for (const e of written) expect(e.key).toBe(e.earliest ?? '');
    expect(written.some((e) => e.key === '')).toBe(true);
    // Lanes by span: the upgrade below must compute each the way the loader does (schema/graph.ts timelineLaneKey).
    expect(new Set(written.map((e) => String(e.lane).split(':')[0])).size).toBeGreaterThanOrEqual(3);
    // What the loader wrote before startKey and laneKey existed.
    await driver.executeQuery('MATCH (e:Event) REMOVE e.startKey, e.laneKey');
    const upgraded = await seedIfEmpty(driver);
    expect(upgraded).toMatchObject({ seeded: false, eventsUpgraded: written.length });
    expect(await graphDigest(driver)).toEqual(loaded);
    expect(await seedIfEmpty(driver)).toMatchObject({ seeded: false, eventsUpgraded: 0 });
  });

  it('--reset removes only nodes labelled KG', async () => {
    await driver.executeQuery(`CREATE (:SomeoneElses {id: 'keep-me'})`);
    try {
      await seedFiles(driver, [MINIMAL]);
      await seedFiles(driver, [MINIMAL], { replaceAll: true });
      const { records } = await driver.executeQuery(`MATCH (n:SomeoneElses {id: 'keep-me'}) RETURN count(n) AS n`);
      expect(records[0]?.get('n').toNumber()).toBe(1);
    } finally {
      await driver.executeQuery('MATCH (n:SomeoneElses) DELETE n');
    }
  });
});

describe('npm run seed (the command line)', () => {
  const run = promisify(execFile);
  const env = {
    ...process.env,
    NEO4J_URI: connection.uri,
    NEO4J_USER: connection.user,
    NEO4J_PASSWORD: connection.password,
  };
  const tsx = path.join(import.meta.dirname, '..', 'node_modules', '.bin', 'tsx');
  const loader = path.join(import.meta.dirname, 'load.ts');

  it('loads the default datasets and prints counts by kind', async () => {
    const { stdout } = await run(tsx, [loader], { env });
    expect(stdout).toMatch(
      /Loaded 1 file\(s\) into (bolt|neo4j):\/\/.*: \d+ Source, \d+ Actor, \d+ Place, \d+ Event, \d+ Agreement/,
    );
    expect(await countProductNodes(driver)).toBeGreaterThan(0);
  });

  it('--dry-run validates and writes nothing', async () => {
    const { stdout } = await run(tsx, [loader, '--dry-run'], { env });
    expect(stdout).toMatch(/^Valid: 1 file\(s\)/);
    expect(await countProductNodes(driver)).toBe(0);
  });

  it('exits non-zero on a broken file, names the file, path and reason, and writes nothing', async () => {
    const broken = await brokenCopyOfMinimal((d) => {
      d.formatVersion = 7;
    });
    const failure = await run(tsx, [loader, MINIMAL, broken], { env }).catch((e) => e);
    expect(failure.code).toBe(1);
    expect(failure.stderr).toContain('Nothing was written.');
    expect(failure.stderr).toMatch(/edited\.json \$\.formatVersion: /);
    expect(await countProductNodes(driver)).toBe(0);
  });
});
