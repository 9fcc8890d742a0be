/**
 * The explorer in a real browser (Debian's Chromium through playwright-core) against the real server
 * and a seeded Neo4j. Screenshots go to test-results/screenshots/.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticSubgraph } from '../../bench/w7/synthetic.ts';
import { datasetFilesIn } from '../../seed/seed.ts';
import { type Explorer as Harness, startExplorer } from '../../test/e2e-harness.ts';
import type { Subgraph } from '../src/api.ts';
import { EXPANSION_STEP } from '../src/graph/tuning.ts';
import { settle, timelineDrawn } from './analyst-helpers.ts';

const ROOT = path.join(import.meta.dirname, '..', '..');
const SHOTS = path.join(ROOT, 'test-results', 'screenshots');

type GraphqlRequest = { url(): string; method(): string; postData(): string | null };

/** The operation a /graphql request carries: a read goes as GET by its persisted hash, anything else as POST. */
function operationOf(request: GraphqlRequest): { name: string; variables: Record<string, unknown> } | null {
  const url = new URL(request.url());
  if (url.pathname !== '/graphql') return null;
  if (request.method() === 'GET')
    return {
      name: url.searchParams.get('operationName') ?? '',
      variables: JSON.parse(url.searchParams.get('variables') ?? '{}'),
    };
  const body = JSON.parse(request.postData() ?? '{}') as { query?: string; variables?: Record<string, unknown> };
  return { name: /^\s*query\s+(\w+)/.exec(body.query ?? '')?.[1] ?? '', variables: body.variables ?? {} };
}

let harness: Harness;
let browser: Browser;
let base: string;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  harness = await startExplorer([...(await datasetFilesIn()), path.join(ROOT, 'test', 'fixtures', 'hostile.json')]);
  ({ browser, base } = harness);
}, 300_000);

afterAll(async () => {
  await harness?.close();
});

interface Explorer {
  cy: { nodes(selector?: string): { length: number }; $(selector: string): { length: number } };
  store: { state: Record<string, unknown> };
  graph: { layoutsApplied: number };
}

/** Opens the explorer, collecting page errors and CSP violations; waits for the graph to be drawn, all of it. */
async function open(
  query = '',
  viewport = { width: 1440, height: 900 },
  deviceScaleFactor = 1,
): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ viewport, deviceScaleFactor });
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
  await page.waitForFunction(
    () => {
      const explorer = (window as unknown as { explorer?: Explorer }).explorer;
      // Elements arrive in chunks; the layout count moves once all of them are in and placed.
      return explorer !== undefined && explorer.cy.nodes().length > 50 && explorer.graph.layoutsApplied > 0;
    },
    null,
    { timeout: 60_000 },
  );
  await timelineDrawn(page);
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

  it('sends its reads as GETs the browser keeps: opened again, it asks with the ETag and the server answers 304', async () => {
    type Read = {
      name: string;
      url: string;
      ifNoneMatch?: string;
      etag?: string;
      cacheControl?: string;
      bodyBytes: number;
    };
    const reads: Read[] = [];
    const record = async (request: import('playwright-core').Request) => {
      const operation = operationOf(request);
      const response = await request.response();
      if (!operation || request.method() !== 'GET' || !response) return;
      const [sent, answered, sizes] = await Promise.all([request.allHeaders(), response.allHeaders(), request.sizes()]);
      reads.push({
        name: operation.name,
        url: request.url(),
        ifNoneMatch: sent['if-none-match'],
        etag: answered.etag,
        cacheControl: answered['cache-control'],
        bodyBytes: sizes.responseBodySize,
      });
    };
    const { page, problems } = await open();
    // Each read is recorded asynchronously: wait for all before the page closes (a record still reading a closed page
    // rejected unhandled once, under a CPU hog).
    const recording: Array<Promise<void>> = [];
    const onFinished = (request: import('playwright-core').Request) => void recording.push(record(request));
    page.on('requestfinished', onFinished);
    await page.goto(`${base}/`);
    await page.waitForFunction(
      () => ((window as unknown as { explorer?: Explorer }).explorer?.cy.nodes().length ?? 0) > 50,
      null,
      { timeout: 60_000 },
    );
    await expect.poll(() => reads.some((r) => r.name === 'Overview'), { timeout: 30_000 }).toBe(true);
    console.log(`reads when opened again: ${JSON.stringify(reads.map(({ url: _, ...read }) => read))}`);
    const overview = reads.find((r) => r.name === 'Overview');
    expect(overview?.ifNoneMatch).toMatch(/^W\/".+"$/);
    expect(overview?.cacheControl).toBe('private, no-cache');
    // Answered 304: no body came over the wire, where the whole answer (asked past the cache) is kilobytes.
    const whole = await page.evaluate(
      (url) =>
        fetch(url, { cache: 'no-store', headers: { 'x-graphql-yoga-csrf': '1' } }).then(
          async (r) => (await r.text()).length,
        ),
      overview?.url ?? '',
    );
    expect(whole).toBeGreaterThan(1000);
    expect(overview?.bodyBytes).toBeLessThan(100);
    expect(problems).toEqual([]);
    page.off('requestfinished', onFinished);
    await Promise.allSettled(recording);
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
    // The timeline opens on the busiest span; "All dates" shows the years to brush across.
    await page.locator('#timeline .tl-fit').click();
    const tick = async (year: string) =>
      page
        .locator('#timeline text', { hasText: new RegExp(`^${year}$`) })
        .first()
        .boundingBox();
    const [from, to] = [await tick('2019'), await tick('2020')];
    const area = await page.locator('#timeline .tl-brush').boundingBox();
    expect(from && to && area).toBeTruthy();
    // A height where the drag starts and ends on empty lane space (the brush), not on an item.
    const x0 = (from?.x ?? 0) + (from?.width ?? 0) / 2 + 2;
    const x1 = (to?.x ?? 0) + (to?.width ?? 0) / 2 - 2;
    const scroller = await page.locator('#timeline .tl-scroll').boundingBox();
    const y = await page.evaluate(
      ({ x0, x1, top, bottom }) => {
        const onBrush = (x: number, y: number) => document.elementFromPoint(x, y)?.closest('.tl-item') === null;
        for (let y = top + 8; y < bottom - 4; y += 6) if (onBrush(x0, y) && onBrush(x1, y)) return y;
        return top + 30;
      },
      { x0, x1, top: scroller?.y ?? 0, bottom: (scroller?.y ?? 0) + (scroller?.height ?? 0) },
    );
    await page.mouse.move(x0, y);
    await page.mouse.down();
    await page.mouse.move(x1, y, { steps: 8 });
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
    expect(label).toBe('الباغوز\u200F');
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
    // The suggestion list shows the hostile name as text (waited on, not slept on).
    await expect
      .poll(() => page.locator('#search [role="option"]').allTextContents(), { timeout: 15_000 })
      .toEqual(expect.arrayContaining([expect.stringContaining('<img src=x')]));
    expect(await page.locator('#search img').count()).toBe(0);
    await page.locator('#tab-path').click();
    await expect.poll(() => page.locator('#panel-path').isVisible()).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('#panel-details img').count()).toBe(0);
    expect(await page.locator('script:not([src])').count()).toBe(0);
    expect(await cspViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('a URL restores what is drawn: expanded nodes, voices, the path with its as-of date and chosen alternative', async () => {
    type Cy = {
      getElementById(id: string): { hasClass(c: string): boolean };
      edges(selector?: string): { length: number; map<T>(f: (e: { data(k: string): unknown }) => T): T[] };
    };
    const cyOf = (page: Page) => page.evaluate.bind(page);
    const plain = await open('');
    const allEdges = await cyOf(plain.page)(
      () => (window as unknown as { explorer: { cy: Cy } }).explorer.cy.edges(':visible').length,
    );
    await plain.page.close();

    const { page, problems } = await open(
      'exp=actor:isis&voices=actor:sdf&pf=actor:sdf&pt=actor:isis&asof=2018&pi=1&tab=path',
    );
    // exp: the hub is drawn expanded, and the bar offers the rest of its neighbours.
    await expect
      .poll(() =>
        page.evaluate(() =>
          (window as unknown as { explorer: { cy: Cy } }).explorer.cy.getElementById('actor:isis').hasClass('expanded'),
        ),
      )
      .toBe(true);
    // voices: only what the SDF asserts is drawn.
    const voiced = await page.evaluate(() =>
      (window as unknown as { explorer: { cy: Cy } }).explorer.cy
        .edges(':visible')
        .map((e) => (e.data('attributedTo') as string[] | undefined) ?? []),
    );
    expect(voiced.length).toBeGreaterThan(0);
    expect(voiced.length).toBeLessThan(allEdges);
    for (const voices of voiced) expect(voices).toContain('actor:sdf');
    // pf/pt/asof/pi: the path panel shows the query, its as-of date, and the second alternative chosen.
    await expect.poll(() => page.locator('#panel-path').isVisible()).toBe(true);
    expect(await page.locator('#path-asof').inputValue()).toBe('2018');
    const selectedCard = page.locator('#panel-path li.path-card.selected');
    await selectedCard.waitFor({ timeout: 60_000 });
    expect(await selectedCard.locator('[data-path-index]').getAttribute('data-path-index')).toBe('1');
    expect(await page.locator('#panel-path li.path-card').count()).toBeGreaterThan(1);
    const cards = (await page.locator('#panel-path li.path-card').allTextContents()).join('\n');
    expect(cards).not.toMatch(/final agreement/i);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('the keyboard zooms the graph (+, -) and F fits it', async () => {
    const { page } = await open('');
    const zoom = () =>
      page.evaluate(() => (window as unknown as { explorer: { cy: { zoom(): number } } }).explorer.cy.zoom());
    // The first layout frames the graph (a zoom of its own): read the starting zoom after it.
    await page.waitForFunction(
      () =>
        (window as unknown as { explorer: { graph: { layoutsApplied: number } } }).explorer.graph.layoutsApplied > 0,
    );
    await settle(page);
    await page.locator('#graph').focus();
    const start = await zoom();
    await page.keyboard.press('+');
    await expect.poll(zoom).toBeCloseTo(start * 1.25, 5);
    await page.keyboard.press('-');
    await page.keyboard.press('-');
    await expect.poll(zoom).toBeCloseTo(start * 1.25 * 0.8 * 0.8, 5);
    await page.keyboard.press('+');
    await page.keyboard.press('+');
    await page.keyboard.press('+');
    const zoomedIn = await zoom();
    await page.keyboard.press('f');
    await expect.poll(zoom).toBeLessThan(zoomedIn);
    await page.close();
  });

  it('exports the view as a PNG image', async () => {
    const { page } = await open('');
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#export-png').click()]);
    expect(download.suggestedFilename()).toBe('baghouz-graph.png');
    const file = await download.path();
    const bytes = readFileSync(file);
    // The PNG signature, then an IHDR chunk with a drawn size.
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
    expect(bytes.readUInt32BE(16)).toBeGreaterThan(100);
    expect(bytes.readUInt32BE(20)).toBeGreaterThan(100);
    expect(bytes.length).toBeGreaterThan(5_000);
    await page.close();
  });

  it('the timeline says it is loading until its answer comes, and says why in its own pane when it fails', async () => {
    const timelineQuery = (request: GraphqlRequest) => operationOf(request)?.name === 'Timeline';
    // Held back: the graph is drawn while the timeline pane says it is loading.
    const held = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    let release: () => void = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    await held.route(
      (url) => url.pathname === '/graphql',
      async (route) => {
        if (timelineQuery(route.request())) await released;
        await route.continue();
      },
    );
    await held.goto(`${base}/`);
    const note = held.locator('#timeline .tl-empty');
    await expect.poll(() => note.isVisible(), { timeout: 60_000 }).toBe(true);
    expect(await note.textContent()).toBe('Loading…');
    expect(await held.locator('#timeline .tl-busiest').isVisible()).toBe(false);
    release();
    await expect.poll(() => held.locator('#timeline g.tl-item').count(), { timeout: 30_000 }).toBeGreaterThan(10);
    expect(await note.isVisible()).toBe(false);
    await held.close();

    // Failed: the pane names the problem; the graph is drawn and carries no error.
    const failed = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await failed.route(
      (url) => url.pathname === '/graphql',
      async (route) => {
        if (!timelineQuery(route.request())) return route.continue();
        return route.fulfill({
          contentType: 'application/json',
          body: JSON.stringify({ errors: [{ message: 'too slow', extensions: { code: 'QUERY_TIMEOUT' } }] }),
        });
      },
    );
    await failed.goto(`${base}/`);
    const error = failed.locator('#timeline .tl-empty.tl-error');
    await expect.poll(() => error.isVisible(), { timeout: 60_000 }).toBe(true);
    expect(await error.textContent()).toMatch(/too large|narrow/i);
    expect(await error.getAttribute('role')).toBe('alert');
    await expect
      .poll(() =>
        failed.evaluate(() => (window as unknown as { explorer?: Explorer }).explorer?.cy.nodes().length ?? 0),
      )
      .toBeGreaterThan(50);
    expect(await failed.locator('#graph-status.overlay-error').count()).toBe(0);
    await failed.close();
  });

  it("draws the graph before the timeline's code is fetched, and says so in the pane when that code cannot load", async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const layoutsWhenFetched: number[] = [];
    await page.route(/\/assets\/timeline-[\w-]+\.js$/, async (route) => {
      layoutsWhenFetched.push(
        await page.evaluate(() => (window as unknown as { explorer?: Explorer }).explorer?.graph.layoutsApplied ?? 0),
      );
      await route.abort();
    });
    await page.goto(`${base}/`);
    const note = page.locator('#timeline .pane-placeholder[role="alert"]');
    await expect.poll(() => note.isVisible(), { timeout: 60_000 }).toBe(true);
    expect(await note.textContent()).toMatch(/could not be loaded/);
    // The chunk was asked for once, after the graph had been laid out and drawn.
    expect(layoutsWhenFetched).toHaveLength(1);
    expect(layoutsWhenFetched[0]).toBeGreaterThan(0);
    expect(
      await page.evaluate(() => (window as unknown as { explorer: Explorer }).explorer.cy.nodes().length),
    ).toBeGreaterThan(50);
    expect(await page.locator('#graph-status.overlay-error').count()).toBe(0);
    await page.close();
  });

  it('the map panel draws the places that have coordinates, and a click on one selects it', async () => {
    const { page, problems } = await open('');
    const places = page.locator('#map g.map-place');
    await expect.poll(() => places.count(), { timeout: 30_000 }).toBeGreaterThan(0);
    const labels = await places.evaluateAll((gs) => gs.map((g) => g.getAttribute('aria-label')));
    expect(labels.join('\n')).toMatch(/Abu Kamal/);
    // Baghouz has no coordinates (not in the gazetteer): no marker rather than a guessed point.
    expect(labels.join('\n')).not.toMatch(/^Baghouz$/m);
    // Places without coordinates of their own are drawn at Abu Kamal's point, labelled "… (position of Abu Kamal)".
    const abuKamal = page.locator('#map g.map-place[aria-label^="Abu Kamal"]').first();
    await abuKamal.dispatchEvent('click');
    await expect.poll(async () => (await state(page)).selected).toBe('place:abu-kamal');
    await expect.poll(() => abuKamal.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => page.locator('#panel-details .detail-title').textContent()).toContain('Abu Kamal');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('expanding a hub adds at most one step of neighbours and offers to show more', async () => {
    const { page, problems } = await open('sel=actor:isis');
    const limits: number[] = [];
    page.on('request', (request) => {
      const operation = operationOf(request);
      if (operation?.name === 'Neighborhood') limits.push(operation.variables.limit as number);
    });
    const more = page.locator('#graph-more');
    expect(await more.isHidden()).toBe(true);
    await page.locator('#panel-details .detail-actions button', { hasText: 'Expand neighbours' }).click();
    await expect.poll(() => more.isVisible(), { timeout: 15_000 }).toBe(true);
    expect(limits).toEqual([EXPANSION_STEP + 2]);
    expect(await more.textContent()).toContain('Islamic State');
    expect(await more.textContent()).toContain(`showing them ${EXPANSION_STEP} at a time`);
    await page.screenshot({ path: path.join(SHOTS, 'show-more.png') });
    await more.locator('button', { hasText: 'Show more' }).click();
    // ISIS has more than one step of neighbours in the article but fewer than two: the second page shows them all.
    await expect.poll(() => more.isHidden(), { timeout: 15_000 }).toBe(true);
    expect(limits).toEqual([EXPANSION_STEP + 2, 2 * EXPANSION_STEP + 2]);
    expect((await state(page)).expanded).toEqual(['actor:isis']);
    await page.locator('#language').click();
    await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('answers clicks between the chunks of a 5,000-node graph as it arrives', async () => {
    // A test of behaviour: input is handled while elements are still arriving, not only once all are in. How fast
    // (the 200 ms goal) is measured by the W7 rows of `npm run bench`, not here on a shared machine.
    const { page } = await open();
    type Probe = { graph: { layoutsApplied: number; arrivalChunks: number; setData(s: Subgraph, l: string): void } };
    type Click = { delay: number; chunks: number; layouts: number };
    await page.evaluate(() => {
      const record = window as unknown as { clicks: Click[] };
      record.clicks = [];
      document.getElementById('legend-toggle')?.addEventListener(
        'click',
        (event) => {
          const { graph } = (window as unknown as { explorer: Probe }).explorer;
          // From the moment the browser received the input to the moment the page ran its handler.
          const delay = performance.now() - event.timeStamp;
          record.clicks.push({ delay, chunks: graph.arrivalChunks, layouts: graph.layoutsApplied });
        },
        { capture: true },
      );
    });
    const progress = () =>
      page.evaluate(() => {
        const { graph } = (window as unknown as { explorer: Probe }).explorer;
        return { layouts: graph.layoutsApplied, chunks: graph.arrivalChunks };
      });
    const before = await progress();
    await page.evaluate((subgraph) => {
      (window as unknown as { explorer: Probe }).explorer.graph.setData(subgraph, 'en');
    }, syntheticSubgraph(5000));
    const toggle = page.locator('#legend-toggle');
    while ((await progress()).layouts === before.layouts) await toggle.click({ timeout: 60_000 });
    const { chunks: allChunks } = await progress();
    const clicks = await page.evaluate(() => (window as unknown as { clicks: Click[] }).clicks);
    // The previous graph arrived in one chunk: a count of 2 or more is this graph's, part of it in.
    const between = clicks.filter((c) => c.layouts === before.layouts && c.chunks >= 2 && c.chunks < allChunks);
    console.info(
      `${allChunks} chunks; clicks handled after chunk: ${clicks.map((c) => `${c.chunks} (${c.delay.toFixed(0)} ms)`).join(', ')}`,
    );
    expect(allChunks).toBeGreaterThan(1);
    expect(between.length).toBeGreaterThan(0);
    await page.close();
  });

  it('hides what the filters hide when they change while a fresh graph is laid out', async () => {
    const { page, problems } = await open();
    type Probe = {
      cy: { getElementById(id: string): { hasClass(c: string): boolean } };
      data: { graph: Subgraph };
      graph: {
        setData(s: Subgraph, language: string, placing: { fresh: boolean }): Promise<void>;
        applyHidden(ids: ReadonlySet<string>): void;
      };
    };
    const unhidden = await page.evaluate(async () => {
      const explorer = (window as unknown as { explorer: Probe }).explorer;
      const { graph, data } = explorer;
      // Given without positions, the graph is laid out in the worker before its elements go in.
      const arriving = graph.setData(data.graph, 'en', { fresh: true });
      const hide = new Set(data.graph.nodes.slice(0, 10).map((n) => n.id));
      graph.applyHidden(hide);
      await arriving;
      return [...hide].filter((id) => !explorer.cy.getElementById(id).hasClass('hidden'));
    });
    expect(unhidden).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('a large graph switches to the tuned renderer, lays out off the main thread and still pans and zooms', async () => {
    // A high-density screen, so drawing at the device's pixel ratio and at ratio 1 can be told apart.
    const { page, problems } = await open('', { width: 1440, height: 900 }, 2);
    type Probe = {
      cy: {
        json(): { textureOnViewport: boolean; hideEdgesOnViewport: boolean };
        edges(): Array<{ style(name: string): string }> & { length: number };
        nodes(): Array<{ style(name: string): string; position(): { x: number; y: number } }> & { length: number };
        zoom(): number;
        pan(): { x: number; y: number };
      };
      graph: { profile: string; layoutsApplied: number; setData(s: Subgraph, language: string): void };
    };
    const look = () =>
      page.evaluate(() => {
        const { cy, graph } = (window as unknown as { explorer: Probe }).explorer;
        // Read through public means: the options the instance reports, and the canvas's backing-store density.
        const { textureOnViewport, hideEdgesOnViewport } = cy.json();
        const canvases = [...document.querySelectorAll<HTMLCanvasElement>('#graph canvas')];
        const canvas = canvases[0];
        const pixelRatio = canvas ? canvas.width / Number.parseFloat(canvas.style.width) : null;
        return {
          profile: graph.profile,
          renderer: { textureOnViewport, hideEdgesOnViewport, pixelRatio },
          canvases: canvases.length,
          curve: cy.edges()[0]?.style('curve-style'),
          arrow: cy.edges()[0]?.style('target-arrow-shape'),
          nodes: cy.nodes().length,
          layouts: graph.layoutsApplied,
        };
      });
    const seed = await look();
    expect(seed).toMatchObject({
      profile: 'detailed',
      renderer: { textureOnViewport: false, hideEdgesOnViewport: false, pixelRatio: 2 },
      curve: 'straight',
      arrow: 'triangle',
    });

    await page.evaluate((subgraph) => {
      (window as unknown as { explorer: Probe }).explorer.graph.setData(subgraph, 'en');
    }, syntheticSubgraph(1500));
    await expect.poll(async () => (await look()).layouts, { timeout: 90_000 }).toBeGreaterThan(seed.layouts);
    const large = await look();
    expect(large).toMatchObject({
      profile: 'large',
      renderer: { textureOnViewport: true, hideEdgesOnViewport: true, pixelRatio: 1 },
      // The instance built for the large profile draws alone: the previous one's canvases are gone.
      canvases: seed.canvases,
      curve: 'haystack',
      arrow: 'none',
      nodes: 1500,
    });
    const spread = await page.evaluate(() => {
      const xs = (window as unknown as { explorer: Probe }).explorer.cy.nodes().map((n) => n.position().x);
      return Math.max(...xs) - Math.min(...xs);
    });
    expect(spread).toBeGreaterThan(200);
    await page.evaluate(
      () =>
        new Promise((resolve) => {
          const { cy } = (window as unknown as { explorer: { cy: { one(e: string, f: () => void): void } } }).explorer;
          cy.one('render', () => requestAnimationFrame(resolve));
          (window as unknown as { explorer: { cy: { forceRender(): void } } }).explorer.cy.forceRender();
        }),
    );
    await page.screenshot({ path: path.join(SHOTS, 'large-graph.png') });

    // Real input: a wheel over the graph zooms, a drag from an empty spot pans.
    const box = await page.locator('#graph').boundingBox();
    const viewport = () =>
      page.evaluate(() => {
        const { cy } = (window as unknown as { explorer: Probe }).explorer;
        return { zoom: cy.zoom(), pan: cy.pan() };
      });
    const before = await viewport();
    const corner = { x: (box?.x ?? 0) + 20, y: (box?.y ?? 0) + (box?.height ?? 0) / 2 };
    await page.mouse.move(corner.x, corner.y);
    for (let i = 0; i < 5; i++) await page.mouse.wheel(0, -100);
    await expect.poll(async () => (await viewport()).zoom).toBeGreaterThan(before.zoom);
    const zoomed = await viewport();
    await page.mouse.down();
    await page.mouse.move(corner.x + 120, corner.y - 60, { steps: 10 });
    await page.mouse.up();
    await expect.poll(async () => (await viewport()).pan.x).not.toBe(zoomed.pan.x);
    expect(problems).toEqual([]);
    await page.close();
  });
});
