/**
 * Bad datasets through the real command line (`npm run seed -- file`) against the real test Neo4j: every broken
 * input exits non-zero, names the file, the JSON path and the reason, and leaves the database's content hash
 * exactly as it was. Also: loading the same data twice gives the same hash.
 */
import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
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
import { datasetFilesIn, seedFiles } from './seed.ts';

const run = promisify(execFile);
const FIXTURES = path.join(import.meta.dirname, 'fixtures');
const TSX = path.join(import.meta.dirname, '..', 'node_modules', '.bin', 'tsx');
const LOADER = path.join(import.meta.dirname, 'load.ts');
const scratch = await mkdtemp(path.join(tmpdir(), 'broken-datasets-'));

// biome-ignore lint/suspicious/noExplicitAny: fixtures are edited as loose JSON on purpose
type Json = Record<string, any>;
/** Edits a copy of the minimal fixture in place, or returns the raw file content to write instead. */
type Breakage = (d: Json) => string | undefined;

const edit =
  (change: (d: Json) => void): Breakage =>
  (d) => {
    change(d);
    return undefined;
  };

const HOSTILE_ID = "actor:x'}) MATCH (n) DETACH DELETE n //";

/** [name, breakage, JSON path the message must name, reason it must give]. */
const CASES: Array<[string, Breakage, string, RegExp]> = [
  // Syntax
  ['trailing comma', () => '{"formatVersion": 1,}', '$', /not valid JSON \(line 1, column \d+\)/],
  ['empty file', () => '', '$', /not valid JSON|empty/i],
  ['truncated file', (d) => JSON.stringify(d).slice(0, 300), '$', /not valid JSON/],
  ['top-level array', () => '[]', '$', /object/i],
  // Types
  ['formatVersion as a string', edit((d) => (d.formatVersion = '1')), '$.formatVersion', /number|1/],
  ['actors not a list', edit((d) => (d.actors = { a: 1 })), '$.actors', /array/i],
  ['name as a number', edit((d) => (d.actors[2].name = 42)), '$.actors[2].name', /string/i],
  [
    'offset as a string',
    edit((d) => (d.actors[1].citations[0].start = '5')),
    '$.actors[1].citations[0].start',
    /number/i,
  ],
  ['boolean as text', edit((d) => (d.events[0].date.approximate = 'yes')), '$.events[0].date.approximate', /boolean/i],
  // Missing and duplicate ids
  ['actor without id', edit((d) => delete d.actors[2].id), '$.actors[2].id', /./],
  [
    'duplicate actor id',
    edit((d) => (d.actors[3].id = d.actors[2].id)),
    '$.actors[3].id',
    /duplicate id "actor:fixture-isis"/,
  ],
  [
    'duplicate source id',
    edit((d) => d.sources.push({ ...d.sources[0] })),
    '$.sources[1].id',
    /duplicate id "source:fixture"/,
  ],
  ['id with nothing after the kind', edit((d) => (d.places[0].id = 'place:')), '$.places[0].id', /place:some-slug/],
  // Dangling references
  [
    'unknown participant',
    edit((d) => (d.events[0].participants[0].actor = 'actor:nobody')),
    '$.events[0].participants[0].actor',
    /"actor:nobody", which is not defined/,
  ],
  ['unknown parent place', edit((d) => (d.places[1].partOf = 'place:atlantis')), '$.places[1].partOf', /not defined/],
  [
    'relationship to nobody',
    edit((d) => (d.relationships[0].to = 'actor:ghost')),
    '$.relationships[0].to',
    /not defined/,
  ],
  [
    'citation of an unknown source',
    edit((d) => (d.actors[1].citations[0].source = 'source:elsewhere')),
    '$.actors[1].citations[0].source',
    /not defined/,
  ],
  [
    'unknown agreement party',
    edit((d) => (d.agreements[0].parties[1].actor = 'actor:nobody')),
    '$.agreements[0].parties[1].actor',
    /not defined/,
  ],
  // Impossible or reversed dates
  [
    '30 February',
    edit((d) => (d.events[0].date.start = '2019-02-30')),
    '$.events[0].date.start',
    /not a real calendar day/,
  ],
  [
    'month 13',
    edit((d) => (d.events[0].date = { start: '2019-13', precision: 'month', approximate: false })),
    '$.events[0].date.start',
    /./,
  ],
  [
    'end before start',
    edit((d) => (d.events[1].date = { start: '2019-03', end: '2018-12', precision: 'month', approximate: false })),
    '$.events[1].date.end',
    /before start/,
  ],
  [
    'event after its source was published',
    edit((d) => (d.events[0].date.start = '2024-01-01')),
    '$.events[0].date.start',
    /after its source source:fixture was published/,
  ],
  // Quotes and offsets
  [
    'quote not in the source',
    edit((d) => (d.events[1].citations[0].quote = 'لم يقل أحد هذا')),
    '$.events[1].citations[0].quote',
    /not a verbatim span of source:fixture/,
  ],
  [
    'offsets shifted by three',
    edit((d) => {
      d.events[1].citations[0].start += 3;
      d.events[1].citations[0].end += 3;
    }),
    '$.events[1].citations[0].start',
    /do not match the quote, which is at \d+–\d+/,
  ],
  [
    'offset past the end of the source',
    edit((d) => (d.events[1].citations[0].end = 99_999)),
    '$.events[1].citations[0].start',
    /offsets 100–99999 do not match the quote/,
  ],
  ['negative offset', edit((d) => (d.events[1].citations[0].start = -1)), '$.events[1].citations[0].start', /./],
  // Oversized strings
  ['3 KB description', edit((d) => (d.actors[0].description = 'x'.repeat(3000))), '$.actors[0].description', /./],
  ['1 MB name', edit((d) => (d.actors[2].name = 'x'.repeat(1_000_000))), '$.actors[2].name', /./],
  // Hostile strings where they break the format (hostile names are data and load inert: test/fixtures/hostile.json)
  ['Cypher in an id', edit((d) => (d.actors[2].id = HOSTILE_ID)), '$.actors[2].id', /actor:some-slug/],
  ['backticks in a reference', edit((d) => (d.relationships[0].to = 'actor:`x`')), '$.relationships[0].to', /./],
  [
    'source file outside the dataset folder',
    edit((d) => (d.sources[0].file = '../../../../etc/passwd')),
    '$.sources[0].file',
    /must stay beside the dataset file or in a sibling folder/,
  ],
  ['absolute source file', edit((d) => (d.sources[0].file = '/etc/passwd')), '$.sources[0].file', /not absolute/],
  // Unknown fields and values
  ['unknown top-level field', edit((d) => (d.comment = 'hi')), '$', /unknown field "comment"/],
  [
    'unknown field in a citation',
    edit((d) => (d.actors[1].citations[0].confidence = 0.9)),
    '$.actors[1].citations[0]',
    /unknown field "confidence"/,
  ],
  [
    'unknown certainty',
    edit((d) => (d.actors[1].citations[0].certainty = 'certain')),
    '$.actors[1].citations[0].certainty',
    /./,
  ],
];

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

async function brokenFile(name: string, breakage: Breakage): Promise<string> {
  const dir = await mkdtemp(path.join(scratch, 'case-'));
  await copyFile(path.join(FIXTURES, 'minimal-source.txt'), path.join(dir, 'minimal-source.txt'));
  const dataset = JSON.parse(await readFile(path.join(FIXTURES, 'minimal.json'), 'utf8'));
  const raw = breakage(dataset);
  const file = path.join(dir, `${name.replace(/\W+/g, '-')}.json`);
  await writeFile(file, raw ?? JSON.stringify(dataset, null, 2));
  return file;
}

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
        outcomes.set(name, await load(await brokenFile(name, breakage)));
      }
    };
    await Promise.all([worker(), worker(), worker()]);
    const failures: string[] = [];
    for (const [name, , jsonPath, reason] of CASES) {
      const { code, stderr } = outcomes.get(name) as Outcome;
      const fileName = `${name.replace(/\W+/g, '-')}.json`;
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
