import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { locateQuote, sourceFileOf } from './find-quote.ts';
import { quoteMatchesSpan } from './quotes.ts';

const ROOT = path.join(import.meta.dirname, '..');
const DATASET = path.join(ROOT, 'seed', 'data', 'baghouz.json');
const SOURCE_ID = 'source:alkhabar-baghouz-2019';

describe('finding a quote for a citation', () => {
  it('gives exact offsets, the exact span even when the quote differs in whitespace, and context', () => {
    const text = 'First line.\nThe SDF took\n  Baghouz on Saturday. Baghouz again.';
    const [found] = locateQuote(text, 'took Baghouz');
    expect(found).toEqual({
      quote: 'took\n  Baghouz',
      start: 20,
      end: 34,
      line: 2,
      context: 'First line. The SDF [took Baghouz] on Saturday. Baghouz again.',
    });
    expect(quoteMatchesSpan(text, 'took Baghouz', found as { start: number; end: number })).toBe(true);
    expect(locateQuote(text, 'Baghouz')).toHaveLength(2);
    expect(locateQuote(text, 'Raqqa')).toEqual([]);
  });

  it('npm run find-quote prints citation fields that match the seed dataset', async () => {
    const tsx = path.join(ROOT, 'node_modules', '.bin', 'tsx');
    const { stdout } = await promisify(execFile)(tsx, [
      path.join(ROOT, 'seed', 'find-quote.ts'),
      '--dataset',
      DATASET,
      '--source',
      SOURCE_ID,
      'سيطرت على آخر جيب لتنظيم “داعش” في سوريا في منطقة الباغوز',
    ]);
    expect(JSON.parse(stdout)).toEqual({
      source: SOURCE_ID,
      quote: 'سيطرت على آخر جيب لتنظيم “داعش” في سوريا في منطقة الباغوز',
      start: 133,
      end: 190,
    });
    expect(sourceFileOf(DATASET, SOURCE_ID)).toBe(path.join(ROOT, 'seed', 'sources', '000_81b2e9526438038c.txt'));
    // Starting tsx in a child process takes seconds on a busy machine: a deadline, not a measure.
  }, 60_000);
});
