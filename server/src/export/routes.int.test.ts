import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDriver } from '../../../db/driver.ts';
import { graphDigest } from '../../../db/repositories/graph-digest.ts';
import { resetProductData } from '../../../db/writer.ts';
import { convertAcledFile } from '../../../seed/acled/import.ts';
import { datasetFilesIn, seedFiles } from '../../../seed/seed.ts';
import { validateGraphml } from '../../../test/graphml-schema.ts';
import { testConnection } from '../../../test/seeded-database.ts';
import { createApp } from '../app.ts';
import { testConfig } from '../config.ts';

const ROOT = path.join(import.meta.dirname, '..', '..', '..');
const MERGE = ['reuters.json', 'sana.json'].map((f) => path.join(ROOT, 'seed', 'fixtures', 'merge', f));
const ACLED = path.join(ROOT, 'seed', 'acled', 'fixtures', 'synthetic-deir-ez-zor.csv');

const scratch = await mkdtemp(path.join(tmpdir(), 'export-int-'));
let driver: Driver;
let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  driver = createDriver(testConnection());
  await driver.verifyConnectivity();
  app = createApp({ driver, config: testConfig({ logLevel: 'error' }) });
});
afterAll(async () => {
  await resetProductData(driver);
  await driver.close();
  await rm(scratch, { recursive: true, force: true });
});

async function get(url: string, init: RequestInit = {}): Promise<Response> {
  return app.fetch(`http://app${url}`, init);
}

async function saved(name: string, response: Response): Promise<string> {
  expect(response.status, await response.clone().text()).toBe(200);
  const file = path.join(scratch, name);
  await writeFile(file, await response.text());
  return file;
}

describe('exports from the API, against a real Neo4j', () => {
  it('dataset JSON round-trips: export, reload from the file alone, and the stored graph is identical', async () => {
    await seedFiles(driver, await datasetFilesIn(), { replaceAll: true });
    const before = await graphDigest(driver);
    const response = await get('/export/dataset.json');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="dataset.json"');
    const file = await saved('baghouz-export.json', response);
    await seedFiles(driver, [file], { replaceAll: true });
    expect(await graphDigest(driver)).toEqual(before);
  });

  it('a merged graph round-trips through one export per dataset, loaded together', async () => {
    await seedFiles(driver, MERGE, { replaceAll: true });
    const before = await graphDigest(driver);
    const files = [
      await saved('reuters.json', await get('/export/dataset.json?dataset=merge-reuters')),
      await saved('sana.json', await get('/export/dataset.json?dataset=merge-sana')),
    ];
    await seedFiles(driver, files, { replaceAll: true });
    expect(await graphDigest(driver)).toEqual(before);
  });

  it('GraphML of the stored graph is valid against the GraphML schema', async () => {
    await seedFiles(driver, [...(await datasetFilesIn()), ...MERGE], { replaceAll: true });
    const response = await get('/export/graph.graphml');
    expect(response.headers.get('content-type')).toMatch(/^application\/graphml\+xml/);
    const xml = await response.text();
    expect(await validateGraphml(xml)).toEqual({ valid: true, errors: [] });
    expect(xml).toContain('<node id="event:baghouz-captured">');
  });

  it('CSV of imported ACLED events gives back their rows, and a selection by ids and dates narrows it', async () => {
    const { datasetFile } = await convertAcledFile(ACLED, { outDir: path.join(scratch, 'acled') });
    await seedFiles(driver, [datasetFile], { replaceAll: true });
    const all = parse(await (await get('/export/events.csv')).text(), { columns: true }) as Array<
      Record<string, string>
    >;
    expect(all.map((r) => r.event_id_cnty).sort()).toEqual([
      'TST001',
      'TST002',
      'TST003',
      'TST004',
      'TST005',
      'TST006',
      'TST007',
      'TST008',
      'TST009',
      'TST010',
    ]);
    expect(all.find((r) => r.event_id_cnty === 'TST002')).toMatchObject({
      event_date: '2019-03-20',
      sub_event_type: 'Air/drone strike',
      actor2: 'Civilians (Syria)',
      location: 'Baghouz',
      admin1: 'Deir ez Zor',
      fatalities: '7',
      source: 'SOHR',
    });
    const window: Array<Record<string, string>> = parse(
      await (await get('/export/events.csv?from=2019-03-22&to=2019-03-23')).text(),
      {
        columns: true,
      },
    );
    // TST005 is dated only to March 2019 (time_precision 3), so it overlaps the window too.
    expect(window.map((r) => r.event_id_cnty).sort()).toEqual(['TST001', 'TST005', 'TST008', 'TST009']);
    const posted = await get('/export/events.csv', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ids: ['event:acled-tst004'] }),
    });
    const rows = parse(await posted.text(), { columns: true }) as Array<Record<string, string>>;
    expect(rows.map((r) => r.event_id_cnty)).toEqual(['TST004']);
  });

  it('refuses bad parameters with a clear error naming the parameter', async () => {
    const badIds = await get('/export/graph.graphml?ids=actor:sdf,DROP%20TABLE');
    expect(badIds.status).toBe(400);
    expect(await badIds.json()).toEqual({
      errors: [
        {
          message: 'ids: "DROP TABLE" is not an actor, place, event or agreement id.',
          extensions: { code: 'BAD_USER_INPUT', argument: 'ids' },
        },
      ],
    });
    const badDataset = await get('/export/dataset.json?dataset=nope');
    expect(badDataset.status).toBe(400);
    expect((await badDataset.json()).errors[0].message).toMatch(/^dataset "nope" is not loaded/);
    const badWindow = await get('/export/events.csv?from=2019-04&to=2019-03');
    expect(badWindow.status).toBe(400);
  });
});
