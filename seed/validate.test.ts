import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { datasetFilesIn } from './seed.ts';
import { type DatasetProblem, DatasetValidationError, validateDatasetFiles } from './validate.ts';

const scratch = await mkdtemp(path.join(tmpdir(), 'seed-tests-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

const FIXTURES = path.join(import.meta.dirname, 'fixtures');

// biome-ignore lint/suspicious/noExplicitAny: fixtures are edited as loose JSON on purpose
type Json = Record<string, any>;

/** Sets (or, with undefined, deletes) the value at a path; returns nothing so a case reads as one edit. */
function set(target: Json, at: Array<string | number>, value: unknown): undefined {
  let node = target;
  for (const key of at.slice(0, -1)) node = node[key];
  const last = at[at.length - 1] as string | number;
  if (value === undefined) delete node[last];
  else node[last] = value;
  return undefined;
}

function shiftCitation(citation: Json, by: number): undefined {
  citation.start += by;
  citation.end += by;
  return undefined;
}

async function minimal(): Promise<Json> {
  return JSON.parse(await readFile(path.join(FIXTURES, 'minimal.json'), 'utf8'));
}

/** Writes a dataset (or raw text) beside a copy of the fixture source text and validates it. */
async function problemsOf(content: Json | string): Promise<DatasetProblem[]> {
  const dir = await mkdtemp(path.join(scratch, 'dataset-'));
  await copyFile(path.join(FIXTURES, 'minimal-source.txt'), path.join(dir, 'minimal-source.txt'));
  const file = path.join(dir, 'broken.json');
  await writeFile(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  try {
    await validateDatasetFiles([file]);
  } catch (error) {
    if (error instanceof DatasetValidationError) return error.problems;
    throw error;
  }
  return [];
}

describe('the curated datasets', () => {
  it('the fixture and every file in seed/data pass validation', async () => {
    const files = [path.join(FIXTURES, 'minimal.json'), ...(await datasetFilesIn())];
    const valid = await validateDatasetFiles(files);
    expect(valid.map((v) => v.dataset.id)).toContain('baghouz-2019');
  });
});

/** Each case breaks a copy of the minimal fixture in place, or returns raw file content instead. */
const cases: Array<[string, (d: Json) => string | undefined, string, RegExp]> = [
  ['JSON syntax error', () => '{"formatVersion": 1,,}', '$', /not valid JSON \(line 1, column \d+\)/],
  ['wrong format version', (d) => set(d, ['formatVersion'], 2), '$.formatVersion', /1/],
  ['unknown field', (d) => set(d, ['extra'], true), '$', /unknown field "extra"/],
  ['id without kind prefix', (d) => set(d, ['actors', 1, 'id'], 'sdf'), '$.actors[1].id', /actor:some-slug/],
  ['missing English name', (d) => set(d, ['places', 0, 'name'], undefined), '$.places[0].name', /./],
  ['no citations', (d) => set(d, ['actors', 2, 'citations'], []), '$.actors[2].citations', /at least one citation/],
  [
    'unknown certainty',
    (d) => set(d, ['events', 0, 'citations', 0, 'certainty'], 'sure'),
    '$.events[0].citations[0].certainty',
    /./,
  ],
  [
    'invalid date at precision',
    (d) => set(d, ['events', 0, 'date', 'start'], '2019-3-23'),
    '$.events[0].date.start',
    /not a day-precision ISO date/,
  ],
  [
    'impossible day',
    (d) => set(d, ['events', 0, 'date', 'start'], '2019-02-30'),
    '$.events[0].date.start',
    /not a real calendar day/,
  ],
  [
    'reversed interval',
    (d) => set(d, ['events', 0, 'date'], { start: '2019-03', end: '2019-01', precision: 'month' }),
    '$.events[0].date.end',
    /before start/,
  ],
  [
    'event after its source',
    (d) => set(d, ['events', 0, 'date', 'start'], '2020-01-01'),
    '$.events[0].date.start',
    /after its source source:fixture was published/,
  ],
  [
    'duplicate id',
    (d) => set(d, ['actors', 4], { ...d.actors[1] }),
    '$.actors[4].id',
    /duplicate id "actor:fixture-sdf" \(already defined at \$\.actors\[1\]\.id\)/,
  ],
  [
    'dangling participant',
    (d) => set(d, ['events', 0, 'participants', 0, 'actor'], 'actor:nobody'),
    '$.events[0].participants[0].actor',
    /"actor:nobody", which is not defined/,
  ],
  [
    'place id where an actor id belongs',
    (d) => set(d, ['agreements', 0, 'parties', 0, 'actor'], 'place:fixture-syria'),
    '$.agreements[0].parties[0].actor',
    /actor:some-slug/,
  ],
  [
    'relationship between wrong kinds',
    (d) => set(d, ['relationships', 0, 'from'], 'place:fixture-syria'),
    '$.relationships[0].from',
    /"place:fixture-syria", a place, where actor is expected/,
  ],
  [
    'part-of cycle',
    (d) => set(d, ['places', 0, 'partOf'], 'place:fixture-baghouz'),
    '$.places[0].partOf',
    /cycle: place:fixture-syria → place:fixture-baghouz → place:fixture-syria/,
  ],
  [
    'attribution to an unknown actor',
    (d) => set(d, ['events', 0, 'citations', 0, 'attributedTo'], 'actor:ghost'),
    '$.events[0].citations[0].attributedTo',
    /not defined/,
  ],
  [
    'quote not in the source',
    (d) => set(d, ['actors', 1, 'citations', 0, 'quote'], 'قوات سوريا الديمقراطية'),
    '$.actors[1].citations[0].quote',
    /not a verbatim span of source:fixture/,
  ],
  [
    'offsets off by one',
    (d) => shiftCitation(d.actors[1].citations[0], 1),
    '$.actors[1].citations[0].start',
    /offsets \d+–\d+ do not match the quote, which is at \d+–\d+/,
  ],
  [
    'end before start',
    (d) => set(d, ['actors', 1, 'citations', 0, 'end'], 1),
    '$.actors[1].citations[0].end',
    /greater than start/,
  ],
  ['missing source file', (d) => set(d, ['sources', 0, 'file'], 'nowhere.txt'), '$.sources[0].file', /cannot be read/],
  [
    'absolute source path',
    (d) => set(d, ['sources', 0, 'file'], '/etc/passwd'),
    '$.sources[0].file',
    /relative to the dataset file, not absolute/,
  ],
  ['oversized string', (d) => set(d, ['actors', 0, 'description'], 'x'.repeat(3000)), '$.actors[0].description', /./],
  [
    'repeated relationship',
    (d) => set(d, ['relationships', 1], structuredClone(d.relationships[0])),
    '$.relationships[1]',
    /repeats \$\.relationships\[0\]/,
  ],
  [
    'figure with min above max',
    (d) =>
      set(
        d,
        ['events', 0, 'figures'],
        [{ measure: 'people', min: 10, max: 5, unit: 'people', label: 'x', citations: d.events[0].citations }],
      ),
    '$.events[0].figures[0].max',
    /below min/,
  ],
  [
    'agreement with one party',
    (d) => set(d, ['agreements', 0, 'parties'], d.agreements[0].parties.slice(0, 1)),
    '$.agreements[0].parties',
    /at least two parties/,
  ],
];

describe('a broken dataset is refused with file, JSON path and reason', () => {
  it.each(cases)('%s', async (_name, breakIt, expectedPath, expectedMessage) => {
    const dataset = await minimal();
    const raw = breakIt(dataset);
    const problems = await problemsOf(raw ?? dataset);
    const match = problems.find((p) => p.path === expectedPath);
    expect(match, `problems were: ${JSON.stringify(problems)}`).toBeDefined();
    expect(match?.message).toMatch(expectedMessage);
    expect(match?.file).toMatch(/broken\.json$/);
  });

  it('reports every problem at once, not only the first', async () => {
    const d = await minimal();
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
    const d = await minimal();
    d.actors.push({ ...d.actors[1] });
    expect(await problemsOf(d)).toContainEqual({
      file: expect.stringMatching(/broken\.json$/),
      path: `$.actors[${d.actors.length - 1}].id`,
      message: expect.stringMatching(/^duplicate id "actor:fixture-sdf" \(already defined at \$\.actors\[1\]\.id\)$/),
    });
    const dir = await mkdtemp(path.join(scratch, 'dataset-'));
    await copyFile(path.join(FIXTURES, 'minimal-source.txt'), path.join(dir, 'minimal-source.txt'));
    await writeFile(path.join(dir, 'a.json'), JSON.stringify(await minimal()));
    await writeFile(path.join(dir, 'b.json'), JSON.stringify({ ...(await minimal()), id: 'other' }));
    const valid = await validateDatasetFiles([path.join(dir, 'a.json'), path.join(dir, 'b.json')]);
    expect(valid.map((v) => v.dataset.id)).toEqual(['fixture-minimal', 'other']);
  });

  it('refuses one source id given two different texts by two files', async () => {
    const dir = await mkdtemp(path.join(scratch, 'dataset-'));
    await copyFile(path.join(FIXTURES, 'minimal-source.txt'), path.join(dir, 'minimal-source.txt'));
    const source = await readFile(path.join(FIXTURES, 'minimal-source.txt'), 'utf8');
    await writeFile(path.join(dir, 'changed.txt'), `${source}\nOne more line.`);
    const b = await minimal();
    b.id = 'other';
    b.sources[0].file = 'changed.txt';
    await writeFile(path.join(dir, 'a.json'), JSON.stringify(await minimal()));
    await writeFile(path.join(dir, 'b.json'), JSON.stringify(b));
    const error = await validateDatasetFiles([path.join(dir, 'a.json'), path.join(dir, 'b.json')]).catch((e) => e);
    expect(error).toBeInstanceOf(DatasetValidationError);
    expect(error.message).toMatch(
      /b\.json \$\.sources\[0\]: source "source:fixture" is also defined by another dataset with a different text/,
    );
  });

  it('accepts a quote whose whitespace differs from the source', async () => {
    const d = await minimal();
    const c = d.events[1].citations[0];
    c.quote = c.quote.replace(/ /g, '\n  ');
    expect(await problemsOf(d)).toEqual([]);
  });
});
