import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  BROKEN_DATASET_EDITS,
  BROKEN_DATASETS,
  type Json,
  minimalDataset,
  shiftCitation,
  writeBrokenDataset,
  writeDataset,
} from './fixtures/broken-datasets.ts';
import { type DatasetProblem, DatasetValidationError } from './problems.ts';
import { datasetFilesIn } from './seed.ts';
import { streamLoadFiles } from './stream-load.ts';
import { validateDatasetFiles } from './validate.ts';

const scratch = await mkdtemp(path.join(tmpdir(), 'seed-tests-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

const FIXTURES = path.join(import.meta.dirname, 'fixtures');

/** The two validators, each refusing with DatasetValidationError: in memory, and the streamed loader's (dry run). */
const VALIDATORS: Array<[string, (file: string) => Promise<unknown>]> = [
  ['in memory', (file) => validateDatasetFiles([file])],
  ['streamed', (file) => streamLoadFiles(undefined, [file], { dryRun: true })],
];

async function problemsFrom(validate: (file: string) => Promise<unknown>, file: string): Promise<DatasetProblem[]> {
  try {
    await validate(file);
  } catch (error) {
    if (error instanceof DatasetValidationError) return error.problems;
    throw error;
  }
  return [];
}

/** Writes a dataset (or raw text) beside a copy of the fixture source text and validates it in memory. */
async function problemsOf(content: Json | string): Promise<DatasetProblem[]> {
  return problemsFrom((file) => validateDatasetFiles([file]), await writeDataset(scratch, 'broken.json', content));
}

describe('the curated datasets', () => {
  it('the fixture and every file in seed/data pass validation', async () => {
    const files = [path.join(FIXTURES, 'minimal.json'), ...(await datasetFilesIn())];
    const valid = await validateDatasetFiles(files);
    expect(valid.map((v) => v.dataset.id)).toContain('baghouz-2019');
  });

  it('the Baghouz dataset marks the contradicted capture disputed and states no unnamed-source deal in effect', async () => {
    const [baghouz] = await validateDatasetFiles((await datasetFilesIn()).filter((f) => f.endsWith('baghouz.json')));
    const dataset = (baghouz as Awaited<ReturnType<typeof validateDatasetFiles>>[number]).dataset;
    const capture = dataset.events.find((e) => e.id === 'event:baghouz-captured');
    const contradicted = capture?.citations.filter((c) => (c.contradictedBy?.length ?? 0) > 0) ?? [];
    expect(contradicted.length).toBeGreaterThan(0);
    for (const c of contradicted) expect(c.certainty).toBe('disputed');
    const finalDeal = dataset.agreements.find((a) => a.id === 'agreement:baghouz-final-agreement');
    expect(finalDeal?.status).toBe('reported');
  });
});

describe.each(VALIDATORS)(
  '%s, each broken dataset of both tables is refused with file, JSON path and reason',
  (_, validate) => {
    it.each([
      ...BROKEN_DATASET_EDITS.map(([name, ...rest]) => [`edit: ${name}`, ...rest] as const),
      ...BROKEN_DATASETS.map(([name, ...rest]) => [`command-line table: ${name}`, ...rest] as const),
    ])('%s', async (_name, breakIt, expectedPath, expectedMessage) => {
      const problems = await problemsFrom(validate, await writeBrokenDataset(scratch, 'broken.json', breakIt));
      const match = problems.find((p) => p.path === expectedPath);
      expect(match, `problems were: ${JSON.stringify(problems)}`).toBeDefined();
      expect(match?.message).toMatch(expectedMessage);
      expect(match?.file).toMatch(/broken\.json$/);
    });
  },
);

describe('a broken dataset is refused with file, JSON path and reason', () => {
  it('reports every problem at once, not only the first', async () => {
    const d = await minimalDataset();
    d.events[0].participants[0].actor = 'actor:nobody';
    shiftCitation(d.actors[1].citations[0], 1);
    d.places[1].partOf = 'place:nowhere';
    const problems = await problemsOf(d);
    expect(problems.map((p) => p.path)).toEqual(
      expect.arrayContaining([
        '$.events[0].participants[0].actor',
        '$.actors[1].citations[0].start',
        '$.places[1].partOf',
      ]),
    );
  });

  it('ids must be unique within a file; across files the same id is one entity', async () => {
    const d = await minimalDataset();
    d.actors.push({ ...d.actors[1] });
    expect(await problemsOf(d)).toContainEqual({
      file: expect.stringMatching(/broken\.json$/),
      path: `$.actors[${d.actors.length - 1}].id`,
      message: expect.stringMatching(/^duplicate id "actor:fixture-sdf" \(already defined at \$\.actors\[1\]\.id\)$/),
    });
    const dir = await mkdtemp(path.join(scratch, 'dataset-'));
    await copyFile(path.join(FIXTURES, 'minimal-source.txt'), path.join(dir, 'minimal-source.txt'));
    await writeFile(path.join(dir, 'a.json'), JSON.stringify(await minimalDataset()));
    await writeFile(path.join(dir, 'b.json'), JSON.stringify({ ...(await minimalDataset()), id: 'other' }));
    const valid = await validateDatasetFiles([path.join(dir, 'a.json'), path.join(dir, 'b.json')]);
    expect(valid.map((v) => v.dataset.id)).toEqual(['fixture-minimal', 'other']);
  });

  it('refuses one source id given two different texts by two files', async () => {
    const dir = await mkdtemp(path.join(scratch, 'dataset-'));
    await copyFile(path.join(FIXTURES, 'minimal-source.txt'), path.join(dir, 'minimal-source.txt'));
    const source = await readFile(path.join(FIXTURES, 'minimal-source.txt'), 'utf8');
    await writeFile(path.join(dir, 'changed.txt'), `${source}\nOne more line.`);
    const b = await minimalDataset();
    b.id = 'other';
    b.sources[0].file = 'changed.txt';
    await writeFile(path.join(dir, 'a.json'), JSON.stringify(await minimalDataset()));
    await writeFile(path.join(dir, 'b.json'), JSON.stringify(b));
    const error = await validateDatasetFiles([path.join(dir, 'a.json'), path.join(dir, 'b.json')]).catch((e) => e);
    expect(error).toBeInstanceOf(DatasetValidationError);
    expect(error.message).toMatch(
      /b\.json \$\.sources\[0\]: source "source:fixture" is also defined by another dataset with a different text/,
    );
  });

  it('accepts a quote whose whitespace differs from the source', async () => {
    const d = await minimalDataset();
    const c = d.events[1].citations[0];
    c.quote = c.quote.replace(/ /g, '\n  ');
    expect(await problemsOf(d)).toEqual([]);
  });
});
