/**
 * Hostile names in a real browser (Chromium via playwright-core) against the real server and Neo4j, seeded with
 * the Baghouz data and test/fixtures/hostile.json (`<img src=x onerror=…>`, `</script><script>…`, `javascript:`
 * names and aliases). Every view that shows a name is visited, in English and Arabic; the names must appear as
 * literal text, nothing may run, no element may be injected, and the page must record no CSP violation.
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { datasetFilesIn } from '../../seed/seed.ts';
import { type Explorer, startExplorer } from '../../test/e2e-harness.ts';
import { recordFigure } from '../../test/figures.ts';

const ROOT = path.join(import.meta.dirname, '..', '..');
const IMG_NAME = '<img src=x onerror="window.__pwned=1">';
const SCRIPT_NAME = '</script><script>window.__pwned=2</script>';
const JS_URL = 'javascript:window.__pwned=3';

let explorer: Explorer;
let browser: Browser;
let base: string;

beforeAll(async () => {
  explorer = await startExplorer([...(await datasetFilesIn()), path.join(ROOT, 'test', 'fixtures', 'hostile.json')]);
  ({ browser, base } = explorer);
}, 300_000);

afterAll(async () => {
  await explorer?.close();
});

interface Watched {
  page: Page;
  /** Dialogs opened, page errors, requests leaving the origin or to x, and CSP violations (read at the end). */
  problems: string[];
}

async function open(query: string): Promise<Watched> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const problems: string[] = [];
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(base) && !url.startsWith('data:') && !url.startsWith('blob:')) problems.push(`request: ${url}`);
    if (/\/x$/.test(url)) problems.push(`request for the injected image: ${url}`);
  });
  await page.addInitScript(() => {
    const w = window as unknown as { cspViolations: string[] };
    w.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      w.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  await page.goto(`${base}/?${query}`);
  await page.waitForFunction(() => {
    const explorer = (window as unknown as { explorer?: { cy: { nodes(): { length: number } } } }).explorer;
    return explorer !== undefined && explorer.cy.nodes().length > 50;
  });
  return { page, problems };
}

/** Runs everything a hostile name could have injected into the page and reports what it finds. */
async function injected(page: Page): Promise<Record<string, unknown>> {
  return page.evaluate(() => ({
    pwned: (window as unknown as { __pwned?: number }).__pwned ?? null,
    imagesWithSrcX: document.querySelectorAll('img[src="x"]').length,
    onerrorAttributes: document.querySelectorAll('[onerror]').length,
    inlineScripts: document.querySelectorAll('script:not([src])').length,
    javascriptLinks: document.querySelectorAll('[href^="javascript" i], [src^="javascript" i]').length,
    cspViolations: (window as unknown as { cspViolations: string[] }).cspViolations,
  }));
}

const CLEAN = {
  pwned: null,
  imagesWithSrcX: 0,
  onerrorAttributes: 0,
  inlineScripts: 0,
  javascriptLinks: 0,
  cspViolations: [],
};

describe('hostile names in the explorer', () => {
  it('the page is served under a strict Content-Security-Policy', async () => {
    const response = await fetch(`${base}/`);
    const header = response.headers.get('content-security-policy') ?? '';
    // Written out here, not read from the product: a looser policy served must fail this test.
    const directives = Object.fromEntries(
      header
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .filter((parts) => parts[0])
        .map(([name, ...sources]) => [name, sources.sort()]),
    );
    expect(directives).toEqual({
      'default-src': ["'self'"],
      'script-src': ["'self'"],
      'style-src': ["'self'"],
      'img-src': ["'self'", 'blob:', 'data:'],
      'font-src': ["'self'"],
      'connect-src': ["'self'"],
      'object-src': ["'none'"],
      'base-uri': ["'none'"],
      'frame-ancestors': ["'none'"],
      'form-action': ["'self'"],
    });
    expect(header).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
  });

  it('details, sources, links and graph labels show them as text, in English and Arabic', async () => {
    let views = 0;
    let visited = 0;
    for (const [query, expected] of [
      ['sel=actor:hostile-img', IMG_NAME],
      ['sel=actor:hostile-script', SCRIPT_NAME],
      ['sel=event:hostile-meeting', JS_URL],
      ['lang=ar&sel=actor:hostile-img', '<img src=x onerror="window.__pwned=4">'],
    ] as const) {
      const { page, problems } = await open(query);
      const selected = query.replace(/.*sel=/, '');
      const article = (id: string) => page.locator(`#panel-details article.details[data-id="${id}"]`);
      await expect.poll(() => page.locator('#panel-details .detail-title').textContent()).toContain(expected);
      // Every "show in source" toggle opens its viewer; a click that fails fails the test.
      const toggles = page.locator('#panel-details .source-viewer + button, #panel-details button.small');
      for (let i = 0; i < (await toggles.count()); i++) await toggles.nth(i).click();
      // Each linked node (up to 6) is visited by a click and drawn, then Back returns to the hostile one.
      const linked = await page
        .locator('#panel-details button.link[data-id]')
        .evaluateAll((buttons) => [...new Set(buttons.map((b) => b.getAttribute('data-id') as string))].slice(0, 6));
      expect(linked.length).toBeGreaterThan(0);
      for (const id of linked) {
        await article(selected).locator(`button.link[data-id="${id}"]`).first().click();
        await article(id).waitFor({ timeout: 30_000 });
        expect(await injected(page)).toEqual(CLEAN);
        await page.goBack();
        await article(selected).waitFor({ timeout: 30_000 });
        visited += 1;
      }
      const [label, name, nameAr] = await page.evaluate(
        (id) => {
          const node = (
            window as unknown as { explorer: { cy: { getElementById(id: string): { data(key: string): string } } } }
          ).explorer.cy.getElementById(id);
          return [node.data('label'), node.data('name'), node.data('nameAr')];
        },
        query.replace(/.*sel=/, ''),
      );
      // The graph draws the name shortened (the whole name is in the tooltip and the panel), as text.
      const shown = (query.startsWith('lang=ar') ? (nameAr ?? name) : name) ?? '';
      expect(shown).toContain(expected);
      expect(shown.startsWith((label ?? '').replace(/…?[\u200E\u200F]$/u, ''))).toBe(true);
      expect(await injected(page)).toEqual(CLEAN);
      expect(problems).toEqual([]);
      views += 1;
      await page.close();
    }
    recordFigure({
      test: 'browser (hostile names)',
      name: 'views visited with hostile names, nothing ran',
      value: views + visited,
      unit: 'views',
      note: `${views} hostile nodes, ${visited} linked nodes reached by clicking`,
    });
  });

  it('search suggestions, the path finder and the timeline show them as text', async () => {
    const { page, problems } = await open('');
    for (const [typed, expected] of [
      ['img', IMG_NAME],
      ['script', SCRIPT_NAME],
      ['javascript', JS_URL],
    ]) {
      await page.locator('#search input').fill(typed as string);
      await expect
        .poll(() => page.locator('#search [role="option"]').allTextContents(), { timeout: 10_000 })
        .toEqual(expect.arrayContaining([expect.stringContaining(expected as string)]));
    }
    await page.locator('#search input').fill('');
    await page.goto(`${base}/?pf=actor:hostile-img&pt=actor:hostile-script&tab=path`);
    // The path finder draws a card for the path between the two hostile actors, their names as text.
    const card = page.locator('#panel-path li.path-card').first();
    await card.waitFor({ timeout: 60_000 });
    const hops = await card.locator('.hop').allTextContents();
    expect(hops.join('\n')).toContain(IMG_NAME);
    expect(hops.join('\n')).toContain(SCRIPT_NAME);
    await expect
      .poll(async () => (await page.locator('#timeline title').allTextContents()).join('\n'))
      .toContain(JS_URL);
    expect(await injected(page)).toEqual(CLEAN);
    expect(problems).toEqual([]);
    await page.close();
  });
});
