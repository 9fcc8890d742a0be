/**
 * What the certainty policy records, as the explorer shows it (issue 13), in Chromium against the real server and a
 * Neo4j seeded with the curated datasets: the other side of a dispute under a contradicted citation, editors' Arabic
 * names and outside aliases marked, inferred parties said to be inferred, and on the map a place the gazetteer lacks
 * drawn at its parent's point with a label saying so, GeoNames credited.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { datasetFilesIn } from '../../seed/seed.ts';
import { type Explorer, startExplorer } from '../../test/e2e-harness.ts';

const ROOT = path.join(import.meta.dirname, '..', '..');
const SHOTS = path.join(ROOT, 'test-results', 'screenshots');

let explorer: Explorer;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  explorer = await startExplorer(await datasetFilesIn());
}, 300_000);

afterAll(async () => {
  await explorer?.close();
});

async function openDetails(query: string): Promise<{ page: Page; problems: string[] }> {
  const page = await explorer.browser.newPage({ viewport: { width: 1440, height: 900 } });
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  await page.goto(`${explorer.base}/?${query}`);
  await page.locator('#panel-details .detail-title').waitFor({ timeout: 60_000 });
  return { page, problems };
}

describe('the details panel shows what the certainty policy records', () => {
  it('shows the citations that contradict the capture under its disputed citations', async () => {
    const { page, problems } = await openDetails('sel=event%3Abaghouz-captured&tab=details');
    const disputes = page.locator('#panel-details section.citations .disputed-by');
    await expect.poll(() => disputes.count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await disputes.first().locator('.disputed-by-title').textContent()).toBe('Disputed by:');
    const quotes = await disputes.first().locator('blockquote').allTextContents();
    expect(quotes.some((q) => q.includes('لا تزال مسموعة'))).toBe(true);
    expect(await disputes.first().locator('.badge.certainty-disputed').count()).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(SHOTS, 'disputed-by.png') });
    expect(problems).toEqual([]);
    await page.close();
  });

  it("marks an editors' Arabic name, the article's own words, and aliases from outside the article", async () => {
    const { page, problems } = await openDetails('sel=event%3Awhite-phosphorus-baghouz-hajin&tab=details');
    await expect
      .poll(() => page.locator('#panel-details .name-origin-editors').textContent(), { timeout: 15_000 })
      .toBe('Arabic name written by the editors');
    await page.goto(`${explorer.base}/?sel=event%3Afinal-battle-hajin-baghouz&tab=details`);
    await expect
      .poll(() => page.locator('#panel-details .name-origin-article').textContent(), { timeout: 15_000 })
      .toBe("Arabic name in the article's words (2538–2589)");
    await page.goto(`${explorer.base}/?sel=place%3Abaghouz&tab=details&lang=ar`);
    const outside = page.locator('#panel-details .alias-outside');
    await expect.poll(() => outside.count(), { timeout: 15_000 }).toBe(2);
    expect(await outside.allTextContents()).toEqual([
      'Baghouz Fawqani (ليس في المقال)',
      'الباغوز فوقاني (ليس في المقال)',
    ]);
    expect(await page.locator('#panel-details .alias:not(.alias-outside)').count()).toBeGreaterThan(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('says which parties of a deal the editors inferred', async () => {
    const { page, problems } = await openDetails('sel=agreement%3Apocket-exit-agreement&tab=details');
    const parties = page.locator('#panel-details .detail-section', { hasText: 'Parties' }).locator('li');
    await expect.poll(() => parties.count(), { timeout: 15_000 }).toBeGreaterThan(0);
    for (const text of await parties.allTextContents()) expect(text).toContain('inferred by the editors');
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('the map', () => {
  it("draws Baghouz, which the gazetteer lacks, at Abu Kamal's point, says so, and credits GeoNames", async () => {
    const { page, problems } = await openDetails('sel=place%3Abaghouz&tab=details');
    const baghouz = page.locator('#map g.map-place[aria-label^="Baghouz"]');
    await expect.poll(() => baghouz.count(), { timeout: 30_000 }).toBe(1);
    expect(await baghouz.getAttribute('aria-label')).toBe('Baghouz (position of Abu Kamal)');
    expect(await baghouz.getAttribute('class')).toContain('is-approximate');
    const abuKamal = page.locator('#map g.map-place[aria-label="Abu Kamal"]');
    await expect.poll(() => abuKamal.count(), { timeout: 15_000 }).toBe(1);
    expect(await baghouz.getAttribute('transform')).toBe(await abuKamal.getAttribute('transform'));
    const credit = page.locator('#map .map-note-credit');
    await expect.poll(() => credit.isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await credit.textContent()).toBe('Place positions: GeoNames (CC BY 4.0)');
    await page.screenshot({ path: path.join(SHOTS, 'map-position-of-parent.png') });
    expect(problems).toEqual([]);
    await page.close();
  });
});
