/**
 * Exports hold what they read in memory, so they refuse a graph above a stated size (EXPORT_MAX_ITEMS) before
 * reading it. On the synthetic S dataset, side by side in this process: an export allowed to read S grows the heap
 * by tens of megabytes; refused (S above the bound), it grows by next to nothing and answers 413 EXPORT_TOO_LARGE
 * naming the size and the bound; one loaded dataset under the bound still exports complete.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDriver } from '../../../db/driver.ts';
import { exportSize } from '../../../db/repositories/export.ts';
import { resetProductData } from '../../../db/writer.ts';
import { streamLoadFiles } from '../../../seed/stream-load.ts';
import { folderFiles } from '../../../seed/synth/files.ts';
import { DATASET_FILE, generateSynthDataset } from '../../../seed/synth/generate.ts';
import { recordFigure } from '../../../test/figures.ts';
import { testConnection } from '../../../test/seeded-database.ts';
import { createApp } from '../app.ts';
import { testConfig } from '../config.ts';

const scratch = await mkdtemp(path.join(tmpdir(), 'export-size-'));
let driver: Driver;
let size: number;

beforeAll(async () => {
  driver = createDriver(testConnection());
  await driver.verifyConnectivity();
  await generateSynthDataset('S', 7, await folderFiles(scratch));
  await resetProductData(driver);
  // Too big for one transaction in the test Neo4j: the streamed loader, in batches.
  await streamLoadFiles(driver, [path.join(scratch, DATASET_FILE)], { batchSize: 5000 });
  size = await exportSize(driver, null, 10_000_000);
}, 600_000);
afterAll(async () => {
  await resetProductData(driver);
  await driver.close();
  await rm(scratch, { recursive: true, force: true });
});

/** V8's collector, made callable in this worker (vitest does not start it with --expose-gc). */
v8.setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/**
 * Runs `work` while sampling the heap every 5 ms; returns its result and the peak growth, in MB, over the live heap
 * at the start (garbage collected first, so a collection during the work cannot hide what it holds).
 */
async function peakHeapGrowth<T>(work: () => Promise<T>): Promise<{ result: T; growthMb: number }> {
  collectGarbage();
  const start = process.memoryUsage().heapUsed;
  let peak = start;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  }, 5);
  try {
    const result = await work();
    peak = Math.max(peak, process.memoryUsage().heapUsed);
    return { result, growthMb: (peak - start) / 1e6 };
  } finally {
    clearInterval(sampler);
  }
}

const exportOf = (maxItems: number) => async () => {
  const app = createApp({ driver, config: testConfig({ logLevel: 'silent', exportMaxItems: maxItems }) });
  const response = await app.fetch('http://app/export/dataset.json');
  return { status: response.status, text: await response.text() };
};

describe('exports of a graph larger than the bound', () => {
  it('refuse with 413 EXPORT_TOO_LARGE before reading, with memory flat, where a larger bound reads it all', async () => {
    expect(size).toBeGreaterThan(30_000);
    const bound = Math.floor(size / 2);
    const refused = await peakHeapGrowth(exportOf(bound));
    const allowed = await peakHeapGrowth(exportOf(size));

    expect(refused.result.status).toBe(413);
    const body = JSON.parse(refused.result.text) as { errors: Array<{ message: string; extensions: unknown }> };
    expect(body.errors).toEqual([
      {
        message: expect.stringMatching(
          new RegExp(
            `would read more than ${bound.toLocaleString('en')} nodes and relationships of the graph; an export holds at most ${bound.toLocaleString('en')}\\. Export one loaded dataset`,
          ),
        ),
        extensions: { code: 'EXPORT_TOO_LARGE', max: bound },
      },
    ]);

    expect(allowed.result.status).toBe(200);
    const dataset = JSON.parse(allowed.result.text) as { events: unknown[]; actors: unknown[] };
    expect(dataset.events.length).toBeGreaterThan(2000);
    // Side by side: refusing reads nothing, so its heap growth is a small fraction of reading S.
    expect(allowed.growthMb).toBeGreaterThan(20);
    expect(refused.growthMb).toBeLessThan(allowed.growthMb / 10);
    recordFigure({ test: 'export size bound', name: 'S: nodes and relationships', value: size, unit: 'items' });
    recordFigure({ test: 'export size bound', name: 'S exported: heap growth', value: allowed.growthMb, unit: 'MB' });
    recordFigure({ test: 'export size bound', name: 'S refused: heap growth', value: refused.growthMb, unit: 'MB' });
  });

  it('the GraphML and CSV exports are held to the same bound', async () => {
    const app = createApp({ driver, config: testConfig({ logLevel: 'silent', exportMaxItems: 1000 }) });
    for (const route of ['/export/graph.graphml', '/export/events.csv?from=2015&to=2016']) {
      const response = await app.fetch(`http://app${route}`);
      expect(response.status, route).toBe(413);
      expect(
        ((await response.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]?.extensions.code,
      ).toBe('EXPORT_TOO_LARGE');
    }
  });
});
