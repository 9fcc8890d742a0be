/**
 * Claims kept apart in the details panel, in Chromium against the real server and Neo4j: two datasets that disagree
 * on when Baghouz was captured (seed/fixtures/merge: Reuters says Saturday 23 March, SANA Friday 22 March) are loaded
 * together; the event's panel shows both versions side by side, each with its own quote and voice.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Explorer, startExplorer } from '../../test/e2e-harness.ts';

const ROOT = path.join(import.meta.dirname, '..', '..');
const SHOTS = path.join(ROOT, 'test-results', 'screenshots');
const MERGE = path.join(ROOT, 'seed', 'fixtures', 'merge');

let explorer: Explorer;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  explorer = await startExplorer([path.join(MERGE, 'reuters.json'), path.join(MERGE, 'sana.json')]);
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
  // Counts what the details panel is replaced with: it should load once and draw once.
  await page.addInitScript(() => {
    const counts = { loading: 0, article: 0 };
    (window as unknown as { detailsRenders: typeof counts }).detailsRenders = counts;
    new MutationObserver((records) => {
      for (const record of records)
        for (const node of record.addedNodes)
          if (node instanceof HTMLElement && (record.target as HTMLElement).id === 'panel-details') {
            if (node.matches('.loading-state')) counts.loading += 1;
            if (node.matches('article.details')) counts.article += 1;
          }
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(`${explorer.base}/?${query}`);
  await page.locator('#panel-details .detail-title').waitFor({ timeout: 60_000 });
  return { page, problems };
}

describe('the details panel keeps what the sources disagree on apart', () => {
  it('shows each version of a contested date with its own dataset, quote and voice', async () => {
    const { page, problems } = await openDetails('sel=event%3Abaghouz-captured&tab=details');
    const section = page.locator('#panel-details section.claims');
    await expect.poll(() => section.locator('h3').textContent()).toBe('Sources disagree');
    // Read the whole list in one step inside the page, and wait until it holds both versions: a read split over
    // several round trips could see the list while the panel is being replaced.
    const readVersions = () =>
      section.evaluateAll((sections) =>
        [...(sections[0]?.querySelectorAll('li.claim') ?? [])].map((li) => ({
          property: li.getAttribute('data-property'),
          value: li.querySelector('.claim-value .bidi')?.textContent,
          statedIn: li.querySelector(':scope > p.muted')?.textContent,
          quotes: [...li.querySelectorAll('blockquote')].map((q) => q.textContent),
          voices: [...li.querySelectorAll('.citation-meta strong')].map((v) => v.textContent),
        })),
      );
    await expect
      .poll(async () => (await readVersions()).map((v) => [v.property, v.value, v.statedIn]), { timeout: 30_000 })
      .toEqual([
        ['date', '2019-03-23', 'Stated in: merge-reuters'],
        ['date', '2019-03-22', 'Stated in: merge-sana'],
      ]);
    const versions = await readVersions();
    // Once the graph is drawn, the page has rendered everything; the panel was loaded and drawn once, not twice.
    await page.waitForFunction(
      () =>
        ((window as unknown as { explorer?: { cy: { nodes(): { length: number } } } }).explorer?.cy.nodes().length ??
          0) > 0,
      null,
      { timeout: 60_000 },
    );
    expect(await page.evaluate(() => (window as unknown as { detailsRenders: unknown }).detailsRenders)).toEqual({
      loading: 1,
      article: 1,
    });
    expect(versions[1]?.quotes.some((q) => q?.includes('Friday 22 March'))).toBe(true);
    expect(versions[1]?.voices.length).toBeGreaterThan(0);
    expect(versions[0]?.quotes.join(' ')).not.toContain('Friday 22 March');
    // The date shown first is one version: the panel says so where it shows it.
    expect(await page.locator('#panel-details .contested-here').textContent()).toContain('Sources disagree');
    await page.screenshot({ path: path.join(SHOTS, 'claims-en.png'), fullPage: false });

    // A node the datasets agree on has no such section.
    await page.goto(`${explorer.base}/?sel=actor%3Asdf&tab=details`);
    await expect.poll(() => page.locator('#panel-details .detail-title').textContent()).toContain('Syrian');
    expect(await page.locator('#panel-details section.claims').count()).toBe(0);
    expect(await page.locator('#panel-details .contested-here').count()).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('says so in Arabic too', async () => {
    const { page, problems } = await openDetails('sel=event%3Abaghouz-captured&tab=details&lang=ar');
    await expect.poll(() => page.locator('#panel-details section.claims h3').textContent()).toBe('المصادر مختلفة');
    await expect.poll(() => page.locator('#panel-details section.claims li.claim').count()).toBe(2);
    await page.screenshot({ path: path.join(SHOTS, 'claims-ar.png'), fullPage: false });
    expect(problems).toEqual([]);
    await page.close();
  });
});
