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
  await page.goto(`${explorer.base}/?${query}`);
  await page.locator('#panel-details .detail-title').waitFor({ timeout: 60_000 });
  return { page, problems };
}

describe('the details panel keeps what the sources disagree on apart', () => {
  it('shows each version of a contested date with its own dataset, quote and voice', async () => {
    const { page, problems } = await openDetails('sel=event%3Abaghouz-captured&tab=details');
    const section = page.locator('#panel-details section.claims');
    await expect.poll(() => section.locator('h3').textContent()).toBe('Sources disagree');
    const claims = section.locator('li.claim');
    expect(await claims.count()).toBe(2);
    const versions = await claims.evaluateAll((items) =>
      items.map((li) => ({
        property: li.getAttribute('data-property'),
        value: li.querySelector('.claim-value .bidi')?.textContent,
        statedIn: li.querySelector(':scope > p.muted')?.textContent,
        quotes: [...li.querySelectorAll('blockquote')].map((q) => q.textContent),
        voices: [...li.querySelectorAll('.citation-meta strong')].map((v) => v.textContent),
      })),
    );
    expect(versions.map((v) => [v.property, v.value, v.statedIn])).toEqual([
      ['date', '2019-03-23', 'Stated in: merge-reuters'],
      ['date', '2019-03-22', 'Stated in: merge-sana'],
    ]);
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
    expect(await page.locator('#panel-details section.claims li.claim').count()).toBe(2);
    await page.screenshot({ path: path.join(SHOTS, 'claims-ar.png'), fullPage: false });
    expect(problems).toEqual([]);
    await page.close();
  });
});
