/**
 * Style rules and layouts (issue 19, items 3 and 4) in Debian's Chromium against the real server and a seeded Neo4j:
 * each test drives the controls as a user does (mouse or keyboard) and checks what is drawn, in English and Arabic.
 * Screenshots go to test-results/screenshots/.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { datasetFilesIn } from '../../seed/seed.ts';
import { type Explorer as Harness, startExplorer } from '../../test/e2e-harness.ts';
import { CERTAINTY_COLOURS } from '../src/graph/style-rules.ts';
import { axeViolations, openExplorer, type Probe, settle, state } from './analyst-helpers.ts';

const SHOTS = path.join(import.meta.dirname, '..', '..', 'test-results', 'screenshots');

let harness: Harness;
let browser: Browser;
let base: string;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  harness = await startExplorer(await datasetFilesIn());
  ({ browser, base } = harness);
}, 300_000);

afterAll(async () => {
  await harness?.close();
});

interface Arranged {
  explorer: Probe['explorer'] & {
    graph: Probe['explorer']['graph'] & { arranger: { arrangedAs: string | null } };
    data: { graph: { nodes: Array<{ id: string; kind: string; coordinates?: { lat: number; lon: number } | null }> } };
  };
}

/** Waits until the named layout is applied in full and the view is still. */
async function arrangedAs(page: Page, name: string): Promise<void> {
  await page.waitForFunction(
    (name) => (window as unknown as Arranged).explorer.graph.arranger.arrangedAs === name,
    name,
    {
      timeout: 60_000,
    },
  );
  await settle(page);
}

const positionOf = (page: Page, id: string) =>
  page.evaluate((id) => (window as unknown as Probe).explorer.cy.getElementById(id).position(), id);

/** `rgb(r, g, b)` of a hex colour, as Cytoscape reports a node's background. */
const rgb = (hex: string) => {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgb(${(n >> 16) & 255},${(n >> 8) & 255},${n & 255})`;
};

describe('style rules', () => {
  it('colours by certainty and sizes by citations from the legend, keeps both in the URL and restores them on reload', async () => {
    const { page, problems } = await openExplorer(browser, base);
    await page.locator('#rule-colour').selectOption('certainty');
    await page.locator('#rule-size').selectOption('citations');
    await expect.poll(async () => new URL(page.url()).searchParams.get('colour')).toBe('certainty');
    expect(new URL(page.url()).searchParams.get('size')).toBe('citations');
    const check = async () =>
      page.evaluate(() => {
        const { cy } = (window as unknown as Probe).explorer;
        const nodes = (
          cy.nodes() as unknown as Array<{ data(k: string): unknown; style(k: string): string; width(): number }>
        ).map((n) => ({
          certainty: n.data('certainty'),
          citations: n.data('citations') as number,
          colour: n.style('background-color').replaceAll(' ', ''),
          width: n.width(),
        }));
        const claimed = nodes.filter((n) => n.certainty === 'claimed')[0];
        const reported = nodes.filter((n) => n.certainty === 'reported')[0];
        const bySize = nodes.sort((a, b) => b.citations - a.citations);
        const most = bySize[0];
        const least = bySize[bySize.length - 1];
        return {
          claimed: claimed?.colour,
          reported: reported?.colour,
          mostCited: [most?.citations, most?.width],
          leastCited: [least?.citations, least?.width],
          legend: [...document.querySelectorAll('#legend-body li')].map((li) => li.textContent),
        };
      });
    const before = await check();
    expect(before.claimed).toBe(rgb(CERTAINTY_COLOURS.claimed));
    expect(before.reported).toBe(rgb(CERTAINTY_COLOURS.reported));
    expect(before.mostCited[0]).toBeGreaterThan(before.leastCited[0] as number);
    expect(before.mostCited[1]).toBeGreaterThan(before.leastCited[1] as number);
    expect(before.legend).toEqual(['Confirmed', 'Reported', 'Claimed', 'Alleged', 'Disputed']);
    await page.reload();
    await page.waitForFunction(() => (window as unknown as Probe).explorer.graph.layoutsApplied > 0);
    await settle(page);
    expect(await check()).toEqual(before);
    expect(await page.locator('#rule-colour').inputValue()).toBe('certainty');
    expect(await axeViolations(page, 'certainty rule')).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('colours by voice with a legend naming the voices, in Arabic, from the keyboard', async () => {
    const { page, problems } = await openExplorer(browser, base, 'lang=ar');
    await page.locator('#rule-colour').focus();
    // Kind → certainty → voice.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect.poll(async () => (await state(page)).colourBy).toBe('voice');
    const legend = await page.locator('#legend-body li').allTextContents();
    expect(legend).toContain('تلفزيون الخبر');
    expect(legend).toContain('قائلون آخرون');
    const colours = await page.evaluate(() => {
      const { cy } = (window as unknown as Probe).explorer;
      const sdf = cy.getElementById('actor:sdf') as unknown as { data(k: string): string; style(k: string): string };
      return { voice: sdf.data('voice'), colour: sdf.style('background-color') };
    });
    expect(colours.voice).toMatch(/^actor:/);
    expect(colours.colour).not.toBe(rgb('#2f6fb0'));
    await page.screenshot({ path: path.join(SHOTS, 'style-voice-ar.png') });
    expect(await axeViolations(page, 'voice rule (ar)')).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('layouts', () => {
  it('time-ordered: an earlier event is left of a later one in English and right of it in Arabic; a year-only date is wider than a day', async () => {
    for (const [lang, earlierIsLeft] of [
      ['', true],
      ['lang=ar', false],
    ] as const) {
      const { page, problems } = await openExplorer(browser, base, lang);
      await page.locator('#layout-name').selectOption('time');
      await arrangedAs(page, 'time');
      expect(new URL(page.url()).searchParams.get('lay')).toBe('time');
      // 2014 (year only) and Saturday 23 March 2019 (a day).
      const year = await positionOf(page, 'event:isis-2014-offensives');
      const day = await positionOf(page, 'event:baghouz-capture-announcement');
      expect(year.x < day.x).toBe(earlierIsLeft);
      const spans = await page.evaluate(() => {
        const { cy } = (window as unknown as Probe).explorer;
        return ['event:isis-2014-offensives', 'event:baghouz-capture-announcement'].map((id) =>
          cy.getElementById(id).data('span'),
        );
      });
      expect(spans[0]).toBeGreaterThan((spans[1] as number) * 10);
      expect(await page.locator('.layout-tick').count()).toBeGreaterThan(2);
      await page.screenshot({ path: path.join(SHOTS, `layout-time${lang ? '-ar' : ''}.png`) });
      expect(await axeViolations(page, `time layout ${lang}`)).toEqual([]);
      expect(problems).toEqual([]);
      await page.close();
    }
  });

  it('a layout chosen in the legend is an edit: Ctrl+Z goes back to the layout before, nodes where they were, Ctrl+Shift+Z to it again', async () => {
    const { page, problems } = await openExplorer(browser, base);
    const ids = ['actor:sdf', 'place:baghouz', 'event:baghouz-capture-announcement'];
    const positions = async () => Promise.all(ids.map((id) => positionOf(page, id)));
    /** The largest distance (model px) of the nodes from where they were. */
    const moved = async (from: Array<{ x: number; y: number }>) =>
      Math.max(...(await positions()).map((p, i) => Math.hypot(p.x - (from[i]?.x ?? 1e9), p.y - (from[i]?.y ?? 1e9))));
    const force = await positions();
    await page.locator('#layout-name').selectOption('concentric');
    await arrangedAs(page, 'concentric');
    expect(new URL(page.url()).searchParams.get('lay')).toBe('concentric');
    expect(await moved(force)).toBeGreaterThan(20);
    const concentric = await positions();
    await page.locator('#graph').focus();
    await page.keyboard.press('Control+z');
    await arrangedAs(page, 'force');
    expect(new URL(page.url()).searchParams.get('lay')).toBeNull();
    expect(await page.locator('#layout-name').inputValue()).toBe('force');
    // Back where the force layout had them, not where a new run of it would put them.
    await expect.poll(() => moved(force), { timeout: 10_000 }).toBeLessThanOrEqual(1);
    await page.keyboard.press('Control+Shift+z');
    await arrangedAs(page, 'concentric');
    expect(new URL(page.url()).searchParams.get('lay')).toBe('concentric');
    await expect.poll(() => moved(concentric), { timeout: 10_000 }).toBeLessThanOrEqual(1);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('geographic: places keep the relative positions of their coordinates; places without any are said so, apart', async () => {
    const { page, problems } = await openExplorer(browser, base, 'lay=geo');
    await arrangedAs(page, 'geo');
    const located = await page.evaluate(() =>
      (window as unknown as Arranged).explorer.data.graph.nodes
        .filter((n) => n.kind === 'PLACE' && n.coordinates)
        .map((n) => ({ id: n.id, lat: n.coordinates?.lat as number, lon: n.coordinates?.lon as number })),
    );
    expect(located.length).toBeGreaterThan(2);
    let compared = 0;
    for (const a of located)
      for (const b of located) {
        if (Math.abs(a.lon - b.lon) < 0.05 || Math.abs(a.lat - b.lat) < 0.05) continue;
        const [pa, pb] = [await positionOf(page, a.id), await positionOf(page, b.id)];
        expect(Math.sign(pb.x - pa.x)).toBe(Math.sign(b.lon - a.lon));
        expect(Math.sign(pb.y - pa.y)).toBe(-Math.sign(b.lat - a.lat));
        compared++;
      }
    expect(compared).toBeGreaterThan(0);
    const unlocated = await page.evaluate(() => {
      const { cy } = (window as unknown as Probe).explorer;
      return cy.nodes('.place.layout-lane').map((n) => `${Math.round(n.position().x)},${Math.round(n.position().y)}`);
    });
    expect(unlocated.length).toBeGreaterThan(0);
    expect(new Set(unlocated).size).toBe(unlocated.length);
    await expect.poll(() => page.locator('.layout-row').allTextContents()).toContain('Places without coordinates');
    await page.screenshot({ path: path.join(SHOTS, 'layout-geo.png') });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('geographic: country outlines from the offline atlas lie under their places, follow pan and zoom, and go with another layout', async () => {
    for (const [lang, viewport] of [
      ['', { width: 1440, height: 900 }],
      ['lang=ar&', { width: 390, height: 844 }],
    ] as const) {
      const { page, problems } = await openExplorer(browser, base, `${lang}lay=geo`, viewport);
      await arrangedAs(page, 'geo');
      await page.waitForSelector('svg.graph-basemap[data-state="ready"]', { state: 'attached', timeout: 60_000 });
      const layer = await page.evaluate(() => {
        const svg = document.querySelector('svg.graph-basemap') as SVGSVGElement;
        const graph = document.getElementById('graph') as HTMLElement;
        return {
          hidden: svg.getAttribute('aria-hidden'),
          pointer: getComputedStyle(svg).pointerEvents,
          // Behind the canvas: earlier in the same pane.
          behind: Boolean(svg.compareDocumentPosition(graph) & Node.DOCUMENT_POSITION_FOLLOWING),
          countries: svg.querySelectorAll('path').length,
        };
      });
      expect(layer).toMatchObject({ hidden: 'true', pointer: 'none', behind: true });
      expect(layer.countries).toBeGreaterThan(5);
      /** Whether a node's point on screen is inside a country's outline, as drawn. */
      const inside = (id: string, country: string) =>
        page.evaluate(
          ({ id, country }) => {
            const { cy } = (window as unknown as Probe).explorer;
            const box = (document.getElementById('graph') as HTMLElement).getBoundingClientRect();
            const at = cy.getElementById(id).renderedPosition();
            const path = document.querySelector(`svg.graph-basemap path[data-country="${country}"]`) as SVGPathElement;
            const local = new DOMPoint(box.left + at.x, box.top + at.y).matrixTransform(
              (path.getScreenCTM() as DOMMatrix).inverse(),
            );
            return path.isPointInFill(local);
          },
          { id, country },
        );
      const where = async () => [
        await inside('place:raqqa', 'Syria'),
        await inside('place:raqqa', 'Iraq'),
        await inside('place:mosul', 'Iraq'),
        await inside('place:mosul', 'Syria'),
      ];
      expect(await where()).toEqual([true, false, true, false]);
      await page.screenshot({ path: path.join(SHOTS, `layout-geo-basemap${lang ? '-ar-phone' : ''}.png`) });
      // Panned and zoomed, the outlines move with the graph.
      await page.evaluate(() => {
        const { cy } = (window as unknown as { explorer: { cy: import('cytoscape').Core } }).explorer;
        cy.zoom({ level: cy.zoom() * 1.7, renderedPosition: { x: 60, y: 80 } });
        cy.panBy({ x: -35, y: 25 });
      });
      await settle(page);
      expect(await where()).toEqual([true, false, true, false]);
      const credit = page.locator('.graph-basemap-credit');
      await expect.poll(() => credit.textContent()).toContain('Natural Earth');
      expect(await credit.textContent()).toContain('GeoNames');
      expect(await credit.isVisible()).toBe(true);
      if (lang) expect(await credit.textContent()).toContain('حدود الدول');
      expect(await axeViolations(page, `geo basemap ${lang}`)).toEqual([]);
      // Another layout takes the outlines away.
      if (viewport.width < 600) await page.locator('#legend-toggle').click();
      await page.locator('#layout-name').selectOption('force');
      await arrangedAs(page, 'force');
      const gone = await page.evaluate(() => {
        const svg = document.querySelector('svg.graph-basemap') as SVGSVGElement;
        const credit = document.querySelector('.graph-basemap-credit') as HTMLElement;
        return {
          paths: svg.querySelectorAll('path').length,
          display: getComputedStyle(svg).display,
          credit: credit.hidden,
        };
      });
      expect(gone).toEqual({ paths: 0, display: 'none', credit: true });
      expect(problems).toEqual([]);
      await page.close();
    }
  });

  it('concentric and hierarchy: chosen from the keyboard, the same graph opens the same way', async () => {
    const { page, problems } = await openExplorer(browser, base, 'lay=concentric', { width: 390, height: 844 });
    await arrangedAs(page, 'concentric');
    const centre = await page.evaluate(() => {
      const { cy } = (window as unknown as Probe).explorer;
      const nodes = cy.nodes().map((n) => ({ id: n.id(), degree: n.data('degree') as number, at: n.position() }));
      const best = nodes.sort((a, b) => b.degree - a.degree || (a.id < b.id ? -1 : 1))[0];
      return { best: best?.id, at: best?.at };
    });
    expect(centre.at).toEqual({ x: 0, y: 0 });
    const first = await positionOf(page, 'actor:sdf');
    await page.locator('#legend-toggle').click();
    await page.locator('#layout-name').focus();
    await page.keyboard.press('ArrowDown');
    await arrangedAs(page, 'tree');
    expect((await state(page)).layout).toBe('tree');
    await page.keyboard.press('ArrowUp');
    await arrangedAs(page, 'concentric');
    expect(await positionOf(page, 'actor:sdf')).toEqual(first);
    expect(await axeViolations(page, 'concentric (phone)')).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('keep my arrangement: a dragged node stays where the user put it after a reload', async () => {
    const { page, problems } = await openExplorer(browser, base, 'lay=concentric');
    await arrangedAs(page, 'concentric');
    await page.locator('#layout-keep').check();
    const id = 'actor:sdf';
    const from = await page.evaluate((id) => {
      const { cy } = (window as unknown as Probe).explorer;
      const box = (document.getElementById('graph') as HTMLElement).getBoundingClientRect();
      const p = cy.getElementById(id).renderedPosition();
      return { x: box.left + p.x, y: box.top + p.y };
    }, id);
    const before = await positionOf(page, id);
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(from.x + 40, from.y + 30, { steps: 8 });
    await page.mouse.move(from.x + 80, from.y + 60, { steps: 8 });
    await page.mouse.up();
    await expect.poll(async () => new URL(page.url()).searchParams.get('pos') ?? '').toContain(`${id}*`);
    const moved = await positionOf(page, id);
    expect(Math.hypot(moved.x - before.x, moved.y - before.y)).toBeGreaterThan(20);
    await page.reload();
    await arrangedAs(page, 'concentric');
    const after = await positionOf(page, id);
    expect(Math.abs(after.x - moved.x)).toBeLessThanOrEqual(1);
    expect(Math.abs(after.y - moved.y)).toBeLessThanOrEqual(1);
    // Letting go of the arrangement puts the node back where the layout places it.
    await page.locator('#layout-keep').uncheck();
    await expect.poll(() => positionOf(page, id), { timeout: 30_000 }).toEqual(before);
    expect(problems).toEqual([]);
    await page.close();
  });
});
