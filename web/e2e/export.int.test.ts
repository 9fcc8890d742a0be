/**
 * The explorer's export menu in a real browser (Debian's Chromium through playwright-core) against the real server
 * and a seeded Neo4j: each server-made export downloads, and opens in its target format.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACLED_COLUMNS } from '../../schema/acled.ts';
import { datasetFilesIn } from '../../seed/seed.ts';
import { validateDatasetFiles } from '../../seed/validate.ts';
import { type Explorer, startExplorer } from '../../test/e2e-harness.ts';
import { validateGraphml } from '../../test/graphml-schema.ts';

const scratch = await mkdtemp(path.join(tmpdir(), 'export-e2e-'));

let explorer: Explorer;
let browser: Browser;
let base: string;
let page: Page;
let visibleEntities: number;

beforeAll(async () => {
  explorer = await startExplorer(await datasetFilesIn());
  ({ browser, base } = explorer);
  page = await browser.newPage({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(base);
  await page
    .waitForFunction(
      () => {
        const explorer = (window as unknown as { explorer?: { cy: { nodes(): { length: number } } } }).explorer;
        return explorer !== undefined && explorer.cy.nodes().length > 50;
      },
      undefined,
      { timeout: 120_000 },
    )
    .catch((error: Error) => {
      throw new Error(`${error.message}; page errors: ${problems.join('; ')}`);
    });
  visibleEntities = await page.evaluate(
    () =>
      (window as unknown as { explorer: { cy: { nodes(s: string): Array<{ id(): string }> } } }).explorer.cy
        .nodes(':visible')
        .filter((n) => /^(actor|place|event|agreement):/.test(n.id())).length,
  );
}, 300_000);

afterAll(async () => {
  await explorer?.close();
  await rm(scratch, { recursive: true, force: true });
});

/** Clicks an export button and returns the downloaded file's name and text. */
async function download(button: string): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.locator(button).click()]);
  const target = path.join(scratch, file.suggestedFilename());
  await file.saveAs(target);
  return { name: file.suggestedFilename(), text: await readFile(target, 'utf8') };
}

describe('the export menu in Chromium', () => {
  it('offers JSON, GraphML and CSV, labelled in the interface language', async () => {
    expect(await page.locator('#export-graphml').textContent()).toBe('GraphML');
    expect(await page.locator('#export-csv').getAttribute('title')).toMatch(/ACLED-style/);
    expect(visibleEntities).toBeGreaterThan(50);
  });

  it('JSON downloads the visible entities as a dataset that validates and loads', async () => {
    const { name, text } = await download('#export-json');
    expect(name).toBe('baghouz-dataset.json');
    const dataset = JSON.parse(text);
    const entities = ['actors', 'places', 'events', 'agreements'].reduce((n, k) => n + dataset[k].length, 0);
    expect(entities).toBeGreaterThanOrEqual(visibleEntities);
    const file = path.join(scratch, 'from-browser.json');
    await writeFile(file, text);
    const [valid] = await validateDatasetFiles([file]);
    expect(valid?.dataset.sources[0]?.text).toContain('الباغوز');
  });

  it('GraphML downloads a graph valid against the GraphML schema, with citations', async () => {
    const { name, text } = await download('#export-graphml');
    expect(name).toBe('baghouz-graph.graphml');
    expect(await validateGraphml(text)).toEqual({ valid: true, errors: [] });
    expect(text.match(/<node /g)?.length ?? 0).toBeGreaterThanOrEqual(visibleEntities);
    expect(text).toContain('<data key="n_citations">«');
  });

  it('CSV downloads the visible events in ACLED-style columns', async () => {
    const { name, text } = await download('#export-csv');
    expect(name).toBe('baghouz-events.csv');
    // The downloaded file starts with a UTF-8 byte-order mark (Arabic reads right in Excel) and every row is dated.
    expect(text.startsWith('\uFEFF')).toBe(true);
    const rows = parse(text, { columns: true, bom: true }) as Array<Record<string, string>>;
    expect(rows.filter((r) => r.event_date === '').map((r) => r.event_id_cnty)).toEqual([]);
    expect(Object.keys(rows[0] ?? {})).toEqual([...ACLED_COLUMNS]);
    expect(rows.length).toBeGreaterThanOrEqual(15);
    expect(rows.every((r) => r.notes !== '' && r.source !== '')).toBe(true);
  });

  it('shows the Arabic labels after switching language', async () => {
    await page.locator('#language').click();
    await expect.poll(() => page.locator('#export-csv').getAttribute('title')).toMatch(/ACLED/);
    expect(await page.locator('#export-json').getAttribute('title')).toMatch(/[\u0600-\u06FF]/);
  });
});
