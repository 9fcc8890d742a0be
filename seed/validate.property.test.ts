/**
 * Property-based tests (fast-check) of the dataset validator: arbitrary files and arbitrary damage to a valid
 * dataset never crash it. It either accepts the input or throws DatasetValidationError whose every problem names
 * the file, a JSON path and a reason; never another error, never a problem without a place.
 */
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { HOSTILE_STRINGS } from '../test/hostile-strings.ts';
import { DatasetValidationError } from './problems.ts';
import { validateDatasetFiles } from './validate.ts';

const FIXTURES = path.join(import.meta.dirname, 'fixtures');
const scratch = await mkdtemp(path.join(tmpdir(), 'validate-fuzz-'));
await copyFile(path.join(FIXTURES, 'minimal-source.txt'), path.join(scratch, 'minimal-source.txt'));
const MINIMAL = JSON.parse(await readFile(path.join(FIXTURES, 'minimal.json'), 'utf8'));
const FILE = path.join(scratch, 'fuzzed.json');
afterAll(() => rm(scratch, { recursive: true, force: true }));

// biome-ignore lint/suspicious/noExplicitAny: fuzzed data is loose JSON on purpose
type Json = any;

/** Every path to a value inside a JSON document. */
function pathsOf(value: Json, at: Array<string | number> = []): Array<Array<string | number>> {
  const inner =
    value !== null && typeof value === 'object'
      ? Object.entries(value).flatMap(([k, v]) => pathsOf(v, [...at, Array.isArray(value) ? Number(k) : k]))
      : [];
  return [at, ...inner];
}
const PATHS = pathsOf(MINIMAL).filter((p) => p.length > 0);

const replacement = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom(...HOSTILE_STRINGS, '', ' ', '9999-99-99', 'actor:', 'source:fixture', -1, 1e308, Number.NaN),
  fc.string({ unit: 'binary', maxLength: 40 }),
);

/** One edit: replace the value at a path, delete it, or duplicate an array element. */
const damage = fc.tuple(fc.constantFrom(...PATHS), fc.constantFrom('replace', 'delete', 'duplicate'), replacement);

function apply(dataset: Json, [at, kind, value]: [Array<string | number>, string, unknown]): void {
  let parent = dataset;
  for (const key of at.slice(0, -1)) {
    if (parent === null || typeof parent !== 'object') return;
    parent = parent[key];
  }
  if (parent === null || typeof parent !== 'object') return;
  const last = at[at.length - 1] as string | number;
  if (kind === 'delete') {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  } else if (kind === 'duplicate' && Array.isArray(parent)) parent.push(structuredClone(parent[Number(last)]));
  else parent[last] = value;
}

async function validateContent(content: string): Promise<void> {
  await writeFile(FILE, content);
  try {
    await validateDatasetFiles([FILE]);
  } catch (error) {
    expect(error, String(error)).toBeInstanceOf(DatasetValidationError);
    const { problems } = error as DatasetValidationError;
    expect(problems.length).toBeGreaterThan(0);
    for (const problem of problems) {
      expect(problem.file).toBe(FILE);
      expect(problem.path).toMatch(/^\$/);
      expect(problem.message.trim().length).toBeGreaterThan(0);
      expect(problem.message).not.toMatch(/\[object Object\]/);
    }
  }
}

describe('the validator on fuzzed input', () => {
  it('damaged copies of a valid dataset: accepted, or refused with file, path and reason', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(damage, { minLength: 1, maxLength: 4 }), async (edits) => {
        const dataset = structuredClone(MINIMAL);
        for (const edit of edits) apply(dataset, edit);
        await validateContent(JSON.stringify(dataset));
      }),
      { numRuns: 250 },
    );
  });

  it('arbitrary file content (JSON or not)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.json({ maxDepth: 3 }), fc.string({ unit: 'binary', maxLength: 200 })),
        async (text) => {
          await validateContent(text);
        },
      ),
      { numRuns: 150 },
    );
  });
});
