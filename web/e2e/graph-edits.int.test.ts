/**
 * Editing the graph (issue 19, items 1 and 2) in Chromium against the real server and a Neo4j seeded with the curated
 * datasets: the context menu by right-click, keyboard (Shift+F10) and long-press, with relationship counts from the
 * server; hide, pin, expand by type, paths from here, show in source; multi-selection by Shift-click and box; and
 * undo/redo of every edit kept in step with the URL.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { datasetFilesIn } from '../../seed/seed.ts';
import { type Explorer as Harness, startExplorer } from '../../test/e2e-harness.ts';
import { axeViolations, openExplorer, settle } from './analyst-helpers.ts';

const SHOTS = path.join(import.meta.dirname, '..', '..', 'test-results', 'screenshots');

interface Cy {
  getElementById(id: string): {
    data(k: string): unknown;
    renderedPosition(): { x: number; y: number };
    position(): { x: number; y: number };
    visible(): boolean;
    locked(): boolean;
    nonempty(): boolean;
  };
  edges(): Array<{ data(k: string): string }>;
  nodes(s?: string): Array<{ id(): string; renderedPosition(): { x: number; y: number } }>;
}
type Win = { explorer: { cy: Cy; store: { state: Record<string, unknown> } } };

let harness: Harness;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  harness = await startExplorer(await datasetFilesIn());
}, 300_000);

afterAll(async () => {
  await harness?.close();
});

/** Where a node is on the page (px). */
async function pointOf(page: Page, id: string): Promise<{ x: number; y: number }> {
  return page.evaluate((id) => {
    const p = (window as unknown as Win).explorer.cy.getElementById(id).renderedPosition();
    const box = (document.getElementById('graph') as HTMLElement).getBoundingClientRect();
    return { x: box.left + p.x, y: box.top + p.y };
  }, id);
}

/** A node drawn well apart from the others (none within 30 px) and inside the pane, so a press lands on it alone. */
async function isolatedNode(page: Page): Promise<{ id: string; name: string }> {
  const found = await page.evaluate(() => {
    const { cy } = (window as unknown as Win).explorer;
    const graph = (document.getElementById('graph') as HTMLElement).getBoundingClientRect();
    const nodes = cy.nodes(':visible').map((n) => ({ id: n.id(), p: n.renderedPosition() }));
    // Apart from the others, and not under an overlay (the bars, the legend): the canvas is what is there.
    const apart = nodes.find(
      ({ id, p }) =>
        nodes.every((o) => o.id === id || Math.hypot(o.p.x - p.x, o.p.y - p.y) > 24) &&
        document.elementFromPoint(graph.left + p.x, graph.top + p.y)?.closest('#graph') !== null &&
        p.x > 20 &&
        p.y > 20 &&
        p.x < graph.width - 20 &&
        p.y < graph.height - 20,
    );
    return apart ? { id: apart.id, name: String(cy.getElementById(apart.id).data('name')) } : null;
  });
  expect(found).not.toBeNull();
  return found as { id: string; name: string };
}

/** A point of the graph pane at least `gap` px from every node (where a drag starts a box, not a node drag). */
async function emptyPointNear(page: Page, at: { x: number; y: number }, gap = 25): Promise<{ x: number; y: number }> {
  return page.evaluate(
    ({ at, gap }) => {
      const { cy } = (window as unknown as Win).explorer;
      const graph = (document.getElementById('graph') as HTMLElement).getBoundingClientRect();
      const nodes = cy.nodes(':visible').map((n) => n.renderedPosition());
      for (let r = 0; r < 200; r += 5)
        for (let a = 0; a < 360; a += 30) {
          const x = at.x - graph.left + r * Math.cos((a * Math.PI) / 180);
          const y = at.y - graph.top + r * Math.sin((a * Math.PI) / 180);
          if (nodes.every((p) => Math.hypot(p.x - x, p.y - y) > gap)) return { x: x + graph.left, y: y + graph.top };
        }
      return at;
    },
    { at, gap },
  );
}

const shown = (page: Page, id: string) =>
  page.evaluate((id) => (window as unknown as Win).explorer.cy.getElementById(id).visible(), id);

/** Edits that load from the server can take seconds on a loaded machine. */
const POLL = { timeout: 30_000 };

const param = (page: Page, name: string) => new URL(page.url()).searchParams.get(name);

/** The menu's item texts once the relationship counts are in. */
async function menuItems(page: Page): Promise<string[]> {
  await page.locator('#graph-menu[role="menu"]').waitFor({ state: 'visible', timeout: 10_000 });
  await page.waitForFunction(() => !document.querySelector('#graph-menu .menu-loading'), null, { timeout: 60_000 });
  return page.locator('#graph-menu [role="menuitem"]').allTextContents();
}

/**
 * Incident relationships of a node by type, from the server (GraphQL), as the menu is to count them; `filter` is the
 * neighborhood's filter arguments (e.g. `minCertainty: REPORTED`).
 */
async function serverCounts(page: Page, id: string, filter = ''): Promise<Map<string, number>> {
  const response = await page.request.post(`${harness.base}/graphql`, {
    data: {
      query: `{ neighborhood(id: "${id}", depth: 1, limit: 500 ${filter}) { edges { type source target } } }`,
    },
  });
  const body = (await response.json()) as {
    data: { neighborhood: { edges: Array<{ type: string; source: string; target: string }> } };
  };
  const counts = new Map<string, number>();
  for (const e of body.data.neighborhood.edges)
    if (e.source === id || e.target === id) counts.set(e.type, (counts.get(e.type) ?? 0) + 1);
  return counts;
}

describe('the context menu on nodes and edges', () => {
  it('opens on right-click with counts from the server; Hide is undone and redone, in step with the URL', async () => {
    const { page, problems } = await openExplorer(harness.browser, harness.base);
    const at = await pointOf(page, 'actor:sdf');
    await page.mouse.click(at.x, at.y, { button: 'right' });
    const items = await menuItems(page);
    const counts = await serverCounts(page, 'actor:sdf');
    expect(counts.get('FOUGHT')).toBeGreaterThan(0);
    expect(items).toContain(`fought (${counts.get('FOUGHT')})`);
    expect(items).toContain(`party to (${counts.get('PARTY_TO')})`);
    expect(await page.locator('#graph-menu').getAttribute('aria-label')).toContain('Syrian Democratic Forces');
    expect(await axeViolations(page, 'context menu (en)')).toEqual([]);

    await page.keyboard.press('Escape');
    expect(await page.locator('#graph-menu').isHidden()).toBe(true);

    // On a link (one whose middle is clear of every node): its sources and Hide.
    const link = await page.evaluate(() => {
      const cy = (window as unknown as Win).explorer.cy as unknown as {
        edges(s: string): Array<{ id(): string; renderedMidpoint(): { x: number; y: number } }>;
        nodes(s: string): Array<{ renderedPosition(): { x: number; y: number } }>;
      };
      const nodes = cy.nodes(':visible').map((n) => n.renderedPosition());
      const graph = (document.getElementById('graph') as HTMLElement).getBoundingClientRect();
      const edge = cy.edges(':visible').find((e) => {
        const m = e.renderedMidpoint();
        return (
          nodes.every((p) => Math.hypot(p.x - m.x, p.y - m.y) > 30) &&
          document.elementFromPoint(graph.left + m.x, graph.top + m.y)?.closest('#graph') !== null
        );
      });
      return edge
        ? { id: edge.id(), x: graph.left + edge.renderedMidpoint().x, y: graph.top + edge.renderedMidpoint().y }
        : null;
    });
    expect(link).not.toBeNull();
    await page.mouse.click((link as { x: number }).x, (link as { y: number }).y, { button: 'right' });
    expect(await menuItems(page)).toEqual(['Show in source', 'Hide']);
    await page.keyboard.press('Escape');

    await page.mouse.click(at.x, at.y, { button: 'right' });
    await menuItems(page);
    await page.locator('#graph-menu [role="menuitem"]', { hasText: /^Hide$/ }).click();
    await expect.poll(() => shown(page, 'actor:sdf'), POLL).toBe(false);
    expect(param(page, 'hide')).toBe('actor:sdf');
    expect(await page.locator('#unhide').textContent()).toBe('Show 1 hidden');

    await page.keyboard.press('Control+z');
    await expect.poll(() => shown(page, 'actor:sdf'), POLL).toBe(true);
    expect(param(page, 'hide')).toBeNull();
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => shown(page, 'actor:sdf'), POLL).toBe(false);
    expect(param(page, 'hide')).toBe('actor:sdf');

    // The URL alone brings the edit back: a reload shows the same graph.
    await page.reload();
    await page.waitForFunction(() => (window as unknown as Win).explorer?.cy.nodes().length > 50, null, {
      timeout: 90_000,
    });
    await settle(page);
    expect(await shown(page, 'actor:sdf')).toBe(false);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('counts under the filters the view has: with "reported or firmer" only what that shows', async () => {
    const { page, problems } = await openExplorer(harness.browser, harness.base, 'min=REPORTED');
    const at = await pointOf(page, 'actor:sdf');
    await page.mouse.click(at.x, at.y, { button: 'right' });
    const counted = (await menuItems(page)).flatMap((text) => {
      const match = /\((\d+)\)$/.exec(text);
      return match ? [Number(match[1])] : [];
    });
    const total = (counts: Map<string, number>) => [...counts.values()].reduce((a, b) => a + b, 0);
    const filtered = total(await serverCounts(page, 'actor:sdf', 'minCertainty: REPORTED'));
    expect(counted.reduce((a, b) => a + b, 0)).toBe(filtered);
    expect(filtered).toBeLessThan(total(await serverCounts(page, 'actor:sdf')));
    expect(problems).toEqual([]);
    await page.close();
  });

  it('opens from the keyboard in Arabic, mirrored; arrows move, Escape returns focus; Pin survives a re-arrange', async () => {
    const { page, problems } = await openExplorer(harness.browser, harness.base, 'lang=ar&sel=actor:isis');
    await page.locator('#graph').focus();
    await page.keyboard.press('Shift+F10');
    await menuItems(page);
    const menu = page.locator('#graph-menu');
    expect(await menu.getAttribute('dir')).toBe('rtl');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('menuitem');
    const items = await page.locator('#graph-menu [role="menuitem"]').allTextContents();
    expect(items).toContain('إخفاء كل ما عداه');
    expect(items.some((t) => /^قاتل \(\d+\)$/.test(t))).toBe(true);
    // Opened towards the start of an Arabic line: the menu's right edge at the node, not its left.
    const node = await pointOf(page, 'actor:isis');
    const box = await menu.boundingBox();
    expect(box && box.x + box.width).toBeLessThanOrEqual(node.x + 1);
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(items[1]);
    await page.screenshot({ path: path.join(SHOTS, 'context-menu-ar.png') });
    expect(await axeViolations(page, 'context menu (ar)')).toEqual([]);
    await page.keyboard.press('Escape');
    expect(await menu.isHidden()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('graph');

    // Pin through the keyboard: End goes to the last item, then up to "Pin in place".
    await page.keyboard.press('Shift+F10');
    await menuItems(page);
    for (let i = 0; i < 12; i++) {
      if ((await page.evaluate(() => document.activeElement?.textContent)) === 'تثبيت في مكانه') break;
      await page.keyboard.press('ArrowDown');
    }
    await page.keyboard.press('Enter');
    await expect.poll(() => param(page, 'pin'), POLL).toBe('actor:isis');
    expect(
      await page.evaluate(() => (window as unknown as Win).explorer.cy.getElementById('actor:isis').locked()),
    ).toBe(true);
    const before = await page.evaluate(() =>
      (window as unknown as Win).explorer.cy.getElementById('actor:isis').position(),
    );
    const other = await page.evaluate(() =>
      (window as unknown as Win).explorer.cy.getElementById('actor:sdf').position(),
    );
    await page.locator('#relayout').click();
    await expect
      .poll(() => page.locator('#undo').getAttribute('title'), { timeout: 60_000 })
      .toContain('إعادة الترتيب');
    const after = await page.evaluate(() =>
      (window as unknown as Win).explorer.cy.getElementById('actor:isis').position(),
    );
    expect(after).toEqual(before);
    // Undoing the layout puts the other nodes back; undoing again unpins.
    await page.locator('#undo').click();
    const back = await page.evaluate(() =>
      (window as unknown as Win).explorer.cy.getElementById('actor:sdf').position(),
    );
    expect(back.x).toBeCloseTo(other.x, 3);
    expect(back.y).toBeCloseTo(other.y, 3);
    await page.locator('#undo').click();
    await expect.poll(() => param(page, 'pin'), POLL).toBeNull();
    expect(problems).toEqual([]);
    await page.close();
  });

  it('expands by one relationship type: what that type reaches comes back, undo hides it again', async () => {
    const { page } = await openExplorer(harness.browser, harness.base);
    const foes = await page.evaluate(() =>
      (window as unknown as Win).explorer.cy
        .edges()
        .filter(
          (e) => e.data('type') === 'FOUGHT' && (e.data('source') === 'actor:sdf' || e.data('target') === 'actor:sdf'),
        )
        .map((e) => (e.data('source') === 'actor:sdf' ? e.data('target') : e.data('source'))),
    );
    expect(foes.length).toBeGreaterThan(0);
    const foe = foes[0] as string;
    await page.goto(`${harness.base}/?hide=${foe}`);
    await page.waitForFunction(() => (window as unknown as Win).explorer?.cy.nodes().length > 50, null, {
      timeout: 90_000,
    });
    await settle(page);
    expect(await shown(page, foe)).toBe(false);
    const at = await pointOf(page, 'actor:sdf');
    await page.mouse.click(at.x, at.y, { button: 'right' });
    const fought = (await menuItems(page)).find((t) => t.startsWith('fought ('));
    await page.locator('#graph-menu [role="menuitem"]', { hasText: fought as string }).click();
    await expect.poll(() => shown(page, foe), POLL).toBe(true);
    expect(param(page, 'exp')).toBe('actor:sdf');
    expect(param(page, 'hide')).toBeNull();
    await page.keyboard.press('Control+z');
    await expect.poll(() => shown(page, foe), POLL).toBe(false);
    expect(param(page, 'hide')).toBe(foe);
    expect(param(page, 'exp')).toBeNull();
    await page.close();
  });

  it('"Show in source" opens the sentence in the article; "Paths from here" fills the path finder (touch, 390×844)', async () => {
    const page = await harness.browser.newPage({
      viewport: { width: 390, height: 844 },
      hasTouch: true,
      isMobile: true,
    });
    await page.goto(`${harness.base}/`);
    await page.waitForFunction(
      () => (window as unknown as Win).explorer?.cy.nodes().length > 50 && !!document.querySelector('#graph canvas'),
      null,
      { timeout: 90_000 },
    );
    // On a phone the whole graph is small: zoom in so a finger finds one node.
    await page.locator('#zoom-in').click();
    await page.locator('#zoom-in').click();
    await settle(page);
    // A long press: touch down on the node, hold past Cytoscape's taphold time, lift.
    const longPress = async (id: string) => {
      const at = await pointOf(page, id);
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: at.x, y: at.y }] });
      await page.waitForTimeout(900);
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    };
    const first = await isolatedNode(page);
    await longPress(first.id);
    await menuItems(page);
    expect(await page.locator('#graph-menu').getAttribute('aria-label')).toBe(`Actions on ${first.name}`);
    await page.screenshot({ path: path.join(SHOTS, 'context-menu-touch.png') });
    await page.locator('#graph-menu [role="menuitem"]', { hasText: 'Show in source' }).click();
    const mark = page.locator('#panel-details .source-viewer mark').first();
    await mark.waitFor({ timeout: 30_000 });
    const quote = await page.locator('#panel-details .citation blockquote').first().textContent();
    expect(await mark.textContent()).toBe(quote);

    await page.locator('#pane-graph').click();
    await settle(page);
    const apart = await isolatedNode(page);
    await longPress(apart.id);
    await menuItems(page);
    await page.locator('#graph-menu [role="menuitem"]', { hasText: 'Paths from here' }).click();
    expect(await page.locator('#path-from').inputValue()).toBe(apart.name);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('path-to');
    await page.close();
  });
});

describe('selection', () => {
  it('Shift-click selects several; the selection is hidden in one undoable edit and exported as JSON', async () => {
    const { page, problems } = await openExplorer(harness.browser, harness.base);
    for (const id of ['actor:sdf', 'actor:isis']) {
      const at = await pointOf(page, id);
      await page.keyboard.down('Shift');
      await page.mouse.click(at.x, at.y);
      await page.keyboard.up('Shift');
    }
    const bar = page.locator('#graph-selection');
    await bar.waitFor({ state: 'visible' });
    expect(await bar.locator('strong').textContent()).toBe('2 selected');
    expect(await axeViolations(page, 'selection bar')).toEqual([]);
    const download = page.waitForEvent('download');
    await bar.locator('[data-action="export-selection"]').click();
    const file = await (await download).path();
    const exported = JSON.parse(readFileSync(file, 'utf8')) as { actors: Array<{ id: string }> };
    const actors = exported.actors.map((a) => a.id);
    expect(actors).toContain('actor:sdf');
    expect(actors).toContain('actor:isis');
    // The selection and who its citations quote, not the whole graph's actors.
    const allActors = await page.evaluate(
      () => (window as unknown as Win).explorer.cy.nodes('[kind = "actor"]').length,
    );
    expect(actors.length).toBeLessThan(allActors / 2);

    await bar.locator('[data-action="hide-selection"]').click();
    await expect.poll(() => shown(page, 'actor:isis'), POLL).toBe(false);
    expect(await shown(page, 'actor:sdf')).toBe(false);
    expect(param(page, 'hide')?.split(',').sort()).toEqual(['actor:isis', 'actor:sdf']);
    await page.locator('#undo').click();
    await expect.poll(() => shown(page, 'actor:isis'), POLL).toBe(true);
    expect(await shown(page, 'actor:sdf')).toBe(true);
    await page.keyboard.press('Control+y');
    await expect.poll(() => shown(page, 'actor:isis'), POLL).toBe(false);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('"Select area" selects the nodes inside a dragged box', async () => {
    const { page } = await openExplorer(harness.browser, harness.base);
    await page.locator('#box-select').click();
    expect(await page.locator('#box-select').getAttribute('aria-pressed')).toBe('true');
    const graphBox = (await page.locator('#graph').boundingBox()) as { x: number; y: number; width: number };
    const centre = await pointOf(page, 'actor:isis');
    const start = await emptyPointNear(page, { x: centre.x - 110, y: centre.y - 80 });
    const end = await emptyPointNear(page, { x: centre.x + 110, y: centre.y + 80 });
    const box = { x1: start.x, y1: start.y, x2: end.x, y2: end.y };
    // Cytoscape selects a node whose body lies wholly in the box (its default "contain" mode).
    const expected = await page.evaluate(
      ({ box, left, top }) =>
        (
          window as unknown as {
            explorer: {
              cy: {
                nodes(s: string): Array<{
                  id(): string;
                  renderedBoundingBox(o: object): { x1: number; y1: number; x2: number; y2: number };
                }>;
              };
            };
          }
        ).explorer.cy
          .nodes(':visible')
          .filter((n) => {
            const b = n.renderedBoundingBox({ includeLabels: false, includeOverlays: false });
            return (
              b.x1 + left > box.x1 + 2 && b.x2 + left < box.x2 - 2 && b.y1 + top > box.y1 + 2 && b.y2 + top < box.y2 - 2
            );
          })
          .map((n) => n.id())
          .sort(),
      { box, left: graphBox.x, top: graphBox.y },
    );
    expect(expected.length).toBeGreaterThan(1);
    await page.mouse.move(box.x1, box.y1);
    await page.mouse.down();
    await page.mouse.move((box.x1 + box.x2) / 2, (box.y1 + box.y2) / 2, { steps: 5 });
    await page.mouse.move(box.x2, box.y2, { steps: 5 });
    await page.mouse.up();
    await page.locator('#graph-selection').waitFor({ state: 'visible' });
    const selected = await page.evaluate(() =>
      (window as unknown as Win).explorer.cy
        .nodes(':selected')
        .map((n) => n.id())
        .sort(),
    );
    // Every node wholly in the box is selected, and nothing wholly outside it.
    for (const id of expected) expect(selected).toContain(id);
    const outside = await page.evaluate(
      ({ ids, box, left, top }) =>
        ids.filter((id) => {
          const b = (
            window as unknown as {
              explorer: {
                cy: {
                  getElementById(i: string): {
                    renderedBoundingBox(): { x1: number; y1: number; x2: number; y2: number };
                  };
                };
              };
            }
          ).explorer.cy
            .getElementById(id)
            .renderedBoundingBox();
          return b.x2 + left < box.x1 || b.x1 + left > box.x2 || b.y2 + top < box.y1 || b.y1 + top > box.y2;
        }),
      { ids: selected, box, left: graphBox.x, top: graphBox.y },
    );
    expect(outside).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, 'selection-en.png') });
    await page.close();
  });
});
