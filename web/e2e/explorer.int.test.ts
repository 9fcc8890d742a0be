/**
 * The explorer in a real browser (Debian's Chromium through playwright-core) against the real server
 * and a seeded Neo4j. Screenshots go to test-results/screenshots/.
 */
import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { datasetFilesIn, seedFiles } from '../../seed/seed.ts';
import { createApp } from '../../server/src/app.ts';
import { testConfig } from '../../server/src/config.ts';
import { createDriver } from '../../server/src/db/driver.ts';
import { ensureWebBuild, WEB_DIST } from '../../server/src/web-assets.ts';
import { testConnection } from '../../test/seeded-database.ts';

const ROOT = path.join(import.meta.dirname, '..', '..');
const SHOTS = path.join(ROOT, 'test-results', 'screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

let driver: Driver;
let server: Server;
let browser: Browser;
let base: string;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  driver = createDriver(testConnection());
  await seedFiles(driver, [...(await datasetFilesIn()), path.join(ROOT, 'test', 'fixtures', 'hostile.json')], {
    replaceAll: true,
  });
  await ensureWebBuild();
  const app = createApp({ driver, config: testConfig({ development: false }), webDist: WEB_DIST });
  server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      '--disable-quic',
    ],
  });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
  await driver?.close();
});

interface Explorer {
  cy: { nodes(selector?: string): { length: number }; $(selector: string): { length: number } };
  store: { state: Record<string, unknown> };
}

/** Opens the explorer, collecting page errors and CSP violations; waits for the graph to be drawn. */
async function open(query = '', viewport = { width: 1440, height: 900 }): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ viewport });
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('request', (request) => {
    if (!request.url().startsWith(base) && !request.url().startsWith('data:') && !request.url().startsWith('blob:'))
      problems.push(`external request: ${request.url()}`);
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { cspViolations: string[] }).cspViolations ??= [];
      (window as unknown as { cspViolations: string[] }).cspViolations.push(
        `${event.violatedDirective} ${event.blockedURI}`,
      );
    });
  });
  await page.goto(`${base}/${query ? `?${query}` : ''}`);
  await page.waitForFunction(() => {
    const explorer = (window as unknown as { explorer?: Explorer }).explorer;
    return explorer !== undefined && explorer.cy.nodes().length > 50;
  });
  return { page, problems };
}

async function state(page: Page): Promise<Record<string, unknown>> {
  return page.evaluate(() => (window as unknown as { explorer: Explorer }).explorer.store.state);
}

async function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { cspViolations?: string[] }).cspViolations ?? []);
}

describe('the explorer in Chromium', () => {
  it('loads and draws the article graph, with no errors, CSP violations or outside requests', async () => {
    const started = Date.now();
    const { page, problems } = await open();
    const drawnAfter = Date.now() - started;
    const counts = await page.evaluate(() => {
      const { cy } = (window as unknown as { explorer: Explorer }).explorer;
      return { nodes: cy.nodes().length, events: cy.$('node.event').length, agreements: cy.$('node.agreement').length };
    });
    expect(counts.nodes).toBeGreaterThan(80);
    expect(counts.events).toBeGreaterThanOrEqual(15);
    expect(counts.agreements).toBeGreaterThanOrEqual(3);
    await expect.poll(() => page.locator('#timeline svg').count()).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(SHOTS, 'overview.png') });
    expect(problems).toEqual([]);
    expect(await cspViolations(page)).toEqual([]);
    console.log(`graph drawn ${drawnAfter} ms after navigation started (page opened and data loaded)`);
    await page.close();
  });

  it('an Arabic search finds Baghouz and selects it', async () => {
    const { page } = await open();
    await page.locator('#search input').fill('الباغوز');
    const option = page.locator('#search [role="option"]').first();
    await expect.poll(() => option.textContent(), { timeout: 10_000 }).toContain('Baghouz');
    await page.locator('#search input').press('Enter');
    await expect.poll(async () => (await state(page)).selected).toBe('place:baghouz');
    await expect.poll(() => page.locator('#panel-details .detail-title').textContent()).toContain('Baghouz');
    await expect.poll(() => page.locator('#panel-details blockquote[lang="ar"]').count()).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(SHOTS, 'search-baghouz.png') });
    await page.close();
  });

  it('the path finder shows a path between two actors with the sentence behind each hop', async () => {
    const { page } = await open('pf=actor:mazloum-kobani&pt=actor:william-roebuck&tab=path');
    const card = page.locator('.path-card').first();
    await expect.poll(() => card.count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await card.textContent()).toContain('press conference');
    expect(await card.locator('blockquote').count()).toBeGreaterThanOrEqual(2);
    const highlighted = await page.evaluate(
      () => (window as unknown as { explorer: Explorer }).explorer.cy.$('.path').length,
    );
    expect(highlighted).toBe(5);
    await page.screenshot({ path: path.join(SHOTS, 'path-finder.png') });
    await page.close();
  });

  it('brushing the timeline hides what happened outside the window', async () => {
    const { page } = await open();
    const tick = async (year: string) =>
      page
        .locator('#timeline text', { hasText: new RegExp(`^${year}$`) })
        .first()
        .boundingBox();
    const [from, to] = [await tick('2019'), await tick('2020')];
    const area = await page.locator('#timeline .tl-brush').boundingBox();
    expect(from && to && area).toBeTruthy();
    const y = (area?.y ?? 0) + 30;
    await page.mouse.move((from?.x ?? 0) + (from?.width ?? 0) / 2 + 2, y);
    await page.mouse.down();
    await page.mouse.move((to?.x ?? 0) + (to?.width ?? 0) / 2 - 2, y, { steps: 8 });
    await page.mouse.up();
    await expect.poll(async () => (await state(page)).window).not.toBeNull();
    const window = (await state(page)).window as { from: string; to: string };
    expect(window.from.startsWith('2019') || window.from.startsWith('2018-12')).toBe(true);
    const hidden = await page.evaluate(() => {
      const { cy } = (
        window as unknown as { explorer: { cy: { $(s: string): { map<T>(f: (e: { id(): string }) => T): T[] } } } }
      ).explorer;
      return {
        hidden: cy.$('node.event.hidden').map((e) => e.id()),
        shown: cy.$('node.event:visible').map((e) => e.id()),
      };
    });
    expect(hidden.hidden).toContain('event:caliphate-declared');
    expect(hidden.shown).toContain('event:baghouz-press-conference');
    await page.screenshot({ path: path.join(SHOTS, 'timeline-window.png') });
    await page.close();
  });

  it('switching to Arabic flips the whole layout to right-to-left', async () => {
    const { page } = await open();
    const sidebarBefore = await page.locator('.sidebar').boundingBox();
    await page.locator('#language').click();
    await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    const sidebarAfter = await page.locator('.sidebar').boundingBox();
    const graphBox = await page.locator('.graph-pane').boundingBox();
    expect(sidebarBefore?.x).toBeLessThan(100);
    expect(sidebarAfter?.x ?? 0).toBeGreaterThan(graphBox?.x ?? 0);
    expect(await page.locator('#app-title').textContent()).toBe('مستكشف الباغوز');
    expect(await page.locator('#graph').getAttribute('dir')).toBe('rtl');
    const label = await page.evaluate(() =>
      (
        window as unknown as { explorer: { cy: { getElementById(id: string): { data(k: string): string } } } }
      ).explorer.cy
        .getElementById('place:baghouz')
        .data('label'),
    );
    expect(label).toBe('الباغوز');
    await page.screenshot({ path: path.join(SHOTS, 'arabic-rtl.png') });
    await page.close();
  });

  it('a URL restores the view, and back/forward step through it', async () => {
    const query = 'lang=ar&sel=actor:sdf&from=2019-01-01&to=2019-03-31&min=CLAIMED';
    const { page } = await open(query);
    const restored = await state(page);
    expect(restored).toMatchObject({
      language: 'ar',
      selected: 'actor:sdf',
      window: { from: '2019-01-01', to: '2019-03-31' },
      minCertainty: 'CLAIMED',
    });
    const hiddenCaliphate = await page.evaluate(() =>
      (
        window as unknown as { explorer: { cy: { getElementById(id: string): { hasClass(c: string): boolean } } } }
      ).explorer.cy
        .getElementById('event:caliphate-declared')
        .hasClass('hidden'),
    );
    expect(hiddenCaliphate).toBe(true);
    await page.locator('#language').click();
    await expect.poll(async () => (await state(page)).language).toBe('en');
    await page.goBack();
    await expect.poll(async () => (await state(page)).language).toBe('ar');
    await page.close();
  });

  it('hostile names render as inert text everywhere', async () => {
    const { page, problems } = await open('sel=actor:hostile-img');
    await expect.poll(() => page.locator('#panel-details .detail-title').textContent()).toContain('<img src=x');
    await page.locator('#search input').fill('militia script');
    await page.locator('#search input').fill('img');
    await page.waitForTimeout(600);
    await page.locator('#tab-path').click();
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('#panel-details img').count()).toBe(0);
    expect(await page.locator('script:not([src])').count()).toBe(0);
    expect(await cspViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });
});
